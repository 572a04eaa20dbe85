/**
 * Which model outputs hold what: a probability tensor [N, C] or [N] (positive class), a label
 * tensor, the (label, probabilities) pair scikit-learn converters emit, or a regression value.
 * onnxruntime-node cannot return non-tensor values, so ZipMap outputs (seq(map)) are named
 * and the user is pointed at zipmap=False.
 */
import { UserError } from '../errors/user-error.js';
import { suggestKey } from '../config/suggest.js';
import { signature, type OnnxModel, type TensorInfo } from './model.js';

export type Task = 'classification' | 'regression';

export interface OutputPlan {
  task: Task;
  /** Probabilities: [N, C] (columns = C) or [N]/[N, 1] of the positive class (columns = 1). */
  probability?: { name: string; columns: number | undefined };
  /** Predicted labels (int64 or string). */
  label?: { name: string; type: string };
  /** Regression prediction. */
  value?: { name: string };
  /** Non-tensor outputs (ZipMap) left unread: onnxruntime-node cannot return them. */
  skipped?: string[];
}

const FLOAT_TYPES = new Set(['float32', 'float64', 'float16']);
const LABEL_TYPES = new Set(['int64', 'int32', 'string', 'bool']);

function zipMapError(model: OnnxModel, output: TensorInfo, key: string): UserError {
  return new UserError(`model output "${output.name}" is not a tensor (a sequence of maps, as ZipMap emits); onnxruntime-node cannot return it`, {
    where: { file: model.displayPath, key },
    hint: "Convert the model with skl2onnx options={id(model): {'zipmap': False}} so probabilities are a [N, C] tensor, or pick a tensor output with output-name.",
  });
}

function width(info: TensorInfo): number | undefined {
  if (info.shape.length < 2) return 1;
  const w = info.shape[1];
  return typeof w === 'number' && w >= 0 ? w : undefined;
}

const isProbabilityName = (name: string) => /prob/i.test(name);

export function planOutputs(model: OnnxModel, options: { outputName?: string; task?: Task; key: string }): OutputPlan {
  const plan = chooseOutputs(model, options);
  for (const chosen of [plan.label, plan.value]) {
    if (chosen) assertOneValuePerRow(model, model.outputs.find((o) => o.name === chosen.name)!, options.key);
  }
  if (plan.probability) {
    const output = model.outputs.find((o) => o.name === plan.probability!.name)!;
    if (output.shape.length > 2) throw new UserError(`output "${output.name}" has shape [${output.shape.join(', ')}]; expected [N], [N, 1] or [N, classes]`, { where: { file: model.displayPath, key: options.key } });
  }
  return plan;
}

/** Labels and regression values: one per row, [N] or [N, 1]; anything wider would be read flat and misaligned. */
function assertOneValuePerRow(model: OnnxModel, output: TensorInfo, key: string): void {
  // A symbolic second dimension is checked on every batch by the scorer (one value per row).
  const wide = output.shape.length > 2 || (output.shape.length === 2 && typeof output.shape[1] === 'number' && output.shape[1] !== 1);
  if (wide) {
    throw new UserError(`output "${output.name}" has shape [${output.shape.join(', ')}]; labels and values must be one per row ([N] or [N, 1])`, {
      where: { file: model.displayPath, key },
      hint: 'Pick another output with output-name, or export the model so this output holds one value per row.',
    });
  }
}

function chooseOutputs(model: OnnxModel, options: { outputName?: string; task?: Task; key: string }): OutputPlan {
  const where = { file: model.displayPath, key: options.key };
  if (options.outputName !== undefined) {
    const output = model.outputs.find((o) => o.name === options.outputName);
    if (!output) {
      const guess = suggestKey(options.outputName, model.outputs.map((o) => o.name));
      throw new UserError(`the model has no output "${options.outputName}" (from output-name)`, {
        where,
        hint: `${guess ? `Did you mean "${guess}"? ` : ''}Its outputs: ${model.outputs.map(signature).join('; ')}.`,
      });
    }
    if (output.type === 'non-tensor') throw zipMapError(model, output, options.key);
    return interpretOne(model, output, options.task, options.key);
  }

  const tensors = model.outputs.filter((o) => o.type !== 'non-tensor');
  if (!tensors.length) throw zipMapError(model, model.outputs[0]!, options.key);
  if (options.task === 'regression') {
    const value = tensors.find((o) => FLOAT_TYPES.has(o.type));
    if (!value) throw new UserError(`the model has no float output to read a regression prediction from (outputs: ${model.outputs.map(signature).join('; ')})`, { where });
    return interpretOne(model, value, 'regression', options.key);
  }
  const probability = tensors.find((o) => FLOAT_TYPES.has(o.type) && ((width(o) ?? 2) >= 2 || isProbabilityName(o.name)));
  const label = tensors.find((o) => LABEL_TYPES.has(o.type));
  if (probability || label) {
    const skipped = model.outputs.filter((o) => o.type === 'non-tensor').map((o) => o.name);
    return {
      task: 'classification',
      probability: probability ? { name: probability.name, columns: width(probability) } : undefined,
      label: label ? { name: label.name, type: label.type } : undefined,
      ...(skipped.length ? { skipped } : {}),
    };
  }
  return interpretOne(model, tensors[0]!, options.task, options.key);
}

function interpretOne(model: OnnxModel, output: TensorInfo, task: Task | undefined, key: string): OutputPlan {
  const where = { file: model.displayPath, key };
  if (LABEL_TYPES.has(output.type)) {
    if (task === 'regression') throw new UserError(`output "${output.name}" holds ${output.type} labels, but the task is regression`, { where });
    return { task: 'classification', label: { name: output.name, type: output.type } };
  }
  if (!FLOAT_TYPES.has(output.type)) throw new UserError(`output "${output.name}" is ${output.type}; expected float probabilities or values, or integer/string labels`, { where });
  const columns = width(output);
  if (output.shape.length > 2) throw new UserError(`output "${output.name}" has shape [${output.shape.join(', ')}]; expected [N], [N, 1] or [N, classes]`, { where });
  if (task === 'regression') {
    if (columns !== 1) throw new UserError(`output "${output.name}" has ${columns ?? 'several'} columns; a regression output must be [N] or [N, 1]`, { where });
    return { task: 'regression', value: { name: output.name } };
  }
  if (task === 'classification' || columns !== 1 || isProbabilityName(output.name)) {
    return { task: 'classification', probability: { name: output.name, columns } };
  }
  return { task: 'regression', value: { name: output.name } };
}

export function describeOutputPlan(plan: OutputPlan): string {
  const parts: string[] = [];
  if (plan.probability) parts.push(`probabilities from "${plan.probability.name}"`);
  if (plan.label) parts.push(`labels from "${plan.label.name}"`);
  if (plan.value) parts.push(`predictions from "${plan.value.name}"`);
  if (plan.skipped) parts.push(`not read: ${plan.skipped.map((n) => `"${n}"`).join(', ')} (non-tensor, e.g. ZipMap; convert with zipmap=False to get probabilities)`);
  return `${plan.task}: ${parts.join(', ')}`;
}
