import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  signature
} from "./chunk-XHNLZXUM.js";
import {
  parseModelReference
} from "./chunk-APGALERZ.js";
import {
  suggestKey
} from "./chunk-PZERGBQP.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";

// shared/registry/model-spec.ts
var EXPLICIT_PATH = /^(?:\.{1,2}[\\/]|\/)/;
var FILE_SCHEME = "file:";
function explicitFilePath(spec) {
  const value = spec.trim();
  if (value.startsWith(FILE_SCHEME)) return value.slice(FILE_SCHEME.length);
  return EXPLICIT_PATH.test(value) ? value : void 0;
}
function classifyModelSpec(spec) {
  const value = spec.trim();
  const path = explicitFilePath(value);
  if (path !== void 0) return { kind: "file", path };
  let reference;
  try {
    reference = parseModelReference(value);
  } catch (error) {
    if (/\.onnx$/i.test(value) && !/^oci:/i.test(value)) return { kind: "file", path: value };
    throw error;
  }
  return { kind: "registry", reference };
}

// shared/onnx/feed.ts
function planFeed(model, columns, options) {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const where = { file: model.displayPath, key: options.key };
  if (options.inputName !== void 0) {
    const input = model.inputs.find((i) => i.name === options.inputName);
    if (!input) {
      const guess = suggestKey(options.inputName, model.inputs.map((i) => i.name));
      throw new UserError(`the model has no input "${options.inputName}" (from input-name)`, {
        where,
        hint: `${guess ? `Did you mean "${guess}"? ` : ""}Its inputs: ${model.inputs.map(signature).join("; ")}.`
      });
    }
    const others = model.inputs.filter((i) => i !== input);
    if (others.length) {
      throw new UserError(`the model also needs input${others.length > 1 ? "s" : ""} ${others.map((i) => `"${i.name}"`).join(", ")}, which input-name leaves unfed`, {
        where,
        hint: "Leave input-name empty to feed one input per column by name."
      });
    }
    return matrixPlan(model, input, byName, columns, options);
  }
  const [first] = model.inputs;
  if (!first) throw new UserError("the model has no inputs", { where });
  const perColumn = model.inputs.length > 1 || byName.has(first.name) && !isWide(first);
  return perColumn ? columnsPlan(model, byName, options) : matrixPlan(model, first, byName, columns, options);
}
function isWide(input) {
  return input.shape.length === 2 && input.shape[1] !== 1;
}
function floatType(model, input, key) {
  if (input.type === "float32" || input.type === "float64") return input.type;
  throw new UserError(`model input "${input.name}" takes ${input.type} values; only float32 and float64 inputs can be fed from the data`, {
    where: { file: model.displayPath, key },
    hint: "Export the model with float inputs (e.g. skl2onnx FloatTensorType) and cast inside the graph."
  });
}
function matrixPlan(model, input, byName, columns, options) {
  const type = floatType(model, input, options.key);
  const where = { file: model.displayPath, key: options.key };
  if (input.shape.length !== 2) {
    throw new UserError(`model input "${input.name}" has shape [${input.shape.join(", ")}]; a feature matrix input must be 2-D [rows, features]`, {
      where,
      hint: "Export the model with a [N, F] input, or give it one input per column named like the columns."
    });
  }
  const fromModel = featureNamesFromMetadata(model.metadata);
  const chosen = options.features ?? (fromModel ? { names: fromModel, from: `the model's feature_names metadata` } : void 0);
  const names = chosen?.names ?? columns.filter((c) => c.name !== options.label && c.numeric).map((c) => c.name);
  const from = chosen?.from ?? `every numeric column but the label "${options.label}" in ${options.dataFile}`;
  for (const name of names) {
    const column = byName.get(name);
    if (!column) {
      const guess = suggestKey(name, [...byName.keys()]);
      throw new UserError(`feature column "${name}" (from ${from}) is not in the data`, {
        where: { file: options.dataFile, key: options.key },
        hint: `${guess ? `Did you mean "${guess}"? ` : ""}Columns: ${[...byName.keys()].join(", ")}.`
      });
    }
    if (!column.numeric) {
      throw new UserError(`feature column "${name}" is not numeric, so it cannot feed float input "${input.name}"`, {
        where: { file: options.dataFile, key: options.key },
        hint: "Encode it as numbers, or leave it out with the features input."
      });
    }
    if (name === options.label) {
      throw new UserError(`the features include the label column "${name}"`, { where: { file: options.dataFile, key: "features" }, hint: "Remove it from features." });
    }
  }
  const width2 = input.shape[1];
  if (typeof width2 === "number" && width2 >= 0 && width2 !== names.length) {
    throw new UserError(`model input "${input.name}" takes ${width2} feature${width2 === 1 ? "" : "s"}, but ${names.length} ${names.length === 1 ? "was" : "were"} given (${from}: ${names.join(", ")})`, {
      where,
      hint: `Set the features input to the ${width2} columns the model was trained on, in training order.`
    });
  }
  if (names.length === 0) throw new UserError(`no feature columns to feed input "${input.name}" (${from})`, { where: { file: options.dataFile, key: "features" } });
  return { mode: "matrix", input: input.name, type, features: names, featuresFrom: from };
}
function columnsPlan(model, byName, options) {
  const inputs = model.inputs.map((input) => {
    const column = byName.get(input.name);
    if (!column) {
      const guess = suggestKey(input.name, [...byName.keys()]);
      throw new UserError(`model input "${input.name}" has no column of that name in the data`, {
        where: { file: model.displayPath, key: options.key },
        hint: `${guess ? `Did you mean column "${guess}"? ` : ""}A model with several inputs is fed one column per input, by name; columns in ${options.dataFile}: ${[...byName.keys()].join(", ")}.`
      });
    }
    if (input.name === options.label) {
      throw new UserError(`model input "${input.name}" is the label column`, { where: { file: model.displayPath, key: options.key } });
    }
    const type = floatType(model, input, options.key);
    if (!column.numeric) {
      throw new UserError(`column "${column.name}" is not numeric, so it cannot feed float input "${input.name}"`, { where: { file: options.dataFile, key: options.key } });
    }
    const ok = input.shape.length === 1 || input.shape.length === 2 && (input.shape[1] === 1 || typeof input.shape[1] === "string");
    if (!ok) {
      throw new UserError(`model input "${input.name}" has shape [${input.shape.join(", ")}]; a per-column input must be [N] or [N, 1]`, { where: { file: model.displayPath, key: options.key } });
    }
    return { input: input.name, column: column.name, type, rank: input.shape.length };
  });
  return { mode: "columns", inputs };
}
function featureNamesFromMetadata(metadata) {
  const raw = metadata.feature_names ?? metadata.features;
  if (!raw) return void 0;
  try {
    const parsed = JSON.parse(raw);
    if (Array.isArray(parsed) && parsed.every((x) => typeof x === "string")) return parsed;
  } catch {
  }
  const names = raw.split(",").map((s) => s.trim()).filter(Boolean);
  return names.length ? names : void 0;
}
function columnsRead(plan) {
  return plan.mode === "matrix" ? plan.features : plan.inputs.map((i) => i.column);
}

// shared/onnx/outputs.ts
var FLOAT_TYPES = /* @__PURE__ */ new Set(["float32", "float64", "float16"]);
var LABEL_TYPES = /* @__PURE__ */ new Set(["int64", "int32", "string", "bool"]);
function zipMapError(model, output, key) {
  return new UserError(`model output "${output.name}" is not a tensor (a sequence of maps, as ZipMap emits); onnxruntime-node cannot return it`, {
    where: { file: model.displayPath, key },
    hint: "Convert the model with skl2onnx options={id(model): {'zipmap': False}} so probabilities are a [N, C] tensor, or pick a tensor output with output-name."
  });
}
function width(info) {
  if (info.shape.length < 2) return 1;
  const w = info.shape[1];
  return typeof w === "number" && w >= 0 ? w : void 0;
}
var isProbabilityName = (name) => /prob/i.test(name);
function planOutputs(model, options) {
  const plan = chooseOutputs(model, options);
  for (const chosen of [plan.label, plan.value]) {
    if (chosen) assertOneValuePerRow(model, model.outputs.find((o) => o.name === chosen.name), options.key);
  }
  if (plan.probability) {
    const output = model.outputs.find((o) => o.name === plan.probability.name);
    if (output.shape.length > 2) throw new UserError(`output "${output.name}" has shape [${output.shape.join(", ")}]; expected [N], [N, 1] or [N, classes]`, { where: { file: model.displayPath, key: options.key } });
  }
  return plan;
}
function assertOneValuePerRow(model, output, key) {
  const wide = output.shape.length > 2 || output.shape.length === 2 && typeof output.shape[1] === "number" && output.shape[1] !== 1;
  if (wide) {
    throw new UserError(`output "${output.name}" has shape [${output.shape.join(", ")}]; labels and values must be one per row ([N] or [N, 1])`, {
      where: { file: model.displayPath, key },
      hint: "Pick another output with output-name, or export the model so this output holds one value per row."
    });
  }
}
function chooseOutputs(model, options) {
  const where = { file: model.displayPath, key: options.key };
  if (options.outputName !== void 0) {
    const output = model.outputs.find((o) => o.name === options.outputName);
    if (!output) {
      const guess = suggestKey(options.outputName, model.outputs.map((o) => o.name));
      throw new UserError(`the model has no output "${options.outputName}" (from output-name)`, {
        where,
        hint: `${guess ? `Did you mean "${guess}"? ` : ""}Its outputs: ${model.outputs.map(signature).join("; ")}.`
      });
    }
    if (output.type === "non-tensor") throw zipMapError(model, output, options.key);
    return interpretOne(model, output, options.task, options.key);
  }
  const tensors = model.outputs.filter((o) => o.type !== "non-tensor");
  if (!tensors.length) throw zipMapError(model, model.outputs[0], options.key);
  if (options.task === "regression") {
    const value = tensors.find((o) => FLOAT_TYPES.has(o.type));
    if (!value) throw new UserError(`the model has no float output to read a regression prediction from (outputs: ${model.outputs.map(signature).join("; ")})`, { where });
    return interpretOne(model, value, "regression", options.key);
  }
  const probability = tensors.find((o) => FLOAT_TYPES.has(o.type) && ((width(o) ?? 2) >= 2 || isProbabilityName(o.name)));
  const label = tensors.find((o) => LABEL_TYPES.has(o.type));
  if (probability || label) {
    const skipped = model.outputs.filter((o) => o.type === "non-tensor").map((o) => o.name);
    return {
      task: "classification",
      probability: probability ? { name: probability.name, columns: width(probability) } : void 0,
      label: label ? { name: label.name, type: label.type } : void 0,
      ...skipped.length ? { skipped } : {}
    };
  }
  return interpretOne(model, tensors[0], options.task, options.key);
}
function interpretOne(model, output, task, key) {
  const where = { file: model.displayPath, key };
  if (LABEL_TYPES.has(output.type)) {
    if (task === "regression") throw new UserError(`output "${output.name}" holds ${output.type} labels, but the task is regression`, { where });
    return { task: "classification", label: { name: output.name, type: output.type } };
  }
  if (!FLOAT_TYPES.has(output.type)) throw new UserError(`output "${output.name}" is ${output.type}; expected float probabilities or values, or integer/string labels`, { where });
  const columns = width(output);
  if (output.shape.length > 2) throw new UserError(`output "${output.name}" has shape [${output.shape.join(", ")}]; expected [N], [N, 1] or [N, classes]`, { where });
  if (task === "regression") {
    if (columns !== 1) throw new UserError(`output "${output.name}" has ${columns ?? "several"} columns; a regression output must be [N] or [N, 1]`, { where });
    return { task: "regression", value: { name: output.name } };
  }
  if (task === "classification" || columns !== 1 || isProbabilityName(output.name)) {
    return { task: "classification", probability: { name: output.name, columns } };
  }
  return { task: "regression", value: { name: output.name } };
}
function describeOutputPlan(plan) {
  const parts = [];
  if (plan.probability) parts.push(`probabilities from "${plan.probability.name}"`);
  if (plan.label) parts.push(`labels from "${plan.label.name}"`);
  if (plan.value) parts.push(`predictions from "${plan.value.name}"`);
  if (plan.skipped) parts.push(`not read: ${plan.skipped.map((n) => `"${n}"`).join(", ")} (non-tensor, e.g. ZipMap; convert with zipmap=False to get probabilities)`);
  return `${plan.task}: ${parts.join(", ")}`;
}

export {
  explicitFilePath,
  classifyModelSpec,
  planFeed,
  featureNamesFromMetadata,
  columnsRead,
  planOutputs,
  describeOutputPlan
};
