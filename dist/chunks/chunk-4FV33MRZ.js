import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-IANH7F2M.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";

// shared/fs/atomic.ts
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { dirname, basename, join } from "node:path";
async function writeFileAtomic(path, data) {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temporary, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
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
var Analysis = external_exports.looseObject({
  verdict: external_exports.enum(["pass", "fail", "inconclusive"]),
  reasons: external_exports.array(external_exports.string()),
  requests: external_exports.number(),
  errors: external_exports.number(),
  error_rate: external_exports.number().nullable(),
  p99_ms: external_exports.number().nullable(),
  prediction_shift: external_exports.number().nullable(),
  shift_p_value: external_exports.number().nullable()
});
var Step = external_exports.looseObject({
  weight: external_exports.number(),
  weights: external_exports.record(external_exports.string(), external_exports.number()),
  bakes: external_exports.number(),
  seconds: external_exports.number(),
  verdict: external_exports.enum(["pass", "fail", "inconclusive"]),
  analysis: Analysis
});
var DeployRecord = external_exports.looseObject({
  environment: external_exports.string(),
  url: external_exports.string().optional(),
  digest: external_exports.string(),
  previous_digest: external_exports.string().nullable().optional(),
  status: external_exports.enum(["success", "rolled_back", "failed"]),
  target: external_exports.string().optional(),
  model: external_exports.string().optional(),
  reference: external_exports.string().optional(),
  version: external_exports.string().optional(),
  previous_version: external_exports.string().nullable().optional(),
  strategy: external_exports.string().optional(),
  gate_verdict: external_exports.string().optional(),
  force_reason: external_exports.string().optional(),
  smoke: external_exports.looseObject({ rows: external_exports.number(), outputs: external_exports.array(external_exports.string()), max_abs_difference: external_exports.number() }).optional(),
  steps: external_exports.array(Step).optional(),
  rollback_reason: external_exports.string().optional(),
  alias: external_exports.string().nullable().optional(),
  deployment_id: external_exports.number().nullable().optional(),
  commit: external_exports.string().nullable().optional(),
  data_fingerprint: external_exports.string().nullable().optional()
});

// shared/record/sections/drift.ts
var DriftRecord = external_exports.looseObject({
  reference: external_exports.string(),
  current: external_exports.string(),
  drifted: external_exports.boolean(),
  drifted_columns: external_exports.array(external_exports.string()).optional(),
  /** Share of the tested columns that drifted. */
  share: external_exports.number().optional(),
  rows: external_exports.number().int().nonnegative().optional(),
  /** The workflow run that made this check: a retrain dispatched by it carries the same URL as `drift_run_url`. */
  run_url: external_exports.string().optional(),
  issue_number: external_exports.number().int().positive().optional(),
  dispatched: external_exports.boolean().optional(),
  results_path: external_exports.string().optional(),
  columns: external_exports.array(
    external_exports.looseObject({
      column: external_exports.string(),
      test: external_exports.string(),
      statistic: external_exports.number(),
      p_value: external_exports.number().nullable().optional(),
      adjusted_p: external_exports.number().optional(),
      effect: external_exports.number().optional(),
      drifted: external_exports.boolean()
    })
  )
});

// shared/record/sections/governance.ts
var Interval = external_exports.tuple([external_exports.number(), external_exports.number()]).nullable();
var Rates = external_exports.looseObject({ rows: external_exports.number(), selection_rate: external_exports.number().nullable(), tpr: external_exports.number().nullable(), fpr: external_exports.number().nullable(), precision: external_exports.number().nullable() });
var FairnessResult = external_exports.looseObject({
  attribute: external_exports.string(),
  metric: external_exports.string(),
  groups: external_exports.record(external_exports.string(), Rates),
  untested_groups: external_exports.array(external_exports.string()).optional(),
  candidate: external_exports.number().nullable(),
  baseline: external_exports.number().nullable(),
  delta: external_exports.number().nullable(),
  ci: Interval,
  candidate_ci: Interval.optional(),
  /** As a metric's verdict (evaluation.ts's MetricVerdict; repeated here: evaluation.ts imports this module). */
  verdict: external_exports.enum(["pass", "fail", "inconclusive", "insufficient-evidence", "reported"]),
  rule: external_exports.string(),
  gated: external_exports.boolean().optional(),
  /** Why the value or an interval is null ("n/a" in reports). */
  undefined_reason: external_exports.string().optional()
});
var Summary = external_exports.looseObject({ mean: external_exports.number().nullable(), ci: external_exports.tuple([external_exports.number().nullable(), external_exports.number().nullable()]) }).nullable();
var ImportanceRecord = external_exports.looseObject({
  metric: external_exports.string(),
  repeats: external_exports.number().int(),
  rows: external_exports.number().int(),
  seed: external_exports.number(),
  features: external_exports.array(external_exports.looseObject({ feature: external_exports.string(), candidate: Summary, baseline: Summary, candidate_rank: external_exports.number().nullable().optional(), baseline_rank: external_exports.number().nullable().optional() }))
});

// shared/record/sections/evaluation.ts
var Verdict = external_exports.enum(["pass", "fail", "inconclusive", "insufficient-evidence"]);
var MetricVerdict = external_exports.enum([...Verdict.options, "reported"]);
var MetricResult = external_exports.looseObject({
  candidate: external_exports.number().nullable(),
  baseline: external_exports.number().nullable().optional(),
  delta: external_exports.number().nullable().optional(),
  /** Confidence interval of the paired difference (candidate - baseline). */
  ci: external_exports.tuple([external_exports.number(), external_exports.number()]).nullable().optional(),
  /** Confidence interval of the candidate's own value. */
  candidate_ci: external_exports.tuple([external_exports.number(), external_exports.number()]).nullable().optional(),
  verdict: MetricVerdict,
  rule: external_exports.string(),
  /** Why the value or an interval is null ("n/a" in reports), e.g. "undefined on these rows (no predicted positives)". */
  undefined_reason: external_exports.string().optional()
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
  holdout: external_exports.looseObject({ fingerprint: external_exports.string(), expected: external_exports.string().optional(), status: external_exports.enum(["match", "changed", "unchecked"]), reason: external_exports.string().optional() }).optional(),
  /** gate.fairness: one result per attribute × metric. */
  fairness: external_exports.array(FairnessResult).optional(),
  /** Permutation feature importance of candidate and baseline. */
  importance: ImportanceRecord.optional()
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

export {
  writeFileAtomic,
  changedSections,
  compareSnapshots,
  MAX_RECORD_BYTES,
  DEFAULT_RECORD_PATH,
  readRecord,
  parseRecord,
  appendSection,
  readSnapshot
};
