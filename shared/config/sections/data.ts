import { z } from 'zod';

// Filled in by the data stage; until then the section takes no keys.
export const DataSection = z.strictObject({}).describe('Settings for the data stage.');
