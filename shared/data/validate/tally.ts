/**
 * Histograms and value counts tallied in JS from DuckDB's columnar chunks during the aggregate
 * pass. DuckDB's `histogram()` aggregate has no "simple update", so one in a query turns the whole
 * aggregate into a single-group hash aggregate (2–3× slower). Instead, the binned columns' raw
 * values are arguments of the pass's chunk function (chunk-function.ts); DuckDB hands it each
 * chunk (2 048 rows, typed arrays) and the query stays an ungrouped aggregate. The tallies are the same counts the
 * SQL produced, with the same bin arithmetic (IEEE doubles) and the same text keys.
 *
 *  - `bins`: a numeric value on the prefix grid (`gridBin` in distributions.ts, same arithmetic);
 *  - `integers`: value counts of an integer column, keyed by the integer's text (a dense window
 *    over the prefix's range, a map beyond it); a value beyond ±2^53 makes the tally inexact;
 *  - `codes`: value counts of any other column by its text, as the index of the text among the
 *    prefix's distinct values (a DuckDB ENUM cast); texts the prefix did not see reach JS as
 *    strings through a second function that is NULL for every other row.
 *
 * A tally whose total differs from DuckDB's own count of the same expression is not used
 * (`complete`), and the caller computes that column exactly in SQL instead.
 */
import { doubleColumn, validityBits } from '../vector-buffers.js';
import type { ChunkArgument } from './chunk-function.js';
import { FAR_BINS, GRID_BINS } from './distributions.js';

/** How one column is tallied. */
export type TallySpec =
  | { kind: 'bins'; low: number; high: number }
  | { kind: 'integers'; low: number; high: number }
  | { kind: 'codes'; labels: readonly string[] };

const DENSE_INTEGERS = 1 << 16;
const EXACT_INTEGER = 2 ** 53;

/** One column's running counts. */
export abstract class ColumnTally {
  total = 0;
  /** False when a value could not be keyed exactly (an integer beyond ±2^53). */
  exact = true;
  abstract add(values: Float64Array, valid: Uint32Array | null, rows: number): void;
  /** Key -> count, like `to_json(histogram(...))` (empty when no value was seen). */
  abstract counts(): Record<string, number>;
}

export class BinTally extends ColumnTally {
  private readonly inside = new Float64Array(GRID_BINS);
  private readonly outside = new Map<number, number>();
  private readonly width: number;

  constructor(
    private readonly low: number,
    private readonly high: number,
  ) {
    super();
    this.width = (high - low) / GRID_BINS;
  }

  /** The grid's bin, as the SQL of pass 1 computed it before: CASE WHEN x <= high THEN greatest(least(floor((x - low) / width), GRID - 1), -FAR) ELSE least(greatest(…, GRID), GRID - 1 + FAR) END (NaN sorts last in DuckDB). */
  bin(x: number): number {
    const b = Math.floor((x - this.low) / this.width);
    if (x <= this.high) return b > GRID_BINS - 1 ? GRID_BINS - 1 : b < -FAR_BINS ? -FAR_BINS : b;
    return Number.isNaN(b) || b > GRID_BINS - 1 + FAR_BINS ? GRID_BINS - 1 + FAR_BINS : b < GRID_BINS ? GRID_BINS : b;
  }

  add(values: Float64Array, valid: Uint32Array | null, rows: number): void {
    const { inside, outside, low, high, width } = this;
    let seen = 0;
    for (let i = 0; i < rows; i++) {
      if (valid !== null && ((valid[i >>> 5]! >>> (i & 31)) & 1) === 0) continue;
      seen++;
      const x = values[i]!;
      const b = Math.floor((x - low) / width);
      if (x <= high && b >= 0 && b < GRID_BINS) inside[b]!++;
      else {
        const key = this.bin(x);
        if (key >= 0 && key < GRID_BINS) inside[key]!++;
        else outside.set(key, (outside.get(key) ?? 0) + 1);
      }
    }
    this.total += seen;
  }

  counts(): Record<string, number> {
    const result: Record<string, number> = {};
    for (let b = 0; b < GRID_BINS; b++) if (this.inside[b]! > 0) result[b] = this.inside[b]!;
    for (const [key, count] of this.outside) result[key] = count;
    return result;
  }
}

export class IntegerTally extends ColumnTally {
  private readonly dense: Float64Array;
  private readonly sparse = new Map<number, number>();
  private readonly base: number;

  /** low..high: the prefix's range, where a dense array counts (at most 65 536 values wide). */
  constructor(low: number, high: number) {
    super();
    const span = Number.isFinite(low) && Number.isFinite(high) ? high - low + 1 : 0;
    this.base = span > 0 ? low : 0;
    this.dense = new Float64Array(span > 0 && span <= DENSE_INTEGERS ? span : 0);
  }

  add(values: Float64Array, valid: Uint32Array | null, rows: number): void {
    const { dense, sparse, base } = this;
    const size = dense.length;
    let seen = 0;
    for (let i = 0; i < rows; i++) {
      if (valid !== null && ((valid[i >>> 5]! >>> (i & 31)) & 1) === 0) continue;
      seen++;
      const x = values[i]!;
      const slot = x - base;
      if (slot >= 0 && slot < size) dense[slot]!++;
      else {
        if (!(Math.abs(x) < EXACT_INTEGER) || !Number.isInteger(x)) this.exact = false;
        sparse.set(x, (sparse.get(x) ?? 0) + 1);
      }
    }
    this.total += seen;
  }

  counts(): Record<string, number> {
    const result: Record<string, number> = {};
    for (let slot = 0; slot < this.dense.length; slot++) if (this.dense[slot]! > 0) result[String(this.base + slot)] = this.dense[slot]!;
    for (const [value, count] of this.sparse) result[String(value)] = (result[String(value)] ?? 0) + count;
    return result;
  }
}

export class CodeTally extends ColumnTally {
  private readonly known: Float64Array;
  private readonly unseen = new Map<string, number>();

  constructor(private readonly labels: readonly string[]) {
    super();
    this.known = new Float64Array(labels.length);
  }

  add(codes: Float64Array, valid: Uint32Array | null, rows: number): void {
    const known = this.known;
    let seen = 0;
    for (let i = 0; i < rows; i++) {
      if (valid !== null && ((valid[i >>> 5]! >>> (i & 31)) & 1) === 0) continue;
      seen++;
      known[codes[i]!]!++;
    }
    this.total += seen;
  }

  /** A text the prefix did not see (the ENUM cast was NULL for it). */
  addUnseen(text: string): void {
    this.unseen.set(text, (this.unseen.get(text) ?? 0) + 1);
    this.total += 1;
  }

  counts(): Record<string, number> {
    const result: Record<string, number> = {};
    this.labels.forEach((label, k) => {
      if (this.known[k]! > 0) result[label] = this.known[k]!;
    });
    for (const [text, count] of this.unseen) result[text] = count;
    return result;
  }
}

export function columnTally(spec: TallySpec): ColumnTally {
  switch (spec.kind) {
    case 'bins':
      return new BinTally(spec.low, spec.high);
    case 'integers':
      return new IntegerTally(spec.low, spec.high);
    case 'codes':
      return new CodeTally(spec.labels);
  }
}

/** The arguments feeding these columns' tallies to the pass's chunk function (chunk-function.ts), and the tallies. */
export interface TallyArguments {
  arguments: ChunkArgument[];
  tallies: ColumnTally[];
}

/**
 * `value` is the SQL DOUBLE fed to the column's tally (the value to bin, the integer, or the ENUM
 * code); `unseen`, for code tallies, the SQL text that is non-NULL only where the code is NULL but
 * the value is not.
 */
export function tallyArguments(columns: readonly { spec: TallySpec; value?: string; unseen?: string }[]): TallyArguments {
  const tallies = columns.map((c) => columnTally(c.spec));
  const args: ChunkArgument[] = [];
  columns.forEach((column, j) => {
    const tally = tallies[j]!;
    if (column.value) {
      args.push({
        sql: column.value,
        type: 'DOUBLE',
        consume(vector, rows) {
          const { values, valid } = doubleColumn(vector, rows);
          tally.add(values, valid, rows);
        },
      });
    }
    if (column.unseen) {
      args.push({
        sql: column.unseen,
        type: 'VARCHAR',
        consume(vector, rows) {
          const valid = validityBits(vector) ?? null;
          for (let i = 0; i < rows; i++) {
            if (valid !== null && ((valid[i >>> 5]! >>> (i & 31)) & 1) === 0) continue;
            const text = vector.getItem(i);
            if (typeof text === 'string') (tally as CodeTally).addUnseen(text);
          }
        },
      });
    }
  });
  return { arguments: args, tallies };
}
