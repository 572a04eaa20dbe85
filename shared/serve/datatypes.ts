/**
 * Open Inference Protocol tensor datatypes and the onnxruntime element types they map to, with
 * each element's size in bytes (BYTES counts as 8: a pointer-sized cell, enough to cap a
 * request's tensor memory before any array is allocated).
 */
export type V2Datatype = 'BOOL' | 'UINT8' | 'UINT16' | 'UINT32' | 'UINT64' | 'INT8' | 'INT16' | 'INT32' | 'INT64' | 'FP16' | 'FP32' | 'FP64' | 'BYTES';

interface DatatypeInfo {
  ort: string;
  bytes: number;
  kind: 'float' | 'int' | 'bigint' | 'bool' | 'string';
}

export const DATATYPES: Record<V2Datatype, DatatypeInfo> = {
  BOOL: { ort: 'bool', bytes: 1, kind: 'bool' },
  UINT8: { ort: 'uint8', bytes: 1, kind: 'int' },
  UINT16: { ort: 'uint16', bytes: 2, kind: 'int' },
  UINT32: { ort: 'uint32', bytes: 4, kind: 'int' },
  UINT64: { ort: 'uint64', bytes: 8, kind: 'bigint' },
  INT8: { ort: 'int8', bytes: 1, kind: 'int' },
  INT16: { ort: 'int16', bytes: 2, kind: 'int' },
  INT32: { ort: 'int32', bytes: 4, kind: 'int' },
  INT64: { ort: 'int64', bytes: 8, kind: 'bigint' },
  FP16: { ort: 'float16', bytes: 2, kind: 'float' },
  FP32: { ort: 'float32', bytes: 4, kind: 'float' },
  FP64: { ort: 'float64', bytes: 8, kind: 'float' },
  BYTES: { ort: 'string', bytes: 8, kind: 'string' },
};

const BY_ORT = new Map(Object.entries(DATATYPES).map(([v2, info]) => [info.ort, v2 as V2Datatype]));

export function datatypeOfOrt(ortType: string): V2Datatype | undefined {
  return BY_ORT.get(ortType);
}

export function isDatatype(value: unknown): value is V2Datatype {
  return typeof value === 'string' && Object.hasOwn(DATATYPES, value);
}

export type TypedData = Float32Array | Float64Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | BigInt64Array | BigUint64Array | Uint16Array | string[];

/** A fresh array of `length` elements for a datatype (FP16 is carried as raw uint16 bits). */
export function allocate(datatype: V2Datatype, length: number): TypedData {
  switch (datatype) {
    case 'BOOL':
    case 'UINT8':
      return new Uint8Array(length);
    case 'INT8':
      return new Int8Array(length);
    case 'UINT16':
    case 'FP16':
      return new Uint16Array(length);
    case 'INT16':
      return new Int16Array(length);
    case 'UINT32':
      return new Uint32Array(length);
    case 'INT32':
      return new Int32Array(length);
    case 'UINT64':
      return new BigUint64Array(length);
    case 'INT64':
      return new BigInt64Array(length);
    case 'FP32':
      return new Float32Array(length);
    case 'FP64':
      return new Float64Array(length);
    case 'BYTES':
      return new Array<string>(length).fill('');
  }
}

/** Integer ranges a JSON number must fit, per integer datatype. */
export const INT_RANGES: Partial<Record<V2Datatype, [number, number]>> = {
  UINT8: [0, 255],
  UINT16: [0, 65_535],
  UINT32: [0, 4_294_967_295],
  INT8: [-128, 127],
  INT16: [-32_768, 32_767],
  INT32: [-2_147_483_648, 2_147_483_647],
  INT64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  UINT64: [0, Number.MAX_SAFE_INTEGER],
};

/** IEEE 754 half precision, carried as uint16 bits (FP16 tensors): round to nearest even. */
export function toHalfBits(value: number): number {
  const f32 = new Float32Array([value]);
  const bits = new Uint32Array(f32.buffer)[0]!;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  let mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0);
  let e = exponent - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mantissa |= 0x800000;
    const shift = 14 - e;
    let half = mantissa >>> shift;
    const rest = mantissa & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    if (rest > halfway || (rest === halfway && half & 1)) half++;
    return sign | half;
  }
  let half = (e << 10) | (mantissa >>> 13);
  const rest = mantissa & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && half & 1)) half++;
  return sign | half;
}

export function fromHalfBits(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}
