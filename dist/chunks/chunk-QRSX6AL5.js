import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  writeFileAtomic
} from "./chunk-OSEBCLTD.js";
import {
  crypto
} from "./chunk-GWCI4O4C.js";
import {
  _default,
  _enum,
  _gt,
  _gte,
  _regex,
  array,
  boolean,
  describe,
  int,
  literal,
  looseObject,
  nullable,
  number2 as number,
  optional,
  record,
  string,
  tuple,
  unknown
} from "./chunk-A3VPNE7V.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";

// shared/record/integrity.ts
var SECTION_NAMES = ["data", "train", "evaluation", "model_card", "registry", "deploy", "drift"];
var IntegrityFlag = looseObject({
  section: string(),
  /** The stage that noticed. */
  stage: string(),
  at: string(),
  why: string(),
  /** Digest of the content found. */
  digest: optional(string())
});
var Integrity = looseObject({
  sections: _default(record(string(), looseObject({ digest: string(), stage: string(), at: string() })), {}),
  flags: _default(array(IntegrityFlag), [])
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
  return `sha256:${crypto().createHash("sha256").update(JSON.stringify(canonical(section))).digest("hex")}`;
}
function changedSections(record2) {
  const recorded = record2.integrity?.sections ?? {};
  const changed = [];
  for (const name of SECTION_NAMES) {
    const entry = recorded[name];
    if (!entry) continue;
    const digest = record2[name] === void 0 ? "absent" : sectionDigest(record2[name]);
    if (digest !== entry.digest) changed.push({ section: name, wroteBy: entry.stage, digest });
  }
  return changed;
}
function snapshotSections(record2) {
  const snapshot = {};
  for (const name of SECTION_NAMES) if (record2?.[name] !== void 0) snapshot[name] = sectionDigest(record2[name]);
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
function nextIntegrity(record2, name, section, stage, at, extraFlags = []) {
  const current = Integrity.parse(record2.integrity ?? {});
  const flags = [...current.flags];
  const known = (flag) => flags.some((f) => f.section === flag.section && f.digest !== void 0 && f.digest === flag.digest);
  for (const change of changedSections(record2)) {
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
var Sha256 = string().check(_regex(/^[0-9a-f]{64}$/, "a lower-case hex sha256"));
var Timestamp = string().check(describe("ISO 8601 time"));
var MetricMap = record(string(), number());
var RunContext = looseObject({
  stage: string(),
  at: Timestamp,
  commit: optional(string()),
  ref: optional(string()),
  repository: optional(string()),
  run_url: optional(string()),
  actor: optional(string()),
  event: optional(string())
});

// shared/record/sections/data.ts
var DataRecord = looseObject({
  fingerprint: string().check(describe("Content hash of the data files")),
  files: array(looseObject({ path: string(), bytes: optional(number().check(int(), _gte(0))), sha256: optional(Sha256) })),
  rows: number().check(int(), _gte(0)),
  columns: optional(number().check(int(), _gte(0))),
  valid: boolean(),
  errors: number().check(int(), _gte(0)),
  warnings: number().check(int(), _gte(0)),
  profile_path: optional(string()),
  results_path: optional(string()),
  /** The `data` input (path or glob) that was validated. */
  data: optional(string()),
  /** Per-column headline profile, small enough to live in the record. */
  profile_summary: optional(array(looseObject({ name: string(), type: string(), null_fraction: optional(number()), distinct: optional(number()), min: optional(unknown()), max: optional(unknown()), mean: optional(nullable(number())) })))
});

// shared/record/sections/deploy.ts
var Analysis = looseObject({
  verdict: _enum(["pass", "fail", "inconclusive"]),
  reasons: array(string()),
  requests: number(),
  errors: number(),
  error_rate: nullable(number()),
  p99_ms: nullable(number()),
  prediction_shift: nullable(number()),
  shift_p_value: nullable(number())
});
var Step = looseObject({
  weight: number(),
  weights: record(string(), number()),
  bakes: number(),
  seconds: number(),
  verdict: _enum(["pass", "fail", "inconclusive"]),
  analysis: Analysis
});
var DeployRecord = looseObject({
  environment: string(),
  url: optional(string()),
  digest: string(),
  previous_digest: optional(nullable(string())),
  status: _enum(["success", "rolled_back", "failed"]),
  target: optional(string()),
  model: optional(string()),
  reference: optional(string()),
  version: optional(string()),
  previous_version: optional(nullable(string())),
  strategy: optional(string()),
  gate_verdict: optional(string()),
  force_reason: optional(string()),
  smoke: optional(looseObject({ rows: number(), outputs: array(string()), max_abs_difference: number() })),
  steps: optional(array(Step)),
  rollback_reason: optional(string()),
  alias: optional(nullable(string())),
  deployment_id: optional(nullable(number())),
  commit: optional(nullable(string())),
  data_fingerprint: optional(nullable(string()))
});

// shared/record/sections/drift.ts
var DriftRecord = looseObject({
  reference: string(),
  current: string(),
  drifted: boolean(),
  drifted_columns: optional(array(string())),
  /** Share of the tested columns that drifted. */
  share: optional(number()),
  rows: optional(number().check(int(), _gte(0))),
  /** The workflow run that made this check: a retrain dispatched by it carries the same URL as `drift_run_url`. */
  run_url: optional(string()),
  issue_number: optional(number().check(int(), _gt(0))),
  dispatched: optional(boolean()),
  results_path: optional(string()),
  columns: array(looseObject({
    column: string(),
    test: string(),
    statistic: number(),
    p_value: optional(nullable(number())),
    adjusted_p: optional(number()),
    effect: optional(number()),
    drifted: boolean()
  }))
});

// shared/record/sections/governance.ts
var Interval = nullable(tuple([number(), number()]));
var Rates = looseObject({ rows: number(), selection_rate: nullable(number()), tpr: nullable(number()), fpr: nullable(number()), precision: nullable(number()) });
var FairnessResult = looseObject({
  attribute: string(),
  metric: string(),
  groups: record(string(), Rates),
  untested_groups: optional(array(string())),
  candidate: nullable(number()),
  baseline: nullable(number()),
  delta: nullable(number()),
  ci: Interval,
  candidate_ci: optional(Interval),
  /** As a metric's verdict (evaluation.ts's MetricVerdict; repeated here: evaluation.ts imports this module). */
  verdict: _enum(["pass", "fail", "inconclusive", "insufficient-evidence", "reported"]),
  rule: string(),
  gated: optional(boolean()),
  /** Why the value or an interval is null ("n/a" in reports). */
  undefined_reason: optional(string())
});
var Summary = nullable(looseObject({ mean: nullable(number()), ci: tuple([nullable(number()), nullable(number())]) }));
var ImportanceRecord = looseObject({
  metric: string(),
  repeats: number().check(int()),
  rows: number().check(int()),
  seed: number(),
  features: array(looseObject({ feature: string(), candidate: Summary, baseline: Summary, candidate_rank: optional(nullable(number())), baseline_rank: optional(nullable(number())) }))
});

// shared/record/sections/evaluation.ts
var Verdict = _enum(["pass", "fail", "inconclusive", "insufficient-evidence"]);
var MetricVerdict = _enum([...Verdict.options, "reported"]);
var MetricResult = looseObject({
  candidate: nullable(number()),
  baseline: optional(nullable(number())),
  delta: optional(nullable(number())),
  /** Confidence interval of the paired difference (candidate - baseline). */
  ci: optional(nullable(tuple([number(), number()]))),
  /** Confidence interval of the candidate's own value. */
  candidate_ci: optional(nullable(tuple([number(), number()]))),
  verdict: MetricVerdict,
  rule: string(),
  /** Why the value or an interval is null ("n/a" in reports), e.g. "undefined on these rows (no predicted positives)". */
  undefined_reason: optional(string())
});
var EvaluationRecord = looseObject({
  task: _enum(["classification", "regression"]),
  model: looseObject({ path: string(), sha256: Sha256 }),
  data: looseObject({ path: string(), fingerprint: optional(string()), rows: number().check(int(), _gte(0)) }),
  baseline: nullable(looseObject({ ref: string(), sha256: optional(Sha256) })),
  alpha: number(),
  metrics: record(string(), MetricResult),
  slices: optional(array(looseObject({ column: string(), value: string(), rows: number(), metrics: record(string(), MetricResult) }))),
  verdict: Verdict,
  passed: boolean(),
  override: optional(looseObject({ reason: string() })),
  /** The holdout checked against the champion's (or the pinned) fingerprint. */
  holdout: optional(looseObject({ fingerprint: string(), expected: optional(string()), status: _enum(["match", "changed", "unchecked"]), reason: optional(string()) })),
  /** gate.fairness: one result per attribute × metric. */
  fairness: optional(array(FairnessResult)),
  /** Permutation feature importance of candidate and baseline. */
  importance: optional(ImportanceRecord)
});

// shared/record/sections/model-card.ts
var ModelCardRecord = looseObject({
  path: string(),
  json_path: string(),
  sha256: Sha256,
  missing_sections: _default(array(string()), [])
});

// shared/record/sections/registry.ts
var RegistryRecord = looseObject({
  registry: string(),
  name: string(),
  version: string(),
  digest: string().check(_regex(/^sha256:[0-9a-f]{64}$/)),
  reference: string(),
  aliases: _default(array(string()), []),
  force_reason: optional(string()),
  /** Digest of the model layer (the model file's sha256, prefixed). */
  model_digest: optional(string()),
  /** The gate verdict the version was registered with ('none' without an evaluation). */
  gate_verdict: optional(string())
});

// shared/record/sections/train.ts
var GpuInfo = looseObject({
  index: optional(number().check(int())),
  name: string(),
  memory_mb: optional(number()),
  driver: optional(string()),
  cuda: optional(string()),
  uuid: optional(string())
});
var GpuTelemetryRecord = looseObject({
  index: number().check(int()),
  samples: number().check(int(), _gte(0)),
  utilization_mean: optional(number()),
  utilization_max: optional(number()),
  memory_used_max_mb: optional(number()),
  power_mean_w: optional(number()),
  power_max_w: optional(number()),
  temperature_max_c: optional(number()),
  series: optional(array(looseObject({
    t: number().check(describe("seconds since the sampler started")),
    utilization: optional(number()),
    memory_used_mb: optional(number()),
    power_w: optional(number()),
    temperature_c: optional(number())
  })))
});
var TrainRecord = looseObject({
  command: string(),
  working_directory: optional(string()),
  /** How the run ended; absent in records written before the train stage recorded it. */
  status: optional(_enum(["succeeded", "failed", "timed_out", "cancelled"])),
  /** Why the stage failed, when it did. */
  failure: optional(string()),
  timeout_minutes: optional(number()),
  params: optional(record(string(), unknown())),
  params_path: optional(string()),
  metrics_path: optional(string()),
  environment: looseObject({
    runner: optional(string()),
    runner_environment: optional(string()),
    os: optional(string()),
    arch: optional(string()),
    labels: optional(array(string())),
    cpu: optional(string()),
    cpus: optional(number()),
    memory_mb: optional(number()),
    gpus: _default(array(GpuInfo), []),
    cuda_visible_devices: optional(string()),
    python: optional(string()),
    frameworks: optional(record(string(), string())),
    git: optional(looseObject({ commit: optional(string()), dirty: optional(boolean()) }))
  }),
  started_at: Timestamp,
  duration_seconds: number().check(_gte(0)),
  exit_code: number().check(int()),
  metrics: _default(MetricMap, {}),
  series: optional(record(string(), array(looseObject({ step: optional(number()), value: number() })))),
  telemetry: optional(looseObject({
    interval_seconds: number().check(_gt(0)),
    gpus: array(GpuTelemetryRecord),
    problem: optional(string())
  })),
  model: optional(looseObject({ path: string(), sha256: Sha256, bytes: number().check(int(), _gte(0)) }))
});

// shared/record/schema.ts
var RECORD_SCHEMA_VERSION = 1;
var RunRecordSchema = looseObject({
  schema_version: literal(RECORD_SCHEMA_VERSION),
  kind: literal("mlops-run"),
  created_at: Timestamp,
  updated_at: Timestamp,
  model: optional(looseObject({ name: optional(string()), task: optional(string()) })),
  /** One entry per stage run that wrote to this record, oldest first. */
  history: _default(array(RunContext), []),
  data: optional(DataRecord),
  train: optional(TrainRecord),
  evaluation: optional(EvaluationRecord),
  model_card: optional(ModelCardRecord),
  registry: optional(RegistryRecord),
  deploy: optional(DeployRecord),
  drift: optional(DriftRecord),
  /** Digests of the sections as their stages wrote them, and changes noticed since (integrity.ts). */
  integrity: optional(looseObject({
    sections: _default(record(string(), looseObject({ digest: string(), stage: string(), at: string() })), {}),
    flags: _default(array(looseObject({ section: string(), stage: string(), at: string(), why: string(), digest: optional(string()) })), [])
  }))
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
function withSection(record2, name, section, context, flags = []) {
  const parsed = RunRecordSchema.parse({ ...record2, [name]: section });
  const integrity = nextIntegrity(record2, name, parsed[name], context.stage, context.at, flags);
  return RunRecordSchema.parse({ ...parsed, updated_at: context.at, history: [...record2.history, context], integrity });
}
async function writeRecord(path, record2) {
  await writeFileAtomic(path, `${JSON.stringify(RunRecordSchema.parse(record2), null, 2)}
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
  changedSections,
  compareSnapshots,
  MAX_RECORD_BYTES,
  DEFAULT_RECORD_PATH,
  readRecord,
  parseRecord,
  appendSection,
  readSnapshot
};
