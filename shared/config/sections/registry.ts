import { z } from 'zod';

// Filled in by the registry stage; until then the section takes no keys.
export const RegistrySection = z.strictObject({}).describe('Settings for the registry stage.');
