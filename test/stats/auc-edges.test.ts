/**
 * The fast sort on float32 bit patterns (shared/stats/auc.ts) against scikit-learn on the scores
 * raw bits get wrong: -0.0 (bit pattern above every positive float), subnormals, exact 0 and 1,
 * ties; the comparator path on the same kinds of values; NaN and ±infinity refused as sklearn
 * refuses them. Reference: test/fixtures/stats/generate_auc_edges.py.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planAuc, rankScores, weightedAuc } from '../../shared/stats/auc.js';
import { prepareClassification } from '../../shared/stats/classification.js';

interface Case {
  name: string;
  truth: number[];
  scores: (number | string)[];
  expected: number | string;
}
const reference = JSON.parse(readFileSync(new URL('../fixtures/stats/auc-edges.json', import.meta.url), 'utf8')) as { cases: Case[] };

const auc = (truth: number[], scores: ArrayLike<number>) => weightedAuc(planAuc(rankScores(scores), Uint8Array.from(truth)));

describe('ROC AUC on edge scores agrees with scikit-learn', () => {
  for (const c of reference.cases.filter((x) => typeof x.expected === 'number')) {
    it(c.name, () => {
      const scores = c.scores as number[];
      expect(auc(c.truth, Float64Array.from(scores))).toBeCloseTo(c.expected as number, 12);
      // Float32 model outputs widened to float64, as the scorer hands them over (the fast path).
      const widened = Float64Array.from(Float32Array.from(scores));
      if (widened.every((v, i) => Object.is(v, scores[i]))) {
        expect(auc(c.truth, widened)).toBeCloseTo(c.expected as number, 12);
        // The same rows repeated past 256 rows take the radix path; repeating every row k times
        // scales every pair count by k², so the AUC is unchanged.
        const k = Math.ceil(256 / scores.length) + 1;
        const tile = <T,>(values: ArrayLike<T>) => Array.from({ length: values.length * k }, (_, i) => values[i % values.length]!);
        expect(auc(tile(c.truth), Float64Array.from(tile(widened)))).toBeCloseTo(c.expected as number, 12);
      }
    });
  }

  it('the radix order of float32 scores is the order by (value, row), −0.0 = +0.0, subnormals included', () => {
    const edges = [-0, 0, 2 ** -149, 1e-40, 2 ** -126, 0.5, 1, Math.fround(0.1), Math.fround(0.7)];
    let state = 9;
    const scores = Float64Array.from({ length: 5000 }, (_, i) => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return i % 3 === 0 ? Math.fround(edges[state % edges.length]!) : Math.fround((state % 1000) / 999);
    });
    const expected = Uint32Array.from(scores.keys()).sort((a, b) => scores[a]! - scores[b]! || a - b);
    const ranked = rankScores(scores);
    expect([...ranked.order]).toEqual([...expected]);
    const groups = [0];
    for (let k = 1; k < scores.length; k++) if (scores[expected[k]!] !== scores[expected[k - 1]!]) groups.push(k);
    expect([...ranked.groupStart]).toEqual([...groups, scores.length]);
  });

  it('tie groups of no scores, one score, all equal and all distinct', () => {
    expect([...rankScores(new Float64Array(0)).groupStart]).toEqual([0, 0]);
    expect([...rankScores(Float64Array.of(0.3)).groupStart]).toEqual([0, 1]);
    expect([...rankScores(new Float64Array(300).fill(0.25)).groupStart]).toEqual([0, 300]);
    expect([...rankScores(Float64Array.from({ length: 300 }, (_, i) => Math.fround((299 - i) / 300))).groupStart]).toEqual([...Array(301).keys()]);
  });

  it('-0.0 and +0.0 are one tie group', () => {
    expect(rankScores(Float64Array.from([-0, 0, 0.5, -0])).groupStart).toEqual(Uint32Array.from([0, 3, 4]));
  });

  it('through the binary metrics: a float32 model that outputs -0.0', () => {
    const c = reference.cases[0]!;
    const p1 = c.scores as number[];
    const prepared = prepareClassification({
      classes: 2,
      truth: Int32Array.from(c.truth),
      predicted: Int32Array.from(p1, (p) => (p > 0.5 ? 1 : 0)),
      probabilities: Float64Array.from(p1.flatMap((p) => [1 - p, p])),
    });
    const out = new Float64Array(prepared.names.length);
    prepared.compute(undefined, out);
    expect(out[prepared.names.indexOf('roc_auc')]).toBeCloseTo(c.expected as number, 12);
  });

  for (const c of reference.cases.filter((x) => typeof x.expected === 'string')) {
    it(`${c.name}: refused, as scikit-learn refuses it (${String(c.expected)})`, () => {
      expect(String(c.expected)).toMatch(/^error: /);
      expect(() => auc(c.truth, Float64Array.from(c.scores.map(Number)))).toThrow(/must be finite/);
    });
  }
});
