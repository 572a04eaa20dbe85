/**
 * Is this file an ONNX model? Decided from its bytes, never by loading it: known formats that
 * execute code on load (pickle, PyTorch zip archives) or that are not ONNX are named and
 * refused; otherwise the file must be a well-formed protobuf ModelProto at the top level, with
 * an ir_version and a graph. This walks field headers only, so it reads a few KiB of any model.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { UserError } from '../errors/user-error.js';
import { endsWithZip, startsWithPickle, ZIP_TRAILER_BYTES } from './code-formats.js';

/** protobuf cannot serialise a message of 2 GiB or more; bigger weights go in external data. */
export const MAX_ONNX_BYTES = 2 ** 31 - 1;
/** How much of the start of a file the pickle check reads. */
const PICKLE_HEAD_BYTES = 64 * 1024;

const KNOWN_FORMATS: Array<{ name: string; test: (head: Buffer) => boolean; why: string }> = [
  { name: 'a Python pickle', test: (h) => h[0] === 0x80 && h[1] !== undefined && h[1] >= 2 && h[1] <= 5, why: 'pickles run arbitrary code when loaded' },
  { name: 'a zip archive (PyTorch .pt/.pth, Keras or a pickle inside a zip)', test: (h) => h.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')), why: 'PyTorch checkpoints are pickles that run code when loaded' },
  { name: 'an HDF5 file (Keras .h5)', test: (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a])), why: 'it is not ONNX' },
  { name: 'a GGUF file', test: (h) => h.subarray(0, 4).toString('latin1') === 'GGUF', why: 'it is not ONNX' },
  { name: 'a TensorFlow Lite model', test: (h) => h.subarray(4, 8).toString('latin1') === 'TFL3', why: 'it is not ONNX' },
  { name: 'a NumPy array file', test: (h) => h.subarray(0, 6).equals(Buffer.from('\x93NUMPY', 'latin1')), why: 'it is not ONNX' },
  {
    name: 'a safetensors file',
    test: (h) => h.length >= 9 && h.readBigUInt64LE(0) > 1n && h.readBigUInt64LE(0) < 100_000_000n && h[8] === 0x7b,
    why: 'it holds weights without a graph; export the model to ONNX',
  },
];

// ModelProto field number -> protobuf wire type (0 varint, 2 length-delimited).
const MODEL_PROTO_FIELDS = new Map<number, number>([
  [1, 0], // ir_version
  [2, 2], // producer_name
  [3, 2], // producer_version
  [4, 2], // domain
  [5, 0], // model_version
  [6, 2], // doc_string
  [7, 2], // graph
  [8, 2], // opset_import
  [14, 2], // metadata_props
  [20, 2], // training_info
  [25, 2], // functions
  [26, 2], // configuration
]);

const POLYGLOT_HINT = 'Refusing a file crafted to be read differently by different tools. Re-export the model with the ONNX exporter and register the fresh file.';

class Reader {
  private buffer = Buffer.alloc(0);
  private start = 0;
  constructor(private readonly handle: FileHandle, readonly size: number) {}

  async byteAt(position: number): Promise<number | undefined> {
    if (position >= this.size) return undefined;
    if (position < this.start || position >= this.start + this.buffer.length) {
      const chunk = Buffer.alloc(Math.min(4096, this.size - position));
      const { bytesRead } = await this.handle.read(chunk, 0, chunk.length, position);
      this.buffer = chunk.subarray(0, bytesRead);
      this.start = position;
    }
    return this.buffer[position - this.start];
  }

  /** Returns [value, next position], or undefined if the varint is truncated or longer than 10 bytes. */
  async varint(position: number): Promise<[bigint, number] | undefined> {
    let value = 0n;
    for (let i = 0; i < 10; i++) {
      const byte = await this.byteAt(position + i);
      if (byte === undefined) return undefined;
      value |= BigInt(byte & 0x7f) << BigInt(7 * i);
      if ((byte & 0x80) === 0) return [value, position + i + 1];
    }
    return undefined;
  }
}

export interface OnnxFacts {
  irVersion: number;
  bytes: number;
}

/** Throws a UserError naming the file unless it is an ONNX model. */
export async function assertOnnxModel(path: string, displayPath: string): Promise<OnnxFacts> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? 'model file not found' : `cannot read model file (${code ?? String(error)})`, {
      where: { file: displayPath, key: 'model' },
      hint: 'Check the `model` input (an .onnx file, usually written by the train stage).',
    });
  }
  try {
    const { size } = await handle.stat();
    const refuse = (what: string, hint = 'Export the model to ONNX (e.g. torch.onnx.export, skl2onnx, tf2onnx) and register the .onnx file.') =>
      new UserError(`the model is not ONNX: ${what}`, { where: { file: displayPath, key: 'model' }, hint });
    if (size === 0) throw refuse('the file is empty');
    if (size > MAX_ONNX_BYTES) {
      throw new UserError(`the model is ${(size / 2 ** 30).toFixed(2)} GiB: an ONNX file cannot exceed 2 GiB (the protobuf limit)`, {
        where: { file: displayPath, key: 'model' },
        hint: 'Save the weights as external data (onnx.save_model(model, path, save_as_external_data=True)) so the .onnx file holds the graph only.',
      });
    }
    const head = Buffer.alloc(Math.min(PICKLE_HEAD_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    for (const format of KNOWN_FORMATS) {
      if (format.test(head)) throw refuse(`it is ${format.name}, and ${format.why}`);
    }
    // Polyglots: valid protobuf that a Python tool also loads as a pickle or a zip.
    if (startsWithPickle(head)) throw refuse('its first bytes are a Python pickle opcode stream (pickle.load would run it), whatever else the file holds', POLYGLOT_HINT);
    const tail = Buffer.alloc(Math.min(ZIP_TRAILER_BYTES, size));
    await handle.read(tail, 0, tail.length, size - tail.length);
    if (endsWithZip(tail)) throw refuse('it ends with a zip archive (PyTorch checkpoints are pickles in a zip; zipfile and torch.load find it there)', POLYGLOT_HINT);
    const reader = new Reader(handle, size);
    let position = 0;
    let irVersion: number | undefined;
    let hasGraph = false;
    while (position < size) {
      const tag = await reader.varint(position);
      if (!tag) throw refuse(`it is not a protobuf ModelProto (truncated field at byte ${position})`);
      const field = Number(tag[0] >> 3n);
      const wireType = Number(tag[0] & 7n);
      position = tag[1];
      const expected = MODEL_PROTO_FIELDS.get(field);
      if (field === 0 || (expected !== undefined && expected !== wireType) || wireType === 3 || wireType === 4 || wireType > 5) {
        throw refuse(`it is not a protobuf ModelProto (unexpected field ${field}, wire type ${wireType} at byte ${position})`);
      }
      if (expected === undefined && wireType !== 0) {
        throw refuse(`it carries bytes in field ${field}, which ONNX's ModelProto does not define (at byte ${tag[1]}): content smuggled past ONNX tools`, POLYGLOT_HINT);
      }
      if (wireType === 0) {
        const value = await reader.varint(position);
        if (!value) throw refuse(`it is not a protobuf ModelProto (truncated number at byte ${position})`);
        if (field === 1) irVersion = Number(value[0]);
        position = value[1];
      } else if (wireType === 2) {
        const length = await reader.varint(position);
        if (!length || BigInt(length[1]) + length[0] > BigInt(size)) throw refuse(`it is not a protobuf ModelProto (a field at byte ${position} runs past the end of the file)`);
        if (field === 7 && length[0] > 0n) hasGraph = true;
        position = length[1] + Number(length[0]);
      } else {
        position += wireType === 1 ? 8 : 4;
        if (position > size) throw refuse('it is not a protobuf ModelProto (truncated)');
      }
    }
    if (irVersion === undefined || irVersion < 1 || irVersion > 1000) throw refuse('it has no ONNX ir_version');
    if (!hasGraph) throw refuse('it has no graph');
    return { irVersion, bytes: size };
  } finally {
    await handle.close();
  }
}
