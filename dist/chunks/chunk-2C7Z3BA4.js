import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-OIBAWGZR.js";

// shared/registry/onnx-check.ts
import { open } from "node:fs/promises";
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
    const head = Buffer.alloc(Math.min(16, size));
    await handle.read(head, 0, head.length, 0);
    const refuse = (what, hint = "Export the model to ONNX (e.g. torch.onnx.export, skl2onnx, tf2onnx) and register the .onnx file.") => new UserError(`the model is not ONNX: ${what}`, { where: { file: displayPath, key: "model" }, hint });
    if (size === 0) throw refuse("the file is empty");
    for (const format of KNOWN_FORMATS) {
      if (format.test(head)) throw refuse(`it is ${format.name}, and ${format.why}`);
    }
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
