import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  writeFileAtomic
} from "./chunk-YVVIEIOO.js";
import {
  UserError,
  external_exports
} from "./chunk-T2QH2H4B.js";

// shared/host/inputs.ts
function bad(name, value, expected) {
  return new UserError(`input "${name}" is "${value}", expected ${expected}`, { where: { key: name } });
}
function requiredInput(host, name) {
  const value = host.input(name).trim();
  if (!value) throw new UserError(`input "${name}" is required`, { where: { key: name }, hint: `Set \`${name}\` in the step's \`with:\` (or --${name} on the CLI).` });
  return value;
}
function optionalInput(host, name) {
  return host.input(name).trim() || void 0;
}
function booleanInput(host, name, fallback) {
  const value = host.input(name).trim().toLowerCase();
  if (value === "") return fallback;
  if (["true", "yes", "1", "on"].includes(value)) return true;
  if (["false", "no", "0", "off"].includes(value)) return false;
  throw bad(name, value, "true or false");
}
function numberInput(host, name, options = {}) {
  const raw = host.input(name).trim();
  if (raw === "") return void 0;
  const value = Number(raw);
  const expected = `${options.integer ? "an integer" : "a number"}${options.min !== void 0 ? ` >= ${options.min}` : ""}${options.max !== void 0 ? ` <= ${options.max}` : ""}`;
  if (!Number.isFinite(value) || options.integer && !Number.isInteger(value)) throw bad(name, raw, expected);
  if (options.min !== void 0 && value < options.min || options.max !== void 0 && value > options.max) throw bad(name, raw, expected);
  return value;
}
function enumInput(host, name, allowed, fallback) {
  const value = host.input(name).trim();
  if (value === "") return fallback;
  if (allowed.includes(value)) return value;
  throw bad(name, value, `one of ${allowed.join(", ")}`);
}
function listInput(host, name) {
  return host.input(name).split(/[,\n]/).map((item) => item.trim()).filter(Boolean);
}

// shared/record/context.ts
import { execFileSync } from "node:child_process";
function runContext(host, stage, now = /* @__PURE__ */ new Date()) {
  const repository = host.env("GITHUB_REPOSITORY");
  const server = host.env("GITHUB_SERVER_URL") ?? "https://github.com";
  const runId = host.env("GITHUB_RUN_ID");
  const context = {
    stage,
    at: now.toISOString(),
    commit: host.env("GITHUB_SHA") ?? localCommit(host.cwd),
    ref: host.env("GITHUB_REF"),
    repository,
    run_url: repository && runId ? `${server}/${repository}/actions/runs/${runId}` : void 0,
    actor: host.env("GITHUB_ACTOR") ?? host.env("USER"),
    event: host.env("GITHUB_EVENT_NAME")
  };
  return Object.fromEntries(Object.entries(context).filter(([, v]) => v !== void 0));
}
function localCommit(cwd) {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || void 0;
  } catch {
    return void 0;
  }
}

// shared/record/integrity.ts
import { createHash } from "node:crypto";
var SECTION_NAMES = ["data", "train", "evaluation", "model_card", "registry", "deploy", "drift"];
var IntegrityFlag = external_exports.looseObject({
  section: external_exports.string(),
  /** The stage that noticed. */
  stage: external_exports.string(),
  at: external_exports.string(),
  why: external_exports.string(),
  /** Digest of the content found. */
  digest: external_exports.string().optional()
});
var Integrity = external_exports.looseObject({
  sections: external_exports.record(external_exports.string(), external_exports.looseObject({ digest: external_exports.string(), stage: external_exports.string(), at: external_exports.string() })).default({}),
  flags: external_exports.array(IntegrityFlag).default([])
});
function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).filter(([, v]) => v !== void 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([k, v]) => [k, canonical(v)])
    );
  }
  return value;
}
function sectionDigest(section) {
  return `sha256:${createHash("sha256").update(JSON.stringify(canonical(section))).digest("hex")}`;
}
function changedSections(record) {
  const recorded = record.integrity?.sections ?? {};
  const changed = [];
  for (const name of SECTION_NAMES) {
    const entry = recorded[name];
    if (!entry) continue;
    const digest = record[name] === void 0 ? "absent" : sectionDigest(record[name]);
    if (digest !== entry.digest) changed.push({ section: name, wroteBy: entry.stage, digest });
  }
  return changed;
}
function snapshotSections(record) {
  const snapshot = {};
  for (const name of SECTION_NAMES) if (record?.[name] !== void 0) snapshot[name] = sectionDigest(record[name]);
  return snapshot;
}
function compareSnapshots(before, after, stage, at, why) {
  if (!before && !after) return [];
  if (!before || !after) return [{ section: "*", stage, at, why: `the run record became ${after ? "readable" : "unreadable"} ${why}` }];
  const flags = [];
  for (const name of SECTION_NAMES) {
    if (before[name] === after[name]) continue;
    flags.push({ section: name, stage, at, why: `${before[name] === void 0 ? "written" : after[name] === void 0 ? "removed" : "rewritten"} ${why}`, ...after[name] ? { digest: after[name] } : {} });
  }
  return flags;
}
function nextIntegrity(record, name, section, stage, at, extraFlags = []) {
  const current = Integrity.parse(record.integrity ?? {});
  const flags = [...current.flags];
  const known = (flag) => flags.some((f) => f.section === flag.section && f.digest !== void 0 && f.digest === flag.digest);
  for (const change of changedSections(record)) {
    const flag = { section: change.section, stage, at, why: `changed after ${change.wroteBy} wrote it`, digest: change.digest };
    if (!known(flag)) flags.push(flag);
  }
  for (const flag of extraFlags) if (!known(flag)) flags.push(flag);
  return { sections: { ...current.sections, [name]: { digest: sectionDigest(section), stage, at } }, flags };
}

// shared/record/record.ts
import { readFile } from "node:fs/promises";

// shared/record/json-limits.ts
var MAX_RECORD_DEPTH = 64;
var MAX_RECORD_BYTES = 64 * 1024 * 1024;
function lineDeeperThan(text, maxDepth) {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) line++;
    if (inString) {
      if (ch === 92) i++;
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) {
      if (++depth > maxDepth) return line;
    } else if (ch === 125 || ch === 93) depth--;
  }
  return void 0;
}

// shared/record/sections/common.ts
var Sha256 = external_exports.string().regex(/^[0-9a-f]{64}$/, "a lower-case hex sha256");
var Timestamp = external_exports.string().describe("ISO 8601 time");
var MetricMap = external_exports.record(external_exports.string(), external_exports.number());
var RunContext = external_exports.looseObject({
  stage: external_exports.string(),
  at: Timestamp,
  commit: external_exports.string().optional(),
  ref: external_exports.string().optional(),
  repository: external_exports.string().optional(),
  run_url: external_exports.string().optional(),
  actor: external_exports.string().optional(),
  event: external_exports.string().optional()
});

// shared/record/sections/data.ts
var DataRecord = external_exports.looseObject({
  fingerprint: external_exports.string().describe("Content hash of the data files"),
  files: external_exports.array(external_exports.looseObject({ path: external_exports.string(), bytes: external_exports.number().int().nonnegative().optional(), sha256: Sha256.optional() })),
  rows: external_exports.number().int().nonnegative(),
  columns: external_exports.number().int().nonnegative().optional(),
  valid: external_exports.boolean(),
  errors: external_exports.number().int().nonnegative(),
  warnings: external_exports.number().int().nonnegative(),
  profile_path: external_exports.string().optional(),
  results_path: external_exports.string().optional(),
  /** The `data` input (path or glob) that was validated. */
  data: external_exports.string().optional(),
  /** Per-column headline profile, small enough to live in the record. */
  profile_summary: external_exports.array(external_exports.looseObject({ name: external_exports.string(), type: external_exports.string(), null_fraction: external_exports.number().optional(), distinct: external_exports.number().optional(), min: external_exports.unknown().optional(), max: external_exports.unknown().optional(), mean: external_exports.number().nullable().optional() })).optional()
});

// shared/record/sections/deploy.ts
var DeployRecord = external_exports.looseObject({
  environment: external_exports.string(),
  url: external_exports.string().optional(),
  digest: external_exports.string(),
  previous_digest: external_exports.string().nullable().optional(),
  status: external_exports.enum(["success", "rolled_back", "failed"])
});

// shared/record/sections/drift.ts
var DriftRecord = external_exports.looseObject({
  reference: external_exports.string(),
  current: external_exports.string(),
  drifted: external_exports.boolean(),
  columns: external_exports.array(external_exports.looseObject({ column: external_exports.string(), test: external_exports.string(), statistic: external_exports.number(), p_value: external_exports.number().nullable().optional(), drifted: external_exports.boolean() }))
});

// shared/record/sections/evaluation.ts
var Verdict = external_exports.enum(["pass", "fail", "inconclusive"]);
var MetricResult = external_exports.looseObject({
  candidate: external_exports.number().nullable(),
  baseline: external_exports.number().nullable().optional(),
  delta: external_exports.number().nullable().optional(),
  /** Confidence interval of the paired difference (candidate - baseline). */
  ci: external_exports.tuple([external_exports.number(), external_exports.number()]).nullable().optional(),
  /** Confidence interval of the candidate's own value. */
  candidate_ci: external_exports.tuple([external_exports.number(), external_exports.number()]).nullable().optional(),
  verdict: Verdict,
  rule: external_exports.string()
});
var EvaluationRecord = external_exports.looseObject({
  task: external_exports.enum(["classification", "regression"]),
  model: external_exports.looseObject({ path: external_exports.string(), sha256: Sha256 }),
  data: external_exports.looseObject({ path: external_exports.string(), fingerprint: external_exports.string().optional(), rows: external_exports.number().int().nonnegative() }),
  baseline: external_exports.looseObject({ ref: external_exports.string(), sha256: Sha256.optional() }).nullable(),
  alpha: external_exports.number(),
  metrics: external_exports.record(external_exports.string(), MetricResult),
  slices: external_exports.array(external_exports.looseObject({ column: external_exports.string(), value: external_exports.string(), rows: external_exports.number(), metrics: external_exports.record(external_exports.string(), MetricResult) })).optional(),
  verdict: Verdict,
  passed: external_exports.boolean(),
  override: external_exports.looseObject({ reason: external_exports.string() }).optional(),
  /** The holdout checked against the champion's (or the pinned) fingerprint. */
  holdout: external_exports.looseObject({ fingerprint: external_exports.string(), expected: external_exports.string().optional(), status: external_exports.enum(["match", "changed", "unchecked"]), reason: external_exports.string().optional() }).optional()
});

// shared/record/sections/model-card.ts
var ModelCardRecord = external_exports.looseObject({
  path: external_exports.string(),
  json_path: external_exports.string(),
  sha256: Sha256,
  missing_sections: external_exports.array(external_exports.string()).default([])
});

// shared/record/sections/registry.ts
var RegistryRecord = external_exports.looseObject({
  registry: external_exports.string(),
  name: external_exports.string(),
  version: external_exports.string(),
  digest: external_exports.string().regex(/^sha256:[0-9a-f]{64}$/),
  reference: external_exports.string(),
  aliases: external_exports.array(external_exports.string()).default([]),
  force_reason: external_exports.string().optional(),
  /** Digest of the model layer (the model file's sha256, prefixed). */
  model_digest: external_exports.string().optional(),
  /** The gate verdict the version was registered with ('none' without an evaluation). */
  gate_verdict: external_exports.string().optional()
});

// shared/record/sections/train.ts
var GpuInfo = external_exports.looseObject({
  index: external_exports.number().int().optional(),
  name: external_exports.string(),
  memory_mb: external_exports.number().optional(),
  driver: external_exports.string().optional(),
  cuda: external_exports.string().optional(),
  uuid: external_exports.string().optional()
});
var GpuTelemetryRecord = external_exports.looseObject({
  index: external_exports.number().int(),
  samples: external_exports.number().int().nonnegative(),
  utilization_mean: external_exports.number().optional(),
  utilization_max: external_exports.number().optional(),
  memory_used_max_mb: external_exports.number().optional(),
  power_mean_w: external_exports.number().optional(),
  power_max_w: external_exports.number().optional(),
  temperature_max_c: external_exports.number().optional(),
  series: external_exports.array(
    external_exports.looseObject({
      t: external_exports.number().describe("seconds since the sampler started"),
      utilization: external_exports.number().optional(),
      memory_used_mb: external_exports.number().optional(),
      power_w: external_exports.number().optional(),
      temperature_c: external_exports.number().optional()
    })
  ).optional()
});
var TrainRecord = external_exports.looseObject({
  command: external_exports.string(),
  working_directory: external_exports.string().optional(),
  /** How the run ended; absent in records written before the train stage recorded it. */
  status: external_exports.enum(["succeeded", "failed", "timed_out", "cancelled"]).optional(),
  /** Why the stage failed, when it did. */
  failure: external_exports.string().optional(),
  timeout_minutes: external_exports.number().optional(),
  params: external_exports.record(external_exports.string(), external_exports.unknown()).optional(),
  params_path: external_exports.string().optional(),
  metrics_path: external_exports.string().optional(),
  environment: external_exports.looseObject({
    runner: external_exports.string().optional(),
    runner_environment: external_exports.string().optional(),
    os: external_exports.string().optional(),
    arch: external_exports.string().optional(),
    labels: external_exports.array(external_exports.string()).optional(),
    cpu: external_exports.string().optional(),
    cpus: external_exports.number().optional(),
    memory_mb: external_exports.number().optional(),
    gpus: external_exports.array(GpuInfo).default([]),
    cuda_visible_devices: external_exports.string().optional(),
    python: external_exports.string().optional(),
    frameworks: external_exports.record(external_exports.string(), external_exports.string()).optional(),
    git: external_exports.looseObject({ commit: external_exports.string().optional(), dirty: external_exports.boolean().optional() }).optional()
  }),
  started_at: Timestamp,
  duration_seconds: external_exports.number().nonnegative(),
  exit_code: external_exports.number().int(),
  metrics: MetricMap.default({}),
  series: external_exports.record(external_exports.string(), external_exports.array(external_exports.looseObject({ step: external_exports.number().optional(), value: external_exports.number() }))).optional(),
  telemetry: external_exports.looseObject({
    interval_seconds: external_exports.number().positive(),
    gpus: external_exports.array(GpuTelemetryRecord),
    problem: external_exports.string().optional()
  }).optional(),
  model: external_exports.looseObject({ path: external_exports.string(), sha256: Sha256, bytes: external_exports.number().int().nonnegative() }).optional()
});

// shared/record/schema.ts
var RECORD_SCHEMA_VERSION = 1;
var RunRecordSchema = external_exports.looseObject({
  schema_version: external_exports.literal(RECORD_SCHEMA_VERSION),
  kind: external_exports.literal("mlops-run"),
  created_at: Timestamp,
  updated_at: Timestamp,
  model: external_exports.looseObject({ name: external_exports.string().optional(), task: external_exports.string().optional() }).optional(),
  /** One entry per stage run that wrote to this record, oldest first. */
  history: external_exports.array(RunContext).default([]),
  data: DataRecord.optional(),
  train: TrainRecord.optional(),
  evaluation: EvaluationRecord.optional(),
  model_card: ModelCardRecord.optional(),
  registry: RegistryRecord.optional(),
  deploy: DeployRecord.optional(),
  drift: DriftRecord.optional(),
  /** Digests of the sections as their stages wrote them, and changes noticed since (integrity.ts). */
  integrity: external_exports.looseObject({
    sections: external_exports.record(external_exports.string(), external_exports.looseObject({ digest: external_exports.string(), stage: external_exports.string(), at: external_exports.string() })).default({}),
    flags: external_exports.array(external_exports.looseObject({ section: external_exports.string(), stage: external_exports.string(), at: external_exports.string(), why: external_exports.string(), digest: external_exports.string().optional() })).default([])
  }).optional()
});

// shared/record/record.ts
var DEFAULT_RECORD_PATH = "mlops-out/mlops-run.json";
function newRecord(now = /* @__PURE__ */ new Date()) {
  const at = now.toISOString();
  return { schema_version: RECORD_SCHEMA_VERSION, kind: "mlops-run", created_at: at, updated_at: at, history: [] };
}
async function readRecord(path, displayPath = path) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw new UserError(`cannot read run record (${error.code ?? String(error)})`, { where: { file: displayPath } });
  }
  return parseRecord(text, displayPath);
}
function parseRecord(text, file) {
  if (text.length > MAX_RECORD_BYTES) {
    throw new UserError(`run record is larger than ${MAX_RECORD_BYTES / 1048576} MiB`, { where: { file }, hint: "A run record holds metadata only; the file is corrupt or was written by something else." });
  }
  const deepLine = lineDeeperThan(text, MAX_RECORD_DEPTH);
  if (deepLine !== void 0) {
    throw new UserError(`run record is nested deeper than ${MAX_RECORD_DEPTH} levels`, {
      where: { file, line: deepLine },
      hint: "The file is corrupt or was rewritten by the training command; restore it from the workflow artifact."
    });
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UserError(`run record is not valid JSON (${error.message})`, {
      where: { file },
      hint: "The file is corrupt; restore it from the workflow artifact or delete it to start a new record."
    });
  }
  const version = data?.schema_version;
  if (typeof version === "number" && version > RECORD_SCHEMA_VERSION) {
    throw new UserError(`run record has schema_version ${version}, newer than this version of mlops-actions understands (${RECORD_SCHEMA_VERSION})`, {
      where: { file, key: "schema_version" },
      hint: "Upgrade the mlops-actions version used by this step to the one that wrote the record."
    });
  }
  const result = RunRecordSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new UserError(`run record is invalid: ${issue.message}`, {
      where: { file, key: issue.path.map(String).join(".") || "(top level)" },
      hint: "The file was not written by mlops-actions or is corrupt."
    });
  }
  return result.data;
}
function withSection(record, name, section, context, flags = []) {
  const parsed = RunRecordSchema.parse({ ...record, [name]: section });
  const integrity = nextIntegrity(record, name, parsed[name], context.stage, context.at, flags);
  return RunRecordSchema.parse({ ...parsed, updated_at: context.at, history: [...record.history, context], integrity });
}
async function writeRecord(path, record) {
  await writeFileAtomic(path, `${JSON.stringify(RunRecordSchema.parse(record), null, 2)}
`);
}
async function appendSection(path, name, section, context, displayPath = path, flags = []) {
  const current = await readRecord(path, displayPath) ?? newRecord(new Date(context.at));
  const next = withSection(current, name, section, context, flags);
  await writeRecord(path, next);
  return next;
}
async function readSnapshot(path, displayPath = path) {
  try {
    return snapshotSections(await readRecord(path, displayPath));
  } catch {
    return void 0;
  }
}

// node_modules/markdown-table/index.js
function defaultStringLength(value) {
  return value.length;
}
function markdownTable(table2, options) {
  const settings = options || {};
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  const alignments = [];
  const cellMatrix = [];
  const sizeMatrix = [];
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;
  while (++rowIndex < table2.length) {
    const row2 = [];
    const sizes2 = [];
    let columnIndex2 = -1;
    if (table2[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table2[rowIndex].length;
    }
    while (++columnIndex2 < table2[rowIndex].length) {
      const cell = serialize(table2[rowIndex][columnIndex2]);
      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes2[columnIndex2] = size;
        if (longestCellByColumn[columnIndex2] === void 0 || size > longestCellByColumn[columnIndex2]) {
          longestCellByColumn[columnIndex2] = size;
        }
      }
      row2.push(cell);
    }
    cellMatrix[rowIndex] = row2;
    sizeMatrix[rowIndex] = sizes2;
  }
  let columnIndex = -1;
  if (typeof align === "object" && "length" in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code2 = toAlignment(align);
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code2;
    }
  }
  columnIndex = -1;
  const row = [];
  const sizes = [];
  while (++columnIndex < mostCellsPerRow) {
    const code2 = alignments[columnIndex];
    let before = "";
    let after = "";
    if (code2 === 99) {
      before = ":";
      after = ":";
    } else if (code2 === 108) {
      before = ":";
    } else if (code2 === 114) {
      after = ":";
    }
    let size = settings.alignDelimiters === false ? 1 : Math.max(
      1,
      longestCellByColumn[columnIndex] - before.length - after.length
    );
    const cell = before + "-".repeat(size) + after;
    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;
      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }
      sizes[columnIndex] = size;
    }
    row[columnIndex] = cell;
  }
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);
  rowIndex = -1;
  const lines = [];
  while (++rowIndex < cellMatrix.length) {
    const row2 = cellMatrix[rowIndex];
    const sizes2 = sizeMatrix[rowIndex];
    const cellsInRow = settings.fillRows === false ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length) : mostCellsPerRow;
    columnIndex = -1;
    const line = [];
    while (++columnIndex < cellsInRow) {
      const cell = row2[columnIndex] || "";
      let before = "";
      let after = "";
      if (settings.alignDelimiters !== false) {
        const size = longestCellByColumn[columnIndex] - (sizes2[columnIndex] || 0);
        const code2 = alignments[columnIndex];
        if (code2 === 114) {
          before = " ".repeat(size);
        } else if (code2 === 99) {
          const half = size / 2;
          if (size % 2) {
            before = " ".repeat(half + 0.5);
            after = " ".repeat(half - 0.5);
          } else {
            before = " ".repeat(half);
            after = before;
          }
        } else {
          after = " ".repeat(size);
        }
      }
      if (settings.delimiterStart !== false && !columnIndex) {
        line.push("|");
      }
      if (settings.padding !== false && // Don’t add the opening space if we’re not aligning and the cell is
      // empty: there will be a closing space.
      !(settings.alignDelimiters === false && cell === "") && (settings.delimiterStart !== false || columnIndex)) {
        line.push(" ");
      }
      if (settings.alignDelimiters !== false) {
        line.push(before);
      }
      line.push(cell);
      if (settings.alignDelimiters !== false) {
        line.push(after);
      }
      if (settings.padding !== false) {
        line.push(" ");
      }
      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push("|");
      }
    }
    lines.push(
      settings.delimiterEnd === false ? line.join("").replace(/ +$/, "") : line.join("")
    );
  }
  return lines.join("\n");
}
function serialize(value) {
  return value === null || value === void 0 ? "" : String(value);
}
function toAlignment(value) {
  const code2 = typeof value === "string" ? value.codePointAt(0) : 0;
  return code2 === 67 || code2 === 99 ? 99 : code2 === 76 || code2 === 108 ? 108 : code2 === 82 || code2 === 114 ? 114 : 0;
}

// shared/report/markdown.ts
var LINE_TERMINATORS = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
var INLINE_SPECIAL = /[\\`*_[\]<>#|~]/g;
var AS_REFERENCE = { "<": "&lt;", ">": "&gt;", "[": "&#91;", "]": "&#93;", "|": "&#124;", "\\": "&#92;" };
var WORD_JOINER = "\u2060";
function dropControls(text) {
  return text.replace(/[\u0000-\u0008\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, (ch) => ch === "\0" ? "\uFFFD" : "");
}
function unlinkReferences(text) {
  return text.replace(/@(?=[A-Za-z0-9])/g, `@${WORD_JOINER}`).replace(/(?<!&)#(?=\d)/g, `#${WORD_JOINER}`).replace(/(GH)-(?=\d)/gi, `$1-${WORD_JOINER}`).replace(/:(?=\/\/)/g, `:${WORD_JOINER}`).replace(/(www)\./gi, `$1${WORD_JOINER}.`);
}
function escapeInline(text) {
  return unlinkReferences(text.replace(/&/g, "&amp;").replace(INLINE_SPECIAL, (ch) => AS_REFERENCE[ch] ?? `\\${ch}`));
}
function escapeLineStart(line) {
  return line.replace(/^[ \t]+/, "").replace(/^([-+=])/, "\\$1").replace(/^(\d{1,9})([.)])/, "$1\\$2");
}
function escapeText(text) {
  return dropControls(text).split(LINE_TERMINATORS).map((line) => escapeLineStart(escapeInline(line))).join("\n");
}
function escapeCell(text) {
  return escapeInline(dropControls(text).replace(LINE_TERMINATORS, " "));
}
function code(text) {
  const clean = dropControls(text).replace(LINE_TERMINATORS, " ");
  if (clean === "") return "` `";
  const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${clean.startsWith("`") || clean.endsWith("`") || /^ .* $/.test(clean) ? ` ${clean} ` : clean}${fence}`;
}
function table(header, rows, align) {
  const cell = (value) => value.replace(LINE_TERMINATORS, " ").replace(/\\(?=\|)/g, "\\\u2060").replace(/\|/g, "\\|");
  return markdownTable([header.map(cell), ...rows.map((row) => row.map(cell))], { align, alignDelimiters: false });
}
function escapeHtml(text) {
  return unlinkReferences(
    dropControls(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(LINE_TERMINATORS, " ")
  );
}
function details(summary, body) {
  return `<details><summary>${escapeHtml(summary)}</summary>

${body}

</details>`;
}
function formatNumber(value, digits = 4) {
  if (value === null || value === void 0 || Number.isNaN(value)) return "\u2014";
  if (!Number.isFinite(value)) return value > 0 ? "\u221E" : "\u2212\u221E";
  if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-4)) return value.toExponential(digits - 1);
  return Number(value.toPrecision(digits)).toString();
}
function link(text, url) {
  if (!url || !/^https?:\/\//.test(url)) return escapeCell(text);
  const safeUrl = url.replace(/[^A-Za-z0-9\-._~:/?#@!$&*+,;=%]/gu, (ch) => encodeURIComponent(ch).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
  return `[${escapeCell(text)}](${safeUrl})`;
}
function mermaidLabel(text, maxLength = 40) {
  return `"${[...text.replace(/[^\p{L}\p{N} .,:=≥–\-_/%+]/gu, "?")].slice(0, maxLength).join("")}"`;
}

export {
  requiredInput,
  optionalInput,
  booleanInput,
  numberInput,
  enumInput,
  listInput,
  runContext,
  changedSections,
  compareSnapshots,
  DEFAULT_RECORD_PATH,
  readRecord,
  parseRecord,
  appendSection,
  readSnapshot,
  escapeText,
  escapeCell,
  code,
  table,
  details,
  formatNumber,
  link,
  mermaidLabel
};
