import { z } from 'zod';

// Filled in by the train stage; until then the section takes no keys.
export const TrainSection = z.strictObject({}).describe('Settings for the train stage.');
