/**
 * How holdout columns feed a model: one 2-D float tensor built from a feature list, or one
 * input per column matched by name. Every mismatch (name, count, dtype) is an error here,
 * before any row is scored, naming the model file, the input and the column.
 */
import { UserError } from '../errors/user-error.js';
import { suggestKey } from '../config/suggest.js';
import { signature, type OnnxModel, type TensorInfo } from './model.js';

export type FloatType = 'float32' | 'float64';

export interface DataColumn {
  name: string;
  numeric: boolean;
}

export type FeedPlan =
  | { mode: 'matrix'; input: string; type: FloatType; features: string[]; featuresFrom: string }
  | { mode: 'columns'; inputs: { input: string; column: string; type: FloatType; rank: number }[] };

export interface FeedOptions {
  /** Feature columns given by the user, and where they came from (for messages). */
  features?: { names: string[]; from: string };
  inputName?: string;
  label: string;
  /** The data file, for messages. */
  dataFile: string;
  /** Which input names the model's role (e.g. `baseline`) in messages. */
  key: string;
}

export function planFeed(model: OnnxModel, columns: DataColumn[], options: FeedOptions): FeedPlan {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const where = { file: model.displayPath, key: options.key };
  if (options.inputName !== undefined) {
    const input = model.inputs.find((i) => i.name === options.inputName);
    if (!input) {
      const guess = suggestKey(options.inputName, model.inputs.map((i) => i.name));
      throw new UserError(`the model has no input "${options.inputName}" (from input-name)`, {
        where,
        hint: `${guess ? `Did you mean "${guess}"? ` : ''}Its inputs: ${model.inputs.map(signature).join('; ')}.`,
      });
    }
    const others = model.inputs.filter((i) => i !== input);
    if (others.length) {
      throw new UserError(`the model also needs input${others.length > 1 ? 's' : ''} ${others.map((i) => `"${i.name}"`).join(', ')}, which input-name leaves unfed`, {
        where,
        hint: 'Leave input-name empty to feed one input per column by name.',
      });
    }
    return matrixPlan(model, input, byName, columns, options);
  }
  const [first] = model.inputs;
  if (!first) throw new UserError('the model has no inputs', { where });
  const perColumn = model.inputs.length > 1 || (byName.has(first.name) && !isWide(first));
  return perColumn ? columnsPlan(model, byName, options) : matrixPlan(model, first, byName, columns, options);
}

function isWide(input: TensorInfo): boolean {
  return input.shape.length === 2 && input.shape[1] !== 1;
}

function floatType(model: OnnxModel, input: TensorInfo, key: string): FloatType {
  if (input.type === 'float32' || input.type === 'float64') return input.type;
  throw new UserError(`model input "${input.name}" takes ${input.type} values; only float32 and float64 inputs can be fed from the data`, {
    where: { file: model.displayPath, key },
    hint: 'Export the model with float inputs (e.g. skl2onnx FloatTensorType) and cast inside the graph.',
  });
}

function matrixPlan(model: OnnxModel, input: TensorInfo, byName: Map<string, DataColumn>, columns: DataColumn[], options: FeedOptions): FeedPlan {
  const type = floatType(model, input, options.key);
  const where = { file: model.displayPath, key: options.key };
  if (input.shape.length !== 2) {
    throw new UserError(`model input "${input.name}" has shape [${input.shape.join(', ')}]; a feature matrix input must be 2-D [rows, features]`, {
      where,
      hint: 'Export the model with a [N, F] input, or give it one input per column named like the columns.',
    });
  }
  const fromModel = featureNamesFromMetadata(model.metadata);
  const chosen = options.features ?? (fromModel ? { names: fromModel, from: `the model's feature_names metadata` } : undefined);
  const names = chosen?.names ?? columns.filter((c) => c.name !== options.label && c.numeric).map((c) => c.name);
  const from = chosen?.from ?? `every numeric column but the label "${options.label}" in ${options.dataFile}`;
  for (const name of names) {
    const column = byName.get(name);
    if (!column) {
      const guess = suggestKey(name, [...byName.keys()]);
      throw new UserError(`feature column "${name}" (from ${from}) is not in the data`, {
        where: { file: options.dataFile, key: options.key },
        hint: `${guess ? `Did you mean "${guess}"? ` : ''}Columns: ${[...byName.keys()].join(', ')}.`,
      });
    }
    if (!column.numeric) {
      throw new UserError(`feature column "${name}" is not numeric, so it cannot feed float input "${input.name}"`, {
        where: { file: options.dataFile, key: options.key },
        hint: 'Encode it as numbers, or leave it out with the features input.',
      });
    }
    if (name === options.label) {
      throw new UserError(`the features include the label column "${name}"`, { where: { file: options.dataFile, key: 'features' }, hint: 'Remove it from features.' });
    }
  }
  const width = input.shape[1];
  if (typeof width === 'number' && width >= 0 && width !== names.length) {
    throw new UserError(`model input "${input.name}" takes ${width} feature${width === 1 ? '' : 's'}, but ${names.length} ${names.length === 1 ? 'was' : 'were'} given (${from}: ${names.join(', ')})`, {
      where,
      hint: `Set the features input to the ${width} columns the model was trained on, in training order.`,
    });
  }
  if (names.length === 0) throw new UserError(`no feature columns to feed input "${input.name}" (${from})`, { where: { file: options.dataFile, key: 'features' } });
  return { mode: 'matrix', input: input.name, type, features: names, featuresFrom: from };
}

function columnsPlan(model: OnnxModel, byName: Map<string, DataColumn>, options: FeedOptions): FeedPlan {
  const inputs = model.inputs.map((input) => {
    const column = byName.get(input.name);
    if (!column) {
      const guess = suggestKey(input.name, [...byName.keys()]);
      throw new UserError(`model input "${input.name}" has no column of that name in the data`, {
        where: { file: model.displayPath, key: options.key },
        hint: `${guess ? `Did you mean column "${guess}"? ` : ''}A model with several inputs is fed one column per input, by name; columns in ${options.dataFile}: ${[...byName.keys()].join(', ')}.`,
      });
    }
    if (input.name === options.label) {
      throw new UserError(`model input "${input.name}" is the label column`, { where: { file: model.displayPath, key: options.key } });
    }
    const type = floatType(model, input, options.key);
    if (!column.numeric) {
      throw new UserError(`column "${column.name}" is not numeric, so it cannot feed float input "${input.name}"`, { where: { file: options.dataFile, key: options.key } });
    }
    const ok = input.shape.length === 1 || (input.shape.length === 2 && (input.shape[1] === 1 || typeof input.shape[1] === 'string'));
    if (!ok) {
      throw new UserError(`model input "${input.name}" has shape [${input.shape.join(', ')}]; a per-column input must be [N] or [N, 1]`, { where: { file: model.displayPath, key: options.key } });
    }
    return { input: input.name, column: column.name, type, rank: input.shape.length };
  });
  return { mode: 'columns', inputs };
}

/** feature_names metadata as our trainer and others write it: a JSON array or a comma list. */
export function featureNamesFromMetadata(metadata: Record<string, string>): string[] | undefined {
  const raw = metadata.feature_names ?? metadata.features;
  if (!raw) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return parsed;
  } catch {
    // not JSON: a comma list
  }
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  return names.length ? names : undefined;
}

/** The columns a plan reads. */
export function columnsRead(plan: FeedPlan): string[] {
  return plan.mode === 'matrix' ? plan.features : plan.inputs.map((i) => i.column);
}
