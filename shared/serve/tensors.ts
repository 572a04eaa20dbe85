/** Tensors as the server passes them around: flat row-major data with dimensions, batch first. */
import type { TypedData } from './datatypes.js';

export interface Tensor {
  data: TypedData;
  dims: number[];
}

export interface Feeds {
  /** Batch size: the first dimension every input shares. */
  rows: number;
  tensors: Record<string, Tensor>;
}

export type Outputs = Record<string, Tensor>;

export function elementCount(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}
