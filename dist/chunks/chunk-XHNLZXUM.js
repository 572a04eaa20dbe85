import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  assertOnnxModel
} from "./chunk-RA3DXR5B.js";
import {
  loadEngine
} from "./chunk-LWRQI2SV.js";
import {
  crypto
} from "./chunk-GWCI4O4C.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";

// shared/onnx/model.ts
import { readFile, realpath } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";

// shared/onnx/protobuf.ts
var ProtobufError = class extends Error {
};
function* fields(buffer) {
  let position = 0;
  const varint = () => {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (position >= buffer.length) throw new ProtobufError(`truncated varint at byte ${position}`);
      const byte = buffer[position++];
      result += (byte & 127) * scale;
      if ((byte & 128) === 0) return result;
      scale *= 128;
    }
    throw new ProtobufError(`varint longer than 10 bytes at byte ${position}`);
  };
  while (position < buffer.length) {
    const tag = varint();
    const number = Math.floor(tag / 8);
    const wireType = tag % 8;
    if (number === 0) throw new ProtobufError(`field number 0 at byte ${position}`);
    switch (wireType) {
      case 0:
        yield { number, wireType, value: varint() };
        break;
      case 1:
        position += 8;
        break;
      case 5:
        position += 4;
        break;
      case 2: {
        const length = varint();
        if (position + length > buffer.length) throw new ProtobufError(`field ${number} at byte ${position} runs past the end`);
        yield { number, wireType, bytes: buffer.subarray(position, position + length) };
        position += length;
        break;
      }
      default:
        throw new ProtobufError(`unsupported wire type ${wireType} at byte ${position}`);
    }
    if (position > buffer.length) throw new ProtobufError("truncated message");
  }
}
function text(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
}

// shared/onnx/model-proto.ts
var MODEL = { graph: 7, metadataProps: 14, trainingInfo: 20, functions: 25 };
var GRAPH = { node: 1, initializer: 5, sparseInitializer: 15 };
var NODE_ATTRIBUTE = 5;
var ATTRIBUTE = { t: 5, g: 6, tensors: 10, graphs: 11, sparseTensor: 22, sparseTensors: 23 };
var TENSOR_EXTERNAL_DATA = 13;
var SPARSE = { values: 1, indices: 2 };
var FUNCTION_NODE = 7;
var TRAINING_INFO = { initialization: 1, algorithm: 2 };
function inspectModelProto(buffer) {
  const facts = { metadata: {}, externalLocations: [] };
  for (const field of fields(buffer)) {
    if (!field.bytes) continue;
    if (field.number === MODEL.graph) graph(field.bytes, facts);
    else if (field.number === MODEL.metadataProps) {
      const [key, value] = entry(field.bytes);
      if (key !== void 0) facts.metadata[key] = value ?? "";
    } else if (field.number === MODEL.functions) {
      for (const f of fields(field.bytes)) if (f.number === FUNCTION_NODE && f.bytes) node(f.bytes, facts);
    } else if (field.number === MODEL.trainingInfo) {
      for (const f of fields(field.bytes)) if ((f.number === TRAINING_INFO.initialization || f.number === TRAINING_INFO.algorithm) && f.bytes) graph(f.bytes, facts);
    }
  }
  return facts;
}
function graph(bytes, facts) {
  for (const f of fields(bytes)) {
    if (!f.bytes) continue;
    if (f.number === GRAPH.node) node(f.bytes, facts);
    else if (f.number === GRAPH.initializer) tensor(f.bytes, facts);
    else if (f.number === GRAPH.sparseInitializer) sparse(f.bytes, facts);
  }
}
function node(bytes, facts) {
  for (const f of fields(bytes)) {
    if (f.number !== NODE_ATTRIBUTE || !f.bytes) continue;
    for (const a of fields(f.bytes)) {
      if (!a.bytes) continue;
      if (a.number === ATTRIBUTE.t || a.number === ATTRIBUTE.tensors) tensor(a.bytes, facts);
      else if (a.number === ATTRIBUTE.g || a.number === ATTRIBUTE.graphs) graph(a.bytes, facts);
      else if (a.number === ATTRIBUTE.sparseTensor || a.number === ATTRIBUTE.sparseTensors) sparse(a.bytes, facts);
    }
  }
}
function sparse(bytes, facts) {
  for (const f of fields(bytes)) if ((f.number === SPARSE.values || f.number === SPARSE.indices) && f.bytes) tensor(f.bytes, facts);
}
function tensor(bytes, facts) {
  for (const f of fields(bytes)) {
    if (f.number !== TENSOR_EXTERNAL_DATA || !f.bytes) continue;
    const [key, value] = entry(f.bytes);
    if (key === "location" && value !== void 0) facts.externalLocations.push(value);
  }
}
function entry(bytes) {
  let key;
  let value;
  for (const f of fields(bytes)) {
    if (f.number === 1 && f.bytes) key = text(f.bytes);
    else if (f.number === 2 && f.bytes) value = text(f.bytes);
  }
  return [key, value];
}

// shared/onnx/model.ts
async function openModel(path, displayPath, host, key = "model") {
  try {
    await assertOnnxModel(path, displayPath);
  } catch (error) {
    if (error instanceof UserError) throw new UserError(error.message, { where: { ...error.where, key }, hint: error.hint });
    throw error;
  }
  const buffer = await readFile(path);
  let metadata;
  try {
    const facts = inspectModelProto(buffer);
    metadata = facts.metadata;
    await assertExternalDataInside(path, displayPath, facts.externalLocations, key);
  } catch (error) {
    if (error instanceof ProtobufError) {
      throw new UserError(`the model is not a valid ONNX file (${error.message})`, {
        where: { file: displayPath, key },
        hint: "The file is corrupt or truncated; re-export or re-download it."
      });
    }
    throw error;
  }
  const runtime = await loadEngine("onnxruntime-node", host);
  let session;
  try {
    session = await runtime.InferenceSession.create(path, { executionProviders: ["cpu"], graphOptimizationLevel: "all" });
  } catch (error) {
    throw new UserError(`onnxruntime cannot load the model: ${firstLine(error)}`, {
      where: { file: displayPath, key },
      hint: "The file is corrupt, or uses an operator or opset this onnxruntime does not support."
    });
  }
  if (session.outputMetadata.length === 0) {
    throw new UserError("the model has no outputs: there is nothing to score", {
      where: { file: displayPath, key },
      hint: "Export the model with its prediction outputs (probabilities, labels or values) declared in the graph."
    });
  }
  return {
    displayPath,
    path,
    sha256: crypto().createHash("sha256").update(buffer).digest("hex"),
    bytes: buffer.length,
    inputs: session.inputMetadata.map(describe),
    outputs: session.outputMetadata.map(describe),
    metadata,
    session,
    ort: runtime
  };
}
function describe(value) {
  return value.isTensor ? { name: value.name, type: value.type, shape: value.shape } : { name: value.name, type: "non-tensor", shape: [] };
}
async function assertExternalDataInside(path, displayPath, locations, key) {
  if (!locations.length) return;
  const folder = await realpath(dirname(path));
  for (const location of locations) {
    const refuse = () => new UserError(`the model's external data location "${location}" points outside the model's folder`, {
      where: { file: displayPath, key },
      hint: "External data must be a relative path inside the folder that holds the .onnx file; refusing to read it."
    });
    if (isAbsolute(location) || location.includes("\0")) throw refuse();
    const target = resolve(folder, location);
    if (!inside(folder, target)) throw refuse();
    const real = await realpath(target).catch(() => target);
    if (!inside(folder, real)) throw refuse();
  }
}
function inside(folder, target) {
  const rel = relative(folder, target);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
}
function firstLine(error) {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0].trim();
}
function signature(info) {
  return `${info.name}: ${info.type}${info.shape.length ? ` [${info.shape.join(", ")}]` : ""}`;
}

export {
  openModel,
  firstLine,
  signature
};
