/**
 * The table-function expression DuckDB reads the files with, and the one place that knows
 * what to do when a value contradicts the type DuckDB inferred from its sample: the column is
 * re-read as VARCHAR (so callers see the raw text and decide) and the query is retried.
 */
import { createReadStream } from 'node:fs';
import type * as duckdb from '@duckdb/node-api';
import { csvHeaderNames, detectDelimiter } from './csv-dialect.js';
import { UserError } from '../errors/user-error.js';
import { translateEngineError, typeMismatchOf } from './engine-errors.js';
import type { DuckSession } from './duckdb-session.js';
import type { DataSource } from './resolve.js';
import { sqlIdentifier, sqlList, sqlString } from './sql.js';
import { readline } from '../node/builtins.js';

export type ColumnKind = 'integer' | 'number' | 'string' | 'boolean' | 'date' | 'timestamp' | 'other';

export interface DataColumn {
  name: string;
  duckdbType: string;
  kind: ColumnKind;
}

/**
 * The CSV reader's buffers: 4 MiB instead of DuckDB's default 16 × max_line_size (32 MB). Each
 * buffer is fresh memory that the kernel must fault in page by page, and every scan thread holds
 * some, so the default buffers were most of the run's page faults and ≈ 100 MB of its peak memory
 * (bench/data-validate/RESULTS.md, round 7). The line limit stays DuckDB's default, written out
 * because a smaller buffer would otherwise change it; the sniffer samples the same rows either way
 * (it reads on across buffers).
 */
const CSV_BUFFERS = 'buffer_size = 4194304, max_line_size = 2000000';

export class DataScan {
  private readonly overrides = new Map<string, string>();
  private delimiter = ',';
  columns: DataColumn[] = [];

  private constructor(
    readonly source: DataSource,
    readonly session: DuckSession,
  ) {}

  static async open(source: DataSource, session: DuckSession, forcedTypes: ReadonlyMap<string, string> = new Map()): Promise<DataScan> {
    const scan = new DataScan(source, session);
    const headers: string[][] = [];
    if (source.format === 'csv') {
      scan.delimiter = await detectDelimiter(source.files[0]!);
      for (const [index, file] of source.files.entries()) {
        headers.push(await csvHeaderNames(file, scan.delimiter));
        refuseDuplicateNames(headers[index]!, source.displayFiles[index]!);
      }
      if (forcedTypes.size > 0 && (await scan.describeForcedByHeader(headers[0]!, forcedTypes))) return scan;
    }
    await scan.describe();
    for (const [name, type] of forcedTypes) {
      if (scan.columns.some((c) => c.name === name)) scan.overrides.set(name, type);
    }
    if (forcedTypes.size > 0) await scan.describe();
    return scan;
  }

  /**
   * One DESCRIBE instead of two: the forced types are set from the header line, where it names
   * them as DuckDB does. True when the outcome is provably open()'s (its first DESCRIBE only tells
   * it which of the contract's names are columns, and that, as the columns' names, does not depend
   * on the types); else the overrides are cleared for open() to proceed as before.
   */
  private async describeForcedByHeader(header: readonly string[], forcedTypes: ReadonlyMap<string, string>): Promise<boolean> {
    for (const [name, type] of forcedTypes) {
      if (header.includes(name)) this.overrides.set(name, type);
    }
    try {
      await this.describe();
      const forced = [...forcedTypes.keys()].filter((name) => this.columns.some((c) => c.name === name));
      if (forced.length === this.overrides.size && forced.every((name) => this.overrides.has(name))) return true;
    } catch {
      // open() meets the same error, if it is one, and reports it as it always has.
    }
    this.overrides.clear();
    return false;
  }

  /** `read_csv([...], ...)`: use as a FROM item. `file_index` is available as a virtual column. */
  from(): string {
    return this.fromFiles(this.source.files);
  }

  /** The same reader (same dialect and column types) over one of the files. */
  fromFile(index: number): string {
    return this.fromFiles([this.source.files[index]!]);
  }

  private fromFiles(paths: readonly string[]): string {
    const files = sqlList(paths);
    switch (this.source.format) {
      case 'csv': {
        const types = [...this.overrides].map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`).join(', ');
        return `read_csv(${files}, header = true, skip = 0, delim = ${sqlString(this.delimiter)}, quote = '"', escape = '"', ${CSV_BUFFERS}${types ? `, types = {${types}}` : ''})`;
      }
      case 'jsonl': {
        if (this.overrides.size === 0) return `read_json(${files}, format = 'newline_delimited')`;
        const columns = this.columns.map((c) => `${sqlString(c.name)}: ${sqlString(this.overrides.get(c.name) ?? c.duckdbType)}`).join(', ');
        return `read_json(${files}, format = 'newline_delimited', columns = {${columns}})`;
      }
      case 'parquet':
        return `read_parquet(${files})`;
    }
  }

  /** Runs a query, widening mistyped columns to VARCHAR and retrying; reader errors become UserErrors. */
  async run<T>(query: (from: string) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await query(this.from());
      } catch (error) {
        if (attempt > this.columns.length) throw await translateEngineError(error, this.source, this.delimiter);
        await this.recover(error);
      }
    }
  }

  /** Widens the column a type-mismatch error names (then the caller re-runs), or throws the error as a UserError. */
  async recover(error: unknown): Promise<void> {
    const mismatch = typeMismatchOf(error, this.source);
    const widened = mismatch && (await this.widen(mismatch.column, mismatch.fileIndex, mismatch.record));
    if (!widened) throw await translateEngineError(error, this.source, this.delimiter);
  }

  /** Number of columns widened to VARCHAR so far (callers restarting a stream compare this). */
  get widenings(): number {
    return this.overrides.size;
  }

  private async widen(column: string | undefined, fileIndex: number, record: number | undefined): Promise<boolean> {
    const names = column !== undefined ? [column] : await this.jsonMismatches(fileIndex, record);
    const fresh = names.filter((name) => this.columns.some((c) => c.name === name) && this.overrides.get(name) !== 'VARCHAR');
    if (fresh.length === 0) return false;
    for (const name of fresh) this.overrides.set(name, 'VARCHAR');
    await this.describe();
    return true;
  }

  /** JSON errors do not name the column: look at the offending line for values of the wrong JS type. */
  private async jsonMismatches(fileIndex: number, record: number | undefined): Promise<string[]> {
    if (record === undefined) return [];
    const file = this.source.files[fileIndex];
    if (!file || /\.gz$/i.test(file)) return this.columns.filter((c) => c.kind !== 'string').map((c) => c.name);
    let row: unknown;
    try {
      row = JSON.parse((await nonBlankLine(file, record)) ?? 'null');
    } catch {
      return [];
    }
    if (typeof row !== 'object' || row === null) return [];
    const values = row as Record<string, unknown>;
    return this.columns
      .filter((c) => c.kind !== 'string' && c.name in values)
      .filter((c) => {
        const value = values[c.name];
        if (value === null) return false;
        if (c.kind === 'integer' || c.kind === 'number') return typeof value !== 'number';
        if (c.kind === 'boolean') return typeof value !== 'boolean';
        return typeof value !== 'string';
      })
      .map((c) => c.name);
  }

  private async describe(): Promise<void> {
    const reader = await this.session.connection
      .runAndReadAll(`DESCRIBE SELECT * FROM ${this.from()}`)
      .catch(async (error: unknown) => Promise.reject(await translateEngineError(error, this.source, this.delimiter)));
    this.columns = reader.getRowObjectsJS().map((row) => {
      const name = String(row['column_name']);
      const duckdbType = String(row['column_type']);
      return { name, duckdbType, kind: kindOf(duckdbType) };
    });
  }
}

export function kindOf(duckdbType: string): ColumnKind {
  const type = duckdbType.toUpperCase();
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/.test(type)) return 'integer';
  if (/^(FLOAT|DOUBLE|REAL|DECIMAL.*)$/.test(type)) return 'number';
  if (type === 'VARCHAR' || type.startsWith('VARCHAR(')) return 'string';
  if (type === 'BOOLEAN') return 'boolean';
  if (type === 'DATE') return 'date';
  if (type.startsWith('TIMESTAMP')) return 'timestamp';
  return 'other';
}

export type Connection = duckdb.DuckDBConnection;
export { sqlIdentifier };

async function nonBlankLine(file: string, index: number): Promise<string | undefined> {
  const lines = readline().createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let seen = 0;
  try {
    for await (const line of lines) {
      if (line.trim() === '') continue;
      if (seen++ === index) return line;
    }
  } finally {
    lines.close();
  }
  return undefined;
}

/** DuckDB would rename a repeated column (`a` → `a_1`) and read the data under a made-up name. */
function refuseDuplicateNames(names: string[], displayFile: string): void {
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  for (const name of names) {
    const key = name.trim().toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) duplicates.push(first === name ? JSON.stringify(name) : `${JSON.stringify(first)} and ${JSON.stringify(name)}`);
    else seen.set(key, name);
  }
  if (duplicates.length) {
    throw new UserError(`the CSV header repeats column names (compared without case): ${[...new Set(duplicates)].slice(0, 10).join(', ')}`, {
      where: { file: displayFile, line: 1 },
      hint: 'Give every column a distinct name; a repeated name would be renamed silently and its data read under the wrong name.',
    });
  }
}
