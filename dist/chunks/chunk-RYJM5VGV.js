import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  sortedFinite
} from "./chunk-PXOP5VPA.js";

// shared/stats/auc.ts
function rankScores(scores) {
  const n = scores.length;
  for (let i = 0; i < n; i++) {
    const score = scores[i];
    if (!Number.isFinite(score)) throw new RangeError(`ROC AUC: score ${i} is ${score}; scores must be finite numbers (scikit-learn refuses NaN and infinity too)`);
  }
  const order = (n >= 256 ? packedOrder(scores) : void 0) ?? comparatorOrder(scores);
  return { order, groupStart: tieGroupStarts(scores, order) };
}
function tieGroupStarts(scores, order) {
  const n = order.length;
  const starts = new Uint32Array(n + 2);
  let groups = 1;
  if (n > 0) {
    let previous = scores[order[0]];
    for (let k = 1; k < n; k++) {
      const score = scores[order[k]];
      if (score !== previous) starts[groups++] = k;
      previous = score;
    }
  }
  starts[groups++] = n;
  return starts.slice(0, groups);
}
function comparatorOrder(scores) {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => scores[a] - scores[b] || a - b);
}
function packedOrder(scores) {
  const n = scores.length;
  const values = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const score = scores[i];
    if (!(score >= 0 && score <= 1) || Math.fround(score) !== score) return void 0;
    values[i] = score === 0 ? 0 : score;
  }
  return radixOrder(new Uint32Array(values.buffer));
}
function radixOrder(keys) {
  const n = keys.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const starts = new Uint32Array(1 << 16);
  for (const shift of [0, 16]) {
    starts.fill(0);
    for (let k = 0; k < n; k++) starts[keys[order[k]] >>> shift & 65535]++;
    let sum = 0;
    for (let d = 0; d < starts.length; d++) {
      const count = starts[d];
      starts[d] = sum;
      sum += count;
    }
    for (let k = 0; k < n; k++) {
      const row = order[k];
      next[starts[keys[row] >>> shift & 65535]++] = row;
    }
    [order, next] = [next, order];
  }
  return order;
}
function planAuc(ranked, positive) {
  const { order, groupStart } = ranked;
  const positiveInOrder = new Uint8Array(order.length);
  for (let k = 0; k < order.length; k++) positiveInOrder[k] = positive[order[k]];
  const groupEnd = new Uint8Array(order.length);
  for (let g = 1; g < groupStart.length; g++) if (groupStart[g] > 0) groupEnd[groupStart[g] - 1] = 1;
  const ties = [];
  for (let g = 0; g + 1 < groupStart.length; g++) if (groupStart[g + 1] - groupStart[g] > 1) ties.push(groupStart[g], groupStart[g + 1]);
  return { order, positiveInOrder, groupEnd, ties: Uint32Array.from(ties) };
}
var EXACT_TOTAL = 2 ** 26;
var BLOCK = 128;
function weightedAuc(plan, weights) {
  if (weights && !(weights instanceof Float64Array)) {
    const auc = countedAuc(plan, weights);
    if (auc !== void 0) return auc;
  }
  return groupedAuc(plan, weights);
}
function countedAuc(plan, weights) {
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
      const w = weights[order[k]];
      const wp = w * positiveInOrder[k];
      inner += wp * blockNegatives;
      blockNegatives += w - wp;
      blockPositives += wp;
    }
    acc += blockPositives * negatives + inner;
    negatives += blockNegatives;
    positives += blockPositives;
  }
  if (positives + negatives >= EXACT_TOTAL) return void 0;
  let corr = 0;
  let tied = 0;
  for (let t = 0; t < ties.length; t += 2) {
    let wpGroup = 0;
    let wnGroup = 0;
    for (let k = ties[t]; k < ties[t + 1]; k++) {
      const w = weights[order[k]];
      const wp = w * positiveInOrder[k];
      corr += wp * wnGroup;
      wpGroup += wp;
      wnGroup += w - wp;
    }
    tied += wpGroup * wnGroup;
  }
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (2 * (acc - corr) + tied) / 2 / (positives * negatives);
}
function groupedAuc(plan, weights) {
  const { order, positiveInOrder, groupEnd } = plan;
  const n = order.length;
  let negativesBelow = 0;
  let numerator = 0;
  let totalPositive = 0;
  let wp = 0;
  let wn = 0;
  for (let k = 0; k < n; k++) {
    const w = weights ? weights[order[k]] : 1;
    const positive = positiveInOrder[k];
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

// shared/stats/metrics-plan.ts
var shared = /* @__PURE__ */ new WeakMap();
function sharedPlan(plan) {
  const arrays = {};
  for (const [key, array] of Object.entries(plan.arrays)) arrays[key] = toShared(array);
  return { ...plan, arrays };
}
function toShared(array) {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const known = shared.get(array);
  if (known) return known;
  const Type = array.constructor;
  const copy = new Type(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  shared.set(array, copy);
  return copy;
}
function planArray(plan, key, type) {
  const array = plan.arrays[key];
  if (!(array instanceof type)) throw new TypeError(`metrics plan "${plan.kind}": array "${key}" is missing or not a ${type.name}`);
  return array;
}

// shared/stats/classification.ts
var BINARY_METRICS = ["accuracy", "precision", "recall", "f1", "roc_auc", "log_loss"];
var MULTICLASS_METRICS = [
  "accuracy",
  "precision_macro",
  "precision_weighted",
  "recall_macro",
  "recall_weighted",
  "f1_macro",
  "f1_weighted",
  "roc_auc_ovr_macro",
  "roc_auc_ovr_weighted",
  "log_loss"
];
var PROBABILITY_METRICS = /* @__PURE__ */ new Set(["roc_auc", "roc_auc_ovr_macro", "roc_auc_ovr_weighted", "log_loss"]);
var LOG_LOSS_EPS = 2 ** -52;
function prepareClassification(input) {
  return input.classes === 2 ? prepareBinary(input) : prepareMulticlass(input);
}
function rowLogLoss(probabilities, classes, truth) {
  const n = truth.length;
  const loss = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let own = 0;
    for (let c = 0; c < classes; c++) {
      const p = Math.min(Math.max(probabilities[i * classes + c], LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
      sum += p;
      if (c === truth[i]) own = p;
    }
    loss[i] = -Math.log(own / sum);
  }
  return loss;
}
function binaryPrecision(tp, fp) {
  return tp + fp > 0 ? tp / (tp + fp) : Number.NaN;
}
function binaryRecall(tp, fn) {
  return tp + fn > 0 ? tp / (tp + fn) : Number.NaN;
}
function binaryF1(tp, fp, fn) {
  if (tp + fp + fn === 0) return Number.NaN;
  if (tp === 0) return 0;
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  return 2 * precision * recall / (precision + recall);
}
function prepareBinary(input) {
  const { truth, predicted: predicted2, probabilities } = input;
  const n = truth.length;
  const positiveClass = input.positive ?? 1;
  const outcome = new Uint8Array(n);
  const right = new Uint8Array(n);
  const positive = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    positive[i] = truth[i] === positiveClass ? 1 : 0;
    outcome[i] = 2 * positive[i] + (predicted2[i] === positiveClass ? 1 : 0);
    right[i] = truth[i] === predicted2[i] ? 1 : 0;
  }
  const arrays = { outcome, right };
  if (probabilities) {
    const score = new Float64Array(n);
    for (let i = 0; i < n; i++) score[i] = probabilities[i * 2 + positiveClass];
    Object.assign(arrays, aucArrays(planAuc(rankScores(score), positive)), { loss: rowLogLoss(probabilities, 2, truth) });
  }
  const names = probabilities ? [...BINARY_METRICS] : BINARY_METRICS.filter((m) => !PROBABILITY_METRICS.has(m));
  return binaryFromPlan({ kind: "binary", rows: n, names, arrays, values: {} });
}
function aucArrays(plan, suffix = "") {
  return { [`order${suffix}`]: plan.order, [`positiveInOrder${suffix}`]: plan.positiveInOrder, [`groupEnd${suffix}`]: plan.groupEnd, [`ties${suffix}`]: plan.ties };
}
function aucFromPlan(plan, suffix = "") {
  if (!plan.arrays[`order${suffix}`]) return void 0;
  return {
    order: planArray(plan, `order${suffix}`, Uint32Array),
    positiveInOrder: planArray(plan, `positiveInOrder${suffix}`, Uint8Array),
    groupEnd: planArray(plan, `groupEnd${suffix}`, Uint8Array),
    ties: planArray(plan, `ties${suffix}`, Uint32Array)
  };
}
function binaryFromPlan(plan) {
  const n = plan.rows;
  const outcome = planArray(plan, "outcome", Uint8Array);
  const right = planArray(plan, "right", Uint8Array);
  const loss = plan.arrays.loss ? planArray(plan, "loss", Float64Array) : void 0;
  const auc = aucFromPlan(plan);
  const names = plan.names;
  const rowLoss = loss ?? new Float64Array(n);
  let ones;
  const rows = { outcome, right, rowLoss };
  const sums = { counts: new Float64Array(4), total: 0, correct: 0, lossSum: 0 };
  return {
    names,
    rows: n,
    plan,
    compute(weights, out) {
      const w = weights ?? (ones ??= new Uint8Array(n).fill(1));
      if (w instanceof Uint8Array) byteWeightSums(w, rows, sums);
      else weightSums(w, rows, sums);
      writeBinaryMetrics(out, sums, loss ? auc : void 0, weights);
    }
  };
}
function weightSums(w, rows, sums) {
  const { outcome, right, rowLoss } = rows;
  const counts = sums.counts;
  counts.fill(0);
  let total = 0;
  let correct = 0;
  let lossSum = 0;
  for (let i = 0; i < outcome.length; i++) {
    const x = w[i];
    total += x;
    correct += right[i] * x;
    counts[outcome[i]] += x;
    lossSum += x * rowLoss[i];
  }
  sums.total = total;
  sums.correct = correct;
  sums.lossSum = lossSum;
}
function byteWeightSums(w, rows, sums) {
  const { outcome, right, rowLoss } = rows;
  let total = 0;
  let correct = 0;
  let predictedPositive = 0;
  let truePositive2 = 0;
  let bothPositive2 = 0;
  let lossSum = 0;
  for (let i = 0; i < outcome.length; i++) {
    const x = w[i];
    const o = outcome[i];
    total += x;
    correct += x * right[i];
    predictedPositive += x * (o & 1);
    truePositive2 += x * (o >> 1);
    bothPositive2 += x * (o >> 1 & o);
    lossSum += x * rowLoss[i];
  }
  writeCounts(sums, total, predictedPositive, truePositive2, bothPositive2);
  sums.correct = correct;
  sums.lossSum = lossSum;
}
function writeCounts(sums, total, predictedPositive, truePositive2, bothPositive2) {
  sums.total = total;
  sums.counts[0] = total - predictedPositive - truePositive2 + bothPositive2;
  sums.counts[1] = predictedPositive - bothPositive2;
  sums.counts[2] = truePositive2 - bothPositive2;
  sums.counts[3] = bothPositive2;
}
function writeBinaryMetrics(out, sums, auc, weights) {
  const { counts, total, correct, lossSum } = sums;
  const tp = counts[3];
  const fp = counts[1];
  const fn = counts[2];
  out[0] = total > 0 ? correct / total : Number.NaN;
  out[1] = binaryPrecision(tp, fp);
  out[2] = binaryRecall(tp, fn);
  out[3] = binaryF1(tp, fp, fn);
  if (auc) {
    out[4] = weightedAuc(auc, weights);
    out[5] = total > 0 ? lossSum / total : Number.NaN;
  }
}
function prepareMulticlass(input) {
  const { truth, predicted: predicted2, probabilities, classes } = input;
  const n = truth.length;
  const arrays = { truth, predicted: predicted2 };
  if (probabilities) {
    for (let c = 0; c < classes; c++) {
      const score = new Float64Array(n);
      const positive = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        score[i] = probabilities[i * classes + c];
        positive[i] = truth[i] === c ? 1 : 0;
      }
      Object.assign(arrays, aucArrays(planAuc(rankScores(score), positive), String(c)));
    }
    arrays.loss = rowLogLoss(probabilities, classes, truth);
  }
  const names = probabilities ? [...MULTICLASS_METRICS] : MULTICLASS_METRICS.filter((m) => !PROBABILITY_METRICS.has(m));
  return multiclassFromPlan({ kind: "multiclass", rows: n, names, arrays, values: { classes } });
}
function multiclassFromPlan(plan) {
  const n = plan.rows;
  const classes = plan.values.classes;
  const truth = planArray(plan, "truth", Int32Array);
  const predicted2 = planArray(plan, "predicted", Int32Array);
  const loss = plan.arrays.loss ? planArray(plan, "loss", Float64Array) : void 0;
  const oneVsRest = loss ? Array.from({ length: classes }, (_, c) => aucFromPlan(plan, String(c))) : [];
  const names = plan.names;
  const tp = new Float64Array(classes);
  const truthCount = new Float64Array(classes);
  const predCount = new Float64Array(classes);
  return {
    names,
    rows: n,
    plan,
    compute(weights, out) {
      tp.fill(0);
      truthCount.fill(0);
      predCount.fill(0);
      let total = 0;
      let correct = 0;
      let lossSum = 0;
      for (let i = 0; i < n; i++) {
        const w = weights ? weights[i] : 1;
        const t = truth[i];
        const p = predicted2[i];
        const hit = t === p ? w : 0;
        total += w;
        truthCount[t] = truthCount[t] + w;
        predCount[p] = predCount[p] + w;
        correct += hit;
        tp[t] = tp[t] + hit;
        if (loss) lossSum += w * loss[i];
      }
      let present = 0;
      let pMacro = 0;
      let rMacro = 0;
      let fMacro = 0;
      let pWeighted = 0;
      let rWeighted = 0;
      let fWeighted = 0;
      for (let c = 0; c < classes; c++) {
        if (truthCount[c] === 0 && predCount[c] === 0) continue;
        present++;
        const precision = predCount[c] > 0 ? tp[c] / predCount[c] : 0;
        const recall = truthCount[c] > 0 ? tp[c] / truthCount[c] : 0;
        const f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        pMacro += precision;
        rMacro += recall;
        fMacro += f1;
        pWeighted += precision * truthCount[c];
        rWeighted += recall * truthCount[c];
        fWeighted += f1 * truthCount[c];
      }
      out[0] = total > 0 ? correct / total : Number.NaN;
      out[1] = present ? pMacro / present : Number.NaN;
      out[2] = total > 0 ? pWeighted / total : Number.NaN;
      out[3] = present ? rMacro / present : Number.NaN;
      out[4] = total > 0 ? rWeighted / total : Number.NaN;
      out[5] = present ? fMacro / present : Number.NaN;
      out[6] = total > 0 ? fWeighted / total : Number.NaN;
      if (loss) {
        let macro = 0;
        let weighted = 0;
        let defined = true;
        for (let c = 0; c < classes; c++) {
          const auc = weightedAuc(oneVsRest[c], weights);
          if (Number.isNaN(auc)) defined = false;
          macro += auc;
          weighted += auc * truthCount[c];
        }
        out[7] = defined ? macro / classes : Number.NaN;
        out[8] = defined ? weighted / total : Number.NaN;
        out[9] = total > 0 ? lossSum / total : Number.NaN;
      }
    }
  };
}
function confusionMatrix(truth, predicted2, classes) {
  const matrix = Array.from({ length: classes }, () => new Array(classes).fill(0));
  for (let i = 0; i < truth.length; i++) matrix[truth[i]][predicted2[i]]++;
  return matrix;
}
function metricValues(prepared, weights) {
  const out = new Float64Array(prepared.names.length);
  prepared.compute(weights, out);
  return Object.fromEntries(prepared.names.map((name, i) => [name, Number.isFinite(out[i]) ? out[i] : null]));
}

// shared/stats/paired-binary.ts
function pairedBinaryCompute(candidate, baseline) {
  if (!baseline || candidate.plan?.kind !== "binary" || baseline.plan?.kind !== "binary" || candidate.rows !== baseline.rows) return void 0;
  const a = binaryArrays(candidate.plan);
  const b = binaryArrays(baseline.plan);
  const codes = rowCodes(a, b);
  const sumsA = emptySums();
  const sumsB = emptySums();
  return (w, outA, outB) => {
    if (w instanceof Uint8Array) pairedByteSums(w, codes, a, b, sumsA, sumsB);
    else {
      weightSums(w, a, sumsA);
      weightSums(w, b, sumsB);
    }
    writeBinaryMetrics(outA, sumsA, a.auc, w);
    writeBinaryMetrics(outB, sumsB, b.auc, w);
  };
}
var emptySums = () => ({ counts: new Float64Array(4), total: 0, correct: 0, lossSum: 0 });
function pairedByteSums(w, codes, a, b, sumsA, sumsB) {
  const lossRowA = a.rowLoss;
  const lossRowB = b.rowLoss;
  const n = codes.length;
  let total = 0;
  let lossA = 0;
  let lossB = 0;
  let predictedA = 0;
  let trueA = 0;
  let bothA = 0;
  let rightA = 0;
  let predictedB = 0;
  let trueB = 0;
  let bothB = 0;
  let rightB = 0;
  for (let start = 0; start < n; start += COUNT_BLOCK) {
    const end = Math.min(n, start + COUNT_BLOCK);
    let blockTotal = 0;
    let predictedTrueA = 0;
    let bothRightA = 0;
    let predictedTrueB = 0;
    let bothRightB = 0;
    for (let i = start; i < end; i++) {
      const x = w[i];
      const code = codes[i];
      const both = x | x << 16;
      blockTotal += x;
      lossA += x * lossRowA[i];
      lossB += x * lossRowB[i];
      predictedTrueA += both & PREDICTED_TRUE_A[code];
      bothRightA += both & BOTH_RIGHT_A[code];
      predictedTrueB += both & PREDICTED_TRUE_B[code];
      bothRightB += both & BOTH_RIGHT_B[code];
    }
    total += blockTotal;
    predictedA += predictedTrueA & 65535;
    trueA += predictedTrueA >>> 16;
    bothA += bothRightA & 65535;
    rightA += bothRightA >>> 16;
    predictedB += predictedTrueB & 65535;
    trueB += predictedTrueB >>> 16;
    bothB += bothRightB & 65535;
    rightB += bothRightB >>> 16;
  }
  writeCounts(sumsA, total, predictedA, trueA, bothA);
  writeCounts(sumsB, total, predictedB, trueB, bothB);
  sumsA.correct = rightA;
  sumsA.lossSum = lossA;
  sumsB.correct = rightB;
  sumsB.lossSum = lossB;
}
var COUNT_BLOCK = 128;
function rowCodes(a, b) {
  const codes = new Uint8Array(a.outcome.length);
  for (let i = 0; i < codes.length; i++) codes[i] = a.outcome[i] | a.right[i] << 2 | b.outcome[i] << 3 | b.right[i] << 5;
  return codes;
}
function fieldMasks(shift, low, high) {
  const masks = new Int32Array(64);
  for (let code = 0; code < 64; code++) {
    const outcome = code >> shift & 3;
    const right = code >> shift + 2 & 1;
    masks[code] = (low(outcome, right) ? 65535 : 0) | (high(outcome, right) ? 65535 << 16 : 0);
  }
  return masks;
}
var predicted = (outcome) => outcome & 1;
var truePositive = (outcome) => outcome >> 1;
var bothPositive = (outcome) => outcome >> 1 & outcome & 1;
var isRight = (_, right) => right;
var PREDICTED_TRUE_A = fieldMasks(0, predicted, truePositive);
var BOTH_RIGHT_A = fieldMasks(0, bothPositive, isRight);
var PREDICTED_TRUE_B = fieldMasks(3, predicted, truePositive);
var BOTH_RIGHT_B = fieldMasks(3, bothPositive, isRight);
function binaryArrays(plan) {
  const loss = plan.arrays.loss ? planArray(plan, "loss", Float64Array) : void 0;
  return {
    outcome: planArray(plan, "outcome", Uint8Array),
    right: planArray(plan, "right", Uint8Array),
    // Without probabilities the loss sum adds +0 and is not reported, as in compute().
    rowLoss: loss ?? new Float64Array(plan.rows),
    auc: loss ? aucFromPlan(plan) : void 0
  };
}

// shared/stats/prng.ts
var Xoshiro128 = class _Xoshiro128 {
  s0;
  s1;
  s2;
  s3;
  constructor(seed) {
    let state = seed >>> 0;
    const next = () => {
      state = state + 2654435769 >>> 0;
      let z = state;
      z = Math.imul(z ^ z >>> 16, 2246822507) >>> 0;
      z = Math.imul(z ^ z >>> 13, 3266489909) >>> 0;
      return (z ^ z >>> 16) >>> 0;
    };
    this.s0 = next() | 0;
    this.s1 = next() | 0;
    this.s2 = next() | 0;
    this.s3 = next() | 0;
  }
  /** The generator at a given state (four 32-bit words, as `state()` returns them). */
  static fromState(state) {
    const rng = new _Xoshiro128(0);
    rng.restore(state);
    return rng;
  }
  /** The four state words (a copy). */
  state() {
    return Int32Array.of(this.s0, this.s1, this.s2, this.s3);
  }
  /** Puts the generator back at a state `state()` returned. */
  restore(state) {
    this.s0 = state[0] | 0;
    this.s1 = state[1] | 0;
    this.s2 = state[2] | 0;
    this.s3 = state[3] | 0;
  }
  /** The next 32-bit unsigned integer. */
  nextUint32() {
    const s0 = this.s0;
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    this.s2 = s2 ^ t;
    this.s3 = rotl(s3, 11);
    return result;
  }
  /** A uniform double in [0, 1) with 53 random bits (two draws). */
  nextDouble() {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }
  /** A uniform integer in [0, n): floor(nextDouble() * n); the bias is below 2^-53 * n. */
  nextIndex(n) {
    return Math.floor(this.nextDouble() * n);
  }
  /**
   * Adds one to counts[nextIndex(counts.length)], `draws` times: the same stream and the same
   * indices as calling nextIndex in a loop, with the generator state held in locals (the
   * bootstrap's hot loop).
   */
  countIndices(counts, draws) {
    const n = counts.length;
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let d = 0; d < draws; d++) {
      const high = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 5;
      let t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      const low = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 6;
      t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      counts[Math.floor((high * 67108864 + low) / 9007199254740992 * n)]++;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }
  /**
   * countIndices into one byte per row: the same stream and indices, a quarter of the memory the
   * random increments touch (and the metrics' gathers read). A count above 255 wraps, so this
   * returns true when some row was drawn more than 255 times; the counts are then wrong and the
   * caller redraws from the same state into an Int32Array (see drawCounts).
   */
  countIndicesSmall(counts, draws) {
    const n = counts.length;
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    let seen = 0;
    for (let d = 0; d < draws; d++) {
      const high = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 5;
      let t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      const low = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 6;
      t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      const j = Math.floor((high * 67108864 + low) / 9007199254740992 * n);
      const count = counts[j] + 1;
      counts[j] = count;
      seen |= count;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    return seen > 255;
  }
};
function rotl(x, k) {
  return x << k | x >>> 32 - k;
}
function deriveSeed(seed, label) {
  let hash = 2166136261 ^ seed >>> 0;
  for (let i = 0; i < label.length; i++) hash = Math.imul(hash ^ label.charCodeAt(i), 16777619) >>> 0;
  return hash >>> 0;
}

// shared/stats/xoshiro-jump.ts
var WORDS = 4;
var BITS = 128;
function step(s) {
  const t = s[1] << 9;
  s[2] = s[2] ^ s[0];
  s[3] = s[3] ^ s[1];
  s[1] = s[1] ^ s[2];
  s[0] = s[0] ^ s[3];
  s[2] = s[2] ^ t;
  s[3] = s[3] << 11 | s[3] >>> 21;
}
function apply(m, v, out, offset = 0) {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let w = 0; w < WORDS; w++) {
    const word = v[offset + w];
    for (let i = 0; i < 32; i++) {
      if ((word >>> i & 1) === 0) continue;
      const col = (32 * w + i) * WORDS;
      a ^= m[col];
      b ^= m[col + 1];
      c ^= m[col + 2];
      d ^= m[col + 3];
    }
  }
  out[0] = a;
  out[1] = b;
  out[2] = c;
  out[3] = d;
}
function multiply(a, b) {
  const out = new Int32Array(BITS * WORDS);
  const column = new Int32Array(WORDS);
  for (let j = 0; j < BITS; j++) {
    apply(a, b, column, j * WORDS);
    out.set(column, j * WORDS);
  }
  return out;
}
function transition() {
  const m = new Int32Array(BITS * WORDS);
  const s = new Int32Array(WORDS);
  for (let j = 0; j < BITS; j++) {
    s.fill(0);
    s[j >>> 5] = 1 << (j & 31);
    step(s);
    m.set(s, j * WORDS);
  }
  return m;
}
var powers = [];
function powerOfTwo(i) {
  if (powers.length === 0) powers.push(transition());
  while (powers.length <= i) powers.push(multiply(powers[powers.length - 1], powers[powers.length - 1]));
  return powers[i];
}
function jumpState(state, steps) {
  if (!Number.isSafeInteger(steps) || steps < 0) throw new RangeError(`xoshiro128** jump: ${steps} is not a non-negative safe integer`);
  let v = Int32Array.from({ length: WORDS }, (_, w) => state[w] | 0);
  let next = new Int32Array(WORDS);
  let rest = steps;
  for (let i = 0; rest > 0; i++) {
    if (rest % 2 === 1) {
      apply(powerOfTwo(i), v, next);
      [v, next] = [next, v];
    }
    rest = Math.floor(rest / 2);
  }
  return v;
}

// shared/stats/bootstrap.ts
function drawCounts(rng, small, large, draws = small.length) {
  const start = rng.state();
  small.fill(0);
  if (!rng.countIndicesSmall(small, draws)) return small;
  rng.restore(start);
  const counts = large();
  counts.fill(0);
  rng.countIndices(counts, draws);
  return counts;
}
function pairedBootstrap(candidate, baseline, options) {
  const samples = emptySamples(candidate, baseline, options.resamples);
  runResamples(candidate, baseline, { seed: options.seed, from: 0, to: options.resamples }, samples, options.onProgress);
  return samples;
}
function emptySamples(candidate, baseline, resamples, shared2 = false) {
  const array = () => shared2 ? new Float64Array(new SharedArrayBuffer(8 * resamples)) : new Float64Array(resamples);
  return {
    names: candidate.names,
    candidate: candidate.names.map(array),
    delta: baseline ? candidate.names.map(array) : void 0
  };
}
var OUTPUTS_PER_ROW = 2;
function streamAt(seed, rows, b) {
  const rng = new Xoshiro128(seed);
  return b === 0 ? rng : Xoshiro128.fromState(jumpState(rng.state(), OUTPUTS_PER_ROW * rows * b));
}
function runResamples(candidate, baseline, range, samples, onProgress) {
  let done = 0;
  resampler(candidate, baseline, range.seed, samples)(range.from, range.to, () => onProgress?.(++done));
}
var CHUNKS_PER_THREAD = 64;
function resampleClaims(seed, resamples, threads) {
  return { seed, resamples, chunk: Math.max(1, Math.ceil(resamples / (threads * CHUNKS_PER_THREAD))), next: new Int32Array(new SharedArrayBuffer(4)) };
}
function runClaimedResamples(candidate, baseline, claims, samples, onProgress) {
  const run = resampler(candidate, baseline, claims.seed, samples);
  let done = 0;
  for (; ; ) {
    const from = Atomics.add(claims.next, 0, claims.chunk);
    if (from >= claims.resamples) return done;
    run(from, Math.min(claims.resamples, from + claims.chunk), () => {
      done++;
      onProgress?.(done);
    });
  }
}
function resampler(candidate, baseline, seed, samples) {
  if (baseline && baseline.rows !== candidate.rows) throw new Error("paired bootstrap needs the same rows for both models");
  const n = candidate.rows;
  const metrics = candidate.names.length;
  const baselineIndex = candidate.names.map((name) => baseline ? baseline.names.indexOf(name) : -1);
  const small = new Uint8Array(n);
  let large;
  const wide = () => large ??= new Int32Array(n);
  const candidateOut = new Float64Array(metrics);
  const baselineOut = new Float64Array(baseline?.names.length ?? 0);
  const paired = pairedBinaryCompute(candidate, baseline);
  return (from, to, afterEach) => {
    const rng = streamAt(seed, n, from);
    for (let b = from; b < to; b++) {
      const weights = drawCounts(rng, small, wide);
      if (paired) paired(weights, candidateOut, baselineOut);
      else {
        candidate.compute(weights, candidateOut);
        if (baseline) baseline.compute(weights, baselineOut);
      }
      for (let m = 0; m < metrics; m++) {
        samples.candidate[m][b] = candidateOut[m];
        if (samples.delta) {
          const j = baselineIndex[m];
          samples.delta[m][b] = j >= 0 ? candidateOut[m] - baselineOut[j] : Number.NaN;
        }
      }
      afterEach();
    }
  };
}
function bootstrapPValue(samples, boundary) {
  let below = 0;
  let above = 0;
  let finite = 0;
  for (const value of samples) {
    if (!Number.isFinite(value)) continue;
    finite++;
    if (value <= boundary) below++;
    if (value >= boundary) above++;
  }
  if (finite === 0) return 1;
  return Math.min(1, 2 * Math.min(below, above) / finite);
}
function bootstrapInterval(samples, alpha) {
  const sorted = sortedFinite(samples);
  const finite = sorted.length;
  if (finite === 0 || finite < samples.length / 2) return null;
  let k = Math.floor(alpha * finite / 2) + 1;
  while (2 * k / finite <= alpha) k++;
  while (k > 1 && 2 * (k - 1) / finite > alpha) k--;
  if (k > finite - k + 1) return [sorted[Math.floor((finite - 1) / 2)], sorted[Math.floor(finite / 2)]];
  return [sorted[k - 1], sorted[finite - k]];
}

// shared/stats/regression.ts
var REGRESSION_METRICS = ["rmse", "mae", "r2"];
function prepareRegression(truth, predicted2) {
  const n = truth.length;
  const error = new Float64Array(n);
  let centre = 0;
  for (let i = 0; i < n; i++) centre += truth[i];
  centre = n > 0 ? centre / n : 0;
  const centred = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    error[i] = truth[i] - predicted2[i];
    centred[i] = truth[i] - centre;
  }
  return regressionFromPlan({ kind: "regression", rows: n, names: [...REGRESSION_METRICS], arrays: { error, centred }, values: {} });
}
function regressionFromPlan(plan) {
  const n = plan.rows;
  const error = planArray(plan, "error", Float64Array);
  const centred = planArray(plan, "centred", Float64Array);
  return {
    names: plan.names,
    rows: n,
    plan,
    compute(weights, out) {
      let total = 0;
      let squared = 0;
      let absolute = 0;
      let sum = 0;
      let sumSquares = 0;
      for (let i = 0; i < n; i++) {
        const w = weights ? weights[i] : 1;
        const e = error[i];
        const y = centred[i];
        total += w;
        squared += w * e * e;
        absolute += w * Math.abs(e);
        sum += w * y;
        sumSquares += w * y * y;
      }
      if (total === 0) {
        out.fill(Number.NaN);
        return;
      }
      const totalSquares = Math.max(0, sumSquares - sum * sum / total);
      out[0] = Math.sqrt(squared / total);
      out[1] = absolute / total;
      out[2] = totalSquares === 0 ? squared === 0 ? 1 : 0 : 1 - squared / totalSquares;
    }
  };
}

// shared/governance/fairness.ts
function groupCounts(rows, weights, out = new Float64Array(rows.groups * 4)) {
  out.fill(0);
  const { group, truth, predicted: predicted2 } = rows;
  for (let i = 0; i < group.length; i++) {
    const g = group[i];
    if (g < 0) continue;
    const w = weights ? weights[i] : 1;
    out[4 * g + (truth[i] ? predicted2[i] ? 0 : 2 : predicted2[i] ? 1 : 3)] += w;
  }
  return out;
}
var ratio = (a, b) => b > 0 ? a / b : Number.NaN;
function rates(counts, g) {
  const tp = counts[4 * g];
  const fp = counts[4 * g + 1];
  const fn = counts[4 * g + 2];
  const tn = counts[4 * g + 3];
  const rows = tp + fp + fn + tn;
  return { rows, selection: ratio(tp + fp, rows), tpr: ratio(tp, tp + fn), fpr: ratio(fp, fp + tn), precision: ratio(tp, tp + fp) };
}
function groupRates(counts, g) {
  const r = rates(counts, g);
  const finite = (x) => Number.isFinite(x) ? x : null;
  return { rows: r.rows, selection_rate: finite(r.selection), tpr: finite(r.tpr), fpr: finite(r.fpr), precision: finite(r.precision) };
}
function fairnessMetric(metric, counts, tested) {
  const between = new BetweenGroupMetrics(tested);
  between.load(counts);
  return between.value(metric);
}
var BetweenGroupMetrics = class {
  constructor(tested) {
    this.tested = tested;
    this.selection = new Float64Array(tested.length);
    this.tpr = new Float64Array(tested.length);
    this.fpr = new Float64Array(tested.length);
  }
  tested;
  selection;
  tpr;
  fpr;
  /** Takes the tested groups' rates from per-group counts (groupCounts). */
  load(counts) {
    for (let t = 0; t < this.tested.length; t++) {
      const g = this.tested[t];
      const tp = counts[4 * g];
      const fp = counts[4 * g + 1];
      const fn = counts[4 * g + 2];
      const tn = counts[4 * g + 3];
      this.selection[t] = ratio(tp + fp, tp + fp + fn + tn);
      this.tpr[t] = ratio(tp, tp + fn);
      this.fpr[t] = ratio(fp, fp + tn);
    }
  }
  /** The metric over the rates last loaded. */
  value(metric) {
    switch (metric) {
      case "demographic_parity_difference":
        return spread(this.selection);
      case "equalized_odds_difference": {
        const tpr = spread(this.tpr);
        const fpr = spread(this.fpr);
        return Number.isNaN(tpr) || Number.isNaN(fpr) ? Number.NaN : Math.max(tpr, fpr);
      }
      case "demographic_parity_ratio": {
        const selection = this.selection;
        if (selection.length < 2 || hasNaN(selection)) return Number.NaN;
        const max = maxOf(selection);
        return max > 0 ? minOf(selection) / max : Number.NaN;
      }
    }
  }
};
function spread(values) {
  if (values.length < 2 || hasNaN(values)) return Number.NaN;
  return maxOf(values) - minOf(values);
}
function hasNaN(values) {
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) return true;
  return false;
}
function maxOf(values) {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max;
}
function minOf(values) {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if (values[i] < min) min = values[i];
  return min;
}
function fairnessUndefinedCause(metric) {
  switch (metric) {
    case "demographic_parity_difference":
      return "a group without rows";
    case "demographic_parity_ratio":
      return "no positive decisions in any group";
    case "equalized_odds_difference":
      return "a group without positives or without negatives";
  }
}
function fairnessHigherIsBetter(metric) {
  return metric === "demographic_parity_ratio";
}

// shared/governance/fairness-metrics.ts
function prepareFairness(rows, metrics, tested) {
  return fairnessFromPlan({
    kind: "fairness",
    rows: rows.group.length,
    names: [...metrics],
    arrays: { group: rows.group, truth: rows.truth, predicted: rows.predicted },
    values: { groups: rows.groups, tested: [...tested] }
  });
}
function fairnessFromPlan(plan) {
  const rows = {
    groups: plan.values.groups,
    group: planArray(plan, "group", Int32Array),
    truth: planArray(plan, "truth", Uint8Array),
    predicted: planArray(plan, "predicted", Uint8Array)
  };
  const tested = plan.values.tested;
  const metrics = plan.names;
  const counts = new Float64Array(rows.groups * 4);
  const between = new BetweenGroupMetrics(tested);
  return {
    names: metrics,
    rows: plan.rows,
    plan,
    compute(weights, out) {
      groupCounts(rows, weights, counts);
      between.load(counts);
      for (let m = 0; m < metrics.length; m++) out[m] = between.value(metrics[m]);
    }
  };
}

export {
  sharedPlan,
  BINARY_METRICS,
  MULTICLASS_METRICS,
  prepareClassification,
  binaryFromPlan,
  multiclassFromPlan,
  confusionMatrix,
  metricValues,
  Xoshiro128,
  deriveSeed,
  pairedBootstrap,
  emptySamples,
  resampleClaims,
  runClaimedResamples,
  bootstrapPValue,
  bootstrapInterval,
  REGRESSION_METRICS,
  prepareRegression,
  regressionFromPlan,
  groupCounts,
  groupRates,
  fairnessMetric,
  fairnessUndefinedCause,
  fairnessHigherIsBetter,
  prepareFairness,
  fairnessFromPlan
};
