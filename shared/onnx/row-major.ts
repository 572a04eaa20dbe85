/**
 * Batches the reader already wrote row-major (DataTable.readRows), so a model's [rows, features]
 * input needs no transpose: when every model of a pass takes one matrix input, the reader writes
 * the features straight into the matrix, in the float type the models take, and a scorer whose
 * features are exactly those columns in that order feeds the buffer as is.
 *
 * Exactness: float32 rows hold each double rounded by a Float32Array store, exactly what a
 * scorer's own interleave writes; so rows are float32 only when every model takes float32,
 * and float64 (exact) otherwise.
 */
import type { ColumnBatch, RowMajor } from './scorer.js';
import type { FeedPlan, FloatType } from './feed.js';

/** The float type to read rows in for these plans, or undefined when one of them is fed per column (then read columns). */
export function rowMajorType(plans: readonly (FeedPlan | undefined)[]): FloatType | undefined {
  const fed = plans.filter((plan): plan is FeedPlan => plan !== undefined);
  if (fed.length === 0 || fed.some((plan) => plan.mode !== 'matrix')) return undefined;
  return fed.some((plan) => plan.mode === 'matrix' && plan.type === 'float64') ? 'float64' : 'float32';
}

/** A scorer's batch over row-major data holding `columns` in order. */
export function rowMajorBatch(columns: readonly string[], batch: { rowOffset: number; rows: number; data: Float32Array | Float64Array }): ColumnBatch {
  const rowMajor: RowMajor = { columns, data: batch.data };
  return {
    rowOffset: batch.rowOffset,
    rows: batch.rows,
    rowMajor,
    column: (name) => columnOf(rowMajor, name, batch.rows),
  };
}

/** One column as float64, read out of float64 rows (exact); float32 rows cannot give the original doubles. */
function columnOf(rows: RowMajor, name: string, count: number): Float64Array {
  const c = rows.columns.indexOf(name);
  if (c < 0) throw new Error(`column "${name}" was not read`);
  if (!(rows.data instanceof Float64Array)) throw new Error(`column "${name}" was read as float32 rows, which do not hold its exact values`);
  const width = rows.columns.length;
  const out = new Float64Array(count);
  for (let i = 0, k = c; i < count; i++, k += width) out[i] = rows.data[k]!;
  return out;
}

/** Whether the rows are exactly a matrix input of these features in this float type (fed without a copy). */
export function feedsAsIs(rows: RowMajor, features: readonly string[], type: FloatType): boolean {
  if ((type === 'float32') !== rows.data instanceof Float32Array) return false;
  if (rows.columns.length !== features.length) return false;
  for (let f = 0; f < features.length; f++) if (rows.columns[f] !== features[f]) return false;
  return true;
}

/** Row-major [rows, features] from rows holding (at least) those features in another order or type. */
export function gatherRows(rows: RowMajor, features: readonly string[], count: number, out: Float32Array | Float64Array): void {
  if (rows.data instanceof Float32Array && out instanceof Float64Array) throw new Error('float32 rows cannot feed a float64 input exactly');
  const width = rows.columns.length;
  const picked = features.map((name) => {
    const c = rows.columns.indexOf(name);
    if (c < 0) throw new Error(`column "${name}" was not read`);
    return c;
  });
  const outWidth = features.length;
  const data = rows.data;
  for (let i = 0; i < count; i++) {
    const from = i * width;
    const to = i * outWidth;
    for (let f = 0; f < outWidth; f++) out[to + f] = data[from + picked[f]!]!;
  }
}
