import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  STAGES,
  isExpression,
  isStageName,
  loadStage,
  readActionSpec
} from "./chunks/chunk-PVYWZMUV.js";
import {
  suggestKey
} from "./chunks/chunk-PZERGBQP.js";
import "./chunks/chunk-W3LLQX65.js";
import "./chunks/chunk-A3VPNE7V.js";
import {
  ActionsHost,
  runAsAction
} from "./chunks/chunk-FZVG5HBH.js";
import "./chunks/chunk-D3INI452.js";
import "./chunks/chunk-ZCL4KZQW.js";
import "./chunks/chunk-LSBADZCY.js";
import "./chunks/chunk-OIBAWGZR.js";
import {
  getInput,
  setFailed,
  warning
} from "./chunks/chunk-F3JHVORX.js";
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
