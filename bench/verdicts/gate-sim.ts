/**
 * Null and power simulations of the evaluate-gate decision, in process: the library functions the
 * action calls after scoring (prepareClassification, pairedBootstrap with 1,000 resamples,
 * discordantCounts, decide, overallVerdict), on the predictions two passthrough models
 * (test/fixtures/models/passthrough_binary.onnx: score in, probability out) would return, so no
 * onnxruntime call is needed to know them.
 *
 * Data: label y ~ Bernoulli(0.4); a shared latent s = 1.6 (2y − 1) + N(0, 1); each model's score
 * is float32(logistic(s + N(0, 1))) with its own noise, so candidate and baseline are
 * exchangeable: under the null every metric's true Δ is exactly 0. Drops: on a random share
 * d / (2·acc − 1) of rows the candidate's score is mirrored (1 − s), which flips those rows'
 * correctness and lowers the expected accuracy by exactly d (1, 2 or 5 points).
 * Policy: the default (accuracy and roc_auc with max_drop 0; min_detectable 0.02), alpha 0.05;
 * slices: a 3-value column (≈ n/3 rows each), 8 Holm tests in all.
 *
 * Usage: node bench/verdicts/run.mjs gate <part> <reps> [seed] > out.json
 *   part: null | power | n-sweep | n-sweep-more | consistency (n = 500, 8 Holm tests, null and drops)
 */
import { bootstrapInterval, pairedBootstrap } from '../../shared/stats/bootstrap.js';
import { metricValues, prepareClassification, type ClassificationInput } from '../../shared/stats/classification.js';
import { accuracyDifferenceInterval, discordantCounts } from '../../shared/stats/paired-accuracy.js';
import { Xoshiro128 } from '../../shared/stats/prng.js';
import { decide, overallVerdict, type GroupEvidence, type MetricEvidence } from '../../actions/evaluate-gate/decide.js';

const [part = 'null', repsArg = '100', seedArg = '20261201'] = process.argv.slice(2);
const REPS = Number(repsArg);
const RESAMPLES = 1000;
const ALPHA = 0.05;
const GATED = ['accuracy', 'roc_auc'] as const;
const rng = new Xoshiro128(Number(seedArg));
const gaussian = () => Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

interface Holdout {
  truth: Int32Array;
  candidate: Float64Array;
  baseline: Float64Array;
  slice: Int32Array;
}

function holdout(n: number, mirrorShare: number): Holdout {
  const h: Holdout = { truth: new Int32Array(n), candidate: new Float64Array(n), baseline: new Float64Array(n), slice: new Int32Array(n) };
  for (let i = 0; i < n; i++) {
    const y = rng.nextDouble() < 0.4 ? 1 : 0;
    const shared = 1.6 * (2 * y - 1) + gaussian();
    h.truth[i] = y;
    h.baseline[i] = Math.fround(logistic(shared + gaussian()));
    const c = Math.fround(logistic(shared + gaussian()));
    h.candidate[i] = rng.nextDouble() < mirrorShare ? Math.fround(1 - c) : c;
    h.slice[i] = Math.floor(rng.nextDouble() * 3);
  }
  return h;
}

/** What evaluate-gate builds from a [N] probability output: two columns, label = P(1) > 0.5. */
function input(truth: Int32Array, scores: Float64Array, rows?: number[]): ClassificationInput {
  const idx = rows ?? Array.from(truth, (_, i) => i);
  const t = Int32Array.from(idx, (r) => truth[r]!);
  const s = Float64Array.from(idx, (r) => scores[r]!);
  const probabilities = new Float64Array(2 * s.length);
  s.forEach((p, i) => {
    probabilities[2 * i] = 1 - p;
    probabilities[2 * i + 1] = p;
  });
  return { classes: 2, truth: t, predicted: Int32Array.from(s, (p) => (p > 0.5 ? 1 : 0)), probabilities };
}

const correct = (c: ClassificationInput) => Uint8Array.from(c.truth, (t, i) => (t === c.predicted[i] ? 1 : 0));

function group(h: Holdout, rows?: number[], slice?: string): GroupEvidence {
  const c = input(h.truth, h.candidate, rows);
  const b = input(h.truth, h.baseline, rows);
  const cm = prepareClassification(c);
  const bm = prepareClassification(b);
  const samples = pairedBootstrap(cm, bm, { resamples: RESAMPLES, seed: rng.nextUint32() });
  const cv = metricValues(cm);
  const bv = metricValues(bm);
  const metrics = new Map<string, MetricEvidence>();
  cm.names.forEach((name, m) => {
    const e: MetricEvidence = { candidate: cv[name] ?? null, baseline: bv[name] ?? null, candidateSamples: samples.candidate[m]!, deltaSamples: samples.delta![m] };
    if (name === 'accuracy') e.discordant = discordantCounts(correct(c), correct(b));
    metrics.set(name, e);
  });
  return { slice: slice ? { column: 'segment', value: slice } : undefined, rows: c.truth.length, metrics };
}

/** Population values (1,000,000 rows): the candidate's metrics and Δ for a mirror share. */
function population(mirrorShare: number) {
  const h = holdout(1_000_000, mirrorShare);
  const c = metricValues(prepareClassification(input(h.truth, h.candidate)));
  const b = metricValues(prepareClassification(input(h.truth, h.baseline)));
  return { candidate: c, delta: Object.fromEntries(Object.keys(c).map((k) => [k, c[k]! - b[k]!])) };
}

interface Tally {
  n: number;
  drop: number;
  slices: boolean;
  runs: number;
  verdicts: Record<string, number>;
  /** Per gated test (all:metric / slice:metric): runs where it failed; slice counts are per slice test. */
  fails: Record<string, number>;
  sliceTests: number;
  /** Per metric: runs whose 95 % interval (unadjusted) of Δ / of the candidate covered the true value. */
  deltaCovered: Record<string, number>;
  deltaDefined: Record<string, number>;
  candidateCovered: Record<string, number>;
  candidateDefined: Record<string, number>;
  /** Per gated metric: sum of the reported minimum detectable effect, and runs above the target. */
  mdeSum: Record<string, number>;
  insufficientMetric: Record<string, number>;
  /** Gated change tests checked for a contradiction between verdict, Holm-adjusted p and interval, and those found. */
  consistencyTests: number;
  contradictions: { group: number; metric: string; verdict: string; p_adjusted: number; ci: [number, number] | null }[];
  seconds: number;
}

function runScenario(n: number, drop: number, slices: boolean, reps: number, accuracy: number): Tally {
  const mirror = drop > 0 ? drop / (2 * accuracy - 1) : 0;
  const truth = population(mirror);
  // Under the null the true Δ is exactly 0 by exchangeability; with a drop, the 1M-row value.
  const trueDelta = (metric: string) => (drop === 0 ? 0 : metric === 'accuracy' ? -drop : truth.delta[metric]!);
  const t: Tally = { n, drop, slices, runs: 0, verdicts: {}, fails: {}, sliceTests: 0, deltaCovered: {}, deltaDefined: {}, candidateCovered: {}, candidateDefined: {}, mdeSum: {}, insufficientMetric: {}, consistencyTests: 0, contradictions: [], seconds: 0 };
  const began = performance.now();
  for (let r = 0; r < reps; r++) {
    const h = holdout(n, mirror);
    const groups = [group(h)];
    if (slices) for (let s = 0; s < 3; s++) groups.push(group(h, [...h.slice.keys()].filter((i) => h.slice[i] === s), `s${s}`));
    const thresholds = Object.fromEntries(GATED.map((m) => [m, { max_drop: 0 }]));
    const outcomes = decide(groups, { alpha: ALPHA, thresholds, absolute: 'point', hasBaseline: true });
    const { verdict } = overallVerdict(outcomes);
    t.runs++;
    t.verdicts[verdict] = (t.verdicts[verdict] ?? 0) + 1;
    outcomes.forEach((o, g) => {
      if (g > 0) t.sliceTests += GATED.length;
      for (const metric of GATED) {
        const m = o.metrics[metric]!;
        const key = `${g === 0 ? 'all' : 'slice'}:${metric}`;
        if (m.verdict === 'fail') t.fails[key] = (t.fails[key] ?? 0) + 1;
        // Issue 13 #4: a failure with an adjusted p above alpha, or an interval that says otherwise.
        if (m.p_adjusted !== undefined && m.ci) {
          t.consistencyTests++;
          const rejected = m.p_adjusted <= ALPHA;
          const excludes = m.ci[0] > 0 || m.ci[1] < 0;
          const significantlyWorse = rejected && m.ci[1] < 0;
          if (excludes !== rejected || (m.verdict === 'fail') !== significantlyWorse) t.contradictions.push({ group: g, metric, verdict: m.verdict, p_adjusted: m.p_adjusted, ci: m.ci });
        }
        if (g === 0) {
          t.mdeSum[metric] = (t.mdeSum[metric] ?? 0) + (m.min_detectable ?? Number.NaN);
          if (m.verdict === 'insufficient-evidence') t.insufficientMetric[metric] = (t.insufficientMetric[metric] ?? 0) + 1;
        }
      }
    });
    // Coverage of the 95 % intervals the report shows for every metric (whole holdout, unadjusted).
    for (const [name, e] of groups[0]!.metrics) {
      const ci = name === 'accuracy' ? accuracyDifferenceInterval(e.discordant!, ALPHA) : bootstrapInterval(e.deltaSamples!, ALPHA);
      if (ci) {
        t.deltaDefined[name] = (t.deltaDefined[name] ?? 0) + 1;
        const d = trueDelta(name);
        if (ci[0] <= d && d <= ci[1]) t.deltaCovered[name] = (t.deltaCovered[name] ?? 0) + 1;
      }
      const cc = bootstrapInterval(e.candidateSamples, ALPHA);
      if (cc) {
        t.candidateDefined[name] = (t.candidateDefined[name] ?? 0) + 1;
        const v = truth.candidate[name]!;
        if (cc[0] <= v && v <= cc[1]) t.candidateCovered[name] = (t.candidateCovered[name] ?? 0) + 1;
      }
    }
  }
  t.seconds = (performance.now() - began) / 1000;
  process.stderr.write(`n=${n} drop=${drop} slices=${slices}: ${t.runs} runs in ${t.seconds.toFixed(0)} s ${JSON.stringify(t.verdicts)} fails=${JSON.stringify(t.fails)}\n`);
  return t;
}

// One model's accuracy (for the mirror share), on 1,000,000 rows.
const big = holdout(1_000_000, 0);
let right = 0;
for (let i = 0; i < big.truth.length; i++) if ((big.baseline[i]! > 0.5 ? 1 : 0) === big.truth[i]) right++;
const accuracy = right / big.truth.length;

const scenarios: { n: number; drop: number; slices: boolean }[] =
  part === 'null'
    ? [500, 5000].flatMap((n) => [false, true].map((slices) => ({ n, drop: 0, slices })))
    : part === 'power'
      ? [500, 5000].flatMap((n) => [0.01, 0.02, 0.05].map((drop) => ({ n, drop, slices: false })))
      : part === 'n-sweep'
        ? [100, 200, 1000, 2000].map((n) => ({ n, drop: 0, slices: false }))
        : part === 'n-sweep-more'
          ? [3000, 4000, 10000].map((n) => ({ n, drop: 0, slices: false }))
          : part === 'consistency'
            ? [0, 0.02, 0.05].map((drop) => ({ n: 500, drop, slices: true }))
            : [];
if (!scenarios.length) throw new Error(`unknown part "${part}": null | power | n-sweep | n-sweep-more | consistency`);
const started = performance.now();
const results = scenarios.map((s) => runScenario(s.n, s.drop, s.slices, REPS, accuracy));
process.stdout.write(`${JSON.stringify({ part, reps: REPS, resamples: RESAMPLES, alpha: ALPHA, seed: Number(seedArg), accuracy, seconds: (performance.now() - started) / 1000, results }, null, 1)}\n`);
