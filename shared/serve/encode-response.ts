/**
 * Model outputs → the protocol's response tensors. A float output holding NaN or ±Infinity is
 * the model's failure, not the client's: a 500 naming the model, version, output and row, so a
 * deployment's error-rate judge sees it.
 */
import { fromHalfBits, type TypedData } from './datatypes.js';
import { HttpError } from './http-error.js';
import type { TensorSpec } from './model-signature.js';
import type { Outputs } from './tensors.js';

export interface ResponseTensor {
  name: string;
  datatype: string;
  shape: number[];
  data: Array<number | string | boolean>;
}

export function assertFinite(outputs: Outputs, specs: TensorSpec[], model: string, version: string): void {
  for (const spec of specs) {
    const tensor = outputs[spec.name];
    if (!tensor || !(tensor.data instanceof Float32Array || tensor.data instanceof Float64Array || spec.datatype === 'FP16')) continue;
    const data = spec.datatype === 'FP16' ? Float32Array.from(tensor.data as Uint16Array, fromHalfBits) : (tensor.data as Float32Array | Float64Array);
    for (let k = 0; k < data.length; k++) {
      const v = data[k]!;
      if (v - v !== 0) {
        const width = data.length / Math.max(1, tensor.dims[0] ?? 1);
        throw new HttpError(500, `model ${model} version ${version} produced a non-finite output: "${spec.name}" is ${v} at row ${Math.floor(k / width) + 1}; check the request's feature values for that row`);
      }
    }
  }
}

export function responseTensors(outputs: Outputs, specs: TensorSpec[], requested: string[] | undefined): ResponseTensor[] {
  const names = requested ?? specs.map((s) => s.name);
  return names.map((name) => {
    const spec = specs.find((s) => s.name === name)!;
    const tensor = outputs[name]!;
    return { name, datatype: spec.datatype, shape: tensor.dims, data: plain(tensor.data, spec.datatype) };
  });
}

/** JSON-ready values: float32 values as the exact doubles they are, int64 as numbers, BOOL as booleans. */
export function plain(data: TypedData, datatype: string): Array<number | string | boolean> {
  if (Array.isArray(data)) return data;
  if (datatype === 'BOOL') return Array.from(data as Uint8Array, (v) => v !== 0);
  if (datatype === 'FP16') return Array.from(data as Uint16Array, fromHalfBits);
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) return Array.from(data, (v) => Number(v));
  return Array.from(data as ArrayLike<number>);
}
