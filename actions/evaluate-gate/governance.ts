/**
 * The governance evidence evaluate-gate adds to an evaluation (docs/governance.md): fairness
 * across sensitive attributes (gate.fairness) and permutation feature importance (gate.explain
 * or the explain input). This module is the seam between evaluate.ts and the two computations:
 * input checks before any row is scored, then the evidence once the models are scored.
 */
import type { ExplainConfig, FairnessConfig } from '../../shared/config/sections/governance.js';
import type { GateConfig } from '../../shared/config/sections/gate.js';
import type { Host } from '../../shared/host/host.js';
import type { BootstrapRunner } from '../../shared/stats/bootstrap-pool.js';
import type { ClassificationInput } from '../../shared/stats/classification.js';
import type { ModelKind } from '../../shared/stats/metric-names.js';
import type { ClassSpace } from './classes.js';
import { fairnessGate, fairnessThresholds, type FairnessGate, type FairnessInput, type FairnessOutcome } from './fairness-gate.js';
import { requireColumn, type Holdout } from './holdout.js';
import { checkExplainMetric, permutationImportance, type ImportanceResult, type ScoredModel } from './importance.js';

export interface GovernanceEvidence {
  fairness?: FairnessOutcome[];
  importance?: ImportanceResult;
}

/** Checks before scoring: attribute columns exist, fairness metrics and the explain metric fit the task (when it is known). */
export function checkGovernance(gate: GateConfig, explain: ExplainConfig | undefined, holdout: Holdout, kind: ModelKind | undefined, probabilities: boolean): void {
  for (const attribute of gate.fairness?.attributes ?? []) requireColumn(holdout, attribute, 'gate.fairness.attributes', 'gate.fairness.attributes in mlops.yml');
  if (gate.fairness && kind) fairnessThresholds(gate.fairness, kind);
  if (explain && kind) checkExplainMetric(explain, kind, probabilities);
}

/** The fairness gate's input before the gate config's min_detectable is read into it. */
export type FairnessSetup = Omit<FairnessInput, 'minDetectable'> & { gate: GateConfig };

/** The fairness gate (its tests join decide()'s Holm family), or undefined without gate.fairness. */
export async function fairnessFor(setup: FairnessSetup | undefined, host: Host, bootstrap?: BootstrapRunner): Promise<FairnessGate | undefined> {
  if (!setup) return undefined;
  const gate = await fairnessGate({ ...setup, minDetectable: setup.gate.min_detectable }, bootstrap);
  host.info(`fairness: ${setup.config.attributes.join(', ')} (${gate.tests.length} interval test${gate.tests.length === 1 ? '' : 's'} join Holm's family)`);
  return gate;
}

export async function attributeColumns(holdout: Holdout, config: FairnessConfig | undefined): Promise<Map<string, (string | null)[]>> {
  if (!config) return new Map();
  const values = await holdout.strings(config.attributes);
  return new Map(config.attributes.map((name, i) => [name, values[i]!]));
}

export interface ImportanceSetup {
  explain: ExplainConfig;
  kind: ModelKind;
  holdout: Holdout;
  candidate: ScoredModel;
  baseline?: ScoredModel;
  truth: { classes: Int32Array; space: ClassSpace; threshold: number } | { values: Float64Array };
  probabilities: boolean;
  seed: number;
  alpha: number;
}

export async function importanceFor(setup: ImportanceSetup | undefined, host: Host): Promise<ImportanceResult | undefined> {
  if (!setup) return undefined;
  checkExplainMetric(setup.explain, setup.kind, setup.probabilities);
  return permutationImportance({ config: setup.explain, kind: setup.kind, holdout: setup.holdout, candidate: setup.candidate, baseline: setup.baseline, truth: setup.truth, seed: setup.seed, alpha: setup.alpha }, host);
}
