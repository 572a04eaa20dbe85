/**
 * The exact `unique` check without DuckDB's count(DISTINCT): on the bench's 4M × 13 file that
 * distinct set of 4M strings took ~110 MB of resident memory beyond everything else the pass holds
 * (the whole run peaked at 441 MB, 333 MB without it). Instead the pass hands DuckDB's 64-bit
 * hash of each present value to JS (an argument of its chunk function, chunk-function.ts, as the
 * tallies are, so the query stays an ungrouped aggregate), where they go into one growing BigUint64Array: 8 bytes a row.
 *
 * Exact, because equal values always hash equally in DuckDB (its own hash tables depend on it):
 * when the hashes are all distinct, so are the values, and count(DISTINCT) = count. When two
 * hashes are equal (pairwise-different.ts; a duplicate, or, rarely, a collision) or more than MAX_HASHES values arrive
 * (memory stays bounded), the caller asks DuckDB for the exact count(DISTINCT) of that column alone.
 */
import type * as duckdb from '@duckdb/node-api';
import { validityBits } from '../vector-buffers.js';
import type { ChunkArgument } from './chunk-function.js';
import { pairwiseDifferent } from './pairwise-different.js';

/** At most 2^23 hashes (64 MB) per column; beyond, count(DISTINCT) in SQL decides. */
export const MAX_HASHES = 1 << 23;
const FIRST_CAPACITY = 1 << 16;
/** Growth by 4×, not 2×: 4M hashes are zero-filled and copied through 2, 8 and 32 MB arrays instead of six (≈ 40 % less of that work; the last array is the same). */
const GROWTH = 4;

/** One column's collected hashes. */
export class HashCollector {
  private hashes = new BigUint64Array(FIRST_CAPACITY);
  /** Present values seen (also those beyond MAX_HASHES, which are not kept). */
  total = 0;

  constructor(private readonly limit = MAX_HASHES) {}

  /** Whether every value seen is kept (no overflow). */
  get complete(): boolean {
    return this.total <= this.limit;
  }

  add(vector: duckdb.DuckDBVector, rows: number): void {
    const items = (vector as unknown as { items?: unknown }).items;
    const valid = validityBits(vector);
    if (!(items instanceof BigUint64Array) || valid === undefined) {
      for (let i = 0; i < rows; i++) {
        const x = vector.getItem(i);
        if (typeof x === 'bigint') this.push(x);
      }
      return;
    }
    if (valid === null) {
      this.reserve(rows);
      if (this.complete && this.total + rows <= this.limit) this.hashes.set(items.subarray(0, rows), this.total);
      this.total += rows;
      return;
    }
    for (let i = 0; i < rows; i++) if ((valid[i >>> 5]! >>> (i & 31)) & 1) this.push(items[i]!);
  }

  private push(hash: bigint): void {
    this.reserve(1);
    if (this.total < this.limit) this.hashes[this.total] = hash;
    this.total += 1;
  }

  /** Room for `more` hashes (up to the limit); after an overflow nothing more is kept. */
  private reserve(more: number): void {
    const needed = this.total + more;
    if (needed <= this.hashes.length || needed > this.limit) {
      if (needed > this.limit) this.hashes = new BigUint64Array(0);
      return;
    }
    let capacity = this.hashes.length;
    while (capacity < needed) capacity *= GROWTH;
    const grown = new BigUint64Array(Math.min(capacity, this.limit));
    grown.set(this.hashes.subarray(0, this.total));
    this.hashes = grown;
  }

  /**
   * Whether the kept hashes are pairwise different (then so are the values). The answer is kept
   * and the hashes (up to 64 MB) are released, so the rest of validation does not hold them.
   */
  allDistinct(): boolean {
    this.answer ??= this.complete && pairwiseDifferent(this.hashes.subarray(0, this.total));
    this.hashes = new BigUint64Array(0);
    return this.answer;
  }

  private answer: boolean | undefined;
}

/** One argument per column for the pass's chunk function (chunk-function.ts): the hash of each present value. */
export function hashArguments(values: readonly string[], limit = MAX_HASHES): { arguments: ChunkArgument[]; collectors: HashCollector[] } {
  const collectors = values.map(() => new HashCollector(limit));
  const args = values.map((value, k): ChunkArgument => ({
    sql: `CASE WHEN ${value} IS NOT NULL THEN hash(${value}) END`,
    type: 'UBIGINT',
    consume: (vector, rows) => collectors[k]!.add(vector, rows),
  }));
  return { arguments: args, collectors };
}
