/**
 * Where numeric columns are measured: on worker threads when there are at least two large
 * columns to share out (sorting two samples of millions of values is most of drift-check's
 * time), else in the calling thread. Explicit `drift.threads` ≥ 2 uses the threads for every
 * numeric column, however small.
 */
import { bundledEntry, defaultThreads, TaskPool } from '../threads/task-pool.js';
import type { NumericColumnResult, NumericColumnTask } from './numeric-column.js';

/** A column with fewer reference + current values than this is measured in the calling thread by default. */
export const MIN_THREADED_VALUES = 200_000;

export type ColumnPool = TaskPool<NumericColumnTask, NumericColumnResult>;

/**
 * A pool for these column sizes (reference + current values per numeric column), or undefined to
 * measure in the calling thread. `entry` defaults to dist/drift-column-worker.js beside the
 * bundle; from TypeScript sources there is none, and everything runs in-thread.
 */
export function columnPool(columnSizes: number[], threads: number | undefined, entry = bundledEntry('drift-column-worker', import.meta.url)): ColumnPool | undefined {
  const count = Math.max(1, Math.floor(threads ?? defaultThreads()));
  if (count === 1 || !entry) return undefined;
  const eligible = columnSizes.filter((size) => threaded(size, threads)).length;
  if (eligible < 2) return undefined;
  return new TaskPool(entry, Math.min(count, eligible), 'numeric columns');
}

/** Whether a column of this many values goes to the pool (explicit threads: every column). */
export function threaded(size: number, threads: number | undefined): boolean {
  return threads !== undefined || size >= MIN_THREADED_VALUES;
}
