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

/**
 * @throws RangeError on NaN or ±Infinity, as scikit-learn's roc_auc_score raises ValueError
 * ("Input contains NaN" / "infinity"); −0.0 and +0.0 are one score (one tie group).
 */
export function rankScores(scores: ArrayLike<number>): RankedScores {
  const n = scores.length;
  for (let i = 0; i < n; i++) {
    const score = scores[i]!;
    if (!Number.isFinite(score)) throw new RangeError(`ROC AUC: score ${i} is ${score}; scores must be finite numbers (scikit-learn refuses NaN and infinity too)`);
  }
  // A radix pass costs two 2^16-entry histograms: not worth it for a handful of rows.
  const order = (n >= 256 ? packedOrder(scores) : undefined) ?? comparatorOrder(scores);
  return { order, groupStart: tieGroupStarts(scores, order) };
}

/**
 * Where each run of equal scores starts in `order`, then n. Written into a typed array sized for
 * the worst case (every score distinct) rather than pushed onto a JS array: at 1M distinct scores
 * the pushes and the copy cost ~0.2 s per model, this loop a few milliseconds.
 */
function tieGroupStarts(scores: ArrayLike<number>, order: Uint32Array): Uint32Array {
  const n = order.length;
  const starts = new Uint32Array(n + 2);
  let groups = 1;
  if (n > 0) {
    let previous = scores[order[0]!]!;
    for (let k = 1; k < n; k++) {
      const score = scores[order[k]!]!;
      if (score !== previous) starts[groups++] = k;
      previous = score;
    }
  }
  starts[groups++] = n;
  return starts.slice(0, groups);
}

function comparatorOrder(scores: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => scores[a]! - scores[b]! || a - b);
}

/**
 * Fast path for what models emit: float32 probabilities in [0, 1]. The float32 bit pattern of a
 * non-negative float orders like the value, so a stable LSD radix sort of those patterns (two
 * 16-bit passes) gives the order, ties in row order — what sorting (bits, row) pairs gives, at a
 * fraction of the cost. −0.0 passes the range check but its bit pattern is 0x80000000 (above every
 * positive float), so it is keyed as +0.0; subnormals' patterns order like their values.
 */
function packedOrder(scores: ArrayLike<number>): Uint32Array | undefined {
  const n = scores.length;
  const values = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const score = scores[i]!;
    if (!(score >= 0 && score <= 1) || Math.fround(score) !== score) return undefined;
    values[i] = score === 0 ? 0 : score;
  }
  return radixOrder(new Uint32Array(values.buffer));
}

/** Row indices by ascending unsigned key, equal keys in row order (LSD radix sort: stable). */
function radixOrder(keys: Uint32Array): Uint32Array {
  const n = keys.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const starts = new Uint32Array(1 << 16);
  for (const shift of [0, 16]) {
    starts.fill(0);
    for (let k = 0; k < n; k++) starts[(keys[order[k]!]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let d = 0; d < starts.length; d++) {
      const count = starts[d]!;
      starts[d] = sum;
      sum += count;
    }
    for (let k = 0; k < n; k++) {
      const row = order[k]!;
      next[starts[(keys[row]! >>> shift) & 0xffff]!++] = row;
    }
    [order, next] = [next, order];
  }
  return order;
}

/** Row weights: bootstrap draw counts (Uint8Array, Int32Array when a count exceeds 255) or arbitrary non-negative weights. */
export type RowWeights = Float64Array | Int32Array | Uint8Array;

/** Ranked scores with each row's class laid out in rank order, so an AUC pass is one linear scan. */
export interface AucPlan {
  /** Row indices by ascending score. */
  order: Uint32Array;
  /** 1 where the row at rank position k is of the positive class. */
  positiveInOrder: Uint8Array;
  /** 1 where rank position k is the last of its tie group. */
  groupEnd: Uint8Array;
  /** Tie groups of two rows or more, as [start, end) pairs of rank positions. */
  ties: Uint32Array;
}

export function planAuc(ranked: RankedScores, positive: Uint8Array): AucPlan {
  const { order, groupStart } = ranked;
  const positiveInOrder = new Uint8Array(order.length);
  for (let k = 0; k < order.length; k++) positiveInOrder[k] = positive[order[k]!]!;
  const groupEnd = new Uint8Array(order.length);
  for (let g = 1; g < groupStart.length; g++) if (groupStart[g]! > 0) groupEnd[groupStart[g]! - 1] = 1;
  const ties: number[] = [];
  for (let g = 0; g + 1 < groupStart.length; g++) if (groupStart[g + 1]! - groupStart[g]! > 1) ties.push(groupStart[g]!, groupStart[g + 1]!);
  return { order, positiveInOrder, groupEnd, ties: Uint32Array.from(ties) };
}

/** Below this total weight every sum of either AUC pass is an integer below 2^53, hence exact. */
const EXACT_TOTAL = 2 ** 26;

/** Rank positions per block of countedAuc's pass (128² · 255² < 2^31). */
const BLOCK = 128;

/**
 * @param weights row weights (undefined: all 1). A zero weight adds +0 to every sum, and each
 * row adds w·1 to one class's sum and w·0 = +0 to the other's, so the sums are the same as with
 * branches on weight and class, in the same order, without the mispredicted branches.
 * @returns NaN when one class has no weight (AUC undefined).
 */
export function weightedAuc(plan: AucPlan, weights?: RowWeights): number {
  if (weights && !(weights instanceof Float64Array)) {
    const auc = countedAuc(plan, weights);
    if (auc !== undefined) return auc;
  }
  return groupedAuc(plan, weights);
}

/**
 * The same AUC for integer weights (draw counts) in a cheaper form: one branch-free pass summing,
 * per positive row, its weight × the negative weight ranked before it (acc), then a correction
 * over the tie groups only: a group's positives were credited with the negatives ranked before
 * them inside the group (corr), while the definition gives them half of the group's negatives
 * (half of wp·wn). So 2 · numerator = 2 · (acc − corr) + Σ wp·wn. With integer weights of total
 * below 2^26 every term and partial sum is an integer below 2^53, so the result is exactly the
 * grouped pass's, bit for bit, whatever the order of the additions; undefined (use the grouped
 * pass) for larger totals.
 *
 * That freedom of order is what the blocks use: within a block of BLOCK rank positions, acc's
 * terms are split as wp · (negatives before the block) + wp · (negatives before it inside the
 * block). The second part stays below BLOCK² · 255² < 2^31 for byte weights, so the inner loop
 * runs on 32-bit integers instead of a chain of floating-point additions (2× faster at 1M rows).
 */
function countedAuc(plan: AucPlan, weights: Int32Array | Uint8Array): number | undefined {
  const { order, positiveInOrder, ties } = plan;
  const n = order.length;
  let negatives = 0;
  let positives = 0;
  let acc = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    let blockPositives = 0;
    let blockNegatives = 0;
    let inner = 0;
    for (let k = start; k < end; k++) {
      const w = weights[order[k]!]!;
      const wp = w * positiveInOrder[k]!;
      inner += wp * blockNegatives;
      blockNegatives += w - wp;
      blockPositives += wp;
    }
    acc += blockPositives * negatives + inner;
    negatives += blockNegatives;
    positives += blockPositives;
  }
  if (positives + negatives >= EXACT_TOTAL) return undefined;
  let corr = 0;
  let tied = 0;
  for (let t = 0; t < ties.length; t += 2) {
    let wpGroup = 0;
    let wnGroup = 0;
    for (let k = ties[t]!; k < ties[t + 1]!; k++) {
      const w = weights[order[k]!]!;
      const wp = w * positiveInOrder[k]!;
      corr += wp * wnGroup;
      wpGroup += wp;
      wnGroup += w - wp;
    }
    tied += wpGroup * wnGroup;
  }
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (2 * (acc - corr) + tied) / 2 / (positives * negatives);
}

/** The definition's pass over tie groups, for any non-negative weights. */
function groupedAuc(plan: AucPlan, weights?: RowWeights): number {
  const { order, positiveInOrder, groupEnd } = plan;
  const n = order.length;
  let negativesBelow = 0;
  let numerator = 0;
  let totalPositive = 0;
  let wp = 0;
  let wn = 0;
  for (let k = 0; k < n; k++) {
    const w = weights ? weights[order[k]!]! : 1;
    const positive = positiveInOrder[k]!;
    wp += w * positive;
    wn += w * (1 - positive);
    if (groupEnd[k]) {
      numerator += wp * (negativesBelow + 0.5 * wn);
      negativesBelow += wn;
      totalPositive += wp;
      wp = 0;
      wn = 0;
    }
  }
  if (totalPositive === 0 || negativesBelow === 0) return Number.NaN;
  return numerator / (totalPositive * negativesBelow);
}
