/**
 * The model card as data: human-written sections from mlops.yml, quantitative parts from the
 * run record. Rendering (Markdown, JSON) works from this one object.
 */
import type { Config } from '../../shared/config/schema.js';
import type { ModelCardConfig } from '../../shared/config/sections/model-card.js';
import type { RunRecord } from '../../shared/record/schema.js';
import type { RunContext } from '../../shared/record/sections/common.js';
import { cardGovernance, type CardGovernance } from './governance-card.js';

export interface MetricRow {
  name: string;
  value: number | null;
  /** Confidence interval of the value itself, when the evaluation computed one. */
  ci?: [number, number];
  baseline?: number | null;
  delta?: number | null;
  /** Confidence interval of candidate − baseline. */
  deltaCi?: [number, number];
  verdict?: string;
  /** Why the value or an interval is undefined (shown as n/a), from the gate's results. */
  undefinedReason?: string;
}

export interface SliceRow {
  column: string;
  value: string;
  rows: number;
  metrics: MetricRow[];
}

export interface CardContent {
  name: string;
  task?: string;
  description?: string;
  sections: ModelCardConfig;
  model?: { path?: string; sha256?: string; bytes?: number };
  training?: { command: string; duration_seconds: number; gpus: string[]; metrics: Record<string, number>; params?: Record<string, unknown>; started_at: string };
  evaluation?: { rows: number; dataPath: string; dataFingerprint?: string; alpha: number; verdict: string; baseline?: string; metrics: MetricRow[]; slices: SliceRow[] };
  data?: { fingerprint: string; rows: number; columns?: number; files: string[]; profile: { name: string; type: string; null_fraction?: number; distinct?: number; min?: unknown; max?: unknown; mean?: number | null }[] };
  /** Fairness and importance evidence from the gate, and the governance checks that ran. */
  governance?: CardGovernance;
  lineage: { commit?: string; repository?: string; runUrl?: string; actor?: string; registryRef?: string; registryDigest?: string; version?: string };
}

/** @param here where this card is being made; lineage falls back to it when the record has none. */
export function buildCardContent(config: Config, record: RunRecord | undefined, here: RunContext): CardContent {
  const name = config.model?.name ?? record?.model?.name ?? 'model';
  const content: CardContent = {
    name,
    task: config.model?.task ?? record?.evaluation?.task ?? record?.model?.task,
    description: config.model_card?.description ?? config.model?.description,
    sections: config.model_card ?? {},
    lineage: { commit: here.commit, repository: here.repository, runUrl: here.run_url, actor: here.actor },
  };
  if (!record) return content;

  const train = record.train;
  if (train) {
    content.training = {
      command: train.command,
      duration_seconds: train.duration_seconds,
      gpus: train.environment.gpus.map((gpu) => gpu.name),
      metrics: train.metrics,
      params: train.params,
      started_at: train.started_at,
    };
    if (train.model) content.model = { path: train.model.path, sha256: train.model.sha256, bytes: train.model.bytes };
  }

  const evaluation = record.evaluation;
  if (evaluation) {
    content.model ??= { path: evaluation.model.path, sha256: evaluation.model.sha256 };
    content.evaluation = {
      rows: evaluation.data.rows,
      dataPath: evaluation.data.path,
      dataFingerprint: evaluation.data.fingerprint,
      alpha: evaluation.alpha,
      verdict: evaluation.verdict,
      baseline: evaluation.baseline?.ref,
      metrics: Object.entries(evaluation.metrics).map(([metric, result]) => metricRow(metric, result)),
      slices: (evaluation.slices ?? []).map((slice) => ({
        column: slice.column,
        value: slice.value,
        rows: slice.rows,
        metrics: Object.entries(slice.metrics).map(([metric, result]) => metricRow(metric, result)),
      })),
    };
  }

  content.governance = cardGovernance(record);

  const data = record.data;
  if (data) {
    content.data = {
      fingerprint: data.fingerprint,
      rows: data.rows,
      columns: data.columns,
      files: data.files.map((file) => file.path),
      profile: data.profile_summary ?? [],
    };
  }

  // The commit that trained the model is the one that matters; fall back to where we are now.
  const trained = [...record.history].reverse().find((entry) => entry.stage === 'train') ?? record.history.at(-1) ?? here;
  content.lineage = {
    commit: trained.commit ?? here.commit,
    repository: trained.repository ?? here.repository,
    runUrl: trained.run_url ?? [...record.history].reverse().find((entry) => entry.run_url)?.run_url ?? here.run_url,
    actor: trained.actor ?? here.actor,
    registryRef: record.registry?.reference,
    registryDigest: record.registry?.digest,
    version: record.registry?.version,
  };
  return content;
}

function metricRow(name: string, result: NonNullable<RunRecord['evaluation']>['metrics'][string]): MetricRow {
  return {
    name,
    value: result.candidate,
    ci: result.candidate_ci ?? undefined,
    baseline: result.baseline,
    delta: result.delta,
    deltaCi: result.ci ?? undefined,
    verdict: result.verdict,
    ...(result.undefined_reason ? { undefinedReason: result.undefined_reason } : {}),
  };
}

/** The model_card keys that are empty in the config. */
export function missingSections(sections: ModelCardConfig, required: readonly string[]): string[] {
  return required.filter((key) => {
    const value = (sections as Record<string, unknown>)[key];
    if (value === undefined || value === null) return true;
    if (typeof value === 'string') return value.trim() === '';
    if (Array.isArray(value)) return value.length === 0;
    return false;
  });
}
