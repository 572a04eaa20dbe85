/** Messages between the bootstrap pool (main thread) and its worker threads, as TaskPool carries them. */
import type { ResampleRange } from './bootstrap.js';
import type { MetricsPlan } from './metrics-plan.js';

export interface BootstrapJob {
  candidate: MetricsPlan;
  baseline?: MetricsPlan;
  range: ResampleRange;
  /** Per metric, all resamples (SharedArrayBuffer); the worker writes indices range.from … range.to − 1. */
  candidateOut: Float64Array[];
  deltaOut?: Float64Array[];
}

/** The resamples of its range a worker has done: its progress reports, and its result (all of them). */
export type ResamplesDone = number;
