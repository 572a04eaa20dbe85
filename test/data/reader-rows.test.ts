// DataTable.readRows writes the same values as readNumeric, row-major, straight from DuckDB's
// chunks (shared/data/table.ts): byte for byte what interleaving readNumeric's columns gives,
// for integer, double, decimal, float and boolean columns, NULL, NaN, −0.0, ±inf, values that
// round or overflow in float32, batches that are not a multiple of DuckDB's chunk, and a
// late type mismatch that restarts the stream.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openData, resolveData, type DataTable } from '../../shared/data/reader.js';
import { interleave } from '../../shared/onnx/scorer.js';
import { createRecordingHost } from '../support/recording-host.js';

const host = createRecordingHost();
let dir: string;
const ROWS = 5_003;
/** Columns in another order than the file's. */
const COLUMNS = ['x', 'small', 'dec', 'flag', 'f32', 'big'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-reader-rows-'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const x = `CASE i % 9 WHEN 0 THEN NULL WHEN 1 THEN '-0.0'::DOUBLE WHEN 2 THEN 'nan'::DOUBLE WHEN 3 THEN (CASE WHEN i % 2 = 0 THEN 'inf'::DOUBLE ELSE '-inf'::DOUBLE END)
    WHEN 4 THEN 1e-46 WHEN 5 THEN 3.5e38 * (i % 3) WHEN 6 THEN 0.1 * i ELSE sin(i) * 1e5 END`;
  await connection.run(`COPY (SELECT i AS id, 'row ' || i AS label, ${x} AS x, (i % 1000 - 500)::SMALLINT AS small,
      CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 12.3457)::DECIMAL(12, 4) END AS dec, (i % 3 = 0) AS flag,
      (i / 7.0)::FLOAT AS f32, (i * 1234567891011)::BIGINT AS big
    FROM range(${ROWS}) t(i) ORDER BY i) TO '${join(dir, 'typed.parquet')}' (FORMAT parquet, ROW_GROUP_SIZE 1000)`);
  connection.closeSync();
  instance.closeSync();
  // A CSV whose column `n` is a small integer for 30 000 rows, then beyond BIGINT: DuckDB's sniffer types it
  // BIGINT, the late value fails the stream, the reader widens the column and restarts, skipping rows already given.
  const lines = ['n,y'];
  for (let i = 0; i < 30_000; i++) lines.push(`${i % 50},${i % 4 === 0 ? '' : String(-i / 3)}`);
  lines.push('99999999999999999999,-0.0');
  await writeFile(join(dir, 'late.csv'), `${lines.join('\n')}\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function viaColumns(table: DataTable, columns: string[], batchRows: number, type: 'float32' | 'float64'): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const batch of table.readNumeric(columns, { batchRows })) {
    const out = type === 'float32' ? new Float32Array(batch.rows * columns.length) : new Float64Array(batch.rows * columns.length);
    interleave(batch.values, batch.rows, out);
    parts.push(Buffer.from(out.buffer, out.byteOffset, out.byteLength));
  }
  return Buffer.concat(parts);
}

async function viaRows(table: DataTable, columns: string[], batchRows: number, type: 'float32' | 'float64'): Promise<{ bytes: Buffer; sizes: number[] }> {
  const parts: Buffer[] = [];
  const sizes: number[] = [];
  let offset = 0;
  for await (const batch of table.readRows(columns, { batchRows, type })) {
    expect(batch.rowOffset).toBe(offset);
    expect(batch.data).toBeInstanceOf(type === 'float32' ? Float32Array : Float64Array);
    expect(batch.data.length).toBe(batch.rows * columns.length);
    offset += batch.rows;
    sizes.push(batch.rows);
    parts.push(Buffer.from(batch.data.buffer, batch.data.byteOffset, batch.data.byteLength));
  }
  return { bytes: Buffer.concat(parts), sizes };
}

describe('readRows', () => {
  it.each([
    ['float32', 1_000],
    ['float64', 1_000],
    ['float32', 2_048],
    ['float64', 7],
    ['float32', 65_536],
  ] as const)('is byte for byte the interleaved readNumeric columns (%s, batches of %i)', async (type, batchRows) => {
    const table = await openData(await resolveData(dir, 'typed.parquet'), host);
    try {
      const before = await viaColumns(table, COLUMNS, batchRows, type);
      const after = await viaRows(table, COLUMNS, batchRows, type);
      expect(after.sizes.reduce((a, b) => a + b, 0)).toBe(ROWS);
      expect(after.sizes.slice(0, -1).every((n) => n === batchRows)).toBe(true);
      expect(after.bytes.length).toBe(before.length);
      expect(after.bytes.equals(before)).toBe(true);
    } finally {
      await table.close();
    }
  });

  it('keeps NULL as NaN, −0.0 as −0.0, and rounds to float32 as a Float32Array store does', async () => {
    const table = await openData(await resolveData(dir, 'typed.parquet'), host);
    try {
      const rows: Float32Array[] = [];
      for await (const batch of table.readRows(['x', 'dec'], { batchRows: 18, type: 'float32' })) {
        rows.push(batch.data as Float32Array);
        break;
      }
      const data = rows[0]!;
      const x = (i: number) => data[i * 2]!;
      expect(x(0)).toBeNaN(); // NULL
      expect(Object.is(x(1), -0)).toBe(true);
      expect(x(2)).toBeNaN(); // NaN
      expect(x(3)).toBe(Number.NEGATIVE_INFINITY); // i = 3 is odd
      expect(x(4)).toBe(0); // 1e-46 underflows
      expect(x(5)).toBe(Number.POSITIVE_INFINITY); // 3.5e38 × 2 overflows float32
      expect(x(6)).toBe(Math.fround(0.6000000000000001));
      expect(data[7 * 2 + 1]).toBeNaN(); // dec NULL at i = 7
      expect(data[8 * 2 + 1]).toBe(Math.fround(98.7656));
    } finally {
      await table.close();
    }
  });

  it('restarts after a late type mismatch and still gives each row once, as readNumeric does', async () => {
    for (const type of ['float32', 'float64'] as const) {
      const table = await openData(await resolveData(dir, 'late.csv'), host);
      try {
        const after = await viaRows(table, ['y', 'n'], 4_096, type);
        const before = await viaColumns(table, ['y', 'n'], 4_096, type);
        expect(after.sizes.reduce((a, b) => a + b, 0)).toBe(30_001);
        expect(after.bytes.equals(before)).toBe(true);
        const values = type === 'float32' ? new Float32Array(after.bytes.buffer, after.bytes.byteOffset, after.bytes.length / 4) : new Float64Array(after.bytes.buffer, after.bytes.byteOffset, after.bytes.length / 8);
        expect(values[30_000 * 2 + 1]).toBe(type === 'float32' ? Math.fround(1e20) : 1e20);
        expect(Object.is(values[30_000 * 2], -0)).toBe(true);
      } finally {
        await table.close();
      }
    }
  });
});
