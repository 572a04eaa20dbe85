// Held threat (kept held): SQL injection through names the data controls. Column names and file
// names reach the DuckDB queries we build only through sqlIdentifier/sqlString; a hostile name is
// read as a name, and the data comes back intact.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openData, resolveData } from '../../shared/data/reader.js';
import { sqlIdentifier, sqlString } from '../../shared/data/sql.js';
import { createRecordingHost } from '../support/recording-host.js';

describe('SQL quoting of names the data controls', () => {
  it('quotes identifiers and strings by doubling', () => {
    expect(sqlIdentifier('a"b')).toBe('"a""b"');
    expect(sqlString("o'brien")).toBe("'o''brien'");
  });

  it('a hostile column name and file name are read as names', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlops-sql-'));
    const hostile = 'x"); DROP TABLE t; SELECT ("1';
    await writeFile(join(dir, "o'brien; --.csv"), `id,"${hostile.replaceAll('"', '""')}"\n1,10\n2,20\n`);
    const table = await openData(await resolveData(dir, "o'brien; --.csv"), createRecordingHost());
    try {
      expect(table.columns.map((c) => c.name)).toEqual(['id', hostile]);
      const values: number[] = [];
      for await (const batch of table.readNumeric([hostile])) values.push(...batch.values[0]!);
      expect(values).toEqual([10, 20]);
      expect(await table.readStrings(['id'])).toEqual([['1', '2']]);
    } finally {
      await table.close();
    }
  });
});
