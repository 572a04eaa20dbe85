import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  SCORING_BATCH_ROWS,
  Scorer,
  TaskPool,
  bundledEntry,
  defaultThreads,
  holm,
  interleave,
  resolveModelReference,
  rowMajorBatch,
  rowMajorType
} from "./chunk-LABWSWOO.js";
import {
  classifyModelSpec,
  columnsRead,
  describeOutputPlan,
  featureNamesFromMetadata,
  planFeed,
  planOutputs
} from "./chunk-NKYRZODN.js";
import {
  NOT_AVAILABLE,
  intervalCell,
  signedCell,
  undefinedNote,
  valueCell
} from "./chunk-2QQHBHLV.js";
import {
  FAIRNESS_METRICS
} from "./chunk-MWWY42WB.js";
import {
  parseCommentMode,
  postReport
} from "./chunk-FAD26O7N.js";
import "./chunk-7TELJOW4.js";
import {
  chartNumber,
  deltaChart
} from "./chunk-2AD7AC5U.js";
import {
  fingerprintData
} from "./chunk-F6PV3AJM.js";
import {
  Progress
} from "./chunk-GG7GAS35.js";
import {
  openModel,
  signature
} from "./chunk-XHNLZXUM.js";
import "./chunk-RA3DXR5B.js";
import {
  AUTO_VERSION_PATTERN,
  LATEST,
  VersionNotFoundError,
  terminalSafe
} from "./chunk-APGALERZ.js";
import {
  loadConfig
} from "./chunk-XWE5INN7.js";
import {
  booleanInput,
  code,
  details,
  enumInput,
  escapeCell,
  escapeText,
  formatNumber,
  link,
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
  appendSection
} from "./chunk-QRSX6AL5.js";
import {
  openData,
  resolveData
} from "./chunk-QSV4JYVJ.js";
import {
  writeFileAtomic
} from "./chunk-OSEBCLTD.js";
import "./chunk-C5HFBKMB.js";
import "./chunk-G6IGFEOW.js";
import "./chunk-LWRQI2SV.js";
import "./chunk-GWCI4O4C.js";
import {
  BINARY_METRICS,
  MULTICLASS_METRICS,
  REGRESSION_METRICS,
  Xoshiro128,
  bootstrapInterval,
  bootstrapPValue,
  confusionMatrix,
  deriveSeed,
  emptySamples,
  fairnessHigherIsBetter,
  fairnessMetric,
  fairnessUndefinedCause,
  groupCounts,
  groupRates,
  metricValues,
  pairedBootstrap,
  prepareClassification,
  prepareFairness,
  prepareRegression,
  resampleClaims,
  runClaimedResamples,
  sharedPlan
} from "./chunk-RYJM5VGV.js";
import {
  normalTwoSided,
  normalUpperQuantile
} from "./chunk-65D4D4NJ.js";
import {
  binomialTestTwoSided,
  incompleteBeta
} from "./chunk-VHYSKZ3L.js";
import "./chunk-PXOP5VPA.js";
import {
  suggestKey
} from "./chunk-PZERGBQP.js";
import "./chunk-A3VPNE7V.js";
import "./chunk-D3INI452.js";
import {
  allowOutsideWorkspace
} from "./chunk-LSBADZCY.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";
import "./chunk-D4RZRY5B.js";

// actions/evaluate-gate/evaluate-gate.ts
import { readFile } from "node:fs/promises";
import { basename, join, relative, resolve as resolve2 } from "node:path";

// shared/stats/metric-names.ts
var LOWER_IS_BETTER = /* @__PURE__ */ new Set(["log_loss", "rmse", "mae"]);
function metricNames(kind) {
  return kind === "binary" ? BINARY_METRICS : kind === "multiclass" ? MULTICLASS_METRICS : REGRESSION_METRICS;
}
function higherIsBetter(metric) {
  return !LOWER_IS_BETTER.has(metric);
}

// shared/stats/paired-accuracy.ts
function discordantCounts(candidateCorrect, baselineCorrect) {
  let candidateOnly = 0;
  let baselineOnly = 0;
  for (let i = 0; i < candidateCorrect.length; i++) {
    if (candidateCorrect[i] && !baselineCorrect[i]) candidateOnly++;
    else if (!candidateCorrect[i] && baselineCorrect[i]) baselineOnly++;
  }
  return { rows: candidateCorrect.length, candidateOnly, baselineOnly };
}
function mcnemarExact(counts) {
  return binomialTestTwoSided(counts.candidateOnly, counts.candidateOnly + counts.baselineOnly, 0.5);
}
function tangoStatistic(counts, delta) {
  const { rows: n, candidateOnly: b, baselineOnly: c } = counts;
  const w = b + c + delta * (b - c - 2 * n);
  const q = (w + Math.sqrt(Math.max(0, w * w + 8 * n * c * delta * (1 - delta)))) / (4 * n);
  const variance = n * (2 * q + delta * (1 - delta));
  const numerator = b - c - n * delta;
  if (variance <= 0) return numerator === 0 ? 0 : numerator > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  return numerator / Math.sqrt(variance);
}
function accuracyDifferenceInterval(counts, alpha) {
  if (counts.rows === 0) return [-1, 1];
  const z = normalUpperQuantile(alpha / 2);
  const estimate = (counts.candidateOnly - counts.baselineOnly) / counts.rows;
  const outside = (delta) => Math.abs(tangoStatistic(counts, delta)) > z;
  const edge = (inside, beyond) => {
    if (!outside(beyond)) return beyond;
    let a = inside;
    let b = beyond;
    for (let i = 0; i < 80 && Math.abs(b - a) > 1e-15; i++) {
      const mid = (a + b) / 2;
      if (outside(mid)) b = mid;
      else a = mid;
    }
    return a;
  };
  return [edge(estimate, -1), edge(estimate, 1)];
}
function accuracyDifferencePValue(counts, boundary) {
  if (counts.rows === 0) return 1;
  if (boundary <= -1 || boundary >= 1) return (counts.candidateOnly - counts.baselineOnly) / counts.rows === boundary ? 1 : 0;
  return normalTwoSided(tangoStatistic(counts, boundary));
}

// shared/stats/undefined-metrics.ts
var CAUSES = {
  precision: "no predicted positives",
  recall: "no positives",
  f1: "no positives and none predicted",
  roc_auc: "only one class",
  roc_auc_ovr_macro: "a class absent from the truth",
  roc_auc_ovr_weighted: "a class absent from the truth"
};
function undefinedCause(metric) {
  return CAUSES[metric] ?? "no rows";
}
function undefinedCount(samples) {
  let count = 0;
  for (const value of samples) if (!Number.isFinite(value)) count++;
  return count;
}
function definedOnEnoughResamples(samples) {
  const defined = samples.length - undefinedCount(samples);
  return defined > 0 && defined >= samples.length / 2;
}
function undefinedOnResamples(samples, cause) {
  return `undefined on ${undefinedCount(samples).toLocaleString("en-US")} of ${samples.length.toLocaleString("en-US")} resamples (${cause})`;
}

// actions/evaluate-gate/judging.ts
var POWER = 0.8;
var DEFAULT_MIN_DETECTABLE = 0.02;
var DEFAULT_MIN_DETECTABLE_SHARE = 0.05;
var UNBOUNDED = /* @__PURE__ */ new Set(["log_loss", "rmse", "mae"]);
var SEVERITY = ["fail", "insufficient-evidence", "inconclusive", "pass"];
function worst(verdicts) {
  return SEVERITY.find((v) => verdicts.includes(v)) ?? "pass";
}
function powerOf(ci, level, target, rows) {
  const z = normalUpperQuantile(level / 2);
  const se = (ci[1] - ci[0]) / (2 * z);
  const detectable = (z + normalUpperQuantile(1 - POWER)) * se;
  const insufficient = detectable > target;
  return { detectable, target, insufficient, rowsNeeded: insufficient ? Math.ceil(rows * (detectable / target) ** 2) : rows };
}
function minDetectableTarget(metric, allowed, minDetectable, baseline) {
  const configured = typeof minDetectable === "number" ? minDetectable : minDetectable?.[metric];
  if (configured !== void 0) return configured;
  if (allowed > 0) return allowed;
  if (!UNBOUNDED.has(metric)) return DEFAULT_MIN_DETECTABLE;
  return baseline !== null && Number.isFinite(baseline) && baseline !== 0 ? DEFAULT_MIN_DETECTABLE_SHARE * Math.abs(baseline) : Number.POSITIVE_INFINITY;
}
function levelText(ci, level, pValue, step, familySize) {
  return `${formatNumber((1 - level) * 100, 4)} % interval${ci ? ` [${formatNumber(ci[0])}, ${formatNumber(ci[1])}]` : ""}, p = ${formatNumber(pValue)}, Holm-adjusted ${formatNumber(step.adjusted)} (rank ${step.rank}/${familySize})`;
}

// actions/evaluate-gate/decide.ts
function decide(groups, policy) {
  const tests = [];
  const ruleResults = groups.map(() => /* @__PURE__ */ new Map());
  const notes = groups.map(() => /* @__PURE__ */ new Map());
  const push = (g, metric, result) => {
    const list = ruleResults[g].get(metric) ?? [];
    list.push(result);
    ruleResults[g].set(metric, list);
  };
  groups.forEach((group, g) => {
    for (const [metric, threshold] of Object.entries(policy.thresholds)) {
      const evidence = group.metrics.get(metric);
      if (!evidence) continue;
      const higher = higherIsBetter(metric);
      const overall = group.slice === void 0;
      for (const bound of ["min", "max"]) {
        const value = threshold[bound];
        if (value === void 0) continue;
        const side = bound === "min" ? "above" : "below";
        const label2 = `${metric} ${bound === "min" ? "\u2265" : "\u2264"} ${formatNumber(value)}`;
        if (policy.absolute === "point") {
          if (!overall) continue;
          if (evidence.candidate === null) push(g, metric, { verdict: "insufficient-evidence", text: `${label2}: n/a, undefined on this holdout (${undefinedCause(metric)}); not decidable` });
          else {
            const ok = side === "above" ? evidence.candidate >= value : evidence.candidate <= value;
            push(g, metric, { verdict: ok ? "pass" : "fail", text: `${label2} (point estimate ${formatNumber(evidence.candidate)})` });
          }
          continue;
        }
        if (group.untested) continue;
        if (!definedOnEnoughResamples(evidence.candidateSamples)) {
          push(g, metric, { verdict: "insufficient-evidence", text: `${label2} (interval of the candidate): n/a, ${undefinedOnResamples(evidence.candidateSamples, undefinedCause(metric))}; not tested` });
          continue;
        }
        tests.push({
          group: g,
          metric,
          kind: "absolute",
          boundary: value,
          side,
          label: `${label2} (interval of the candidate)`,
          ...bootstrapTest(evidence.candidateSamples, value),
          interval: (a) => bootstrapInterval(evidence.candidateSamples, a),
          rows: group.rows,
          overall
        });
      }
      const allowed = higher ? threshold.max_drop : threshold.max_rise;
      if (allowed === void 0) continue;
      if (!policy.hasBaseline) {
        if (overall) notes[g].set(metric, `${higher ? "max_drop" : "max_rise"} not applied: no baseline (first run)`);
        continue;
      }
      const target = minDetectableTarget(metric, allowed, policy.minDetectable, evidence.baseline);
      if (group.untested) continue;
      const boundary = higher ? -allowed : allowed;
      const label = `\u0394 ${metric} ${higher ? "\u2265" : "\u2264"} ${formatNumber(boundary)}`;
      if (metric === "accuracy" && evidence.discordant) {
        const counts = evidence.discordant;
        tests.push({
          group: g,
          metric,
          kind: "change",
          boundary,
          side: higher ? "above" : "below",
          label: `${label} (Tango's score test, ${counts.candidateOnly + counts.baselineOnly} discordant of ${counts.rows} rows)`,
          pValue: accuracyDifferencePValue(counts, boundary),
          estimateBelow: tangoStatistic(counts, boundary) < 0,
          interval: (a) => accuracyDifferenceInterval(counts, a),
          allowed,
          target,
          rows: group.rows,
          overall
        });
      } else if (evidence.deltaSamples && !definedOnEnoughResamples(evidence.deltaSamples)) {
        push(g, metric, { verdict: "insufficient-evidence", text: `${label} (paired bootstrap): n/a, ${undefinedOnResamples(evidence.deltaSamples, changeCause(metric, evidence))}; not tested` });
      } else if (evidence.deltaSamples) {
        const samples = evidence.deltaSamples;
        tests.push({
          group: g,
          metric,
          kind: "change",
          boundary,
          side: higher ? "above" : "below",
          label: `${label} (paired bootstrap)`,
          ...bootstrapTest(samples, boundary),
          interval: (a) => bootstrapInterval(samples, a),
          allowed,
          target,
          rows: group.rows,
          overall
        });
      }
    }
  });
  const external = policy.external ?? [];
  const steps = holm([...tests.map((t) => t.pValue), ...external.map((t) => t.pValue)], policy.alpha);
  const levels = judgedLevels(steps, policy.alpha);
  external.forEach((t, i) => t.judged({ ...steps[tests.length + i], level: levels[tests.length + i] }, steps.length));
  const order = tests.map((_, i) => i).sort((a, b) => steps[a].rank - steps[b].rank);
  const changeIntervals = /* @__PURE__ */ new Map();
  for (const i of order) {
    const test = tests[i];
    const step = steps[i];
    const level = levels[i];
    const rejected = step.adjusted <= policy.alpha;
    const ci = test.interval(level);
    const beyond = test.side === "above" ? test.estimateBelow : !test.estimateBelow;
    const power = test.kind === "change" && ci && test.target !== void 0 ? powerOf(ci, level, test.target, test.rows) : void 0;
    let verdict;
    let why;
    if (!ci) {
      verdict = "insufficient-evidence";
      why = "n/a, undefined on too many resamples";
    } else if (rejected && beyond) {
      verdict = "fail";
      why = test.allowed === 0 ? "significantly worse than the baseline" : "interval wholly beyond the boundary";
    } else if (rejected) {
      verdict = "pass";
      why = test.kind === "change" ? test.allowed === 0 ? "significantly better than the baseline" : "non-inferior: interval wholly within the allowed change" : "interval wholly within the bound";
    } else if (test.kind === "absolute") {
      verdict = "inconclusive";
      why = step.stopped ? "Holm: an earlier test was not rejected" : "interval contains the boundary";
    } else if (power && power.insufficient) {
      verdict = "insufficient-evidence";
      why = `the holdout detects a change of ${formatNumber(power.detectable)} with 80 % power, more than ${formatNumber(test.target)}; about ${power.rowsNeeded} rows needed`;
    } else if (test.allowed === 0) {
      verdict = "pass";
      why = `no significant regression (the holdout detects ${formatNumber(power.detectable)} with 80 % power)`;
    } else {
      verdict = "fail";
      why = step.stopped ? "non-inferiority not shown (Holm: an earlier test was not rejected)" : "non-inferiority not shown: the interval reaches beyond the allowed change";
    }
    if (!test.overall && verdict === "fail" && !(rejected && beyond)) verdict = power?.insufficient ? "insufficient-evidence" : "inconclusive";
    push(test.group, test.metric, { verdict, text: `${test.label}: ${why} (${levelText(ci, level, test.pValue, step, steps.length)})` });
    if (test.kind === "change") changeIntervals.set(`${test.group}\0${test.metric}`, { ci, level, p: test.pValue, adjusted: step.adjusted, power });
  }
  return groups.map((group, g) => {
    const metrics = {};
    for (const [metric, evidence] of group.metrics) {
      const results = ruleResults[g].get(metric) ?? [];
      const change = changeIntervals.get(`${g}\0${metric}`);
      const ci = change ? change.ci : evidence.discordant ? accuracyDifferenceInterval(evidence.discordant, policy.alpha) : evidence.deltaSamples ? bootstrapInterval(evidence.deltaSamples, policy.alpha) : null;
      const gated = results.length > 0;
      const verdict = !gated ? "reported" : worst(results.map((r) => r.verdict));
      const note = notes[g].get(metric);
      const outcome = {
        candidate: evidence.candidate,
        baseline: evidence.baseline,
        delta: evidence.candidate !== null && evidence.baseline !== null ? evidence.candidate - evidence.baseline : null,
        ci,
        ci_level: 1 - (change?.level ?? policy.alpha),
        candidate_ci: bootstrapInterval(evidence.candidateSamples, policy.alpha),
        verdict,
        rule: gated ? [...results.map((r) => r.text), ...note ? [note] : []].join("; ") : group.untested ? `reported only (fewer rows than min_slice_rows)` : note ? `reported only (${note})` : "reported only (no threshold)",
        gated,
        direction: higherIsBetter(metric) ? "higher" : "lower"
      };
      if (change) {
        outcome.p_value = change.p;
        outcome.p_adjusted = change.adjusted;
        if (change.power) {
          outcome.min_detectable = change.power.detectable;
          outcome.min_detectable_target = change.power.target;
          if (change.power.insufficient) outcome.rows_needed = change.power.rowsNeeded;
        }
      }
      if (evidence.discordant) outcome.mcnemar_p = mcnemarExact(evidence.discordant);
      const reason = undefinedReason(metric, evidence, outcome);
      if (reason) outcome.undefined_reason = reason;
      const failed = results.filter((r) => r.verdict === "fail").map((r) => r.text);
      if (failed.length) outcome.failed_rules = failed;
      metrics[metric] = outcome;
    }
    return { slice: group.slice, rows: group.rows, metrics };
  });
}
function bootstrapTest(samples, boundary) {
  let below = 0;
  let above = 0;
  for (const value of samples) {
    if (value < boundary) below++;
    else if (value > boundary) above++;
  }
  return { pValue: bootstrapPValue(samples, boundary), estimateBelow: below > above };
}
function undefinedReason(metric, evidence, outcome) {
  const cause = undefinedCause(metric);
  if (evidence.candidate === null) return `undefined on these rows (${cause})`;
  if (evidence.candidateSamples.length === 0) return void 0;
  const candidateUndefined = outcome.candidate_ci === null;
  const deltaUndefined = outcome.ci === null && evidence.deltaSamples !== void 0 && evidence.deltaSamples.length > 0 && !evidence.discordant;
  if (!candidateUndefined && !deltaUndefined) return void 0;
  const delta = deltaUndefined && (!candidateUndefined || undefinedCount(evidence.deltaSamples) > undefinedCount(evidence.candidateSamples));
  return delta ? undefinedOnResamples(evidence.deltaSamples, changeCause(metric, evidence)) : undefinedOnResamples(evidence.candidateSamples, cause);
}
function changeCause(metric, evidence) {
  return evidence.candidate !== null && evidence.baseline === null ? `the baseline's ${metric} is undefined or not computed on these rows` : undefinedCause(metric);
}
function overallVerdict(outcomes) {
  const reasons = [];
  const undecided2 = [];
  for (const group of outcomes) {
    const where = group.slice ? ` in slice ${group.slice.column}=${group.slice.value}` : "";
    for (const [metric, outcome] of Object.entries(group.metrics)) {
      if (outcome.verdict === "fail") reasons.push(`${metric}${where}: ${(outcome.failed_rules ?? [outcome.rule]).join("; ")}`);
      else if (!group.slice && (outcome.verdict === "inconclusive" || outcome.verdict === "insufficient-evidence")) undecided2.push(outcome.verdict);
    }
  }
  if (reasons.length) return { verdict: "fail", reasons };
  return { verdict: worst(undecided2), reasons };
}
function stepPasses(verdict, policy) {
  if (verdict === "pass") return true;
  if (verdict === "inconclusive") return policy.inconclusive !== "fail";
  if (verdict === "insufficient-evidence") return policy.insufficient !== "fail";
  return policy.overridden;
}
function judgedLevels(steps, alpha) {
  const order = steps.map((_, i) => i).sort((a, b) => steps[a].rank - steps[b].rank);
  const levels = steps.map((step) => step.level);
  let stopLevel;
  for (const i of order) {
    if (stopLevel !== void 0) levels[i] = stopLevel;
    else if (steps[i].adjusted > alpha) stopLevel = steps[i].level;
  }
  return levels;
}

// shared/stats/bootstrap-pool.ts
var MIN_THREADED_WORK = 2e7;
var FAILURE_HINT = "The resamples do not depend on the thread count: one thread runs them in the main thread, with the same results";
function bundledWorkerUrl(moduleUrl = import.meta.url) {
  return bundledEntry("bootstrap-worker", moduleUrl);
}
function bootstrapRunner(options = {}) {
  const threads = Math.max(1, Math.floor(options.threads ?? defaultThreads()));
  const workerUrl = options.workerUrl ?? bundledWorkerUrl();
  if (threads === 1 || !workerUrl) return inThread;
  return new WorkerPool(threads, workerUrl, options.force ?? false, options.failure ?? {});
}
var inThread = {
  threads: 1,
  bootstrap: async (candidate, baseline, options) => pairedBootstrap(candidate, baseline, options),
  close: async () => {
  }
};
var WorkerPool = class {
  constructor(threads, workerUrl, force, failureReport) {
    this.threads = threads;
    this.force = force;
    this.failureReport = failureReport;
    this.pool = new TaskPool(workerUrl, threads - 1, "paired bootstrap");
  }
  threads;
  force;
  failureReport;
  /** The calling thread runs one range itself: one worker thread fewer. */
  pool;
  failure;
  async bootstrap(candidate, baseline, options) {
    if (this.failure) throw this.failure;
    const resamples = options.resamples;
    const small = !this.force && candidate.rows * resamples < MIN_THREADED_WORK;
    if (small || resamples < 2 || !candidate.plan || baseline && !baseline.plan) return pairedBootstrap(candidate, baseline, options);
    if (baseline && baseline.rows !== candidate.rows) throw new Error("paired bootstrap needs the same rows for both models");
    const samples = emptySamples(candidate, baseline, resamples, true);
    const candidatePlan = sharedPlan(candidate.plan);
    const baselinePlan = baseline ? sharedPlan(baseline.plan) : void 0;
    const parts = Math.min(this.threads, resamples);
    const claims = resampleClaims(options.seed, resamples, parts);
    const done = new Array(parts).fill(0);
    const report = (part, count) => {
      done[part] = count;
      options.onProgress?.(done.reduce((a, b) => a + b, 0));
    };
    const jobs = [];
    for (let part = 1; part < parts; part++) {
      const job = { candidate: candidatePlan, baseline: baselinePlan, claims, candidateOut: samples.candidate, deltaOut: samples.delta };
      const progress = (count) => report(part, count);
      jobs.push(this.pool.run(job, `its share of the ${resamples} resamples`, [], progress).then(progress));
    }
    const finished = Promise.all(jobs);
    finished.catch(() => {
    });
    runClaimedResamples(candidate, baseline, claims, samples, (count) => report(0, count));
    try {
      await finished;
    } catch (error) {
      this.failure = new UserError(error instanceof Error ? error.message : String(error), { where: this.failureReport.where, hint: this.failureReport.hint ?? FAILURE_HINT });
      await this.close();
      throw this.failure;
    }
    return samples;
  }
  async close() {
    await this.pool.close();
  }
};

// actions/evaluate-gate/classes.ts
function canonicalValue(value) {
  const trimmed = value.trim();
  if (trimmed !== "" && Number.isFinite(Number(trimmed))) return String(Number(trimmed));
  return value;
}
function sortClasses(values) {
  const list = [...new Set(values)];
  const numeric = list.every((v) => Number.isFinite(Number(v)) && v.trim() !== "");
  return numeric ? list.sort((a, b) => Number(a) - Number(b)) : list.sort();
}
function classSpace(options) {
  const { columns, labels } = options;
  const where = { file: options.dataFile, key: "label" };
  let classes;
  const labelList = sortClasses(labels);
  const shown = (values) => values.slice(0, 10).map((v) => JSON.stringify(v)).join(", ") + (values.length > 10 ? ", \u2026" : "");
  if (columns === void 0) {
    classes = sortClasses([...labels, ...options.predicted ?? []]);
  } else {
    const count = Math.max(columns, 2);
    const indices = Array.from({ length: count }, (_, i) => String(i));
    if (labelList.every((v) => indices.includes(v))) classes = indices;
    else if (labelList.length === count) classes = labelList;
    else if (labelList.length > count) {
      const extra = labelList.filter((v) => !indices.includes(v));
      throw new UserError(`label column "${options.labelColumn}" has ${labelList.length} distinct values (${shown(labelList)}), but ${options.modelFile} can only produce ${count} classes; values it cannot produce: ${shown(extra)}`, {
        where,
        hint: "Check the label input and that the holdout matches the model (a binary model needs two label values)."
      });
    } else {
      throw new UserError(`label column "${options.labelColumn}" has values ${shown(labelList)}, which do not say which of the model's ${count} probability columns is which class`, {
        where,
        hint: `Use class indices 0..${count - 1} as labels, or a holdout where every class occurs.`
      });
    }
  }
  if (classes.length < 2) {
    throw new UserError(`label column "${options.labelColumn}" has a single value (${shown(labelList)}) and the model predicts no other class`, { where, hint: "A classification holdout needs at least two classes." });
  }
  let positive = classes.includes("1") ? classes.indexOf("1") : classes.length - 1;
  if (options.positiveClass !== void 0) {
    positive = classes.indexOf(canonicalValue(options.positiveClass));
    if (positive < 0) {
      throw new UserError(`positive-class "${options.positiveClass}" is not one of the classes (${shown(classes)})`, { where: { key: "positive-class" } });
    }
  }
  return { classes, positive };
}
function truthIndices(labels, space, options) {
  const index = new Map(space.classes.map((c, i) => [c, i]));
  const truth = new Int32Array(labels.length);
  labels.forEach((label, row) => {
    const i = index.get(label);
    if (i === void 0) {
      throw new UserError(`label "${label}" at row ${row + 1} of column "${options.labelColumn}" is not a class the model can produce (${space.classes.join(", ")})`, {
        where: { file: options.dataFile, key: "label" }
      });
    }
    truth[row] = i;
  });
  return truth;
}
function classificationInput(predictions, truth, space, threshold, modelFile) {
  const n = truth.length;
  const classes = space.classes.length;
  let probabilities;
  if (predictions.probabilities) {
    const columns = predictions.probabilityColumns;
    if (columns === 1) {
      probabilities = new Float64Array(n * 2);
      for (let i = 0; i < n; i++) {
        const p = predictions.probabilities[i];
        probabilities[i * 2] = 1 - p;
        probabilities[i * 2 + 1] = p;
      }
    } else {
      if (columns !== classes) throw new UserError(`${modelFile} emits ${columns} class probabilities, but the gate compares ${classes} classes`, { where: { file: modelFile } });
      probabilities = predictions.probabilities;
    }
  }
  const predicted = new Int32Array(n);
  if (probabilities && classes === 2) {
    const other = 1 - space.positive;
    for (let i = 0; i < n; i++) predicted[i] = probabilities[i * 2 + space.positive] > threshold ? space.positive : other;
  } else if (probabilities) {
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < classes; c++) if (probabilities[i * classes + c] > probabilities[i * classes + best]) best = c;
      predicted[i] = best;
    }
  } else {
    const index = new Map(space.classes.map((c, i) => [c, i]));
    predictions.labels.forEach((label, i) => {
      const k = index.get(canonicalValue(label));
      if (k === void 0) throw new UserError(`${modelFile} predicted label "${label}" at row ${i + 1}, which is not one of the classes (${space.classes.join(", ")})`, { where: { file: modelFile } });
      predicted[i] = k;
    });
  }
  return { classes, truth, predicted, probabilities, positive: space.positive };
}

// actions/evaluate-gate/fairness-rules.ts
var MetricJudge = class {
  constructor(j) {
    this.j = j;
  }
  j;
  rules = [];
  notes = [];
  change;
  tests() {
    const { j } = this;
    const threshold = j.threshold;
    if (!threshold) return [];
    const out = [];
    const higher = fairnessHigherIsBetter(j.metric);
    const name = `${j.metric}(${j.attribute})`;
    if (!j.enough) {
      this.notes.push(`not tested: fewer than two groups of ${j.attribute} have min_slice_rows (${j.input.minSliceRows}) rows`);
      return [];
    }
    for (const bound of ["min", "max"]) {
      const value = threshold[bound];
      if (value === void 0) continue;
      const side2 = bound === "min" ? "above" : "below";
      const label = `${name} ${bound === "min" ? "\u2265" : "\u2264"} ${formatNumber(value)}`;
      if (j.input.absolute === "point") {
        if (j.candidate === null) this.rules.push({ verdict: "insufficient-evidence", text: `${label}: n/a, undefined on this holdout (${fairnessUndefinedCause(j.metric)}); not decidable` });
        else {
          const ok = side2 === "above" ? j.candidate >= value : j.candidate <= value;
          this.rules.push({ verdict: ok ? "pass" : "fail", text: `${label} (point estimate ${formatNumber(j.candidate)})` });
        }
        continue;
      }
      const samples2 = j.candidateSamples;
      if (!definedOnEnoughResamples(samples2)) {
        this.rules.push({ verdict: "insufficient-evidence", text: `${label} (interval of the candidate): n/a, ${undefinedOnResamples(samples2, fairnessUndefinedCause(j.metric))}; not tested` });
        continue;
      }
      const pValue2 = bootstrapPValue(samples2, value);
      out.push({
        pValue: pValue2,
        judged: (step, family) => {
          const ci = bootstrapInterval(samples2, step.level);
          const rejected = ci !== null && step.adjusted <= j.input.alpha;
          const beyond = ci !== null && (side2 === "above" ? ci[1] < value : ci[0] > value);
          const verdict = !ci ? "inconclusive" : rejected && beyond ? "fail" : rejected ? "pass" : "inconclusive";
          const why = !ci ? "undefined on too many resamples" : rejected && beyond ? "interval wholly beyond the bound" : rejected ? "interval wholly within the bound" : step.stopped ? "Holm: an earlier test was not rejected" : "interval contains the boundary";
          this.rules.push({ verdict, text: `${label} (interval of the candidate): ${why} (${levelText(ci, step.level, pValue2, step, family)})` });
        }
      });
    }
    const allowed = higher ? threshold.max_drop : threshold.max_rise;
    if (allowed === void 0) return out;
    if (!j.deltaSamples) {
      this.notes.push(`${higher ? "max_drop" : "max_rise"} not applied: no baseline (first run)`);
      return out;
    }
    const samples = j.deltaSamples;
    const boundary = higher ? -allowed : allowed;
    const side = higher ? "above" : "below";
    const target = minDetectableTarget(j.metric, allowed, j.input.minDetectable, j.baseline);
    if (!definedOnEnoughResamples(samples)) {
      this.rules.push({ verdict: "insufficient-evidence", text: `\u0394 ${name} ${higher ? "\u2265" : "\u2264"} ${formatNumber(boundary)} (paired bootstrap): n/a, ${undefinedOnResamples(samples, fairnessUndefinedCause(j.metric))}; not tested` });
      return out;
    }
    const pValue = bootstrapPValue(samples, boundary);
    out.push({
      pValue,
      judged: (step, family) => {
        const ci = bootstrapInterval(samples, step.level);
        const rejected = ci !== null && step.adjusted <= j.input.alpha;
        const beyond = ci !== null && (side === "above" ? ci[1] < boundary : ci[0] > boundary);
        const power = ci ? powerOf(ci, step.level, target, j.rows) : void 0;
        const detectable = power?.detectable;
        const rowsNeeded = power?.insufficient ? power.rowsNeeded : void 0;
        let verdict;
        let why;
        if (!ci) [verdict, why] = ["insufficient-evidence", "undefined on too many resamples"];
        else if (rejected && beyond) [verdict, why] = ["fail", allowed === 0 ? "significantly less fair than the baseline" : "interval wholly beyond the allowed change"];
        else if (rejected) [verdict, why] = ["pass", allowed === 0 ? "significantly fairer than the baseline" : "non-inferior: interval wholly within the allowed change"];
        else if (rowsNeeded !== void 0) [verdict, why] = ["insufficient-evidence", `the holdout detects a change of ${formatNumber(detectable)} with 80 % power, more than ${formatNumber(target)}; about ${rowsNeeded} rows needed`];
        else if (allowed === 0) [verdict, why] = ["pass", `no significant rise (the holdout detects ${formatNumber(detectable)} with 80 % power)`];
        else [verdict, why] = ["fail", "non-inferiority not shown: the interval reaches beyond the allowed change"];
        const label = `\u0394 ${name} ${higher ? "\u2265" : "\u2264"} ${formatNumber(boundary)} (paired bootstrap)`;
        this.rules.push({ verdict, text: `${label}: ${why} (${levelText(ci, step.level, pValue, step, family)})` });
        this.change = { ci, level: step.level, p: pValue, adjusted: step.adjusted, detectable, rowsNeeded };
      }
    });
    return out;
  }
  outcome() {
    const { j } = this;
    const alpha = j.input.alpha;
    const gated = this.rules.length > 0;
    const verdict = gated ? worst(this.rules.map((r) => r.verdict)) : "reported";
    const ci = this.change ? this.change.ci : j.deltaSamples ? bootstrapInterval(j.deltaSamples, alpha) : null;
    const failed = this.rules.filter((r) => r.verdict === "fail").map((r) => r.text);
    const rule = gated ? [...this.rules.map((r) => r.text), ...this.notes].join("; ") : this.notes.length ? `reported only (${this.notes.join("; ")})` : "reported only (no threshold)";
    return {
      candidate: j.candidate,
      baseline: j.baseline,
      delta: j.candidate !== null && j.baseline !== null ? j.candidate - j.baseline : null,
      ci,
      ci_level: 1 - (this.change?.level ?? alpha),
      candidate_ci: j.enough ? bootstrapInterval(j.candidateSamples, alpha) : null,
      verdict,
      rule,
      gated,
      direction: fairnessHigherIsBetter(j.metric) ? "higher" : "lower",
      ...this.change ? { p_value: this.change.p, p_adjusted: this.change.adjusted } : {},
      ...this.change?.detectable !== void 0 ? { min_detectable: this.change.detectable } : {},
      ...this.change?.rowsNeeded !== void 0 ? { rows_needed: this.change.rowsNeeded } : {},
      ...failed.length ? { failed_rules: failed } : {},
      ...this.undefinedReason(ci)
    };
  }
  /** Why the value or an interval is n/a (nothing when all are defined). */
  undefinedReason(ci) {
    const { j } = this;
    const cause = fairnessUndefinedCause(j.metric);
    if (!j.enough) return { undefined_reason: `fewer than two groups with min_slice_rows (${j.input.minSliceRows}) rows` };
    if (j.candidate === null) return { undefined_reason: `undefined on these rows (${cause})` };
    if (!definedOnEnoughResamples(j.candidateSamples)) return { undefined_reason: undefinedOnResamples(j.candidateSamples, cause) };
    if (ci === null && j.deltaSamples && j.baseline !== null) return { undefined_reason: undefinedOnResamples(j.deltaSamples, cause) };
    return {};
  }
};

// actions/evaluate-gate/fairness-gate.ts
var MAX_GROUPS = 100;
var MISSING_GROUP = "(missing)";
function fairnessThresholds(config, kind) {
  if (kind === "regression") {
    throw new UserError("gate.fairness needs a binary classifier, but the task is regression", {
      where: { key: "gate.fairness" },
      hint: "Selection rates, TPR and FPR are defined for decisions; remove gate.fairness for a regression model (compare its error per group with gate.slices instead)."
    });
  }
  if (kind === "multiclass") {
    throw new UserError("gate.fairness needs a binary classifier, but the model predicts more than two classes", {
      where: { key: "gate.fairness" },
      hint: "Demographic parity and equalized odds are defined for one positive class; gate a multiclass model per group with gate.slices."
    });
  }
  const out = Object.fromEntries(FAIRNESS_METRICS.map((m) => [m, void 0]));
  for (const [metric, threshold] of Object.entries(config.metrics ?? {})) {
    const key = `gate.fairness.metrics.${metric}`;
    if (!FAIRNESS_METRICS.includes(metric)) {
      const guess = suggestKey(metric, FAIRNESS_METRICS);
      throw new UserError(`fairness metric "${metric}" does not exist for a binary classifier`, { where: { key }, hint: `${guess ? `Did you mean "${guess}"? ` : ""}Fairness metrics: ${FAIRNESS_METRICS.join(", ")}.` });
    }
    const higher = fairnessHigherIsBetter(metric);
    const wrong = higher ? threshold.max !== void 0 ? "max" : threshold.max_rise !== void 0 ? "max_rise" : void 0 : threshold.min !== void 0 ? "min" : threshold.max_drop !== void 0 ? "max_drop" : void 0;
    if (wrong) {
      throw new UserError(`${metric} is better when ${higher ? "higher" : "lower"}, so it takes ${higher ? "min and max_drop" : "max and max_rise"}, not ${wrong}`, { where: { key } });
    }
    out[metric] = threshold;
  }
  return out;
}
function binary(input) {
  const positive = input.positive ?? 1;
  return { truth: Uint8Array.from(input.truth, (c) => c === positive ? 1 : 0), predicted: Uint8Array.from(input.predicted, (c) => c === positive ? 1 : 0) };
}
function attributeGroups(attribute, values, input, candidate, baseline) {
  const index = /* @__PURE__ */ new Map();
  for (const value of values) {
    const key = value === null ? MISSING_GROUP : value;
    if (!index.has(key)) index.set(key, index.size);
  }
  if (index.size > MAX_GROUPS) {
    throw new UserError(`fairness attribute "${attribute}" has ${index.size} distinct values, more than ${MAX_GROUPS}`, {
      where: { key: "gate.fairness.attributes" },
      hint: "Name a column of groups (sex, age band, region), or bin a numeric column into bands in the holdout."
    });
  }
  const names = [...index.keys()].sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
  const order = new Map(names.map((name, g) => [name, g]));
  const group = Int32Array.from(values, (v) => order.get(v === null ? MISSING_GROUP : v));
  const rowsPerGroup = names.map(() => 0);
  for (const g of group) rowsPerGroup[g]++;
  const tested = names.map((_, g) => g).filter((g) => rowsPerGroup[g] >= input.minSliceRows);
  return {
    attribute,
    names,
    rowsPerGroup,
    tested,
    rows: { groups: names.length, group, ...candidate },
    baselineRows: baseline ? { groups: names.length, group, ...baseline } : void 0
  };
}
async function fairnessGate(input, bootstrap = bootstrapRunner({ threads: 1 })) {
  const thresholds = fairnessThresholds(input.config, input.kind);
  const configured = FAIRNESS_METRICS.filter((m) => input.config.metrics?.[m] !== void 0);
  const metrics = configured.length ? configured : [...FAIRNESS_METRICS];
  const candidate = binary(input.candidate);
  const baseline = input.baseline ? binary(input.baseline) : void 0;
  const tests = [];
  const builders = [];
  for (const attribute of input.config.attributes) {
    const groups = attributeGroups(attribute, input.columns.get(attribute), input, candidate, baseline);
    const counts = groupCounts(groups.rows);
    const baselineCounts = groups.baselineRows ? groupCounts(groups.baselineRows) : void 0;
    const enough = groups.tested.length >= 2;
    const samples = await bootstrap.bootstrap(
      prepareFairness(groups.rows, metrics, groups.tested),
      groups.baselineRows ? prepareFairness(groups.baselineRows, metrics, groups.tested) : void 0,
      { resamples: enough ? input.resamples : 0, seed: deriveSeed(input.seed, `fairness:${attribute}`) }
    );
    const candidateSamples = samples.candidate;
    const deltaSamples = samples.delta;
    const rateMap = (k) => Object.fromEntries(groups.names.map((name, g) => [name, groupRates(k, g)]));
    metrics.forEach((metric, m) => {
      const judge = new MetricJudge({
        attribute,
        metric,
        threshold: thresholds[metric],
        candidate: finite(fairnessMetric(metric, counts, groups.tested)),
        baseline: baselineCounts ? finite(fairnessMetric(metric, baselineCounts, groups.tested)) : null,
        candidateSamples: candidateSamples[m],
        deltaSamples: deltaSamples?.[m],
        enough,
        rows: input.rows,
        input
      });
      tests.push(...judge.tests());
      builders.push(() => ({
        attribute,
        metric,
        groups: rateMap(counts),
        ...baselineCounts ? { baseline_groups: rateMap(baselineCounts) } : {},
        untested_groups: groups.names.filter((_, g) => !groups.tested.includes(g)),
        ...judge.outcome()
      }));
    });
  }
  return { tests, outcomes: () => builders.map((build) => build()) };
}
function finite(value) {
  return Number.isFinite(value) ? value : null;
}
function withFairness(base, outcomes) {
  const reasons = [...base.reasons];
  const undecided2 = [base.verdict];
  for (const o of outcomes) {
    if (o.verdict === "fail") reasons.push(`${o.metric} across ${o.attribute}: ${(o.failed_rules ?? [o.rule]).join("; ")}`);
    else if (o.verdict === "inconclusive" || o.verdict === "insufficient-evidence") undecided2.push(o.verdict);
  }
  if (reasons.length) return { verdict: "fail", reasons };
  return { verdict: worst(undecided2), reasons };
}

// actions/evaluate-gate/holdout.ts
var NUMERIC_KINDS = /* @__PURE__ */ new Set(["integer", "number", "boolean"]);
async function openHoldout(cwd, spec, host) {
  const source = await resolveData(cwd, spec, { allowOutsideWorkspace: allowOutsideWorkspace((name) => host.env(name)) });
  const table2 = await openData(source, host);
  const file = source.displayFiles.length === 1 ? source.displayFiles[0] : source.spec;
  const columns = table2.columns.map((c) => ({ name: c.name, numeric: NUMERIC_KINDS.has(c.kind) }));
  const { fingerprint } = await fingerprintData(source);
  return {
    file,
    fingerprint,
    rows: table2.rowCount,
    columns,
    strings: (names) => table2.readStrings(names),
    async *batches(names, batchRows, rowType) {
      if (rowType) {
        for await (const batch of table2.readRows(names, { batchRows, type: rowType })) yield rowMajorBatch(names, batch);
        return;
      }
      for await (const batch of table2.readNumeric(names, { batchRows })) {
        const index = new Map(names.map((name, i) => [name, i]));
        yield { rowOffset: batch.rowOffset, rows: batch.rows, column: (name) => batch.values[index.get(name)] };
      }
    },
    close: () => table2.close()
  };
}
function requireColumn(holdout, name, key, from = `input "${key}"`) {
  const column = holdout.columns.find((c) => c.name === name);
  if (column) return column;
  const names = holdout.columns.map((c) => c.name);
  const guess = suggestKey(name, names);
  throw new UserError(`column "${name}" (from ${from}) is not in the holdout`, {
    where: { file: holdout.file, key },
    hint: `${guess ? `Did you mean "${guess}"? ` : ""}Columns: ${names.join(", ")}.`
  });
}

// shared/stats/student-t.ts
function studentUpperTail(t, dof) {
  const tail = 0.5 * incompleteBeta(dof / (dof + t * t), dof / 2, 0.5);
  return t >= 0 ? tail : 1 - tail;
}
function studentUpperQuantile(upper, dof) {
  if (!(upper > 0 && upper < 1)) throw new Error(`upper tail ${upper} outside (0, 1)`);
  if (upper === 0.5) return 0;
  if (upper > 0.5) return -studentUpperQuantile(1 - upper, dof);
  let low = 0;
  let high = 1;
  while (studentUpperTail(high, dof) > upper) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-13 * Math.max(1, high); i++) {
    const mid = (low + high) / 2;
    if (studentUpperTail(mid, dof) > upper) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

// shared/governance/permutation-importance.ts
function shuffleIndices(rng, n, out = new Uint32Array(n)) {
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.nextIndex(i + 1);
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}
function featurePermutation(seed, feature, repeat, n, out) {
  return shuffleIndices(new Xoshiro128(deriveSeed(seed, `importance:${feature}:${repeat}`)), n, out);
}
function sampleRows(seed, n, k) {
  if (k >= n) return Uint32Array.from({ length: n }, (_, i) => i);
  const rng = new Xoshiro128(deriveSeed(seed, "importance:rows"));
  const swapped = /* @__PURE__ */ new Map();
  const out = new Uint32Array(k);
  for (let i = 0; i < k; i++) {
    const j = i + rng.nextIndex(n - i);
    const vj = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
    out[i] = vj;
  }
  return out.sort();
}
function summarize(repeats, alpha) {
  const defined = repeats.filter((value) => Number.isFinite(value));
  const r = defined.length;
  const mean = r ? defined.reduce((a, b) => a + b, 0) / r : Number.NaN;
  const variance = defined.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(r - 1, 1);
  const std = r ? Math.sqrt(variance) : Number.NaN;
  const half = r > 1 ? studentUpperQuantile(alpha / 2, r - 1) * (std / Math.sqrt(r)) : Number.POSITIVE_INFINITY;
  return { mean, std, ci: [mean - half, mean + half], repeats, ...r < repeats.length ? { undefined_repeats: repeats.length - r } : {} };
}

// actions/evaluate-gate/permuted-feed.ts
var PrebuiltScorer = class extends Scorer {
  constructor(model, rows, tensorFor) {
    super(model.opened.model, model.feed, model.outputs, rows, model.key);
    this.tensorFor = tensorFor;
  }
  tensorFor;
  feeds(batch) {
    return this.tensorFor(batch);
  }
};
var PermutedMatrix = class {
  constructor(model, base, rows, batchRows) {
    this.model = model;
    this.base = base;
    this.rows = rows;
    this.batchRows = batchRows;
    this.plan = model.feed;
    const width = this.plan.features.length;
    for (let offset = 0; offset < rows; offset += batchRows) {
      const n = Math.min(batchRows, rows - offset);
      const buffer = this.plan.type === "float32" ? new Float32Array(n * width) : new Float64Array(n * width);
      interleave(
        this.plan.features.map((name) => base.get(name).subarray(offset, offset + n)),
        n,
        buffer
      );
      this.buffers.push(buffer);
    }
  }
  model;
  base;
  rows;
  batchRows;
  buffers = [];
  plan;
  static applies(model) {
    return model.feed.mode === "matrix";
  }
  /** Scores the rows with `feature` shuffled by `permutation` (undefined: unpermuted). */
  async score(replaced) {
    const column = replaced ? this.plan.features.indexOf(replaced.feature) : -1;
    if (column >= 0) this.write(column, this.base.get(replaced.feature), replaced.permutation);
    try {
      const { Tensor } = this.model.opened.model.ort;
      const width = this.plan.features.length;
      const scorer = new PrebuiltScorer(this.model, this.rows, (batch) => {
        const buffer = this.buffers[batch.rowOffset / this.batchRows];
        return { [this.plan.input]: new Tensor(this.plan.type, buffer, [batch.rows, width]) };
      });
      for (let offset = 0; offset < this.rows; offset += this.batchRows) {
        const rows = Math.min(this.batchRows, this.rows - offset);
        await scorer.score({ rowOffset: offset, rows, column: () => new Float64Array(0) });
      }
      await scorer.finish();
      return scorer.predictions();
    } finally {
      if (column >= 0) this.write(column, this.base.get(replaced.feature));
    }
  }
  /** Column `column` of every batch buffer := values[permutation[row]] (or values[row]). */
  write(column, values, permutation) {
    const width = this.plan.features.length;
    for (let b = 0; b < this.buffers.length; b++) {
      const buffer = this.buffers[b];
      const offset = b * this.batchRows;
      const n = buffer.length / width;
      if (permutation) for (let i = 0, k = column; i < n; i++, k += width) buffer[k] = values[permutation[offset + i]];
      else for (let i = 0, k = column; i < n; i++, k += width) buffer[k] = values[offset + i];
    }
  }
};

// actions/evaluate-gate/importance.ts
var EXPLAIN_DEFAULTS = { repeats: 5, maxRows: 2e4 };
function defaultExplainMetric(kind) {
  return kind === "regression" ? "rmse" : "accuracy";
}
function checkExplainMetric(config, kind, probabilities) {
  const metric = config.metric ?? defaultExplainMetric(kind);
  const known = metricNames(kind);
  if (!known.includes(metric)) {
    const guess = suggestKey(metric, known);
    throw new UserError(`gate.explain.metric "${metric}" does not exist for a ${kind} model`, { where: { key: "gate.explain.metric" }, hint: `${guess ? `Did you mean "${guess}"? ` : ""}Metrics: ${known.join(", ")}.` });
  }
  if (!probabilities && ["roc_auc", "roc_auc_ovr_macro", "roc_auc_ovr_weighted", "log_loss"].includes(metric)) {
    throw new UserError(`gate.explain.metric "${metric}" needs probabilities, but the model only emits labels`, { where: { key: "gate.explain.metric" }, hint: "Use accuracy, or export the model with a probability output." });
  }
  return metric;
}
async function permutationImportance(input, host) {
  const start = performance.now();
  const metric = input.config.metric ?? defaultExplainMetric(input.kind);
  const repeats = input.config.repeats ?? EXPLAIN_DEFAULTS.repeats;
  const maxRows = input.config.max_rows ?? EXPLAIN_DEFAULTS.maxRows;
  const rows = sampleRows(input.seed, input.holdout.rows, maxRows);
  const n = rows.length;
  const models = [input.candidate, ...input.baseline ? [input.baseline] : []];
  const features = models.map((m) => columnsRead(m.feed));
  const union = [...new Set(features.flat())];
  const base = await gather(input.holdout, union, rows, input.batchRows ?? SCORING_BATCH_ROWS);
  const scoreOf = scoring(input, metric, rows);
  const higher = higherIsBetter(metric);
  const drop = (unpermuted2, permuted2) => higher ? unpermuted2 - permuted2 : permuted2 - unpermuted2;
  const batchRows = input.batchRows ?? SCORING_BATCH_ROWS;
  const scorers = models.map((m) => {
    const matrix = PermutedMatrix.applies(m) ? new PermutedMatrix(m, base, n, batchRows) : void 0;
    return (replaced) => matrix ? matrix.score(replaced) : score(m, base, replaced ? { feature: replaced.feature, values: replaced.values() } : void 0, n, batchRows);
  });
  const unpermuted = [];
  for (let m = 0; m < models.length; m++) {
    const score2 = scoreOf(models[m], await scorers[m]());
    if (!Number.isFinite(score2)) {
      throw new UserError(`the explained metric "${metric}" is undefined for the ${m === 0 ? "candidate" : "baseline"} on the ${n.toLocaleString("en-US")} rows explained (${undefinedCause(metric)}), so its drop cannot be measured`, {
        where: { key: "gate.explain.metric" },
        hint: `Explain with a metric these rows define: ${defaultExplainMetric(input.kind)} is defined on any rows.`
      });
    }
    unpermuted.push(score2);
  }
  const drops = models.map(() => /* @__PURE__ */ new Map());
  const permuted = new Float64Array(n);
  const permutation = new Uint32Array(n);
  await host.group(`Permutation importance: ${union.length} features \xD7 ${repeats} repeats on ${n.toLocaleString("en-US")} rows (${metric})`, async () => {
    for (const feature of union) {
      const column = base.get(feature);
      for (let r = 0; r < repeats; r++) {
        featurePermutation(input.seed, feature, r, n, permutation);
        let gathered = false;
        const values = () => {
          if (!gathered) for (let i = 0; i < n; i++) permuted[i] = column[permutation[i]];
          gathered = true;
          return permuted;
        };
        for (let m = 0; m < models.length; m++) {
          if (!features[m].includes(feature)) continue;
          const value = scoreOf(models[m], await scorers[m]({ feature, permutation, values }));
          const list = drops[m].get(feature) ?? [];
          list.push(drop(unpermuted[m], value));
          drops[m].set(feature, list);
        }
      }
    }
  });
  const summaries = drops.map((map) => new Map([...map].map(([feature, values]) => [feature, summarize(values, input.alpha)])));
  const key = (s) => Number.isFinite(s.mean) ? s.mean : Number.NEGATIVE_INFINITY;
  const ranks = summaries.map((map) => new Map([...map].sort((a, b) => key(b[1]) - key(a[1]) || (a[0] < b[0] ? -1 : 1)).map(([feature], i) => [feature, i + 1])));
  const entries = union.map((feature) => ({
    feature,
    candidate: summaries[0].get(feature) ?? null,
    baseline: summaries[1]?.get(feature) ?? null,
    candidate_rank: ranks[0].get(feature) ?? null,
    baseline_rank: ranks[1]?.get(feature) ?? null
  }));
  entries.sort((a, b) => (a.candidate_rank ?? Infinity) - (b.candidate_rank ?? Infinity) || (a.baseline_rank ?? Infinity) - (b.baseline_rank ?? Infinity));
  return {
    metric,
    direction: higher ? "higher" : "lower",
    repeats,
    rows: n,
    holdout_rows: input.holdout.rows,
    seed: input.seed,
    ci_level: 1 - input.alpha,
    candidate_score: unpermuted[0],
    baseline_score: unpermuted[1] ?? null,
    features: entries,
    seconds: (performance.now() - start) / 1e3
  };
}
async function gather(holdout, columns, rows, batchRows) {
  const out = new Map(columns.map((c) => [c, new Float64Array(rows.length)]));
  let next = 0;
  for await (const batch of holdout.batches(columns, batchRows)) {
    const end = batch.rowOffset + batch.rows;
    const first = next;
    while (next < rows.length && rows[next] < end) next++;
    for (const name of columns) {
      const source = batch.column(name);
      const target = out.get(name);
      for (let i = first; i < next; i++) target[i] = source[rows[i] - batch.rowOffset];
    }
  }
  return out;
}
async function score(model, base, replaced, n, batchRows) {
  const scorer = new Scorer(model.opened.model, model.feed, model.outputs, n, model.key);
  for (let offset = 0; offset < n; offset += batchRows) {
    const rows = Math.min(batchRows, n - offset);
    const batch = {
      rowOffset: offset,
      rows,
      column: (name) => (replaced && name === replaced.feature ? replaced.values : base.get(name)).subarray(offset, offset + rows)
    };
    await scorer.score(batch);
  }
  await scorer.finish();
  return scorer.predictions();
}
function scoring(input, metric, rows) {
  if ("values" in input.truth) {
    const truth2 = Float64Array.from(rows, (r) => input.truth.values[r]);
    return (_, predictions) => valueOf(metricValues(prepareRegression(truth2, predictions.values)), metric);
  }
  const { classes, space, threshold } = input.truth;
  const truth = Int32Array.from(rows, (r) => classes[r]);
  return (model, predictions) => {
    if (metric === "accuracy" && space.classes.length === 2 && predictions.probabilityColumns === 2) {
      const p = predictions.probabilities;
      const positive = space.positive;
      let correct2 = 0;
      for (let i = 0; i < truth.length; i++) if ((p[i * 2 + positive] > threshold ? positive : 1 - positive) === truth[i]) correct2++;
      return correct2 / truth.length;
    }
    const classified = classificationInput(predictions, truth, space, threshold, model.opened.model.displayPath);
    if (metric === "accuracy") {
      let correct2 = 0;
      for (let i = 0; i < truth.length; i++) if (classified.predicted[i] === truth[i]) correct2++;
      return correct2 / truth.length;
    }
    return valueOf(metricValues(prepareClassification(classified)), metric);
  };
}
function valueOf(values, metric) {
  const value = values[metric];
  return value === null || value === void 0 ? Number.NaN : value;
}

// actions/evaluate-gate/governance.ts
function checkGovernance(gate, explain, holdout, kind, probabilities) {
  for (const attribute of gate.fairness?.attributes ?? []) requireColumn(holdout, attribute, "gate.fairness.attributes", "gate.fairness.attributes in mlops.yml");
  if (gate.fairness && kind) fairnessThresholds(gate.fairness, kind);
  if (explain && kind) checkExplainMetric(explain, kind, probabilities);
}
async function fairnessFor(setup, host, bootstrap) {
  if (!setup) return void 0;
  const gate = await fairnessGate({ ...setup, minDetectable: setup.gate.min_detectable }, bootstrap);
  host.info(`fairness: ${setup.config.attributes.join(", ")} (${gate.tests.length} interval test${gate.tests.length === 1 ? "" : "s"} join Holm's family)`);
  return gate;
}
async function attributeColumns(holdout, config) {
  if (!config) return /* @__PURE__ */ new Map();
  const values = await holdout.strings(config.attributes);
  return new Map(config.attributes.map((name, i) => [name, values[i]]));
}
async function importanceFor(setup, host) {
  if (!setup) return void 0;
  checkExplainMetric(setup.explain, setup.kind, setup.probabilities);
  return permutationImportance({ config: setup.explain, kind: setup.kind, holdout: setup.holdout, candidate: setup.candidate, baseline: setup.baseline, truth: setup.truth, seed: setup.seed, alpha: setup.alpha }, host);
}

// actions/evaluate-gate/evaluate.ts
var DEFAULTS = { alpha: 0.05, resamples: 1e3, seed: 0, minSliceRows: 30, inconclusive: "warn", insufficientEvidence: "fail", absolute: "point", maxSliceValues: 20, batchRows: SCORING_BATCH_ROWS };
var THREAD_FAILURE = {
  where: { key: "gate.bootstrap.threads" },
  hint: "The resamples do not depend on the thread count: gate.bootstrap.threads: 1 runs them in the main thread, with the same results"
};
function planModel(opened, input, key, task) {
  const outputs = planOutputs(opened.model, { outputName: input.outputName, task, key });
  const features = key === "baseline" && featureNamesFromMetadata(opened.model.metadata) ? void 0 : input.features;
  const feed = planFeed(opened.model, input.holdout.columns, {
    features: key === "model" && !input.features && featureNamesFromMetadata(opened.model.metadata) ? void 0 : features,
    inputName: input.inputName,
    label: input.label,
    dataFile: input.holdout.file,
    key
  });
  return { feed, outputs };
}
function describeFeed(plan) {
  return plan.mode === "matrix" ? `${plan.features.length} features into "${plan.input}" (${plan.featuresFrom})` : `one input per column: ${plan.inputs.map((i) => i.column).join(", ")}`;
}
async function evaluate(input, host) {
  const { holdout, candidate, baseline } = input;
  const notes = [];
  if (holdout.rows === 0) throw new UserError("the holdout has no rows", { where: { file: holdout.file, key: "data" }, hint: "Point data at a non-empty holdout." });
  requireColumn(holdout, input.label, "label");
  for (const column of input.slices) requireColumn(holdout, column, "slices");
  const candidatePlan = planModel(candidate, input, "model", input.task);
  const task = input.task ?? candidatePlan.outputs.task;
  const baselinePlan = baseline ? planModel(baseline, input, "baseline", input.task) : void 0;
  if (baselinePlan && baselinePlan.outputs.task !== task) {
    throw new UserError(`the baseline is a ${baselinePlan.outputs.task} model but the candidate is ${task}`, {
      where: { file: baseline.model.displayPath, key: "baseline" },
      hint: `Compare models of the same task. Baseline outputs: ${baseline.model.outputs.map(signature).join("; ")}.`
    });
  }
  host.info(`candidate ${candidate.ref}: ${describeFeed(candidatePlan.feed)}; ${describeOutputPlan(candidatePlan.outputs)}`);
  if (baseline && baselinePlan) host.info(`baseline ${baseline.ref}: ${describeFeed(baselinePlan.feed)}; ${describeOutputPlan(baselinePlan.outputs)}`);
  const [labelStrings, ...sliceStrings] = await holdout.strings([input.label, ...input.slices]);
  const labels = labelStrings.map((value, row) => {
    if (value === null || value.trim() === "") {
      throw new UserError(`label column "${input.label}" is missing a value at row ${row + 1}`, { where: { file: holdout.file, key: "label" }, hint: "Every holdout row needs a label." });
    }
    return canonicalValue(value);
  });
  let space;
  const candidateColumns = candidatePlan.outputs.probability?.columns;
  const baselineColumns = baselinePlan?.outputs.probability?.columns;
  if (task === "classification") {
    if (candidateColumns !== void 0 && baselineColumns !== void 0 && Math.max(candidateColumns, 2) !== Math.max(baselineColumns, 2)) {
      throw new UserError(`the baseline predicts ${Math.max(baselineColumns, 2)} classes but the candidate ${Math.max(candidateColumns, 2)}`, {
        where: { file: baseline.model.displayPath, key: "baseline" },
        hint: "Compare models trained for the same classes."
      });
    }
    const columns = candidatePlan.outputs.probability ? candidateColumns : baselinePlan?.outputs.probability ? baselineColumns : void 0;
    const labelOnly = !candidatePlan.outputs.probability && !baselinePlan?.outputs.probability;
    if (columns !== void 0 && !labelOnly) {
      space = classSpace({ columns, labels: new Set(labels), positiveClass: input.positiveClass, dataFile: holdout.file, labelColumn: input.label, modelFile: candidate.model.displayPath });
      truthIndices(labels, space, { dataFile: holdout.file, labelColumn: input.label });
    }
  } else {
    labels.forEach((value, row) => {
      if (!Number.isFinite(Number(value))) {
        throw new UserError(`label column "${input.label}" is "${value}" at row ${row + 1}, not a number, but the task is regression`, {
          where: { file: holdout.file, key: "label" },
          hint: "Set task: classification, or choose the numeric target column as label."
        });
      }
    });
  }
  const knownKind = task === "regression" ? "regression" : space ? space.classes.length === 2 ? "binary" : "multiclass" : void 0;
  if (knownKind && input.gate.metrics) checkThresholds(input.gate.metrics, knownKind);
  checkGovernance(input.gate, input.explain, holdout, knownKind, Boolean(candidatePlan.outputs.probability));
  const attributes = await attributeColumns(holdout, input.gate.fairness);
  const scoringStart = performance.now();
  const candidateScorer = new Scorer(candidate.model, candidatePlan.feed, candidatePlan.outputs, holdout.rows, "model");
  const baselineScorer = baseline && baselinePlan ? new Scorer(baseline.model, baselinePlan.feed, baselinePlan.outputs, holdout.rows, "baseline") : void 0;
  const needed = [.../* @__PURE__ */ new Set([...columnsRead(candidatePlan.feed), ...baselinePlan ? columnsRead(baselinePlan.feed) : []])];
  await host.group(`Scoring ${holdout.rows.toLocaleString("en-US")} rows${baseline ? " with candidate and baseline" : ""}`, async () => {
    let scored = 0;
    let lastLog = performance.now();
    for await (const batch of holdout.batches(needed, DEFAULTS.batchRows, rowMajorType([candidatePlan.feed, baselinePlan?.feed]))) {
      await candidateScorer.score(batch);
      if (baselineScorer) await baselineScorer.score(batch);
      scored += batch.rows;
      const now = performance.now();
      if (now - lastLog > 2e3 || scored === holdout.rows) {
        const seconds = (now - scoringStart) / 1e3;
        host.info(`scored ${scored.toLocaleString("en-US")} / ${holdout.rows.toLocaleString("en-US")} rows (${Math.round(100 * scored / holdout.rows)} %, ${Math.round(scored / Math.max(seconds, 1e-3)).toLocaleString("en-US")} rows/s)`);
        lastLog = now;
      }
    }
    await candidateScorer.finish();
    await baselineScorer?.finish();
  });
  const scoringSeconds = (performance.now() - scoringStart) / 1e3;
  const candidatePredictions = candidateScorer.predictions();
  const baselinePredictions = baselineScorer?.predictions();
  const statisticsStart = performance.now();
  const gate = input.gate;
  const alpha = gate.alpha ?? DEFAULTS.alpha;
  const resamples = gate.bootstrap?.resamples ?? DEFAULTS.resamples;
  const seed = gate.bootstrap?.seed ?? DEFAULTS.seed;
  const minSliceRows = gate.min_slice_rows ?? DEFAULTS.minSliceRows;
  let kind = "regression";
  let candidateFull;
  let baselineFull;
  let truthValues;
  if (task === "classification") {
    if (!space) {
      const predicted = new Set([...candidatePredictions.labels ?? [], ...baselinePredictions?.labels ?? []].map(canonicalValue));
      const columns = candidatePredictions.probabilityColumns ?? baselinePredictions?.probabilityColumns;
      space = classSpace({ columns, labels: new Set(labels), predicted, positiveClass: input.positiveClass, dataFile: holdout.file, labelColumn: input.label, modelFile: candidate.model.displayPath });
    }
    const truth = truthIndices(labels, space, { dataFile: holdout.file, labelColumn: input.label });
    candidateFull = classificationInput(candidatePredictions, truth, space, input.threshold, candidate.model.displayPath);
    if (baselinePredictions) baselineFull = classificationInput(baselinePredictions, truth, space, input.threshold, baseline.model.displayPath);
    kind = space.classes.length === 2 ? "binary" : "multiclass";
  } else {
    truthValues = Float64Array.from(labels, Number);
  }
  const { thresholds, from: thresholdsFrom } = thresholdsFor(gate, kind, Boolean(candidateFull?.probabilities), notes);
  checkThresholds(thresholds, kind);
  const groupRows = [{ rows: void 0 }];
  input.slices.forEach((column, c) => {
    const values = sliceStrings[c];
    const byValue = /* @__PURE__ */ new Map();
    values.forEach((value, row) => {
      const key = value === null ? "(missing)" : value;
      let list = byValue.get(key);
      if (!list) byValue.set(key, list = []);
      list.push(row);
    });
    let entries = [...byValue.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    if (entries.length > DEFAULTS.maxSliceValues) {
      notes.push(`slice column "${column}" has ${entries.length} values; the ${DEFAULTS.maxSliceValues} largest are reported`);
      entries = entries.slice(0, DEFAULTS.maxSliceValues);
    }
    for (const [value, rows] of entries.sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) groupRows.push({ slice: { column, value }, rows: Uint32Array.from(rows) });
  });
  const absolute = gate.absolute ?? DEFAULTS.absolute;
  const fairnessSetup = gate.fairness ? { config: gate.fairness, kind, rows: holdout.rows, columns: attributes, candidate: candidateFull, baseline: baselineFull, gate, alpha, resamples, seed, minSliceRows, absolute } : void 0;
  const failure = THREAD_FAILURE;
  const bootstrap = bootstrapRunner(gate.bootstrap?.threads ? { threads: gate.bootstrap.threads, force: true, failure } : { failure });
  let groups;
  let fairness;
  try {
    groups = await host.group(`Paired bootstrap: ${resamples} resamples \xD7 ${groupRows.length} group${groupRows.length > 1 ? "s" : ""} (seed ${seed}${bootstrap.threads > 1 ? `, up to ${bootstrap.threads} threads` : ""})`, async () => {
      const collected = [];
      const isTested = ({ slice, rows }) => slice === void 0 || (rows?.length ?? 0) >= minSliceRows;
      const progress = new Progress(host, { label: "paired bootstrap", unit: "resamples", total: resamples * groupRows.filter(isTested).length });
      let resampled = 0;
      for (const group of groupRows) {
        const { slice, rows } = group;
        const untested = !isTested(group);
        const candidateMetrics = prepare(kind, candidateFull, candidatePredictions, truthValues, rows);
        const baselineMetrics = baselinePredictions ? prepare(kind, baselineFull, baselinePredictions, truthValues, rows) : void 0;
        const onProgress = (done) => progress.update(resampled + done);
        const samples = await bootstrap.bootstrap(candidateMetrics, baselineMetrics, { resamples: untested ? 0 : resamples, seed: slice ? deriveSeed(seed, `${slice.column}=${slice.value}`) : seed, onProgress });
        resampled += untested ? 0 : resamples;
        const candidateValues = metricValues(candidateMetrics);
        const baselineValues = baselineMetrics ? metricValues(baselineMetrics) : void 0;
        const metrics = /* @__PURE__ */ new Map();
        candidateMetrics.names.forEach((name, m) => {
          const evidence = {
            candidate: candidateValues[name] ?? null,
            baseline: baselineValues?.[name] ?? null,
            candidateSamples: samples.candidate[m],
            deltaSamples: samples.delta?.[m]
          };
          if (name === "accuracy" && candidateFull && baselineFull) evidence.discordant = discordantCounts(correct(candidateFull, rows), correct(baselineFull, rows));
          metrics.set(name, evidence);
        });
        host.info(`${slice ? `${slice.column}=${slice.value}` : "whole holdout"}: ${rows?.length ?? holdout.rows} rows${untested ? " (too few for tests)" : ""}`);
        collected.push({ slice, rows: rows?.length ?? holdout.rows, untested, metrics });
      }
      progress.finish();
      return collected;
    });
    fairness = await fairnessFor(fairnessSetup, host, bootstrap);
  } finally {
    await bootstrap.close();
  }
  const outcomes = decide(groups, { alpha, thresholds, absolute, hasBaseline: Boolean(baseline), minDetectable: gate.min_detectable, external: fairness?.tests });
  const fairnessOutcomes = fairness?.outcomes();
  const { verdict, reasons } = withFairness(overallVerdict(outcomes), fairnessOutcomes ?? []);
  const statisticsSeconds = (performance.now() - statisticsStart) / 1e3;
  const importance = await importanceFor(
    input.explain ? {
      explain: input.explain,
      kind,
      holdout,
      candidate: { opened: candidate, ...candidatePlan, key: "model" },
      baseline: baseline && baselinePlan ? { opened: baseline, ...baselinePlan, key: "baseline" } : void 0,
      truth: candidateFull ? { classes: candidateFull.truth, space, threshold: input.threshold } : { values: truthValues },
      probabilities: Boolean(candidateFull?.probabilities),
      seed,
      alpha
    } : void 0,
    host
  );
  if (!baseline) notes.push("first run: no baseline, so only absolute thresholds (min/max) were applied");
  const positiveClass = space && kind === "binary" ? space.classes[space.positive] : void 0;
  return {
    task,
    kind,
    rows: holdout.rows,
    classes: space?.classes,
    positiveClass,
    confusion: candidateFull ? { candidate: confusionMatrix(candidateFull.truth, candidateFull.predicted, candidateFull.classes), baseline: baselineFull ? confusionMatrix(baselineFull.truth, baselineFull.predicted, baselineFull.classes) : void 0 } : void 0,
    thresholds,
    thresholdsFrom,
    outcomes,
    verdict,
    reasons,
    notes,
    resamples,
    seed,
    alpha,
    minDetectable: gate.min_detectable,
    features: { candidate: describeFeed(candidatePlan.feed), baseline: baselinePlan ? describeFeed(baselinePlan.feed) : void 0 },
    seconds: { scoring: scoringSeconds, statistics: statisticsSeconds },
    ...fairnessOutcomes ? { fairness: fairnessOutcomes } : {},
    ...importance ? { importance } : {}
  };
}
function prepare(kind, full, predictions, truth, rows) {
  if (kind === "regression") {
    const values = predictions.values;
    return rows ? prepareRegression(pick(truth, rows), pick(values, rows)) : prepareRegression(truth, values);
  }
  if (!rows) return prepareClassification(full);
  const c = full.classes;
  let probabilities;
  if (full.probabilities) {
    probabilities = new Float64Array(rows.length * c);
    rows.forEach((row, i) => probabilities.set(full.probabilities.subarray(row * c, row * c + c), i * c));
  }
  return prepareClassification({ classes: c, truth: pickInt(full.truth, rows), predicted: pickInt(full.predicted, rows), probabilities, positive: full.positive });
}
function pick(values, rows) {
  return Float64Array.from(rows, (r) => values[r]);
}
function pickInt(values, rows) {
  return Int32Array.from(rows, (r) => values[r]);
}
function correct(input, rows) {
  const n = rows ? rows.length : input.truth.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows ? rows[i] : i;
    out[i] = input.truth[r] === input.predicted[r] ? 1 : 0;
  }
  return out;
}
function thresholdsFor(gate, kind, probabilities, notes) {
  if (gate.metrics && Object.keys(gate.metrics).length) return { thresholds: gate.metrics, from: "mlops.yml" };
  const thresholds = kind === "regression" ? { rmse: { max_rise: 0 } } : kind === "binary" && probabilities ? { accuracy: { max_drop: 0 }, roc_auc: { max_drop: 0 } } : { accuracy: { max_drop: 0 } };
  notes.push(`no gate.metrics in mlops.yml: using the default policy (${Object.keys(thresholds).join(", ")} must not be significantly worse than the baseline)`);
  return { thresholds, from: "default" };
}
function checkThresholds(thresholds, kind) {
  const known = metricNames(kind);
  for (const [metric, threshold] of Object.entries(thresholds)) {
    const key = `gate.metrics.${metric}`;
    if (!known.includes(metric)) {
      const guess = suggestKey(metric, known);
      throw new UserError(`gate metric "${metric}" does not exist for a ${kind} model`, { where: { key }, hint: `${guess ? `Did you mean "${guess}"? ` : ""}Metrics: ${known.join(", ")}.` });
    }
    const lowerBetter = ["log_loss", "rmse", "mae"].includes(metric);
    if (lowerBetter && (threshold.max_drop !== void 0 || threshold.min !== void 0)) {
      throw new UserError(`${metric} is better when lower, so it takes max and max_rise, not ${threshold.max_drop !== void 0 ? "max_drop" : "min"}`, { where: { key } });
    }
    if (!lowerBetter && (threshold.max_rise !== void 0 || threshold.max !== void 0)) {
      throw new UserError(`${metric} is better when higher, so it takes min and max_drop, not ${threshold.max_rise !== void 0 ? "max_rise" : "max"}`, { where: { key } });
    }
  }
}

// actions/evaluate-gate/holdout-trust.ts
function checkHoldout(fingerprint, options) {
  const fromBaseline = options.baselineFingerprint;
  const expected = options.pinned ?? fromBaseline;
  const from = options.pinned ? "gate.holdout_fingerprint" : fromBaseline ? "the baseline version" : void 0;
  if (!expected || !from) return { fingerprint, status: "unchecked" };
  if (expected === fingerprint) return { fingerprint, expected, from, status: "match" };
  if (!options.changeReason) {
    throw new UserError(`the holdout's fingerprint ${fingerprint} differs from ${from === "gate.holdout_fingerprint" ? "the one pinned in gate.holdout_fingerprint" : `the one ${options.baselineRef ?? "the baseline"} was gated on`} (${expected})`, {
      where: { key: from === "gate.holdout_fingerprint" ? "gate.holdout_fingerprint" : "data" },
      hint: "Score on the same holdout as the champion (take it from the base branch or the registry, not from the PR), or give holdout-change-reason to record why the holdout changed."
    });
  }
  return { fingerprint, expected, from, status: "changed", reason: options.changeReason };
}

// actions/evaluate-gate/models.ts
import { resolve } from "node:path";
async function openCandidate(cwd, path, host) {
  return { model: await openModel(resolve(cwd, path), path, host, "model"), ref: path };
}
async function openBaseline(cwd, baseline, host, auth, modelName) {
  const source = classifyModelSpec(baseline);
  if (source.kind === "file") {
    const model = await openModel(resolve(cwd, source.path), source.path, host, "baseline").catch((error) => {
      if (error instanceof UserError && /model file not found/.test(error.message)) {
        throw new UserError("baseline model file not found", {
          where: { file: source.path, key: "baseline" },
          hint: "Give the champion as an .onnx path or a registry reference (e.g. .mlops/registry:prod, oci://ghcr.io/org/models/name:prod), or leave baseline empty for a first run."
        });
      }
      throw error;
    });
    return { model, ref: source.path };
  }
  let resolved;
  try {
    resolved = await host.group(
      `Fetching baseline ${baseline}`,
      () => resolveModelReference(cwd, source.reference, host, { username: auth.username, password: auth.password }, { insecure: auth.insecure, defaultName: modelName })
    );
  } catch (error) {
    const absent = absentAlias(error, source.reference);
    if (absent) return absent;
    throw error;
  }
  try {
    const model = await openModel(resolved.path, resolved.ref, host, "baseline");
    if (model.sha256 !== resolved.modelSha256) throw new UserError(`baseline ${resolved.ref}: the sha256 of the fetched model (${model.sha256}) differs from its registry digest`, { where: { key: "baseline" } });
    return { model, ref: resolved.ref, digest: resolved.digest, annotations: resolved.annotations, holdoutFingerprint: resolved.holdoutFingerprint };
  } finally {
    await resolved.dispose();
  }
}
function absentAlias(error, reference) {
  if (!(error instanceof VersionNotFoundError) || reference.digest || !reference.tag) return void 0;
  if (reference.tag === LATEST || AUTO_VERSION_PATTERN.test(reference.tag) || error.knownTags.length === 0) return void 0;
  return { absent: true, reason: `${error.message.replace(/ has no version /, " has no version tagged ")}: no version carries the alias yet (known tags: ${terminalSafe(error.knownTags.slice(0, 10).join(", "))})` };
}
function isAbsent(baseline) {
  return baseline !== void 0 && "absent" in baseline;
}

// actions/evaluate-gate/governance-report.ts
var TOP_FEATURES = 10;
var RANK_CHANGES = 5;
var VERDICT_CELL = { pass: "\u2705 pass", fail: "\u274C fail", inconclusive: "\u26A0\uFE0F inconclusive", "insufficient-evidence": "\u26D4 insufficient evidence", reported: "reported" };
function governanceSections(evaluation, hasBaseline) {
  const out = [];
  if (evaluation.fairness?.length) out.push(fairnessSection(evaluation.fairness, hasBaseline), "");
  if (evaluation.importance) out.push(importanceSection(evaluation.importance, hasBaseline), "");
  return out;
}
function fairnessTable(outcomes, hasBaseline) {
  const header = hasBaseline ? ["attribute", "metric", "candidate", "CI", "baseline", "\u0394", "CI of \u0394", "verdict"] : ["attribute", "metric", "candidate", "CI", "verdict"];
  const rows = outcomes.map((o) => {
    const row = [code(o.attribute), `${code(o.metric)} ${o.direction === "higher" ? "\u2191" : "\u2193"}`, valueCell(o.candidate), intervalCell(o.candidate_ci)];
    if (hasBaseline) row.push(valueCell(o.baseline), signedCell(o.delta), intervalCell(o.ci));
    row.push(VERDICT_CELL[o.verdict]);
    return row;
  });
  const rendered = table(header, rows, hasBaseline ? ["l", "l", "r", "c", "r", "r", "c", "l"] : ["l", "l", "r", "c", "l"]);
  const note = undefinedNote(outcomes.map((o) => ({ name: `${o.metric}(${o.attribute})`, reason: o.undefined_reason })));
  return note ? `${rendered}

${note}` : rendered;
}
function fairnessSection(outcomes, hasBaseline) {
  const lines = ["### Fairness across groups", "", fairnessTable(outcomes, hasBaseline), ""];
  lines.push(
    `<sub>fairlearn's definitions over the groups with at least min_slice_rows rows: demographic parity difference = max \u2212 min selection rate, ratio = min / max, equalized odds difference = the larger of the TPR and FPR spreads. Intervals: bootstrap over holdout rows${hasBaseline ? ", paired across candidate and baseline" : ""}; gated interval tests are Holm-corrected with the metric tests.</sub>`,
    ""
  );
  const byAttribute = /* @__PURE__ */ new Map();
  for (const o of outcomes) if (!byAttribute.has(o.attribute)) byAttribute.set(o.attribute, o);
  const body = [];
  for (const [attribute, o] of byAttribute) {
    const header = ["group", "rows", "selection rate", "TPR", "FPR", "precision", ...o.baseline_groups ? ["baseline selection rate"] : []];
    const rows = Object.entries(o.groups).map(([group, r]) => [
      `${code(group)}${o.untested_groups.includes(group) ? " (not tested: too few rows)" : ""}`,
      r.rows.toLocaleString("en-US"),
      valueCell(r.selection_rate),
      valueCell(r.tpr),
      valueCell(r.fpr),
      valueCell(r.precision),
      ...o.baseline_groups ? [valueCell(o.baseline_groups[group]?.selection_rate)] : []
    ]);
    body.push(`**${code(attribute)}** (candidate)`, "", table(header, rows), "");
    if (rows.some((row) => row.includes(NOT_AVAILABLE))) body.push(`<sub>${NOT_AVAILABLE}: a rate whose group has no rows it divides by (TPR: no positives, FPR: no negatives, precision: no positive decisions).</sub>`, "");
  }
  const rules2 = outcomes.filter((o) => o.gated || o.rule.startsWith("reported only (not")).map((o) => [code(o.attribute), code(o.metric), VERDICT_CELL[o.verdict], escapeCell(o.rule)]);
  if (rules2.length) body.push(table(["attribute", "metric", "verdict", "rule"], rules2));
  lines.push(details("Rates per group and rules", body.join("\n")));
  return lines.join("\n");
}
var summaryCells = (s) => s ? [valueCell(s.mean), intervalCell(s.ci)] : ["\u2014", "\u2014"];
function importanceTable(features, hasBaseline, top = TOP_FEATURES) {
  const header = hasBaseline ? ["rank", "feature", "candidate", "CI", "baseline", "CI", "baseline rank"] : ["rank", "feature", "importance", "CI"];
  const rows = features.filter((f) => f.candidate_rank !== null).slice(0, top).map((f) => [String(f.candidate_rank), code(f.feature), ...summaryCells(f.candidate), ...hasBaseline ? [...summaryCells(f.baseline), f.baseline_rank === null ? "not read" : String(f.baseline_rank)] : []]);
  return table(header, rows, hasBaseline ? ["r", "l", "r", "c", "r", "c", "r"] : ["r", "l", "r", "c"]);
}
function rankChanges(features, count = RANK_CHANGES) {
  return features.filter((f) => f.candidate_rank !== f.baseline_rank).map((f) => ({ feature: f.feature, from: f.baseline_rank, to: f.candidate_rank, shift: f.candidate_rank === null || f.baseline_rank === null ? Infinity : Math.abs(f.baseline_rank - f.candidate_rank) })).sort((a, b) => b.shift - a.shift || (a.to ?? Infinity) - (b.to ?? Infinity)).slice(0, count);
}
function importanceSection(importance, hasBaseline) {
  const lines = ["### Feature importance (permutation)", ""];
  const sample = importance.rows < importance.holdout_rows ? `a seeded sample of ${importance.rows.toLocaleString("en-US")} of ${importance.holdout_rows.toLocaleString("en-US")} rows` : `all ${importance.rows.toLocaleString("en-US")} rows`;
  lines.push(
    `Drop of ${code(importance.metric)} when the feature is shuffled (${importance.repeats} seeded permutations each, ${sample}, seed ${importance.seed}); unpermuted ${code(importance.metric)}: candidate ${formatNumber(importance.candidate_score)}${importance.baseline_score !== null ? `, baseline ${formatNumber(importance.baseline_score)}` : ""}. Top ${Math.min(TOP_FEATURES, importance.features.filter((f) => f.candidate_rank !== null).length)} of the candidate:`,
    "",
    importanceTable(importance.features, hasBaseline),
    "",
    `<sub>CI: ${formatNumber(importance.ci_level * 100, 3)} % t interval over the permutations (the spread of the shuffles on these rows, not of the holdout). Candidate and baseline are scored on the same shuffled rows.</sub>`,
    ""
  );
  if (hasBaseline) {
    const changes = rankChanges(importance.features);
    if (changes.length) {
      lines.push("**Biggest rank changes** (baseline \u2192 candidate):", "");
      for (const c of changes) lines.push(`- ${code(c.feature)}: ${c.from ?? "not read"} \u2192 ${c.to ?? "not read"}`);
      lines.push("");
    } else lines.push("The ranking of the features is the same for baseline and candidate.", "");
  }
  lines.push(importanceChart(importance, hasBaseline));
  return lines.join("\n");
}
function importanceChart(importance, hasBaseline) {
  const shown = importance.features.filter((f) => f.candidate !== null && Number.isFinite(f.candidate.mean)).slice(0, TOP_FEATURES);
  if (!shown.length) return "";
  const bar = (v) => v === void 0 || !Number.isFinite(v) || v <= 0 ? 0 : Number(v.toPrecision(4));
  const number = (v) => chartNumber(v);
  const candidate = shown.map((f) => bar(f.candidate.mean));
  const baseline = shown.map((f) => bar(f.baseline?.mean));
  const high = Math.max(...candidate, ...hasBaseline ? baseline : []);
  return [
    "```mermaid",
    "xychart-beta",
    `  title "Permutation importance${hasBaseline ? " (first bar candidate, second baseline)" : ""}, negatives as 0"`,
    `  x-axis [${mermaidCategories(shown.map((f) => f.feature)).join(", ")}]`,
    `  y-axis ${mermaidLabel(`drop of ${importance.metric}`)} 0 --> ${chartNumber((high || 0.01) * 1.1, 3)}`,
    `  bar [${candidate.map(number).join(", ")}]`,
    ...hasBaseline ? [`  bar [${baseline.map(number).join(", ")}]`] : [],
    "```"
  ].join("\n");
}

// actions/evaluate-gate/report.ts
var BADGE = { pass: "\u2705 PASS", fail: "\u274C FAIL", inconclusive: "\u26A0\uFE0F INCONCLUSIVE", "insufficient-evidence": "\u26D4 INSUFFICIENT EVIDENCE" };
var VERDICT_CELL2 = { pass: "\u2705 pass", fail: "\u274C fail", inconclusive: "\u26A0\uFE0F inconclusive", "insufficient-evidence": "\u26D4 insufficient evidence", reported: "reported" };
function renderReport(evaluation, context) {
  const overall = evaluation.outcomes[0];
  const lines = [];
  const outcome = context.override && evaluation.verdict === "fail" ? `${BADGE.fail} (overridden)` : BADGE[evaluation.verdict];
  lines.push(`## ${outcome} \xB7 evaluate-gate \xB7 ${escapeText(context.modelName)}`, "");
  lines.push(verdictSentence(evaluation, context), "");
  if (evaluation.reasons.length) {
    lines.push("**Failed:**", "", ...evaluation.reasons.map((r) => `- ${escapeCell(r)}`), "");
  }
  if (context.override) lines.push(`> [!WARNING]
> Gate overridden in mlops.yml: ${escapeCell(context.override)}`, "");
  for (const note of evaluation.notes) lines.push(`> [!NOTE]
> ${escapeCell(note)}`, "");
  const hasBaseline = Boolean(context.baseline);
  lines.push(metricTable(overall, hasBaseline), "");
  lines.push(intervalNote(evaluation, hasBaseline), "");
  if (hasBaseline) lines.push(deltaChartOf(overall), "");
  lines.push(...governanceSections(evaluation, hasBaseline));
  const slices = evaluation.outcomes.slice(1);
  if (slices.length) lines.push(details(`Slices (${slices.length})`, sliceTables(slices, hasBaseline)), "");
  if (evaluation.confusion && evaluation.classes) lines.push(details("Confusion matrices", confusion(evaluation)), "");
  lines.push(details("How this was decided", rules(evaluation, context)), "");
  const links = [link("workflow run", context.runUrl), context.artifactUrl ? link("full report and results (artifact)", context.artifactUrl) : `full report: ${code(context.reportPath)} and the job summary`];
  lines.push(links.join(" \xB7 "), "");
  return lines.join("\n");
}
function verdictSentence(evaluation, context) {
  const against = context.baseline ? `against baseline ${code(context.baseline)}${context.baselineSha256 ? ` (model sha256 ${code(context.baselineSha256)})` : ""}` : `with **no baseline** (first run${context.firstRun ? `: ${escapeCell(context.firstRun)}` : ""}; absolute thresholds only)`;
  const head = `Candidate ${code(context.candidate)}${context.candidateSha256 ? ` (model sha256 ${code(context.candidateSha256)})` : ""} ${against}, re-scored on ${code(context.data)} (${evaluation.rows.toLocaleString("en-US")} rows, ${evaluation.kind}).`;
  let tail = "";
  if (evaluation.verdict === "insufficient-evidence") {
    const needed = Object.entries(evaluation.outcomes[0].metrics).filter(([, m]) => m.rows_needed !== void 0);
    const sizes = needed.map(([metric, m]) => `${code(metric)} detects ${formatNumber(m.min_detectable)} (needs ${formatNumber(m.min_detectable_target)}): about ${m.rows_needed.toLocaleString("en-US")} rows`);
    const undefinedGated = Object.entries(evaluation.outcomes[0].metrics).filter(([, m]) => m.gated && m.verdict === "insufficient-evidence" && m.undefined_reason !== void 0);
    const reasons = [...sizes, ...undefinedGated.map(([metric, m]) => `${code(metric)} is n/a: ${escapeCell(m.undefined_reason)}`)].join("; ");
    tail = ` The holdout is too small to judge${reasons ? ` (${reasons})` : ""}; policy \`insufficient_evidence: ${context.insufficientPolicy ?? "fail"}\` makes the step ${context.passed ? "pass" : "fail"}.`;
  } else if (evaluation.verdict === "inconclusive") {
    tail = ` The evidence is inconclusive; policy \`inconclusive: ${context.inconclusivePolicy}\` makes the step ${context.passed ? "pass" : "fail"}.`;
  } else if (evaluation.verdict === "fail") {
    tail = context.passed ? " The gate failed but is overridden, so the step passes." : " The step fails.";
  } else tail = " The step passes.";
  return `${head}${tail}`;
}
function cells(metric, m, hasBaseline) {
  const arrow = m.direction === "higher" ? "\u2191" : "\u2193";
  const row = [`${code(metric)} ${arrow}`, valueCell(m.candidate), intervalCell(m.candidate_ci)];
  if (hasBaseline) row.push(valueCell(m.baseline), signedCell(m.delta), intervalCell(m.ci));
  row.push(VERDICT_CELL2[m.gated ? m.verdict : "reported"]);
  return row;
}
function metricTable(group, hasBaseline) {
  const header = hasBaseline ? ["metric", "candidate", "CI", "baseline", "\u0394", "CI of \u0394", "verdict"] : ["metric", "candidate", "CI", "verdict"];
  const rows = Object.entries(group.metrics).map(([metric, m]) => cells(metric, m, hasBaseline));
  const rendered = table(header, rows, hasBaseline ? ["l", "r", "c", "r", "r", "c", "l"] : ["l", "r", "c", "l"]);
  const note = undefinedNote(Object.entries(group.metrics).map(([name, m]) => ({ name, reason: m.undefined_reason })));
  return note ? `${rendered}

${note}` : rendered;
}
function intervalNote(evaluation, hasBaseline) {
  const confidence = formatNumber((1 - evaluation.alpha) * 100, 3);
  const parts = [`CI: ${confidence} % percentile intervals (order statistics) from a paired bootstrap over rows (${evaluation.resamples} resamples, seed ${evaluation.seed}).`];
  if (hasBaseline) {
    parts.push(`For gated changes, "CI of \u0394" inverts the test that decided the verdict at the level it was judged at (Holm: \u03B1 / (m \u2212 rank + 1), or the level where Holm stopped; wider than 95 % when several tests are made), so it excludes the boundary exactly when the Holm-adjusted p-value is \u2264 \u03B1; for accuracy it is Tango's score interval for paired proportions.`);
  }
  parts.push("\u2191 higher is better, \u2193 lower is better.");
  return `<sub>${parts.join(" ")}</sub>`;
}
function deltaChartOf(group) {
  const entries = Object.entries(group.metrics).filter(([, m]) => m.delta !== null);
  if (entries.length < 2) return "";
  return deltaChart({ title: "\u0394 candidate \u2212 baseline (whole holdout)", labels: entries.map(([metric]) => metric), deltas: entries.map(([, m]) => m.delta), labelLength: 40 });
}
function sliceTables(slices, hasBaseline) {
  const out = [
    "<sub>Slices gate only on confident failures of change thresholds (Holm-corrected with the whole holdout); min/max on point estimates apply to the whole holdout only.</sub>",
    ""
  ];
  for (const slice of slices) {
    out.push(`**${code(slice.slice.column)} = ${code(slice.slice.value)}** (${slice.rows.toLocaleString("en-US")} rows)`, "", metricTable(slice, hasBaseline), "");
  }
  return out.join("\n");
}
function confusion(evaluation) {
  const classes = evaluation.classes;
  const render = (title, matrix) => [`${title} (rows: true class, columns: predicted)`, "", table(["", ...classes.map((c) => escapeCell(c))], matrix.map((row, i) => [escapeCell(classes[i]), ...row.map(String)])), ""].join("\n");
  const parts = [render("Candidate", evaluation.confusion.candidate)];
  if (evaluation.confusion.baseline) parts.push(render("Baseline", evaluation.confusion.baseline));
  if (evaluation.positiveClass !== void 0) parts.push(`Positive class: ${code(evaluation.positiveClass)}.`);
  return parts.join("\n");
}
function rules(evaluation, context) {
  const out = [];
  out.push(
    `Thresholds from ${evaluation.thresholdsFrom === "default" ? "the default policy" : "mlops.yml `gate.metrics`"}. With max_drop (max_rise) h > 0 a change passes when \u0394 is shown to be within h (non-inferiority) and fails otherwise; with h = 0 it fails only when the candidate is significantly worse. Either way, when the holdout cannot detect the regression that matters with 80 % power (min_detectable, else h), the result is insufficient evidence. Holm's step-down procedure controls the family-wise error at \u03B1 = ${formatNumber(evaluation.alpha)} across every metric \xD7 slice test; each test's decision, p-value and interval come from one test. Insufficient evidence: \`${context.insufficientPolicy ?? "fail"}\`; inconclusive: \`${context.inconclusivePolicy}\`.`,
    ""
  );
  const rows = [];
  for (const group of evaluation.outcomes) {
    for (const [metric, m] of Object.entries(group.metrics)) {
      if (!m.gated) continue;
      const where = group.slice ? `${group.slice.column}=${group.slice.value}` : "all rows";
      rows.push([escapeCell(where), code(metric), VERDICT_CELL2[m.verdict], escapeCell(m.rule)]);
    }
  }
  if (rows.length) out.push(table(["rows", "metric", "verdict", "rule"], rows));
  out.push("", `Features: candidate ${escapeCell(evaluation.features.candidate)}${evaluation.features.baseline ? `; baseline ${escapeCell(evaluation.features.baseline)}` : ""}.`);
  return out.join("\n");
}

// actions/evaluate-gate/governance-results.ts
var finite2 = (value) => Number.isFinite(value) ? value : null;
function jsonSummary(s) {
  return s && { ...s, mean: finite2(s.mean), std: finite2(s.std), ci: [finite2(s.ci[0]), finite2(s.ci[1])], repeats: s.repeats.map(finite2) };
}
function jsonFeatures(features) {
  return features.map((f) => ({ ...f, candidate: jsonSummary(f.candidate), baseline: jsonSummary(f.baseline) }));
}
var SEVERITY2 = ["fail", "insufficient-evidence", "inconclusive", "pass", "reported"];
function governanceChecks(evaluation) {
  const checks = [];
  if (evaluation.fairness) {
    const verdicts = evaluation.fairness.map((f) => f.verdict);
    const outcome = SEVERITY2.find((v) => verdicts.includes(v)) ?? "reported";
    const attributes = [...new Set(evaluation.fairness.map((f) => f.attribute))];
    const gated = evaluation.fairness.filter((f) => f.gated).length;
    checks.push({ check: "fairness", outcome, detail: `${evaluation.fairness.length} metric \xD7 attribute results over ${attributes.join(", ")}; ${gated} gated` });
  }
  if (evaluation.importance) {
    const i = evaluation.importance;
    checks.push({ check: "explainability", outcome: "computed", detail: `permutation importance of ${i.features.length} features, ${i.repeats} repeats on ${i.rows} rows (${i.metric})` });
  }
  return checks;
}
function governanceResults(evaluation) {
  const importance = evaluation.importance;
  return {
    ...evaluation.fairness ? { fairness: evaluation.fairness } : {},
    ...importance ? {
      importance: jsonFeatures(importance.features),
      importance_method: {
        method: "permutation",
        metric: importance.metric,
        direction: importance.direction,
        repeats: importance.repeats,
        rows: importance.rows,
        holdout_rows: importance.holdout_rows,
        sample: importance.rows < importance.holdout_rows ? "seeded sample without replacement (xoshiro128**, seed below)" : "whole holdout",
        seed: importance.seed,
        ci: `t interval over the repeats at ${importance.ci_level} (permutation spread, not holdout sampling)`,
        candidate_score: importance.candidate_score,
        baseline_score: importance.baseline_score,
        seconds: importance.seconds
      }
    } : {},
    ...evaluation.fairness || importance ? { governance: governanceChecks(evaluation) } : {}
  };
}
function governanceRecord(evaluation) {
  const importance = evaluation.importance;
  return {
    ...evaluation.fairness ? { fairness: evaluation.fairness } : {},
    ...importance ? { importance: { metric: importance.metric, repeats: importance.repeats, rows: importance.rows, seed: importance.seed, candidate_score: importance.candidate_score, baseline_score: importance.baseline_score, features: jsonFeatures(importance.features) } } : {},
    ...evaluation.fairness || importance ? { governance: governanceChecks(evaluation) } : {}
  };
}

// actions/evaluate-gate/results.ts
var RESULTS_SCHEMA = "mlops-actions/evaluate-gate-results@1";
function metricsOf(group) {
  return group.metrics;
}
function resultsJson(evaluation, context) {
  const [overall, ...slices] = evaluation.outcomes;
  return {
    schema: RESULTS_SCHEMA,
    verdict: evaluation.verdict,
    passed: context.passed,
    reasons: evaluation.reasons,
    override: context.override ? { reason: context.override } : void 0,
    task: evaluation.task,
    kind: evaluation.kind,
    rows: evaluation.rows,
    model: context.candidate,
    baseline: context.baseline ?? null,
    ...context.firstRun ? { first_run: context.firstRun } : {},
    ...context.holdout ? { holdout: context.holdout } : {},
    data: { path: context.data, fingerprint: context.dataFingerprint, rows: evaluation.rows },
    policy: {
      alpha: evaluation.alpha,
      thresholds: evaluation.thresholds,
      thresholds_from: evaluation.thresholdsFrom,
      inconclusive: context.inconclusivePolicy,
      insufficient_evidence: context.insufficientPolicy,
      min_detectable: evaluation.minDetectable ?? null,
      power: POWER,
      bootstrap: { resamples: evaluation.resamples, seed: evaluation.seed, interval: "percentile (order statistics inverting the bootstrap p-value)", prng: "xoshiro128**" },
      accuracy_test: "tango-score",
      multiplicity: "holm"
    },
    classes: evaluation.classes,
    positive_class: evaluation.positiveClass,
    metrics: metricsOf(overall),
    confusion_matrix: evaluation.confusion,
    slices: slices.map((s) => ({ column: s.slice.column, value: s.slice.value, rows: s.rows, metrics: metricsOf(s) })),
    ...governanceResults(evaluation),
    notes: evaluation.notes,
    report: context.reportPath
  };
}
function evaluationRecord(evaluation, context, resultsPath) {
  const [overall, ...slices] = evaluation.outcomes;
  return {
    task: evaluation.task,
    model: context.candidate,
    data: { path: context.data, fingerprint: context.dataFingerprint, rows: evaluation.rows },
    baseline: context.baseline ? { ref: context.baseline.ref, sha256: context.baseline.sha256, digest: context.baseline.digest } : null,
    ...context.firstRun ? { first_run: context.firstRun } : {},
    ...context.holdout ? { holdout: { ...context.holdout } } : {},
    alpha: evaluation.alpha,
    metrics: overall.metrics,
    slices: slices.map((s) => ({ column: s.slice.column, value: s.slice.value, rows: s.rows, metrics: s.metrics })),
    verdict: evaluation.verdict,
    passed: context.passed,
    override: context.override ? { reason: context.override } : void 0,
    inconclusive_policy: context.inconclusivePolicy,
    insufficient_evidence_policy: context.insufficientPolicy,
    reasons: evaluation.reasons,
    ...governanceRecord(evaluation),
    report_path: context.reportPath,
    results_path: resultsPath
  };
}
function metricMap(group, which) {
  return Object.fromEntries(Object.entries(group.metrics).map(([name, m]) => [name, m[which]]));
}

// actions/evaluate-gate/evaluate-gate.ts
var OUT_DIR = "mlops-out/evaluate-gate";
var evaluateGateStage = {
  name: "evaluate-gate",
  readOptions(host) {
    const task = enumInput(host, "task", ["classification", "regression", ""], "");
    const features = listInput(host, "features");
    const password = optionalInput(host, "registry-password");
    if (password) host.setSecret(password);
    return {
      model: requiredInput(host, "model"),
      data: requiredInput(host, "data"),
      label: optionalInput(host, "label"),
      task: task || void 0,
      baseline: optionalInput(host, "baseline"),
      configPath: host.input("config").trim(),
      features: features.length ? features : void 0,
      inputName: optionalInput(host, "input-name"),
      outputName: optionalInput(host, "output-name"),
      threshold: numberInput(host, "threshold", { min: 0, max: 1 }) ?? 0.5,
      positiveClass: optionalInput(host, "positive-class"),
      slices: listInput(host, "slices"),
      recordPath: host.input("record").trim() || DEFAULT_RECORD_PATH,
      comment: parseCommentMode(host.input("comment") || "auto"),
      token: host.input("github-token"),
      holdoutChangeReason: optionalInput(host, "holdout-change-reason"),
      explain: booleanInput(host, "explain", false),
      registry: { username: optionalInput(host, "registry-username"), password, insecure: booleanInput(host, "insecure", false) }
    };
  },
  async run(options, host) {
    const { config } = await loadConfig(host.cwd, options.configPath);
    const gate = config.gate ?? {};
    const label = options.label ?? config.model?.label;
    if (!label) {
      throw new UserError("no label column given", { where: { key: "label" }, hint: "Set the label input, or model.label in mlops.yml." });
    }
    const modelName = config.model?.name ?? basename(options.model).replace(/\.onnx$/i, "");
    const candidate = await openCandidate(host.cwd, options.model, host);
    let baseline;
    let firstRun;
    if (options.baseline) {
      const opened = await openBaseline(host.cwd, options.baseline, host, registryAuth(options, host), config.model?.name);
      if (isAbsent(opened)) {
        firstRun = opened.reason;
        host.notice(`first run: ${firstRun}; only absolute thresholds apply`);
      } else baseline = opened;
    }
    const holdout = await openHoldout(host.cwd, options.data, host);
    let evaluation;
    let holdoutCheck;
    try {
      holdoutCheck = checkHoldout(holdout.fingerprint, { pinned: gate.holdout_fingerprint, baselineFingerprint: baseline?.holdoutFingerprint, baselineRef: baseline?.ref, changeReason: options.holdoutChangeReason });
      if (holdoutCheck.status === "changed") host.warning(`the holdout differs from ${holdoutCheck.from} (${holdoutCheck.expected} \u2192 ${holdoutCheck.fingerprint}); accepted and recorded: ${holdoutCheck.reason}`);
      else if (holdoutCheck.status === "unchecked" && baseline?.annotations) host.notice(`the baseline ${baseline.ref} records no holdout fingerprint, so the holdout cannot be checked against the champion's; pin one in gate.holdout_fingerprint`);
      evaluation = await evaluate(
        {
          candidate,
          baseline,
          holdout,
          label,
          task: options.task ?? config.model?.task,
          features: options.features ? { names: options.features, from: "the features input" } : config.model?.features ? { names: config.model.features, from: "model.features in mlops.yml" } : void 0,
          inputName: options.inputName,
          outputName: options.outputName,
          threshold: options.threshold,
          positiveClass: options.positiveClass,
          slices: options.slices.length ? options.slices : gate.slices ?? [],
          gate,
          explain: gate.explain ?? (options.explain ? {} : void 0)
        },
        host
      );
    } finally {
      await holdout.close();
    }
    const inconclusivePolicy = gate.inconclusive ?? DEFAULTS.inconclusive;
    const override = gate.override?.reason;
    const insufficientPolicy = gate.insufficient_evidence ?? DEFAULTS.insufficientEvidence;
    const passed = stepPasses(evaluation.verdict, { inconclusive: inconclusivePolicy, insufficient: insufficientPolicy, overridden: override !== void 0 });
    const outDir = resolve2(host.cwd, OUT_DIR);
    const reportFile = join(outDir, "report.md");
    const resultsFile = join(outDir, "results.json");
    const display = (file) => relative(host.cwd, file) || file;
    const context = {
      candidate: { path: options.model, sha256: candidate.model.sha256 },
      baseline: baseline ? { ref: baseline.ref, sha256: baseline.model.sha256, digest: baseline.digest } : void 0,
      firstRun,
      holdout: holdoutCheck,
      data: holdout.file,
      dataFingerprint: holdout.fingerprint,
      passed,
      inconclusivePolicy,
      insufficientPolicy,
      override,
      reportPath: display(reportFile)
    };
    const run = runContext(host, "evaluate-gate");
    await writeFileAtomic(resultsFile, `${JSON.stringify(resultsJson(evaluation, context), null, 2)}
`);
    const reportContext = { modelName, candidate: options.model, candidateSha256: candidate.model.sha256, baseline: baseline?.ref, baselineSha256: baseline?.model.sha256, firstRun, data: holdout.file, passed, inconclusivePolicy, insufficientPolicy, override, runUrl: run.run_url, reportPath: display(reportFile) };
    await writeFileAtomic(reportFile, renderReport(evaluation, reportContext));
    const artifactUrl = await uploadReport(host, modelName, [reportFile, resultsFile], outDir, run.run_url);
    const markdown = artifactUrl ? renderReport(evaluation, { ...reportContext, artifactUrl }) : await readFile(reportFile, "utf8");
    await appendSection(resolve2(host.cwd, options.recordPath), "evaluation", evaluationRecord(evaluation, context, display(resultsFile)), run, options.recordPath);
    host.info(`report: ${display(reportFile)}; results: ${display(resultsFile)}; record: ${options.recordPath}`);
    await postReport({ host, stage: "evaluate-gate", model: modelName, markdown, comment: options.comment, token: options.token });
    const overall = evaluation.outcomes[0];
    if (evaluation.verdict === "inconclusive" && inconclusivePolicy === "warn") {
      host.warning(`evaluate-gate: inconclusive (${undecided(evaluation.outcomes[0].metrics, "inconclusive", evaluation.fairness)}); passing because gate.inconclusive is warn`);
    }
    if (evaluation.verdict === "insufficient-evidence" && insufficientPolicy === "warn") {
      host.warning(`evaluate-gate: insufficient evidence (${undecided(overall.metrics, "insufficient-evidence", evaluation.fairness)}); passing because gate.insufficient_evidence is warn`);
    }
    if (evaluation.verdict === "fail" && override) host.warning(`evaluate-gate: the gate failed (${evaluation.reasons.join("; ")}) but is overridden: ${override}`);
    return {
      outputs: {
        passed: String(passed),
        metrics: JSON.stringify(metricMap(overall, "candidate")),
        "baseline-metrics": JSON.stringify(baseline ? metricMap(overall, "baseline") : {}),
        report: display(reportFile),
        results: display(resultsFile)
      },
      failure: passed ? void 0 : evaluation.verdict === "fail" ? failedGateMessage(evaluation.reasons) : evaluation.verdict === "insufficient-evidence" ? `insufficient evidence and gate.insufficient_evidence is fail: ${undecided(overall.metrics, "insufficient-evidence", evaluation.fairness)} cannot be judged on ${evaluation.rows} rows (see min_detectable and rows_needed, or undefined_reason, in the results)` : `gate inconclusive and gate.inconclusive is fail: ${undecided(overall.metrics, "inconclusive", evaluation.fairness)} could not be decided on ${evaluation.rows} rows`
    };
  }
};
function failedGateMessage(reasons) {
  const count = `${reasons.length} check${reasons.length === 1 ? "" : "s"}`;
  return [`gate failed: ${count} did not hold (the report has the details):`, ...reasons.map((reason) => `  - ${reason}`)].join("\n");
}
function undecided(metrics, verdict = "inconclusive", fairness = []) {
  const named = (name, m) => m.undefined_reason ? `${name} (n/a: ${m.undefined_reason})` : name;
  return [...Object.entries(metrics).filter(([, m]) => m.verdict === verdict).map(([name, m]) => named(name, m)), ...fairness.filter((f) => f.verdict === verdict).map((f) => named(`${f.metric}(${f.attribute})`, f))].join(", ");
}
function registryAuth(options, host) {
  const { username, password, insecure } = options.registry;
  if (!username && !password && options.baseline?.startsWith("oci://ghcr.io/") && options.token) {
    return { username: host.env("GITHUB_ACTOR") ?? "token", password: options.token, insecure };
  }
  return { username, password, insecure };
}
async function uploadReport(host, model, files, root, runUrl) {
  if (host.kind !== "actions" || !host.env("ACTIONS_RUNTIME_TOKEN")) return void 0;
  try {
    const uploaded = await host.uploadArtifact(`evaluate-gate-${model}`, files, root);
    return uploaded?.id && runUrl ? `${runUrl}/artifacts/${uploaded.id}` : void 0;
  } catch (error) {
    host.warning(`could not upload the evaluate-gate report as an artifact: ${error.message.split("\n")[0]}`);
    return void 0;
  }
}
export {
  OUT_DIR,
  evaluateGateStage,
  failedGateMessage
};
