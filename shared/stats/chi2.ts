/**
 * χ² test of homogeneity on the 2 × k table (reference row, current row) of a categorical
 * column, as `scipy.stats.chi2_contingency(table, correction=False)` after merging rare
 * categories:
 *
 * Merging rule (so the χ² approximation holds, every expected count ≥ 5): categories whose
 * expected count is below 5 in either row are pooled into one "(rare)" category; when that
 * pooled category is itself still below 5, it is folded into the smallest remaining
 * category. With fewer than two categories left there is nothing to test: statistic 0, p 1.
 */
import { chiSquareSf } from './gamma.js';

export const MIN_EXPECTED = 5;

export interface ChiSquareResult {
  statistic: number;
  pValue: number;
  dof: number;
  /** The table actually tested: [reference counts, current counts], categories after merging. */
  categories: string[];
  table: [number[], number[]];
  /** Categories pooled by the merging rule. */
  merged: string[];
}

export const RARE_CATEGORY = '(rare)';

export function chiSquareHomogeneity(categories: readonly string[], reference: readonly number[], current: readonly number[]): ChiSquareResult {
  const { names, ref, cur, merged } = mergeRare(categories, reference, current);
  if (names.length < 2) return { statistic: 0, pValue: 1, dof: 0, categories: names, table: [ref, cur], merged };
  const statistic = chiSquareStatistic(ref, cur);
  const dof = names.length - 1;
  return { statistic, pValue: chiSquareSf(statistic, dof), dof, categories: names, table: [ref, cur], merged };
}

/** Pearson's statistic Σ (O − E)² / E of a 2 × k table, E from the margins. */
export function chiSquareStatistic(ref: readonly number[], cur: readonly number[]): number {
  const n1 = sum(ref);
  const n2 = sum(cur);
  const total = n1 + n2;
  let statistic = 0;
  for (let j = 0; j < ref.length; j++) {
    const column = ref[j]! + cur[j]!;
    const e1 = (n1 * column) / total;
    const e2 = (n2 * column) / total;
    statistic += (ref[j]! - e1) ** 2 / e1 + (cur[j]! - e2) ** 2 / e2;
  }
  return statistic;
}

function mergeRare(categories: readonly string[], reference: readonly number[], current: readonly number[]) {
  const n1 = sum(reference);
  const n2 = sum(current);
  const total = n1 + n2;
  const smallerRow = Math.min(n1, n2);
  const names: string[] = [];
  const ref: number[] = [];
  const cur: number[] = [];
  const merged: string[] = [];
  let rareRef = 0;
  let rareCur = 0;
  categories.forEach((name, j) => {
    const column = reference[j]! + current[j]!;
    if (column === 0) return;
    if ((smallerRow * column) / total < MIN_EXPECTED) {
      merged.push(name);
      rareRef += reference[j]!;
      rareCur += current[j]!;
      return;
    }
    names.push(name);
    ref.push(reference[j]!);
    cur.push(current[j]!);
  });
  if (merged.length > 0) {
    const expected = (smallerRow * (rareRef + rareCur)) / total;
    if (expected >= MIN_EXPECTED || names.length === 0) {
      names.push(RARE_CATEGORY);
      ref.push(rareRef);
      cur.push(rareCur);
    } else {
      let smallest = 0;
      for (let j = 1; j < names.length; j++) if (ref[j]! + cur[j]! < ref[smallest]! + cur[smallest]!) smallest = j;
      names[smallest] = `${names[smallest]} + ${RARE_CATEGORY}`;
      ref[smallest]! += rareRef;
      cur[smallest]! += rareCur;
    }
  }
  return { names, ref, cur, merged };
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
