/**
 * Progress of the query running on a DuckDB connection, as DuckDB reports it (its percentage of
 * the scan), turned into bytes of the input: for a CSV DuckDB's row figures are estimates from the
 * file size (1.35M "rows" for a 1M-row file), while its percentage is of the bytes read.
 */
import { stat } from 'node:fs/promises';
import type * as duckdb from '@duckdb/node-api';
import { Progress, type ProgressSink } from '../progress/progress.js';

/** How often DuckDB's progress is read while a query runs (the Progress decides what is written). */
const POLL_MS = 250;

export interface DuckProgress {
  percentage: number;
}

/** Bytes done from DuckDB's progress of a scan of `totalBytes`; undefined before DuckDB knows (-1). */
export function bytesDone(progress: DuckProgress, totalBytes: number): number | undefined {
  if (!(progress.percentage >= 0)) return undefined;
  return (Math.min(100, progress.percentage) / 100) * totalBytes;
}

export async function totalBytes(files: readonly string[]): Promise<number> {
  let total = 0;
  for (const file of files) total += (await stat(file)).size;
  return total;
}

/** Runs `work` (queries on `connection`) while reporting DuckDB's progress on `sink` as `label`. */
export async function withQueryProgress<T>(connection: duckdb.DuckDBConnection, sink: ProgressSink | undefined, label: string, total: number, work: () => Promise<T>): Promise<T> {
  if (!sink || total <= 0) return work();
  const progress = new Progress(sink, { label, unit: 'bytes', total });
  const timer = setInterval(() => {
    const done = bytesDone(connection.progress, total);
    if (done !== undefined) progress.update(done);
  }, POLL_MS);
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
    progress.finish();
  }
}
