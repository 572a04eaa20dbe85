/**
 * One in-process DuckDB per data table, configured for streaming scans in bounded memory:
 * a memory limit (spilling to a temporary directory beyond it), insertion order kept so rows
 * come back in file order, and no extension downloads (json and parquet are built in).
 */
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as duckdb from '@duckdb/node-api';
import { loadEngine } from '../engines/load.js';

export type EngineHost = Parameters<typeof loadEngine>[1];
export type DuckDB = typeof duckdb;

export interface DuckSession {
  engine: DuckDB;
  connection: duckdb.DuckDBConnection;
  /**
   * Runs a query that calls JS functions with one DuckDB thread more than the cores. Each call
   * blocks its DuckDB thread until the JS thread has run it, which left a core idle for ≈ a
   * quarter of data-validate's pass; a third thread on two cores fills it (bench/data-validate,
   * round 7). Not when MLOPS_DUCKDB_THREADS sets the threads: then that number holds.
   */
  withJsCallThreads<T>(work: () => Promise<T>): Promise<T>;
  close(): void;
}

/**
 * Default cap on DuckDB's buffer memory; MLOPS_DUCKDB_MEMORY_LIMIT overrides it (e.g. 2GB). Each
 * thread claims blocks of ~30 MB for its reader and hash tables (2 threads under 128 MB run out on
 * a 50-row file), so the cap grows with the threads: 192 MB on a 2-core runner, 480 MB with 8.
 */
function defaultMemoryLimit(threads: number): string {
  return `${96 + 48 * threads}MB`;
}
const MAX_THREADS = 8;

export async function openDuckSession(host: EngineHost): Promise<DuckSession> {
  const engine = await loadEngine<DuckDB>('@duckdb/node-api', host);
  const chosen = Number(host.env('MLOPS_DUCKDB_THREADS')) || undefined;
  const threads = Math.max(1, Math.min(availableParallelism(), chosen ?? MAX_THREADS));
  const jsCallThreads = chosen === undefined ? threads + 1 : threads;
  const instance = await engine.DuckDBInstance.create(':memory:', {
    threads: String(threads),
    memory_limit: host.env('MLOPS_DUCKDB_MEMORY_LIMIT') || defaultMemoryLimit(threads),
    temp_directory: join(tmpdir(), 'mlops-duckdb-spill'),
    preserve_insertion_order: 'true',
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const connection = await instance.connect();
  // Query progress for long scans (read by query-progress.ts; DuckDB prints nothing itself).
  await connection.run("SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 500");
  return {
    engine,
    connection,
    async withJsCallThreads(work) {
      if (jsCallThreads === threads) return work();
      await connection.run(`SET threads = ${jsCallThreads}`);
      try {
        return await work();
      } finally {
        await connection.run(`SET threads = ${threads}`);
      }
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
