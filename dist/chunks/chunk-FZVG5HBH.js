import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  capSummary
} from "./chunk-D3INI452.js";
import {
  runStage
} from "./chunk-ZCL4KZQW.js";
import {
  debug,
  error,
  getInput,
  group,
  info,
  notice,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-F3JHVORX.js";

// shared/host/workflow-commands.ts
var WORD_JOINER = "\u2060";
var LINE_BREAK = /\r\n|\r|\n/;
function neutraliseWorkflowCommands(text) {
  if (!text.includes("::") && !text.includes("##[")) return text;
  return text.split(LINE_BREAK).map((line) => line.replace(/^(\s*):(?=:)/, `$1:${WORD_JOINER}`).replaceAll("##[", `#${WORD_JOINER}#[`)).join("\n");
}

// shared/host/actions-host.ts
var ActionsHost = class {
  /** @param inputOverride lets the umbrella action apply a stage's defaults to empty inputs. */
  constructor(inputOverride = () => void 0) {
    this.inputOverride = inputOverride;
  }
  inputOverride;
  kind = "actions";
  cwd = process.cwd();
  input(name) {
    return this.inputOverride(name) ?? getInput(name);
  }
  setOutput(name, value) {
    setOutput(name, value);
  }
  setSecret(value) {
    if (value) setSecret(value);
  }
  debug(message) {
    debug(message);
  }
  /** Every line goes out neutralised: untrusted text in a message can never command the runner. */
  info(message) {
    info(neutraliseWorkflowCommands(message));
  }
  notice(message, annotation) {
    notice(message, annotation);
  }
  warning(message, annotation) {
    warning(message, annotation);
  }
  error(message, annotation) {
    error(message, annotation);
  }
  group(title, fn) {
    return group(title, fn);
  }
  async appendSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    await summary.addRaw(capSummary(markdown), true).write();
  }
  async uploadArtifact(name, files, rootDirectory) {
    const { DefaultArtifactClient } = await import("./artifact-5SJW7SPE.js");
    const result = await new DefaultArtifactClient().uploadArtifact(name, files, rootDirectory);
    return { id: result.id, size: result.size };
  }
  async restoreCache(paths, key, restoreKeys) {
    const cache = await import("./cache-P3PROCJA.js");
    if (!cache.isFeatureAvailable()) return void 0;
    return cache.restoreCache(paths, key, restoreKeys);
  }
  async saveCache(paths, key) {
    const cache = await import("./cache-P3PROCJA.js");
    if (!cache.isFeatureAvailable()) return;
    await cache.saveCache(paths, key);
  }
  env(name) {
    return process.env[name] || void 0;
  }
  async github(token) {
    const { readGitHubContext } = await import("./context-4VABSAX4.js");
    return readGitHubContext((n) => this.env(n), token ?? this.input("github-token"), (m) => this.warning(m));
  }
};

// shared/host/run-as-action.ts
async function runAsAction(stage, host = new ActionsHost()) {
  process.exitCode = await runStage(stage, host);
}

export {
  ActionsHost,
  runAsAction
};
