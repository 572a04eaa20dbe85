import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  ExplainSection,
  FairnessSection
} from "./chunk-MWWY42WB.js";
import {
  ModelCardSection
} from "./chunk-LXNBWMDG.js";
import {
  KserveSection
} from "./chunk-UA3KOI3F.js";
import {
  _enum,
  _gt,
  _gte,
  _lt,
  _lte,
  _maxLength,
  _minLength,
  _regex,
  array,
  boolean,
  describe,
  int,
  number2 as number,
  optional,
  record,
  strictObject,
  string,
  union,
  url
} from "./chunk-A3VPNE7V.js";

// shared/config/sections/data.ts
var Severity = _enum(["error", "warning"]);
var Scalar = union([string(), number(), boolean()]);
var Bound = union([number(), string().check(_minLength(1))]);
var Range = strictObject({
  min: optional(number()).check(describe("Lowest allowed value (inclusive).")),
  max: optional(number()).check(describe("Highest allowed value (inclusive)."))
}).check(describe("Bounds on a column statistic."));
var QuantileBound = strictObject({
  q: number().check(_gt(0), _lt(1), describe("The quantile, e.g. 0.5 for the median.")),
  min: optional(number()).check(describe("Lowest allowed value of the quantile (inclusive).")),
  max: optional(number()).check(describe("Highest allowed value of the quantile (inclusive)."))
}).check(describe("Bounds on one quantile of the column (computed from a 1 000-bin histogram: exact to one bin width)."));
var ColumnType = _enum(["integer", "number", "string", "boolean", "date", "timestamp"]);
var ColumnContract = strictObject({
  type: optional(ColumnType).check(describe("Expected type. A value that does not parse as this type is a `type` finding (and only that).")),
  nullable: optional(boolean()).check(describe("Whether missing values are allowed (default true). false: every NULL/empty value is a `nullable` finding.")),
  max_null_fraction: optional(number().check(_gte(0), _lte(1))).check(describe("Largest allowed fraction of missing values (0-1), checked over the whole column (`null-fraction`).")),
  unique: optional(boolean()).check(describe("Every non-missing value must occur once; each repeat is a `unique` finding.")),
  min: optional(Bound).check(describe("Lowest allowed value (inclusive): a number, or an ISO date/timestamp for date columns (`range`).")),
  max: optional(Bound).check(describe("Highest allowed value (inclusive): a number, or an ISO date/timestamp for date columns (`range`).")),
  values: optional(array(Scalar).check(_minLength(1))).check(describe("The allowed values (`values`).")),
  pattern: optional(string().check(_minLength(1))).check(describe("Regular expression (RE2 syntax) every value must match in full (`pattern`).")),
  min_length: optional(number().check(int(), _gte(0))).check(describe("Shortest allowed string length in characters (`length`).")),
  max_length: optional(number().check(int(), _gte(0))).check(describe("Longest allowed string length in characters (`length`).")),
  mean: optional(Range).check(describe("Bounds on the column mean (`mean`).")),
  stddev: optional(Range).check(describe("Bounds on the sample standard deviation (`stddev`).")),
  quantiles: optional(array(QuantileBound)).check(describe("Bounds on quantiles (`quantile`).")),
  distinct: optional(Range).check(describe("Bounds on the number of distinct values (`distinct`, HyperLogLog estimate: about 2% error).")),
  severity: optional(Severity).check(describe("Severity of this column's findings (default error).")),
  skew: optional(boolean()).check(describe("Set false to leave this column out of the skew check."))
}).check(describe("The contract for one column."));
var SkewSettings = strictObject({
  psi: optional(number().check(_gt(0))).check(describe('Population stability index above which a column is flagged (default 0.25, the usual "major shift" band).')),
  jsd: optional(number().check(_gt(0), _lte(1))).check(describe("Jensen\u2013Shannon distance (base 2, 0-1) above which a column is flagged (default 0.1).")),
  bins: optional(number().check(int(), _gte(2), _lte(100))).check(describe("Bins for numeric columns: quantile bins of the reference (default 10).")),
  significance: optional(number().check(_gt(0), _lt(0.5))).check(describe('A column is flagged only when its statistic also exceeds what sampling alone produces at this level: the (1 - significance) quantile of the statistic under "same distribution", for these sample sizes (default 0.01). This keeps small samples from being flagged.')),
  severity: optional(Severity).check(describe("Severity of skew findings (default warning)."))
}).check(describe("Skew against the `reference` input: per-column PSI and Jensen\u2013Shannon distance."));
var DataSection = strictObject({
  rows: optional(Range).check(describe("Bounds on the number of data rows (`row-count`).")),
  unexpected_columns: optional(_enum(["error", "warn", "allow"])).check(describe("What a column the contract does not name is: an error, a warning (default), or allowed.")),
  columns: optional(record(string().check(_minLength(1)), ColumnContract)).check(describe("The contract per column, by column name. A named column the data lacks is a `missing-column` error.")),
  skew: optional(SkewSettings),
  max_lines: optional(number().check(int(), _gte(1), _lte(1e3))).check(describe("How many offending line numbers each finding lists (default 10).")),
  max_annotations: optional(number().check(int(), _gte(0), _lte(1e3))).check(describe("How many file annotations the step writes in all (default 50; the total is always reported)."))
}).check(describe("The data contract (data-validate stage): what the data must look like."));

// shared/config/sections/deploy.ts
var DeploySection = strictObject({
  target: optional(_enum(["server", "kserve"])).check(describe("Where to deploy (default server: an `mlops serve` instance; kserve: a KServe InferenceService).")),
  url: optional(string().check(url())).check(describe("Base URL of the `mlops serve` instance.")),
  environment: optional(string().check(_minLength(1), _maxLength(255))).check(describe("GitHub environment name (default production).")),
  strategy: optional(_enum(["canary", "all-at-once"])).check(describe("canary (default): step the traffic; all-at-once: 100 % after the smoke test.")),
  steps: optional(array(number().check(int(), _gte(1), _lte(100))).check(_minLength(1))).check(describe("Canary traffic percentages, strictly increasing, ending at 100 (default [10, 50, 100]).")),
  bake_seconds: optional(number().check(_gte(0.1), _lte(86400))).check(describe("Seconds of live traffic per step before it is judged (default 60).")),
  max_error_rate: optional(number().check(_gte(0), _lte(1))).check(describe("Highest canary 5xx rate allowed (default 0.01).")),
  max_p99_ms: optional(number().check(_gt(0))).check(describe("Highest canary p99 latency in milliseconds (default 500).")),
  max_prediction_shift: optional(number().check(_gte(0), _lte(1))).check(describe("Highest Jensen\u2013Shannon distance (base 2) between canary and stable prediction histograms, judged only when a chi-square test finds the difference significant (default 0.1).")),
  min_requests: optional(number().check(int(), _gte(1))).check(describe("Canary requests needed to judge a step; fewer is inconclusive and holds the step (default 20).")),
  min_predictions: optional(number().check(int(), _gte(1))).check(describe("Predictions per version needed to compare distributions (default 50).")),
  hold_factor: optional(number().check(_gte(1), _lte(100))).check(describe("An inconclusive step is held up to this many bake periods, then rolled back (default 5).")),
  smoke_data: optional(string().check(_minLength(1))).check(describe("Golden rows (CSV/Parquet/JSONL) sent to the new version before it gets traffic.")),
  alias: optional(string().check(_minLength(1))).check(describe("Registry alias moved to the deployed version after success (default prod).")),
  kserve: optional(KserveSection)
}).check(describe("Settings for the deploy stage."));

// shared/config/sections/drift.ts
var DriftSection = strictObject({
  columns: optional(array(string().check(_minLength(1)))).check(describe("Columns to compare (default: the model features, else every column both samples share).")),
  tests: optional(record(string(), _enum(["auto", "ks", "chi2", "z"]))).check(describe("Per-column test: auto (by type and cardinality), ks (numeric), chi2 (categories), z (two values).")),
  correction: optional(_enum(["bh", "holm", "bonferroni", "none"])).check(describe("Multiplicity correction across columns (default bh: Benjamini\u2013Hochberg).")),
  alpha: optional(number().check(_gt(0), _lt(1))).check(describe("Significance level for the adjusted p-values (default 0.05).")),
  wasserstein_threshold: optional(number().check(_gte(0))).check(describe("Practical threshold on the Wasserstein distance in reference standard deviations for numeric columns (default 0.1).")),
  js_threshold: optional(number().check(_gte(0), _lte(1))).check(describe("Practical threshold on the Jensen\u2013Shannon distance (base 2) for categorical columns (default 0.1).")),
  threads: optional(number().check(int(), _gte(1), _lte(64))).check(describe("Worker threads that measure numeric columns (default: the cores, used when at least two columns have 200,000 reference + current values or more; 1: none; an explicit value \u2265 2 uses them for every numeric column).")),
  drift_share: optional(number().check(_gt(0), _lte(1))).check(describe("The data set drifts when at least this share of the columns drifts (default: any column)."))
}).check(describe("Settings for the drift-check stage."));

// shared/config/sections/gate.ts
var MetricThreshold = strictObject({
  min: optional(number()).check(describe("Floor: the candidate must reach at least this value (inclusive). For metrics where higher is better.")),
  max: optional(number()).check(describe("Ceiling: the candidate must stay at or below this value (inclusive). For metrics where lower is better (log_loss, rmse, mae).")),
  max_drop: optional(number().check(_gte(0))).check(describe("Largest allowed drop against the baseline, in metric units (0.01 = one point of accuracy). For metrics where higher is better. h > 0: non-inferiority (pass when the drop is shown to be under h). 0: no detected regression (fail only when significantly worse), provided the holdout has the power to detect min_detectable.")),
  max_rise: optional(number().check(_gte(0))).check(describe("Largest allowed rise against the baseline, in metric units. For metrics where lower is better (log_loss, rmse, mae)."))
}).check(describe("Thresholds for one metric. min/max judge the candidate alone; max_drop/max_rise judge the paired difference against the baseline."));
var GateSection = strictObject({
  alpha: optional(number().check(_gt(0), _lt(0.5))).check(describe("Two-sided significance level for the confidence intervals, before Holm correction (default 0.05).")),
  metrics: optional(record(string().check(_minLength(1)), MetricThreshold)).check(describe("Thresholds per metric. Classification: accuracy, precision, recall, f1, roc_auc, log_loss (binary); accuracy, precision_macro, precision_weighted, recall_macro, recall_weighted, f1_macro, f1_weighted, roc_auc_ovr_macro, roc_auc_ovr_weighted, log_loss (multiclass). Regression: rmse, mae, r2. Default: no significant regression of accuracy (and roc_auc) or rmse.")),
  min_detectable: optional(union([number().check(_gt(0)), record(string().check(_minLength(1)), number().check(_gt(0)))])).check(describe("Smallest regression the holdout must be able to detect with 80 % power, in metric units: one number for every metric or one per metric. When the holdout cannot, the verdict is insufficient-evidence. Default: max_drop / max_rise when > 0; else 0.02 for metrics on [0, 1] and 5 % of the baseline value for log_loss, rmse, mae.")),
  insufficient_evidence: optional(_enum(["fail", "warn", "pass"])).check(describe("What insufficient evidence (a holdout too small to detect min_detectable) does to the step: fail it (default), pass with a warning, or pass silently.")),
  inconclusive: optional(_enum(["fail", "warn", "pass"])).check(describe("What an inconclusive result does to the step: fail it, pass with a warning (default), or pass silently.")),
  absolute: optional(_enum(["point", "interval"])).check(describe("How min/max are judged: on the point estimate (default, like TFMA), or on the confidence interval of the candidate value (pass when it lies wholly inside, fail when wholly outside, else inconclusive).")),
  bootstrap: optional(strictObject({
    resamples: optional(number().check(int(), _gte(100), _lte(1e5))).check(describe("Bootstrap resamples (default 1000).")),
    seed: optional(number().check(int(), _gte(0), _lte(4294967295))).check(describe("Seed of the xoshiro128** generator (default 0): the same seed gives the same intervals.")),
    threads: optional(number().check(int(), _gte(1), _lte(64))).check(describe("Worker threads for the resamples (default: the cores available, at most 8, and only for large holdouts). Any count gives the same resamples bit for bit; 1 runs them in the main thread, more uses that many threads however small the holdout."))
  })).check(describe("Paired bootstrap over holdout rows.")),
  slices: optional(array(string().check(_minLength(1)))).check(describe("Columns whose values are reported as slices (the slices input overrides this).")),
  min_slice_rows: optional(number().check(int(), _gte(1))).check(describe("Slices with fewer rows are reported without tests (default 30).")),
  holdout_fingerprint: optional(string().check(_regex(/^sha256:[0-9a-f]{64}$/))).check(describe("The holdout's expected fingerprint (sha256:\u2026, as evaluate-gate and data-validate record it). When set, a holdout with another fingerprint is refused unless holdout-change-reason is given. Without it, a registry baseline's recorded holdout fingerprint is required.")),
  override: optional(strictObject({
    reason: string().check(_minLength(10), describe("Why the gate is overridden; recorded in the report and the run record."))
  })).check(describe("Let a failing gate pass. The verdict is still computed and shown; the reason is recorded. Remove it after the release it was meant for.")),
  fairness: optional(FairnessSection),
  explain: optional(ExplainSection)
}).check(describe("Evaluation gate policy (evaluate-gate stage)."));

// shared/config/sections/model.ts
var modelNamePattern = /^[a-z0-9][a-z0-9._-]*$/;
var ModelSection = strictObject({
  name: string().check(_regex(modelNamePattern, 'lower-case letters, digits, ".", "_" and "-", starting with a letter or digit'), describe("Model name; also the registry repository name.")),
  task: optional(_enum(["classification", "regression"])).check(describe("What the model predicts.")),
  label: optional(string().check(_minLength(1))).check(describe("Label column in the data.")),
  features: optional(array(string().check(_minLength(1)))).check(describe("Feature columns in model input order.")),
  description: optional(string()).check(describe("One-paragraph description of the model."))
}).check(describe("The model this repository trains."));

// shared/config/sections/registry.ts
var RegistrySection = strictObject({
  url: optional(string().check(_minLength(1))).check(describe("Where register stores versions when its `registry` input is empty: a local OCI image layout directory (default .mlops/registry) or oci://host[:port]/path (the repository is <path>/<model name>).")),
  upload_chunk_bytes: optional(number().check(int(), _gte(65536), _lte(1073741824))).check(describe("Blobs larger than this are uploaded in chunks of this many bytes, each retried and resumed on failure (default 16 MiB)."))
}).check(describe("Settings for the register stage and the `mlops registry` commands."));

// shared/config/sections/serve.ts
var bytes = (what, min) => optional(number().check(int(), _gte(min), _lte(4 * 1024 * 1024 * 1024))).check(describe(what));
var ServeSection = strictObject({
  host: optional(string().check(_minLength(1))).check(describe("Address to bind (default 127.0.0.1). Binding another address without an infer token logs a warning.")),
  port: optional(number().check(int(), _gte(0), _lte(65535))).check(describe("Port (default 8080; 0 picks a free one).")),
  models: optional(array(string().check(_minLength(1)))).check(describe("Models served at start: ONNX files or registry references (.mlops/registry:prod, oci://host/repo:tag), each optionally NAME=REF. --model flags replace this list.")),
  admin_token_file: optional(string().check(_minLength(1))).check(describe("File holding the admin bearer token; admin endpoints (load, unload, index, traffic) are disabled without it.")),
  infer_token_file: optional(string().check(_minLength(1))).check(describe("File holding a bearer token required for data-plane calls (infer, metadata, metrics).")),
  capture: optional(strictObject({
    dir: string().check(_minLength(1), describe("Folder for request capture: <dir>/<model>/<YYYY-MM-DD>/capture-*.jsonl.")),
    sample: optional(number().check(_gte(0), _lte(1))).check(describe("Fraction of requests captured (default 1).")),
    max_file_bytes: bytes("Start a new capture file past this size (default 64 MiB).", 1024)
  })).check(describe("Request capture as JSON Lines, one row per instance (features by name and every output).")),
  max_batch: optional(number().check(int(), _gte(1), _lte(65536))).check(describe("Most rows per session.run when merging requests (dynamic batching; default 64).")),
  batch_wait_ms: optional(number().check(_gte(0), _lte(1e3))).check(describe("How long an idle model waits for more requests to batch (default 0: next tick).")),
  max_body: bytes("Largest request body in bytes (default 64 MiB).", 1024),
  max_tensor_bytes: bytes("Largest input tensor, elements \xD7 element size, checked before allocating (default 256 MiB).", 1024),
  max_json_depth: optional(number().check(int(), _gte(4), _lte(1024))).check(describe("Deepest JSON nesting accepted (default 32).")),
  max_in_flight: optional(number().check(int(), _gte(1))).check(describe("Concurrent inference requests; more get 429 (default 1024).")),
  max_queue_rows: optional(number().check(int(), _gte(1))).check(describe("Rows waiting per model version; more get 503 (default 16384).")),
  drain_seconds: optional(number().check(_gte(0), _lte(3600))).check(describe("On SIGTERM, how long to wait for in-flight requests (default 30)."))
}).check(describe("Settings for `mlops serve`, the Open Inference Protocol server."));

// shared/config/sections/train.ts
var TrainSection = strictObject({}).check(describe("Settings for the train stage."));

// shared/config/schema.ts
var ConfigSchema = strictObject({
  model: optional(ModelSection),
  data: optional(DataSection),
  train: optional(TrainSection),
  gate: optional(GateSection),
  registry: optional(RegistrySection),
  model_card: optional(ModelCardSection),
  drift: optional(DriftSection),
  serve: optional(ServeSection),
  deploy: optional(DeploySection)
}).check(describe("mlops-actions configuration (mlops.yml)."));

export {
  ConfigSchema
};
