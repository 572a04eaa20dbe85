import * as z from 'zod/mini';
import '../../zod/setup.js';

/**
 * The human-written parts of the model card, after Mitchell et al., "Model Cards for Model
 * Reporting" (2019). Quantitative parts come from the run record, never from here.
 */
const text = (what: string) => z.string().check(z.describe(what));

export const ModelCardSection = z.strictObject({
  owners: z.optional(z.array(z.string().check(z.minLength(1)))).check(z.describe('Teams or people who own the model.')),
  license: z.optional(text('SPDX identifier or name of the model licence.')),
  description: z.optional(text('What the model is and does.')),
  version_notes: z.optional(text('What changed in this version.')),
  references: z.optional(z.array(z.string())).check(z.describe('Papers, docs or links about the model.')),
  citation: z.optional(text('How to cite the model.')),
  contact: z.optional(text('Where to send questions or concerns.')),
  intended_use: z.optional(text('Primary intended uses and users.')),
  out_of_scope: z.optional(text('Uses the model is not meant or fit for.')),
  factors: z.optional(text('Groups, instruments or environments whose performance may differ.')),
  metrics: z.optional(text('Why these metrics and thresholds were chosen.')),
  training_data: z.optional(text('Training data: source, collection, preprocessing.')),
  evaluation_data: z.optional(text('Evaluation data: source, why chosen, preprocessing.')),
  ethical_considerations: z.optional(text('Risks, sensitive data, mitigations.')),
  limitations: z.optional(text('Known limitations.')),
  caveats: z.optional(text('Caveats and recommendations.')),
}).check(z.describe('Human-written parts of the model card.'));

export type ModelCardConfig = z.infer<typeof ModelCardSection>;
export const modelCardKeys = Object.keys(ModelCardSection.shape) as (keyof ModelCardConfig)[];
