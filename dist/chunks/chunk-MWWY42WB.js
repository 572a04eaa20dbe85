import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  _gte,
  _lte,
  _minLength,
  array,
  describe,
  int,
  number2 as number,
  optional,
  record,
  strictObject,
  string
} from "./chunk-A3VPNE7V.js";

// shared/config/sections/governance.ts
var FAIRNESS_METRICS = ["demographic_parity_difference", "equalized_odds_difference", "demographic_parity_ratio"];
var FairnessThreshold = strictObject({
  min: optional(number()).check(describe("Floor on the candidate value (demographic_parity_ratio: 0.8 is the four-fifths rule).")),
  max: optional(number()).check(describe("Ceiling on the candidate value (the differences: 0 is parity).")),
  max_rise: optional(number().check(_gte(0))).check(describe("Largest allowed rise against the baseline (differences), judged on the paired bootstrap interval of candidate \u2212 baseline.")),
  max_drop: optional(number().check(_gte(0))).check(describe("Largest allowed drop against the baseline (demographic_parity_ratio), judged on the paired bootstrap interval."))
}).check(describe("Thresholds for one fairness metric, judged like gate.metrics thresholds (absolute ones per gate.absolute)."));
var FairnessSection = strictObject({
  attributes: array(string().check(_minLength(1))).check(_minLength(1), describe("Holdout columns holding the sensitive attributes (need not be model features). Each value is a group; groups with fewer than min_slice_rows rows are reported, not tested.")),
  metrics: optional(record(string().check(_minLength(1)), FairnessThreshold)).check(describe(`Thresholds per fairness metric (fairlearn's definitions): ${FAIRNESS_METRICS.join(", ")}. Default: all three reported, none gated.`))
}).check(describe("Fairness across groups of sensitive attributes (binary classification): per group selection rate, TPR, FPR, precision; between-group differences and ratios with bootstrap intervals, gated and Holm-corrected with the other tests."));
var ExplainSection = strictObject({
  metric: optional(string().check(_minLength(1))).check(describe("Metric whose drop is the importance (default: accuracy for classification, rmse for regression).")),
  repeats: optional(number().check(int(), _gte(2), _lte(100))).check(describe("Seeded permutations per feature (default 5).")),
  max_rows: optional(number().check(int(), _gte(10), _lte(1e6))).check(describe("Holdout rows used, a seeded sample without replacement when the holdout is larger (default 20000; at most 1,000,000, as every feature column of the sample is held in memory)."))
}).check(describe("Permutation feature importance for candidate and baseline (the explain input turns it on with the defaults)."));

export {
  FAIRNESS_METRICS,
  FairnessSection,
  ExplainSection
};
