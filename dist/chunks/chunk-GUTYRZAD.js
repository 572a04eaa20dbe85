import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-OIBAWGZR.js";

// cli/usage-error.ts
var USAGE_EXIT_CODE = 2;
var UsageError = class extends UserError {
  exitCode = USAGE_EXIT_CODE;
};
function isUsageError(error) {
  return error instanceof UsageError;
}

// shared/host/local-host.ts
import { appendFile, mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
var LocalHost = class {
  constructor(options) {
    this.options = options;
    this.cwd = options.cwd;
    this.out = options.out ?? ((line) => process.stdout.write(`${line}
`));
    this.err = options.err ?? ((line) => process.stderr.write(`${line}
`));
    const live = options.live;
    if (live) this.liveLine = (text) => live(text === null ? null : this.mask(text));
  }
  options;
  kind = "local";
  cwd;
  outputs = {};
  secrets = /* @__PURE__ */ new Set();
  out;
  err;
  liveLine;
  input(name) {
    return this.options.inputs[name] ?? "";
  }
  setOutput(name, value) {
    this.outputs[name] = value;
  }
  setSecret(value) {
    if (value) this.secrets.add(value);
  }
  mask(text) {
    let masked = text;
    for (const secret of this.secrets) masked = masked.split(secret).join("***");
    return masked;
  }
  debug(message) {
    if (this.options.env.MLOPS_DEBUG) this.err(this.mask(`debug: ${message}`));
  }
  info(message) {
    this.out(this.mask(message));
  }
  notice(message, annotation) {
    this.err(this.mask(`notice: ${where(annotation, message)}${message}`));
  }
  warning(message, annotation) {
    this.err(this.mask(`warning: ${where(annotation, message)}${message}`));
  }
  error(message, annotation) {
    this.err(this.mask(`error: ${where(annotation, message)}${message}`));
  }
  async group(title, fn) {
    this.out(`\u25B6 ${title}`);
    return fn();
  }
  async appendSummary(markdown) {
    const path = resolve(this.cwd, this.options.summaryPath);
    await mkdir(dirname(path), { recursive: true });
    await appendFile(path, `${markdown}
`);
  }
  async uploadArtifact(name) {
    this.notice(`artifact "${name}" not uploaded: artifacts exist only inside GitHub Actions`);
    return void 0;
  }
  async restoreCache() {
    return void 0;
  }
  async saveCache() {
  }
  env(name) {
    return this.options.env[name] || void 0;
  }
  async github(token) {
    const { readGitHubContext } = await import("./context-4VABSAX4.js");
    return readGitHubContext((n) => this.env(n), token ?? (this.input("github-token") || this.env("GITHUB_TOKEN") || ""), (m) => this.warning(m));
  }
};
function where(annotation, message) {
  if (!annotation?.file || message.includes(annotation.file)) return "";
  return `${annotation.file}${annotation.startLine ? `:${annotation.startLine}` : ""}: `;
}

export {
  USAGE_EXIT_CODE,
  UsageError,
  isUsageError,
  LocalHost
};
