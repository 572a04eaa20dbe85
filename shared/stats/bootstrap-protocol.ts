/** Messages between the bootstrap pool (main thread) and its worker threads. */
import type { ResampleRange } from './bootstrap.js';
import type { MetricsPlan } from './metrics-plan.js';

export interface BootstrapJob {
  job: number;
  candidate: MetricsPlan;
  baseline?: MetricsPlan;
  range: ResampleRange;
  /** Per metric, all resamples (SharedArrayBuffer); the worker writes indices range.from … range.to − 1. */
  candidateOut: Float64Array[];
  deltaOut?: Float64Array[];
}

export type BootstrapReply =
  | { job: number; type: 'progress' | 'done'; done: number }
  | { job: number; type: 'failed'; message: string };
