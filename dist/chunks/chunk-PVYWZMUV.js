import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-W3LLQX65.js";
import {
  _default,
  boolean,
  looseObject,
  optional,
  record,
  string
} from "./chunk-A3VPNE7V.js";
import {
  __toESM
} from "./chunk-D4RZRY5B.js";

// shared/stage/action-metadata.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
var InputSpec = looseObject({
  description: string(),
  required: optional(boolean()),
  default: optional(string())
});
var OutputSpec = looseObject({ description: string() });
var ActionSpec = looseObject({
  name: string(),
  description: string(),
  inputs: _default(record(string(), InputSpec), {}),
  outputs: _default(record(string(), OutputSpec), {}),
  runs: looseObject({ using: string(), main: string() })
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
  "data-validate": async () => (await import("./data-validate-Z22I57PR.js")).dataValidateStage,
  train: async () => (await import("./train-4P5JUHYL.js")).trainStage,
  "evaluate-gate": async () => (await import("./evaluate-gate-I2QLGF4H.js")).evaluateGateStage,
  "model-card": async () => (await import("./model-card-5XDTLOZQ.js")).modelCardStage,
  register: async () => (await import("./register-AY4W5ABC.js")).registerStage,
  deploy: async () => (await import("./deploy-74TIMHQR.js")).deployStage,
  "drift-check": async () => (await import("./drift-check-YUMD6IVP.js")).driftCheckStage
};

export {
  STAGES,
  isStageName,
  packageRoot,
  readActionSpec,
  isExpression,
  loadStage
};
