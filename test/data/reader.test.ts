import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../shared/errors/user-error.js';
import { openData, resolveData, type DataTable } from '../../shared/data/reader.js';
import { createRecordingHost } from '../support/recording-host.js';

const host = createRecordingHost();
let dir: string;

async function write(name: string, content: string | Buffer): Promise<string> {
  await writeFile(join(dir, name), content);
  return name;
}

async function userError(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

async function collect(table: DataTable, columns: string[], batchRows?: number): Promise<number[][]> {
  const out: number[][] = columns.map(() => []);
  let expectedOffset = 0;
  for await (const batch of table.readNumeric(columns, { batchRows })) {
    expect(batch.rowOffset).toBe(expectedOffset);
    expectedOffset += batch.rows;
    batch.values.forEach((v, i) => out[i]!.push(...v));
  }
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-reader-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('resolveData', () => {
  it('expands a glob in sorted order with display paths', async () => {
    await write('b.csv', 'x\n2\n');
    await write('a.csv', 'x\n1\n');
    const source = await resolveData(dir, '*.csv');
    expect(source).toMatchObject({ format: 'csv', displayFiles: ['a.csv', 'b.csv'] });
    expect(source.files).toEqual([join(dir, 'a.csv'), join(dir, 'b.csv')]);
  });

  it('names each bad input', async () => {
    expect((await userError(resolveData(dir, 'missing.csv'))).format()).toMatch(/missing\.csv: data file `missing\.csv` does not exist/);
    expect((await userError(resolveData(dir, 'nothing/*.csv'))).message).toMatch(/matches no files/);
    await write('notes.txt', 'hello');
    expect((await userError(resolveData(dir, 'notes.txt'))).message).toMatch(/unknown data file extension/);
    await write('empty.csv', '');
    expect((await userError(resolveData(dir, 'empty.csv'))).message).toMatch(/empty/);
    await write('fake.parquet', 'x,y\n1,2\n');
    expect((await userError(resolveData(dir, 'fake.parquet'))).message).toMatch(/named like PARQUET but its content is text/);
    await write('c.jsonl', '{"x":1}\n');
    expect((await userError(resolveData(dir, '{a.csv,c.jsonl}'))).message).toMatch(/different formats/);
  });
});

describe('openData', () => {
  it('streams numeric columns in file order across files and batches, NULL as NaN', async () => {
    await write('p1.csv', 'id,x,label\n1,1.5,a\n2,,b\n3,3.5,"multi\nline"\n');
    await write('p2.csv', 'id,x,label\n4,4.5,d\n');
    const table = await openData(await resolveData(dir, 'p?.csv'), host);
    try {
      expect(table.rowCount).toBe(4);
      expect(table.columns.map((c) => [c.name, c.kind])).toEqual([
        ['id', 'integer'],
        ['x', 'number'],
        ['label', 'string'],
      ]);
      const [ids, xs] = await collect(table, ['id', 'x'], 3);
      expect(ids).toEqual([1, 2, 3, 4]);
      expect(xs).toEqual([1.5, Number.NaN, 3.5, 4.5]);
      expect(await table.readStrings(['label', 'id'])).toEqual([
        ['a', 'b', 'multi\nline', 'd'],
        ['1', '2', '3', '4'],
      ]);
    } finally {
      await table.close();
    }
  });

  it('names the column and the physical line of a non-numeric value found after the type sample', async () => {
    const rows = ['id,note,x'];
    for (let i = 0; i < 30_000; i++) rows.push(i === 5 ? `${i},"two\nlines",${i}` : `${i},n,${i}`);
    rows.push('30000,n,oops');
    await write('late.csv', `${rows.join('\n')}\n`);
    const table = await openData(await resolveData(dir, 'late.csv'), host);
    try {
      expect(table.rowCount).toBe(30_001);
      const error = await userError(collect(table, ['x']));
      // header + 30 000 rows + one extra line from the quoted newline, then the bad row.
      expect(error.where).toEqual({ file: 'late.csv', line: 30_003 });
      expect(error.message).toMatch(/column "x" holds a value that is not a number: "oops"/);
    } finally {
      await table.close();
    }
  });

  it('reads Parquet and JSONL the same way', async () => {
    const jsonl = await write('r.jsonl', '{"a":1,"b":"x"}\n\n{"a":2.5,"b":null}\n');
    const table = await openData(await resolveData(dir, jsonl), host);
    try {
      expect(await collect(table, ['a'])).toEqual([[1, 2.5]]);
      expect(await table.readStrings(['b'])).toEqual([['x', null]]);
    } finally {
      await table.close();
    }
  });

  it('reports a ragged CSV row with its file line', async () => {
    await write('ragged.csv', 'a,b\n1,"x\ny"\n2,3\n4,5,6\n');
    const error = await userError(openData(await resolveData(dir, 'ragged.csv'), host).then((t) => t.close()));
    expect(error.format()).toMatch(/^ragged\.csv:5: ragged CSV row: expected 2 columns, found 3/);
  });

  // DuckDB's limit is 2,000,000 bytes a record; its message names line 1 whatever the record.
  it('names the line of a record over the line limit, and reads one just under it', async () => {
    const short = Array.from({ length: 100 }, (_, i) => `${i},x\n`).join('');
    await write('long.csv', `a,b\n${short}1,"${'y'.repeat(2_000_010)}"\n${short}`);
    const error = await userError(openData(await resolveData(dir, 'long.csv'), host).then((t) => t.close()));
    expect(error.format()).toMatch(/^long\.csv:102: a CSV record is longer than the reader's limit of 2,000,000 bytes/);
    expect(error.format().length).toBeLessThan(1000);

    await write('under.csv', `a,b\n${short}1,${'y'.repeat(1_999_990)}\n${short}`);
    const table = await openData(await resolveData(dir, 'under.csv'), host);
    try {
      expect((await collect(table, ['a'])).flat()).toHaveLength(201);
    } finally {
      await table.close();
    }
  });
});
