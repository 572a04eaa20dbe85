import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  STAGES,
  isExpression,
  isStageName,
  loadStage,
  readActionSpec
} from "./chunks/chunk-U5RPK5BG.js";
import {
  suggestKey
} from "./chunks/chunk-PZERGBQP.js";
import "./chunks/chunk-WFCI6QGH.js";
import {
  ActionsHost,
  runAsAction
} from "./chunks/chunk-MZ73QYR2.js";
import "./chunks/chunk-Z5R4M4ES.js";
import "./chunks/chunk-WREBKZ5X.js";
import "./chunks/chunk-PY3R7CMG.js";
import {
  getInput,
  setFailed,
  warning
} from "./chunks/chunk-IZ3LYG25.js";
import "./chunks/chunk-D3INI452.js";
import "./chunks/chunk-LSBADZCY.js";
import "./chunks/chunk-LH2H4NB2.js";
import "./chunks/chunk-OIBAWGZR.js";
import "./chunks/chunk-D4RZRY5B.js";

// actions/main.ts
async function run() {
  const stage = getInput("stage").trim();
  if (!isStageName(stage)) {
    const guess = suggestKey(stage, STAGES);
    setFailed(
      `mlops-actions: unknown stage "${stage}". ${guess ? `Did you mean "${guess}"? ` : ""}Stages: ${STAGES.join(", ")}.`
    );
  } else {
    const spec = readActionSpec(stage);
    for (const [name, input] of Object.entries(readActionSpec("umbrella").inputs)) {
      if (name !== "stage" && !(name in spec.inputs) && getInput(name) !== "" && !isExpression(input.default ?? "")) {
        warning(`mlops-actions: input "${name}" is not an input of the ${stage} stage and is ignored.`);
      }
    }
    const host = new ActionsHost((name) => {
      const given = getInput(name);
      const fallback = spec.inputs[name]?.default;
      return given === "" && fallback !== void 0 && !isExpression(fallback) ? fallback : void 0;
    });
    await runAsAction(await loadStage[stage](), host);
  }
}

// actions/index.ts
await run();
