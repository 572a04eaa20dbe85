import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-WFCI6QGH.js";
import {
  external_exports
} from "./chunk-IANH7F2M.js";
import {
  __toESM
} from "./chunk-D4RZRY5B.js";

// shared/stage/action-metadata.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
var InputSpec = external_exports.looseObject({
  description: external_exports.string(),
  required: external_exports.boolean().optional(),
  default: external_exports.string().optional()
});
var OutputSpec = external_exports.looseObject({ description: external_exports.string() });
var ActionSpec = external_exports.looseObject({
  name: external_exports.string(),
  description: external_exports.string(),
  inputs: external_exports.record(external_exports.string(), InputSpec).default({}),
  outputs: external_exports.record(external_exports.string(), OutputSpec).default({}),
  runs: external_exports.looseObject({ using: external_exports.string(), main: external_exports.string() })
});
var STAGES = ["data-validate", "train", "evaluate-gate", "model-card", "register", "deploy", "drift-check"];
function isStageName(name) {
  return STAGES.includes(name);
}
function packageRoot(from = dirname(fileURLToPath(import.meta.url))) {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "action.yml"))) return dir;
    if (dirname(dir) === dir) throw new Error(`mlops-actions: cannot find the package root above ${from}`);
  }
}
function actionYamlPath(stage, root = packageRoot()) {
  return stage === "umbrella" ? join(root, "action.yml") : join(root, "actions", stage, "action.yml");
}
var cache = /* @__PURE__ */ new Map();
function readActionSpec(stage, root = packageRoot()) {
  const path = actionYamlPath(stage, root);
  let spec = cache.get(path);
  if (!spec) {
    spec = ActionSpec.parse((0, import_yaml.parse)(readFileSync(path, "utf8")));
    cache.set(path, spec);
  }
  return spec;
}
function isExpression(value) {
  return value.includes("${{");
}

// actions/stages.ts
var loadStage = {
  "data-validate": async () => (await import("./data-validate-M5YL2T54.js")).dataValidateStage,
  train: async () => (await import("./train-4Q6P67L3.js")).trainStage,
  "evaluate-gate": async () => (await import("./evaluate-gate-RH2GQ4FY.js")).evaluateGateStage,
  "model-card": async () => (await import("./model-card-6PBD3K5S.js")).modelCardStage,
  register: async () => (await import("./register-XQU66NKL.js")).registerStage,
  deploy: async () => (await import("./deploy-JLHHUQBY.js")).deployStage,
  "drift-check": async () => (await import("./drift-check-AIJ2HXF2.js")).driftCheckStage
};

export {
  STAGES,
  isStageName,
  packageRoot,
  readActionSpec,
  isExpression,
  loadStage
};
