/**
 * Reads the columns drift-check compares from a data file or glob (CSV, Parquet, JSONL,
 * including `mlops serve --capture` files as they are) through the shared DuckDB reader.
 * Numeric columns come back as float64 with NaN for missing values; everything else as
 * strings. Capture files' nested outputs are top-level names with a dot (`output.label`);
 * list outputs (class probabilities) come back as their text, parsed by prediction.ts.
 */
import { openData, resolveData, type DataColumn } from '../data/reader.js';
import type { EngineHost } from '../data/duckdb-session.js';
import { UserError } from '../errors/user-error.js';
import type { FloatType } from '../onnx/feed.js';
import { rowMajorBatch } from '../onnx/row-major.js';
import type { ColumnBatch } from '../onnx/scorer.js';

export type ColumnValues = { kind: 'numeric'; values: Float64Array } | { kind: 'categorical'; values: (string | null)[] };

export interface LoadedSample {
  spec: string;
  displayFiles: string[];
  rows: number;
  columns: DataColumn[];
  read(names: string[]): Promise<Map<string, ColumnValues>>;
  /** Numeric columns batch by batch, for scoring a model; with `rowType`, written row-major in that float type (shared/onnx/row-major.ts). */
  batches(names: string[], batchRows: number, rowType?: FloatType): AsyncIterable<ColumnBatch>;
  close(): Promise<void>;
}

/** Metadata written by `mlops serve --capture` beside the features: never tested for drift. */
export const CAPTURE_METADATA = new Set(['timestamp', 'model', 'version', 'request_id']);

const COLUMNS_PER_PASS = 16;

export function isNumericKind(column: DataColumn): boolean {
  return column.kind === 'integer' || column.kind === 'number';
}

export async function loadSample(cwd: string, spec: string, host: EngineHost, role: 'current' | 'reference'): Promise<LoadedSample> {
  let source;
  try {
    source = await resolveData(cwd, spec);
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`${role}: ${error.message}`, { where: { ...error.where, key: role }, hint: error.hint });
    throw error;
  }
  const table = await openData(source, host);
  if (role === 'current' && table.rowCount === 0) {
    await table.close();
    throw new UserError('the current sample has no rows', { where: { file: source.displayFiles[0], key: 'current' }, hint: 'Point `current` at recent data (e.g. the server capture files of the last day).' });
  }
  return {
    spec,
    displayFiles: source.displayFiles,
    rows: table.rowCount,
    columns: table.columns,
    async read(names) {
      const out = new Map<string, ColumnValues>();
      const numeric = names.filter((name) => isNumericKind(table.columns.find((c) => c.name === name)!));
      const other = names.filter((name) => !numeric.includes(name));
      // A few columns per pass: DuckDB's ordered stream of a wide file otherwise needs more
      // buffer memory than the session's bounded limit (100 columns of a Parquet file ran out).
      for (let start = 0; start < numeric.length; start += COLUMNS_PER_PASS) {
        const group = numeric.slice(start, start + COLUMNS_PER_PASS);
        const arrays = group.map(() => new Float64Array(table.rowCount));
        for await (const batch of table.readNumeric(group)) {
          batch.values.forEach((values, c) => arrays[c]!.set(values, batch.rowOffset));
        }
        group.forEach((name, c) => out.set(name, { kind: 'numeric', values: arrays[c]! }));
      }
      if (other.length > 0) {
        const strings = await table.readStrings(other);
        other.forEach((name, c) => out.set(name, { kind: 'categorical', values: strings[c]! }));
      }
      return out;
    },
    async *batches(names, batchRows, rowType) {
      if (rowType) {
        for await (const batch of table.readRows(names, { batchRows, type: rowType })) yield rowMajorBatch(names, batch);
        return;
      }
      const index = new Map(names.map((name, i) => [name, i]));
      for await (const batch of table.readNumeric(names, { batchRows })) {
        yield { rowOffset: batch.rowOffset, rows: batch.rows, column: (name: string) => batch.values[index.get(name)!]! };
      }
    },
    close: () => table.close(),
  };
}
