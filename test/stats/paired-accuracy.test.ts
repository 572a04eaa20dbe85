/**
 * Tango's score test and interval for Δ accuracy against an independent numerical implementation
 * (test/fixtures/stats/generate_paired_accuracy.py: restricted MLE by scipy.optimize, ends by brentq).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accuracyDifferenceInterval, accuracyDifferencePValue } from '../../shared/stats/paired-accuracy.js';
import { normalTwoSided, normalUpperQuantile } from '../../shared/stats/normal.js';

interface Case {
  rows: number;
  candidate_only: number;
  baseline_only: number;
  intervals: Record<string, [number, number]>;
  p_values: { boundary: number; z: number; p: number }[];
}
const reference = JSON.parse(readFileSync(new URL('../fixtures/stats/paired-accuracy.json', import.meta.url), 'utf8')) as { cases: Case[] };

describe("Tango's interval for Δ accuracy agrees with the independent SciPy implementation", () => {
  for (const c of reference.cases) {
    const counts = { rows: c.rows, candidateOnly: c.candidate_only, baselineOnly: c.baseline_only };
    it(`n=${c.rows} b=${c.candidate_only} c=${c.baseline_only}`, () => {
      for (const [alpha, [low, high]] of Object.entries(c.intervals)) {
        const [ourLow, ourHigh] = accuracyDifferenceInterval(counts, Number(alpha));
        expect(Math.abs(ourLow - low)).toBeLessThan(1e-9);
        expect(Math.abs(ourHigh - high)).toBeLessThan(1e-9);
        // The interval inverts the p-value: its ends are where p = alpha.
        if (low > -1) expect(accuracyDifferencePValue(counts, ourLow)).toBeCloseTo(Number(alpha), 9);
        if (high < 1) expect(accuracyDifferencePValue(counts, ourHigh)).toBeCloseTo(Number(alpha), 9);
      }
      for (const t of c.p_values) expect(Math.abs(accuracyDifferencePValue(counts, t.boundary) - t.p)).toBeLessThan(1e-9);
    });
  }

  it('is unconditional: no discordant rows still leaves an interval whose width shrinks with n', () => {
    const [low, high] = accuracyDifferenceInterval({ rows: 500, candidateOnly: 0, baselineOnly: 0 }, 0.05);
    expect(low).toBeLessThan(0);
    expect(high).toBeGreaterThan(0);
    const [low2] = accuracyDifferenceInterval({ rows: 5000, candidateOnly: 0, baselineOnly: 0 }, 0.05);
    expect(low2).toBeGreaterThan(low);
  });

  it('the issue case the conditional interval under-covered: 10 % discordant rows, Δ = −0.08', () => {
    // n = 1000, b = 10, c = 90: the conditional (Clopper–Pearson on b | b + c) interval was
    // [−0.0902, −0.0648]; the score interval is wider on both sides.
    const [low, high] = accuracyDifferenceInterval({ rows: 1000, candidateOnly: 10, baselineOnly: 90 }, 0.05);
    expect(low).toBeLessThan(-0.0902);
    expect(high).toBeGreaterThan(-0.0648);
  });
});

describe('standard normal to double precision', () => {
  it('matches SciPy at a few points', () => {
    // scipy.stats.norm.isf(0.025), norm.isf(0.05 / 16), 2 * norm.sf(3.5)
    expect(normalUpperQuantile(0.025)).toBeCloseTo(1.959963984540054, 13);
    expect(normalUpperQuantile(0.003125)).toBeCloseTo(2.734368786533181, 12);
    expect(normalTwoSided(3.5)).toBeCloseTo(0.0004652581580710802, 15);
  });
});
