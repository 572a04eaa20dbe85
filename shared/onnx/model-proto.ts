/**
 * What we read from an ONNX file's bytes before handing it to onnxruntime: metadata_props
 * (e.g. the feature_names our trainers write) and every external-data location, wherever the
 * tensor sits (initializers, sparse initializers, node attributes, subgraphs, functions,
 * training info). Field numbers are from onnx/onnx.proto3.
 */
import { fields, text } from './protobuf.js';

export interface ModelProtoFacts {
  metadata: Record<string, string>;
  /** `location` of every tensor stored as external data. */
  externalLocations: string[];
}

const MODEL = { graph: 7, metadataProps: 14, trainingInfo: 20, functions: 25 };
const GRAPH = { node: 1, initializer: 5, sparseInitializer: 15 };
const NODE_ATTRIBUTE = 5;
const ATTRIBUTE = { t: 5, g: 6, tensors: 10, graphs: 11, sparseTensor: 22, sparseTensors: 23 };
const TENSOR_EXTERNAL_DATA = 13;
const SPARSE = { values: 1, indices: 2 };
const FUNCTION_NODE = 7;
const TRAINING_INFO = { initialization: 1, algorithm: 2 };

export function inspectModelProto(buffer: Uint8Array): ModelProtoFacts {
  const facts: ModelProtoFacts = { metadata: {}, externalLocations: [] };
  for (const field of fields(buffer)) {
    if (!field.bytes) continue;
    if (field.number === MODEL.graph) graph(field.bytes, facts);
    else if (field.number === MODEL.metadataProps) {
      const [key, value] = entry(field.bytes);
      if (key !== undefined) facts.metadata[key] = value ?? '';
    } else if (field.number === MODEL.functions) {
      for (const f of fields(field.bytes)) if (f.number === FUNCTION_NODE && f.bytes) node(f.bytes, facts);
    } else if (field.number === MODEL.trainingInfo) {
      for (const f of fields(field.bytes)) if ((f.number === TRAINING_INFO.initialization || f.number === TRAINING_INFO.algorithm) && f.bytes) graph(f.bytes, facts);
    }
  }
  return facts;
}

function graph(bytes: Uint8Array, facts: ModelProtoFacts): void {
  for (const f of fields(bytes)) {
    if (!f.bytes) continue;
    if (f.number === GRAPH.node) node(f.bytes, facts);
    else if (f.number === GRAPH.initializer) tensor(f.bytes, facts);
    else if (f.number === GRAPH.sparseInitializer) sparse(f.bytes, facts);
  }
}

function node(bytes: Uint8Array, facts: ModelProtoFacts): void {
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

function sparse(bytes: Uint8Array, facts: ModelProtoFacts): void {
  for (const f of fields(bytes)) if ((f.number === SPARSE.values || f.number === SPARSE.indices) && f.bytes) tensor(f.bytes, facts);
}

function tensor(bytes: Uint8Array, facts: ModelProtoFacts): void {
  for (const f of fields(bytes)) {
    if (f.number !== TENSOR_EXTERNAL_DATA || !f.bytes) continue;
    const [key, value] = entry(f.bytes);
    if (key === 'location' && value !== undefined) facts.externalLocations.push(value);
  }
}

function entry(bytes: Uint8Array): [string | undefined, string | undefined] {
  let key: string | undefined;
  let value: string | undefined;
  for (const f of fields(bytes)) {
    if (f.number === 1 && f.bytes) key = text(f.bytes);
    else if (f.number === 2 && f.bytes) value = text(f.bytes);
  }
  return [key, value];
}
