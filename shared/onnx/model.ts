/**
 * Opening an ONNX model for scoring: the file is checked to be ONNX from its bytes (pickles,
 * zips and other formats are refused by name), every external-data location must stay inside
 * the model's folder, and the session runs on CPU. Inputs and outputs are described from the
 * session's metadata so that mismatches are reported before any row is scored.
 */
import { readFile, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type * as ort from 'onnxruntime-node';
import { loadEngine } from '../engines/load.js';
import { UserError } from '../errors/user-error.js';
import type { Host } from '../host/host.js';
import { assertOnnxModel } from '../registry/onnx-check.js';
import { inspectModelProto } from './model-proto.js';
import { ProtobufError } from './protobuf.js';
import { crypto } from '../node/builtins.js';

export type Ort = typeof ort;

export interface TensorInfo {
  name: string;
  /** Element type as onnxruntime names it: float32, float64, int64, string, …; 'non-tensor' for sequences and maps. */
  type: string;
  /** Dimensions: numbers where fixed, names (or -1) where symbolic. Empty when unknown. */
  shape: ReadonlyArray<number | string>;
}

export interface OnnxModel {
  /** What the user typed (for messages). */
  displayPath: string;
  path: string;
  sha256: string;
  bytes: number;
  inputs: TensorInfo[];
  outputs: TensorInfo[];
  metadata: Record<string, string>;
  session: ort.InferenceSession;
  ort: Ort;
}

export async function openModel(path: string, displayPath: string, host: Host, key = 'model'): Promise<OnnxModel> {
  try {
    await assertOnnxModel(path, displayPath);
  } catch (error) {
    if (error instanceof UserError) throw new UserError(error.message, { where: { ...error.where, key }, hint: error.hint });
    throw error;
  }
  const buffer = await readFile(path);
  let metadata: Record<string, string>;
  try {
    const facts = inspectModelProto(buffer);
    metadata = facts.metadata;
    await assertExternalDataInside(path, displayPath, facts.externalLocations, key);
  } catch (error) {
    if (error instanceof ProtobufError) {
      throw new UserError(`the model is not a valid ONNX file (${error.message})`, {
        where: { file: displayPath, key },
        hint: 'The file is corrupt or truncated; re-export or re-download it.',
      });
    }
    throw error;
  }

  const runtime = await loadEngine<Ort>('onnxruntime-node', host);
  let session: ort.InferenceSession;
  try {
    session = await runtime.InferenceSession.create(path, { executionProviders: ['cpu'], graphOptimizationLevel: 'all' });
  } catch (error) {
    throw new UserError(`onnxruntime cannot load the model: ${firstLine(error)}`, {
      where: { file: displayPath, key },
      hint: 'The file is corrupt, or uses an operator or opset this onnxruntime does not support.',
    });
  }
  if (session.outputMetadata.length === 0) {
    throw new UserError('the model has no outputs: there is nothing to score', {
      where: { file: displayPath, key },
      hint: 'Export the model with its prediction outputs (probabilities, labels or values) declared in the graph.',
    });
  }
  return {
    displayPath,
    path,
    sha256: crypto().createHash('sha256').update(buffer).digest('hex'),
    bytes: buffer.length,
    inputs: session.inputMetadata.map(describe),
    outputs: session.outputMetadata.map(describe),
    metadata,
    session,
    ort: runtime,
  };
}

function describe(value: ort.InferenceSession.ValueMetadata): TensorInfo {
  return value.isTensor ? { name: value.name, type: value.type, shape: value.shape } : { name: value.name, type: 'non-tensor', shape: [] };
}

async function assertExternalDataInside(path: string, displayPath: string, locations: string[], key: string): Promise<void> {
  if (!locations.length) return;
  const folder = await realpath(dirname(path));
  for (const location of locations) {
    const refuse = () =>
      new UserError(`the model's external data location "${location}" points outside the model's folder`, {
        where: { file: displayPath, key },
        hint: 'External data must be a relative path inside the folder that holds the .onnx file; refusing to read it.',
      });
    if (isAbsolute(location) || location.includes('\0')) throw refuse();
    const target = resolve(folder, location);
    if (!inside(folder, target)) throw refuse();
    // A symbolic link inside the folder may still point out of it.
    const real = await realpath(target).catch(() => target);
    if (!inside(folder, real)) throw refuse();
  }
}

function inside(folder: string, target: string): boolean {
  const rel = relative(folder, target);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
}

/** A readable signature, e.g. `features: float32 [N, 3]`. */
export function signature(info: TensorInfo): string {
  return `${info.name}: ${info.type}${info.shape.length ? ` [${info.shape.join(', ')}]` : ''}`;
}
