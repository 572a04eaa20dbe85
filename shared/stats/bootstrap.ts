/**
 * Paired bootstrap over rows: each resample draws n row indices with replacement (xoshiro128**,
 * seeded) and evaluates candidate and baseline on the SAME draw, as a weight vector of draw counts.
 * The statistic is candidate − baseline on that resample; intervals are percentile intervals
 * (NumPy's linear interpolation) over the resamples where the metric is defined.
 */
import type { RowWeights } from './auc.js';
import type { PreparedMetrics } from './classification.js';
import { pairedBinaryCompute } from './paired-binary.js';
import { Xoshiro128 } from './prng.js';
import { jumpState } from './xoshiro-jump.js';
import { quantileSorted, sortedFinite } from './quantile.js';

export interface BootstrapOptions {
  resamples: number;
  seed: number;
  /** Called after each resample with the number done. */
  onProgress?: (done: number) => void;
}

export interface BootstrapSamples {
  /** Metric names, as in the candidate's prepared metrics. */
  names: readonly string[];
  /** Per metric: the candidate's value on each resample. */
  candidate: Float64Array[];
  /** Per metric: candidate − baseline on each resample (NaN where the baseline lacks the metric). */
  delta?: Float64Array[];
}

/** Fills `counts` with the draw counts of one resample of n rows: n × counts[rng.nextIndex(n)]++. */
export function drawResample(rng: Xoshiro128, counts: Int32Array): void {
  counts.fill(0);
  rng.countIndices(counts, counts.length);
}

/**
 * The draw counts of one resample of n = small.length rows, `draws` draws (n in a bootstrap):
 * one byte per row, or, in the (for n ≥ 256 astronomically rare) case that some row is drawn more
 * than 255 times, the same draws again from the same state into `large`. Same stream, same counts,
 * same generator state afterwards either way.
 */
export function drawCounts(rng: Xoshiro128, small: Uint8Array, large: () => Int32Array, draws = small.length): RowWeights {
  const start = rng.state();
  small.fill(0);
  if (!rng.countIndicesSmall(small, draws)) return small;
  rng.restore(start);
  const counts = large();
  counts.fill(0);
  rng.countIndices(counts, draws);
  return counts;
}

export function pairedBootstrap(candidate: PreparedMetrics, baseline: PreparedMetrics | undefined, options: BootstrapOptions): BootstrapSamples {
  const samples = emptySamples(candidate, baseline, options.resamples);
  runResamples(candidate, baseline, { seed: options.seed, from: 0, to: options.resamples }, samples, options.onProgress);
  return samples;
}

/** Sample arrays for `resamples` resamples (in a SharedArrayBuffer when `shared`, for worker threads to fill). */
export function emptySamples(candidate: PreparedMetrics, baseline: PreparedMetrics | undefined, resamples: number, shared = false): BootstrapSamples {
  const array = () => (shared ? new Float64Array(new SharedArrayBuffer(8 * resamples)) : new Float64Array(resamples));
  return {
    names: candidate.names,
    candidate: candidate.names.map(array),
    delta: baseline ? candidate.names.map(array) : undefined,
  };
}

/** 32-bit outputs each resample consumes: two per row (nextIndex draws 53 bits from two outputs). */
export const OUTPUTS_PER_ROW = 2;

/** The generator positioned at the start of resample `b` of a bootstrap over n rows (jump-ahead, so a thread can start mid-stream). */
export function streamAt(seed: number, rows: number, b: number): Xoshiro128 {
  const rng = new Xoshiro128(seed);
  return b === 0 ? rng : Xoshiro128.fromState(jumpState(rng.state(), OUTPUTS_PER_ROW * rows * b));
}

export interface ResampleRange {
  seed: number;
  /** First resample (inclusive) and end (exclusive), as indices into the whole bootstrap. */
  from: number;
  to: number;
}

/**
 * Resamples from..to-1 of the bootstrap with this seed, written at their own index into
 * `samples`: the one loop both the main thread and worker threads run, so that any split of the
 * resamples gives the same bytes.
 * @param onProgress called after each resample with the number this call has done.
 */
export function runResamples(candidate: PreparedMetrics, baseline: PreparedMetrics | undefined, range: ResampleRange, samples: Omit<BootstrapSamples, 'names'>, onProgress?: (done: number) => void): void {
  let done = 0;
  resampler(candidate, baseline, range.seed, samples)(range.from, range.to, () => onProgress?.(++done));
}

/**
 * A bootstrap's resamples handed out in chunks to the threads that run it: each thread claims
 * the next unclaimed chunk (an atomic add on `next`, a SharedArrayBuffer the threads share) until
 * none is left. A thread that starts late, or shares its core with another process, just claims
 * fewer chunks; which thread runs a resample does not change its bytes (runResamples).
 */
export interface ResampleClaims {
  seed: number;
  resamples: number;
  /** Resamples per claim. */
  chunk: number;
  /** [0]: the first resample not yet claimed. */
  next: Int32Array;
}

/** Chunks per thread: small enough that the last chunks even out the threads' finishing times (~1/64 of a thread's share), large enough that the jump to each chunk's stream (microseconds) is negligible. */
const CHUNKS_PER_THREAD = 64;

export function resampleClaims(seed: number, resamples: number, threads: number): ResampleClaims {
  return { seed, resamples, chunk: Math.max(1, Math.ceil(resamples / (threads * CHUNKS_PER_THREAD))), next: new Int32Array(new SharedArrayBuffer(4)) };
}

/**
 * Claims and runs chunks of the bootstrap until all are claimed.
 * @param onProgress called after each resample with the number this call has done.
 * @returns the number of resamples this call ran.
 */
export function runClaimedResamples(candidate: PreparedMetrics, baseline: PreparedMetrics | undefined, claims: ResampleClaims, samples: Omit<BootstrapSamples, 'names'>, onProgress?: (done: number) => void): number {
  const run = resampler(candidate, baseline, claims.seed, samples);
  let done = 0;
  for (;;) {
    const from = Atomics.add(claims.next, 0, claims.chunk);
    if (from >= claims.resamples) return done;
    run(from, Math.min(claims.resamples, from + claims.chunk), () => {
      done++;
      onProgress?.(done);
    });
  }
}

/** A function running resamples from..to-1 (its buffers and fused pass built once, for every range it is given). */
function resampler(candidate: PreparedMetrics, baseline: PreparedMetrics | undefined, seed: number, samples: Omit<BootstrapSamples, 'names'>): (from: number, to: number, afterEach: () => void) => void {
  if (baseline && baseline.rows !== candidate.rows) throw new Error('paired bootstrap needs the same rows for both models');
  const n = candidate.rows;
  const metrics = candidate.names.length;
  const baselineIndex = candidate.names.map((name) => (baseline ? baseline.names.indexOf(name) : -1));
  const small = new Uint8Array(n);
  let large: Int32Array | undefined;
  const wide = () => (large ??= new Int32Array(n));
  const candidateOut = new Float64Array(metrics);
  const baselineOut = new Float64Array(baseline?.names.length ?? 0);
  const paired = pairedBinaryCompute(candidate, baseline);
  return (from, to, afterEach) => {
    const rng = streamAt(seed, n, from);
    for (let b = from; b < to; b++) {
      const weights = drawCounts(rng, small, wide);
      if (paired) paired(weights, candidateOut, baselineOut);
      else {
        candidate.compute(weights, candidateOut);
        if (baseline) baseline.compute(weights, baselineOut);
      }
      for (let m = 0; m < metrics; m++) {
        samples.candidate[m]![b] = candidateOut[m]!;
        if (samples.delta) {
          const j = baselineIndex[m]!;
          samples.delta[m]![b] = j >= 0 ? candidateOut[m]! - baselineOut[j]! : Number.NaN;
        }
      }
      afterEach();
    }
  };
}

/**
 * The percentile interval at confidence 1 - alpha; null when fewer than half of the resamples
 * define the metric (e.g. AUC on slices that often lack a class).
 */
export function percentileInterval(samples: Float64Array, alpha: number): [number, number] | null {
  const sorted = sortedFinite(samples);
  if (sorted.length === 0 || sorted.length < samples.length / 2) return null;
  return [quantileSorted(sorted, alpha / 2), quantileSorted(sorted, 1 - alpha / 2)];
}

/**
 * Two-sided bootstrap p-value for H0: statistic = boundary, 2 · min(P*(≤ b), P*(≥ b)): the
 * smallest alpha whose percentile interval excludes the boundary (used to order tests for Holm).
 */
export function bootstrapPValue(samples: Float64Array, boundary: number): number {
  let below = 0;
  let above = 0;
  let finite = 0;
  for (const value of samples) {
    if (!Number.isFinite(value)) continue;
    finite++;
    if (value <= boundary) below++;
    if (value >= boundary) above++;
  }
  if (finite === 0) return 1;
  return Math.min(1, (2 * Math.min(below, above)) / finite);
}

/**
 * The interval that inverts bootstrapPValue: every boundary b with p(b) > alpha, i.e. the order
 * statistics [s(k), s(F − k + 1)] of the F finite resamples with k = ⌊alpha · F / 2⌋ + 1. A boundary
 * lies outside it exactly when bootstrapPValue(samples, b) ≤ alpha, so a decision read off the
 * interval and the reported p-value never disagree. null as percentileInterval.
 */
export function bootstrapInterval(samples: Float64Array, alpha: number): [number, number] | null {
  const sorted = sortedFinite(samples);
  const finite = sorted.length;
  if (finite === 0 || finite < samples.length / 2) return null;
  // The smallest count k with 2k / F > alpha, in the p-value's own floating-point arithmetic.
  let k = Math.floor((alpha * finite) / 2) + 1;
  while ((2 * k) / finite <= alpha) k++;
  while (k > 1 && (2 * (k - 1)) / finite > alpha) k--;
  if (k > finite - k + 1) return [sorted[Math.floor((finite - 1) / 2)]!, sorted[Math.floor(finite / 2)]!];
  return [sorted[k - 1]!, sorted[finite - k]!];
}
