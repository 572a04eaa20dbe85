/**
 * What a served model takes and gives, in protocol terms: its input and output tensors with
 * Open Inference datatypes and shapes (-1 for a variable dimension), the feature columns a
 * client may send one tensor each for, and which output is the per-row prediction the metrics
 * summarise. Computed once per loaded version; a model it cannot describe does not load.
 */
import { UserError } from '../errors/user-error.js';
import { featureNamesFromMetadata } from '../onnx/feed.js';
import type { OnnxModel, TensorInfo } from '../onnx/model.js';
import { planOutputs } from '../onnx/outputs.js';
import { datatypeOfOrt, type V2Datatype } from './datatypes.js';

export interface TensorSpec {
  name: string;
  datatype: V2Datatype;
  /** -1 where the model leaves the dimension free. */
  shape: number[];
}

/** How per-feature-column tensors become the model's inputs. */
export type FeatureLayout =
  /** One [N, F] input, columns in feature_names order. */
  | { mode: 'matrix'; input: string; features: string[] }
  /** One [N] or [N, 1] input per feature, named as the feature. */
  | { mode: 'columns'; features: string[] };

export type PredictionSummary =
  | { kind: 'binary'; output: string; column: number; columns: number }
  | { kind: 'multiclass'; output: string; classes: number }
  | { kind: 'regression'; output: string };

export interface ModelSignature {
  inputs: TensorSpec[];
  outputs: TensorSpec[];
  features?: FeatureLayout;
  task: 'classification' | 'regression';
  prediction?: PredictionSummary;
}

function tensorSpec(info: TensorInfo, role: 'input' | 'output', file: string): TensorSpec {
  const datatype = info.type === 'non-tensor' ? undefined : datatypeOfOrt(info.type);
  if (!datatype) {
    throw new UserError(`model ${role} "${info.name}" is ${info.type === 'non-tensor' ? 'not a tensor (e.g. a ZipMap sequence of maps)' : `of type ${info.type}`}, which the server cannot ${role === 'input' ? 'feed' : 'return'}`, {
      where: { file },
      hint: role === 'output' ? "Convert scikit-learn models with options={id(model): {'zipmap': False}}." : 'Export the model with tensor inputs of a standard numeric, bool or string type.',
    });
  }
  return { name: info.name, datatype, shape: info.shape.map((d) => (typeof d === 'number' && d >= 0 ? d : -1)) };
}

export function describeSignature(model: OnnxModel): ModelSignature {
  const file = model.displayPath;
  const inputs = model.inputs.map((i) => tensorSpec(i, 'input', file));
  const outputs = model.outputs.map((o) => tensorSpec(o, 'output', file));
  if (!inputs.length) throw new UserError('the model has no inputs', { where: { file } });
  const plan = planOutputs(model, { key: 'model' });
  return { inputs, outputs, features: featureLayout(inputs, model.metadata), task: plan.task, prediction: predictionOf(plan, outputs) };
}

function featureLayout(inputs: TensorSpec[], metadata: Record<string, string>): FeatureLayout | undefined {
  const names = featureNamesFromMetadata(metadata);
  const [first] = inputs;
  if (inputs.length === 1 && first!.shape.length === 2 && names && (first!.shape[1] === -1 || first!.shape[1] === names.length) && names.length > 1) {
    return { mode: 'matrix', input: first!.name, features: names };
  }
  const perColumn = inputs.every((i) => i.shape.length === 1 || (i.shape.length === 2 && i.shape[1] === 1));
  if (perColumn && (inputs.length > 1 || !names || names.length === 1)) return { mode: 'columns', features: inputs.map((i) => i.name) };
  return undefined;
}

function predictionOf(plan: ReturnType<typeof planOutputs>, outputs: TensorSpec[]): PredictionSummary | undefined {
  if (plan.value) return { kind: 'regression', output: plan.value.name };
  if (plan.probability) {
    const columns = plan.probability.columns ?? outputs.find((o) => o.name === plan.probability!.name)?.shape[1];
    if (columns === 1) return { kind: 'binary', output: plan.probability.name, column: 0, columns: 1 };
    if (columns === 2) return { kind: 'binary', output: plan.probability.name, column: 1, columns: 2 };
    if (typeof columns === 'number' && columns > 2) return { kind: 'multiclass', output: plan.probability.name, classes: columns };
  }
  return undefined;
}

/** Versions of one model must be interchangeable behind one URL: same inputs, same outputs, same task. */
export function incompatibility(running: ModelSignature, candidate: ModelSignature): string | undefined {
  if (running.task !== candidate.task) return `its task is ${candidate.task}, but the running versions are ${running.task} models`;
  const describe = (specs: TensorSpec[]) => specs.map((s) => `${s.name}:${s.datatype}[${s.shape.join(',')}]`).join(' ');
  if (describe(running.inputs) !== describe(candidate.inputs)) return `its inputs (${describe(candidate.inputs)}) differ from the running versions' (${describe(running.inputs)})`;
  const names = (specs: TensorSpec[]) => specs.map((s) => s.name).join(',');
  if (names(running.outputs) !== names(candidate.outputs)) return `its outputs (${names(candidate.outputs)}) differ from the running versions' (${names(running.outputs)})`;
  const features = (s: ModelSignature) => s.features?.features.join(',') ?? '';
  if (features(running) !== features(candidate)) return 'its feature_names differ from the running versions\'';
  const kind = (s: ModelSignature) => `${s.prediction?.kind ?? ''}${s.prediction?.kind === 'multiclass' ? s.prediction.classes : ''}`;
  if (kind(running) !== kind(candidate)) return `its prediction (${kind(candidate) || 'none'}) differs from the running versions' (${kind(running) || 'none'})`;
  return undefined;
}
