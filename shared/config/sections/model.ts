import { z } from 'zod';

export const modelNamePattern = /^[a-z0-9][a-z0-9._-]*$/;

export const ModelSection = z
  .strictObject({
    name: z
      .string()
      .regex(modelNamePattern, 'lower-case letters, digits, ".", "_" and "-", starting with a letter or digit')
      .describe('Model name; also the registry repository name.'),
    task: z.enum(['classification', 'regression']).optional().describe('What the model predicts.'),
    label: z.string().min(1).optional().describe('Label column in the data.'),
    features: z.array(z.string().min(1)).optional().describe('Feature columns in model input order.'),
    description: z.string().optional().describe('One-paragraph description of the model.'),
  })
  .describe('The model this repository trains.');
