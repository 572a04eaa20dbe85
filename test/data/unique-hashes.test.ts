// The exact `unique` check counts distinct values from DuckDB's hashes collected in JS
// (shared/data/validate/unique-hashes.ts) instead of count(DISTINCT): the profile's distinct
// counts and the unique findings (counts and lines) must equal DuckDB's count(DISTINCT) and
// duplicates, NULLs, −0.0 = 0.0 and several chunks included; a repeated hash or too many values
// hands the count back to DuckDB. Two unique columns with duplicates also locate their lines in
// separate queries (locate.ts): in one query their two subqueries ran DuckDB out of memory.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import * as duckdb from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerChunkFunction } from '../../shared/data/validate/chunk-function.js';
import { hashArguments } from '../../shared/data/validate/unique-hashes.js';
import { runAction } from '../support/run-action.js';

let dir: string;
let instance: DuckDBInstance;
let connection: DuckDBConnection;
const ROWS = 5_000;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-dv-unique-'));
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(async () => {
  connection.closeSync();
  instance.closeSync();
  await rm(dir, { recursive: true, force: true });
});

async function collect(values: string, limit?: number) {
  const { arguments: args, collectors } = hashArguments(['v'], limit);
  const selects = registerChunkFunction(duckdb, connection, args);
  await connection.run(`SELECT ${selects.join(', ')} FROM (${values}) t(v)`);
  return collectors[0]!;
}

describe('hash collector', () => {
  it('counts present values and sees them all distinct, across chunks, NULLs skipped', async () => {
    const collector = await collect(`SELECT CASE WHEN i % 10 = 0 THEN NULL ELSE 'id-' || i END FROM range(${ROWS}) r(i)`);
    expect(collector.total).toBe(ROWS - ROWS / 10);
    expect(collector.complete).toBe(true);
    expect(collector.allDistinct()).toBe(true);
  });

  it('finds one repeated value among thousands, and −0.0 = 0.0 as count(DISTINCT) does', async () => {
    expect((await collect(`SELECT CASE WHEN i = 4321 THEN 'id-17' ELSE 'id-' || i END FROM range(${ROWS}) r(i)`)).allDistinct()).toBe(false);
    expect((await collect(`SELECT CASE WHEN i = 3000 THEN '-0.0'::DOUBLE ELSE i::DOUBLE END FROM range(${ROWS}) r(i)`)).allDistinct()).toBe(false);
  });

  it('keeps every hash while growing past its first capacities (65 536, then 4× at a time)', async () => {
    const many = 300_000;
    const distinct = await collect(`SELECT 'id-' || i FROM range(${many}) r(i)`);
    expect(distinct.total).toBe(many);
    expect(distinct.allDistinct()).toBe(true);
    // The repeat sits at the very end, in the last array grown: lost hashes would hide it.
    expect((await collect(`SELECT CASE WHEN i = ${many - 1} THEN 'id-3' ELSE 'id-' || i END FROM range(${many}) r(i)`)).allDistinct()).toBe(false);
  });

  it('stops keeping hashes beyond its limit and then never claims distinct', async () => {
    const collector = await collect(`SELECT i FROM range(${ROWS}) r(i)`, 1_000);
    expect(collector.total).toBe(ROWS);
    expect(collector.complete).toBe(false);
    expect(collector.allDistinct()).toBe(false);
    const exact = await collect(`SELECT i FROM range(${ROWS}) r(i)`, ROWS);
    expect(exact.complete).toBe(true);
    expect(exact.allDistinct()).toBe(true);
  });
});

describe('data-validate unique checks', () => {
  it('distinct counts and unique findings equal DuckDB’s count(DISTINCT) and duplicates', async () => {
    // id: distinct strings; k: distinct integers with NULLs; x: doubles where one row holds −0.0 and another 0.0; s: a string repeated 3 times.
    const lines = ['id,k,x,s'];
    for (let i = 0; i < ROWS; i++) {
      const x = i === 100 ? '-0.0' : i === 4000 ? '0.0' : String(i + 0.5);
      const s = i === 7 || i === 2500 || i === 4999 ? 'twice' : `s${i}`;
      lines.push(`C${String(i).padStart(6, '0')},${i % 9 === 0 ? '' : i * 3},${x},${s}`);
    }
    await writeFile(join(dir, 'data.csv'), `${lines.join('\n')}\n`);
    await writeFile(
      join(dir, 'mlops.yml'),
      `data:\n  columns:\n    id: { type: string, unique: true }\n    k: { type: integer, unique: true }\n    x: { type: number, unique: true }\n    s: { type: string, unique: true }\n`,
    );
    const result = await runAction('data-validate', { cwd: dir, inputs: { data: 'data.csv', 'out-dir': 'out', comment: 'false', 'fail-on': 'never' } });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const profile = JSON.parse(await readFile(join(dir, result.outputs.profile!), 'utf8')) as { columns: { name: string; distinct: number }[] };
    const results = JSON.parse(await readFile(join(dir, result.outputs.results!), 'utf8')) as { findings: { column: string; check: string; count: number; lines: number[] }[] };
    const reference = (await connection.runAndReadAll(`SELECT count(DISTINCT id)::DOUBLE, count(DISTINCT k)::DOUBLE, count(DISTINCT x)::DOUBLE, count(DISTINCT s)::DOUBLE FROM read_csv('${join(dir, 'data.csv')}')`)).getRowsJS()[0];
    expect(profile.columns.map((c) => c.distinct)).toEqual(reference);
    expect(reference).toEqual([ROWS, ROWS - Math.ceil(ROWS / 9), ROWS - 1, ROWS - 2]);
    const unique = results.findings.filter((f) => f.check === 'unique').map(({ column, count, lines }) => ({ column, count, lines }));
    // Lines: header is line 1, row i is line i + 2.
    expect(unique).toEqual([
      { column: 'x', count: 2, lines: [102, 4002] },
      { column: 's', count: 3, lines: [9, 2502, 5001] },
    ]);
  });
});
