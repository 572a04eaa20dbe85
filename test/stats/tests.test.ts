import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bootstrapPValue, pairedBootstrap, percentileInterval } from '../../shared/stats/bootstrap.js';
import { prepareClassification } from '../../shared/stats/classification.js';
import { holm } from '../../shared/stats/holm.js';
import { accuracyDifferenceInterval, accuracyDifferencePValue, mcnemarExact } from '../../shared/stats/paired-accuracy.js';
import { Xoshiro128 } from '../../shared/stats/prng.js';
import { binomialCdf, binomialSurvival, clopperPearson } from '../../shared/stats/special.js';

const reference = JSON.parse(readFileSync(new URL('../fixtures/stats/reference.json', import.meta.url), 'utf8'));

describe('exact binomial tests agree with SciPy', () => {
  it.each(reference.binomial as { k: number; n: number; p: number; cdf: number; sf_k: number }[])('binomial k=$k n=$n p=$p', (c) => {
    expect(Math.abs(binomialCdf(c.k, c.n, c.p) - c.cdf)).toBeLessThan(1e-9);
    expect(Math.abs(binomialSurvival(c.k, c.n, c.p) - c.sf_k)).toBeLessThan(1e-9);
  });

  it.each(reference.mcnemar as { candidate_only: number; baseline_only: number; rows: number; p_value: number; proportion_ci?: [number, number] }[])(
    'McNemar b=$candidate_only c=$baseline_only',
    (c) => {
      const counts = { rows: c.rows, candidateOnly: c.candidate_only, baselineOnly: c.baseline_only };
      expect(Math.abs(mcnemarExact(counts) - c.p_value)).toBeLessThan(1e-9);
      const nd = c.candidate_only + c.baseline_only;
      if (c.proportion_ci) {
        const [low, high] = clopperPearson(c.candidate_only, nd, 0.05);
        expect(Math.abs(low - c.proportion_ci[0])).toBeLessThan(1e-9);
        expect(Math.abs(high - c.proportion_ci[1])).toBeLessThan(1e-9);
      }
      // The gate's interval (Tango's, test/stats/paired-accuracy.test.ts) excludes 0 exactly when its own test rejects.
      const [dLow, dHigh] = accuracyDifferenceInterval(counts, 0.05);
      expect(dLow > 0 || dHigh < 0).toBe(accuracyDifferencePValue(counts, 0) <= 0.05);
    },
  );

  it('a boundary far beyond the estimate is rejected', () => {
    expect(accuracyDifferencePValue({ rows: 100, candidateOnly: 2, baselineOnly: 3 }, -0.2)).toBeLessThan(1e-4);
  });
});

describe('Holm', () => {
  it.each(reference.holm as { p: number[]; adjusted: number[] }[])('adjusted p-values for $p', (c) => {
    const steps = holm(c.p, 0.05);
    steps.forEach((step, i) => expect(step.adjusted).toBeCloseTo(c.adjusted[i]!, 12));
    steps.forEach((step) => expect(step.rejected).toBe(step.adjusted <= 0.05));
  });

  it('stops at the first test it cannot reject', () => {
    const steps = holm([0.001, 0.06, 0.011], 0.05);
    expect(steps.map((s) => s.rank)).toEqual([1, 3, 2]);
    expect(steps.map((s) => s.rejected)).toEqual([true, false, true]);
    expect(steps[1]!.level).toBeCloseTo(0.05, 12);
    expect(steps[2]!.level).toBeCloseTo(0.025, 12);
    // 0.024 would pass its own level (0.025), but the smaller 0.02 failed 0.0167 first.
    const stopped = holm([0.02, 0.024, 0.3], 0.05);
    expect(stopped.map((s) => [s.rejected, s.stopped])).toEqual([[false, false], [false, true], [false, true]]);
  });
});

describe('paired bootstrap', () => {
  const b = reference.bootstrap as {
    seed: number;
    resamples: number;
    alpha: number;
    stream: number[];
    truth: number[];
    candidate: number[];
    baseline: number[];
    delta_ci: Record<string, [number, number]>;
    candidate_ci: Record<string, [number, number]>;
  };
  const prepare = (p: number[]) =>
    prepareClassification({
      classes: 2,
      truth: Int32Array.from(b.truth),
      predicted: Int32Array.from(p, (v) => (v > 0.5 ? 1 : 0)),
      probabilities: Float64Array.from(p.flatMap((v) => [1 - v, v])),
    });

  it('replays the documented xoshiro128** stream', () => {
    const rng = new Xoshiro128(b.seed);
    expect(b.stream.map(() => rng.nextUint32())).toEqual(b.stream);
  });

  it('gives NumPy percentile intervals of sklearn metrics on the same resamples', () => {
    const samples = pairedBootstrap(prepare(b.candidate), prepare(b.baseline), { resamples: b.resamples, seed: b.seed });
    for (const [name, [low, high]] of Object.entries(b.delta_ci)) {
      const ci = percentileInterval(samples.delta![samples.names.indexOf(name)]!, b.alpha)!;
      expect(Math.abs(ci[0] - low), name).toBeLessThan(1e-9);
      expect(Math.abs(ci[1] - high), name).toBeLessThan(1e-9);
    }
    const accuracy = percentileInterval(samples.candidate[samples.names.indexOf('accuracy')]!, b.alpha)!;
    expect(Math.abs(accuracy[0] - b.candidate_ci.accuracy![0])).toBeLessThan(1e-9);
    expect(Math.abs(accuracy[1] - b.candidate_ci.accuracy![1])).toBeLessThan(1e-9);
  });

  it('is reproducible from its seed and changes with it', () => {
    const run = (seed: number) => pairedBootstrap(prepare(b.candidate), prepare(b.baseline), { resamples: 50, seed }).delta![0]!;
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
  });

  it('p-value is consistent with the percentile interval', () => {
    const samples = Float64Array.from({ length: 1000 }, (_, i) => i / 999);
    const ci = percentileInterval(samples, 0.1)!;
    expect(bootstrapPValue(samples, ci[0] - 0.002)).toBeLessThan(0.1);
    expect(bootstrapPValue(samples, ci[0] + 0.01)).toBeGreaterThan(0.1);
    expect(percentileInterval(Float64Array.from([1, Number.NaN, Number.NaN]), 0.05)).toBeNull();
  });
});
