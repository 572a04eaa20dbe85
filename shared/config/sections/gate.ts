import { z } from 'zod';

// Filled in by the gate stage; until then the section takes no keys.
export const GateSection = z.strictObject({}).describe('Settings for the gate stage.');
