import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  allowOutsideWorkspace,
  requireInWorkspace
} from "./chunk-LSBADZCY.js";
import {
  isUserError
} from "./chunk-OIBAWGZR.js";

// shared/stage/run-stage.ts
import { resolve } from "node:path";
var OUTPUT_OPTIONS = ["recordPath", "outDir"];
function requireOutputsInWorkspace(host, options) {
  const allow = allowOutsideWorkspace((name) => host.env(name));
  requireInWorkspace(host.cwd, resolve(host.cwd, "mlops-out"), "mlops-out", "the output directory", allow);
  for (const key of OUTPUT_OPTIONS) {
    const value = options?.[key];
    if (typeof value === "string" && value) requireInWorkspace(host.cwd, resolve(host.cwd, value), value, key === "outDir" ? "the output directory" : "the run record", allow);
  }
}
async function runStage(stage, host) {
  try {
    const options = await stage.readOptions(host);
    requireOutputsInWorkspace(host, options);
    const outcome = await stage.run(options, host);
    for (const [name, value] of Object.entries(outcome.outputs)) host.setOutput(name, value);
    if (outcome.failure) {
      host.error(`${stage.name}: ${outcome.failure}`);
      return outcome.exitCode !== void 0 && outcome.exitCode > 0 && outcome.exitCode < 256 ? outcome.exitCode : 1;
    }
    return 0;
  } catch (error) {
    if (isUserError(error)) {
      const { file, line, column } = error.where;
      host.error(`${stage.name}: ${error.format()}`, file ? { file, startLine: line, startColumn: column } : void 0);
    } else {
      const detail = error instanceof Error ? error.stack ?? error.message : String(error);
      host.error(`${stage.name}: unexpected error (please report it): ${detail}`);
    }
    return 1;
  }
}

export {
  runStage
};
