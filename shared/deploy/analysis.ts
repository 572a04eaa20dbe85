/**
 * The canary judge for one bake window: error rate and p99 latency of the canary against the
 * thresholds, and its prediction distribution against the stable version's over the same
 * window. Too little canary traffic is "inconclusive" (the step is held), never a pass.
 *
 * Prediction shift: the Jensen–Shannon distance (base 2, so in [0, 1]; scipy's
 * `jensenshannon(p, q, base=2)`) between the two prediction histograms must exceed
 * `maxPredictionShift` AND the difference must be significant in a chi-square test of
 * homogeneity (bins pooled left to right until every expected count is at least
 * MIN_EXPECTED), so noise in a small bake does not fail a good canary. A distance above the
 * threshold that the test cannot yet tell from noise is "inconclusive" — the window grows until
 * the shift is significant (fail), the distance falls under the threshold (pass) or the step's
 * deadline passes (roll back): a small sample never passes a canary whose distance is too large.
 */
import { chiSquareHomogeneity } from '../stats/chi-square.js';
import { histogramTotal, type Histogram } from './prometheus.js';

export const MIN_EXPECTED = 5;
export const SHIFT_ALPHA = 0.01;

export interface Thresholds {
  maxErrorRate: number;
  maxP99Ms: number;
  maxPredictionShift: number;
  /** Canary requests below which the error rate and latency cannot be judged. */
  minRequests: number;
  /** Predictions (rows) per side below which the shift cannot be judged. */
  minPredictions: number;
  /**
   * How many windows a step may judge before its deadline (the rollout's hold factor; default 1).
   * A held step is judged again on a growing window, and each look is another chance for noise to
   * reach significance, so the shift test runs at SHIFT_ALPHA / looks: a canary that predicts
   * like the stable version is failed by chance in at most SHIFT_ALPHA of its steps (Bonferroni
   * over the looks), however long the step is held.
   */
  looks?: number;
}

export type Verdict = 'pass' | 'fail' | 'inconclusive';

export interface WindowFigures {
  /** Canary infer requests in the window, and those answered with a 5xx. */
  requests: number;
  errors: number;
  /** Canary request durations (seconds). */
  latency: Histogram;
  /** Prediction histograms of the canary and the stable version. */
  canaryPredictions: Histogram;
  stablePredictions?: Histogram;
  /** Series of the judged versions that stopped reporting during the window (their process restarted, was replaced, or another replica answered). */
  vanished?: number;
}

export interface Analysis {
  verdict: Verdict;
  reasons: string[];
  requests: number;
  errors: number;
  error_rate: number | null;
  p99_ms: number | null;
  prediction_shift: number | null;
  shift_p_value: number | null;
  canary_predictions: number;
  stable_predictions: number;
}

export function analyseWindow(figures: WindowFigures, thresholds: Thresholds): Analysis {
  const reasons: string[] = [];
  const verdicts: Verdict[] = [];
  const { requests, errors } = figures;
  const errorRate = requests > 0 ? errors / requests : null;

  // Errors: judged on enough requests, or on so many errors that no later traffic could save it.
  if (requests >= thresholds.minRequests) {
    if (errorRate! > thresholds.maxErrorRate) {
      verdicts.push('fail');
      reasons.push(`error rate ${formatRate(errorRate!)} (${errors}/${requests}) is above max-error-rate ${formatRate(thresholds.maxErrorRate)}`);
    } else verdicts.push('pass');
  } else if (errors > thresholds.maxErrorRate * thresholds.minRequests) {
    verdicts.push('fail');
    reasons.push(`${errors} of the first ${requests} canary requests failed (max-error-rate ${formatRate(thresholds.maxErrorRate)})`);
  } else {
    verdicts.push('inconclusive');
    reasons.push(`only ${requests} canary requests (need ${thresholds.minRequests})`);
  }

  const p99 = histogramQuantile(0.99, figures.latency);
  const p99Ms = p99 === null ? null : p99 * 1000;
  if (requests >= thresholds.minRequests) {
    if (p99Ms === null) {
      // Requests counted but no durations: a partial scrape is missing evidence, not a pass.
      verdicts.push('inconclusive');
      reasons.push(`no request durations for the ${requests} canary requests (no mlops_serve_request_duration_seconds observations in the scrape)`);
    } else if (p99Ms > thresholds.maxP99Ms) {
      verdicts.push('fail');
      reasons.push(`p99 latency ${p99Ms.toFixed(1)} ms is above max-p99-ms ${thresholds.maxP99Ms}`);
    } else verdicts.push('pass');
  }

  const canaryCount = histogramTotal(figures.canaryPredictions);
  const stableCount = figures.stablePredictions ? histogramTotal(figures.stablePredictions) : 0;
  let shift: number | null = null;
  let pValue: number | null = null;
  if (figures.stablePredictions) {
    if (canaryCount >= thresholds.minPredictions && stableCount >= thresholds.minPredictions) {
      const [a, b] = alignBins(figures.canaryPredictions, figures.stablePredictions);
      shift = jensenShannonDistance(a, b);
      pValue = chiSquareHomogeneity(...poolBins(a, b, MIN_EXPECTED)).pValue;
      const alpha = SHIFT_ALPHA / Math.max(1, Math.ceil(thresholds.looks ?? 1));
      if (shift <= thresholds.maxPredictionShift) verdicts.push('pass');
      else if (pValue < alpha) {
        verdicts.push('fail');
        reasons.push(`prediction shift ${shift.toFixed(3)} (Jensen–Shannon distance) is above max-prediction-shift ${thresholds.maxPredictionShift} (chi-square p = ${pValue.toExponential(2)})`);
      } else {
        // Too few predictions to tell a real shift from noise: that is missing evidence, not a pass.
        verdicts.push('inconclusive');
        reasons.push(
          `prediction shift ${shift.toFixed(3)} (Jensen–Shannon distance) is above max-prediction-shift ${thresholds.maxPredictionShift} but not yet significant (chi-square p = ${pValue.toExponential(2)}, fails below ${Number(alpha.toPrecision(3))}) on ${canaryCount} canary and ${stableCount} stable predictions`,
        );
      }
    } else {
      verdicts.push('inconclusive');
      reasons.push(`only ${canaryCount} canary and ${stableCount} stable predictions to compare (need ${thresholds.minPredictions} each)`);
    }
  }

  if (figures.vanished && !verdicts.includes('fail')) {
    // Part of the window left with a server process, so a pass cannot rest on what is left; a
    // fail can (the errors and predictions it counted did happen): a crash-looping canary fails.
    verdicts.splice(0, verdicts.length, 'inconclusive');
    reasons.splice(0, reasons.length, `${figures.vanished} series of the judged versions stopped reporting during the window (a server process restarted or was replaced, or the scrape reached another replica), so the window had to start again`);
  }
  const verdict: Verdict = verdicts.includes('fail') ? 'fail' : verdicts.includes('inconclusive') ? 'inconclusive' : 'pass';
  return {
    verdict,
    reasons: verdict === 'pass' ? [] : reasons,
    requests,
    errors,
    error_rate: errorRate,
    p99_ms: p99Ms,
    prediction_shift: shift,
    shift_p_value: pValue,
    canary_predictions: canaryCount,
    stable_predictions: stableCount,
  };
}

function formatRate(rate: number): string {
  return `${(rate * 100).toFixed(2)} %`;
}

/** Both histograms over the union of their bounds (a missing bound counts 0). */
export function alignBins(a: Histogram, b: Histogram): [number[], number[]] {
  const bounds = [...new Set([...a.bounds, ...b.bounds])].sort((x, y) => x - y);
  const pick = (h: Histogram) => {
    const byBound = new Map(h.bounds.map((bound, i) => [bound, h.counts[i]!]));
    return bounds.map((bound) => byBound.get(bound) ?? 0);
  };
  return [pick(a), pick(b)];
}

/** Jensen–Shannon distance, base 2, between two count vectors (normalised here). */
export function jensenShannonDistance(a: readonly number[], b: readonly number[]): number {
  const totalA = a.reduce((s, x) => s + x, 0);
  const totalB = b.reduce((s, x) => s + x, 0);
  if (totalA === 0 || totalB === 0) return totalA === totalB ? 0 : 1;
  let divergence = 0;
  for (let i = 0; i < a.length; i++) {
    const p = a[i]! / totalA;
    const q = b[i]! / totalB;
    const m = (p + q) / 2;
    if (p > 0) divergence += p * Math.log2(p / m);
    if (q > 0) divergence += q * Math.log2(q / m);
  }
  return Math.sqrt(Math.max(0, divergence / 2));
}

/**
 * Adjacent bins merged left to right until each merged bin's expected count in the smaller
 * sample is at least `minExpected`; a short remainder joins the last merged bin.
 */
export function poolBins(a: readonly number[], b: readonly number[], minExpected: number): [number[], number[]] {
  const totalA = a.reduce((s, x) => s + x, 0);
  const totalB = b.reduce((s, x) => s + x, 0);
  const total = totalA + totalB;
  const smaller = Math.min(totalA, totalB);
  const pooledA: number[] = [];
  const pooledB: number[] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i < a.length; i++) {
    x += a[i]!;
    y += b[i]!;
    if (total > 0 && ((x + y) * smaller) / total >= minExpected) {
      pooledA.push(x);
      pooledB.push(y);
      x = 0;
      y = 0;
    }
  }
  if (x + y > 0) {
    if (pooledA.length === 0) {
      pooledA.push(x);
      pooledB.push(y);
    } else {
      pooledA[pooledA.length - 1]! += x;
      pooledB[pooledB.length - 1]! += y;
    }
  }
  return [pooledA, pooledB];
}

/** histogram_quantile as Prometheus computes it: linear inside the bucket; +Inf → the highest finite bound. */
export function histogramQuantile(q: number, h: Histogram): number | null {
  const total = histogramTotal(h);
  if (total === 0) return null;
  const rank = q * total;
  let cumulative = 0;
  for (let i = 0; i < h.bounds.length; i++) {
    const count = h.counts[i]!;
    if (cumulative + count >= rank && count > 0) {
      const upper = h.bounds[i]!;
      if (upper === Infinity) return i > 0 ? h.bounds[i - 1]! : null;
      const lower = i === 0 ? 0 : h.bounds[i - 1]!;
      if (i === 0 && upper <= 0) return upper;
      return lower + (upper - lower) * ((rank - cumulative) / count);
    }
    cumulative += count;
  }
  return h.bounds.filter(Number.isFinite).at(-1) ?? null;
}
