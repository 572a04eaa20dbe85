/**
 * The holdout as the gate needs it, read through the shared DuckDB reader (shared/data): column
 * names and whether they are numeric, the label and slice columns as strings, and the feature
 * columns streamed in batches.
 */
import { suggestKey } from '../../shared/config/suggest.js';
import { fingerprintData } from '../../shared/data/fingerprint.js';
import { openData, type DataTable } from '../../shared/data/reader.js';
import { resolveData } from '../../shared/data/resolve.js';
import { UserError } from '../../shared/errors/user-error.js';
import type { Host } from '../../shared/host/host.js';
import type { DataColumn, FloatType } from '../../shared/onnx/feed.js';
import { rowMajorBatch } from '../../shared/onnx/row-major.js';
import type { ColumnBatch } from '../../shared/onnx/scorer.js';
import { allowOutsideWorkspace } from '../../shared/fs/workspace.js';

const NUMERIC_KINDS = new Set(['integer', 'number', 'boolean']);

export interface Holdout {
  file: string;
  /** Content hash of the holdout files (the same fingerprint data-validate records). */
  fingerprint: string;
  rows: number;
  columns: DataColumn[];
  /** Whole columns as strings (null for missing values), in file order. */
  strings(names: string[]): Promise<(string | null)[][]>;
  /** The columns batch by batch; with `rowType`, written row-major in that float type (for models fed one matrix; row-major.ts). */
  batches(names: string[], batchRows: number, rowType?: FloatType): AsyncIterable<ColumnBatch>;
  close(): Promise<void>;
}

export async function openHoldout(cwd: string, spec: string, host: Host): Promise<Holdout> {
  const source = await resolveData(cwd, spec, { allowOutsideWorkspace: allowOutsideWorkspace((name) => host.env(name)) });
  const table: DataTable = await openData(source, host);
  const file = source.displayFiles.length === 1 ? source.displayFiles[0]! : source.spec;
  const columns = table.columns.map((c) => ({ name: c.name, numeric: NUMERIC_KINDS.has(c.kind) }));
  const { fingerprint } = await fingerprintData(source);
  return {
    file,
    fingerprint,
    rows: table.rowCount,
    columns,
    strings: (names) => table.readStrings(names),
    async *batches(names, batchRows, rowType) {
      if (rowType) {
        for await (const batch of table.readRows(names, { batchRows, type: rowType })) yield rowMajorBatch(names, batch);
        return;
      }
      for await (const batch of table.readNumeric(names, { batchRows })) {
        const index = new Map(names.map((name, i) => [name, i]));
        yield { rowOffset: batch.rowOffset, rows: batch.rows, column: (name: string) => batch.values[index.get(name)!]! };
      }
    },
    close: () => table.close(),
  };
}

/** A column the user named must exist; the error names the input, the file and a near miss. */
export function requireColumn(holdout: Holdout, name: string, key: string, from = `input "${key}"`): DataColumn {
  const column = holdout.columns.find((c) => c.name === name);
  if (column) return column;
  const names = holdout.columns.map((c) => c.name);
  const guess = suggestKey(name, names);
  throw new UserError(`column "${name}" (from ${from}) is not in the holdout`, {
    where: { file: holdout.file, key },
    hint: `${guess ? `Did you mean "${guess}"? ` : ''}Columns: ${names.join(', ')}.`,
  });
}
