/**
 * The optional `schema` input: every record is checked against a JSON Schema with ajv,
 * streamed (one file at a time, rows as JSON from DuckDB), with the offending rows counted
 * exactly and the first few located by line.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { UserError } from '../../shared/errors/user-error.js';
import type { DataSource } from '../../shared/data/reader.js';
import { linesOfRecords } from '../../shared/data/line-index.js';
import { DataScan } from '../../shared/data/scan.js';
import { openDuckSession, type EngineHost } from '../../shared/data/duckdb-session.js';
import type { Finding } from '../../shared/data/validate/findings.js';

// ajv-formats is CommonJS with a default export; under NodeNext its type is the module namespace.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

export async function compileSchema(cwd: string, path: string): Promise<ValidateFunction> {
  let schema: unknown;
  try {
    schema = JSON.parse(await readFile(resolve(cwd, path), 'utf8'));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UserError(missing ? 'JSON Schema file not found' : `JSON Schema is not valid JSON (${(error as Error).message})`, { where: { file: path, key: 'schema' } });
  }
  try {
    const ajv = new Ajv({ allErrors: false, strict: false });
    (addFormats as unknown as (a: Ajv) => void)(ajv);
    return ajv.compile(schema as object);
  } catch (error) {
    throw new UserError(`invalid JSON Schema: ${(error as Error).message}`, { where: { file: path, key: 'schema' } });
  }
}

export async function schemaFindings(source: DataSource, validate: ValidateFunction, host: EngineHost, maxLines: number): Promise<Finding | undefined> {
  const session = await openDuckSession(host);
  try {
    const scan = await DataScan.open(source, session);
    let count = 0;
    const firstMessages: string[] = [];
    const locations: { file: string; line: number }[] = [];
    for (let fileIndex = 0; fileIndex < source.files.length; fileIndex++) {
      const records: number[] = [];
      await scan.run(async (from) => {
        void from;
        const result = await session.connection.stream(`SELECT to_json(d)::VARCHAR FROM ${scan.fromFile(fileIndex)} d`);
        let row = 0;
        for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
          const vector = chunk.getColumnVector(0);
          for (let r = 0; r < chunk.rowCount; r++, row++) {
            if (validate(JSON.parse(String(vector.getItem(r))))) continue;
            count += 1;
            if (records.length + locations.length < maxLines) {
              records.push(row);
              const error = validate.errors?.[0];
              if (firstMessages.length < 3 && error) firstMessages.push(`${error.instancePath || '(record)'} ${error.message ?? 'is invalid'}`);
            }
          }
        }
      });
      const lines = await linesOfRecords(source.files[fileIndex]!, source.format, records);
      for (const record of records) locations.push({ file: source.displayFiles[fileIndex]!, line: lines.get(record) ?? record + 2 });
    }
    if (count === 0) return undefined;
    return {
      column: null,
      check: 'schema',
      severity: 'error',
      count,
      lines: locations.map((l) => l.line),
      locations,
      message: `${count} record${count === 1 ? '' : 's'} fail the JSON Schema (${firstMessages.join('; ')})`,
    };
  } finally {
    session.close();
  }
}
