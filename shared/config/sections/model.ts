import * as z from 'zod/mini';
import '../../zod/setup.js';

export const modelNamePattern = /^[a-z0-9][a-z0-9._-]*$/;

export const ModelSection = z.strictObject({
  name: z.string().check(z.regex(modelNamePattern, 'lower-case letters, digits, ".", "_" and "-", starting with a letter or digit'), z.describe('Model name; also the registry repository name.')),
  task: z.optional(z.enum(['classification', 'regression'])).check(z.describe('What the model predicts.')),
  label: z.optional(z.string().check(z.minLength(1))).check(z.describe('Label column in the data.')),
  features: z.optional(z.array(z.string().check(z.minLength(1)))).check(z.describe('Feature columns in model input order.')),
  description: z.optional(z.string()).check(z.describe('One-paragraph description of the model.')),
}).check(z.describe('The model this repository trains.'));
