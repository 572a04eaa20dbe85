/**
 * ROC AUC as the weighted Mann–Whitney statistic: over all (positive, negative) pairs, the
 * weight of pairs the score orders correctly plus half the weight of tied pairs, divided by
 * W+ · W−. This equals the trapezoidal area under scikit-learn's ROC curve, ties included.
 * The scores are sorted once; each (bootstrap) evaluation is one pass over tie groups.
 */
export interface RankedScores {
  /** Row indices by ascending score. */
  order: Uint32Array;
  /** groupStart[g]..groupStart[g+1] in `order` share one score. Length groups + 1. */
  groupStart: Uint32Array;
}

export function rankScores(scores: ArrayLike<number>): RankedScores {
  const n = scores.length;
  const order = packedOrder(scores) ?? comparatorOrder(scores);
  const starts: number[] = [0];
  for (let k = 1; k < n; k++) if (scores[order[k]!]! !== scores[order[k - 1]!]!) starts.push(k);
  starts.push(n);
  return { order, groupStart: Uint32Array.from(starts) };
}

function comparatorOrder(scores: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => scores[a]! - scores[b]! || a - b);
}

const INDEX_BITS = 2 ** 21;
const bits = new DataView(new ArrayBuffer(4));

/**
 * Fast path for what models emit: float32 probabilities in [0, 1] and at most 2^21 rows. The
 * float32 bit pattern of a non-negative float orders like the value and stays below 2^30, so
 * bits · 2^21 + row is an exact double, and a native numeric sort of those keys gives the order.
 */
function packedOrder(scores: ArrayLike<number>): Uint32Array | undefined {
  const n = scores.length;
  if (n > INDEX_BITS) return undefined;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const score = scores[i]!;
    if (!(score >= 0 && score <= 1) || Math.fround(score) !== score) return undefined;
    bits.setFloat32(0, score);
    keys[i] = bits.getUint32(0) * INDEX_BITS + i;
  }
  keys.sort();
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = keys[k]! % INDEX_BITS;
  return order;
}

/**
 * @param positive 1 where the row is of the positive class.
 * @param weights row weights (undefined: all 1).
 * @returns NaN when one class has no weight (AUC undefined).
 */
export function weightedAuc(ranked: RankedScores, positive: Uint8Array, weights?: Float64Array): number {
  const { order, groupStart } = ranked;
  let negativesBelow = 0;
  let numerator = 0;
  let totalPositive = 0;
  for (let g = 0; g + 1 < groupStart.length; g++) {
    let wp = 0;
    let wn = 0;
    for (let k = groupStart[g]!; k < groupStart[g + 1]!; k++) {
      const row = order[k]!;
      const w = weights ? weights[row]! : 1;
      if (w === 0) continue;
      if (positive[row]) wp += w;
      else wn += w;
    }
    numerator += wp * (negativesBelow + 0.5 * wn);
    negativesBelow += wn;
    totalPositive += wp;
  }
  if (totalPositive === 0 || negativesBelow === 0) return Number.NaN;
  return numerator / (totalPositive * negativesBelow);
}
