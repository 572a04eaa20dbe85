/**
 * Every stage by name, loaded lazily so the CLI and the umbrella action only initialise the
 * one they run.
 */
import type { StageName } from '../shared/stage/action-metadata.js';
import type { Stage } from '../shared/stage/definition.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyStage = Stage<any>;

export const loadStage: Record<StageName, () => Promise<AnyStage>> = {
  'data-validate': async () => (await import('./data-validate/data-validate.js')).dataValidateStage,
  train: async () => (await import('./train/train.js')).trainStage,
  'evaluate-gate': async () => (await import('./evaluate-gate/evaluate-gate.js')).evaluateGateStage,
  'model-card': async () => (await import('./model-card/model-card.js')).modelCardStage,
  register: async () => (await import('./register/register.js')).registerStage,
  deploy: async () => (await import('./deploy/deploy.js')).deployStage,
  'drift-check': async () => (await import('./drift-check/drift-check.js')).driftCheckStage,
};
