import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  suggestKey
} from "./chunk-PZERGBQP.js";
import {
  require_dist
} from "./chunk-WFCI6QGH.js";
import {
  external_exports
} from "./chunk-IANH7F2M.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";
import {
  __toESM
} from "./chunk-D4RZRY5B.js";

// shared/config/sections/model-card.ts
var text = (what) => external_exports.string().describe(what);
var ModelCardSection = external_exports.strictObject({
  owners: external_exports.array(external_exports.string().min(1)).optional().describe("Teams or people who own the model."),
  license: text("SPDX identifier or name of the model licence.").optional(),
  description: text("What the model is and does.").optional(),
  version_notes: text("What changed in this version.").optional(),
  references: external_exports.array(external_exports.string()).optional().describe("Papers, docs or links about the model."),
  citation: text("How to cite the model.").optional(),
  contact: text("Where to send questions or concerns.").optional(),
  intended_use: text("Primary intended uses and users.").optional(),
  out_of_scope: text("Uses the model is not meant or fit for.").optional(),
  factors: text("Groups, instruments or environments whose performance may differ.").optional(),
  metrics: text("Why these metrics and thresholds were chosen.").optional(),
  training_data: text("Training data: source, collection, preprocessing.").optional(),
  evaluation_data: text("Evaluation data: source, why chosen, preprocessing.").optional(),
  ethical_considerations: text("Risks, sensitive data, mitigations.").optional(),
  limitations: text("Known limitations.").optional(),
  caveats: text("Caveats and recommendations.").optional()
}).describe("Human-written parts of the model card.");
var modelCardKeys = Object.keys(ModelCardSection.shape);

// shared/config/load.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

// shared/config/sections/data.ts
var Severity = external_exports.enum(["error", "warning"]);
var Scalar = external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean()]);
var Bound = external_exports.union([external_exports.number(), external_exports.string().min(1)]);
var Range = external_exports.strictObject({
  min: external_exports.number().optional().describe("Lowest allowed value (inclusive)."),
  max: external_exports.number().optional().describe("Highest allowed value (inclusive).")
}).describe("Bounds on a column statistic.");
var QuantileBound = external_exports.strictObject({
  q: external_exports.number().gt(0).lt(1).describe("The quantile, e.g. 0.5 for the median."),
  min: external_exports.number().optional().describe("Lowest allowed value of the quantile (inclusive)."),
  max: external_exports.number().optional().describe("Highest allowed value of the quantile (inclusive).")
}).describe("Bounds on one quantile of the column (computed from a 1 000-bin histogram: exact to one bin width).");
var ColumnType = external_exports.enum(["integer", "number", "string", "boolean", "date", "timestamp"]);
var ColumnContract = external_exports.strictObject({
  type: ColumnType.optional().describe("Expected type. A value that does not parse as this type is a `type` finding (and only that)."),
  nullable: external_exports.boolean().optional().describe("Whether missing values are allowed (default true). false: every NULL/empty value is a `nullable` finding."),
  max_null_fraction: external_exports.number().min(0).max(1).optional().describe("Largest allowed fraction of missing values (0-1), checked over the whole column (`null-fraction`)."),
  unique: external_exports.boolean().optional().describe("Every non-missing value must occur once; each repeat is a `unique` finding."),
  min: Bound.optional().describe("Lowest allowed value (inclusive): a number, or an ISO date/timestamp for date columns (`range`)."),
  max: Bound.optional().describe("Highest allowed value (inclusive): a number, or an ISO date/timestamp for date columns (`range`)."),
  values: external_exports.array(Scalar).min(1).optional().describe("The allowed values (`values`)."),
  pattern: external_exports.string().min(1).optional().describe("Regular expression (RE2 syntax) every value must match in full (`pattern`)."),
  min_length: external_exports.number().int().nonnegative().optional().describe("Shortest allowed string length in characters (`length`)."),
  max_length: external_exports.number().int().nonnegative().optional().describe("Longest allowed string length in characters (`length`)."),
  mean: Range.optional().describe("Bounds on the column mean (`mean`)."),
  stddev: Range.optional().describe("Bounds on the sample standard deviation (`stddev`)."),
  quantiles: external_exports.array(QuantileBound).optional().describe("Bounds on quantiles (`quantile`)."),
  distinct: Range.optional().describe("Bounds on the number of distinct values (`distinct`, HyperLogLog estimate: about 2% error)."),
  severity: Severity.optional().describe("Severity of this column's findings (default error)."),
  skew: external_exports.boolean().optional().describe("Set false to leave this column out of the skew check.")
}).describe("The contract for one column.");
var SkewSettings = external_exports.strictObject({
  psi: external_exports.number().positive().optional().describe('Population stability index above which a column is flagged (default 0.25, the usual "major shift" band).'),
  jsd: external_exports.number().positive().max(1).optional().describe("Jensen\u2013Shannon distance (base 2, 0-1) above which a column is flagged (default 0.1)."),
  bins: external_exports.number().int().min(2).max(100).optional().describe("Bins for numeric columns: quantile bins of the reference (default 10)."),
  significance: external_exports.number().gt(0).lt(0.5).optional().describe(
    'A column is flagged only when its statistic also exceeds what sampling alone produces at this level: the (1 - significance) quantile of the statistic under "same distribution", for these sample sizes (default 0.01). This keeps small samples from being flagged.'
  ),
  severity: Severity.optional().describe("Severity of skew findings (default warning).")
}).describe("Skew against the `reference` input: per-column PSI and Jensen\u2013Shannon distance.");
var DataSection = external_exports.strictObject({
  rows: Range.optional().describe("Bounds on the number of data rows (`row-count`)."),
  unexpected_columns: external_exports.enum(["error", "warn", "allow"]).optional().describe("What a column the contract does not name is: an error, a warning (default), or allowed."),
  columns: external_exports.record(external_exports.string().min(1), ColumnContract).optional().describe("The contract per column, by column name. A named column the data lacks is a `missing-column` error."),
  skew: SkewSettings.optional(),
  max_lines: external_exports.number().int().min(1).max(1e3).optional().describe("How many offending line numbers each finding lists (default 10)."),
  max_annotations: external_exports.number().int().min(0).max(1e3).optional().describe("How many file annotations the step writes in all (default 50; the total is always reported).")
}).describe("The data contract (data-validate stage): what the data must look like.");

// shared/config/sections/deploy-kserve.ts
var Quantity = external_exports.union([external_exports.string().min(1), external_exports.number()]);
var KserveResources = external_exports.strictObject({
  requests: external_exports.record(external_exports.string(), Quantity).optional(),
  limits: external_exports.record(external_exports.string(), Quantity).optional()
}).describe("Container resources of the predictor: requests and limits (cpu, memory, nvidia.com/gpu, \u2026).");
var KserveSection = external_exports.strictObject({
  namespace: external_exports.string().min(1).optional().describe("Kubernetes namespace of the InferenceService (default: the kubeconfig context's, else default)."),
  name: external_exports.string().min(1).optional().describe("InferenceService name (default: the model name)."),
  runtime: external_exports.string().min(1).optional().describe("ServingRuntime / ClusterServingRuntime name (default: none, KServe picks one for ONNX with the v2 protocol)."),
  resources: KserveResources.optional(),
  annotations: external_exports.record(external_exports.string(), external_exports.string()).optional().describe("Extra annotations on the InferenceService."),
  labels: external_exports.record(external_exports.string(), external_exports.string()).optional().describe("Extra labels on the InferenceService."),
  min_replicas: external_exports.number().int().min(0).optional().describe("predictor.minReplicas."),
  max_replicas: external_exports.number().int().min(1).optional().describe("predictor.maxReplicas."),
  service_account: external_exports.string().min(1).optional().describe("predictor.serviceAccountName (it needs pull access to the modelcar image)."),
  node_selector: external_exports.record(external_exports.string(), external_exports.string()).optional().describe("predictor.nodeSelector (e.g. GPU nodes)."),
  predictor: external_exports.record(external_exports.string(), external_exports.unknown()).optional().describe("Fields merged over the rendered spec.predictor (checked against the KServe CRD schema before anything is sent)."),
  storage: external_exports.strictObject({
    base_image: external_exports.string().min(1).optional().describe("Registry reference (pinned by digest) of the modelcar base image in the model's registry, e.g. a busybox copy: KServe's modelcar sidecar runs `sh -c \"ln \u2026; sleep\"` in it.")
  }).optional().describe("How the model reaches the cluster: an OCI modelcar image published beside the registered version."),
  poll_seconds: external_exports.number().min(0.05).max(60).optional().describe("How often the InferenceService's status is read while waiting (default 2)."),
  ready_timeout_seconds: external_exports.number().min(1).max(86400).optional().describe("How long each change may take to become Ready with the expected traffic (default 600).")
}).describe("The KServe target (target: kserve).");

// shared/config/sections/deploy.ts
var DeploySection = external_exports.strictObject({
  target: external_exports.enum(["server", "kserve"]).optional().describe("Where to deploy (default server: an `mlops serve` instance; kserve: a KServe InferenceService)."),
  url: external_exports.string().url().optional().describe("Base URL of the `mlops serve` instance."),
  environment: external_exports.string().min(1).max(255).optional().describe("GitHub environment name (default production)."),
  strategy: external_exports.enum(["canary", "all-at-once"]).optional().describe("canary (default): step the traffic; all-at-once: 100 % after the smoke test."),
  steps: external_exports.array(external_exports.number().int().min(1).max(100)).min(1).optional().describe("Canary traffic percentages, strictly increasing, ending at 100 (default [10, 50, 100])."),
  bake_seconds: external_exports.number().min(0.1).max(86400).optional().describe("Seconds of live traffic per step before it is judged (default 60)."),
  max_error_rate: external_exports.number().min(0).max(1).optional().describe("Highest canary 5xx rate allowed (default 0.01)."),
  max_p99_ms: external_exports.number().positive().optional().describe("Highest canary p99 latency in milliseconds (default 500)."),
  max_prediction_shift: external_exports.number().min(0).max(1).optional().describe("Highest Jensen\u2013Shannon distance (base 2) between canary and stable prediction histograms, judged only when a chi-square test finds the difference significant (default 0.1)."),
  min_requests: external_exports.number().int().min(1).optional().describe("Canary requests needed to judge a step; fewer is inconclusive and holds the step (default 20)."),
  min_predictions: external_exports.number().int().min(1).optional().describe("Predictions per version needed to compare distributions (default 50)."),
  hold_factor: external_exports.number().min(1).max(100).optional().describe("An inconclusive step is held up to this many bake periods, then rolled back (default 5)."),
  smoke_data: external_exports.string().min(1).optional().describe("Golden rows (CSV/Parquet/JSONL) sent to the new version before it gets traffic."),
  alias: external_exports.string().min(1).optional().describe("Registry alias moved to the deployed version after success (default prod)."),
  kserve: KserveSection.optional()
}).describe("Settings for the deploy stage.");

// shared/config/sections/drift.ts
var DriftSection = external_exports.strictObject({
  columns: external_exports.array(external_exports.string().min(1)).optional().describe("Columns to compare (default: the model features, else every column both samples share)."),
  tests: external_exports.record(external_exports.string(), external_exports.enum(["auto", "ks", "chi2", "z"])).optional().describe("Per-column test: auto (by type and cardinality), ks (numeric), chi2 (categories), z (two values)."),
  correction: external_exports.enum(["bh", "holm", "bonferroni", "none"]).optional().describe("Multiplicity correction across columns (default bh: Benjamini\u2013Hochberg)."),
  alpha: external_exports.number().gt(0).lt(1).optional().describe("Significance level for the adjusted p-values (default 0.05)."),
  wasserstein_threshold: external_exports.number().min(0).optional().describe("Practical threshold on the Wasserstein distance in reference standard deviations for numeric columns (default 0.1)."),
  js_threshold: external_exports.number().min(0).max(1).optional().describe("Practical threshold on the Jensen\u2013Shannon distance (base 2) for categorical columns (default 0.1)."),
  threads: external_exports.number().int().min(1).max(64).optional().describe("Worker threads that measure numeric columns (default: the cores, used when at least two columns have 200,000 reference + current values or more; 1: none; an explicit value \u2265 2 uses them for every numeric column)."),
  drift_share: external_exports.number().gt(0).max(1).optional().describe("The data set drifts when at least this share of the columns drifts (default: any column).")
}).describe("Settings for the drift-check stage.");

// shared/config/sections/governance.ts
var FAIRNESS_METRICS = ["demographic_parity_difference", "equalized_odds_difference", "demographic_parity_ratio"];
var FairnessThreshold = external_exports.strictObject({
  min: external_exports.number().optional().describe("Floor on the candidate value (demographic_parity_ratio: 0.8 is the four-fifths rule)."),
  max: external_exports.number().optional().describe("Ceiling on the candidate value (the differences: 0 is parity)."),
  max_rise: external_exports.number().nonnegative().optional().describe("Largest allowed rise against the baseline (differences), judged on the paired bootstrap interval of candidate \u2212 baseline."),
  max_drop: external_exports.number().nonnegative().optional().describe("Largest allowed drop against the baseline (demographic_parity_ratio), judged on the paired bootstrap interval.")
}).describe("Thresholds for one fairness metric, judged like gate.metrics thresholds (absolute ones per gate.absolute).");
var FairnessSection = external_exports.strictObject({
  attributes: external_exports.array(external_exports.string().min(1)).min(1).describe("Holdout columns holding the sensitive attributes (need not be model features). Each value is a group; groups with fewer than min_slice_rows rows are reported, not tested."),
  metrics: external_exports.record(external_exports.string().min(1), FairnessThreshold).optional().describe(`Thresholds per fairness metric (fairlearn's definitions): ${FAIRNESS_METRICS.join(", ")}. Default: all three reported, none gated.`)
}).describe("Fairness across groups of sensitive attributes (binary classification): per group selection rate, TPR, FPR, precision; between-group differences and ratios with bootstrap intervals, gated and Holm-corrected with the other tests.");
var ExplainSection = external_exports.strictObject({
  metric: external_exports.string().min(1).optional().describe("Metric whose drop is the importance (default: accuracy for classification, rmse for regression)."),
  repeats: external_exports.number().int().min(2).max(100).optional().describe("Seeded permutations per feature (default 5)."),
  max_rows: external_exports.number().int().min(10).max(1e6).optional().describe("Holdout rows used, a seeded sample without replacement when the holdout is larger (default 20000; at most 1,000,000, as every feature column of the sample is held in memory).")
}).describe("Permutation feature importance for candidate and baseline (the explain input turns it on with the defaults).");

// shared/config/sections/gate.ts
var MetricThreshold = external_exports.strictObject({
  min: external_exports.number().optional().describe("Floor: the candidate must reach at least this value (inclusive). For metrics where higher is better."),
  max: external_exports.number().optional().describe("Ceiling: the candidate must stay at or below this value (inclusive). For metrics where lower is better (log_loss, rmse, mae)."),
  max_drop: external_exports.number().nonnegative().optional().describe("Largest allowed drop against the baseline, in metric units (0.01 = one point of accuracy). For metrics where higher is better. h > 0: non-inferiority (pass when the drop is shown to be under h). 0: no detected regression (fail only when significantly worse), provided the holdout has the power to detect min_detectable."),
  max_rise: external_exports.number().nonnegative().optional().describe("Largest allowed rise against the baseline, in metric units. For metrics where lower is better (log_loss, rmse, mae).")
}).describe("Thresholds for one metric. min/max judge the candidate alone; max_drop/max_rise judge the paired difference against the baseline.");
var GateSection = external_exports.strictObject({
  alpha: external_exports.number().gt(0).lt(0.5).optional().describe("Two-sided significance level for the confidence intervals, before Holm correction (default 0.05)."),
  metrics: external_exports.record(external_exports.string().min(1), MetricThreshold).optional().describe(
    "Thresholds per metric. Classification: accuracy, precision, recall, f1, roc_auc, log_loss (binary); accuracy, precision_macro, precision_weighted, recall_macro, recall_weighted, f1_macro, f1_weighted, roc_auc_ovr_macro, roc_auc_ovr_weighted, log_loss (multiclass). Regression: rmse, mae, r2. Default: no significant regression of accuracy (and roc_auc) or rmse."
  ),
  min_detectable: external_exports.union([external_exports.number().positive(), external_exports.record(external_exports.string().min(1), external_exports.number().positive())]).optional().describe(
    "Smallest regression the holdout must be able to detect with 80 % power, in metric units: one number for every metric or one per metric. When the holdout cannot, the verdict is insufficient-evidence. Default: max_drop / max_rise when > 0; else 0.02 for metrics on [0, 1] and 5 % of the baseline value for log_loss, rmse, mae."
  ),
  insufficient_evidence: external_exports.enum(["fail", "warn", "pass"]).optional().describe("What insufficient evidence (a holdout too small to detect min_detectable) does to the step: fail it (default), pass with a warning, or pass silently."),
  inconclusive: external_exports.enum(["fail", "warn", "pass"]).optional().describe("What an inconclusive result does to the step: fail it, pass with a warning (default), or pass silently."),
  absolute: external_exports.enum(["point", "interval"]).optional().describe("How min/max are judged: on the point estimate (default, like TFMA), or on the confidence interval of the candidate value (pass when it lies wholly inside, fail when wholly outside, else inconclusive)."),
  bootstrap: external_exports.strictObject({
    resamples: external_exports.number().int().min(100).max(1e5).optional().describe("Bootstrap resamples (default 1000)."),
    seed: external_exports.number().int().min(0).max(4294967295).optional().describe("Seed of the xoshiro128** generator (default 0): the same seed gives the same intervals."),
    threads: external_exports.number().int().min(1).max(64).optional().describe("Worker threads for the resamples (default: the cores available, at most 8, and only for large holdouts). Any count gives the same resamples bit for bit; 1 runs them in the main thread, more uses that many threads however small the holdout.")
  }).optional().describe("Paired bootstrap over holdout rows."),
  slices: external_exports.array(external_exports.string().min(1)).optional().describe("Columns whose values are reported as slices (the slices input overrides this)."),
  min_slice_rows: external_exports.number().int().min(1).optional().describe("Slices with fewer rows are reported without tests (default 30)."),
  holdout_fingerprint: external_exports.string().regex(/^sha256:[0-9a-f]{64}$/).optional().describe("The holdout's expected fingerprint (sha256:\u2026, as evaluate-gate and data-validate record it). When set, a holdout with another fingerprint is refused unless holdout-change-reason is given. Without it, a registry baseline's recorded holdout fingerprint is required."),
  override: external_exports.strictObject({
    reason: external_exports.string().min(10).describe("Why the gate is overridden; recorded in the report and the run record.")
  }).optional().describe("Let a failing gate pass. The verdict is still computed and shown; the reason is recorded. Remove it after the release it was meant for."),
  fairness: FairnessSection.optional(),
  explain: ExplainSection.optional()
}).describe("Evaluation gate policy (evaluate-gate stage).");

// shared/config/sections/model.ts
var modelNamePattern = /^[a-z0-9][a-z0-9._-]*$/;
var ModelSection = external_exports.strictObject({
  name: external_exports.string().regex(modelNamePattern, 'lower-case letters, digits, ".", "_" and "-", starting with a letter or digit').describe("Model name; also the registry repository name."),
  task: external_exports.enum(["classification", "regression"]).optional().describe("What the model predicts."),
  label: external_exports.string().min(1).optional().describe("Label column in the data."),
  features: external_exports.array(external_exports.string().min(1)).optional().describe("Feature columns in model input order."),
  description: external_exports.string().optional().describe("One-paragraph description of the model.")
}).describe("The model this repository trains.");

// shared/config/sections/registry.ts
var RegistrySection = external_exports.strictObject({
  url: external_exports.string().min(1).optional().describe("Where register stores versions when its `registry` input is empty: a local OCI image layout directory (default .mlops/registry) or oci://host[:port]/path (the repository is <path>/<model name>)."),
  upload_chunk_bytes: external_exports.number().int().min(65536).max(1073741824).optional().describe("Blobs larger than this are uploaded in chunks of this many bytes, each retried and resumed on failure (default 16 MiB).")
}).describe("Settings for the register stage and the `mlops registry` commands.");

// shared/config/sections/serve.ts
var bytes = (what, min) => external_exports.number().int().min(min).max(4 * 1024 * 1024 * 1024).optional().describe(what);
var ServeSection = external_exports.strictObject({
  host: external_exports.string().min(1).optional().describe("Address to bind (default 127.0.0.1). Binding another address without an infer token logs a warning."),
  port: external_exports.number().int().min(0).max(65535).optional().describe("Port (default 8080; 0 picks a free one)."),
  models: external_exports.array(external_exports.string().min(1)).optional().describe("Models served at start: ONNX files or registry references (.mlops/registry:prod, oci://host/repo:tag), each optionally NAME=REF. --model flags replace this list."),
  admin_token_file: external_exports.string().min(1).optional().describe("File holding the admin bearer token; admin endpoints (load, unload, index, traffic) are disabled without it."),
  infer_token_file: external_exports.string().min(1).optional().describe("File holding a bearer token required for data-plane calls (infer, metadata, metrics)."),
  capture: external_exports.strictObject({
    dir: external_exports.string().min(1).describe("Folder for request capture: <dir>/<model>/<YYYY-MM-DD>/capture-*.jsonl."),
    sample: external_exports.number().min(0).max(1).optional().describe("Fraction of requests captured (default 1)."),
    max_file_bytes: bytes("Start a new capture file past this size (default 64 MiB).", 1024)
  }).optional().describe("Request capture as JSON Lines, one row per instance (features by name and every output)."),
  max_batch: external_exports.number().int().min(1).max(65536).optional().describe("Most rows per session.run when merging requests (dynamic batching; default 64)."),
  batch_wait_ms: external_exports.number().min(0).max(1e3).optional().describe("How long an idle model waits for more requests to batch (default 0: next tick)."),
  max_body: bytes("Largest request body in bytes (default 64 MiB).", 1024),
  max_tensor_bytes: bytes("Largest input tensor, elements \xD7 element size, checked before allocating (default 256 MiB).", 1024),
  max_json_depth: external_exports.number().int().min(4).max(1024).optional().describe("Deepest JSON nesting accepted (default 32)."),
  max_in_flight: external_exports.number().int().min(1).optional().describe("Concurrent inference requests; more get 429 (default 1024)."),
  max_queue_rows: external_exports.number().int().min(1).optional().describe("Rows waiting per model version; more get 503 (default 16384)."),
  drain_seconds: external_exports.number().min(0).max(3600).optional().describe("On SIGTERM, how long to wait for in-flight requests (default 30).")
}).describe("Settings for `mlops serve`, the Open Inference Protocol server.");

// shared/config/sections/train.ts
var TrainSection = external_exports.strictObject({}).describe("Settings for the train stage.");

// shared/config/schema.ts
var ConfigSchema = external_exports.strictObject({
  model: ModelSection.optional(),
  data: DataSection.optional(),
  train: TrainSection.optional(),
  gate: GateSection.optional(),
  registry: RegistrySection.optional(),
  model_card: ModelCardSection.optional(),
  drift: DriftSection.optional(),
  serve: ServeSection.optional(),
  deploy: DeploySection.optional()
}).describe("mlops-actions configuration (mlops.yml).");
function configJsonSchema() {
  const schema = external_exports.toJSONSchema(ConfigSchema, { target: "draft-2020-12", io: "input", unrepresentable: "any" });
  return {
    $id: "https://github.com/mlops-actions/mlops-actions/schema/mlops.schema.json",
    title: "mlops.yml",
    ...schema
  };
}

// shared/config/schema-walk.ts
function unwrap(schema) {
  let current = schema;
  for (; ; ) {
    const def = current._zod.def;
    if ((def.type === "optional" || def.type === "nullable" || def.type === "default" || def.type === "prefault" || def.type === "catch" || def.type === "readonly") && def.innerType) {
      current = def.innerType;
    } else {
      return current;
    }
  }
}
function schemaAt(schema, path) {
  let current = unwrap(schema);
  for (const segment of path) {
    if (!current) return void 0;
    const def = current._zod.def;
    if (def.type === "object" && def.shape) current = def.shape[String(segment)];
    else if (def.type === "record") current = def.valueType;
    else if (def.type === "array") current = def.element;
    else return void 0;
    current = current ? unwrap(current) : void 0;
  }
  return current;
}
function knownKeysAt(schema, path) {
  const target = schemaAt(schema, path);
  const def = target?._zod.def;
  return def?.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

// shared/config/load.ts
var DEFAULT_CONFIG_PATH = "mlops.yml";
async function loadConfig(cwd, path) {
  const explicit = path !== "" && path !== DEFAULT_CONFIG_PATH;
  const absolute = resolve(cwd, path || DEFAULT_CONFIG_PATH);
  let text2;
  try {
    text2 = await readFile(absolute, "utf8");
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT" && !explicit) return { config: {} };
    throw new UserError(code === "ENOENT" ? "config file not found" : `cannot read config file (${code ?? String(error)})`, {
      where: { file: path || DEFAULT_CONFIG_PATH },
      hint: "Check the `config` input, or remove it to use mlops.yml when present."
    });
  }
  return { config: parseConfig(text2, path || DEFAULT_CONFIG_PATH), path: absolute };
}
function parseConfig(text2, file) {
  const lines = new import_yaml.LineCounter();
  const document = (0, import_yaml.parseDocument)(text2, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax) {
    const at = lines.linePos(syntax.pos[0]);
    throw new UserError(`invalid YAML: ${syntax.message.split("\n")[0]}`, {
      where: { file, line: at.line, column: at.col },
      hint: "Fix the YAML syntax (indentation, quotes, colons)."
    });
  }
  rejectMergeKeys(document, lines, file);
  const data = document.toJS() ?? {};
  const result = ConfigSchema.safeParse(data);
  if (result.success) return result.data;
  throw describeIssue(result.error.issues, document, lines, file);
}
function rejectMergeKeys(document, lines, file) {
  (0, import_yaml.visit)(document, {
    Pair(_, pair) {
      if ((0, import_yaml.isScalar)(pair.key) && pair.key.type === "PLAIN" && pair.key.value === "<<") {
        const at = pair.key.range ? lines.linePos(pair.key.range[0]) : void 0;
        throw new UserError("YAML merge keys (`<<: *anchor`) are not supported in mlops.yml", {
          where: { file, ...at ? { line: at.line, column: at.col } : {} },
          hint: "Write the keys out in each place; an alias of a whole value (`key: *anchor`) does work."
        });
      }
    }
  });
}
function describeIssue(issues, document, lines, file) {
  const issue = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "";
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0];
    const path = [...issue.path, key];
    const suggestion = suggestKey(key, knownKeysAt(ConfigSchema, issue.path));
    const known = knownKeysAt(ConfigSchema, issue.path);
    return new UserError(`unknown key "${key}"${more}`, {
      where: { file, ...position(document, lines, issue.path, key), key: keyPath(path) },
      hint: suggestion ? `Did you mean "${suggestion}"?` : `Known keys here: ${known.join(", ") || "(none in this version)"}.`
    });
  }
  return new UserError(`${issue.message}${more}`, {
    where: { file, ...position(document, lines, issue.path), key: keyPath(issue.path) || "(top level)" },
    hint: "See `mlops schema` for every key and type."
  });
}
function position(document, lines, path, childKey) {
  const segments = path.map((p) => typeof p === "number" ? p : String(p));
  let node = segments.length ? document.getIn(segments, true) : document.contents;
  if (childKey !== void 0 && (0, import_yaml.isMap)(node)) {
    const pair = node.items.find((item) => (0, import_yaml.isScalar)(item.key) && String(item.key.value) === childKey);
    node = pair?.key ?? node;
  }
  for (let depth = segments.length; !hasRange(node) && depth > 0; depth--) node = document.getIn(segments.slice(0, depth - 1), true);
  if (!hasRange(node)) return {};
  const at = lines.linePos(node.range[0]);
  return { line: at.line, column: at.col };
}
function hasRange(node) {
  return typeof node === "object" && node !== null && Array.isArray(node.range);
}
function keyPath(path) {
  return path.map((p) => typeof p === "number" ? `[${p}]` : String(p)).join(".").replace(/\.\[/g, "[");
}

export {
  KserveResources,
  FAIRNESS_METRICS,
  modelCardKeys,
  configJsonSchema,
  loadConfig
};
