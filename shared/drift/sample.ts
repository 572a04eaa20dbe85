/**
 * A numeric sample ready for testing: NaN (and missing) values dropped and counted, the
 * rest sorted ascending. −0 sorts before +0 but compares equal, so statistics treat them
 * as one value.
 */
import { sortFloat64 } from '../stats/radix-sort.js';

export interface NumericSample {
  sorted: Float64Array;
  /** Values dropped because they were NaN or missing. */
  nan: number;
}

export function splitNaN(values: ArrayLike<number>): NumericSample {
  let nan = 0;
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i]!)) nan++;
  const finite = new Float64Array(values.length - nan);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) finite[k++] = values[i]!;
  return { sorted: sortFloat64(finite), nan };
}
