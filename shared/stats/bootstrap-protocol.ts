/** Messages between the bootstrap pool (main thread) and its worker threads, as TaskPool carries them. */
import type { ResampleClaims } from './bootstrap.js';
import type { MetricsPlan } from './metrics-plan.js';

export interface BootstrapJob {
  candidate: MetricsPlan;
  baseline?: MetricsPlan;
  /** The resamples, claimed in chunks by every thread of the bootstrap (runClaimedResamples). */
  claims: ResampleClaims;
  /** Per metric, all resamples (SharedArrayBuffer); the worker writes the indices of the chunks it claims. */
  candidateOut: Float64Array[];
  deltaOut?: Float64Array[];
}

/** The resamples a worker has done: its progress reports, and its result (all it claimed). */
export type ResamplesDone = number;
