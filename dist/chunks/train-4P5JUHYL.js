import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  detectForkEvent
} from "./chunk-QWF7XAWP.js";
import {
  chartNumber
} from "./chunk-2AD7AC5U.js";
import {
  onTerminationSignals
} from "./chunk-ZZ7SVV7N.js";
import {
  booleanInput,
  code,
  escapeCell,
  escapeText,
  formatNumber,
  listInput,
  mermaidCategories,
  mermaidLabel,
  numberInput,
  optionalInput,
  requiredInput,
  runContext,
  table
} from "./chunk-D53EVJEJ.js";
import {
  DEFAULT_RECORD_PATH,
  appendSection,
  compareSnapshots,
  readSnapshot
} from "./chunk-QRSX6AL5.js";
import "./chunk-OSEBCLTD.js";
import "./chunk-C5HFBKMB.js";
import {
  childProcess,
  crypto
} from "./chunk-GWCI4O4C.js";
import {
  require_dist
} from "./chunk-W3LLQX65.js";
import "./chunk-A3VPNE7V.js";
import {
  UserError,
  isUserError
} from "./chunk-OIBAWGZR.js";
import {
  __toESM
} from "./chunk-D4RZRY5B.js";

// actions/train/train.ts
import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";

// shared/gpu/nvidia-smi-fields.ts
function splitCsvLine(line) {
  return line.split(",").map((field) => field.trim());
}
function isPlaceholder(field) {
  return field === "" || /^\[.*\]$/.test(field) || /^n\/?a$/i.test(field);
}
function numberField(field) {
  if (field === void 0 || isPlaceholder(field)) return void 0;
  const value = Number(field);
  return Number.isFinite(value) ? value : void 0;
}
function textField(field) {
  if (field === void 0 || isPlaceholder(field)) return void 0;
  return field;
}

// shared/gpu/inventory.ts
var INVENTORY_QUERY = ["--query-gpu=index,name,uuid,memory.total,driver_version", "--format=csv,noheader,nounits"];
function runNvidiaSmi(args, env, timeoutMs = 2e4) {
  return new Promise((resolve2) => {
    childProcess().execFile("nvidia-smi", args, { env, timeout: timeoutMs, encoding: "utf8", maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      const errno = error;
      const notFound = errno?.code === "ENOENT";
      const code2 = errno ? typeof errno.code === "number" ? errno.code : 1 : 0;
      resolve2({ code: code2, stdout: stdout ?? "", stderr: stderr ?? "", notFound });
    });
  });
}
function parseGpuList(csv) {
  const gpus = [];
  for (const line of csv.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const fields = splitCsvLine(line);
    if (fields.length < 5) continue;
    const index = numberField(fields[0]);
    const name = textField(fields.slice(1, fields.length - 3).join(", "));
    const [uuid, memory, driver] = fields.slice(fields.length - 3);
    if (index === void 0 || !Number.isInteger(index) || !name) continue;
    const gpu = { index, name };
    const uuidText = textField(uuid);
    if (uuidText) gpu.uuid = uuidText;
    const memoryMb = numberField(memory);
    if (memoryMb !== void 0) gpu.memoryMb = memoryMb;
    const driverText = textField(driver);
    if (driverText) gpu.driver = driverText;
    gpus.push(gpu);
  }
  return gpus;
}
function parseCudaVersion(header) {
  return /CUDA Version:\s*([0-9][0-9.]*)/.exec(header)?.[1];
}
async function readGpuInventory(env) {
  const [list, header] = await Promise.all([runNvidiaSmi(INVENTORY_QUERY, env), runNvidiaSmi([], env)]);
  if (list.notFound) return { gpus: [], unavailable: "nvidia-smi was not found on PATH (no NVIDIA driver on this runner)" };
  if (list.code !== 0) {
    const reason = firstLine(list.stdout) || firstLine(list.stderr) || `exit code ${list.code}`;
    return { gpus: [], unavailable: `nvidia-smi failed: ${reason}` };
  }
  const gpus = parseGpuList(list.stdout);
  const cuda = header.code === 0 ? parseCudaVersion(header.stdout) : void 0;
  return { gpus, ...cuda ? { cuda } : {}, ...gpus.length ? {} : { unavailable: "nvidia-smi lists no GPU" } };
}
function firstLine(text) {
  return text.split(/\r?\n/).map((l) => l.trim()).find(Boolean) ?? "";
}

// shared/gpu/visible-devices.ts
var DEVICE_ID = /^(\d+|(GPU|MIG)-[A-Za-z0-9-/]+)$/;
function parseGpuSelection(value, inputName = "gpus") {
  const text = value.trim();
  if (text === "" || text.toLowerCase() === "all") return { kind: "all" };
  if (/^\d+$/.test(text) && !text.includes(",")) {
    return { kind: "count", count: Number(text) };
  }
  const ids = text.split(",").map((id) => id.trim()).filter(Boolean);
  const bad = ids.find((id) => !DEVICE_ID.test(id));
  if (!ids.length || bad !== void 0) {
    throw new UserError(`input "${inputName}" is "${value}", expected all, a count, or comma-separated device ids`, {
      where: { key: inputName },
      hint: "Examples: `all`, `2` (the first two GPUs), `0,2` (devices 0 and 2), `GPU-8f3c\u2026` (a UUID)."
    });
  }
  return { kind: "ids", ids };
}
function matches(gpu, id) {
  return String(gpu.index) === id || gpu.uuid === id;
}
function resolveVisibleDevices(selection, inventory, inherited) {
  const inheritedIds = inherited === void 0 ? void 0 : inherited.split(",").map((id) => id.trim()).filter(Boolean);
  const pool = inheritedIds ? inventory.filter((gpu) => inheritedIds.some((id) => matches(gpu, id))) : inventory;
  switch (selection.kind) {
    case "all":
      return { gpus: pool };
    case "count": {
      const ids = inheritedIds ?? pool.map((gpu) => String(gpu.index));
      if (selection.count > ids.length && inventory.length > 0) {
        throw new UserError(`input "gpus" asks for ${selection.count} GPUs but only ${ids.length} ${ids.length === 1 ? "is" : "are"} visible (${pool.map((g) => `${g.index}: ${g.name}`).join(", ") || "none"})`, {
          where: { key: "gpus" },
          hint: "Lower the count, use `all`, or run the job on a runner with more GPUs."
        });
      }
      const chosen = (ids.length ? ids : Array.from({ length: selection.count }, (_, i) => String(i))).slice(0, selection.count);
      return {
        cudaVisibleDevices: chosen.join(","),
        gpus: pool.filter((gpu) => chosen.some((id) => matches(gpu, id))),
        ...inventory.length === 0 && selection.count > 0 ? { warning: `input "gpus" asks for ${selection.count} GPUs but none is visible; the command runs without a GPU` } : {}
      };
    }
    case "ids": {
      const unknown = inventory.length ? selection.ids.filter((id) => !inventory.some((gpu) => matches(gpu, id))) : [];
      if (unknown.length) {
        throw new UserError(`input "gpus" names device${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}, not on this runner (it has ${inventory.map((g) => `${g.index}: ${g.name}`).join(", ")})`, {
          where: { key: "gpus" },
          hint: "Use indices or UUIDs as `nvidia-smi -L` lists them, or `all`."
        });
      }
      return {
        cudaVisibleDevices: selection.ids.join(","),
        gpus: inventory.filter((gpu) => selection.ids.some((id) => matches(gpu, id))),
        ...inventory.length === 0 ? { warning: `input "gpus" names devices ${selection.ids.join(", ")} but no GPU is visible; the command runs without a GPU` } : {}
      };
    }
  }
}

// shared/process/cancellation.ts
var Cancellation = class {
  requested;
  listeners = /* @__PURE__ */ new Set();
  get signal() {
    return this.requested;
  }
  request(signal) {
    this.requested ??= signal;
    for (const listener of this.listeners) listener(signal);
  }
  /** Calls `listener` on every request; returns the unsubscribe function. */
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
};

// shared/process/child-environment.ts
var RUNNER_INTERNAL_NAMES = /* @__PURE__ */ new Set([
  "ACTIONS_RUNTIME_TOKEN",
  "ACTIONS_RUNTIME_URL",
  "ACTIONS_CACHE_URL",
  "ACTIONS_CACHE_SERVICE_V2",
  "ACTIONS_RESULTS_URL",
  "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
  "ACTIONS_ID_TOKEN_REQUEST_URL",
  "GITHUB_ACTION_PATH",
  "GITHUB_ACTION_REPOSITORY",
  "GITHUB_ACTION_REF",
  "GITHUB_OUTPUT",
  "GITHUB_STATE"
]);
var RUNNER_INTERNAL_PREFIXES = ["INPUT_", "STATE_", "ACTIONS_RUNTIME_", "ACTIONS_CACHE_", "ACTIONS_RESULTS_", "ACTIONS_ID_TOKEN_"];
function isRunnerInternal(name) {
  const upper = name.toUpperCase();
  return RUNNER_INTERNAL_NAMES.has(upper) || RUNNER_INTERNAL_PREFIXES.some((prefix) => upper.startsWith(prefix));
}
function childEnvironment(extra, base = process.env) {
  const env = {};
  for (const [name, value] of Object.entries(base)) {
    if (value === void 0 || isRunnerInternal(name)) continue;
    env[name] = value;
  }
  return Object.assign(env, extra);
}

// shared/process/secret-mask.ts
var MIN_SECRET_LENGTH = 4;
var SecretMask = class {
  secrets = /* @__PURE__ */ new Set();
  /** Returns false when the value is too short to mask. */
  add(value) {
    if (value.length < MIN_SECRET_LENGTH) return false;
    this.secrets.add(value);
    return true;
  }
  apply(text) {
    let masked = text;
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) masked = masked.split(secret).join("***");
    return masked;
  }
};

// shared/train/cache-plan.ts
function planCache(paths, key, env) {
  if (!paths.length) return void 0;
  const base = key ?? `mlops-train-${env("RUNNER_OS") ?? process.platform}-${crypto().createHash("sha256").update(paths.join("\n")).digest("hex").slice(0, 16)}`;
  return { paths, key: base, restoreKeys: [`${base}-`] };
}
function saveKey(plan, succeeded, restoredKey, env) {
  if (succeeded) return restoredKey === plan.key ? void 0 : plan.key;
  const runId = env("GITHUB_RUN_ID") ?? "local";
  const attempt = env("GITHUB_RUN_ATTEMPT") ?? "1";
  return `${plan.key}-${runId}-${attempt}`;
}

// shared/train/environment.ts
import { readFileSync } from "node:fs";
import { arch, availableParallelism, cpus, release, totalmem, type } from "node:os";

// shared/train/git-state.ts
function git(args, cwd, env) {
  return new Promise((resolve2) => {
    childProcess().execFile("git", args, { cwd, env, timeout: 2e4, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => resolve2(error ? void 0 : stdout));
  });
}
async function readGitState(cwd, env) {
  const [head, status] = await Promise.all([git(["rev-parse", "HEAD"], cwd, env), git(["status", "--porcelain", "--untracked-files=no"], cwd, env)]);
  const state = {};
  if (head?.trim()) state.commit = head.trim();
  if (status !== void 0 && state.commit) state.dirty = status.trim() !== "";
  return state;
}

// shared/train/python-probe.ts
var FRAMEWORKS = ["torch", "tensorflow", "jax", "jaxlib", "scikit-learn", "xgboost", "lightgbm", "transformers", "onnx", "onnxruntime"];
var PROBE = `
import json, platform, sys
try:
    from importlib import metadata
except ImportError:
    metadata = None
found = {}
for name in sys.argv[1:]:
    try:
        found[name] = metadata.version(name) if metadata else None
    except Exception:
        pass
print(json.dumps({"python": platform.python_version(), "frameworks": {k: v for k, v in found.items() if v}}))
`;
async function probePython(env, cwd, command = "") {
  const first = command.trim().split(/\s+/)[0] ?? "";
  const named = /(^|\/)python[0-9.]*$/.test(first) ? [first] : [];
  for (const executable of [...named, "python3", "python"]) {
    const facts = await run(executable, env, cwd);
    if (facts) return facts;
  }
  return void 0;
}
function run(executable, env, cwd) {
  return new Promise((resolve2) => {
    childProcess().execFile(executable, ["-c", PROBE, ...FRAMEWORKS], { env, cwd, timeout: 2e4, encoding: "utf8" }, (error, stdout) => {
      if (error) return resolve2(void 0);
      try {
        const parsed = JSON.parse(stdout.trim().split("\n").pop() ?? "");
        if (typeof parsed.python !== "string") return resolve2(void 0);
        const frameworks = {};
        if (parsed.frameworks && typeof parsed.frameworks === "object") {
          for (const [name, version] of Object.entries(parsed.frameworks)) if (typeof version === "string") frameworks[name] = version;
        }
        resolve2({ python: parsed.python, frameworks });
      } catch {
        resolve2(void 0);
      }
    });
  });
}

// shared/train/runtime-probe.ts
import { basename } from "node:path";
var VERSIONED = {
  node: { label: "Node.js", pattern: /^v?(\d+\.\d+\.\d+\S*)/ },
  bun: { label: "Bun", pattern: /^(\d+\.\d+\.\d+\S*)/ },
  deno: { label: "Deno", pattern: /^deno (\d+\.\d+\.\d+\S*)/ }
};
function commandExecutable(command) {
  const words = command.trim().split(/\s+/);
  return words.find((word) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) ?? "";
}
function runtimeKind(command) {
  const name = basename(commandExecutable(command).replace(/^["']|["']$/g, ""));
  if (/^node(js)?$/.test(name)) return "node";
  if (/^python[0-9.]*$/.test(name)) return "python";
  if (name === "bun" || name === "deno") return name;
  return "other";
}
async function probeRuntime(command, env, cwd) {
  const kind = runtimeKind(command);
  if (kind === "python" || kind === "other") return { kind };
  const { label, pattern } = VERSIONED[kind];
  const version = await new Promise((resolve2) => {
    childProcess().execFile(commandExecutable(command), ["--version"], { env, cwd, timeout: 2e4, encoding: "utf8" }, (error, stdout) => {
      resolve2(error ? void 0 : pattern.exec(stdout.trim())?.[1]);
    });
  });
  return { kind, name: version ? `${label} ${version}` : label };
}

// shared/train/environment.ts
async function captureEnvironment(probes) {
  const kind = runtimeKind(probes.command ?? "");
  const [runtime, python, git2] = await Promise.all([
    kind === "python" || kind === "other" ? void 0 : (probes.runtime ?? probeRuntime)(probes.command ?? "", probes.commandEnv, probes.cwd),
    kind === "python" || kind === "other" ? (probes.python ?? probePython)(probes.commandEnv, probes.cwd, probes.command) : void 0,
    (probes.git ?? readGitState)(probes.cwd, probes.commandEnv)
  ]);
  const labels = probes.env("RUNNER_LABELS")?.split(",").map((l) => l.trim()).filter(Boolean);
  const cpuList = cpus();
  return {
    runner: probes.env("RUNNER_NAME"),
    runner_environment: probes.env("RUNNER_ENVIRONMENT"),
    os: operatingSystem(probes.env("RUNNER_OS")),
    arch: probes.env("RUNNER_ARCH")?.toLowerCase() ?? arch(),
    labels: labels?.length ? labels : void 0,
    cpu: cpuList[0]?.model.trim() || void 0,
    cpus: availableParallelism(),
    memory_mb: Math.round(totalmem() / 2 ** 20),
    gpus: probes.gpus.map((gpu) => ({
      index: gpu.index,
      name: gpu.name,
      ...gpu.memoryMb !== void 0 ? { memory_mb: gpu.memoryMb } : {},
      ...gpu.driver ? { driver: gpu.driver } : {},
      ...probes.cuda ? { cuda: probes.cuda } : {},
      ...gpu.uuid ? { uuid: gpu.uuid } : {}
    })),
    cuda_visible_devices: probes.cudaVisibleDevices,
    runtime: runtime?.name,
    python: python?.python,
    frameworks: python && Object.keys(python.frameworks).length ? python.frameworks : void 0,
    git: git2.commit ? git2 : void 0
  };
}
function operatingSystem(runnerOs) {
  let pretty;
  try {
    pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync("/etc/os-release", "utf8"))?.[1];
  } catch {
    pretty = void 0;
  }
  return [runnerOs ?? type(), pretty, `kernel ${release()}`].filter(Boolean).join(" \xB7 ");
}

// shared/train/fork-guard.ts
var detectForkPullRequest = detectForkEvent;
function forkRefusal(env, allowFork) {
  const check = detectForkEvent(env);
  if (!check.fork && !check.unknown || allowFork) return void 0;
  const runnerEnvironment = env("RUNNER_ENVIRONMENT");
  if (runnerEnvironment === "github-hosted") return void 0;
  const what = check.fork ? `this ${check.event} run is for a pull request from the fork ${check.fork}` : `this ${check.event || "unnamed"} run's event cannot be trusted (${check.unknown}), so it is treated as a fork's`;
  return [
    `refusing to run the training command: ${what}`,
    `on a self-hosted runner${runnerEnvironment ? "" : " (RUNNER_ENVIRONMENT is not set, so it is treated as one)"}.`,
    "Code from a fork would run with this machine's network, credentials, caches and GPUs. Nothing was run.",
    "To train fork pull requests, gate the job so a maintainer approves each run first \u2014 run it only when a trusted",
    "label is present (`if: contains(github.event.pull_request.labels.*.name, 'safe-to-train')`) or put it behind a",
    "GitHub Environment with required reviewers (`environment: gpu-training`) \u2014 and then set `allow-fork: true`."
  ].join(" ");
}

// shared/train/metrics-file.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFile } from "node:fs/promises";
var NON_FINITE_LITERALS = /* @__PURE__ */ new Set(["NaN", "Infinity", "-Infinity", "+Infinity", "nan", "inf", "-inf"]);
async function readMetricsFile(file, display) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code2 = error.code;
    throw new UserError(code2 === "ENOENT" ? "metrics file was not written by the command" : `cannot read metrics file (${code2 ?? String(error)})`, {
      where: { file: display, key: "metrics" },
      hint: "Make the command write its final metrics as a JSON object to this path, or point `metrics` at the file it writes."
    });
  }
  return parseMetrics(text, display);
}
function parseMetrics(text, display) {
  const lines = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter: lines, uniqueKeys: false });
  const lineOf = (path) => {
    const node = doc.getIn(path, true);
    return node?.range ? lines.linePos(node.range[0]).line : void 0;
  };
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const nonFinite = findNonFinite(doc);
    if (nonFinite) {
      throw new UserError(`metric "${nonFinite.path.join(".")}" is ${nonFinite.literal}; metrics must be finite numbers`, {
        where: { file: display, line: lineOf(nonFinite.path), key: nonFinite.path.join(".") },
        hint: "The training diverged or a metric was undefined; fix the run, or leave the metric out (Python: json.dump(..., allow_nan=False) catches this early)."
      });
    }
    const message = error.message;
    const position = /line (\d+) column (\d+)/.exec(message);
    throw new UserError(`metrics file is not valid JSON (${message})`, {
      where: { file: display, ...position ? { line: Number(position[1]), column: Number(position[2]) } : {}, key: "metrics" },
      hint: 'Write the metrics as one JSON object of numbers, e.g. {"accuracy": 0.93, "loss": 0.21}.'
    });
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new UserError(`metrics file holds ${describe(data)}, not a JSON object of metrics`, {
      where: { file: display, line: 1, key: "metrics" },
      hint: 'Write the metrics as one JSON object of numbers, e.g. {"accuracy": 0.93, "loss": 0.21}.'
    });
  }
  const metrics = {};
  const walk = (value, path) => {
    const key = path.join(".");
    if (typeof value === "number") {
      metrics[key] = value;
      return;
    }
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [name, inner] of Object.entries(value)) walk(inner, [...path, name]);
      return;
    }
    throw new UserError(`metric "${key}" is ${describe(value)}, not a number`, {
      where: { file: display, line: lineOf(path), key },
      hint: "Every metric must be a finite number; put text and lists in the params file instead."
    });
  };
  for (const [name, value] of Object.entries(data)) walk(value, [name]);
  return metrics;
}
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}\u2026` : value)})`;
  if (typeof value === "boolean") return `${value}`;
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
function findNonFinite(doc) {
  const visit = (node, path) => {
    if ((0, import_yaml.isMap)(node)) {
      for (const pair of node.items) {
        const key = (0, import_yaml.isScalar)(pair.key) ? String(pair.key.value) : String(pair.key);
        const found = visit(pair.value, [...path, key]);
        if (found) return found;
      }
      return void 0;
    }
    if ((0, import_yaml.isScalar)(node) && node.type === "PLAIN") {
      const raw = typeof node.value === "number" && !Number.isFinite(node.value) ? String(node.source ?? node.value) : String(node.value);
      if (NON_FINITE_LITERALS.has(raw) || typeof node.value === "number" && !Number.isFinite(node.value)) return { path, literal: raw };
    }
    return void 0;
  };
  return visit(doc.contents, []);
}

// shared/train/model-file.ts
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
async function describeModelFile(file, display) {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const code2 = error.code;
    throw new UserError(code2 === "ENOENT" ? "the command finished but did not produce the model file" : `cannot read the model file (${code2 ?? String(error)})`, {
      where: { file: display, key: "model" },
      hint: "Make the command write the model to this path (relative to working-directory), or set `model` to the path it writes."
    });
  }
  if (!info.isFile()) {
    throw new UserError("the model path is not a file", {
      where: { file: display, key: "model" },
      hint: "Give the one model file (e.g. model.onnx); pack a model directory into a single file first."
    });
  }
  const hash = crypto().createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest("hex"), bytes };
}

// shared/train/params-file.ts
var import_yaml2 = __toESM(require_dist(), 1);
import { readFile as readFile2 } from "node:fs/promises";
import { extname } from "node:path";
var MAX_PARAMS_BYTES = 256 * 1024;
async function readParamsFile(file, display) {
  let text;
  try {
    text = await readFile2(file, "utf8");
  } catch (error) {
    const code2 = error.code;
    throw new UserError(code2 === "ENOENT" ? "params file does not exist" : `cannot read params file (${code2 ?? String(error)})`, {
      where: { file: display, key: "params" },
      hint: "Point `params` at the JSON or YAML file of hyper-parameters the command reads or writes, or leave it empty."
    });
  }
  return parseParams(text, display, extname(file).toLowerCase());
}
function parseParams(text, display, extension) {
  let data;
  if (extension === ".json" || extension !== ".yml" && extension !== ".yaml" && /^\s*[{[]/.test(text)) {
    try {
      data = JSON.parse(text);
    } catch (error) {
      const message = error.message;
      const position = /line (\d+) column (\d+)/.exec(message);
      throw new UserError(`params file is not valid JSON (${message})`, {
        where: { file: display, ...position ? { line: Number(position[1]), column: Number(position[2]) } : {}, key: "params" }
      });
    }
  } else {
    const lines = new import_yaml2.LineCounter();
    const doc = (0, import_yaml2.parseDocument)(text, { lineCounter: lines });
    const problem = doc.errors[0];
    if (problem) {
      const { line, col } = lines.linePos(problem.pos[0]);
      throw new UserError(`params file is not valid YAML (${problem.message.split("\n")[0]})`, { where: { file: display, line, column: col, key: "params" } });
    }
    data = doc.toJS({ maxAliasCount: 100 });
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new UserError("params file must hold a mapping of parameter names to values", {
      where: { file: display, line: 1, key: "params" },
      hint: 'e.g. {"learning_rate": 0.01, "epochs": 20} or the same as YAML.'
    });
  }
  const json = JSON.stringify(data);
  if (Buffer.byteLength(json) > MAX_PARAMS_BYTES) {
    throw new UserError(`params file is ${Buffer.byteLength(json)} bytes as JSON, more than the ${MAX_PARAMS_BYTES} the run record takes`, {
      where: { file: display, key: "params" },
      hint: "Record hyper-parameters only; keep data, vocabularies and weights out of the params file."
    });
  }
  return JSON.parse(json);
}

// shared/train/bounded-series.ts
var BoundedSeries = class {
  constructor(capacity = 1e3) {
    this.capacity = capacity;
    if (capacity < 2) throw new Error("BoundedSeries capacity must be at least 2");
  }
  capacity;
  kept = [];
  stride = 1;
  seen = 0;
  latest;
  push(point) {
    if (this.seen % this.stride === 0) {
      this.kept.push(point);
      if (this.kept.length >= this.capacity) {
        this.kept = this.kept.filter((_, i) => i % 2 === 0);
        this.stride *= 2;
      }
    }
    this.seen++;
    this.latest = point;
  }
  /** How many points were pushed (kept or not). */
  get count() {
    return this.seen;
  }
  get last() {
    return this.latest;
  }
  points() {
    const { latest } = this;
    return latest !== void 0 && this.kept[this.kept.length - 1] !== latest ? [...this.kept, latest] : [...this.kept];
  }
};
function thin(items, max) {
  if (items.length <= max) return [...items];
  if (max <= 1) return items.length ? [items[items.length - 1]] : [];
  const out = [];
  for (let i = 0; i < max; i++) out.push(items[Math.round(i * (items.length - 1) / (max - 1))]);
  return out;
}

// shared/train/charts.ts
var MAX_CHART_POINTS = 40;
function mermaidString(text) {
  return mermaidLabel(text, 80);
}
function mermaidNumber(value) {
  return chartNumber(value, 6);
}
function xyChart(chart) {
  if (!chart.x.length) return "";
  const range = chart.yMin !== void 0 && chart.yMax !== void 0 ? ` ${mermaidNumber(chart.yMin)} --> ${mermaidNumber(chart.yMax)}` : "";
  return [
    "```mermaid",
    "xychart-beta",
    `  title ${mermaidString(chart.title)}`,
    `  x-axis ${mermaidString(chart.xLabel)} [${mermaidCategories(chart.x, 80).join(", ")}]`,
    `  y-axis ${mermaidString(chart.yLabel)}${range}`,
    ...chart.lines.map((line) => `  line [${line.values.map(mermaidNumber).join(", ")}]`),
    "```"
  ].join("\n");
}
function metricChart(name, points) {
  const shown = thin(points, MAX_CHART_POINTS);
  return xyChart({
    title: name,
    xLabel: "step",
    x: shown.map((p, i) => String(p.step ?? i)),
    yLabel: name,
    lines: [{ values: shown.map((p) => p.value) }]
  });
}
function utilisationChart(gpus) {
  const withData = gpus.filter((gpu) => gpu.series.some((p) => p.utilization !== void 0));
  if (!withData.length) return void 0;
  const length = Math.min(...withData.map((gpu) => gpu.series.length));
  if (length < 2) return void 0;
  const positions = thin(Array.from({ length }, (_, i) => i), MAX_CHART_POINTS);
  return xyChart({
    title: `GPU utilisation (%)${withData.length > 1 ? `, GPUs ${withData.map((g) => g.index).join(", ")}` : ""}`,
    xLabel: "seconds",
    x: positions.map((i) => formatNumber(withData[0].series[i].t, 3)),
    yLabel: "%",
    yMin: 0,
    yMax: 100,
    lines: withData.map((gpu) => ({ values: positions.map((i) => gpu.series[i].utilization ?? 0) }))
  });
}

// shared/train/summary.ts
var MAX_METRIC_CHARTS = 8;
var STATUS_TEXT = {
  succeeded: "\u2705 succeeded",
  failed: "\u274C failed",
  timed_out: "\u23F1\uFE0F timed out",
  cancelled: "\u{1F6D1} cancelled"
};
function formatDuration(seconds) {
  if (seconds < 60) return `${formatNumber(seconds, 3)} s`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor(seconds % 3600 / 60);
  const s = Math.round(seconds % 60);
  return h ? `${h} h ${m} min ${s} s` : `${m} min ${s} s`;
}
function formatBytes(bytes) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit ? formatNumber(value, 3) : value} ${units[unit]}`;
}
function fenced(text, info = "text") {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${info}
${text}
${fence}`;
}
function renderTrainSummary(section, extra = {}) {
  const status = section.status ?? (section.exit_code === 0 ? "succeeded" : "failed");
  const env = section.environment;
  const parts = [`## Train \u2014 ${STATUS_TEXT[status] ?? status}`];
  if (section.failure) parts.push(`> ${escapeText(section.failure).replace(/\n/g, "\n> ")}`);
  const facts = [
    ["command", code(section.command)],
    ["duration", formatDuration(section.duration_seconds)],
    ["exit code", String(section.exit_code)]
  ];
  if (section.working_directory && section.working_directory !== ".") facts.push(["working directory", code(section.working_directory)]);
  if (section.model) facts.push(["model", `${code(section.model.path)} \xB7 ${formatBytes(section.model.bytes)} \xB7 sha256 ${code(section.model.sha256)}`]);
  const runner = [env.runner, env.runner_environment, env.os].filter(Boolean).map((v) => escapeCell(String(v))).join(" \xB7 ");
  if (runner) facts.push(["runner", runner]);
  const machine = [env.cpu && escapeCell(env.cpu), env.cpus !== void 0 && `${env.cpus} CPUs`, env.memory_mb !== void 0 && `${formatBytes(env.memory_mb * 2 ** 20)} memory`].filter(Boolean);
  if (machine.length) facts.push(["machine", machine.join(" \xB7 ")]);
  const software = [
    ...typeof env.runtime === "string" && env.runtime ? [escapeCell(env.runtime)] : [],
    ...env.python ? [`Python ${escapeCell(env.python)}`, ...Object.entries(env.frameworks ?? {}).map(([n, v]) => `${escapeCell(n)} ${escapeCell(v)}`)] : []
  ];
  if (software.length) facts.push(["software", software.join(" \xB7 ")]);
  if (env.git?.commit) facts.push(["git", `${code(env.git.commit.slice(0, 12))}${env.git.dirty ? " (uncommitted changes)" : ""}`]);
  if (extra.artifactId !== void 0) facts.push(["artifact", `id ${extra.artifactId}`]);
  parts.push(table(["", ""], facts, ["l", "l"]));
  const gpus = env.gpus ?? [];
  const telemetry = section.telemetry?.gpus ?? [];
  if (gpus.length) {
    const rows = gpus.map((gpu) => {
      const t = telemetry.find((g) => g.index === gpu.index);
      return [
        String(gpu.index ?? ""),
        escapeCell(gpu.name),
        gpu.memory_mb !== void 0 ? formatBytes(gpu.memory_mb * 2 ** 20) : "\u2014",
        escapeCell(gpu.driver ?? "\u2014"),
        escapeCell(gpu.cuda ?? "\u2014"),
        t?.utilization_mean !== void 0 ? `${formatNumber(t.utilization_mean, 3)} %` : "\u2014",
        t?.utilization_max !== void 0 ? `${formatNumber(t.utilization_max, 3)} %` : "\u2014",
        t?.memory_used_max_mb !== void 0 ? formatBytes(t.memory_used_max_mb * 2 ** 20) : "\u2014",
        t?.power_mean_w !== void 0 ? `${formatNumber(t.power_mean_w, 3)} W` : "\u2014",
        t?.temperature_max_c !== void 0 ? `${formatNumber(t.temperature_max_c, 3)} \xB0C` : "\u2014"
      ];
    });
    parts.push("### GPUs", table(["#", "GPU", "memory", "driver", "CUDA", "util. mean", "util. max", "memory peak", "power mean", "temp. max"], rows, ["r", "l", "r", "l", "l", "r", "r", "r", "r", "r"]));
    if (section.telemetry?.problem) parts.push(`Telemetry: ${escapeText(section.telemetry.problem)}`);
  } else {
    parts.push("### GPUs", "No GPU was visible to the command.");
  }
  const metrics = Object.entries(section.metrics ?? {});
  if (metrics.length) {
    parts.push("### Final metrics", table(["metric", "value"], metrics.map(([name, value]) => [escapeCell(name), formatNumber(value, 6)]), ["l", "r"]));
  }
  const series = Object.entries(section.series ?? {}).filter(([, points]) => points.length > 1);
  if (series.length) {
    parts.push("### Metric series");
    for (const [name, points] of series.slice(0, MAX_METRIC_CHARTS)) parts.push(metricChart(name, points));
    if (series.length > MAX_METRIC_CHARTS) parts.push(`Not charted: ${series.slice(MAX_METRIC_CHARTS).map(([n]) => code(n)).join(", ")} (the run record has every series).`);
  }
  const utilisation = utilisationChart(telemetry.map((g) => ({ index: g.index, series: g.series ?? [] })));
  if (utilisation) parts.push("### GPU utilisation", utilisation);
  if (extra.outputTail) parts.push("### Last lines of output", fenced(extra.outputTail));
  return `${parts.join("\n\n")}
`;
}

// actions/train/caches.ts
async function restoreTrainingCache(host, plan) {
  try {
    const matched = await host.restoreCache(plan.paths, plan.key, plan.restoreKeys);
    host.info(matched ? `cache restored from key ${matched}${matched === plan.key ? "" : " (partial, from an earlier attempt)"}` : `no cache for key ${plan.key}`);
    return matched;
  } catch (error) {
    host.warning(`cache not restored: ${error.message}`);
    return void 0;
  }
}
async function saveTrainingCache(host, plan, succeeded, restoredKey) {
  const key = saveKey(plan, succeeded, restoredKey, (name) => host.env(name));
  if (!key) {
    host.info(`cache unchanged (restored from ${plan.key}): not saved again`);
    return;
  }
  try {
    host.info(`saving cache ${key} (${plan.paths.join(", ")})`);
    await host.saveCache(plan.paths, key);
  } catch (error) {
    host.warning(`cache ${key} not saved: ${error.message}`);
  }
}

// shared/process/line-splitter.ts
import { StringDecoder } from "node:string_decoder";
var LineSplitter = class {
  constructor(onLine, maxLineLength = 64 * 1024) {
    this.onLine = onLine;
    this.maxLineLength = maxLineLength;
  }
  onLine;
  maxLineLength;
  decoder = new StringDecoder("utf8");
  pending = "";
  lastWasCarriageReturn = false;
  push(chunk) {
    this.consume(this.decoder.write(chunk));
  }
  /** Emits what is left (a last line without a newline). */
  end() {
    this.consume(this.decoder.end());
    if (this.pending !== "") this.onLine(this.pending);
    this.pending = "";
  }
  consume(text) {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) {
        if (!(i === 0 && this.pending === "" && this.lastWasCarriageReturn && start === 0)) {
          this.onLine(this.pending + text.slice(start, i));
        }
        this.pending = "";
        start = i + 1;
        this.lastWasCarriageReturn = false;
      } else if (ch === 13) {
        this.onLine(this.pending + text.slice(start, i));
        this.pending = "";
        if (text.charCodeAt(i + 1) === 10) i++;
        else this.lastWasCarriageReturn = i === text.length - 1;
        start = i + 1;
      } else {
        this.lastWasCarriageReturn = false;
      }
    }
    this.pending += text.slice(start);
    while (this.pending.length > this.maxLineLength) {
      this.onLine(this.pending.slice(0, this.maxLineLength));
      this.pending = this.pending.slice(this.maxLineLength);
    }
  }
};

// shared/gpu/telemetry.ts
var TELEMETRY_FIELDS = "timestamp,index,utilization.gpu,memory.used,power.draw,temperature.gpu";
function telemetryArgs(intervalSeconds, devices) {
  const args = [`--query-gpu=${TELEMETRY_FIELDS}`, "--format=csv,noheader,nounits", `-lms`, String(Math.max(1, Math.round(intervalSeconds * 1e3)))];
  if (devices.length) args.push("-i", devices.join(","));
  return args;
}
function parseTelemetryLine(line, elapsedSeconds) {
  const fields = splitCsvLine(line);
  if (fields.length !== 6 || !textField(fields[0])) return void 0;
  const index = numberField(fields[1]);
  if (index === void 0 || !Number.isInteger(index)) return void 0;
  const sample = { elapsedSeconds, index };
  const utilization = numberField(fields[2]);
  if (utilization !== void 0) sample.utilizationPercent = utilization;
  const memory = numberField(fields[3]);
  if (memory !== void 0) sample.memoryUsedMb = memory;
  const power = numberField(fields[4]);
  if (power !== void 0) sample.powerWatts = power;
  const temperature = numberField(fields[5]);
  if (temperature !== void 0) sample.temperatureC = temperature;
  return sample;
}
function startTelemetry(options) {
  const started = performance.now();
  const child = childProcess().spawn("nvidia-smi", telemetryArgs(options.intervalSeconds, options.devices), {
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"]
  });
  let stopping = false;
  let failure;
  const errors = [];
  const splitter = new LineSplitter((line) => {
    const sample = parseTelemetryLine(line, (performance.now() - started) / 1e3);
    if (sample) options.onSample(sample);
    else if (line.trim() && errors.length < 3) errors.push(line.trim());
  });
  const stderr = new LineSplitter((line) => {
    if (line.trim() && errors.length < 3) errors.push(line.trim());
  });
  child.stdout.on("data", (chunk) => splitter.push(chunk));
  child.stderr.on("data", (chunk) => stderr.push(chunk));
  const closed = new Promise((resolve2) => {
    child.on("error", (error) => {
      failure = error.message;
      resolve2();
    });
    child.on("close", (code2, signal) => {
      splitter.end();
      stderr.end();
      if (!stopping && !failure) failure = `nvidia-smi exited early (${signal ?? `exit code ${code2}`})${errors.length ? `: ${errors.join(" | ")}` : ""}`;
      resolve2();
    });
  });
  return {
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 2e3).unref();
      }
      await closed;
      return failure;
    }
  };
}

// shared/process/output-tail.ts
var OutputTail = class {
  constructor(maxLines = 60, maxLineLength = 500) {
    this.maxLines = maxLines;
    this.maxLineLength = maxLineLength;
  }
  maxLines;
  maxLineLength;
  lines = [];
  push(line) {
    this.lines.push(line.length > this.maxLineLength ? `${line.slice(0, this.maxLineLength)}\u2026` : line);
    if (this.lines.length > this.maxLines) this.lines.shift();
  }
  text() {
    return this.lines.join("\n");
  }
};

// shared/process/run-command.ts
import { constants } from "node:os";

// shared/process/process-group.ts
import { readdirSync } from "node:fs";

// shared/process/proc-stat.ts
import { readFileSync as readFileSync2 } from "node:fs";
function readProcStat(pid) {
  let stat2;
  try {
    stat2 = readFileSync2(`/proc/${pid}/stat`, "utf8");
  } catch {
    return void 0;
  }
  const fields = stat2.slice(stat2.lastIndexOf(")") + 2).split(" ");
  return { state: fields[0], ppid: Number(fields[1]), pgrp: Number(fields[2]), session: Number(fields[3]) };
}
function isLiving(stat2) {
  return stat2.state !== "Z" && stat2.state !== "X";
}

// shared/process/process-group.ts
function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    if (error.code === "ESRCH") return false;
    throw error;
  }
}
function groupExists(pgid) {
  if (!signalGroup(pgid, 0)) return false;
  const members = livingMembers(pgid);
  return members === void 0 ? true : members > 0;
}
function livingMembers(pgid) {
  let entries;
  try {
    entries = readdirSync("/proc");
  } catch {
    return void 0;
  }
  let living = 0;
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat2 = readProcStat(entry);
    if (stat2 && stat2.pgrp === pgid && isLiving(stat2)) living++;
  }
  return living;
}
async function waitForGroupExit(pgid, timeoutMs, pollMs = 25) {
  const deadline = performance.now() + timeoutMs;
  while (groupExists(pgid)) {
    if (performance.now() >= deadline) return false;
    await new Promise((resolve2) => setTimeout(resolve2, pollMs));
  }
  return true;
}

// shared/process/session-tracking.ts
import { readdirSync as readdirSync2, readFileSync as readFileSync3 } from "node:fs";
var SESSION_TOKEN_VARIABLE = "MLOPS_TRAIN_SESSION";
function newSessionToken() {
  return crypto().randomBytes(16).toString("hex");
}
function trackedProcesses(marks) {
  let entries;
  try {
    entries = readdirSync2("/proc");
  } catch {
    return [];
  }
  const needle = Buffer.from(`${SESSION_TOKEN_VARIABLE}=${marks.token}\0`);
  const found = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    const stat2 = readProcStat(entry);
    if (!stat2 || !isLiving(stat2)) continue;
    if (stat2.pgrp === marks.leader || stat2.session === marks.leader || carriesToken(entry, needle)) found.push(pid);
  }
  return found;
}
function carriesToken(pid, needle) {
  try {
    return readFileSync3(`/proc/${pid}/environ`).includes(needle);
  } catch {
    return false;
  }
}
function signalTracked(marks, signal) {
  let signalled = 0;
  for (const pid of trackedProcesses(marks)) {
    try {
      process.kill(pid, signal);
      signalled++;
    } catch {
    }
  }
  return signalled;
}
async function stopTracked(marks, signal, graceMs, killTimeoutMs = 3e4, pollMs = 25) {
  const seen = /* @__PURE__ */ new Set();
  const sleep = () => new Promise((resolve2) => setTimeout(resolve2, pollMs));
  const QUIET_SCANS = 4;
  const sweep = (sig) => {
    const pids = trackedProcesses(marks);
    for (const pid of pids) {
      seen.add(pid);
      try {
        process.kill(pid, sig);
      } catch {
      }
    }
    return pids.length;
  };
  let quiet = 0;
  const graceEnd = performance.now() + graceMs;
  while (performance.now() < graceEnd && quiet < QUIET_SCANS) {
    quiet = sweep(signal) ? 0 : quiet + 1;
    await sleep();
  }
  if (seen.size === 0) return 0;
  quiet = 0;
  const killEnd = performance.now() + killTimeoutMs;
  while (quiet < QUIET_SCANS && performance.now() < killEnd) {
    quiet = sweep("SIGKILL") ? 0 : quiet + 1;
    await sleep();
  }
  return seen.size;
}

// shared/process/run-command.ts
var BASH_ARGS = ["--noprofile", "--norc", "-eo", "pipefail", "-c"];
function startCommand(options) {
  const startedAt = /* @__PURE__ */ new Date();
  const started = performance.now();
  const token = newSessionToken();
  const child = childProcess().spawn("bash", [...BASH_ARGS, options.command], {
    cwd: options.cwd,
    env: { ...options.env, [SESSION_TOKEN_VARIABLE]: token },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"]
  });
  const pgid = child.pid;
  const marks = pgid === void 0 ? void 0 : { leader: pgid, token };
  let timedOut = false;
  let cancelledBy;
  let stopping = false;
  let killTimer;
  const stopTree = (reason, signal, graceMs = options.graceMs) => {
    if (pgid === void 0) return;
    if (stopping) {
      signalGroup(pgid, "SIGKILL");
      if (marks) signalTracked(marks, "SIGKILL");
      return;
    }
    stopping = true;
    options.onStopping?.(reason, signal, graceMs);
    const inSession = marks ? signalTracked(marks, signal) : 0;
    if (!signalGroup(pgid, signal) && !inSession) return;
    killTimer = setTimeout(() => {
      signalGroup(pgid, "SIGKILL");
      if (marks) signalTracked(marks, "SIGKILL");
    }, graceMs);
    killTimer.unref();
  };
  const timeoutTimer = options.timeoutMs === void 0 ? void 0 : setTimeout(() => {
    timedOut = true;
    stopTree("timeout", "SIGTERM");
  }, options.timeoutMs);
  const done = new Promise((resolve2) => {
    const splitters = {
      stdout: new LineSplitter((line) => options.onLine(line, "stdout")),
      stderr: new LineSplitter((line) => options.onLine(line, "stderr"))
    };
    child.stdout.on("data", (chunk) => splitters.stdout.push(chunk));
    child.stderr.on("data", (chunk) => splitters.stderr.push(chunk));
    let exit;
    let spawnError;
    let leftoverProcesses = false;
    let closed = false;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      if (timeoutTimer) clearTimeout(timeoutTimer);
      if (killTimer) clearTimeout(killTimer);
      splitters.stdout.end();
      splitters.stderr.end();
      const signal = exit?.signal ?? void 0;
      const exitCode = spawnError ? 127 : signal ? 128 + (constants.signals[signal] ?? 0) : exit?.code ?? 1;
      resolve2({
        exitCode,
        ...signal ? { signal } : {},
        timedOut,
        ...cancelledBy ? { cancelledBy } : {},
        leftoverProcesses,
        ...spawnError ? { spawnError } : {},
        startedAt,
        durationSeconds: (performance.now() - started) / 1e3
      });
    };
    child.on("error", (error) => {
      spawnError = error.message;
      finish();
    });
    let exitHandled = false;
    child.on("close", () => {
      closed = true;
      if (exitHandled) finish();
    });
    child.on("exit", (code2, signal) => {
      exit = { code: code2, signal };
      void (async () => {
        if (pgid !== void 0 && groupExists(pgid)) {
          leftoverProcesses = !stopping;
          if (!stopping) stopTree("leftover-processes", "SIGTERM");
          if (!await waitForGroupExit(pgid, options.graceMs + 2e3)) {
            signalGroup(pgid, "SIGKILL");
            await waitForGroupExit(pgid, 3e4);
          }
        }
        if (marks && await stopTracked(marks, "SIGTERM", options.graceMs) > 0) {
          leftoverProcesses ||= !stopping;
          if (!stopping) options.onStopping?.("leftover-processes", "SIGTERM", options.graceMs);
        }
        exitHandled = true;
        if (closed) return finish();
        setTimeout(() => {
          child.stdout.destroy();
          child.stderr.destroy();
          finish();
        }, 2e3).unref();
      })();
    });
  });
  return {
    pid: pgid,
    stop(signal, graceMs) {
      cancelledBy ??= signal;
      stopTree("cancelled", signal, graceMs);
    },
    done
  };
}

// shared/train/metric-lines.ts
var METRIC_TOKEN = "mlops:metric";
var NAME = /^[A-Za-z_][A-Za-z0-9_./-]{0,63}$/;
var NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
function parseMetricLine(line) {
  const at = line.indexOf(METRIC_TOKEN);
  if (at === -1) return void 0;
  if (at > 0 && !/\s/.test(line[at - 1])) return void 0;
  const rest = line.slice(at + METRIC_TOKEN.length);
  if (rest !== "" && !/^\s/.test(rest)) return void 0;
  const result = { values: {}, problems: [] };
  for (const pair of rest.trim().split(/\s+/).filter(Boolean)) {
    const eq = pair.indexOf("=");
    const name = eq === -1 ? pair : pair.slice(0, eq);
    const text = eq === -1 ? "" : pair.slice(eq + 1);
    if (eq === -1 || !NAME.test(name)) {
      result.problems.push(`"${pair.slice(0, 80)}" is not name=value`);
      continue;
    }
    const value = NUMBER.test(text) ? Number(text) : Number.NaN;
    if (!Number.isFinite(value)) {
      result.problems.push(`${name}=${text.slice(0, 40)} is not a finite number`);
      continue;
    }
    if (name === "step") {
      if (!Number.isInteger(value) || value < 0) result.problems.push(`step=${text} is not an integer >= 0`);
      else result.step = value;
      continue;
    }
    result.values[name] = value;
  }
  if (Object.keys(result.values).length === 0 && result.problems.length === 0) result.problems.push("no name=value pair");
  return result;
}
var MetricCollector = class {
  constructor(maxSeries = 100, pointsPerSeries = 1e3) {
    this.maxSeries = maxSeries;
    this.pointsPerSeries = pointsPerSeries;
  }
  maxSeries;
  pointsPerSeries;
  series = /* @__PURE__ */ new Map();
  problems = [];
  problemCount = 0;
  lineNumber = 0;
  /** Feeds one output line; returns the problems found on it (for a warning). */
  add(line) {
    this.lineNumber++;
    const parsed = parseMetricLine(line);
    if (!parsed) return [];
    const problems = [...parsed.problems];
    for (const [name, value] of Object.entries(parsed.values)) {
      let series = this.series.get(name);
      if (!series) {
        if (this.series.size >= this.maxSeries) {
          problems.push(`more than ${this.maxSeries} metric names; "${name}" is not collected`);
          continue;
        }
        series = new BoundedSeries(this.pointsPerSeries);
        this.series.set(name, series);
      }
      series.push(parsed.step === void 0 ? { step: series.count, value } : { step: parsed.step, value });
    }
    this.problemCount += problems.length;
    for (const problem of problems) if (this.problems.length < 20) this.problems.push({ line: this.lineNumber, problem });
    return problems;
  }
  /** Every series, by name (sorted), as points with their steps. */
  result() {
    return Object.fromEntries([...this.series.keys()].sort().map((name) => [name, this.series.get(name).points()]));
  }
  /** The last value of each series. */
  lastValues() {
    return Object.fromEntries([...this.series.entries()].map(([name, s]) => [name, s.last.value]));
  }
};

// shared/train/telemetry-collector.ts
var Stat = class {
  sum = 0;
  n = 0;
  max = -Infinity;
  add(value) {
    if (value === void 0) return;
    this.sum += value;
    this.n++;
    if (value > this.max) this.max = value;
  }
  get mean() {
    return this.n ? round(this.sum / this.n) : void 0;
  }
  get maximum() {
    return this.n ? this.max : void 0;
  }
};
function round(value, digits = 2) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
var TelemetryCollector = class {
  constructor(pointsPerGpu = 500) {
    this.pointsPerGpu = pointsPerGpu;
  }
  pointsPerGpu;
  gpus = /* @__PURE__ */ new Map();
  add(sample) {
    let gpu = this.gpus.get(sample.index);
    if (!gpu) {
      gpu = { samples: 0, utilization: new Stat(), memory: new Stat(), power: new Stat(), temperature: new Stat(), series: new BoundedSeries(this.pointsPerGpu) };
      this.gpus.set(sample.index, gpu);
    }
    gpu.samples++;
    gpu.utilization.add(sample.utilizationPercent);
    gpu.memory.add(sample.memoryUsedMb);
    gpu.power.add(sample.powerWatts);
    gpu.temperature.add(sample.temperatureC);
    const point = { t: round(sample.elapsedSeconds, 3) };
    if (sample.utilizationPercent !== void 0) point.utilization = sample.utilizationPercent;
    if (sample.memoryUsedMb !== void 0) point.memory_used_mb = sample.memoryUsedMb;
    if (sample.powerWatts !== void 0) point.power_w = sample.powerWatts;
    if (sample.temperatureC !== void 0) point.temperature_c = sample.temperatureC;
    gpu.series.push(point);
  }
  get sampleCount() {
    let n = 0;
    for (const gpu of this.gpus.values()) n += gpu.samples;
    return n;
  }
  result() {
    return [...this.gpus.entries()].sort(([a], [b]) => a - b).map(([index, gpu]) => {
      const summary = { index, samples: gpu.samples, series: gpu.series.points() };
      if (gpu.utilization.mean !== void 0) summary.utilization_mean = gpu.utilization.mean;
      if (gpu.utilization.maximum !== void 0) summary.utilization_max = gpu.utilization.maximum;
      if (gpu.memory.maximum !== void 0) summary.memory_used_max_mb = gpu.memory.maximum;
      if (gpu.power.mean !== void 0) summary.power_mean_w = gpu.power.mean;
      if (gpu.power.maximum !== void 0) summary.power_max_w = gpu.power.maximum;
      if (gpu.temperature.maximum !== void 0) summary.temperature_max_c = gpu.temperature.maximum;
      return summary;
    });
  }
};

// actions/train/execute.ts
var TIMEOUT_GRACE_MS = 1e4;
var CANCEL_GRACE_MS = 5e3;
var MAX_METRIC_WARNINGS = 5;
async function executeTraining(input) {
  const { host } = input;
  const metrics = new MetricCollector();
  const telemetry = new TelemetryCollector();
  const tail = new OutputTail();
  let warned = 0;
  const sampler = input.telemetry ? startTelemetry({ intervalSeconds: input.telemetry.intervalSeconds, devices: input.telemetry.devices, env: input.env, onSample: (sample) => telemetry.add(sample) }) : void 0;
  const running = startCommand({
    command: input.command,
    cwd: input.cwd,
    env: input.env,
    timeoutMs: input.timeoutMinutes === void 0 ? void 0 : input.timeoutMinutes * 6e4,
    graceMs: TIMEOUT_GRACE_MS,
    onLine(line) {
      host.info(line);
      tail.push(line);
      for (const problem of metrics.add(line)) {
        if (warned++ < MAX_METRIC_WARNINGS) host.warning(`ignored part of a metric line: ${problem} (the grammar is in docs/train.md)`);
      }
    },
    onStopping(reason, signal, graceMs) {
      const how = `${signal} to the command's process group, SIGKILL after ${graceMs / 1e3} s`;
      if (reason === "timeout") host.warning(`timeout-minutes (${input.timeoutMinutes}) reached: stopping the command (${how})`);
      else if (reason === "cancelled") host.warning(`this step received ${signal}: stopping the command (${how}), then saving caches`);
      else host.warning(`the command exited but left processes running in its process group: stopping them (${how})`);
    }
  });
  const unsubscribe = input.cancellation.subscribe((signal) => running.stop(signal, CANCEL_GRACE_MS));
  if (input.cancellation.signal) running.stop(input.cancellation.signal, CANCEL_GRACE_MS);
  try {
    const result = await running.done;
    const telemetryProblem = sampler ? await sampler.stop() : void 0;
    if (warned > MAX_METRIC_WARNINGS) host.warning(`${warned - MAX_METRIC_WARNINGS} more metric-line problems were not shown`);
    return { result, metrics, telemetry, tail, ...telemetryProblem ? { telemetryProblem } : {} };
  } finally {
    unsubscribe();
  }
}

// shared/process/env-lines.ts
var KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
function parseEnvLines(text, inputName = "env") {
  const entries = [];
  const seen = /* @__PURE__ */ new Map();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const eq = raw.indexOf("=");
    const key = eq === -1 ? trimmed : raw.slice(0, eq).trim();
    if (eq === -1 || !KEY.test(key)) {
      throw new UserError(
        eq === -1 ? `line ${line} of input "${inputName}" has no "=" (expected KEY=VALUE)` : `line ${line} of input "${inputName}" has an invalid variable name`,
        {
          where: { key: inputName, line },
          hint: 'Write one KEY=VALUE per line; KEY is letters, digits and "_", not starting with a digit.'
        }
      );
    }
    const previous = seen.get(key);
    if (previous !== void 0) {
      throw new UserError(`line ${line} of input "${inputName}" sets ${key} again (first set on line ${previous})`, {
        where: { key: inputName, line },
        hint: "Set each variable once."
      });
    }
    seen.set(key, line);
    entries.push({ key, value: raw.slice(eq + 1), line });
  });
  return entries;
}

// actions/train/options.ts
var DEFAULT_METRICS_PATH = "metrics.json";
function readTrainOptions(host) {
  const command = requiredInput(host, "command");
  const timeoutMinutes = numberInput(host, "timeout-minutes", { min: 0 });
  if (timeoutMinutes !== void 0 && timeoutMinutes <= 0) {
    throw new UserError('input "timeout-minutes" must be greater than 0', { where: { key: "timeout-minutes" }, hint: "Leave it empty for no limit; fractions are allowed (0.5 = 30 s)." });
  }
  const interval = numberInput(host, "telemetry-interval", { min: 0 }) ?? 5;
  if (interval > 0 && interval < 0.1) {
    throw new UserError(`input "telemetry-interval" is ${interval}, expected 0 (off) or at least 0.1 seconds`, { where: { key: "telemetry-interval" } });
  }
  const metrics = optionalInput(host, "metrics") ?? DEFAULT_METRICS_PATH;
  const cacheKey = optionalInput(host, "cache-key");
  const cachePaths = listInput(host, "cache-paths");
  if (cacheKey && !cachePaths.length) {
    throw new UserError('input "cache-key" is set but "cache-paths" is empty', { where: { key: "cache-paths" }, hint: "List the directories to cache (datasets, pip cache, checkpoints), one per line." });
  }
  return {
    command,
    workingDirectory: optionalInput(host, "working-directory") ?? ".",
    env: parseEnvLines(host.input("env")),
    model: requiredInput(host, "model"),
    metrics,
    metricsExplicit: metrics !== DEFAULT_METRICS_PATH,
    params: optionalInput(host, "params"),
    timeoutMinutes,
    requireGpu: booleanInput(host, "require-gpu", false),
    gpus: parseGpuSelection(host.input("gpus")),
    telemetryIntervalSeconds: interval,
    cachePaths,
    cacheKey,
    artifactName: optionalInput(host, "artifact-name"),
    allowFork: booleanInput(host, "allow-fork", false),
    record: optionalInput(host, "record") ?? DEFAULT_RECORD_PATH
  };
}

// actions/train/train.ts
var trainStage = {
  name: "train",
  readOptions: readTrainOptions,
  async run(options, host) {
    const refusal = forkRefusal((name) => host.env(name), options.allowFork);
    if (refusal) {
      await host.appendSummary(`## Train \u2014 \u{1F6AB} refused

${escapeText(refusal)}
`);
      return { outputs: {}, failure: refusal };
    }
    const check = detectForkPullRequest((name) => host.env(name));
    if (check.fork) host.warning(`running the training command for a pull request from the fork ${check.fork} because allow-fork is true`);
    else if (check.unknown && options.allowFork) host.warning(`running the training command although the event cannot be trusted (${check.unknown}) because allow-fork is true`);
    const mask = new SecretMask();
    for (const { key, value } of options.env) {
      if (mask.add(value)) host.setSecret(value);
      else if (value) host.info(`env: the value of ${key} is shorter than 4 characters and is not masked in logs`);
    }
    const cwd = resolve(host.cwd, options.workingDirectory);
    if (!existsSync(cwd) || !statSync(cwd).isDirectory()) {
      throw new UserError("working directory does not exist", { where: { file: options.workingDirectory, key: "working-directory" } });
    }
    const commandEnv = childEnvironment(Object.fromEntries(options.env.map(({ key, value }) => [key, value])));
    const inventory = await readGpuInventory(commandEnv);
    const visible = resolveVisibleDevices(options.gpus, inventory.gpus, commandEnv.CUDA_VISIBLE_DEVICES);
    if (options.requireGpu && !visible.gpus.length) {
      throw new UserError(`no GPU is visible (${inventory.unavailable ?? `CUDA_VISIBLE_DEVICES=${commandEnv.CUDA_VISIBLE_DEVICES ?? ""} hides every GPU`}); nothing was run`, {
        where: { key: "require-gpu" },
        hint: "Run the job on a GPU runner (e.g. `runs-on: [self-hosted, gpu]`), check the driver with `nvidia-smi`, or set `require-gpu: false` to allow training on CPU"
      });
    }
    if (visible.warning) host.warning(visible.warning);
    if (visible.cudaVisibleDevices !== void 0) commandEnv.CUDA_VISIBLE_DEVICES = visible.cudaVisibleDevices;
    const environment = await host.group("Environment", async () => {
      const captured = await captureEnvironment({
        env: (name) => host.env(name),
        commandEnv,
        cwd,
        command: options.command,
        gpus: visible.gpus,
        cuda: inventory.cuda,
        cudaVisibleDevices: commandEnv.CUDA_VISIBLE_DEVICES
      });
      logEnvironment(host, captured, inventory.unavailable);
      return captured;
    });
    const cancellation = new Cancellation();
    const disposeSignals = onTerminationSignals((signal) => cancellation.request(signal));
    try {
      const cache = planCache(options.cachePaths, options.cacheKey, (name) => host.env(name));
      const restoredKey = cache ? await host.group("Restore cache", () => restoreTrainingCache(host, cache)) : void 0;
      const recordBefore = await readSnapshot(resolve(host.cwd, options.record), options.record);
      const execution = await host.group(`Training: ${firstLine2(options.command)}`, () => {
        host.info(`$ ${options.command}`);
        return executeTraining({
          host,
          command: options.command,
          cwd,
          env: commandEnv,
          timeoutMinutes: options.timeoutMinutes,
          telemetry: options.telemetryIntervalSeconds > 0 && visible.gpus.length ? { intervalSeconds: options.telemetryIntervalSeconds, devices: visible.gpus.map((g) => String(g.index)) } : void 0,
          cancellation
        });
      });
      let status = commandStatus(execution.result);
      const failures = status === "succeeded" ? [] : [commandFailure(execution.result, options)];
      if (cache) await host.group("Save cache", () => saveTrainingCache(host, cache, status === "succeeded", restoredKey));
      const display = (file) => displayPath(host.cwd, file);
      const modelFile = resolve(cwd, options.model);
      const metricsFile = resolve(cwd, options.metrics);
      const paramsFile = options.params ? resolve(cwd, options.params) : void 0;
      const collect = async (read) => {
        try {
          return await read();
        } catch (error) {
          if (!isUserError(error)) throw error;
          failures.push(error.format());
          return void 0;
        }
      };
      let model;
      let metrics = {};
      let params;
      if (status === "succeeded") {
        model = await collect(() => describeModelFile(modelFile, display(modelFile)));
        if (!options.metricsExplicit && !existsSync(metricsFile)) {
          metrics = execution.metrics.lastValues();
          host.warning(`no metrics file at ${display(metricsFile)}: ${Object.keys(metrics).length ? "the final metrics are the last mlops:metric values" : "no final metrics recorded"}`);
        } else {
          metrics = await collect(() => readMetricsFile(metricsFile, display(metricsFile))) ?? {};
        }
        if (paramsFile) params = await collect(() => readParamsFile(paramsFile, display(paramsFile)));
        if (failures.length) status = "failed";
      } else if (paramsFile) {
        params = await readParamsFile(paramsFile, display(paramsFile)).catch(() => void 0);
      }
      const section = {
        command: options.command,
        working_directory: displayPath(host.cwd, cwd) || ".",
        status,
        ...failures.length ? { failure: failures.join("; ") } : {},
        ...options.timeoutMinutes !== void 0 ? { timeout_minutes: options.timeoutMinutes } : {},
        ...params ? { params, params_path: display(paramsFile) } : {},
        metrics_path: display(metricsFile),
        environment,
        started_at: execution.result.startedAt.toISOString(),
        duration_seconds: round2(execution.result.durationSeconds, 3),
        exit_code: execution.result.exitCode,
        metrics,
        series: execution.metrics.result(),
        ...telemetrySection(options, execution),
        ...model ? { model: { path: display(modelFile), sha256: model.sha256, bytes: model.bytes } } : {}
      };
      const recordFile = resolve(host.cwd, options.record);
      try {
        const context = runContext(host, "train");
        const rewritten = compareSnapshots(recordBefore, await readSnapshot(recordFile, options.record), "train", context.at, "while the training command ran");
        for (const flag of rewritten) host.warning(`run record: the ${flag.section} section was ${flag.why}; flagged in the record`);
        await appendSection(recordFile, "train", section, context, options.record, rewritten);
        host.info(`run record: train section written to ${options.record}`);
      } catch (error) {
        if (!isUserError(error)) throw error;
        failures.push(`run record not written: ${error.format()}`);
      }
      let artifactId;
      if (options.artifactName) {
        const files = [model ? modelFile : void 0, metricsFile, paramsFile, recordFile].filter((f) => !!f && existsSync(f));
        try {
          if (!files.length) throw new Error("none of the model, metrics, params or run record exists");
          artifactId = (await host.uploadArtifact(options.artifactName, files, commonDirectory(files)))?.id;
        } catch (error) {
          host.warning(`artifact "${options.artifactName}" not uploaded: ${error.message}`);
        }
      }
      const failed = failures.length > 0;
      await host.appendSummary(renderTrainSummary({ ...section, ...failures.length ? { failure: failures.join("\n") } : {} }, {
        ...failed ? { outputTail: mask.apply(execution.tail.text()) } : {},
        ...artifactId !== void 0 ? { artifactId } : {}
      }));
      const outputs = {
        "metrics": JSON.stringify(metrics),
        "duration-seconds": String(section.duration_seconds),
        "gpus": visible.gpus.map((g) => g.name).join(", "),
        "exit-code": String(execution.result.exitCode)
      };
      if (model) Object.assign(outputs, { "model": display(modelFile), "model-sha256": model.sha256 });
      if (artifactId !== void 0) outputs["artifact-id"] = String(artifactId);
      return { outputs, ...failed ? { failure: failures.join("; "), exitCode: execution.result.exitCode || 1 } : {} };
    } finally {
      disposeSignals();
    }
  }
};
function commandStatus(result) {
  if (result.timedOut) return "timed_out";
  if (result.cancelledBy) return "cancelled";
  return result.exitCode === 0 && !result.spawnError ? "succeeded" : "failed";
}
function commandFailure(result, options) {
  if (result.spawnError) return `could not start bash: ${result.spawnError}`;
  if (result.timedOut) {
    return `the command ran longer than timeout-minutes (${options.timeoutMinutes}) and was stopped: its whole process tree got SIGTERM, then SIGKILL ${TIMEOUT_GRACE_MS / 1e3} s later if still running (exit code ${result.exitCode})`;
  }
  if (result.cancelledBy) return `the run was cancelled (${result.cancelledBy}): the command's process tree was stopped and the caches saved (exit code ${result.exitCode})`;
  if (result.exitCode === 127) return "the command failed with exit code 127: a program it runs was not found (check the command, the working directory and PATH; the output above names it)";
  if (result.exitCode === 126) return "the command failed with exit code 126: a program it runs is not executable (chmod +x, or run it through its interpreter)";
  if (result.signal) return `the command was killed by ${result.signal} (exit code ${result.exitCode})`;
  return `the command failed with exit code ${result.exitCode}`;
}
function telemetrySection(options, execution) {
  const gpus = execution.telemetry.result();
  if (!gpus.length && !execution.telemetryProblem) return {};
  return { telemetry: { interval_seconds: options.telemetryIntervalSeconds, gpus, ...execution.telemetryProblem ? { problem: execution.telemetryProblem } : {} } };
}
function logEnvironment(host, env, noGpuReason) {
  if (env.runner) host.info(`runner: ${env.runner}${env.runner_environment ? ` (${env.runner_environment})` : ""}`);
  host.info(`os: ${env.os ?? "?"} \xB7 ${env.arch ?? "?"}`);
  host.info(`cpu: ${env.cpu ?? "?"} \xD7 ${env.cpus ?? "?"} \xB7 memory ${env.memory_mb ?? "?"} MiB`);
  if (env.gpus.length) for (const gpu of env.gpus) host.info(`gpu ${gpu.index}: ${gpu.name} \xB7 ${gpu.memory_mb ?? "?"} MiB \xB7 driver ${gpu.driver ?? "?"} \xB7 CUDA ${gpu.cuda ?? "?"}`);
  else host.info(`gpu: none visible${noGpuReason ? ` (${noGpuReason})` : ""}`);
  if (env.cuda_visible_devices !== void 0) host.info(`CUDA_VISIBLE_DEVICES=${env.cuda_visible_devices}`);
  if (env.runtime) host.info(`runtime: ${env.runtime}`);
  if (env.python) host.info(`python ${env.python}${Object.entries(env.frameworks ?? {}).map(([n, v]) => ` \xB7 ${n} ${v}`).join("")}`);
  if (env.git?.commit) host.info(`git ${env.git.commit}${env.git.dirty ? " (uncommitted changes)" : ""}`);
}
function firstLine2(command) {
  const line = command.split("\n")[0].trim();
  return line.length > 100 || command.includes("\n") ? `${line.slice(0, 100)} \u2026` : line;
}
function displayPath(root, file) {
  const rel = relative(root, file);
  return rel === "" ? "." : rel.startsWith("..") || isAbsolute(rel) ? file : rel;
}
function commonDirectory(files) {
  if (!files.length) return ".";
  let common = dirname(files[0]);
  for (const file of files.slice(1)) {
    while (!file.startsWith(common.endsWith(sep) ? common : common + sep)) common = dirname(common);
  }
  return common;
}
function round2(value, digits) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
export {
  trainStage
};
