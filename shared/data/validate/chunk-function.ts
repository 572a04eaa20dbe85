/**
 * How the aggregate pass hands DuckDB's columnar chunks to JS (tallies, hash collectors): ONE
 * volatile scalar function per query, called inside `sum(...)` (so the query stays an ungrouped
 * aggregate) with every chunk (2 048 rows) of its arguments, each going to its consumer.
 *
 * One function for all consumers, not one per kind: every call is a hop from a DuckDB thread to
 * the JS thread, during which that DuckDB thread waits, and builds the chunk's wrapper objects;
 * three functions made three hops per chunk.
 */
import type * as duckdb from '@duckdb/node-api';
import type { DuckDB } from '../duckdb-session.js';
import { writeZeros } from '../vector-buffers.js';

export interface ChunkArgument {
  /** The SQL expression DuckDB evaluates and passes. */
  sql: string;
  type: 'DOUBLE' | 'VARCHAR' | 'UBIGINT';
  /** Called with this argument's vector of every chunk, on the JS thread. */
  consume(vector: duckdb.DuckDBVector, rows: number): void;
}

let registered = 0;

/** Registers the function on the connection; returns the aggregate to add to the query's SELECT list (none without arguments). */
export function registerChunkFunction(engine: DuckDB, connection: duckdb.DuckDBConnection, args: readonly ChunkArgument[]): string[] {
  if (args.length === 0) return [];
  const name = `mlops_chunks_${++registered}`;
  connection.registerScalarFunction(
    engine.DuckDBScalarFunction.create({
      name,
      returnType: engine.INTEGER,
      parameterTypes: args.map((arg) => engine[arg.type]),
      volatile: true,
      specialHandling: true,
      mainFunction(_info, chunk, out) {
        const rows = chunk.rowCount;
        for (let k = 0; k < args.length; k++) args[k]!.consume(chunk.getColumnVector(k), rows);
        writeZeros(out, rows);
      },
    }),
  );
  return [`sum(${name}(${args.map((arg) => arg.sql).join(', ')})) AS ${name}`];
}
