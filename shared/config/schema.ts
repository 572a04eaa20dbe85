/**
 * The whole mlops.yml, one section per concern. Each section lives in sections/<name>.ts and is
 * owned by the stage that reads it; keys are snake_case and unknown keys are errors everywhere.
 */
import { z } from 'zod';
import { DataSection } from './sections/data.js';
import { DeploySection } from './sections/deploy.js';
import { DriftSection } from './sections/drift.js';
import { GateSection } from './sections/gate.js';
import { ModelCardSection } from './sections/model-card.js';
import { ModelSection } from './sections/model.js';
import { RegistrySection } from './sections/registry.js';
import { ServeSection } from './sections/serve.js';
import { TrainSection } from './sections/train.js';

export const ConfigSchema = z
  .strictObject({
    model: ModelSection.optional(),
    data: DataSection.optional(),
    train: TrainSection.optional(),
    gate: GateSection.optional(),
    registry: RegistrySection.optional(),
    model_card: ModelCardSection.optional(),
    drift: DriftSection.optional(),
    serve: ServeSection.optional(),
    deploy: DeploySection.optional(),
  })
  .describe('mlops-actions configuration (mlops.yml).');

export type Config = z.infer<typeof ConfigSchema>;

export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ConfigSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return {
    $id: 'https://github.com/mlops-actions/mlops-actions/schema/mlops.schema.json',
    title: 'mlops.yml',
    ...schema,
  };
}
