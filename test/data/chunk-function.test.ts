// The aggregate pass hands DuckDB's chunks to JS through one scalar function
// (shared/data/validate/chunk-function.ts): every argument's consumer must see every row once, in
// its own type, and the function's own result (written straight into DuckDB's vector) must be 0.
import * as duckdb from '@duckdb/node-api';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { registerChunkFunction, type ChunkArgument } from '../../shared/data/validate/chunk-function.js';
import { doubleColumn } from '../../shared/data/vector-buffers.js';

describe('chunk function', () => {
  it('feeds each argument to its consumer over several chunks and sums to 0', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const rows = 5_000;
    let doubles = 0;
    let present = 0;
    const texts: string[] = [];
    let hashes = 0;
    const args: ChunkArgument[] = [
      {
        sql: 'CASE WHEN i % 7 = 0 THEN NULL ELSE i::DOUBLE END',
        type: 'DOUBLE',
        consume(vector, n) {
          const { values, valid } = doubleColumn(vector, n);
          for (let i = 0; i < n; i++) {
            if (valid !== null && ((valid[i >>> 5]! >>> (i & 31)) & 1) === 0) continue;
            present += 1;
            doubles += values[i]!;
          }
        },
      },
      {
        sql: "CASE WHEN i % 1000 = 999 THEN 'late-' || i END",
        type: 'VARCHAR',
        consume(vector, n) {
          for (let i = 0; i < n; i++) {
            const text = vector.getItem(i);
            if (typeof text === 'string') texts.push(text);
          }
        },
      },
      { sql: 'hash(i)', type: 'UBIGINT', consume: (_vector, n) => void (hashes += n) },
    ];
    try {
      const selects = registerChunkFunction(duckdb, connection, args);
      const reader = await connection.runAndReadAll(`SELECT ${selects.join(', ')}, count(*) AS n FROM range(${rows}) r(i)`);
      const row = reader.getRowsJS()[0]!;
      expect(Number(row[0])).toBe(0);
      expect(Number(row[1])).toBe(rows);
      const expected = Array.from({ length: rows }, (_, i) => i).filter((i) => i % 7 !== 0);
      expect(present).toBe(expected.length);
      expect(doubles).toBe(expected.reduce((a, b) => a + b, 0));
      expect(texts.sort()).toEqual(['late-1999', 'late-2999', 'late-3999', 'late-4999', 'late-999'].sort());
      expect(hashes).toBe(rows);
      expect(registerChunkFunction(duckdb, connection, [])).toEqual([]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
