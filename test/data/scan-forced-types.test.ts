// A CSV column the contract declares as a string is read as text (DataScan.open's forced types). The
// forced names used to come from a first DESCRIBE, then a second DESCRIBE read the columns with them:
// DuckDB sniffed the file twice (≈ 35 ms, and as much again in fresh memory's page faults here).
// Now the header line names them and one DESCRIBE runs, where that gives provably the same reader
// and columns; the two DESCRIBEs still run where it does not (the header spells a name otherwise
// than DuckDB, which trims it).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckSession, type DuckSession } from '../../shared/data/duckdb-session.js';
import { resolveData } from '../../shared/data/resolve.js';
import { DataScan } from '../../shared/data/scan.js';
import { sqlString } from '../../shared/data/sql.js';

let dir: string;
let session: DuckSession;
const describes: string[] = [];

const host = {
  info: () => {},
  env: () => undefined,
  restoreCache: async () => undefined,
  saveCache: async () => {},
  group: <T>(_title: string, fn: () => Promise<T>) => fn(),
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-dv-forced-'));
  session = await openDuckSession(host);
  const run = session.connection.runAndReadAll.bind(session.connection);
  session.connection.runAndReadAll = (sql: string) => {
    if (sql.startsWith('DESCRIBE')) describes.push(sql);
    return run(sql);
  };
  await writeFile(join(dir, 'ids.csv'), `id,"name, ""full""",zip,n\n007,"a ""b""",01234,1\n008,c,56789,2\n`);
  // DuckDB trims " d " to "d": the header line alone cannot tell that the contract's "d" is that column.
  await writeFile(join(dir, 'spaced.csv'), `" d ",e\n007,1\n008,2\n`);
  await writeFile(join(dir, 'part-1.csv'), `k,v\n001,1\n`);
  await writeFile(join(dir, 'part-2.csv'), `k,v\n002,2\n`);
});
afterAll(async () => {
  session.close();
  await rm(dir, { recursive: true, force: true });
});

/**
 * What the two DESCRIBEs gave, in SQL: the contract's names among the first DESCRIBE's columns, in
 * the contract's order, as the reader's types; the columns as DuckDB describes that reader.
 */
async function twoDescribes(data: string, forced: Map<string, string>) {
  const source = await resolveData(dir, data);
  const plain = await DataScan.open(source, session);
  const types = [...forced].filter(([name]) => plain.columns.some((c) => c.name === name)).map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`);
  const from = types.length ? `${plain.from().slice(0, -1)}, types = {${types.join(', ')}})` : plain.from();
  const rows = (await session.connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjectsJS();
  return { from, columns: rows.map((row) => ({ name: String(row['column_name']), duckdbType: String(row['column_type']) })) };
}

async function opened(data: string, forced: Map<string, string>) {
  describes.length = 0;
  const scan = await DataScan.open(await resolveData(dir, data), session, forced);
  return { from: scan.from(), columns: scan.columns.map(({ name, duckdbType }) => ({ name, duckdbType })), describes: describes.length };
}

describe('forced column types of a CSV', () => {
  it('come from the header line, quoted names included, in one DESCRIBE with the same result', async () => {
    const forced = new Map([
      ['zip', 'VARCHAR'],
      ['absent', 'VARCHAR'],
      ['name, "full"', 'VARCHAR'],
      ['id', 'VARCHAR'],
    ]);
    const scan = await opened('ids.csv', forced);
    expect(scan.describes).toBe(1);
    expect(scan).toMatchObject(await twoDescribes('ids.csv', forced));
    expect(scan.from).toContain(`types = {'zip': 'VARCHAR', 'name, "full"': 'VARCHAR', 'id': 'VARCHAR'}`);
    expect(scan.columns).toEqual([
      { name: 'id', duckdbType: 'VARCHAR' },
      { name: 'name, "full"', duckdbType: 'VARCHAR' },
      { name: 'zip', duckdbType: 'VARCHAR' },
      { name: 'n', duckdbType: 'BIGINT' },
    ]);
  });

  it('leave the reader as it is when the contract names no column of the file', async () => {
    const forced = new Map([['absent', 'VARCHAR']]);
    const scan = await opened('ids.csv', forced);
    expect(scan.describes).toBe(1);
    expect(scan).toMatchObject(await twoDescribes('ids.csv', forced));
    expect(scan.from).not.toContain('types =');
  });

  it('are found by the two DESCRIBEs as before when DuckDB names a column otherwise than the header line', async () => {
    const forced = new Map([['d', 'VARCHAR']]);
    const scan = await opened('spaced.csv', forced);
    expect(scan.describes).toBe(3); // the one with the header's names, then the two
    expect(scan).toMatchObject(await twoDescribes('spaced.csv', forced));
    expect(scan.columns[0]).toEqual({ name: 'd', duckdbType: 'VARCHAR' });
  });

  it('apply to every file of a glob, named by the first file’s header', async () => {
    const forced = new Map([['k', 'VARCHAR']]);
    const scan = await opened('part-*.csv', forced);
    expect(scan.describes).toBe(1);
    expect(scan).toMatchObject(await twoDescribes('part-*.csv', forced));
    expect(scan.columns[0]).toEqual({ name: 'k', duckdbType: 'VARCHAR' });
  });
});
