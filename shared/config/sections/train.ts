import * as z from 'zod/mini';
import '../../zod/setup.js';

// Filled in by the train stage; until then the section takes no keys.
export const TrainSection = z.strictObject({}).check(z.describe('Settings for the train stage.'));
