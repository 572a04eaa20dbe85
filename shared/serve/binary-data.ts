/**
 * The binary tensor data extension (as Triton and KServe implement it): the body is the JSON
 * request, `Inference-Header-Content-Length` bytes long, followed by raw tensor bytes; an input
 * whose `parameters.binary_data_size` is set takes that many bytes, in input order, instead of
 * `data`. Fixed-size types are little-endian element arrays; BYTES elements are each a 4-byte
 * little-endian length and the bytes. It spares a 1,024-row request most of its JSON parsing.
 */
import { endianness } from 'node:os';
import { allocate, DATATYPES, type TypedData, type V2Datatype } from './datatypes.js';
import { badRequest } from './http-error.js';

export const HEADER = 'inference-header-content-length';

export function splitBody(bytes: Buffer, headerLength: string | string[] | undefined): { json: Buffer; binary?: Buffer } {
  if (headerLength === undefined) return { json: bytes };
  const value = Array.isArray(headerLength) ? headerLength[0]! : headerLength;
  const length = /^[0-9]{1,12}$/.test(value) ? Number(value) : NaN;
  if (!(length > 0 && length <= bytes.length)) throw badRequest(`Inference-Header-Content-Length ${JSON.stringify(value)} must be a byte count from 1 to the body's ${bytes.length} bytes`);
  return { json: bytes.subarray(0, length), binary: bytes.subarray(length) };
}

/** Reads the tensors' binary parts in order; each call takes the next `size` bytes. */
export class BinaryReader {
  private offset = 0;

  constructor(private readonly binary: Buffer | undefined) {}

  take(label: string, datatype: V2Datatype, elements: number, size: unknown): TypedData {
    if (!this.binary) throw badRequest(`${label} has parameters.binary_data_size, but the request has no binary part (send Inference-Header-Content-Length)`);
    if (!Number.isSafeInteger(size) || (size as number) < 0) throw badRequest(`${label}: parameters.binary_data_size must be a byte count`);
    const bytes = size as number;
    if (this.offset + bytes > this.binary.length) throw badRequest(`${label}: binary_data_size ${bytes} runs past the ${this.binary.length - this.offset} binary bytes left in the body`);
    const part = this.binary.subarray(this.offset, this.offset + bytes);
    this.offset += bytes;
    if (datatype === 'BYTES') return strings(part, elements, label);
    const width = DATATYPES[datatype].bytes;
    if (bytes !== elements * width) throw badRequest(`${label}: binary_data_size is ${bytes} bytes, but ${elements} ${datatype} elements take ${elements * width}`);
    if (endianness() !== 'LE') throw badRequest('binary tensor data is little-endian, and this server runs on a big-endian machine; send JSON data');
    const out = allocate(datatype, elements) as Exclude<TypedData, string[]>;
    new Uint8Array(out.buffer, out.byteOffset, bytes).set(part);
    if (datatype === 'BOOL' && (out as Uint8Array).some((v) => v > 1)) throw badRequest(`${label}: BOOL bytes must be 0 or 1`);
    return out;
  }

  /** Every binary byte must belong to some input. */
  finish(): void {
    if (this.binary && this.offset !== this.binary.length) throw badRequest(`the body has ${this.binary.length - this.offset} binary bytes that no input's binary_data_size claims`);
  }
}

function strings(part: Buffer, elements: number, label: string): string[] {
  const out: string[] = [];
  let offset = 0;
  while (offset < part.length) {
    if (offset + 4 > part.length) throw badRequest(`${label}: a BYTES element's 4-byte length is cut off`);
    const length = part.readUInt32LE(offset);
    offset += 4;
    if (offset + length > part.length) throw badRequest(`${label}: a BYTES element of ${length} bytes runs past its binary data`);
    out.push(part.toString('utf8', offset, offset + length));
    offset += length;
    if (out.length > elements) break;
  }
  if (out.length !== elements) throw badRequest(`${label} has ${out.length} BYTES elements in its binary data, but its shape holds ${elements}`);
  return out;
}
