/**
 * Metrics undefined on some rows: NaN (null in metricValues) rather than scikit-learn's
 * zero_division 0, in point estimates and in every bootstrap resample, so that intervals over
 * resamples that mostly lack the rows a metric needs are null ("n/a"), not [0, 1].
 */
import { describe, expect, it } from 'vitest';
import { bootstrapInterval, pairedBootstrap, percentileInterval } from '../../shared/stats/bootstrap.js';
import { binaryF1, metricValues, prepareClassification } from '../../shared/stats/classification.js';
import { Xoshiro128 } from '../../shared/stats/prng.js';
import { definedOnEnoughResamples, undefinedCount } from '../../shared/stats/undefined-metrics.js';

const binary = (truth: number[], predicted: number[], scores?: number[]) =>
  prepareClassification({
    classes: 2,
    truth: Int32Array.from(truth),
    predicted: Int32Array.from(predicted),
    probabilities: scores ? Float64Array.from(scores.flatMap((s) => [1 - s, s])) : undefined,
  });

const column = (samples: ReturnType<typeof pairedBootstrap>, name: string) => samples.candidate[samples.names.indexOf(name)]!;

describe('undefined binary metrics', () => {
  it('a slice with no predicted positives: precision is n/a (null), on the rows and in every resample; recall and F1 are 0', () => {
    const truth = Array.from({ length: 40 }, (_, i) => (i % 2 ? 1 : 0));
    const prepared = binary(truth, truth.map(() => 0), truth.map((t, i) => 0.1 + 0.005 * i + 0.1 * t));
    const values = metricValues(prepared);
    expect(values.precision).toBeNull();
    expect(values.recall).toBe(0);
    expect(values.f1).toBe(0);
    const samples = pairedBootstrap(prepared, undefined, { resamples: 200, seed: 1 });
    expect(undefinedCount(column(samples, 'precision'))).toBe(200);
    expect(percentileInterval(column(samples, 'precision'), 0.05)).toBeNull();
    expect(bootstrapInterval(column(samples, 'precision'), 0.05)).toBeNull();
    expect(bootstrapInterval(column(samples, 'roc_auc'), 0.05)).not.toBeNull();
  });

  it('a slice with one class: recall and ROC AUC are n/a; precision and F1 of the false positives are 0', () => {
    const truth = new Array<number>(40).fill(0);
    const predicted = truth.map((_, i) => (i % 5 === 0 ? 1 : 0));
    const prepared = binary(truth, predicted, predicted.map((p, i) => 0.3 + 0.4 * p + 0.001 * i));
    const values = metricValues(prepared);
    expect([values.recall, values.roc_auc, values.precision, values.f1]).toEqual([null, null, 0, 0]);
    const samples = pairedBootstrap(prepared, undefined, { resamples: 200, seed: 2 });
    for (const name of ['recall', 'roc_auc']) expect(percentileInterval(column(samples, name), 0.05), name).toBeNull();
  });

  it('a slice with two predicted positives: resamples without them are undefined, not 0, so the interval is over the defined ones', () => {
    // Rows 0 and 1 are the only predicted positives, both true positives: precision is 1 wherever defined.
    const truth = Array.from({ length: 40 }, (_, i) => (i < 2 || i % 3 === 0 ? 1 : 0));
    const predicted = truth.map((_, i) => (i < 2 ? 1 : 0));
    const samples = pairedBootstrap(binary(truth, predicted), undefined, { resamples: 400, seed: 3 });
    const precision = column(samples, 'precision');
    const missing = undefinedCount(precision);
    expect(missing).toBeGreaterThan(0);
    expect(precision.filter((v) => !Number.isNaN(v)).every((v) => v === 1)).toBe(true);
    // Before: the missing resamples counted 0 and the interval was [0, 1].
    expect(percentileInterval(precision, 0.05)).toEqual([1, 1]);
  });

  it('the paired Δ is undefined where either model leaves the metric undefined', () => {
    const truth = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const none = binary(truth, truth.map(() => 0));
    const some = binary(truth, truth.map((t, i) => (i % 4 === 0 ? 1 : t)));
    const samples = pairedBootstrap(some, none, { resamples: 100, seed: 4 });
    expect(undefinedCount(samples.delta![samples.names.indexOf('precision')]!)).toBe(100);
    expect(undefinedCount(samples.delta![samples.names.indexOf('recall')]!)).toBe(0);
  });

  it('F1 is 2TP / (2TP + FP + FN): undefined only with no positives and none predicted', () => {
    expect(binaryF1(0, 0, 0)).toBeNaN();
    expect(binaryF1(0, 3, 0)).toBe(0);
    expect(binaryF1(0, 0, 3)).toBe(0);
    expect(binaryF1(3, 1, 2)).toBeCloseTo(6 / 9, 15);
  });

  it('definedOnEnoughResamples is the rule the bootstrap intervals apply before giving null', () => {
    const rng = new Xoshiro128(9);
    for (let round = 0; round < 500; round++) {
      const n = 1 + Math.floor(rng.nextDouble() * 40);
      const share = rng.nextDouble();
      const samples = Float64Array.from({ length: n }, () => (rng.nextDouble() < share ? Number.NaN : rng.nextDouble()));
      const defined = definedOnEnoughResamples(samples);
      expect(bootstrapInterval(samples, 0.05) !== null, `n ${n}, ${undefinedCount(samples)} undefined`).toBe(defined);
      expect(percentileInterval(samples, 0.05) !== null).toBe(defined);
    }
    expect(definedOnEnoughResamples(new Float64Array(0))).toBe(false);
  });
});
