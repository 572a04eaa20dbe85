/**
 * The bootstrap's fast paths (draw counts with the generator state in locals, Int32 counts as
 * weights, branch-free sums) must give bit for bit what the plain definitions give.
 */
import { describe, expect, it } from 'vitest';
import { drawCounts, drawResample, pairedBootstrap } from '../../shared/stats/bootstrap.js';
import { prepareClassification, type ClassificationInput } from '../../shared/stats/classification.js';
import { pairedBinaryCompute } from '../../shared/stats/paired-binary.js';
import { multiclassInput } from './synthetic.js';
import { Xoshiro128 } from '../../shared/stats/prng.js';
import { prepareRegression } from '../../shared/stats/regression.js';

let state = 7;
const uniform = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) + 0.5) / 4294967296;

function binary(n: number): ClassificationInput {
  const truth = Int32Array.from({ length: n }, () => (uniform() < 0.4 ? 1 : 0));
  // Scores on a coarse grid, so there are many ties.
  const p1 = Float64Array.from(truth, (t) => Math.round((0.3 * t + 0.7 * uniform()) * 20) / 20);
  return { classes: 2, truth, predicted: Int32Array.from(p1, (p) => (p > 0.5 ? 1 : 0)), probabilities: Float64Array.from({ length: 2 * n }, (_, j) => (j % 2 ? p1[j >> 1]! : 1 - p1[j >> 1]!)) };
}

const multiclass = (n: number, classes: number) => multiclassInput(uniform, n, classes, 10);

/** Binary metrics straight from their definitions, for integer weights (AUC over all pairs). */
function plainBinary(input: ClassificationInput, w: Float64Array): number[] {
  const { truth, predicted, probabilities } = input;
  let tp = 0, fp = 0, fn = 0, total = 0, correct = 0, loss = 0, auc = 0, pos = 0, neg = 0;
  for (let i = 0; i < truth.length; i++) {
    total += w[i]!;
    if (truth[i] === predicted[i]) correct += w[i]!;
    if (truth[i] === 1 && predicted[i] === 1) tp += w[i]!;
    if (truth[i] === 0 && predicted[i] === 1) fp += w[i]!;
    if (truth[i] === 1 && predicted[i] === 0) fn += w[i]!;
    if (truth[i] === 1) pos += w[i]!;
    else neg += w[i]!;
    const p = Math.min(Math.max(probabilities![i * 2 + truth[i]!]!, 2 ** -52), 1 - 2 ** -52);
    const q = Math.min(Math.max(probabilities![i * 2 + 1 - truth[i]!]!, 2 ** -52), 1 - 2 ** -52);
    loss += w[i]! * -Math.log(p / (truth[i] === 1 ? q + p : p + q));
    if (truth[i] !== 1) continue;
    for (let j = 0; j < truth.length; j++) {
      if (truth[j] === 1) continue;
      const a = probabilities![i * 2 + 1]!, b = probabilities![j * 2 + 1]!;
      auc += w[i]! * w[j]! * (a > b ? 1 : a === b ? 0.5 : 0);
    }
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return [correct / total, precision, recall, precision + recall ? (2 * precision * recall) / (precision + recall) : 0, auc / (pos * neg), loss / total];
}

describe('bootstrap fast paths', () => {
  it('draw counts replay nextIndex exactly and leave the stream where it would be', () => {
    for (const n of [1, 7, 1000]) {
      const fast = new Xoshiro128(11);
      const plain = new Xoshiro128(11);
      const counts = new Int32Array(n);
      for (let round = 0; round < 3; round++) {
        drawResample(fast, counts);
        const expected = new Int32Array(n);
        for (let d = 0; d < n; d++) expected[plain.nextIndex(n)]!++;
        expect(counts).toEqual(expected);
      }
      expect(fast.nextUint32()).toBe(plain.nextUint32());
    }
  });

  it('byte draw counts replay the Int32 counts; a row drawn more than 255 times redraws into Int32 from the same state', () => {
    for (const [n, draws] of [[1, 1], [300, 300], [1024, 1024], [2049, 2049], [5000, 5000], [2, 600], [1, 256]] as const) {
      const wide = new Xoshiro128(21);
      const small = new Xoshiro128(21);
      const expected = new Int32Array(n);
      wide.countIndices(expected, draws);
      let large: Int32Array | undefined;
      const counts = drawCounts(small, new Uint8Array(n), () => (large = new Int32Array(n)), draws);
      expect(counts instanceof Int32Array, `${n} rows, ${draws} draws`).toBe(draws > 255 * n || Math.max(...expected) > 255);
      expect(Int32Array.from(counts)).toEqual(expected);
      if (counts instanceof Int32Array) expect(counts).toBe(large);
      expect(small.nextUint32()).toBe(wide.nextUint32());
    }
  });

  it('the AUC of integer weights (counted pass) equals the grouped pass bit for bit, ties and huge totals included', () => {
    const rng = new Xoshiro128(5);
    const input = binary(700);
    const prepared = prepareClassification(input);
    const counts = new Int32Array(700);
    for (let round = 0; round < 5; round++) {
      drawResample(rng, counts);
      const viaFloat = new Float64Array(6);
      const viaBytes = new Float64Array(6);
      const viaInt = new Float64Array(6);
      prepared.compute(Float64Array.from(counts), viaFloat);
      prepared.compute(Uint8Array.from(counts), viaBytes);
      prepared.compute(counts, viaInt);
      expect(Object.is(viaBytes[4], viaFloat[4]) && Object.is(viaInt[4], viaFloat[4])).toBe(true);
    }
    // Totals of 2^26 and more take the grouped pass (where the counted sums could round).
    const huge = Int32Array.from({ length: 700 }, (_, i) => (i % 3 === 0 ? 2 ** 20 + i : i % 5));
    const a = new Float64Array(6);
    const b = new Float64Array(6);
    prepared.compute(huge, a);
    prepared.compute(Float64Array.from(huge), b);
    expect(Object.is(a[4], b[4])).toBe(true);
  });

  it('byte weights (the integer-count pass and the blocked AUC) give the Float64 weights\' metrics bit for bit, block edges and weights up to 255 included', () => {
    const heavy = new Xoshiro128(9);
    for (const n of [1, 2, 127, 128, 129, 385, 1000]) {
      const input = binary(n);
      // A prediction that is neither class: wrong, yet in no TP/FP/FN cell as a 0/1 prediction would be.
      const odd = { ...input, predicted: Int32Array.from(input.predicted, (p, i) => (i % 11 === 5 ? 7 : p)) };
      for (const prepared of [prepareClassification(input), prepareClassification(odd), prepareClassification({ ...input, probabilities: undefined })]) {
        const draws = new Int32Array(n);
        drawResample(heavy, draws);
        const byteCases = [Uint8Array.from(draws), Uint8Array.from({ length: n }, () => 200 + (heavy.nextUint32() % 56)), Uint8Array.from({ length: n }, (_, i) => (i % 3 ? 0 : 255))];
        for (const bytes of byteCases) {
          const viaBytes = new Float64Array(prepared.names.length);
          const viaFloat = new Float64Array(prepared.names.length);
          prepared.compute(bytes, viaBytes);
          prepared.compute(Float64Array.from(bytes), viaFloat);
          expect(Buffer.from(viaBytes.buffer).equals(Buffer.from(viaFloat.buffer)), `${n} rows`).toBe(true);
        }
      }
    }
  });

  it('the fused candidate + baseline pass gives each model exactly its own compute()', () => {
    const rng = new Xoshiro128(17);
    const candidate = binary(600);
    const baseline = { ...candidate, predicted: Int32Array.from(candidate.predicted, (p, i) => (i % 4 === 0 ? 1 - p : p)), probabilities: Float64Array.from(candidate.probabilities!, (p, j) => (j % 2 ? Math.round(p * 3) / 3 : 1 - Math.round((1 - p) * 3) / 3)) };
    const labelsOnly = { ...baseline, probabilities: undefined };
    const counts = new Int32Array(600);
    for (const [a, b] of [[candidate, baseline], [candidate, labelsOnly], [labelsOnly, candidate], [labelsOnly, labelsOnly]] as const) {
      const [pa, pb] = [prepareClassification(a), prepareClassification(b)];
      const fused = pairedBinaryCompute(pa, pb)!;
      expect(fused).toBeDefined();
      drawResample(rng, counts);
      for (const weights of [Uint8Array.from(counts), counts, Float64Array.from(counts)]) {
        const [fa, fb, sa, sb] = [new Float64Array(pa.names.length), new Float64Array(pb.names.length), new Float64Array(pa.names.length), new Float64Array(pb.names.length)];
        fused(weights, fa, fb);
        pa.compute(weights, sa);
        pb.compute(weights, sb);
        expect(Buffer.from(fa.buffer).equals(Buffer.from(sa.buffer)) && Buffer.from(fb.buffer).equals(Buffer.from(sb.buffer))).toBe(true);
      }
    }
    expect(pairedBinaryCompute(prepareClassification(multiclass(50, 3)), prepareClassification(multiclass(50, 3)))).toBeUndefined();
    expect(pairedBinaryCompute(prepareClassification(candidate), undefined)).toBeUndefined();
  });

  it('the fused pass over byte weights (two counts per 32-bit word) gives each model its Float64 metrics bit for bit: weights up to 255, block edges, every row code', () => {
    const heavy = new Xoshiro128(23);
    for (const n of [1, 2, 127, 128, 129, 256, 385, 1000, 3000]) {
      const candidate = binary(n);
      // The baseline disagrees on some rows, and each model has predictions outside both classes
      // (wrong, yet in no TP/FP/FN cell), so all 64 codes (outcome and rightness of both) occur.
      const baseline = { ...candidate, predicted: Int32Array.from(candidate.predicted, (p, i) => (i % 7 === 3 ? 5 : i % 3 === 0 ? 1 - p : p)), probabilities: Float64Array.from(candidate.probabilities!, (p, j) => (j % 2 ? Math.round(p * 7) / 7 : 1 - Math.round((1 - p) * 7) / 7)) };
      const odd = { ...candidate, predicted: Int32Array.from(candidate.predicted, (p, i) => (i % 11 === 5 ? 7 : p)) };
      const draws = new Int32Array(n);
      drawResample(heavy, draws);
      const byteCases = [Uint8Array.from(draws), new Uint8Array(n).fill(255), Uint8Array.from({ length: n }, () => 200 + (heavy.nextUint32() % 56)), Uint8Array.from({ length: n }, (_, i) => (i % 3 ? 0 : 255)), new Uint8Array(n)];
      for (const [a, b] of [[candidate, baseline], [odd, baseline], [baseline, { ...odd, probabilities: undefined }]] as const) {
        const [pa, pb] = [prepareClassification(a), prepareClassification(b)];
        const fused = pairedBinaryCompute(pa, pb)!;
        for (const bytes of byteCases) {
          const [fa, fb, sa, sb] = [new Float64Array(pa.names.length), new Float64Array(pb.names.length), new Float64Array(pa.names.length), new Float64Array(pb.names.length)];
          fused(bytes, fa, fb);
          pa.compute(Float64Array.from(bytes), sa);
          pb.compute(Float64Array.from(bytes), sb);
          expect(Buffer.from(fa.buffer).equals(Buffer.from(sa.buffer)), `candidate, ${n} rows, weights ${bytes.slice(0, 4).join(',')}…`).toBe(true);
          expect(Buffer.from(fb.buffer).equals(Buffer.from(sb.buffer)), `baseline, ${n} rows, weights ${bytes.slice(0, 4).join(',')}…`).toBe(true);
        }
      }
    }
  });

  it('Int32 draw counts give bit-identical metrics to the same Float64 weights', () => {
    const rng = new Xoshiro128(3);
    const counts = new Int32Array(400);
    const cases = [prepareClassification(binary(400)), prepareClassification(multiclass(400, 4)), prepareRegression(Float64Array.from({ length: 400 }, () => uniform() * 9 - 3), Float64Array.from({ length: 400 }, () => uniform() * 9 - 3))];
    for (let round = 0; round < 5; round++) {
      drawResample(rng, counts);
      for (const prepared of cases) {
        const fromCounts = new Float64Array(prepared.names.length);
        const fromFloats = new Float64Array(prepared.names.length);
        prepared.compute(counts, fromCounts);
        prepared.compute(Float64Array.from(counts), fromFloats);
        expect([...fromCounts].every((v, m) => Object.is(v, fromFloats[m]))).toBe(true);
      }
    }
  });

  it('paired bootstrap resamples equal the plain definitions on the documented draws', () => {
    const candidate = binary(150);
    const baseline = { ...candidate, predicted: Int32Array.from(candidate.predicted, (p, i) => (i % 9 === 0 ? 1 - p : p)) };
    const samples = pairedBootstrap(prepareClassification(candidate), prepareClassification(baseline), { resamples: 20, seed: 42 });
    const rng = new Xoshiro128(42);
    for (let b = 0; b < 20; b++) {
      const w = new Float64Array(150);
      for (let d = 0; d < 150; d++) w[rng.nextIndex(150)]!++;
      const c = plainBinary(candidate, w);
      const base = plainBinary(baseline, w);
      c.forEach((value, m) => {
        expect(samples.candidate[m]![b]).toBeCloseTo(value, 12);
        expect(samples.delta![m]![b]).toBeCloseTo(value - base[m]!, 12);
      });
      // Counts, ratios and AUC (sums of integers and halves) are exact.
      for (const m of [0, 1, 2, 3, 4]) expect(samples.candidate[m]![b]).toBe(c[m]);
    }
  });
});
