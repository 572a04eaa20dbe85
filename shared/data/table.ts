/** DataTable: the shared, streaming view of a data source that every stage reads through. */
import type * as duckdb from '@duckdb/node-api';
import { UserError } from '../errors/user-error.js';
import { openDuckSession, type EngineHost } from './duckdb-session.js';
import { linesOfRecords } from './line-index.js';
import type { DataSource } from './resolve.js';
import { DataScan, sqlIdentifier, type DataColumn } from './scan.js';
import { doubleColumn } from './vector-buffers.js';

export interface NumericBatch {
  /** Index of the batch's first row in the whole source (0-based, file order). */
  rowOffset: number;
  rows: number;
  /** One per requested column; NULL -> NaN. */
  values: Float64Array[];
}

/** Rows laid out for a model's matrix input: the requested columns in order, row after row. */
export interface RowBatch {
  /** Index of the batch's first row in the whole source (0-based, file order). */
  rowOffset: number;
  rows: number;
  /** Row i, column c at data[i * columns + c]; NULL -> NaN; float32 values are the doubles rounded as a Float32Array store rounds them. */
  data: Float32Array | Float64Array;
}

export interface DataTable {
  source: DataSource;
  columns: DataColumn[];
  rowCount: number;
  /** Streams the columns as float64 in file order, batchRows at a time (default 65 536). UserError naming column + file line when a value is not numeric. */
  readNumeric(columns: string[], options?: { batchRows?: number; onProgress?: (rowsDone: number) => void }): AsyncIterable<NumericBatch>;
  /**
   * The same values as readNumeric, written row-major into one buffer per batch (a fresh buffer
   * each batch: a consumer may keep it, e.g. while a model scores it). No column arrays, no transpose.
   */
  readRows(columns: string[], options: { type: 'float32' | 'float64'; batchRows?: number; onProgress?: (rowsDone: number) => void }): AsyncIterable<RowBatch>;
  /** Whole columns as strings (NULL -> null) in file order: labels, slice columns. */
  readStrings(columns: string[]): Promise<(string | null)[][]>;
  close(): Promise<void>;
}

const DEFAULT_BATCH_ROWS = 65_536;
const NUMERIC_KINDS = new Set(['integer', 'number', 'boolean']);

export async function openData(source: DataSource, engineHost: EngineHost): Promise<DataTable> {
  const session = await openDuckSession(engineHost);
  try {
    const scan = await DataScan.open(source, session);
    const rowCount = await scan.run(async (from) => {
      const reader = await session.connection.runAndReadAll(`SELECT count(*)::DOUBLE AS n FROM ${from}`);
      return Number(reader.getRowObjectsJS()[0]?.['n'] ?? 0);
    });
    return new DuckDataTable(scan, rowCount, () => session.close());
  } catch (error) {
    session.close();
    throw error;
  }
}

class DuckDataTable implements DataTable {
  constructor(
    private readonly scan: DataScan,
    readonly rowCount: number,
    private readonly closeSession: () => void,
  ) {}

  get source(): DataSource {
    return this.scan.source;
  }

  get columns(): DataColumn[] {
    return this.scan.columns;
  }

  readNumeric(columns: string[], options: { batchRows?: number; onProgress?: (rowsDone: number) => void } = {}): AsyncIterable<NumericBatch> {
    return this.read(columns, options, (batchRows) => new ColumnFiller(columns.length, batchRows));
  }

  readRows(columns: string[], options: { type: 'float32' | 'float64'; batchRows?: number; onProgress?: (rowsDone: number) => void }): AsyncIterable<RowBatch> {
    return this.read(columns, options, (batchRows) => new RowFiller(columns.length, batchRows, options.type));
  }

  private async *read<B extends { rows: number }>(columns: string[], options: { batchRows?: number; onProgress?: (rowsDone: number) => void }, filler: (batchRows: number) => BatchFiller<B>): AsyncIterable<B> {
    const batchRows = Math.max(1, Math.floor(options.batchRows ?? DEFAULT_BATCH_ROWS));
    this.requireColumns(columns);
    let emitted = 0;
    // A type mismatch found late widens a column and restarts the stream; rows already
    // emitted are skipped on the way, so the caller sees each row exactly once, in order.
    for (;;) {
      const widenings = this.scan.widenings;
      try {
        for await (const batch of this.numericPass(columns, batchRows, emitted, filler(batchRows))) {
          emitted += batch.rows;
          yield batch;
          options.onProgress?.(emitted);
        }
        return;
      } catch (error) {
        if (!(error instanceof RestartScan) || this.scan.widenings === widenings) throw error;
      }
    }
  }

  private async *numericPass<B>(columns: string[], batchRows: number, skipRows: number, out: BatchFiller<B>): AsyncGenerator<B> {
    const kinds = columns.map((name) => this.column(name));
    for (const column of kinds) {
      if (!NUMERIC_KINDS.has(column.kind) && column.kind !== 'string') {
        throw new UserError(`column "${column.name}" is ${column.duckdbType}, not numeric`, { where: { file: this.source.displayFiles[0] }, hint: 'Use numeric columns as model features, or encode this one first.' });
      }
    }
    const select = kinds.map((column) => {
      const id = sqlIdentifier(column.name);
      return column.kind === 'string' ? `TRY_CAST(${id} AS DOUBLE)` : `CAST(${id} AS DOUBLE)`;
    });
    // For text columns, a second expression (after the values) carries the raw value when it is not a number.
    const texts = kinds.flatMap((column, c) => (column.kind === 'string' ? [c] : []));
    const rejects = texts.map((c) => {
      const id = sqlIdentifier(kinds[c]!.name);
      return `CASE WHEN ${id} IS NOT NULL AND TRY_CAST(${id} AS DOUBLE) IS NULL THEN ${id} END`;
    });
    // One constant text column stays: with none, a late type mismatch in a CSV no longer came back as the
    // reader's error naming the line (the query failed with a bare conversion error), so the column was
    // not widened (test/data/reader.test.ts). One per numeric column, as before, doubled a Parquet read.
    rejects.push('NULL::VARCHAR');
    const result = await this.streamQuery((from) => `SELECT file_index, ${[...select, ...rejects].join(', ')} FROM ${from}`);
    const count = columns.length;
    let filled = 0;
    let row = 0;
    let rowOffset = skipRows;
    const fileRows = new FileRowCounter();
    for (;;) {
      const chunk = await this.fetch(result);
      if (!chunk) break;
      const rows = chunk.rowCount;
      fileRows.addChunk(chunk.getColumnVector(0), rows);
      for (const [t, c] of texts.entries()) {
        const reject = chunk.getColumnVector(1 + count + t);
        for (let r = 0; r < rows; r++) {
          const raw = reject.getItem(r);
          if (raw !== null) await this.notNumeric(kinds[c]!.name, String(raw), fileRows.locate(row + r));
        }
      }
      let r = 0;
      if (row + rows <= skipRows) {
        row += rows;
        continue;
      }
      if (row < skipRows) r = skipRows - row;
      const vectors = kinds.map((_, c) => doubleColumn(chunk.getColumnVector(1 + c), rows));
      while (r < rows) {
        const take = Math.min(rows - r, batchRows - filled);
        for (let c = 0; c < count; c++) out.write(c, vectors[c]!.values, vectors[c]!.valid, r, take, filled);
        filled += take;
        r += take;
        if (filled === batchRows) {
          yield out.take(rowOffset, filled);
          rowOffset += filled;
          filled = 0;
        }
      }
      row += rows;
    }
    if (row < this.rowCount) await this.surfaceStreamError(columns, row);
    if (filled > 0) yield out.take(rowOffset, filled);
  }

  /**
   * DuckDB's streaming fetch ends early without an error when the reader fails (the C API
   * returns no chunk). Re-run the columns through a materialized aggregate, which does raise:
   * a type mismatch widens the column and restarts the scan; anything else is reported.
   */
  private async surfaceStreamError(columns: string[], rowsRead: number): Promise<never> {
    const before = this.scan.widenings;
    const probe = columns.map((name) => `min(${sqlIdentifier(name)})`).join(', ');
    await this.scan.run((from) => this.scan.session.connection.run(`SELECT ${probe} FROM ${from}`));
    if (this.scan.widenings !== before) throw new RestartScan();
    throw new Error(`DuckDB ended the stream after ${rowsRead} of ${this.rowCount} rows without reporting an error`);
  }

  async readStrings(columns: string[]): Promise<(string | null)[][]> {
    this.requireColumns(columns);
    return this.scan.run(async (from) => {
      const select = columns.map((name) => `CAST(${sqlIdentifier(name)} AS VARCHAR)`).join(', ');
      // Materialized, not streamed: a mid-read type mismatch then raises, and scan.run widens the column and reruns.
      const result = await this.scan.session.connection.run(`SELECT ${select} FROM ${from}`);
      const out: (string | null)[][] = columns.map(() => []);
      for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
        for (let c = 0; c < columns.length; c++) {
          const vector = chunk.getColumnVector(c);
          const target = out[c]!;
          for (let r = 0; r < chunk.rowCount; r++) {
            const value = vector.getItem(r);
            target.push(value === null ? null : String(value));
          }
        }
      }
      return out;
    });
  }

  async close(): Promise<void> {
    this.closeSession();
  }

  private column(name: string): DataColumn {
    const column = this.scan.columns.find((c) => c.name === name);
    if (!column) throw this.missing(name);
    return column;
  }

  private requireColumns(names: string[]): void {
    for (const name of names) this.column(name);
  }

  private missing(name: string): UserError {
    return new UserError(`the data has no column "${name}"`, {
      where: { file: this.source.displayFiles[0] },
      hint: `Its columns are: ${this.scan.columns.map((c) => c.name).join(', ')}.`,
    });
  }

  private async notNumeric(column: string, raw: string, at: { fileIndex: number; record: number }): Promise<never> {
    const lines = await linesOfRecords(this.source.files[at.fileIndex]!, this.source.format, [at.record]);
    throw new UserError(`column "${column}" holds a value that is not a number: ${JSON.stringify(raw.slice(0, 80))}`, {
      where: { file: this.source.displayFiles[at.fileIndex], line: lines.get(at.record) },
      hint: 'Fix or drop the row, or exclude the column.',
    });
  }

  private async streamQuery(sql: (from: string) => string): Promise<duckdb.DuckDBResult> {
    const before = this.scan.widenings;
    const result = await this.scan.run((from) => this.scan.session.connection.stream(sql(from)));
    if (this.scan.widenings !== before) throw new RestartScan();
    return result;
  }

  /** Fetches the next chunk; a late type mismatch widens the column and restarts the pass. */
  private async fetch(result: duckdb.DuckDBResult): Promise<duckdb.DuckDBDataChunk | null> {
    let chunk: duckdb.DuckDBDataChunk | null;
    try {
      chunk = await result.fetchChunk();
    } catch (error) {
      await this.scan.recover(error);
      throw new RestartScan();
    }
    return chunk && chunk.rowCount > 0 ? chunk : null;
  }
}

class RestartScan extends Error {}

/** Tracks which file each streamed row came from, to turn a row into (file, record). */
class FileRowCounter {
  private readonly starts: { fileIndex: number; startRow: number }[] = [];
  private rows = 0;
  private current = -1;

  /** The rows of one chunk, from its `file_index` vector (UBIGINT). */
  addChunk(fileIndex: duckdb.DuckDBVector, rows: number): void {
    const items = (fileIndex as unknown as { items?: unknown }).items;
    if (items instanceof BigUint64Array && items.length >= rows) {
      // Little-endian 64-bit words: the low 32 bits hold the index (there are never 2^32 files).
      const words = new Uint32Array(items.buffer, items.byteOffset, rows * 2);
      for (let r = 0; r < rows; r++) this.add(words[2 * r + 1] === 0 ? words[2 * r]! : Number(fileIndex.getItem(r)));
      return;
    }
    for (let r = 0; r < rows; r++) this.add(Number(fileIndex.getItem(r)));
  }

  add(fileIndex: number): void {
    if (fileIndex !== this.current) {
      this.starts.push({ fileIndex, startRow: this.rows });
      this.current = fileIndex;
    }
    this.rows += 1;
  }

  locate(row: number): { fileIndex: number; record: number } {
    let found = this.starts[0] ?? { fileIndex: 0, startRow: 0 };
    for (const start of this.starts) if (start.startRow <= row) found = start;
    return { fileIndex: found.fileIndex, record: row - found.startRow };
  }
}

/** Where a numeric pass writes the values of the batch being filled. */
interface BatchFiller<B> {
  /** Column c's chunk values [from, from + take) (NULL -> NaN) into rows [at, at + take) of the batch. */
  write(c: number, values: Float64Array, valid: Uint32Array | null, from: number, take: number, at: number): void;
  /** The batch's first `rows` rows; later writes go into fresh buffers. */
  take(rowOffset: number, rows: number): B;
}

/** One float64 array per column. */
class ColumnFiller implements BatchFiller<NumericBatch> {
  private values: Float64Array[];

  constructor(
    private readonly columns: number,
    private readonly batchRows: number,
  ) {
    this.values = this.fresh();
  }

  private fresh(): Float64Array[] {
    return Array.from({ length: this.columns }, () => new Float64Array(this.batchRows));
  }

  write(c: number, values: Float64Array, valid: Uint32Array | null, from: number, take: number, at: number): void {
    const out = this.values[c]!;
    if (valid === null) {
      out.set(values.subarray(from, from + take), at);
      return;
    }
    for (let i = 0; i < take; i++) {
      const j = from + i;
      out[at + i] = (valid[j >>> 5]! >>> (j & 31)) & 1 ? values[j]! : Number.NaN;
    }
  }

  take(rowOffset: number, rows: number): NumericBatch {
    const values = rows === this.batchRows ? this.values : this.values.map((v) => v.subarray(0, rows));
    this.values = this.fresh();
    return { rowOffset, rows, values };
  }
}

/** One row-major buffer: column c of row i at i * columns + c, written as the chunk is read. */
class RowFiller implements BatchFiller<RowBatch> {
  private data: Float32Array | Float64Array;

  constructor(
    private readonly columns: number,
    private readonly batchRows: number,
    private readonly type: 'float32' | 'float64',
  ) {
    this.data = this.fresh();
  }

  private fresh(): Float32Array | Float64Array {
    return this.type === 'float32' ? new Float32Array(this.batchRows * this.columns) : new Float64Array(this.batchRows * this.columns);
  }

  write(c: number, values: Float64Array, valid: Uint32Array | null, from: number, take: number, at: number): void {
    const out = this.data;
    const width = this.columns;
    let k = at * width + c;
    if (valid === null) {
      for (let j = from; j < from + take; j++, k += width) out[k] = values[j]!;
      return;
    }
    for (let j = from; j < from + take; j++, k += width) out[k] = (valid[j >>> 5]! >>> (j & 31)) & 1 ? values[j]! : Number.NaN;
  }

  take(rowOffset: number, rows: number): RowBatch {
    const data = rows === this.batchRows ? this.data : this.data.subarray(0, rows * this.columns);
    this.data = this.fresh();
    return { rowOffset, rows, data };
  }
}
