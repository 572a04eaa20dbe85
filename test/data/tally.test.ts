// Histograms and value counts are tallied in JS from DuckDB's chunks (shared/data/validate/tally.ts)
// instead of DuckDB's histogram(): the counts must be exactly what histogram() gives, edge values
// included, and a column the tally cannot key exactly must still get exact counts.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlDouble } from '../../shared/data/sql.js';
import { FAR_BINS, GRID_BINS, gridBin } from '../../shared/data/validate/distributions.js';
import { PREFIX_ROWS } from '../../shared/data/validate/prefix.js';
import { BinTally, CodeTally, IntegerTally } from '../../shared/data/validate/tally.js';
import { runAction } from '../support/run-action.js';

let dir: string;
const ROWS = PREFIX_ROWS + 3_000;
const LATE_LABELS = ["it's", 'ü-ñ', 'with,comma', 'with "quotes"', ' padded '];

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-dv-tally-'));
  const lines = ['label,flag,day,small,big,x'];
  for (let i = 0; i < ROWS; i++) {
    const late = i >= PREFIX_ROWS;
    // label: 3 values in the first rows, then values the first rows never showed; flag: booleans with gaps;
    // day: 20 dates, then new ones; small: 0..9 then -5 and 70 000; big: beyond 2^53 late on (not exact as a double);
    // x: [0, 1) with gaps, then -0.0 and values far beyond (inf and nan: see 'bin arithmetic'; stddev_samp refuses them).
    const label = late && i % 3 === 0 ? LATE_LABELS[i % LATE_LABELS.length]! : ['red', 'green', 'blue'][i % 3]!;
    const flag = i % 11 === 0 ? '' : i % 2 === 0 ? 'true' : 'false';
    const day = `2024-0${1 + (late ? 5 + (i % 3) : i % 4)}-${String(1 + (i % 5)).padStart(2, '0')}`;
    const small = late && i % 100 === 0 ? (i % 200 === 0 ? -5 : 70_000) : i % 10;
    const big = late && i === ROWS - 1 ? '9007199254740993' : String(i % 7);
    const lateX = ['-0.0', '1e6', '-1e6', '2.5', '0.999999'][i % 5]!;
    const x = i % 13 === 0 ? '' : late ? lateX : String((i % 997) / 997);
    lines.push([csvField(label), flag, day, small, big, x].join(','));
  }
  await writeFile(join(dir, 'data.csv'), `${lines.join('\n')}\n`);
  await writeFile(join(dir, 'mlops.yml'), 'data:\n  columns:\n    label: { type: string }\n    flag: { type: boolean }\n    day: { type: date }\n    small: { type: integer }\n    big: { type: integer }\n    x: { type: number }\n');
});
afterAll(async () => {
  if (!process.env.KEEP_TALLY_DIR) await rm(dir, { recursive: true, force: true });
});

describe('bin arithmetic', () => {
  it('puts every value in the bin the SQL grid puts it in (NaN, ±inf, -0.0, edges, far out)', async () => {
    const low = -3.7;
    const high = 12.25;
    const width = (high - low) / GRID_BINS;
    const values = [low, high, -0, 0, low - width, high + width, low + width * 0.5, high - 1e-12, 1e300, -1e300, Infinity, -Infinity, Number.NaN, low - FAR_BINS * width * 2, high + FAR_BINS * width * 2, 5, 5 + 1e-9, Number.MIN_VALUE];
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const literals = values.map((x) => (Number.isNaN(x) ? `'nan'::DOUBLE` : x === Infinity ? `'inf'::DOUBLE` : x === -Infinity ? `'-inf'::DOUBLE` : Object.is(x, -0) ? `'-0.0'::DOUBLE` : `${x}::DOUBLE`));
    const reader = await connection.runAndReadAll(`SELECT i, ${gridBin('x', low, high)} AS bin FROM (VALUES ${literals.map((l, i) => `(${i}, ${l})`).join(', ')}) t(i, x) ORDER BY i`);
    const sql = reader.getRowObjectsJS().map((r) => Number(r['bin']));
    connection.closeSync();
    instance.closeSync();
    const tally = new BinTally(low, high);
    expect(values.map((x) => tally.bin(x))).toEqual(sql);
  });

  it('writes the grid bounds into SQL as exactly the doubles JS uses', async () => {
    // Read as bare literals (DECIMAL, then DOUBLE), the first three come back one ulp off.
    const values = [-0.012520815925512145, -0.042967771414028195, 0.011637756179353587, 0.0036250000000000003, 1 / 3, -69422.74, 44.2801175, 2 ** -1074, 1.7976931348623157e308, 123456789012345680000];
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(`SELECT ${values.map((x, i) => `${sqlDouble(x)} AS v${i}`).join(', ')}`);
    const row = reader.getRowObjectsJS()[0]!;
    connection.closeSync();
    instance.closeSync();
    expect(values.map((_, i) => row[`v${i}`])).toEqual(values);
  });

  it('counts a chunk with gaps in the validity mask like histogram() (nulls skipped)', () => {
    const tally = new BinTally(0, 4000);
    const values = new Float64Array([0.5, 1.5, 9999, -1, 2.5, 0.5]);
    const valid = new Uint32Array([0b101011]); // rows 2 and 4 missing
    tally.add(values, valid, values.length);
    expect(tally.total).toBe(4);
    expect(tally.counts()).toEqual({ '0': 2, '1': 1, '-1': 1 });
  });
});

describe('value tallies', () => {
  it('counts integers inside and outside the dense window, and marks ones beyond 2^53 inexact', () => {
    const integers = new IntegerTally(0, 9);
    integers.add(new Float64Array([0, 9, 9, -5, 70_000]), null, 5);
    expect(integers.counts()).toEqual({ '0': 1, '9': 2, '-5': 1, '70000': 1 });
    expect(integers.exact).toBe(true);
    integers.add(new Float64Array([2 ** 53 + 2]), null, 1);
    expect(integers.exact).toBe(false);
  });

  it('counts codes of known labels and texts the first rows never showed', () => {
    const codes = new CodeTally(['a', 'b']);
    codes.add(new Float64Array([0, 1, 1, 0, 7]), new Uint32Array([0b01111]), 5);
    codes.addUnseen('zz');
    expect(codes.counts()).toEqual({ a: 2, b: 2, zz: 1 });
    expect(codes.total).toBe(5);
  });
});

describe('profile counts from the tallies', () => {
  it('equal DuckDB histogram() over the whole file, with values unseen in the first rows', async () => {
    const run = await runAction('data-validate', { cwd: dir, inputs: { data: 'data.csv', 'fail-on': 'never' } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const profile = JSON.parse(await readFile(join(dir, run.outputs.profile!), 'utf8')) as { columns: { name: string; value_counts: Record<string, number> | null; count: number; min: unknown; max: unknown }[] };
    const byName = Object.fromEntries(profile.columns.map((c) => [c.name, c]));

    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const from = `read_csv('${join(dir, 'data.csv')}', quote = '"', escape = '"', types = {'label': 'VARCHAR', 'big': 'BIGINT', 'small': 'BIGINT'})`;
    const expected = async (column: string) => {
      const reader = await connection.runAndReadAll(`SELECT to_json(histogram(${column}))::VARCHAR AS h FROM ${from}`);
      return JSON.parse(String(reader.getRowObjectsJS()[0]!['h'])) as Record<string, number>;
    };
    try {
      for (const column of ['label', 'flag', 'day', 'small', 'big']) {
        expect(byName[column]!.value_counts, column).toEqual(await expected(column));
      }
      for (const text of LATE_LABELS) expect(byName['label']!.value_counts![text]).toBeGreaterThan(0);
      // big: 9007199254740993 is not a double; the column was counted by DuckDB instead, exactly.
      expect(byName['big']!.value_counts!['9007199254740993']).toBe(1);
      expect(byName['small']!.min).toBe(-5);
      expect(byName['small']!.max).toBe(70_000);
      const x = byName['x'] as unknown as { count: number; histogram: { counts: number[] } };
      expect(x.histogram.counts.reduce((a, b) => a + b, 0)).toBe(x.count);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});

describe('dates tallied by day number', () => {
  // A categorical date column is tallied by its day number and keyed by DuckDB's text afterwards:
  // the keys must be CAST(date AS VARCHAR) exactly (before 1970, BC, far future), and a date
  // epoch() cannot place ('infinity') must send the column to DuckDB's histogram(), still exact.
  const DAYS = ['2024-02-29', '1969-12-31', '1900-01-01', '1970-01-01', '0044-03-15 (BC)', '9999-12-31', '2038-01-19'];

  async function profileOf(days: string[]) {
    const here = await mkdtemp(join(tmpdir(), 'mlops-dv-days-'));
    try {
      const lines = ['when,n', ...Array.from({ length: 3000 }, (_, i) => `${i % 17 === 0 ? '' : days[i % days.length]},${i}`)];
      await writeFile(join(here, 'data.csv'), `${lines.join('\n')}\n`);
      await writeFile(join(here, 'mlops.yml'), 'data:\n  columns:\n    when: { type: date }\n');
      const run = await runAction('data-validate', { cwd: here, inputs: { data: 'data.csv', 'fail-on': 'never' } });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      const profile = JSON.parse(await readFile(join(here, run.outputs.profile!), 'utf8')) as { columns: { name: string; value_counts: Record<string, number> | null }[] };
      const instance = await DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      const reader = await connection.runAndReadAll(`SELECT to_json(histogram(CAST(TRY_CAST("when" AS DATE) AS VARCHAR)))::VARCHAR AS h FROM read_csv('${join(here, 'data.csv')}', types = {'when': 'VARCHAR'})`);
      const expected = JSON.parse(String(reader.getRowObjectsJS()[0]!['h'])) as Record<string, number>;
      connection.closeSync();
      instance.closeSync();
      return { column: profile.columns.find((c) => c.name === 'when')!, expected };
    } finally {
      await rm(here, { recursive: true, force: true });
    }
  }

  it('keys the counts by DuckDB’s text of each date', async () => {
    const { column, expected } = await profileOf(DAYS);
    expect(Object.keys(expected)).toContain('0044-03-15 (BC)');
    expect(column.value_counts).toEqual(expected);
  });

  it('counts a column with an infinite date exactly (through histogram())', async () => {
    const { column, expected } = await profileOf([...DAYS, 'infinity']);
    expect(expected['infinity']).toBeGreaterThan(0);
    expect(column.value_counts).toEqual(expected);
  });
});
