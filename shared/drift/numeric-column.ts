/**
 * One numeric column against raw reference values: drop and count NaN, sort, pick the test,
 * measure. The same function runs in the calling thread and in drift-check's worker threads
 * (column-worker.ts), so a column's figures do not depend on where it was measured.
 */
import { chooseTest, type DriftTest } from './choose-test.js';
import { distinctSorted, numericMeasure } from './numeric.js';
import type { ColumnMeasure } from './result.js';
import { splitNaN } from './sample.js';

export interface NumericColumnTask {
  name: string;
  role: 'feature' | 'prediction';
  requested: DriftTest | 'auto';
  reference: Float64Array;
  current: Float64Array;
}

/** A measure, or which sample had no values at all (the caller words the error). */
export type NumericColumnResult = { measure: ColumnMeasure } | { empty: 'current' | 'reference' };

export function measureNumericColumn(task: NumericColumnTask): NumericColumnResult {
  const reference = splitNaN(task.reference);
  const current = splitNaN(task.current);
  if (current.sorted.length === 0) return { empty: 'current' };
  if (reference.sorted.length === 0) return { empty: 'reference' };
  const test = task.requested === 'auto' ? chooseTest(true, distinctSorted(reference.sorted)) : task.requested;
  return { measure: numericMeasure(task.name, task.role, test, reference, current) };
}
