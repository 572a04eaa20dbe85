import { z } from 'zod';

/**
 * The human-written parts of the model card, after Mitchell et al., "Model Cards for Model
 * Reporting" (2019). Quantitative parts come from the run record, never from here.
 */
const text = (what: string) => z.string().describe(what);

export const ModelCardSection = z
  .strictObject({
    owners: z.array(z.string().min(1)).optional().describe('Teams or people who own the model.'),
    license: text('SPDX identifier or name of the model licence.').optional(),
    description: text('What the model is and does.').optional(),
    version_notes: text('What changed in this version.').optional(),
    references: z.array(z.string()).optional().describe('Papers, docs or links about the model.'),
    citation: text('How to cite the model.').optional(),
    contact: text('Where to send questions or concerns.').optional(),
    intended_use: text('Primary intended uses and users.').optional(),
    out_of_scope: text('Uses the model is not meant or fit for.').optional(),
    factors: text('Groups, instruments or environments whose performance may differ.').optional(),
    metrics: text('Why these metrics and thresholds were chosen.').optional(),
    training_data: text('Training data: source, collection, preprocessing.').optional(),
    evaluation_data: text('Evaluation data: source, why chosen, preprocessing.').optional(),
    ethical_considerations: text('Risks, sensitive data, mitigations.').optional(),
    limitations: text('Known limitations.').optional(),
    caveats: text('Caveats and recommendations.').optional(),
  })
  .describe('Human-written parts of the model card.');

export type ModelCardConfig = z.infer<typeof ModelCardSection>;
export const modelCardKeys = Object.keys(ModelCardSection.shape) as (keyof ModelCardConfig)[];
