/**
 * mlops-run.json: the lineage backbone. Each stage reads it, writes its own section and writes it
 * back. Sections keep fields this version does not know (loose objects) so nothing is lost when
 * an older stage rewrites a record made by a newer one of the same schema version.
 */
import * as z from 'zod/mini';
import '../zod/setup.js';
import { RunContext, Timestamp } from './sections/common.js';
import { DataRecord } from './sections/data.js';
import { DeployRecord } from './sections/deploy.js';
import { DriftRecord } from './sections/drift.js';
import { EvaluationRecord } from './sections/evaluation.js';
import { ModelCardRecord } from './sections/model-card.js';
import { RegistryRecord } from './sections/registry.js';
import { TrainRecord } from './sections/train.js';

export const RECORD_SCHEMA_VERSION = 1;

export const RunRecordSchema = z.looseObject({
  schema_version: z.literal(RECORD_SCHEMA_VERSION),
  kind: z.literal('mlops-run'),
  created_at: Timestamp,
  updated_at: Timestamp,
  model: z.optional(z.looseObject({ name: z.optional(z.string()), task: z.optional(z.string()) })),
  /** One entry per stage run that wrote to this record, oldest first. */
  history: z._default(z.array(RunContext), []),
  data: z.optional(DataRecord),
  train: z.optional(TrainRecord),
  evaluation: z.optional(EvaluationRecord),
  model_card: z.optional(ModelCardRecord),
  registry: z.optional(RegistryRecord),
  deploy: z.optional(DeployRecord),
  drift: z.optional(DriftRecord),
  /** Digests of the sections as their stages wrote them, and changes noticed since (integrity.ts). */
  integrity: z.optional(z.looseObject({
    sections: z._default(z.record(z.string(), z.looseObject({ digest: z.string(), stage: z.string(), at: z.string() })), {}),
    flags: z._default(z.array(z.looseObject({ section: z.string(), stage: z.string(), at: z.string(), why: z.string(), digest: z.optional(z.string()) })), []),
  })),
});

export type RunRecord = z.infer<typeof RunRecordSchema>;
export type SectionName = 'data' | 'train' | 'evaluation' | 'model_card' | 'registry' | 'deploy' | 'drift';
export type Section<N extends SectionName> = NonNullable<RunRecord[N]>;
/** What a stage hands in: the input side of the schema (defaults not yet applied). */
export type SectionInput<N extends SectionName> = NonNullable<z.input<typeof RunRecordSchema>[N]>;
