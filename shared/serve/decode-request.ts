/**
 * An inference request body → the model's input tensors. Two forms are accepted: the model's
 * own tensors by name, or one tensor per feature column named as the model's feature_names
 * (BYTES for string features). Every check (names, datatypes, shapes, element types, the tensor
 * size cap) happens before the typed arrays are allocated, and every failure is a 400 (413 for
 * size) naming the input and what to send instead.
 */
import { allocate, DATATYPES, fromHalfBits, INT_RANGES, isDatatype, toHalfBits, type TypedData, type V2Datatype } from './datatypes.js';
import { BinaryReader } from './binary-data.js';
import { badRequest, HttpError } from './http-error.js';
import type { ModelSignature, TensorSpec } from './model-signature.js';
import { elementCount, type Feeds } from './tensors.js';

export interface DecodedRequest {
  id?: string;
  feeds: Feeds;
  /** Outputs the client asked for (all when absent). */
  outputs?: string[];
}

interface RequestInput {
  name: string;
  shape: number[];
  datatype: V2Datatype;
  data: unknown[];
  /** The elements, when they came as binary tensor data. */
  binary?: TypedData;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const quote = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);

export function decodeRequest(body: unknown, signature: ModelSignature, maxTensorBytes: number, binary?: Buffer): DecodedRequest {
  if (!isObject(body)) throw badRequest('the request body must be a JSON object with an "inputs" array');
  if (body.id !== undefined && typeof body.id !== 'string') throw badRequest('"id" must be a string');
  if (!Array.isArray(body.inputs) || body.inputs.length === 0) throw badRequest('"inputs" must be a non-empty array of tensors ({"name", "shape", "datatype", "data"})');
  const reader = new BinaryReader(binary);
  const inputs = body.inputs.map((raw, i) => parseInput(raw, i, maxTensorBytes, reader));
  reader.finish();
  const names = new Set<string>();
  for (const input of inputs) {
    if (names.has(input.name)) throw badRequest(`input ${quote(input.name)} is given twice`);
    names.add(input.name);
  }
  const outputs = parseRequestedOutputs(body.outputs, signature);
  const modelInputs = new Set(signature.inputs.map((s) => s.name));
  // A per-column model takes its inputs either way; the feature path also accepts [rows] for [rows, 1].
  const asTensors = inputs.every((i) => modelInputs.has(i.name)) && signature.features?.mode !== 'columns';
  const feeds = asTensors ? tensorFeeds(inputs, signature) : featureFeeds(inputs, signature, maxTensorBytes);
  return { id: body.id as string | undefined, feeds, outputs };
}

function parseInput(raw: unknown, index: number, maxTensorBytes: number, reader: BinaryReader): RequestInput {
  const at = `inputs[${index}]`;
  if (!isObject(raw)) throw badRequest(`${at} must be an object with "name", "shape", "datatype" and "data"`);
  if (typeof raw.name !== 'string' || !raw.name) throw badRequest(`${at}.name must be a non-empty string`);
  const label = `input ${quote(raw.name)}`;
  if (!Array.isArray(raw.shape) || !raw.shape.every((d) => Number.isSafeInteger(d) && (d as number) >= 0)) throw badRequest(`${label}: "shape" must be an array of non-negative integers`);
  if (!isDatatype(raw.datatype)) throw badRequest(`${label}: "datatype" ${JSON.stringify(raw.datatype)} is not an Open Inference datatype (BOOL, INT8…INT64, UINT8…UINT64, FP16, FP32, FP64, BYTES)`);
  const binarySize = isObject(raw.parameters) ? raw.parameters.binary_data_size : undefined;
  if (binarySize === undefined && !Array.isArray(raw.data)) throw badRequest(`${label}: "data" must be an array`);
  if (binarySize !== undefined && raw.data !== undefined) throw badRequest(`${label}: give either "data" or parameters.binary_data_size, not both`);
  const shape = raw.shape as number[];
  const bytes = elementCount(shape) * DATATYPES[raw.datatype].bytes;
  if (bytes > maxTensorBytes) throw new HttpError(413, `${label}: shape [${shape.join(', ')}] of ${raw.datatype} is ${bytes} bytes, over the server's tensor cap of ${maxTensorBytes} bytes; split the batch`);
  if (binarySize !== undefined) return { name: raw.name, shape, datatype: raw.datatype, data: [], binary: reader.take(label, raw.datatype, elementCount(shape), binarySize) };
  return { name: raw.name, shape, datatype: raw.datatype, data: raw.data as unknown[] };
}

function parseRequestedOutputs(raw: unknown, signature: ModelSignature): string[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) throw badRequest('"outputs" must be an array of {"name"} objects');
  const known = signature.outputs.map((o) => o.name);
  return raw.map((entry, i) => {
    if (!isObject(entry) || typeof entry.name !== 'string') throw badRequest(`outputs[${i}] must be an object with a "name"`);
    if (!known.includes(entry.name)) throw badRequest(`the model has no output ${quote(entry.name)}; its outputs: ${known.join(', ')}`);
    return entry.name;
  });
}

function batchSize(input: RequestInput): number {
  const rows = input.shape[0];
  if (rows === undefined) throw badRequest(`input ${quote(input.name)}: a scalar has no batch dimension; send shape [rows, …]`);
  if (rows === 0) throw badRequest(`input ${quote(input.name)}: the batch is empty (shape [${input.shape.join(', ')}]); send at least one row`);
  return rows;
}

/** The model's own tensors. */
function tensorFeeds(inputs: RequestInput[], signature: ModelSignature): Feeds {
  const byName = new Map(inputs.map((i) => [i.name, i]));
  const missing = signature.inputs.filter((s) => !byName.has(s.name));
  if (missing.length) throw badRequest(`missing input ${missing.map((s) => quote(s.name)).join(', ')}; the model takes ${describe(signature.inputs)}`);
  let rows: number | undefined;
  const tensors: Feeds['tensors'] = {};
  for (const spec of signature.inputs) {
    const input = byName.get(spec.name)!;
    if (input.datatype !== spec.datatype) throw badRequest(`input ${quote(input.name)} has datatype ${input.datatype}; the model takes ${spec.datatype}`);
    checkShape(input, spec);
    const n = batchSize(input);
    if (rows !== undefined && n !== rows) throw badRequest(`input ${quote(input.name)} has ${n} rows, but the other inputs have ${rows}`);
    rows = n;
    tensors[spec.name] = { data: fill(input, spec.datatype), dims: input.shape };
  }
  return { rows: rows!, tensors };
}

function checkShape(input: RequestInput, spec: TensorSpec): void {
  const ok = input.shape.length === spec.shape.length && spec.shape.every((d, i) => d === -1 || d === input.shape[i]);
  if (!ok) throw badRequest(`input ${quote(input.name)} has shape [${input.shape.join(', ')}]; the model takes [${spec.shape.map((d) => (d === -1 ? 'N' : d)).join(', ')}]`);
}

/** One tensor per feature column. */
function featureFeeds(inputs: RequestInput[], signature: ModelSignature, maxTensorBytes: number): Feeds {
  const layout = signature.features;
  const modelInputs = signature.inputs.map((s) => s.name);
  if (!layout) {
    const unknown = inputs.find((i) => !modelInputs.includes(i.name))!;
    throw badRequest(`the model has no input ${quote(unknown.name)}; it takes ${describe(signature.inputs)}`);
  }
  const byName = new Map(inputs.map((i) => [i.name, i]));
  const unknown = inputs.find((i) => !layout.features.includes(i.name));
  if (unknown) throw badRequest(`${quote(unknown.name)} is neither a model input nor a feature; send the model's tensor (${describe(signature.inputs)}) or one tensor per feature: ${layout.features.join(', ')}`);
  const missing = layout.features.filter((f) => !byName.has(f));
  if (missing.length) throw badRequest(`feature ${missing.slice(0, 5).map(quote).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''} ${missing.length === 1 ? 'is' : 'are'} missing; send one tensor per feature: ${layout.features.join(', ')}`);
  let rows: number | undefined;
  for (const input of inputs) {
    const ok = input.shape.length === 1 || (input.shape.length === 2 && input.shape[1] === 1);
    if (!ok) throw badRequest(`feature ${quote(input.name)} has shape [${input.shape.join(', ')}]; a feature column is [rows] or [rows, 1]`);
    const n = batchSize(input);
    if (rows !== undefined && n !== rows) throw badRequest(`feature ${quote(input.name)} has ${n} rows, but the other features have ${rows}`);
    rows = n;
  }
  const n = rows!;
  if (layout.mode === 'columns') {
    const tensors: Feeds['tensors'] = {};
    for (const spec of signature.inputs) {
      const input = byName.get(spec.name)!;
      checkColumnDatatype(input, spec.datatype);
      const data = fill({ ...input, shape: [n] }, input.datatype === 'BYTES' ? 'BYTES' : input.datatype, spec.datatype);
      tensors[spec.name] = { data, dims: spec.shape.length === 1 ? [n] : [n, 1] };
    }
    return { rows: n, tensors };
  }
  const spec = signature.inputs[0]!;
  const width = layout.features.length;
  const bytes = n * width * DATATYPES[spec.datatype].bytes;
  if (bytes > maxTensorBytes) throw new HttpError(413, `${n} rows of ${width} features make a ${bytes}-byte input "${spec.name}", over the server's tensor cap of ${maxTensorBytes} bytes; split the batch`);
  const matrix = allocate(spec.datatype, n * width) as Float32Array | Float64Array;
  layout.features.forEach((feature, f) => {
    const input = byName.get(feature)!;
    checkColumnDatatype(input, spec.datatype);
    const column = fill({ ...input, shape: [n] }, input.datatype, spec.datatype) as Float32Array | Float64Array;
    for (let r = 0, k = f; r < n; r++, k += width) matrix[k] = column[r]!;
  });
  return { rows: n, tensors: { [spec.name]: { data: matrix, dims: [n, width] } } };
}

function checkColumnDatatype(input: RequestInput, target: V2Datatype): void {
  const targetKind = DATATYPES[target].kind;
  const kind = DATATYPES[input.datatype].kind;
  if (targetKind === 'string' && kind !== 'string') throw badRequest(`feature ${quote(input.name)} is a string feature; send it as BYTES`);
  if (targetKind !== 'string' && (kind === 'string' || kind === 'bool')) throw badRequest(`feature ${quote(input.name)} has datatype ${input.datatype}, but the model takes numbers (${target}); send FP32, FP64 or an integer type`);
}

/**
 * Walks `data` (flat or nested, row-major) into a typed array of `into`, checking the element
 * count against the shape and every element against `datatype` as it goes.
 */
function fill(input: RequestInput, datatype: V2Datatype, into: V2Datatype = datatype): TypedData {
  if (input.binary) return fromBinary(input, datatype, into);
  const expected = elementCount(input.shape);
  const out = allocate(into, expected);
  const kind = DATATYPES[datatype].kind;
  const range = INT_RANGES[datatype];
  const label = quote(input.name);
  if (kind === 'float' && DATATYPES[into].kind === 'float' && into !== 'FP16' && flatFloats(input.data, expected, out as Float32Array | Float64Array)) return out;
  let k = 0;
  const put = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) put(item);
      return;
    }
    if (k >= expected) throw badRequest(`input ${label} has more than the ${expected} elements its shape [${input.shape.join(', ')}] holds`);
    out[k] = coerce(convert(value, kind, range, datatype, label, k), into, label, k) as never;
    k++;
  };
  put(input.data);
  if (k !== expected) throw badRequest(`input ${label} has ${k} elements, but its shape [${input.shape.join(', ')}] holds ${expected}`);
  return out;
}

/**
 * The common case, flat JSON numbers for a float tensor, in one tight loop; false (and nothing
 * decided) when the data is nested or holds anything but numbers, for the general walk to judge.
 */
function flatFloats(data: unknown[], expected: number, out: Float32Array | Float64Array): boolean {
  if (data.length !== expected) return false;
  for (let k = 0; k < expected; k++) {
    const v = data[k];
    if (typeof v !== 'number') return false;
    out[k] = v;
  }
  return true;
}

/** Binary elements: used as they are when the types match, else converted; floats must be finite. */
function fromBinary(input: RequestInput, datatype: V2Datatype, into: V2Datatype): TypedData {
  const data = input.binary!;
  const label = quote(input.name);
  if (DATATYPES[datatype].kind === 'float') {
    const values = datatype === 'FP16' ? Float32Array.from(data as Uint16Array, fromHalfBits) : (data as Float32Array | Float64Array);
    for (let k = 0; k < values.length; k++) {
      const v = values[k]!;
      if (v - v !== 0) throw badRequest(`input ${label}, element ${k}: ${v} is not accepted; send finite numbers`);
    }
  }
  if (into === datatype) return data;
  const out = allocate(into, data.length);
  const read = datatype === 'FP16' ? (k: number) => fromHalfBits((data as Uint16Array)[k]!) : (k: number) => data[k] as number | bigint | string;
  for (let k = 0; k < data.length; k++) out[k] = coerce(read(k), into, label, k) as never;
  return out;
}

/** A feature column sent in another numeric type than the model's input: converted, integers kept exact. */
function coerce(value: number | bigint | string, into: V2Datatype, label: string, index: number): number | bigint | string {
  if (into === 'FP16') return toHalfBits(Number(value));
  const kind = DATATYPES[into].kind;
  if (kind === 'bigint' && typeof value === 'number') {
    if (!Number.isInteger(value)) throw badRequest(`input ${label}, element ${index}: the model takes integers (${into}), got ${value}`);
    return BigInt(value);
  }
  if (kind !== 'bigint' && typeof value === 'bigint') return Number(value);
  if (kind === 'int' && typeof value === 'number' && !Number.isInteger(value)) throw badRequest(`input ${label}, element ${index}: the model takes integers (${into}), got ${value}`);
  return value;
}

function convert(value: unknown, kind: string, range: [number, number] | undefined, datatype: V2Datatype, label: string, index: number): number | bigint | string {
  const where = `input ${label}, element ${index}`;
  switch (kind) {
    case 'float':
      if (typeof value === 'number') return value;
      throw badRequest(`${where}: ${datatype} takes numbers, got ${describeValue(value)}${typeof value === 'string' && /^[+-]?(nan|inf)/i.test(value) ? ' (NaN and infinities are not accepted)' : ''}`);
    case 'int':
    case 'bigint':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw badRequest(`${where}: ${datatype} takes integers, got ${describeValue(value)}`);
      if (range && (value < range[0] || value > range[1])) throw badRequest(`${where}: ${value} is out of range for ${datatype}`);
      return kind === 'bigint' ? BigInt(value) : value;
    case 'bool':
      if (typeof value === 'boolean') return value ? 1 : 0;
      throw badRequest(`${where}: BOOL takes true or false, got ${describeValue(value)}`);
    default:
      if (typeof value === 'string') return value;
      throw badRequest(`${where}: BYTES takes strings, got ${describeValue(value)}`);
  }
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function describe(specs: TensorSpec[]): string {
  return specs.map((s) => `${s.name} ${s.datatype} [${s.shape.map((d) => (d === -1 ? 'N' : d)).join(', ')}]`).join('; ');
}
