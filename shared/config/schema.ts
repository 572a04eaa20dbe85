/**
 * The whole mlops.yml, one section per concern. Each section lives in sections/<name>.ts and is
 * owned by the stage that reads it; keys are snake_case and unknown keys are errors everywhere.
 */
import * as z from 'zod/mini';
import '../zod/setup.js';
import { DataSection } from './sections/data.js';
import { DeploySection } from './sections/deploy.js';
import { DriftSection } from './sections/drift.js';
import { GateSection } from './sections/gate.js';
import { ModelCardSection } from './sections/model-card.js';
import { ModelSection } from './sections/model.js';
import { RegistrySection } from './sections/registry.js';
import { ServeSection } from './sections/serve.js';
import { TrainSection } from './sections/train.js';

export const ConfigSchema = z.strictObject({
  model: z.optional(ModelSection),
  data: z.optional(DataSection),
  train: z.optional(TrainSection),
  gate: z.optional(GateSection),
  registry: z.optional(RegistrySection),
  model_card: z.optional(ModelCardSection),
  drift: z.optional(DriftSection),
  serve: z.optional(ServeSection),
  deploy: z.optional(DeploySection),
}).check(z.describe('mlops-actions configuration (mlops.yml).'));

export type Config = z.infer<typeof ConfigSchema>;
