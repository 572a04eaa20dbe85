import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-OIBAWGZR.js";

// shared/registry/onnx-check.ts
import { open } from "node:fs/promises";

// shared/registry/code-formats.ts
var OPCODES = /* @__PURE__ */ new Map();
var none = 0;
for (const op of "(.0123NQRabdelostu])}") OPCODES.set(op.charCodeAt(0), none);
for (const op of "FILPSVgip") OPCODES.set(op.charCodeAt(0), "line");
for (const op of "ci") OPCODES.set(op.charCodeAt(0), "two-lines");
var fixed = [["J", 4], ["K", 1], ["M", 2], ["h", 1], ["j", 4], ["q", 1], ["r", 4], ["G", 8], [128, 1], [130, 1], [131, 2], [132, 4], [149, 8]];
for (const [op, size] of fixed) OPCODES.set(typeof op === "string" ? op.charCodeAt(0) : op, size);
var counted = [["T", 4], ["U", 1], ["X", 4], [138, 1], [139, 4], ["B", 4], ["C", 1], [140, 1], [141, 8], [142, 8], [150, 8]];
for (const [op, lengthBytes] of counted) OPCODES.set(typeof op === "string" ? op.charCodeAt(0) : op, { lengthBytes });
for (const op of [129, 133, 134, 135, 136, 137, 143, 144, 145, 146, 147, 148, 151, 152]) OPCODES.set(op, none);
var STOP = 46;
var PROTO = 128;
function startsWithPickle(head) {
  if (head[0] === PROTO) return true;
  let position = 0;
  let opcodes = 0;
  while (position < head.length) {
    const opcode = head[position];
    const argument = OPCODES.get(opcode);
    if (argument === void 0) return false;
    opcodes++;
    position++;
    if (opcode === STOP) return opcodes > 1;
    if (typeof argument === "number") position += argument;
    else if (argument === "line" || argument === "two-lines") {
      for (let lines = argument === "line" ? 1 : 2; lines > 0; lines--) {
        const end = head.indexOf(10, position);
        if (end < 0) return true;
        position = end + 1;
      }
    } else {
      if (position + argument.lengthBytes > head.length) return true;
      const length = argument.lengthBytes === 1 ? head[position] : argument.lengthBytes === 4 ? head.readUInt32LE(position) : Number(head.readBigUInt64LE(position));
      position += argument.lengthBytes + length;
    }
  }
  return opcodes > 1;
}
var EOCD = Buffer.from("PK", "latin1");
var EOCD_SIZE = 22;
var ZIP_TRAILER_BYTES = EOCD_SIZE + 65535;
function endsWithZip(tail) {
  for (let at = tail.lastIndexOf(EOCD); at >= 0; at = at > 0 ? tail.lastIndexOf(EOCD, at - 1) : -1) {
    if (at + EOCD_SIZE <= tail.length && at + EOCD_SIZE + tail.readUInt16LE(at + 20) === tail.length) return true;
  }
  return false;
}

// shared/registry/onnx-check.ts
var MAX_ONNX_BYTES = 2 ** 31 - 1;
var PICKLE_HEAD_BYTES = 64 * 1024;
var KNOWN_FORMATS = [
  { name: "a Python pickle", test: (h) => h[0] === 128 && h[1] !== void 0 && h[1] >= 2 && h[1] <= 5, why: "pickles run arbitrary code when loaded" },
  { name: "a zip archive (PyTorch .pt/.pth, Keras or a pickle inside a zip)", test: (h) => h.subarray(0, 4).equals(Buffer.from("PK", "latin1")), why: "PyTorch checkpoints are pickles that run code when loaded" },
  { name: "an HDF5 file (Keras .h5)", test: (h) => h.subarray(0, 8).equals(Buffer.from([137, 72, 68, 70, 13, 10, 26, 10])), why: "it is not ONNX" },
  { name: "a GGUF file", test: (h) => h.subarray(0, 4).toString("latin1") === "GGUF", why: "it is not ONNX" },
  { name: "a TensorFlow Lite model", test: (h) => h.subarray(4, 8).toString("latin1") === "TFL3", why: "it is not ONNX" },
  { name: "a NumPy array file", test: (h) => h.subarray(0, 6).equals(Buffer.from("\x93NUMPY", "latin1")), why: "it is not ONNX" },
  {
    name: "a safetensors file",
    test: (h) => h.length >= 9 && h.readBigUInt64LE(0) > 1n && h.readBigUInt64LE(0) < 100000000n && h[8] === 123,
    why: "it holds weights without a graph; export the model to ONNX"
  }
];
var MODEL_PROTO_FIELDS = /* @__PURE__ */ new Map([
  [1, 0],
  // ir_version
  [2, 2],
  // producer_name
  [3, 2],
  // producer_version
  [4, 2],
  // domain
  [5, 0],
  // model_version
  [6, 2],
  // doc_string
  [7, 2],
  // graph
  [8, 2],
  // opset_import
  [14, 2],
  // metadata_props
  [20, 2],
  // training_info
  [25, 2],
  // functions
  [26, 2]
  // configuration
]);
var POLYGLOT_HINT = "Refusing a file crafted to be read differently by different tools. Re-export the model with the ONNX exporter and register the fresh file.";
var Reader = class {
  constructor(handle, size) {
    this.handle = handle;
    this.size = size;
  }
  handle;
  size;
  buffer = Buffer.alloc(0);
  start = 0;
  async byteAt(position) {
    if (position >= this.size) return void 0;
    if (position < this.start || position >= this.start + this.buffer.length) {
      const chunk = Buffer.alloc(Math.min(4096, this.size - position));
      const { bytesRead } = await this.handle.read(chunk, 0, chunk.length, position);
      this.buffer = chunk.subarray(0, bytesRead);
      this.start = position;
    }
    return this.buffer[position - this.start];
  }
  /** Returns [value, next position], or undefined if the varint is truncated or longer than 10 bytes. */
  async varint(position) {
    let value = 0n;
    for (let i = 0; i < 10; i++) {
      const byte = await this.byteAt(position + i);
      if (byte === void 0) return void 0;
      value |= BigInt(byte & 127) << BigInt(7 * i);
      if ((byte & 128) === 0) return [value, position + i + 1];
    }
    return void 0;
  }
};
async function assertOnnxModel(path, displayPath) {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    const code = error.code;
    throw new UserError(code === "ENOENT" ? "model file not found" : `cannot read model file (${code ?? String(error)})`, {
      where: { file: displayPath, key: "model" },
      hint: "Check the `model` input (an .onnx file, usually written by the train stage)."
    });
  }
  try {
    const { size } = await handle.stat();
    const refuse = (what, hint = "Export the model to ONNX (e.g. torch.onnx.export, skl2onnx, tf2onnx) and register the .onnx file.") => new UserError(`the model is not ONNX: ${what}`, { where: { file: displayPath, key: "model" }, hint });
    if (size === 0) throw refuse("the file is empty");
    if (size > MAX_ONNX_BYTES) {
      throw new UserError(`the model is ${(size / 2 ** 30).toFixed(2)} GiB: an ONNX file cannot exceed 2 GiB (the protobuf limit)`, {
        where: { file: displayPath, key: "model" },
        hint: "Save the weights as external data (onnx.save_model(model, path, save_as_external_data=True)) so the .onnx file holds the graph only."
      });
    }
    const head = Buffer.alloc(Math.min(PICKLE_HEAD_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    for (const format of KNOWN_FORMATS) {
      if (format.test(head)) throw refuse(`it is ${format.name}, and ${format.why}`);
    }
    if (startsWithPickle(head)) throw refuse("its first bytes are a Python pickle opcode stream (pickle.load would run it), whatever else the file holds", POLYGLOT_HINT);
    const tail = Buffer.alloc(Math.min(ZIP_TRAILER_BYTES, size));
    await handle.read(tail, 0, tail.length, size - tail.length);
    if (endsWithZip(tail)) throw refuse("it ends with a zip archive (PyTorch checkpoints are pickles in a zip; zipfile and torch.load find it there)", POLYGLOT_HINT);
    const reader = new Reader(handle, size);
    let position = 0;
    let irVersion;
    let hasGraph = false;
    while (position < size) {
      const tag = await reader.varint(position);
      if (!tag) throw refuse(`it is not a protobuf ModelProto (truncated field at byte ${position})`);
      const field = Number(tag[0] >> 3n);
      const wireType = Number(tag[0] & 7n);
      position = tag[1];
      const expected = MODEL_PROTO_FIELDS.get(field);
      if (field === 0 || expected !== void 0 && expected !== wireType || wireType === 3 || wireType === 4 || wireType > 5) {
        throw refuse(`it is not a protobuf ModelProto (unexpected field ${field}, wire type ${wireType} at byte ${position})`);
      }
      if (expected === void 0 && wireType !== 0) {
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
        if (position > size) throw refuse("it is not a protobuf ModelProto (truncated)");
      }
    }
    if (irVersion === void 0 || irVersion < 1 || irVersion > 1e3) throw refuse("it has no ONNX ir_version");
    if (!hasGraph) throw refuse("it has no graph");
    return { irVersion, bytes: size };
  } finally {
    await handle.close();
  }
}

export {
  assertOnnxModel
};
