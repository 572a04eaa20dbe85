/** Seeded permutations and samples replayable in Python, and the t interval over repeats. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { featurePermutation, sampleRows, shuffleIndices, summarize } from '../../shared/governance/permutation-importance.js';
import { Xoshiro128 } from '../../shared/stats/prng.js';
import { studentUpperQuantile } from '../../shared/stats/student-t.js';

const expected = JSON.parse(readFileSync(new URL('../fixtures/governance/expected.json', import.meta.url), 'utf8'));

describe('permutation importance building blocks', () => {
  it('the permutation index sequences equal the ones stored with the fixture (generate.py replays xoshiro128**)', () => {
    const { permutations, max_rows: rows, repeats } = expected.importance;
    for (const [feature, sequences] of Object.entries<number[][]>(permutations)) {
      for (let r = 0; r < repeats; r++) expect([...featurePermutation(expected.seed, feature, r, rows)]).toEqual(sequences[r]);
    }
  });

  it('each permutation is a permutation, and features and repeats get different ones', () => {
    const p = featurePermutation(0, 'a', 0, 1000);
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect([...featurePermutation(0, 'a', 1, 1000)]).not.toEqual([...p]);
    expect([...featurePermutation(0, 'b', 0, 1000)]).not.toEqual([...p]);
    expect([...shuffleIndices(new Xoshiro128(1), 1)]).toEqual([0]);
    expect([...shuffleIndices(new Xoshiro128(1), 0)]).toEqual([]);
  });

  it('the row sample equals the stored one; all rows when the holdout is small enough', () => {
    const check = expected.sample_rows_check;
    expect([...sampleRows(check.seed, check.n, check.k)]).toEqual(check.rows);
    expect([...sampleRows(expected.seed, expected.rows, expected.importance.max_rows)]).toEqual(expected.importance.sample_rows);
    expect([...sampleRows(3, 5, 10)]).toEqual([0, 1, 2, 3, 4]);
    const rows = sampleRows(3, 100_000, 5000);
    expect(new Set(rows).size).toBe(5000);
    expect(rows.every((r, i) => i === 0 || r > rows[i - 1]!)).toBe(true);
  });

  it("Student's t quantiles equal SciPy's to 1e-10 relative", () => {
    for (const [dof, t] of Object.entries<number>(expected['student_t_upper_0.025'])) expect(Math.abs(studentUpperQuantile(0.025, Number(dof)) - t)).toBeLessThan(1e-10 * t);
    expect(studentUpperQuantile(0.5, 3)).toBe(0);
    expect(studentUpperQuantile(0.975, 4)).toBeCloseTo(-expected['student_t_upper_0.025']['4'], 10);
  });

  it('summarize: mean, sample std and the t interval; identical repeats give a zero-width interval', () => {
    const s = summarize([0.1, 0.2, 0.3, 0.4, 0.5], 0.05);
    expect(s.mean).toBeCloseTo(0.3, 15);
    expect(s.std).toBeCloseTo(Math.sqrt(0.025), 15);
    const half = expected['student_t_upper_0.025']['4'] * (Math.sqrt(0.025) / Math.sqrt(5));
    expect(s.ci[0]).toBeCloseTo(0.3 - half, 12);
    expect(s.ci[1]).toBeCloseTo(0.3 + half, 12);
    expect(summarize([0, 0, 0], 0.05).ci).toEqual([0, 0]);
  });

  it('summarize: repeats that leave the metric undefined (NaN) are left out and counted; none defined gives a NaN mean', () => {
    const s = summarize([0.1, Number.NaN, 0.3, 0.2, Number.NaN], 0.05);
    expect(s.mean).toBeCloseTo(0.2, 15);
    expect(s.std).toBeCloseTo(0.1, 15);
    expect(s.undefined_repeats).toBe(2);
    expect(summarize([0.1, 0.2], 0.05).undefined_repeats).toBeUndefined();
    const none = summarize([Number.NaN, Number.NaN], 0.05);
    expect(none.mean).toBeNaN();
    expect(none.undefined_repeats).toBe(2);
  });
});
