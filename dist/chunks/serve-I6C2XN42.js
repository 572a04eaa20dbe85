import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  classifyModelSpec,
  featureNamesFromMetadata,
  planOutputs
} from "./chunk-NKYRZODN.js";
import {
  DURATION,
  INSTANCE_INFO,
  PREDICTION,
  REQUESTS
} from "./chunk-WEGH5HV3.js";
import {
  firstLine,
  openModel
} from "./chunk-XHNLZXUM.js";
import "./chunk-RA3DXR5B.js";
import {
  ANNOTATION,
  AUTO_VERSION_PATTERN,
  MODEL_NAME_PATTERN,
  isLoopbackHost,
  isModelLayer,
  parseModelReference,
  resolveVersion,
  validateModelName
} from "./chunk-APGALERZ.js";
import {
  onTerminationSignals
} from "./chunk-ZZ7SVV7N.js";
import {
  loadConfig
} from "./chunk-XWE5INN7.js";
import "./chunk-OSEBCLTD.js";
import "./chunk-C5HFBKMB.js";
import "./chunk-LWRQI2SV.js";
import {
  crypto
} from "./chunk-GWCI4O4C.js";
import {
  LocalHost,
  UsageError
} from "./chunk-GUTYRZAD.js";
import "./chunk-PZERGBQP.js";
import "./chunk-A3VPNE7V.js";
import {
  UserError,
  isUserError
} from "./chunk-OIBAWGZR.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-D4RZRY5B.js";

// node_modules/prom-client/lib/util.js
var require_util = __commonJS({
  "node_modules/prom-client/lib/util.js"(exports) {
    "use strict";
    exports.getValueAsString = function getValueString(value) {
      if (Number.isNaN(value)) {
        return "Nan";
      } else if (!Number.isFinite(value)) {
        if (value < 0) {
          return "-Inf";
        } else {
          return "+Inf";
        }
      } else {
        return `${value}`;
      }
    };
    exports.removeLabels = function removeLabels(hashMap, labels, sortedLabelNames) {
      const hash = hashObject(labels, sortedLabelNames);
      delete hashMap[hash];
    };
    exports.setValue = function setValue(hashMap, value, labels) {
      const hash = hashObject(labels);
      hashMap[hash] = {
        value: typeof value === "number" ? value : 0,
        labels: labels || {}
      };
      return hashMap;
    };
    exports.setValueDelta = function setValueDelta(hashMap, deltaValue, labels, hash = "") {
      const value = typeof deltaValue === "number" ? deltaValue : 0;
      if (hashMap[hash]) {
        hashMap[hash].value += value;
      } else {
        hashMap[hash] = { value, labels };
      }
      return hashMap;
    };
    exports.getLabels = function(labelNames, args) {
      if (typeof args[0] === "object") {
        return args[0];
      }
      if (labelNames.length !== args.length) {
        throw new Error(
          `Invalid number of arguments (${args.length}): "${args.join(
            ", "
          )}" for label names (${labelNames.length}): "${labelNames.join(", ")}".`
        );
      }
      const acc = {};
      for (let i = 0; i < labelNames.length; i++) {
        acc[labelNames[i]] = args[i];
      }
      return acc;
    };
    function fastHashObject(keys, labels) {
      if (keys.length === 0) {
        return "";
      }
      let hash = "";
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const value = labels[key];
        if (value === void 0) continue;
        hash += `${key}:${value},`;
      }
      return hash;
    }
    function hashObject(labels, labelNames) {
      if (labelNames) {
        return fastHashObject(labelNames, labels);
      }
      const keys = Object.keys(labels);
      if (keys.length > 1) {
        keys.sort();
      }
      return fastHashObject(keys, labels);
    }
    exports.hashObject = hashObject;
    exports.isObject = function isObject2(obj) {
      return obj !== null && typeof obj === "object";
    };
    exports.nowTimestamp = function nowTimestamp() {
      return Date.now() / 1e3;
    };
    var Grouper = class extends Map {
      /**
       * Adds the `value` to the `key`'s array of values.
       * @param {*} key Key to set.
       * @param {*} value Value to add to `key`'s array.
       * @returns {undefined} undefined.
       */
      add(key, value) {
        if (this.has(key)) {
          this.get(key).push(value);
        } else {
          this.set(key, [value]);
        }
      }
    };
    exports.Grouper = Grouper;
  }
});

// node_modules/prom-client/lib/registry.js
var require_registry = __commonJS({
  "node_modules/prom-client/lib/registry.js"(exports, module) {
    "use strict";
    var { getValueAsString } = require_util();
    var Registry2 = class _Registry {
      static get PROMETHEUS_CONTENT_TYPE() {
        return "text/plain; version=0.0.4; charset=utf-8";
      }
      static get OPENMETRICS_CONTENT_TYPE() {
        return "application/openmetrics-text; version=1.0.0; charset=utf-8";
      }
      constructor(regContentType = _Registry.PROMETHEUS_CONTENT_TYPE) {
        this._metrics = {};
        this._collectors = [];
        this._defaultLabels = {};
        if (regContentType !== _Registry.PROMETHEUS_CONTENT_TYPE && regContentType !== _Registry.OPENMETRICS_CONTENT_TYPE) {
          throw new TypeError(`Content type ${regContentType} is unsupported`);
        }
        this._contentType = regContentType;
      }
      getMetricsAsArray() {
        return Object.values(this._metrics);
      }
      async getMetricsAsString(metrics) {
        const metric = typeof metrics.getForPromString === "function" ? await metrics.getForPromString() : await metrics.get();
        const name = escapeString(metric.name);
        const help = `# HELP ${name} ${escapeString(metric.help)}`;
        const type = `# TYPE ${name} ${metric.type}`;
        const values = [help, type];
        const defaultLabels = Object.keys(this._defaultLabels).length > 0 ? this._defaultLabels : null;
        const isOpenMetrics = this.contentType === _Registry.OPENMETRICS_CONTENT_TYPE;
        for (const val of metric.values || []) {
          let { metricName = name, labels = {} } = val;
          const { sharedLabels = {} } = val;
          if (isOpenMetrics && metric.type === "counter") {
            metricName = `${metricName}_total`;
          }
          if (defaultLabels) {
            labels = { ...labels, ...defaultLabels, ...labels };
          }
          const formattedLabels = formatLabels(labels, sharedLabels);
          const flattenedShared = flattenSharedLabels(sharedLabels);
          const labelParts = [...formattedLabels, flattenedShared].filter(Boolean);
          const labelsString = labelParts.length ? `{${labelParts.join(",")}}` : "";
          let fullMetricLine = `${metricName}${labelsString} ${getValueAsString(
            val.value
          )}`;
          const { exemplar } = val;
          if (exemplar && isOpenMetrics) {
            const formattedExemplars = formatLabels(exemplar.labelSet);
            fullMetricLine += ` # {${formattedExemplars.join(
              ","
            )}} ${getValueAsString(exemplar.value)} ${exemplar.timestamp}`;
          }
          values.push(fullMetricLine);
        }
        return values.join("\n");
      }
      async metrics() {
        const isOpenMetrics = this.contentType === _Registry.OPENMETRICS_CONTENT_TYPE;
        const promises = this.getMetricsAsArray().map((metric) => {
          if (isOpenMetrics && metric.type === "counter") {
            metric.name = standardizeCounterName(metric.name);
          }
          return this.getMetricsAsString(metric);
        });
        const resolves = await Promise.all(promises);
        return isOpenMetrics ? `${resolves.join("\n")}
# EOF
` : `${resolves.join("\n\n")}
`;
      }
      registerMetric(metric) {
        if (this._metrics[metric.name] && this._metrics[metric.name] !== metric) {
          throw new Error(
            `A metric with the name ${metric.name} has already been registered.`
          );
        }
        this._metrics[metric.name] = metric;
      }
      clear() {
        this._metrics = {};
        this._defaultLabels = {};
      }
      async getMetricsAsJSON() {
        const metrics = [];
        const defaultLabelNames = Object.keys(this._defaultLabels);
        const promises = [];
        for (const metric of this.getMetricsAsArray()) {
          promises.push(metric.get());
        }
        const resolves = await Promise.all(promises);
        for (const item of resolves) {
          if (item.values && defaultLabelNames.length > 0) {
            for (const val of item.values) {
              val.labels = Object.assign({}, val.labels);
              for (const labelName of defaultLabelNames) {
                val.labels[labelName] = val.labels[labelName] || this._defaultLabels[labelName];
              }
            }
          }
          metrics.push(item);
        }
        return metrics;
      }
      removeSingleMetric(name) {
        delete this._metrics[name];
      }
      getSingleMetricAsString(name) {
        return this.getMetricsAsString(this._metrics[name]);
      }
      getSingleMetric(name) {
        return this._metrics[name];
      }
      setDefaultLabels(labels) {
        this._defaultLabels = labels;
      }
      resetMetrics() {
        for (const metric in this._metrics) {
          this._metrics[metric].reset();
        }
      }
      get contentType() {
        return this._contentType;
      }
      setContentType(metricsContentType) {
        if (metricsContentType === _Registry.OPENMETRICS_CONTENT_TYPE || metricsContentType === _Registry.PROMETHEUS_CONTENT_TYPE) {
          this._contentType = metricsContentType;
        } else {
          throw new Error(`Content type ${metricsContentType} is unsupported`);
        }
      }
      static merge(registers) {
        const regType = registers[0].contentType;
        for (const reg of registers) {
          if (reg.contentType !== regType) {
            throw new Error(
              "Registers can only be merged if they have the same content type"
            );
          }
        }
        const mergedRegistry = new _Registry(regType);
        const metricsToMerge = registers.reduce(
          (acc, reg) => acc.concat(reg.getMetricsAsArray()),
          []
        );
        metricsToMerge.forEach(mergedRegistry.registerMetric, mergedRegistry);
        return mergedRegistry;
      }
    };
    function formatLabels(labels, exclude) {
      const { hasOwnProperty } = Object.prototype;
      const formatted = [];
      for (const [name, value] of Object.entries(labels)) {
        if (!exclude || !hasOwnProperty.call(exclude, name)) {
          formatted.push(`${name}="${escapeLabelValue(value)}"`);
        }
      }
      return formatted;
    }
    var sharedLabelCache = /* @__PURE__ */ new WeakMap();
    function flattenSharedLabels(labels) {
      const cached = sharedLabelCache.get(labels);
      if (cached) {
        return cached;
      }
      const formattedLabels = formatLabels(labels);
      const flattened = formattedLabels.join(",");
      sharedLabelCache.set(labels, flattened);
      return flattened;
    }
    function escapeLabelValue(str) {
      if (typeof str !== "string") {
        return str;
      }
      return escapeString(str).replace(/"/g, '\\"');
    }
    function escapeString(str) {
      return str.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
    }
    function standardizeCounterName(name) {
      return name.replace(/_total$/, "");
    }
    module.exports = Registry2;
    module.exports.globalRegistry = new Registry2();
  }
});

// node_modules/prom-client/lib/validation.js
var require_validation = __commonJS({
  "node_modules/prom-client/lib/validation.js"(exports) {
    "use strict";
    var util = __require("util");
    var metricRegexp = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
    var labelRegexp = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
    exports.validateMetricName = function(name) {
      return metricRegexp.test(name);
    };
    exports.validateLabelName = function(names = []) {
      return names.every((name) => labelRegexp.test(name));
    };
    exports.validateLabel = function validateLabel(savedLabels, labels) {
      for (const label in labels) {
        if (!savedLabels.includes(label)) {
          throw new Error(
            `Added label "${label}" is not included in initial labelset: ${util.inspect(
              savedLabels
            )}`
          );
        }
      }
    };
  }
});

// node_modules/prom-client/lib/metric.js
var require_metric = __commonJS({
  "node_modules/prom-client/lib/metric.js"(exports, module) {
    "use strict";
    var Registry2 = require_registry();
    var { isObject: isObject2 } = require_util();
    var { validateMetricName, validateLabelName } = require_validation();
    var Metric = class {
      constructor(config, defaults = {}) {
        if (!isObject2(config)) {
          throw new TypeError("constructor expected a config object");
        }
        Object.assign(
          this,
          {
            labelNames: [],
            registers: [Registry2.globalRegistry],
            aggregator: "sum",
            enableExemplars: false
          },
          defaults,
          config
        );
        if (!this.registers) {
          this.registers = [Registry2.globalRegistry];
        }
        if (!this.help) {
          throw new Error("Missing mandatory help parameter");
        }
        if (!this.name) {
          throw new Error("Missing mandatory name parameter");
        }
        if (!validateMetricName(this.name)) {
          throw new Error("Invalid metric name");
        }
        if (!validateLabelName(this.labelNames)) {
          throw new Error("Invalid label name");
        }
        if (this.collect && typeof this.collect !== "function") {
          throw new Error('Optional "collect" parameter must be a function');
        }
        if (this.labelNames) {
          this.sortedLabelNames = [...this.labelNames].sort();
        } else {
          this.sortedLabelNames = [];
        }
        this.reset();
        for (const register of this.registers) {
          if (this.enableExemplars && register.contentType === Registry2.PROMETHEUS_CONTENT_TYPE) {
            throw new TypeError(
              "Exemplars are supported only on OpenMetrics registries"
            );
          }
          register.registerMetric(this);
        }
      }
      reset() {
      }
    };
    module.exports = { Metric };
  }
});

// node_modules/prom-client/lib/exemplar.js
var require_exemplar = __commonJS({
  "node_modules/prom-client/lib/exemplar.js"(exports, module) {
    "use strict";
    var Exemplar = class {
      constructor(labelSet = {}, value = null) {
        this.labelSet = labelSet;
        this.value = value;
      }
      /**
       * Validation for the label set format.
       * https://github.com/OpenObservability/OpenMetrics/blob/d99b705f611b75fec8f450b05e344e02eea6921d/specification/OpenMetrics.md#exemplars
       *
       * @param {object} labelSet - Exemplar labels.
       * @throws {RangeError}
       * @return {void}
       */
      validateExemplarLabelSet(labelSet) {
        let res = "";
        for (const [labelName, labelValue] of Object.entries(labelSet)) {
          res += `${labelName}${labelValue}`;
        }
        if (res.length > 128) {
          throw new RangeError(
            "Label set size must be smaller than 128 UTF-8 chars"
          );
        }
      }
    };
    module.exports = Exemplar;
  }
});

// node_modules/prom-client/lib/counter.js
var require_counter = __commonJS({
  "node_modules/prom-client/lib/counter.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var {
      hashObject,
      isObject: isObject2,
      getLabels,
      removeLabels,
      nowTimestamp
    } = require_util();
    var { validateLabel } = require_validation();
    var { Metric } = require_metric();
    var Exemplar = require_exemplar();
    var Counter2 = class extends Metric {
      constructor(config) {
        super(config);
        this.type = "counter";
        this.defaultLabels = {};
        this.defaultValue = 1;
        this.defaultExemplarLabelSet = {};
        if (config.enableExemplars) {
          this.enableExemplars = true;
          this.inc = this.incWithExemplar;
        } else {
          this.inc = this.incWithoutExemplar;
        }
      }
      /**
       * Increment counter
       * @param {object} labels - What label you want to be incremented
       * @param {Number} value - Value to increment, if omitted increment with 1
       * @returns {object} results - object with information about the inc operation
       * @returns {string} results.labelHash - hash representation of the labels
       */
      incWithoutExemplar(labels, value) {
        let hash = "";
        if (isObject2(labels)) {
          hash = hashObject(labels, this.sortedLabelNames);
          validateLabel(this.labelNames, labels);
        } else {
          value = labels;
          labels = {};
        }
        if (value && !Number.isFinite(value)) {
          throw new TypeError(`Value is not a valid number: ${util.format(value)}`);
        }
        if (value < 0) {
          throw new Error("It is not possible to decrease a counter");
        }
        if (value === null || value === void 0) value = 1;
        setValue(this.hashMap, value, labels, hash);
        return { labelHash: hash };
      }
      /**
       * Increment counter with exemplar, same as inc but accepts labels for an
       * exemplar.
       * If no label is provided the current exemplar labels are kept unchanged
       * (defaults to empty set).
       *
       * @param {object} incOpts - Object with options about what metric to increase
       * @param {object} incOpts.labels - What label you want to be incremented,
       *                                  defaults to null (metric with no labels)
       * @param {Number} incOpts.value - Value to increment, defaults to 1
       * @param {object} incOpts.exemplarLabels - Key-value  labels for the
       *                                          exemplar, defaults to empty set {}
       * @returns {void}
       */
      incWithExemplar({
        labels = this.defaultLabels,
        value = this.defaultValue,
        exemplarLabels = this.defaultExemplarLabelSet
      } = {}) {
        const res = this.incWithoutExemplar(labels, value);
        this.updateExemplar(exemplarLabels, value, res.labelHash);
      }
      updateExemplar(exemplarLabels, value, hash) {
        if (exemplarLabels === this.defaultExemplarLabelSet) return;
        if (!isObject2(this.hashMap[hash].exemplar)) {
          this.hashMap[hash].exemplar = new Exemplar();
        }
        this.hashMap[hash].exemplar.validateExemplarLabelSet(exemplarLabels);
        this.hashMap[hash].exemplar.labelSet = exemplarLabels;
        this.hashMap[hash].exemplar.value = value ? value : 1;
        this.hashMap[hash].exemplar.timestamp = nowTimestamp();
      }
      /**
       * Reset counter
       * @returns {void}
       */
      reset() {
        this.hashMap = {};
        if (this.labelNames.length === 0) {
          setValue(this.hashMap, 0);
        }
      }
      async get() {
        if (this.collect) {
          const v = this.collect();
          if (v instanceof Promise) await v;
        }
        return {
          help: this.help,
          name: this.name,
          type: this.type,
          values: Object.values(this.hashMap),
          aggregator: this.aggregator
        };
      }
      labels(...args) {
        const labels = getLabels(this.labelNames, args) || {};
        return {
          inc: this.inc.bind(this, labels)
        };
      }
      remove(...args) {
        const labels = getLabels(this.labelNames, args) || {};
        validateLabel(this.labelNames, labels);
        return removeLabels.call(this, this.hashMap, labels, this.sortedLabelNames);
      }
    };
    function setValue(hashMap, value, labels = {}, hash = "") {
      if (hashMap[hash]) {
        hashMap[hash].value += value;
      } else {
        hashMap[hash] = { value, labels };
      }
      return hashMap;
    }
    module.exports = Counter2;
  }
});

// node_modules/prom-client/lib/gauge.js
var require_gauge = __commonJS({
  "node_modules/prom-client/lib/gauge.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var {
      setValue,
      setValueDelta,
      getLabels,
      hashObject,
      isObject: isObject2,
      removeLabels
    } = require_util();
    var { validateLabel } = require_validation();
    var { Metric } = require_metric();
    var Gauge2 = class extends Metric {
      constructor(config) {
        super(config);
        this.type = "gauge";
      }
      /**
       * Set a gauge to a value
       * @param {object} labels - Object with labels and their values
       * @param {Number} value - Value to set the gauge to, must be positive
       * @returns {void}
       */
      set(labels, value) {
        value = getValueArg(labels, value);
        labels = getLabelArg(labels);
        set(this, labels, value);
      }
      /**
       * Reset gauge
       * @returns {void}
       */
      reset() {
        this.hashMap = {};
        if (this.labelNames.length === 0) {
          setValue(this.hashMap, 0, {});
        }
      }
      /**
       * Increment a gauge value
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @param {Number} value - Value to increment - if omitted, increment with 1
       * @returns {void}
       */
      inc(labels, value) {
        value = getValueArg(labels, value);
        labels = getLabelArg(labels);
        if (value === void 0) value = 1;
        setDelta(this, labels, value);
      }
      /**
       * Decrement a gauge value
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @param {Number} value - Value to decrement - if omitted, decrement with 1
       * @returns {void}
       */
      dec(labels, value) {
        value = getValueArg(labels, value);
        labels = getLabelArg(labels);
        if (value === void 0) value = 1;
        setDelta(this, labels, -value);
      }
      /**
       * Set the gauge to current unix epoch
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @returns {void}
       */
      setToCurrentTime(labels) {
        const now = Date.now() / 1e3;
        if (labels === void 0) {
          this.set(now);
        } else {
          this.set(labels, now);
        }
      }
      /**
       * Start a timer
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @returns {function} - Invoke this function to set the duration in seconds since you started the timer.
       * @example
       * var done = gauge.startTimer();
       * makeXHRRequest(function(err, response) {
       *	done(); //Duration of the request will be saved
       * });
       */
      startTimer(labels) {
        const start = process.hrtime();
        return (endLabels) => {
          const delta = process.hrtime(start);
          const value = delta[0] + delta[1] / 1e9;
          this.set(Object.assign({}, labels, endLabels), value);
          return value;
        };
      }
      async get() {
        if (this.collect) {
          const v = this.collect();
          if (v instanceof Promise) await v;
        }
        return {
          help: this.help,
          name: this.name,
          type: this.type,
          values: Object.values(this.hashMap),
          aggregator: this.aggregator
        };
      }
      _getValue(labels) {
        const hash = hashObject(labels || {}, this.sortedLabelNames);
        return this.hashMap[hash] ? this.hashMap[hash].value : 0;
      }
      labels(...args) {
        const labels = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels);
        return {
          inc: this.inc.bind(this, labels),
          dec: this.dec.bind(this, labels),
          set: this.set.bind(this, labels),
          setToCurrentTime: this.setToCurrentTime.bind(this, labels),
          startTimer: this.startTimer.bind(this, labels)
        };
      }
      remove(...args) {
        const labels = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels);
        removeLabels.call(this, this.hashMap, labels, this.sortedLabelNames);
      }
    };
    function set(gauge, labels, value) {
      if (typeof value !== "number") {
        throw new TypeError(`Value is not a valid number: ${util.format(value)}`);
      }
      validateLabel(gauge.labelNames, labels);
      setValue(gauge.hashMap, value, labels);
    }
    function setDelta(gauge, labels, delta) {
      if (typeof delta !== "number") {
        throw new TypeError(`Delta is not a valid number: ${util.format(delta)}`);
      }
      validateLabel(gauge.labelNames, labels);
      const hash = hashObject(labels, gauge.sortedLabelNames);
      setValueDelta(gauge.hashMap, delta, labels, hash);
    }
    function getLabelArg(labels) {
      return isObject2(labels) ? labels : {};
    }
    function getValueArg(labels, value) {
      return isObject2(labels) ? value : labels;
    }
    module.exports = Gauge2;
  }
});

// node_modules/prom-client/lib/histogram.js
var require_histogram = __commonJS({
  "node_modules/prom-client/lib/histogram.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var {
      getLabels,
      hashObject,
      isObject: isObject2,
      removeLabels,
      nowTimestamp
    } = require_util();
    var { validateLabel } = require_validation();
    var { Metric } = require_metric();
    var Exemplar = require_exemplar();
    var Histogram2 = class extends Metric {
      constructor(config) {
        super(config, {
          buckets: [5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
        });
        this.type = "histogram";
        this.defaultLabels = {};
        this.defaultExemplarLabelSet = {};
        this.enableExemplars = false;
        for (const label of this.labelNames) {
          if (label === "le") {
            throw new Error("le is a reserved label keyword");
          }
        }
        this.upperBounds = this.buckets;
        this.bucketValues = this.upperBounds.reduce((acc, upperBound) => {
          acc[upperBound] = 0;
          return acc;
        }, {});
        if (config.enableExemplars) {
          this.enableExemplars = true;
          this.bucketExemplars = this.upperBounds.reduce((acc, upperBound) => {
            acc[upperBound] = null;
            return acc;
          }, {});
          Object.freeze(this.bucketExemplars);
          this.observe = this.observeWithExemplar;
        } else {
          this.observe = this.observeWithoutExemplar;
        }
        Object.freeze(this.bucketValues);
        Object.freeze(this.upperBounds);
        if (this.labelNames.length === 0) {
          this.hashMap = {
            [hashObject({})]: createBaseValues(
              {},
              this.bucketValues,
              this.bucketExemplars
            )
          };
        }
      }
      /**
       * Observe a value in histogram
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @param {Number} value - Value to observe in the histogram
       * @returns {void}
       */
      observeWithoutExemplar(labels, value) {
        observe.call(this, labels === 0 ? 0 : labels || {})(value);
      }
      observeWithExemplar({
        labels = this.defaultLabels,
        value,
        exemplarLabels = this.defaultExemplarLabelSet
      } = {}) {
        observe.call(this, labels === 0 ? 0 : labels || {})(value);
        this.updateExemplar(labels, value, exemplarLabels);
      }
      updateExemplar(labels, value, exemplarLabels) {
        if (Object.keys(exemplarLabels).length === 0) return;
        const hash = hashObject(labels, this.sortedLabelNames);
        const bound = findBound(this.upperBounds, value);
        const { bucketExemplars } = this.hashMap[hash];
        let exemplar = bucketExemplars[bound];
        if (!isObject2(exemplar)) {
          exemplar = new Exemplar();
          bucketExemplars[bound] = exemplar;
        }
        exemplar.validateExemplarLabelSet(exemplarLabels);
        exemplar.labelSet = exemplarLabels;
        exemplar.value = value;
        exemplar.timestamp = nowTimestamp();
      }
      async get() {
        const data = await this.getForPromString();
        data.values = data.values.map(splayLabels);
        return data;
      }
      async getForPromString() {
        if (this.collect) {
          const v = this.collect();
          if (v instanceof Promise) await v;
        }
        const data = Object.values(this.hashMap);
        const values = data.map(extractBucketValuesForExport(this)).reduce(addSumAndCountForExport(this), []);
        return {
          name: this.name,
          help: this.help,
          type: this.type,
          values,
          aggregator: this.aggregator
        };
      }
      reset() {
        this.hashMap = {};
      }
      /**
       * Initialize the metrics for the given combination of labels to zero
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @returns {void}
       */
      zero(labels) {
        const hash = hashObject(labels, this.sortedLabelNames);
        this.hashMap[hash] = createBaseValues(
          labels,
          this.bucketValues,
          this.bucketExemplars
        );
      }
      /**
       * Start a timer that could be used to logging durations
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @param {object} exemplarLabels - Object with labels for exemplar where key is the label key and value is label value. Can only be one level deep
       * @returns {function} - Function to invoke when you want to stop the timer and observe the duration in seconds
       * @example
       * var end = histogram.startTimer();
       * makeExpensiveXHRRequest(function(err, res) {
       * 	const duration = end(); //Observe the duration of expensiveXHRRequest and returns duration in seconds
       * 	console.log('Duration', duration);
       * });
       */
      startTimer(labels, exemplarLabels) {
        return this.enableExemplars ? startTimerWithExemplar.call(this, labels, exemplarLabels)() : startTimer.call(this, labels)();
      }
      labels(...args) {
        const labels = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels);
        return {
          observe: observe.call(this, labels),
          startTimer: startTimer.call(this, labels)
        };
      }
      remove(...args) {
        const labels = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels);
        removeLabels.call(this, this.hashMap, labels, this.sortedLabelNames);
      }
    };
    function startTimer(startLabels) {
      return () => {
        const start = process.hrtime();
        return (endLabels) => {
          const delta = process.hrtime(start);
          const value = delta[0] + delta[1] / 1e9;
          this.observe(Object.assign({}, startLabels, endLabels), value);
          return value;
        };
      };
    }
    function startTimerWithExemplar(startLabels, startExemplarLabels) {
      return () => {
        const start = process.hrtime();
        return (endLabels, endExemplarLabels) => {
          const delta = process.hrtime(start);
          const value = delta[0] + delta[1] / 1e9;
          this.observe({
            labels: Object.assign({}, startLabels, endLabels),
            value,
            exemplarLabels: Object.assign(
              {},
              startExemplarLabels,
              endExemplarLabels
            )
          });
          return value;
        };
      };
    }
    function setValuePair(labels, value, metricName, exemplar, sharedLabels = {}) {
      return {
        labels,
        sharedLabels,
        value,
        metricName,
        exemplar
      };
    }
    function findBound(upperBounds, value) {
      for (let i = 0; i < upperBounds.length; i++) {
        const bound = upperBounds[i];
        if (value <= bound) {
          return bound;
        }
      }
      return -1;
    }
    function observe(labels) {
      return (value) => {
        const labelValuePair = convertLabelsAndValues(labels, value);
        validateLabel(this.labelNames, labelValuePair.labels);
        if (!Number.isFinite(labelValuePair.value)) {
          throw new TypeError(
            `Value is not a valid number: ${util.format(labelValuePair.value)}`
          );
        }
        const hash = hashObject(labelValuePair.labels, this.sortedLabelNames);
        let valueFromMap = this.hashMap[hash];
        if (!valueFromMap) {
          valueFromMap = createBaseValues(
            labelValuePair.labels,
            this.bucketValues,
            this.bucketExemplars
          );
        }
        const b = findBound(this.upperBounds, labelValuePair.value);
        valueFromMap.sum += labelValuePair.value;
        valueFromMap.count += 1;
        if (Object.prototype.hasOwnProperty.call(valueFromMap.bucketValues, b)) {
          valueFromMap.bucketValues[b] += 1;
        }
        this.hashMap[hash] = valueFromMap;
      };
    }
    function createBaseValues(labels, bucketValues, bucketExemplars) {
      const result = {
        labels,
        bucketValues: { ...bucketValues },
        sum: 0,
        count: 0
      };
      if (bucketExemplars) {
        result.bucketExemplars = { ...bucketExemplars };
      }
      return result;
    }
    function convertLabelsAndValues(labels, value) {
      return isObject2(labels) ? {
        labels,
        value
      } : {
        value: labels,
        labels: {}
      };
    }
    function extractBucketValuesForExport(histogram) {
      const name = `${histogram.name}_bucket`;
      return (bucketData) => {
        let acc = 0;
        const buckets = histogram.upperBounds.map((upperBound) => {
          acc += bucketData.bucketValues[upperBound];
          return setValuePair(
            { le: upperBound },
            acc,
            name,
            bucketData.bucketExemplars ? bucketData.bucketExemplars[upperBound] : null,
            bucketData.labels
          );
        });
        return { buckets, data: bucketData };
      };
    }
    function addSumAndCountForExport(histogram) {
      return (acc, d) => {
        acc.push(...d.buckets);
        const infLabel = { le: "+Inf" };
        acc.push(
          setValuePair(
            infLabel,
            d.data.count,
            `${histogram.name}_bucket`,
            d.data.bucketExemplars ? d.data.bucketExemplars["-1"] : null,
            d.data.labels
          ),
          setValuePair(
            {},
            d.data.sum,
            `${histogram.name}_sum`,
            void 0,
            d.data.labels
          ),
          setValuePair(
            {},
            d.data.count,
            `${histogram.name}_count`,
            void 0,
            d.data.labels
          )
        );
        return acc;
      };
    }
    function splayLabels(bucket) {
      const { sharedLabels, labels, ...newBucket } = bucket;
      for (const label of Object.keys(sharedLabels)) {
        labels[label] = sharedLabels[label];
      }
      newBucket.labels = labels;
      return newBucket;
    }
    module.exports = Histogram2;
  }
});

// node_modules/bintrees/lib/treebase.js
var require_treebase = __commonJS({
  "node_modules/bintrees/lib/treebase.js"(exports, module) {
    function TreeBase() {
    }
    TreeBase.prototype.clear = function() {
      this._root = null;
      this.size = 0;
    };
    TreeBase.prototype.find = function(data) {
      var res = this._root;
      while (res !== null) {
        var c = this._comparator(data, res.data);
        if (c === 0) {
          return res.data;
        } else {
          res = res.get_child(c > 0);
        }
      }
      return null;
    };
    TreeBase.prototype.findIter = function(data) {
      var res = this._root;
      var iter = this.iterator();
      while (res !== null) {
        var c = this._comparator(data, res.data);
        if (c === 0) {
          iter._cursor = res;
          return iter;
        } else {
          iter._ancestors.push(res);
          res = res.get_child(c > 0);
        }
      }
      return null;
    };
    TreeBase.prototype.lowerBound = function(item) {
      var cur = this._root;
      var iter = this.iterator();
      var cmp = this._comparator;
      while (cur !== null) {
        var c = cmp(item, cur.data);
        if (c === 0) {
          iter._cursor = cur;
          return iter;
        }
        iter._ancestors.push(cur);
        cur = cur.get_child(c > 0);
      }
      for (var i = iter._ancestors.length - 1; i >= 0; --i) {
        cur = iter._ancestors[i];
        if (cmp(item, cur.data) < 0) {
          iter._cursor = cur;
          iter._ancestors.length = i;
          return iter;
        }
      }
      iter._ancestors.length = 0;
      return iter;
    };
    TreeBase.prototype.upperBound = function(item) {
      var iter = this.lowerBound(item);
      var cmp = this._comparator;
      while (iter.data() !== null && cmp(iter.data(), item) === 0) {
        iter.next();
      }
      return iter;
    };
    TreeBase.prototype.min = function() {
      var res = this._root;
      if (res === null) {
        return null;
      }
      while (res.left !== null) {
        res = res.left;
      }
      return res.data;
    };
    TreeBase.prototype.max = function() {
      var res = this._root;
      if (res === null) {
        return null;
      }
      while (res.right !== null) {
        res = res.right;
      }
      return res.data;
    };
    TreeBase.prototype.iterator = function() {
      return new Iterator(this);
    };
    TreeBase.prototype.each = function(cb) {
      var it = this.iterator(), data;
      while ((data = it.next()) !== null) {
        if (cb(data) === false) {
          return;
        }
      }
    };
    TreeBase.prototype.reach = function(cb) {
      var it = this.iterator(), data;
      while ((data = it.prev()) !== null) {
        if (cb(data) === false) {
          return;
        }
      }
    };
    function Iterator(tree) {
      this._tree = tree;
      this._ancestors = [];
      this._cursor = null;
    }
    Iterator.prototype.data = function() {
      return this._cursor !== null ? this._cursor.data : null;
    };
    Iterator.prototype.next = function() {
      if (this._cursor === null) {
        var root = this._tree._root;
        if (root !== null) {
          this._minNode(root);
        }
      } else {
        if (this._cursor.right === null) {
          var save;
          do {
            save = this._cursor;
            if (this._ancestors.length) {
              this._cursor = this._ancestors.pop();
            } else {
              this._cursor = null;
              break;
            }
          } while (this._cursor.right === save);
        } else {
          this._ancestors.push(this._cursor);
          this._minNode(this._cursor.right);
        }
      }
      return this._cursor !== null ? this._cursor.data : null;
    };
    Iterator.prototype.prev = function() {
      if (this._cursor === null) {
        var root = this._tree._root;
        if (root !== null) {
          this._maxNode(root);
        }
      } else {
        if (this._cursor.left === null) {
          var save;
          do {
            save = this._cursor;
            if (this._ancestors.length) {
              this._cursor = this._ancestors.pop();
            } else {
              this._cursor = null;
              break;
            }
          } while (this._cursor.left === save);
        } else {
          this._ancestors.push(this._cursor);
          this._maxNode(this._cursor.left);
        }
      }
      return this._cursor !== null ? this._cursor.data : null;
    };
    Iterator.prototype._minNode = function(start) {
      while (start.left !== null) {
        this._ancestors.push(start);
        start = start.left;
      }
      this._cursor = start;
    };
    Iterator.prototype._maxNode = function(start) {
      while (start.right !== null) {
        this._ancestors.push(start);
        start = start.right;
      }
      this._cursor = start;
    };
    module.exports = TreeBase;
  }
});

// node_modules/bintrees/lib/rbtree.js
var require_rbtree = __commonJS({
  "node_modules/bintrees/lib/rbtree.js"(exports, module) {
    var TreeBase = require_treebase();
    function Node(data) {
      this.data = data;
      this.left = null;
      this.right = null;
      this.red = true;
    }
    Node.prototype.get_child = function(dir) {
      return dir ? this.right : this.left;
    };
    Node.prototype.set_child = function(dir, val) {
      if (dir) {
        this.right = val;
      } else {
        this.left = val;
      }
    };
    function RBTree(comparator) {
      this._root = null;
      this._comparator = comparator;
      this.size = 0;
    }
    RBTree.prototype = new TreeBase();
    RBTree.prototype.insert = function(data) {
      var ret2 = false;
      if (this._root === null) {
        this._root = new Node(data);
        ret2 = true;
        this.size++;
      } else {
        var head = new Node(void 0);
        var dir = 0;
        var last = 0;
        var gp = null;
        var ggp = head;
        var p = null;
        var node = this._root;
        ggp.right = this._root;
        while (true) {
          if (node === null) {
            node = new Node(data);
            p.set_child(dir, node);
            ret2 = true;
            this.size++;
          } else if (is_red(node.left) && is_red(node.right)) {
            node.red = true;
            node.left.red = false;
            node.right.red = false;
          }
          if (is_red(node) && is_red(p)) {
            var dir2 = ggp.right === gp;
            if (node === p.get_child(last)) {
              ggp.set_child(dir2, single_rotate(gp, !last));
            } else {
              ggp.set_child(dir2, double_rotate(gp, !last));
            }
          }
          var cmp = this._comparator(node.data, data);
          if (cmp === 0) {
            break;
          }
          last = dir;
          dir = cmp < 0;
          if (gp !== null) {
            ggp = gp;
          }
          gp = p;
          p = node;
          node = node.get_child(dir);
        }
        this._root = head.right;
      }
      this._root.red = false;
      return ret2;
    };
    RBTree.prototype.remove = function(data) {
      if (this._root === null) {
        return false;
      }
      var head = new Node(void 0);
      var node = head;
      node.right = this._root;
      var p = null;
      var gp = null;
      var found = null;
      var dir = 1;
      while (node.get_child(dir) !== null) {
        var last = dir;
        gp = p;
        p = node;
        node = node.get_child(dir);
        var cmp = this._comparator(data, node.data);
        dir = cmp > 0;
        if (cmp === 0) {
          found = node;
        }
        if (!is_red(node) && !is_red(node.get_child(dir))) {
          if (is_red(node.get_child(!dir))) {
            var sr = single_rotate(node, dir);
            p.set_child(last, sr);
            p = sr;
          } else if (!is_red(node.get_child(!dir))) {
            var sibling = p.get_child(!last);
            if (sibling !== null) {
              if (!is_red(sibling.get_child(!last)) && !is_red(sibling.get_child(last))) {
                p.red = false;
                sibling.red = true;
                node.red = true;
              } else {
                var dir2 = gp.right === p;
                if (is_red(sibling.get_child(last))) {
                  gp.set_child(dir2, double_rotate(p, last));
                } else if (is_red(sibling.get_child(!last))) {
                  gp.set_child(dir2, single_rotate(p, last));
                }
                var gpc = gp.get_child(dir2);
                gpc.red = true;
                node.red = true;
                gpc.left.red = false;
                gpc.right.red = false;
              }
            }
          }
        }
      }
      if (found !== null) {
        found.data = node.data;
        p.set_child(p.right === node, node.get_child(node.left === null));
        this.size--;
      }
      this._root = head.right;
      if (this._root !== null) {
        this._root.red = false;
      }
      return found !== null;
    };
    function is_red(node) {
      return node !== null && node.red;
    }
    function single_rotate(root, dir) {
      var save = root.get_child(!dir);
      root.set_child(!dir, save.get_child(dir));
      save.set_child(dir, root);
      root.red = true;
      save.red = false;
      return save;
    }
    function double_rotate(root, dir) {
      root.set_child(!dir, single_rotate(root.get_child(!dir), !dir));
      return single_rotate(root, dir);
    }
    module.exports = RBTree;
  }
});

// node_modules/bintrees/lib/bintree.js
var require_bintree = __commonJS({
  "node_modules/bintrees/lib/bintree.js"(exports, module) {
    var TreeBase = require_treebase();
    function Node(data) {
      this.data = data;
      this.left = null;
      this.right = null;
    }
    Node.prototype.get_child = function(dir) {
      return dir ? this.right : this.left;
    };
    Node.prototype.set_child = function(dir, val) {
      if (dir) {
        this.right = val;
      } else {
        this.left = val;
      }
    };
    function BinTree(comparator) {
      this._root = null;
      this._comparator = comparator;
      this.size = 0;
    }
    BinTree.prototype = new TreeBase();
    BinTree.prototype.insert = function(data) {
      if (this._root === null) {
        this._root = new Node(data);
        this.size++;
        return true;
      }
      var dir = 0;
      var p = null;
      var node = this._root;
      while (true) {
        if (node === null) {
          node = new Node(data);
          p.set_child(dir, node);
          ret = true;
          this.size++;
          return true;
        }
        if (this._comparator(node.data, data) === 0) {
          return false;
        }
        dir = this._comparator(node.data, data) < 0;
        p = node;
        node = node.get_child(dir);
      }
    };
    BinTree.prototype.remove = function(data) {
      if (this._root === null) {
        return false;
      }
      var head = new Node(void 0);
      var node = head;
      node.right = this._root;
      var p = null;
      var found = null;
      var dir = 1;
      while (node.get_child(dir) !== null) {
        p = node;
        node = node.get_child(dir);
        var cmp = this._comparator(data, node.data);
        dir = cmp > 0;
        if (cmp === 0) {
          found = node;
        }
      }
      if (found !== null) {
        found.data = node.data;
        p.set_child(p.right === node, node.get_child(node.left === null));
        this._root = head.right;
        this.size--;
        return true;
      } else {
        return false;
      }
    };
    module.exports = BinTree;
  }
});

// node_modules/bintrees/index.js
var require_bintrees = __commonJS({
  "node_modules/bintrees/index.js"(exports, module) {
    module.exports = {
      RBTree: require_rbtree(),
      BinTree: require_bintree()
    };
  }
});

// node_modules/tdigest/tdigest.js
var require_tdigest = __commonJS({
  "node_modules/tdigest/tdigest.js"(exports, module) {
    var RBTree = require_bintrees().RBTree;
    function TDigest(delta, K, CX) {
      this.discrete = delta === false;
      this.delta = delta || 0.01;
      this.K = K === void 0 ? 25 : K;
      this.CX = CX === void 0 ? 1.1 : CX;
      this.centroids = new RBTree(compare_centroid_means);
      this.nreset = 0;
      this.reset();
    }
    TDigest.prototype.reset = function() {
      this.centroids.clear();
      this.n = 0;
      this.nreset += 1;
      this.last_cumulate = 0;
    };
    TDigest.prototype.size = function() {
      return this.centroids.size;
    };
    TDigest.prototype.toArray = function(everything) {
      var result = [];
      if (everything) {
        this._cumulate(true);
        this.centroids.each(function(c) {
          result.push(c);
        });
      } else {
        this.centroids.each(function(c) {
          result.push({ mean: c.mean, n: c.n });
        });
      }
      return result;
    };
    TDigest.prototype.summary = function() {
      var approx = this.discrete ? "exact " : "approximating ";
      var s = [
        approx + this.n + " samples using " + this.size() + " centroids",
        "min = " + this.percentile(0),
        "Q1  = " + this.percentile(0.25),
        "Q2  = " + this.percentile(0.5),
        "Q3  = " + this.percentile(0.75),
        "max = " + this.percentile(1)
      ];
      return s.join("\n");
    };
    function compare_centroid_means(a, b) {
      return a.mean > b.mean ? 1 : a.mean < b.mean ? -1 : 0;
    }
    function compare_centroid_mean_cumns(a, b) {
      return a.mean_cumn - b.mean_cumn;
    }
    TDigest.prototype.push = function(x, n) {
      n = n || 1;
      x = Array.isArray(x) ? x : [x];
      for (var i = 0; i < x.length; i++) {
        this._digest(x[i], n);
      }
    };
    TDigest.prototype.push_centroid = function(c) {
      c = Array.isArray(c) ? c : [c];
      for (var i = 0; i < c.length; i++) {
        this._digest(c[i].mean, c[i].n);
      }
    };
    TDigest.prototype._cumulate = function(exact) {
      if (this.n === this.last_cumulate || !exact && this.CX && this.CX > this.n / this.last_cumulate) {
        return;
      }
      var cumn = 0;
      this.centroids.each(function(c) {
        c.mean_cumn = cumn + c.n / 2;
        cumn = c.cumn = cumn + c.n;
      });
      this.n = this.last_cumulate = cumn;
    };
    TDigest.prototype.find_nearest = function(x) {
      if (this.size() === 0) {
        return null;
      }
      var iter = this.centroids.lowerBound({ mean: x });
      var c = iter.data() === null ? iter.prev() : iter.data();
      if (c.mean === x || this.discrete) {
        return c;
      }
      var prev = iter.prev();
      if (prev && Math.abs(prev.mean - x) < Math.abs(c.mean - x)) {
        return prev;
      } else {
        return c;
      }
    };
    TDigest.prototype._new_centroid = function(x, n, cumn) {
      var c = { mean: x, n, cumn };
      this.centroids.insert(c);
      this.n += n;
      return c;
    };
    TDigest.prototype._addweight = function(nearest, x, n) {
      if (x !== nearest.mean) {
        nearest.mean += n * (x - nearest.mean) / (nearest.n + n);
      }
      nearest.cumn += n;
      nearest.mean_cumn += n / 2;
      nearest.n += n;
      this.n += n;
    };
    TDigest.prototype._digest = function(x, n) {
      var min = this.centroids.min();
      var max = this.centroids.max();
      var nearest = this.find_nearest(x);
      if (nearest && nearest.mean === x) {
        this._addweight(nearest, x, n);
      } else if (nearest === min) {
        this._new_centroid(x, n, 0);
      } else if (nearest === max) {
        this._new_centroid(x, n, this.n);
      } else if (this.discrete) {
        this._new_centroid(x, n, nearest.cumn);
      } else {
        var p = nearest.mean_cumn / this.n;
        var max_n = Math.floor(4 * this.n * this.delta * p * (1 - p));
        if (max_n - nearest.n >= n) {
          this._addweight(nearest, x, n);
        } else {
          this._new_centroid(x, n, nearest.cumn);
        }
      }
      this._cumulate(false);
      if (!this.discrete && this.K && this.size() > this.K / this.delta) {
        this.compress();
      }
    };
    TDigest.prototype.bound_mean = function(x) {
      var iter = this.centroids.upperBound({ mean: x });
      var lower = iter.prev();
      var upper = lower.mean === x ? lower : iter.next();
      return [lower, upper];
    };
    TDigest.prototype.p_rank = function(x_or_xlist) {
      var xs = Array.isArray(x_or_xlist) ? x_or_xlist : [x_or_xlist];
      var ps = xs.map(this._p_rank, this);
      return Array.isArray(x_or_xlist) ? ps : ps[0];
    };
    TDigest.prototype._p_rank = function(x) {
      if (this.size() === 0) {
        return void 0;
      } else if (x < this.centroids.min().mean) {
        return 0;
      } else if (x > this.centroids.max().mean) {
        return 1;
      }
      this._cumulate(true);
      var bound = this.bound_mean(x);
      var lower = bound[0], upper = bound[1];
      if (this.discrete) {
        return lower.cumn / this.n;
      } else {
        var cumn = lower.mean_cumn;
        if (lower !== upper) {
          cumn += (x - lower.mean) * (upper.mean_cumn - lower.mean_cumn) / (upper.mean - lower.mean);
        }
        return cumn / this.n;
      }
    };
    TDigest.prototype.bound_mean_cumn = function(cumn) {
      this.centroids._comparator = compare_centroid_mean_cumns;
      var iter = this.centroids.upperBound({ mean_cumn: cumn });
      this.centroids._comparator = compare_centroid_means;
      var lower = iter.prev();
      var upper = lower && lower.mean_cumn === cumn ? lower : iter.next();
      return [lower, upper];
    };
    TDigest.prototype.percentile = function(p_or_plist) {
      var ps = Array.isArray(p_or_plist) ? p_or_plist : [p_or_plist];
      var qs = ps.map(this._percentile, this);
      return Array.isArray(p_or_plist) ? qs : qs[0];
    };
    TDigest.prototype._percentile = function(p) {
      if (this.size() === 0) {
        return void 0;
      }
      this._cumulate(true);
      var h = this.n * p;
      var bound = this.bound_mean_cumn(h);
      var lower = bound[0], upper = bound[1];
      if (upper === lower || lower === null || upper === null) {
        return (lower || upper).mean;
      } else if (!this.discrete) {
        return lower.mean + (h - lower.mean_cumn) * (upper.mean - lower.mean) / (upper.mean_cumn - lower.mean_cumn);
      } else if (h <= lower.cumn) {
        return lower.mean;
      } else {
        return upper.mean;
      }
    };
    function pop_random(choices) {
      var idx = Math.floor(Math.random() * choices.length);
      return choices.splice(idx, 1)[0];
    }
    TDigest.prototype.compress = function() {
      if (this.compressing) {
        return;
      }
      var points = this.toArray();
      this.reset();
      this.compressing = true;
      while (points.length > 0) {
        this.push_centroid(pop_random(points));
      }
      this._cumulate(true);
      this.compressing = false;
    };
    function Digest(config) {
      this.config = config || {};
      this.mode = this.config.mode || "auto";
      TDigest.call(this, this.mode === "cont" ? config.delta : false);
      this.digest_ratio = this.config.ratio || 0.9;
      this.digest_thresh = this.config.thresh || 1e3;
      this.n_unique = 0;
    }
    Digest.prototype = Object.create(TDigest.prototype);
    Digest.prototype.constructor = Digest;
    Digest.prototype.push = function(x_or_xlist) {
      TDigest.prototype.push.call(this, x_or_xlist);
      this.check_continuous();
    };
    Digest.prototype._new_centroid = function(x, n, cumn) {
      this.n_unique += 1;
      TDigest.prototype._new_centroid.call(this, x, n, cumn);
    };
    Digest.prototype._addweight = function(nearest, x, n) {
      if (nearest.n === 1) {
        this.n_unique -= 1;
      }
      TDigest.prototype._addweight.call(this, nearest, x, n);
    };
    Digest.prototype.check_continuous = function() {
      if (this.mode !== "auto" || this.size() < this.digest_thresh) {
        return false;
      }
      if (this.n_unique / this.size() > this.digest_ratio) {
        this.mode = "cont";
        this.discrete = false;
        this.delta = this.config.delta || 0.01;
        this.compress();
        return true;
      }
      return false;
    };
    module.exports = {
      "TDigest": TDigest,
      "Digest": Digest
    };
  }
});

// node_modules/prom-client/lib/timeWindowQuantiles.js
var require_timeWindowQuantiles = __commonJS({
  "node_modules/prom-client/lib/timeWindowQuantiles.js"(exports, module) {
    "use strict";
    var { TDigest } = require_tdigest();
    var TimeWindowQuantiles = class {
      constructor(maxAgeSeconds, ageBuckets) {
        this.maxAgeSeconds = maxAgeSeconds || 0;
        this.ageBuckets = ageBuckets || 0;
        this.shouldRotate = maxAgeSeconds && ageBuckets;
        this.ringBuffer = Array(ageBuckets).fill(new TDigest());
        this.currentBuffer = 0;
        this.lastRotateTimestampMillis = Date.now();
        this.durationBetweenRotatesMillis = maxAgeSeconds * 1e3 / ageBuckets || Infinity;
      }
      size() {
        const bucket = rotate.call(this);
        return bucket.size();
      }
      percentile(quantile) {
        const bucket = rotate.call(this);
        return bucket.percentile(quantile);
      }
      push(value) {
        rotate.call(this);
        this.ringBuffer.forEach((bucket) => {
          bucket.push(value);
        });
      }
      reset() {
        this.ringBuffer.forEach((bucket) => {
          bucket.reset();
        });
      }
      compress() {
        this.ringBuffer.forEach((bucket) => {
          bucket.compress();
        });
      }
    };
    function rotate() {
      let timeSinceLastRotateMillis = Date.now() - this.lastRotateTimestampMillis;
      while (timeSinceLastRotateMillis > this.durationBetweenRotatesMillis && this.shouldRotate) {
        this.ringBuffer[this.currentBuffer] = new TDigest();
        if (++this.currentBuffer >= this.ringBuffer.length) {
          this.currentBuffer = 0;
        }
        timeSinceLastRotateMillis -= this.durationBetweenRotatesMillis;
        this.lastRotateTimestampMillis += this.durationBetweenRotatesMillis;
      }
      return this.ringBuffer[this.currentBuffer];
    }
    module.exports = TimeWindowQuantiles;
  }
});

// node_modules/prom-client/lib/summary.js
var require_summary = __commonJS({
  "node_modules/prom-client/lib/summary.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var { getLabels, hashObject, removeLabels } = require_util();
    var { validateLabel } = require_validation();
    var { Metric } = require_metric();
    var timeWindowQuantiles = require_timeWindowQuantiles();
    var DEFAULT_COMPRESS_COUNT = 1e3;
    var Summary = class extends Metric {
      constructor(config) {
        super(config, {
          percentiles: [0.01, 0.05, 0.5, 0.9, 0.95, 0.99, 0.999],
          compressCount: DEFAULT_COMPRESS_COUNT,
          hashMap: {}
        });
        this.type = "summary";
        for (const label of this.labelNames) {
          if (label === "quantile")
            throw new Error("quantile is a reserved label keyword");
        }
        if (this.labelNames.length === 0) {
          this.hashMap = {
            [hashObject({})]: {
              labels: {},
              td: new timeWindowQuantiles(this.maxAgeSeconds, this.ageBuckets),
              count: 0,
              sum: 0
            }
          };
        }
      }
      /**
       * Observe a value
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @param {Number} value - Value to observe
       * @returns {void}
       */
      observe(labels, value) {
        observe.call(this, labels === 0 ? 0 : labels || {})(value);
      }
      async get() {
        if (this.collect) {
          const v = this.collect();
          if (v instanceof Promise) await v;
        }
        const hashKeys = Object.keys(this.hashMap);
        const values = [];
        hashKeys.forEach((hashKey) => {
          const s = this.hashMap[hashKey];
          if (s) {
            if (this.pruneAgedBuckets && s.td.size() === 0) {
              delete this.hashMap[hashKey];
            } else {
              extractSummariesForExport(s, this.percentiles).forEach((v) => {
                values.push(v);
              });
              values.push(getSumForExport(s, this));
              values.push(getCountForExport(s, this));
            }
          }
        });
        return {
          name: this.name,
          help: this.help,
          type: this.type,
          values,
          aggregator: this.aggregator
        };
      }
      reset() {
        const data = Object.values(this.hashMap);
        data.forEach((s) => {
          s.td.reset();
          s.count = 0;
          s.sum = 0;
        });
      }
      /**
       * Start a timer that could be used to logging durations
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @returns {function} - Function to invoke when you want to stop the timer and observe the duration in seconds
       * @example
       * var end = summary.startTimer();
       * makeExpensiveXHRRequest(function(err, res) {
       *	end(); //Observe the duration of expensiveXHRRequest
       * });
       */
      startTimer(labels) {
        return startTimer.call(this, labels)();
      }
      labels(...args) {
        const labels = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels);
        return {
          observe: observe.call(this, labels),
          startTimer: startTimer.call(this, labels)
        };
      }
      remove(...args) {
        const labels = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels);
        removeLabels.call(this, this.hashMap, labels, this.sortedLabelNames);
      }
    };
    function extractSummariesForExport(summaryOfLabels, percentiles) {
      summaryOfLabels.td.compress();
      return percentiles.map((percentile) => {
        const percentileValue = summaryOfLabels.td.percentile(percentile);
        return {
          labels: Object.assign({ quantile: percentile }, summaryOfLabels.labels),
          value: percentileValue ? percentileValue : 0
        };
      });
    }
    function getCountForExport(value, summary) {
      return {
        metricName: `${summary.name}_count`,
        labels: value.labels,
        value: value.count
      };
    }
    function getSumForExport(value, summary) {
      return {
        metricName: `${summary.name}_sum`,
        labels: value.labels,
        value: value.sum
      };
    }
    function startTimer(startLabels) {
      return () => {
        const start = process.hrtime();
        return (endLabels) => {
          const delta = process.hrtime(start);
          const value = delta[0] + delta[1] / 1e9;
          this.observe(Object.assign({}, startLabels, endLabels), value);
          return value;
        };
      };
    }
    function observe(labels) {
      return (value) => {
        const labelValuePair = convertLabelsAndValues(labels, value);
        validateLabel(this.labelNames, labels);
        if (!Number.isFinite(labelValuePair.value)) {
          throw new TypeError(
            `Value is not a valid number: ${util.format(labelValuePair.value)}`
          );
        }
        const hash = hashObject(labelValuePair.labels, this.sortedLabelNames);
        let summaryOfLabel = this.hashMap[hash];
        if (!summaryOfLabel) {
          summaryOfLabel = {
            labels: labelValuePair.labels,
            td: new timeWindowQuantiles(this.maxAgeSeconds, this.ageBuckets),
            count: 0,
            sum: 0
          };
        }
        summaryOfLabel.td.push(labelValuePair.value);
        summaryOfLabel.count++;
        if (summaryOfLabel.count % this.compressCount === 0) {
          summaryOfLabel.td.compress();
        }
        summaryOfLabel.sum += labelValuePair.value;
        this.hashMap[hash] = summaryOfLabel;
      };
    }
    function convertLabelsAndValues(labels, value) {
      if (value === void 0) {
        return {
          value: labels,
          labels: {}
        };
      }
      return {
        labels,
        value
      };
    }
    module.exports = Summary;
  }
});

// node_modules/prom-client/lib/pushgateway.js
var require_pushgateway = __commonJS({
  "node_modules/prom-client/lib/pushgateway.js"(exports, module) {
    "use strict";
    var url = __require("url");
    var http = __require("http");
    var https = __require("https");
    var { gzipSync } = __require("zlib");
    var { globalRegistry } = require_registry();
    var Pushgateway = class {
      constructor(gatewayUrl, options, registry) {
        if (!registry) {
          registry = globalRegistry;
        }
        this.registry = registry;
        this.gatewayUrl = gatewayUrl;
        const { requireJobName, ...requestOptions } = {
          requireJobName: true,
          ...options
        };
        this.requireJobName = requireJobName;
        this.requestOptions = requestOptions;
      }
      pushAdd(params = {}) {
        if (this.requireJobName && !params.jobName) {
          throw new Error("Missing jobName parameter");
        }
        return useGateway.call(this, "POST", params.jobName, params.groupings);
      }
      push(params = {}) {
        if (this.requireJobName && !params.jobName) {
          throw new Error("Missing jobName parameter");
        }
        return useGateway.call(this, "PUT", params.jobName, params.groupings);
      }
      delete(params = {}) {
        if (this.requireJobName && !params.jobName) {
          throw new Error("Missing jobName parameter");
        }
        return useGateway.call(this, "DELETE", params.jobName, params.groupings);
      }
    };
    async function useGateway(method, job, groupings) {
      const gatewayUrlParsed = url.parse(this.gatewayUrl);
      const gatewayUrlPath = gatewayUrlParsed.pathname && gatewayUrlParsed.pathname !== "/" ? gatewayUrlParsed.pathname : "";
      const jobPath = job ? `/job/${encodeURIComponent(job)}${generateGroupings(groupings)}` : "";
      const path = `${gatewayUrlPath}/metrics${jobPath}`;
      const target = url.resolve(this.gatewayUrl, path);
      const requestParams = url.parse(target);
      const httpModule = isHttps(requestParams.href) ? https : http;
      const options = Object.assign(requestParams, this.requestOptions, {
        method
      });
      return new Promise((resolve3, reject) => {
        if (method === "DELETE" && options.headers) {
          delete options.headers["Content-Encoding"];
        }
        const req = httpModule.request(options, (resp) => {
          let body = "";
          resp.setEncoding("utf8");
          resp.on("data", (chunk) => {
            body += chunk;
          });
          resp.on("end", () => {
            if (resp.statusCode >= 400) {
              reject(
                new Error(`push failed with status ${resp.statusCode}, ${body}`)
              );
            } else {
              resolve3({ resp, body });
            }
          });
        });
        req.on("error", (err) => {
          reject(err);
        });
        req.on("timeout", () => {
          req.destroy(new Error("Pushgateway request timed out"));
        });
        if (method !== "DELETE") {
          this.registry.metrics().then((metrics) => {
            if (options.headers && options.headers["Content-Encoding"] === "gzip") {
              metrics = gzipSync(metrics);
            }
            req.write(metrics);
            req.end();
          }).catch((err) => {
            reject(err);
          });
        } else {
          req.end();
        }
      });
    }
    function generateGroupings(groupings) {
      if (!groupings) {
        return "";
      }
      return Object.keys(groupings).map(
        (key) => `/${encodeURIComponent(key)}/${encodeURIComponent(groupings[key])}`
      ).join("");
    }
    function isHttps(href) {
      return href.search(/^https/) !== -1;
    }
    module.exports = Pushgateway;
  }
});

// node_modules/prom-client/lib/bucketGenerators.js
var require_bucketGenerators = __commonJS({
  "node_modules/prom-client/lib/bucketGenerators.js"(exports) {
    "use strict";
    exports.linearBuckets = (start, width, count) => {
      if (count < 1) {
        throw new Error("Linear buckets needs a positive count");
      }
      const buckets = new Array(count);
      for (let i = 0; i < count; i++) {
        buckets[i] = start + i * width;
      }
      return buckets;
    };
    exports.exponentialBuckets = (start, factor, count) => {
      if (start <= 0) {
        throw new Error("Exponential buckets needs a positive start");
      }
      if (count < 1) {
        throw new Error("Exponential buckets needs a positive count");
      }
      if (factor <= 1) {
        throw new Error("Exponential buckets needs a factor greater than 1");
      }
      const buckets = new Array(count);
      for (let i = 0; i < count; i++) {
        buckets[i] = start;
        start *= factor;
      }
      return buckets;
    };
  }
});

// node_modules/@opentelemetry/api/dist/diag/types.cjs
var require_types = __commonJS({
  "node_modules/@opentelemetry/api/dist/diag/types.cjs"(exports) {
    var DiagLogLevel = /* @__PURE__ */ (function(DiagLogLevel2) {
      DiagLogLevel2[DiagLogLevel2["NONE"] = 0] = "NONE";
      DiagLogLevel2[DiagLogLevel2["ERROR"] = 30] = "ERROR";
      DiagLogLevel2[DiagLogLevel2["WARN"] = 50] = "WARN";
      DiagLogLevel2[DiagLogLevel2["INFO"] = 60] = "INFO";
      DiagLogLevel2[DiagLogLevel2["DEBUG"] = 70] = "DEBUG";
      DiagLogLevel2[DiagLogLevel2["VERBOSE"] = 80] = "VERBOSE";
      DiagLogLevel2[DiagLogLevel2["ALL"] = 9999] = "ALL";
      return DiagLogLevel2;
    })({});
    exports.DiagLogLevel = DiagLogLevel;
  }
});

// node_modules/@opentelemetry/api/dist/version.cjs
var require_version = __commonJS({
  "node_modules/@opentelemetry/api/dist/version.cjs"(exports) {
    var VERSION = "1.10.0";
    exports.VERSION = VERSION;
  }
});

// node_modules/@opentelemetry/api/dist/internal/semver.cjs
var require_semver = __commonJS({
  "node_modules/@opentelemetry/api/dist/internal/semver.cjs"(exports) {
    var require_version3 = require_version();
    var re = /^(\d+)\.(\d+)\.(\d+)(-(.+))?$/;
    function _makeCompatibilityCheck(ownVersion) {
      const acceptedVersions = /* @__PURE__ */ new Set([ownVersion]);
      const rejectedVersions = /* @__PURE__ */ new Set();
      const myVersionMatch = ownVersion.match(re);
      if (!myVersionMatch) return () => false;
      const ownVersionParsed = {
        major: +myVersionMatch[1],
        minor: +myVersionMatch[2],
        patch: +myVersionMatch[3],
        prerelease: myVersionMatch[4]
      };
      if (ownVersionParsed.prerelease != null) return function isExactmatch(globalVersion) {
        return globalVersion === ownVersion;
      };
      function _reject(v) {
        rejectedVersions.add(v);
        return false;
      }
      function _accept(v) {
        acceptedVersions.add(v);
        return true;
      }
      return function isCompatible2(globalVersion) {
        if (acceptedVersions.has(globalVersion)) return true;
        if (rejectedVersions.has(globalVersion)) return false;
        const globalVersionMatch = globalVersion.match(re);
        if (!globalVersionMatch) return _reject(globalVersion);
        const globalVersionParsed = {
          major: +globalVersionMatch[1],
          minor: +globalVersionMatch[2],
          patch: +globalVersionMatch[3],
          prerelease: globalVersionMatch[4]
        };
        if (globalVersionParsed.prerelease != null) return _reject(globalVersion);
        if (ownVersionParsed.major !== globalVersionParsed.major) return _reject(globalVersion);
        if (ownVersionParsed.major === 0) {
          if (ownVersionParsed.minor === globalVersionParsed.minor && ownVersionParsed.patch <= globalVersionParsed.patch) return _accept(globalVersion);
          return _reject(globalVersion);
        }
        if (ownVersionParsed.minor <= globalVersionParsed.minor) return _accept(globalVersion);
        return _reject(globalVersion);
      };
    }
    var isCompatible = _makeCompatibilityCheck(require_version3.VERSION);
    exports._makeCompatibilityCheck = _makeCompatibilityCheck;
    exports.isCompatible = isCompatible;
  }
});

// node_modules/@opentelemetry/api/dist/internal/global-utils.cjs
var require_global_utils = __commonJS({
  "node_modules/@opentelemetry/api/dist/internal/global-utils.cjs"(exports) {
    var require_version3 = require_version();
    var require_semver2 = require_semver();
    var major = require_version3.VERSION.split(".")[0];
    var GLOBAL_OPENTELEMETRY_API_KEY = /* @__PURE__ */ Symbol.for(`opentelemetry.js.api.${major}`);
    var _global = typeof globalThis === "object" ? globalThis : typeof self === "object" ? self : typeof window === "object" ? window : typeof global === "object" ? global : {};
    function _makeGlobalApi() {
      return Object.defineProperty({}, "version", {
        value: require_version3.VERSION,
        enumerable: true,
        writable: false,
        configurable: false
      });
    }
    function registerGlobal(type, instance, diag, allowOverride = false) {
      var _global$GLOBAL_OPENTE;
      const api = _global[GLOBAL_OPENTELEMETRY_API_KEY] = (_global$GLOBAL_OPENTE = _global[GLOBAL_OPENTELEMETRY_API_KEY]) !== null && _global$GLOBAL_OPENTE !== void 0 ? _global$GLOBAL_OPENTE : _makeGlobalApi();
      if (!allowOverride && api[type]) {
        const err = /* @__PURE__ */ new Error(`@opentelemetry/api: Attempted duplicate registration of API: ${type}`);
        diag.error(err.stack || err.message);
        return false;
      }
      if (api.version !== "1.10.0") {
        const err = /* @__PURE__ */ new Error(`@opentelemetry/api: Registration of version v${api.version} for ${type} does not match previously registered API v${require_version3.VERSION}`);
        diag.error(err.stack || err.message);
        return false;
      }
      api[type] = instance;
      diag.debug(`@opentelemetry/api: Registered a global for ${type} v${require_version3.VERSION}.`);
      return true;
    }
    var _compatibleGlobalApi;
    function getGlobal(type) {
      const api = _global[GLOBAL_OPENTELEMETRY_API_KEY];
      if (api == null) return;
      if (api !== _compatibleGlobalApi) {
        if (!api.version || !require_semver2.isCompatible(api.version)) return;
        _compatibleGlobalApi = api;
      }
      return api[type];
    }
    function unregisterGlobal(type, diag) {
      diag.debug(`@opentelemetry/api: Unregistering a global for ${type} v${require_version3.VERSION}.`);
      const api = _global[GLOBAL_OPENTELEMETRY_API_KEY];
      if (api) delete api[type];
    }
    exports.getGlobal = getGlobal;
    exports.registerGlobal = registerGlobal;
    exports.unregisterGlobal = unregisterGlobal;
  }
});

// node_modules/@opentelemetry/api/dist/diag/ComponentLogger.cjs
var require_ComponentLogger = __commonJS({
  "node_modules/@opentelemetry/api/dist/diag/ComponentLogger.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var DiagComponentLogger = class {
      constructor(props) {
        this._namespace = props.namespace || "DiagComponentLogger";
      }
      debug(...args) {
        return logProxy("debug", this._namespace, args);
      }
      error(...args) {
        return logProxy("error", this._namespace, args);
      }
      info(...args) {
        return logProxy("info", this._namespace, args);
      }
      warn(...args) {
        return logProxy("warn", this._namespace, args);
      }
      verbose(...args) {
        return logProxy("verbose", this._namespace, args);
      }
    };
    function logProxy(funcName, namespace, args) {
      const logger = require_global_utils2.getGlobal("diag");
      if (!logger) return;
      return logger[funcName](namespace, ...args);
    }
    exports.DiagComponentLogger = DiagComponentLogger;
  }
});

// node_modules/@opentelemetry/api/dist/diag/internal/logLevelLogger.cjs
var require_logLevelLogger = __commonJS({
  "node_modules/@opentelemetry/api/dist/diag/internal/logLevelLogger.cjs"(exports) {
    require_types();
    function createLogLevelDiagLogger(maxLevel, logger) {
      if (maxLevel < 0) maxLevel = 0;
      else if (maxLevel > 9999) maxLevel = 9999;
      logger = logger || {};
      function _filterFunc(funcName, theLevel) {
        const theFunc = logger[funcName];
        if (typeof theFunc === "function" && maxLevel >= theLevel) return theFunc.bind(logger);
        return function() {
        };
      }
      return {
        error: _filterFunc("error", 30),
        warn: _filterFunc("warn", 50),
        info: _filterFunc("info", 60),
        debug: _filterFunc("debug", 70),
        verbose: _filterFunc("verbose", 80)
      };
    }
    exports.createLogLevelDiagLogger = createLogLevelDiagLogger;
  }
});

// node_modules/@opentelemetry/api/dist/api/diag.cjs
var require_diag = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/diag.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_ComponentLogger2 = require_ComponentLogger();
    require_types();
    var require_logLevelLogger2 = require_logLevelLogger();
    var API_NAME = "diag";
    var DiagAPI = class DiagAPI2 {
      /** Get the singleton instance of the DiagAPI API */
      static instance() {
        if (!this._instance) this._instance = new DiagAPI2();
        return this._instance;
      }
      /**
      * Private internal constructor
      * @private
      */
      constructor() {
        function _logProxy(funcName) {
          return function(...args) {
            const logger = require_global_utils2.getGlobal("diag");
            if (!logger) return;
            return logger[funcName](...args);
          };
        }
        const self2 = this;
        const setLogger = (logger, optionsOrLogLevel = { logLevel: 60 }) => {
          var _optionsOrLogLevel$lo;
          if (logger === self2) {
            var _err$stack;
            const err = /* @__PURE__ */ new Error("Cannot use diag as the logger for itself. Please use a DiagLogger implementation like ConsoleDiagLogger or a custom implementation");
            self2.error((_err$stack = err.stack) !== null && _err$stack !== void 0 ? _err$stack : err.message);
            return false;
          }
          if (typeof optionsOrLogLevel === "number") optionsOrLogLevel = { logLevel: optionsOrLogLevel };
          const oldLogger = require_global_utils2.getGlobal("diag");
          const newLogger = require_logLevelLogger2.createLogLevelDiagLogger((_optionsOrLogLevel$lo = optionsOrLogLevel.logLevel) !== null && _optionsOrLogLevel$lo !== void 0 ? _optionsOrLogLevel$lo : 60, logger);
          if (oldLogger && !optionsOrLogLevel.suppressOverrideMessage) {
            var _Error$stack;
            const stack = (_Error$stack = (/* @__PURE__ */ new Error()).stack) !== null && _Error$stack !== void 0 ? _Error$stack : "<failed to generate stacktrace>";
            oldLogger.warn(`Current logger will be overwritten from ${stack}`);
            newLogger.warn(`Current logger will overwrite one already registered from ${stack}`);
          }
          return require_global_utils2.registerGlobal("diag", newLogger, self2, true);
        };
        self2.setLogger = setLogger;
        self2.disable = () => {
          require_global_utils2.unregisterGlobal(API_NAME, self2);
        };
        self2.createComponentLogger = (options) => {
          return new require_ComponentLogger2.DiagComponentLogger(options);
        };
        self2.verbose = _logProxy("verbose");
        self2.debug = _logProxy("debug");
        self2.info = _logProxy("info");
        self2.warn = _logProxy("warn");
        self2.error = _logProxy("error");
      }
    };
    exports.DiagAPI = DiagAPI;
  }
});

// node_modules/@opentelemetry/api/dist/baggage/internal/baggage-impl.cjs
var require_baggage_impl = __commonJS({
  "node_modules/@opentelemetry/api/dist/baggage/internal/baggage-impl.cjs"(exports) {
    var BaggageImpl = class BaggageImpl2 {
      constructor(entries) {
        this._entries = entries ? new Map(entries) : /* @__PURE__ */ new Map();
      }
      getEntry(key) {
        const entry = this._entries.get(key);
        if (!entry) return;
        return Object.assign({}, entry);
      }
      getAllEntries() {
        return Array.from(this._entries.entries());
      }
      setEntry(key, entry) {
        const newBaggage = new BaggageImpl2(this._entries);
        newBaggage._entries.set(key, entry);
        return newBaggage;
      }
      removeEntry(key) {
        const newBaggage = new BaggageImpl2(this._entries);
        newBaggage._entries.delete(key);
        return newBaggage;
      }
      removeEntries(...keys) {
        const newBaggage = new BaggageImpl2(this._entries);
        for (const key of keys) newBaggage._entries.delete(key);
        return newBaggage;
      }
      clear() {
        return new BaggageImpl2();
      }
    };
    exports.BaggageImpl = BaggageImpl;
  }
});

// node_modules/@opentelemetry/api/dist/baggage/internal/symbol.cjs
var require_symbol = __commonJS({
  "node_modules/@opentelemetry/api/dist/baggage/internal/symbol.cjs"(exports) {
    var baggageEntryMetadataSymbol = /* @__PURE__ */ Symbol("BaggageEntryMetadata");
    exports.baggageEntryMetadataSymbol = baggageEntryMetadataSymbol;
  }
});

// node_modules/@opentelemetry/api/dist/baggage/utils.cjs
var require_utils = __commonJS({
  "node_modules/@opentelemetry/api/dist/baggage/utils.cjs"(exports) {
    var require_diag2 = require_diag();
    var require_baggage_impl2 = require_baggage_impl();
    var require_symbol2 = require_symbol();
    var diag = require_diag2.DiagAPI.instance();
    function createBaggage(entries = {}) {
      return new require_baggage_impl2.BaggageImpl(new Map(Object.entries(entries)));
    }
    function baggageEntryMetadataFromString(str) {
      if (typeof str !== "string") {
        diag.error(`Cannot create baggage metadata from unknown type: ${typeof str}`);
        str = "";
      }
      return {
        __TYPE__: require_symbol2.baggageEntryMetadataSymbol,
        toString() {
          return str;
        }
      };
    }
    exports.baggageEntryMetadataFromString = baggageEntryMetadataFromString;
    exports.createBaggage = createBaggage;
  }
});

// node_modules/@opentelemetry/api/dist/context/context.cjs
var require_context = __commonJS({
  "node_modules/@opentelemetry/api/dist/context/context.cjs"(exports) {
    function createContextKey(description) {
      return Symbol.for(description);
    }
    var ROOT_CONTEXT = new class BaseContext {
      /**
      * Construct a new context which inherits values from an optional parent context.
      *
      * @param parentContext a context from which to inherit values
      */
      constructor(parentContext) {
        const self2 = this;
        self2._currentContext = parentContext ? new Map(parentContext) : /* @__PURE__ */ new Map();
        self2.getValue = (key) => self2._currentContext.get(key);
        self2.setValue = (key, value) => {
          const context = new BaseContext(self2._currentContext);
          context._currentContext.set(key, value);
          return context;
        };
        self2.deleteValue = (key) => {
          const context = new BaseContext(self2._currentContext);
          context._currentContext.delete(key);
          return context;
        };
      }
    }();
    exports.ROOT_CONTEXT = ROOT_CONTEXT;
    exports.createContextKey = createContextKey;
  }
});

// node_modules/@opentelemetry/api/dist/diag/consoleLogger.cjs
var require_consoleLogger = __commonJS({
  "node_modules/@opentelemetry/api/dist/diag/consoleLogger.cjs"(exports) {
    var consoleMap = [
      {
        n: "error",
        c: "error"
      },
      {
        n: "warn",
        c: "warn"
      },
      {
        n: "info",
        c: "info"
      },
      {
        n: "debug",
        c: "debug"
      },
      {
        n: "verbose",
        c: "trace"
      }
    ];
    var _originalConsoleMethods = {};
    if (typeof console !== "undefined") {
      for (const key of [
        "error",
        "warn",
        "info",
        "debug",
        "trace",
        "log"
      ]) if (typeof console[key] === "function") _originalConsoleMethods[key] = console[key];
    }
    var DiagConsoleLogger = class {
      constructor() {
        function _consoleFunc(funcName) {
          return function(...args) {
            let theFunc = _originalConsoleMethods[funcName];
            if (typeof theFunc !== "function") theFunc = _originalConsoleMethods["log"];
            if (typeof theFunc !== "function" && console) {
              theFunc = console[funcName];
              if (typeof theFunc !== "function") theFunc = console.log;
            }
            if (typeof theFunc === "function") return theFunc.apply(console, args);
          };
        }
        for (let i = 0; i < consoleMap.length; i++) this[consoleMap[i].n] = _consoleFunc(consoleMap[i].c);
      }
    };
    exports.DiagConsoleLogger = DiagConsoleLogger;
    exports._originalConsoleMethods = _originalConsoleMethods;
  }
});

// node_modules/@opentelemetry/api/dist/metrics/NoopMeter.cjs
var require_NoopMeter = __commonJS({
  "node_modules/@opentelemetry/api/dist/metrics/NoopMeter.cjs"(exports) {
    var NoopMeter = class {
      constructor() {
      }
      /**
      * @see {@link Meter.createGauge}
      */
      createGauge(_name, _options) {
        return NOOP_GAUGE_METRIC;
      }
      /**
      * @see {@link Meter.createHistogram}
      */
      createHistogram(_name, _options) {
        return NOOP_HISTOGRAM_METRIC;
      }
      /**
      * @see {@link Meter.createCounter}
      */
      createCounter(_name, _options) {
        return NOOP_COUNTER_METRIC;
      }
      /**
      * @see {@link Meter.createUpDownCounter}
      */
      createUpDownCounter(_name, _options) {
        return NOOP_UP_DOWN_COUNTER_METRIC;
      }
      /**
      * @see {@link Meter.createObservableGauge}
      */
      createObservableGauge(_name, _options) {
        return NOOP_OBSERVABLE_GAUGE_METRIC;
      }
      /**
      * @see {@link Meter.createObservableCounter}
      */
      createObservableCounter(_name, _options) {
        return NOOP_OBSERVABLE_COUNTER_METRIC;
      }
      /**
      * @see {@link Meter.createObservableUpDownCounter}
      */
      createObservableUpDownCounter(_name, _options) {
        return NOOP_OBSERVABLE_UP_DOWN_COUNTER_METRIC;
      }
      /**
      * @see {@link Meter.addBatchObservableCallback}
      */
      addBatchObservableCallback(_callback, _observables) {
      }
      /**
      * @see {@link Meter.removeBatchObservableCallback}
      */
      removeBatchObservableCallback(_callback) {
      }
    };
    var NoopMetric = class {
    };
    var NoopCounterMetric = class extends NoopMetric {
      add(_value, _attributes) {
      }
    };
    var NoopUpDownCounterMetric = class extends NoopMetric {
      add(_value, _attributes) {
      }
    };
    var NoopGaugeMetric = class extends NoopMetric {
      record(_value, _attributes) {
      }
    };
    var NoopHistogramMetric = class extends NoopMetric {
      record(_value, _attributes) {
      }
    };
    var NoopObservableMetric = class {
      addCallback(_callback) {
      }
      removeCallback(_callback) {
      }
    };
    var NoopObservableCounterMetric = class extends NoopObservableMetric {
    };
    var NoopObservableGaugeMetric = class extends NoopObservableMetric {
    };
    var NoopObservableUpDownCounterMetric = class extends NoopObservableMetric {
    };
    var NOOP_METER = new NoopMeter();
    var NOOP_COUNTER_METRIC = new NoopCounterMetric();
    var NOOP_GAUGE_METRIC = new NoopGaugeMetric();
    var NOOP_HISTOGRAM_METRIC = new NoopHistogramMetric();
    var NOOP_UP_DOWN_COUNTER_METRIC = new NoopUpDownCounterMetric();
    var NOOP_OBSERVABLE_COUNTER_METRIC = new NoopObservableCounterMetric();
    var NOOP_OBSERVABLE_GAUGE_METRIC = new NoopObservableGaugeMetric();
    var NOOP_OBSERVABLE_UP_DOWN_COUNTER_METRIC = new NoopObservableUpDownCounterMetric();
    function createNoopMeter() {
      return NOOP_METER;
    }
    exports.NOOP_COUNTER_METRIC = NOOP_COUNTER_METRIC;
    exports.NOOP_GAUGE_METRIC = NOOP_GAUGE_METRIC;
    exports.NOOP_HISTOGRAM_METRIC = NOOP_HISTOGRAM_METRIC;
    exports.NOOP_METER = NOOP_METER;
    exports.NOOP_OBSERVABLE_COUNTER_METRIC = NOOP_OBSERVABLE_COUNTER_METRIC;
    exports.NOOP_OBSERVABLE_GAUGE_METRIC = NOOP_OBSERVABLE_GAUGE_METRIC;
    exports.NOOP_OBSERVABLE_UP_DOWN_COUNTER_METRIC = NOOP_OBSERVABLE_UP_DOWN_COUNTER_METRIC;
    exports.NOOP_UP_DOWN_COUNTER_METRIC = NOOP_UP_DOWN_COUNTER_METRIC;
    exports.NoopCounterMetric = NoopCounterMetric;
    exports.NoopGaugeMetric = NoopGaugeMetric;
    exports.NoopHistogramMetric = NoopHistogramMetric;
    exports.NoopMeter = NoopMeter;
    exports.NoopMetric = NoopMetric;
    exports.NoopObservableCounterMetric = NoopObservableCounterMetric;
    exports.NoopObservableGaugeMetric = NoopObservableGaugeMetric;
    exports.NoopObservableMetric = NoopObservableMetric;
    exports.NoopObservableUpDownCounterMetric = NoopObservableUpDownCounterMetric;
    exports.NoopUpDownCounterMetric = NoopUpDownCounterMetric;
    exports.createNoopMeter = createNoopMeter;
  }
});

// node_modules/@opentelemetry/api/dist/metrics/Metric.cjs
var require_Metric = __commonJS({
  "node_modules/@opentelemetry/api/dist/metrics/Metric.cjs"(exports) {
    var ValueType = /* @__PURE__ */ (function(ValueType2) {
      ValueType2[ValueType2["INT"] = 0] = "INT";
      ValueType2[ValueType2["DOUBLE"] = 1] = "DOUBLE";
      return ValueType2;
    })({});
    exports.ValueType = ValueType;
  }
});

// node_modules/@opentelemetry/api/dist/logs/NoopLogger.cjs
var require_NoopLogger = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs/NoopLogger.cjs"(exports) {
    var NoopLogger = class {
      emit(_logRecord) {
      }
      enabled() {
        return false;
      }
    };
    var NOOP_LOGGER = new NoopLogger();
    function createNoopLogger() {
      return NOOP_LOGGER;
    }
    exports.NOOP_LOGGER = NOOP_LOGGER;
    exports.NoopLogger = NoopLogger;
    exports.createNoopLogger = createNoopLogger;
  }
});

// node_modules/@opentelemetry/api/dist/logs/LogRecord.cjs
var require_LogRecord = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs/LogRecord.cjs"(exports) {
    var SeverityNumber = /* @__PURE__ */ (function(SeverityNumber2) {
      SeverityNumber2[SeverityNumber2["UNSPECIFIED"] = 0] = "UNSPECIFIED";
      SeverityNumber2[SeverityNumber2["TRACE"] = 1] = "TRACE";
      SeverityNumber2[SeverityNumber2["TRACE2"] = 2] = "TRACE2";
      SeverityNumber2[SeverityNumber2["TRACE3"] = 3] = "TRACE3";
      SeverityNumber2[SeverityNumber2["TRACE4"] = 4] = "TRACE4";
      SeverityNumber2[SeverityNumber2["DEBUG"] = 5] = "DEBUG";
      SeverityNumber2[SeverityNumber2["DEBUG2"] = 6] = "DEBUG2";
      SeverityNumber2[SeverityNumber2["DEBUG3"] = 7] = "DEBUG3";
      SeverityNumber2[SeverityNumber2["DEBUG4"] = 8] = "DEBUG4";
      SeverityNumber2[SeverityNumber2["INFO"] = 9] = "INFO";
      SeverityNumber2[SeverityNumber2["INFO2"] = 10] = "INFO2";
      SeverityNumber2[SeverityNumber2["INFO3"] = 11] = "INFO3";
      SeverityNumber2[SeverityNumber2["INFO4"] = 12] = "INFO4";
      SeverityNumber2[SeverityNumber2["WARN"] = 13] = "WARN";
      SeverityNumber2[SeverityNumber2["WARN2"] = 14] = "WARN2";
      SeverityNumber2[SeverityNumber2["WARN3"] = 15] = "WARN3";
      SeverityNumber2[SeverityNumber2["WARN4"] = 16] = "WARN4";
      SeverityNumber2[SeverityNumber2["ERROR"] = 17] = "ERROR";
      SeverityNumber2[SeverityNumber2["ERROR2"] = 18] = "ERROR2";
      SeverityNumber2[SeverityNumber2["ERROR3"] = 19] = "ERROR3";
      SeverityNumber2[SeverityNumber2["ERROR4"] = 20] = "ERROR4";
      SeverityNumber2[SeverityNumber2["FATAL"] = 21] = "FATAL";
      SeverityNumber2[SeverityNumber2["FATAL2"] = 22] = "FATAL2";
      SeverityNumber2[SeverityNumber2["FATAL3"] = 23] = "FATAL3";
      SeverityNumber2[SeverityNumber2["FATAL4"] = 24] = "FATAL4";
      return SeverityNumber2;
    })({});
    exports.SeverityNumber = SeverityNumber;
  }
});

// node_modules/@opentelemetry/api/dist/propagation/TextMapPropagator.cjs
var require_TextMapPropagator = __commonJS({
  "node_modules/@opentelemetry/api/dist/propagation/TextMapPropagator.cjs"(exports) {
    var defaultTextMapGetter = {
      get(carrier, key) {
        if (carrier == null) return;
        return carrier[key];
      },
      keys(carrier) {
        if (carrier == null) return [];
        return Object.keys(carrier);
      }
    };
    var defaultTextMapSetter = { set(carrier, key, value) {
      if (carrier == null) return;
      carrier[key] = value;
    } };
    exports.defaultTextMapGetter = defaultTextMapGetter;
    exports.defaultTextMapSetter = defaultTextMapSetter;
  }
});

// node_modules/@opentelemetry/api/dist/trace/trace_flags.cjs
var require_trace_flags = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/trace_flags.cjs"(exports) {
    var TraceFlags = /* @__PURE__ */ (function(TraceFlags2) {
      TraceFlags2[TraceFlags2["NONE"] = 0] = "NONE";
      TraceFlags2[TraceFlags2["SAMPLED"] = 1] = "SAMPLED";
      return TraceFlags2;
    })({});
    exports.TraceFlags = TraceFlags;
  }
});

// node_modules/@opentelemetry/api/dist/trace/invalid-span-constants.cjs
var require_invalid_span_constants = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/invalid-span-constants.cjs"(exports) {
    require_trace_flags();
    var INVALID_SPANID = "0000000000000000";
    var INVALID_TRACEID = "00000000000000000000000000000000";
    var INVALID_SPAN_CONTEXT = {
      traceId: INVALID_TRACEID,
      spanId: INVALID_SPANID,
      traceFlags: 0
    };
    exports.INVALID_SPANID = INVALID_SPANID;
    exports.INVALID_SPAN_CONTEXT = INVALID_SPAN_CONTEXT;
    exports.INVALID_TRACEID = INVALID_TRACEID;
  }
});

// node_modules/@opentelemetry/api/dist/trace/NonRecordingSpan.cjs
var require_NonRecordingSpan = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/NonRecordingSpan.cjs"(exports) {
    var require_invalid_span_constants2 = require_invalid_span_constants();
    var NonRecordingSpan = class {
      constructor(spanContext = require_invalid_span_constants2.INVALID_SPAN_CONTEXT) {
        this._spanContext = spanContext;
      }
      spanContext() {
        return this._spanContext;
      }
      setAttribute(_key, _value) {
        return this;
      }
      setAttributes(_attributes) {
        return this;
      }
      addEvent(_name, _attributes) {
        return this;
      }
      addLink(_link) {
        return this;
      }
      addLinks(_links) {
        return this;
      }
      setStatus(_status) {
        return this;
      }
      updateName(_name) {
        return this;
      }
      end(_endTime) {
      }
      isRecording() {
        return false;
      }
      recordException(_exception, _time) {
      }
    };
    exports.NonRecordingSpan = NonRecordingSpan;
  }
});

// node_modules/@opentelemetry/api/dist/trace/spancontext-utils.cjs
var require_spancontext_utils = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/spancontext-utils.cjs"(exports) {
    require_invalid_span_constants();
    var require_NonRecordingSpan2 = require_NonRecordingSpan();
    var isHex = new Uint8Array([
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1
    ]);
    function isValidHex(id, length) {
      if (typeof id !== "string" || id.length !== length) return false;
      let r = 0;
      for (let i = 0; i < id.length; i += 4) r += (isHex[id.charCodeAt(i)] | 0) + (isHex[id.charCodeAt(i + 1)] | 0) + (isHex[id.charCodeAt(i + 2)] | 0) + (isHex[id.charCodeAt(i + 3)] | 0);
      return r === length;
    }
    function isValidTraceId(traceId) {
      return isValidHex(traceId, 32) && traceId !== "00000000000000000000000000000000";
    }
    function isValidSpanId(spanId) {
      return isValidHex(spanId, 16) && spanId !== "0000000000000000";
    }
    function isSpanContextValid(spanContext) {
      return isValidTraceId(spanContext.traceId) && isValidSpanId(spanContext.spanId);
    }
    function wrapSpanContext(spanContext) {
      return new require_NonRecordingSpan2.NonRecordingSpan(spanContext);
    }
    exports.isSpanContextValid = isSpanContextValid;
    exports.isValidSpanId = isValidSpanId;
    exports.isValidTraceId = isValidTraceId;
    exports.wrapSpanContext = wrapSpanContext;
  }
});

// node_modules/@opentelemetry/api/dist/context/NoopContextManager.cjs
var require_NoopContextManager = __commonJS({
  "node_modules/@opentelemetry/api/dist/context/NoopContextManager.cjs"(exports) {
    var require_context3 = require_context();
    var NoopContextManager = class {
      active() {
        return require_context3.ROOT_CONTEXT;
      }
      with(_context, fn, thisArg, ...args) {
        return fn.call(thisArg, ...args);
      }
      bind(_context, target) {
        return target;
      }
      enable() {
        return this;
      }
      disable() {
        return this;
      }
      /** @experimental This API is experimental and may change in minor releases without prior notice. */
      attach(_context) {
        return { dispose() {
        } };
      }
    };
    exports.NoopContextManager = NoopContextManager;
  }
});

// node_modules/@opentelemetry/api/dist/api/context.cjs
var require_context2 = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/context.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_diag2 = require_diag();
    var require_NoopContextManager2 = require_NoopContextManager();
    var API_NAME = "context";
    var NOOP_CONTEXT_MANAGER = new require_NoopContextManager2.NoopContextManager();
    var NOOP_TOKEN = Object.freeze({ dispose: () => {
    } });
    var ContextAPI = class ContextAPI2 {
      /** Empty private constructor prevents end users from constructing a new instance of the API */
      constructor() {
        this._attachUnsupportedWarned = false;
      }
      /** Get the singleton instance of the Context API */
      static getInstance() {
        if (!this._instance) this._instance = new ContextAPI2();
        return this._instance;
      }
      /**
      * Set the current context manager.
      *
      * @returns true if the context manager was successfully registered, else false
      */
      setGlobalContextManager(contextManager) {
        return require_global_utils2.registerGlobal(API_NAME, contextManager, require_diag2.DiagAPI.instance());
      }
      /**
      * Get the currently active context
      */
      active() {
        return this._getContextManager().active();
      }
      /**
      * Execute a function with an active context
      *
      * @param context context to be active during function execution
      * @param fn function to execute in a context
      * @param thisArg optional receiver to be used for calling fn
      * @param args optional arguments forwarded to fn
      */
      with(context, fn, thisArg, ...args) {
        return this._getContextManager().with(context, fn, thisArg, ...args);
      }
      /**
      * Bind a context to a target function or event emitter
      *
      * @param context context to bind to the event emitter or function. Defaults to the currently active context
      * @param target function or event emitter to bind
      */
      bind(context, target) {
        return this._getContextManager().bind(context, target);
      }
      /**
      * Imperatively sets `context` as active, returning a {@link ContextManagementToken} whose
      * {@link ContextManagementToken.dispose} restores the previous context.
      *
      * This is a delicate, low-level API - prefer {@link with}/{@link bind}, which
      * restore context automatically. Use `attach` only to bridge callback
      * boundaries that `with` cannot wrap. Call `token.dispose()` when the
      * operation is done.
      *
      * **Caveat for async functions:** If called inside an async function before
      * the first `await`, the context change may leak into the caller's context
      * and remain active there. Prefer {@link with} for async code.
      *
      * Support is best-effort and varies by the active ContextManager (see
      * {@link ContextManager.attach}); if it does not implement `attach`, this logs
      * a warning and returns a no-op token.
      *
      * @param context The Context to attach
      * @returns A {@link ContextManagementToken} whose dispose() restores the previous Context
      * @since 1.10.0
      * @experimental This API is experimental and may change in minor releases without prior notice.
      */
      attach(context) {
        const contextManager = this._getContextManager();
        if (contextManager.attach) return contextManager.attach(context);
        if (!this._attachUnsupportedWarned) {
          this._attachUnsupportedWarned = true;
          require_diag2.DiagAPI.instance().warn("The current ContextManager does not implement attach(). The context will not be attached. Use a ContextManager that supports attach() (e.g. AsyncLocalStorageContextManager) or use with()/bind() instead.");
        }
        return NOOP_TOKEN;
      }
      _getContextManager() {
        return require_global_utils2.getGlobal(API_NAME) || NOOP_CONTEXT_MANAGER;
      }
      /** Disable and remove the global context manager */
      disable() {
        this._getContextManager().disable();
        require_global_utils2.unregisterGlobal(API_NAME, require_diag2.DiagAPI.instance());
      }
    };
    exports.ContextAPI = ContextAPI;
  }
});

// node_modules/@opentelemetry/api/dist/trace/context-utils.cjs
var require_context_utils = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/context-utils.cjs"(exports) {
    var require_context3 = require_context();
    var require_context$1 = require_context2();
    var require_NonRecordingSpan2 = require_NonRecordingSpan();
    var SPAN_KEY = require_context3.createContextKey("OpenTelemetry Context Key SPAN");
    function getSpan(context) {
      return context.getValue(SPAN_KEY) || void 0;
    }
    function getActiveSpan() {
      return getSpan(require_context$1.ContextAPI.getInstance().active());
    }
    function setSpan(context, span) {
      return context.setValue(SPAN_KEY, span);
    }
    function deleteSpan(context) {
      return context.deleteValue(SPAN_KEY);
    }
    function setSpanContext(context, spanContext) {
      return setSpan(context, new require_NonRecordingSpan2.NonRecordingSpan(spanContext));
    }
    function getSpanContext(context) {
      var _getSpan;
      return (_getSpan = getSpan(context)) === null || _getSpan === void 0 ? void 0 : _getSpan.spanContext();
    }
    exports.deleteSpan = deleteSpan;
    exports.getActiveSpan = getActiveSpan;
    exports.getSpan = getSpan;
    exports.getSpanContext = getSpanContext;
    exports.setSpan = setSpan;
    exports.setSpanContext = setSpanContext;
  }
});

// node_modules/@opentelemetry/api/dist/trace/NoopTracer.cjs
var require_NoopTracer = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/NoopTracer.cjs"(exports) {
    var require_context3 = require_context2();
    var require_NonRecordingSpan2 = require_NonRecordingSpan();
    var require_context_utils2 = require_context_utils();
    var require_spancontext_utils2 = require_spancontext_utils();
    var contextApi = require_context3.ContextAPI.getInstance();
    var NoopTracer = class {
      startSpan(name, options, context = contextApi.active()) {
        if (Boolean(options === null || options === void 0 ? void 0 : options.root)) return new require_NonRecordingSpan2.NonRecordingSpan();
        const parentFromContext = context && require_context_utils2.getSpanContext(context);
        if (isSpanContext(parentFromContext) && require_spancontext_utils2.isSpanContextValid(parentFromContext)) return new require_NonRecordingSpan2.NonRecordingSpan(parentFromContext);
        else return new require_NonRecordingSpan2.NonRecordingSpan();
      }
      startActiveSpan(name, arg2, arg3, arg4) {
        var _ctx;
        let opts;
        let ctx;
        let fn;
        if (arguments.length < 2) return;
        else if (arguments.length === 2) fn = arg2;
        else if (arguments.length === 3) {
          opts = arg2;
          fn = arg3;
        } else {
          opts = arg2;
          ctx = arg3;
          fn = arg4;
        }
        const parentContext = (_ctx = ctx) !== null && _ctx !== void 0 ? _ctx : contextApi.active();
        const span = this.startSpan(name, opts, parentContext);
        const contextWithSpanSet = require_context_utils2.setSpan(parentContext, span);
        return contextApi.with(contextWithSpanSet, fn, void 0, span);
      }
    };
    function isSpanContext(spanContext) {
      return spanContext !== null && typeof spanContext === "object" && "spanId" in spanContext && typeof spanContext["spanId"] === "string" && "traceId" in spanContext && typeof spanContext["traceId"] === "string" && "traceFlags" in spanContext && typeof spanContext["traceFlags"] === "number";
    }
    exports.NoopTracer = NoopTracer;
  }
});

// node_modules/@opentelemetry/api/dist/trace/ProxyTracer.cjs
var require_ProxyTracer = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/ProxyTracer.cjs"(exports) {
    var NOOP_TRACER = new (require_NoopTracer()).NoopTracer();
    var ProxyTracer = class {
      constructor(provider, name, version, options) {
        this._provider = provider;
        this.name = name;
        this.version = version;
        this.options = options;
      }
      startSpan(name, options, context) {
        return this._getTracer().startSpan(name, options, context);
      }
      startActiveSpan(_name, _options, _context, _fn) {
        const tracer = this._getTracer();
        return Reflect.apply(tracer.startActiveSpan, tracer, arguments);
      }
      /**
      * Try to get a tracer from the proxy tracer provider.
      * If the proxy tracer provider has no delegate, return a noop tracer.
      */
      _getTracer() {
        if (this._delegate) return this._delegate;
        const tracer = this._provider.getDelegateTracer(this.name, this.version, this.options);
        if (!tracer) return NOOP_TRACER;
        this._delegate = tracer;
        return this._delegate;
      }
    };
    exports.ProxyTracer = ProxyTracer;
  }
});

// node_modules/@opentelemetry/api/dist/trace/span_kind.cjs
var require_span_kind = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/span_kind.cjs"(exports) {
    var SpanKind = /* @__PURE__ */ (function(SpanKind2) {
      SpanKind2[SpanKind2["INTERNAL"] = 0] = "INTERNAL";
      SpanKind2[SpanKind2["SERVER"] = 1] = "SERVER";
      SpanKind2[SpanKind2["CLIENT"] = 2] = "CLIENT";
      SpanKind2[SpanKind2["PRODUCER"] = 3] = "PRODUCER";
      SpanKind2[SpanKind2["CONSUMER"] = 4] = "CONSUMER";
      return SpanKind2;
    })({});
    exports.SpanKind = SpanKind;
  }
});

// node_modules/@opentelemetry/api/dist/trace/status.cjs
var require_status = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/status.cjs"(exports) {
    var SpanStatusCode = /* @__PURE__ */ (function(SpanStatusCode2) {
      SpanStatusCode2[SpanStatusCode2["UNSET"] = 0] = "UNSET";
      SpanStatusCode2[SpanStatusCode2["OK"] = 1] = "OK";
      SpanStatusCode2[SpanStatusCode2["ERROR"] = 2] = "ERROR";
      return SpanStatusCode2;
    })({});
    exports.SpanStatusCode = SpanStatusCode;
  }
});

// node_modules/@opentelemetry/api/dist/trace/internal/tracestate-validators.cjs
var require_tracestate_validators = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/internal/tracestate-validators.cjs"(exports) {
    var VALID_KEY_CHAR_RANGE = "[_0-9a-z-*/]";
    var VALID_KEY_REGEX = new RegExp(`^(?:${`[a-z]${VALID_KEY_CHAR_RANGE}{0,255}`}|${`[a-z0-9]${VALID_KEY_CHAR_RANGE}{0,240}@[a-z]${VALID_KEY_CHAR_RANGE}{0,13}`})$`);
    var VALID_VALUE_BASE_REGEX = /^[ -~]{0,255}[!-~]$/;
    var INVALID_VALUE_COMMA_EQUAL_REGEX = /,|=/;
    function validateKey(key) {
      return VALID_KEY_REGEX.test(key);
    }
    function validateValue(value) {
      return VALID_VALUE_BASE_REGEX.test(value) && !INVALID_VALUE_COMMA_EQUAL_REGEX.test(value);
    }
    exports.validateKey = validateKey;
    exports.validateValue = validateValue;
  }
});

// node_modules/@opentelemetry/api/dist/trace/internal/tracestate-impl.cjs
var require_tracestate_impl = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/internal/tracestate-impl.cjs"(exports) {
    var require_tracestate_validators2 = require_tracestate_validators();
    var MAX_TRACE_STATE_ITEMS = 32;
    var MAX_TRACE_STATE_LEN = 512;
    var LIST_MEMBERS_SEPARATOR = ",";
    var LIST_MEMBER_KEY_VALUE_SPLITTER = "=";
    var TraceStateImpl = class TraceStateImpl2 {
      constructor(rawTraceState) {
        this._internalState = /* @__PURE__ */ new Map();
        if (rawTraceState) this._parse(rawTraceState);
      }
      set(key, value) {
        const currValue = this._internalState.get(key);
        let newLength = this.serialize().length;
        if (typeof currValue === "string") newLength += value.length - currValue.length;
        else {
          if (this._internalState.size >= MAX_TRACE_STATE_ITEMS) return this;
          newLength += key.length + value.length + (this._internalState.size > 0 ? 2 : 1);
        }
        if (newLength > MAX_TRACE_STATE_LEN) return this;
        const traceState = this._clone();
        if (traceState._internalState.has(key)) traceState._internalState.delete(key);
        traceState._internalState.set(key, value);
        return traceState;
      }
      unset(key) {
        const traceState = this._clone();
        traceState._internalState.delete(key);
        return traceState;
      }
      get(key) {
        return this._internalState.get(key);
      }
      serialize() {
        return Array.from(this._internalState.keys()).reduceRight((agg, key) => {
          agg.push(key + LIST_MEMBER_KEY_VALUE_SPLITTER + this.get(key));
          return agg;
        }, []).join(LIST_MEMBERS_SEPARATOR);
      }
      _parse(rawTraceState) {
        if (rawTraceState.length > MAX_TRACE_STATE_LEN) return;
        this._internalState = rawTraceState.split(LIST_MEMBERS_SEPARATOR).reduceRight((agg, part) => {
          const listMember = part.trim();
          const i = listMember.indexOf(LIST_MEMBER_KEY_VALUE_SPLITTER);
          if (i !== -1) {
            const key = listMember.slice(0, i);
            const value = listMember.slice(i + 1, part.length);
            if (require_tracestate_validators2.validateKey(key) && require_tracestate_validators2.validateValue(value)) agg.set(key, value);
          }
          return agg;
        }, /* @__PURE__ */ new Map());
        if (this._internalState.size > MAX_TRACE_STATE_ITEMS) this._internalState = new Map(Array.from(this._internalState.entries()).reverse().slice(0, MAX_TRACE_STATE_ITEMS));
      }
      _keys() {
        return Array.from(this._internalState.keys()).reverse();
      }
      _clone() {
        const traceState = new TraceStateImpl2();
        traceState._internalState = new Map(this._internalState);
        return traceState;
      }
    };
    exports.TraceStateImpl = TraceStateImpl;
  }
});

// node_modules/@opentelemetry/api/dist/trace/internal/utils.cjs
var require_utils2 = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/internal/utils.cjs"(exports) {
    var require_tracestate_impl2 = require_tracestate_impl();
    function createTraceState(rawTraceState) {
      return new require_tracestate_impl2.TraceStateImpl(rawTraceState);
    }
    exports.createTraceState = createTraceState;
  }
});

// node_modules/@opentelemetry/api/dist/trace/NoopTracerProvider.cjs
var require_NoopTracerProvider = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/NoopTracerProvider.cjs"(exports) {
    var require_NoopTracer2 = require_NoopTracer();
    var NoopTracerProvider = class {
      getTracer(_name, _version, _options) {
        return new require_NoopTracer2.NoopTracer();
      }
    };
    exports.NoopTracerProvider = NoopTracerProvider;
  }
});

// node_modules/@opentelemetry/api/dist/trace/ProxyTracerProvider.cjs
var require_ProxyTracerProvider = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/ProxyTracerProvider.cjs"(exports) {
    var require_ProxyTracer2 = require_ProxyTracer();
    var NOOP_TRACER_PROVIDER = new (require_NoopTracerProvider()).NoopTracerProvider();
    var ProxyTracerProvider = class {
      /**
      * Get a {@link ProxyTracer}
      */
      getTracer(name, version, options) {
        var _this$getDelegateTrac;
        return (_this$getDelegateTrac = this.getDelegateTracer(name, version, options)) !== null && _this$getDelegateTrac !== void 0 ? _this$getDelegateTrac : new require_ProxyTracer2.ProxyTracer(this, name, version, options);
      }
      getDelegate() {
        var _this$_delegate;
        return (_this$_delegate = this._delegate) !== null && _this$_delegate !== void 0 ? _this$_delegate : NOOP_TRACER_PROVIDER;
      }
      /**
      * Set the delegate tracer provider
      */
      setDelegate(delegate) {
        this._delegate = delegate;
      }
      getDelegateTracer(name, version, options) {
        var _this$_delegate2;
        return (_this$_delegate2 = this._delegate) === null || _this$_delegate2 === void 0 ? void 0 : _this$_delegate2.getTracer(name, version, options);
      }
    };
    exports.ProxyTracerProvider = ProxyTracerProvider;
  }
});

// node_modules/@opentelemetry/api/dist/trace/SamplingResult.cjs
var require_SamplingResult = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/SamplingResult.cjs"(exports) {
    var SamplingDecision = /* @__PURE__ */ (function(SamplingDecision2) {
      SamplingDecision2[SamplingDecision2["NOT_RECORD"] = 0] = "NOT_RECORD";
      SamplingDecision2[SamplingDecision2["RECORD"] = 1] = "RECORD";
      SamplingDecision2[SamplingDecision2["RECORD_AND_SAMPLED"] = 2] = "RECORD_AND_SAMPLED";
      return SamplingDecision2;
    })({});
    exports.SamplingDecision = SamplingDecision;
  }
});

// node_modules/@opentelemetry/api/dist/context-api.cjs
var require_context_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/context-api.cjs"(exports) {
    var context = require_context2().ContextAPI.getInstance();
    exports.context = context;
  }
});

// node_modules/@opentelemetry/api/dist/diag-api.cjs
var require_diag_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/diag-api.cjs"(exports) {
    var diag = require_diag().DiagAPI.instance();
    exports.diag = diag;
  }
});

// node_modules/@opentelemetry/api/dist/logs/NoopLoggerProvider.cjs
var require_NoopLoggerProvider = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs/NoopLoggerProvider.cjs"(exports) {
    var require_NoopLogger2 = require_NoopLogger();
    var NoopLoggerProvider = class {
      getLogger(_name, _version, _options) {
        return new require_NoopLogger2.NoopLogger();
      }
    };
    var NOOP_LOGGER_PROVIDER = new NoopLoggerProvider();
    exports.NOOP_LOGGER_PROVIDER = NOOP_LOGGER_PROVIDER;
    exports.NoopLoggerProvider = NoopLoggerProvider;
  }
});

// node_modules/@opentelemetry/api/dist/logs/ProxyLogger.cjs
var require_ProxyLogger = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs/ProxyLogger.cjs"(exports) {
    var require_NoopLogger2 = require_NoopLogger();
    var ProxyLogger = class {
      constructor(provider, name, version, options) {
        this._provider = provider;
        this.name = name;
        this.version = version;
        this.options = options;
      }
      /**
      * Emit a log record. This method should only be used by log appenders.
      *
      * @param logRecord
      */
      emit(logRecord) {
        this._getLogger().emit(logRecord);
      }
      enabled(options) {
        return this._getLogger().enabled(options);
      }
      /**
      * Try to get a logger from the proxy logger provider.
      * If the proxy logger provider has no delegate, return a noop logger.
      */
      _getLogger() {
        if (this._delegate) return this._delegate;
        const logger = this._provider._getDelegateLogger(this.name, this.version, this.options);
        if (!logger) return require_NoopLogger2.NOOP_LOGGER;
        this._delegate = logger;
        return this._delegate;
      }
    };
    exports.ProxyLogger = ProxyLogger;
  }
});

// node_modules/@opentelemetry/api/dist/logs/ProxyLoggerProvider.cjs
var require_ProxyLoggerProvider = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs/ProxyLoggerProvider.cjs"(exports) {
    var require_NoopLoggerProvider2 = require_NoopLoggerProvider();
    var require_ProxyLogger2 = require_ProxyLogger();
    var ProxyLoggerProvider = class {
      getLogger(name, version, options) {
        var _this$_getDelegateLog;
        return (_this$_getDelegateLog = this._getDelegateLogger(name, version, options)) !== null && _this$_getDelegateLog !== void 0 ? _this$_getDelegateLog : new require_ProxyLogger2.ProxyLogger(this, name, version, options);
      }
      /**
      * Get the delegate logger provider.
      * Used by tests only.
      * @internal
      */
      _getDelegate() {
        var _this$_delegate;
        return (_this$_delegate = this._delegate) !== null && _this$_delegate !== void 0 ? _this$_delegate : require_NoopLoggerProvider2.NOOP_LOGGER_PROVIDER;
      }
      /**
      * Set the delegate logger provider
      * @internal
      */
      _setDelegate(delegate) {
        this._delegate = delegate;
      }
      /**
      * @internal
      */
      _getDelegateLogger(name, version, options) {
        var _this$_delegate2;
        return (_this$_delegate2 = this._delegate) === null || _this$_delegate2 === void 0 ? void 0 : _this$_delegate2.getLogger(name, version, options);
      }
    };
    exports.ProxyLoggerProvider = ProxyLoggerProvider;
  }
});

// node_modules/@opentelemetry/api/dist/api/logs.cjs
var require_logs = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/logs.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_diag2 = require_diag();
    var require_ProxyLoggerProvider2 = require_ProxyLoggerProvider();
    var API_NAME = "logs";
    var LogsAPI = class LogsAPI2 {
      /** Empty private constructor prevents end users from constructing a new instance of the API */
      constructor() {
        this._proxyLoggerProvider = new require_ProxyLoggerProvider2.ProxyLoggerProvider();
      }
      /** Get the singleton instance of the Logs API */
      static getInstance() {
        if (!this._instance) this._instance = new LogsAPI2();
        return this._instance;
      }
      setGlobalLoggerProvider(provider) {
        const success = require_global_utils2.registerGlobal(API_NAME, provider, require_diag2.DiagAPI.instance());
        if (success) this._proxyLoggerProvider._setDelegate(provider);
        return success;
      }
      /**
      * Returns the global logger provider.
      *
      * @returns LoggerProvider
      */
      getLoggerProvider() {
        return require_global_utils2.getGlobal(API_NAME) || this._proxyLoggerProvider;
      }
      /**
      * Returns a Logger, creating one if one with the given name, version,
      * schemaUrl, and attributes is not already created.
      *
      * Getting a Logger may be expensive, especially when `attributes` are
      * provided. Reuse Logger instances where possible instead of calling
      * `getLogger()` on hot paths.
      *
      * @param name The name of the logger or instrumentation library.
      * @param version The version of the logger or instrumentation library.
      * @param options The options of the logger or instrumentation library.
      * @returns {@link Logger}
      */
      getLogger(name, version, options) {
        return this.getLoggerProvider().getLogger(name, version, options);
      }
      /** Remove the global logger provider */
      disable() {
        require_global_utils2.unregisterGlobal(API_NAME, require_diag2.DiagAPI.instance());
        this._proxyLoggerProvider = new require_ProxyLoggerProvider2.ProxyLoggerProvider();
      }
    };
    exports.LogsAPI = LogsAPI;
  }
});

// node_modules/@opentelemetry/api/dist/logs-api.cjs
var require_logs_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs-api.cjs"(exports) {
    var logs = require_logs().LogsAPI.getInstance();
    exports.logs = logs;
  }
});

// node_modules/@opentelemetry/api/dist/metrics/NoopMeterProvider.cjs
var require_NoopMeterProvider = __commonJS({
  "node_modules/@opentelemetry/api/dist/metrics/NoopMeterProvider.cjs"(exports) {
    var require_NoopMeter2 = require_NoopMeter();
    var NoopMeterProvider = class {
      getMeter(_name, _version, _options) {
        return require_NoopMeter2.NOOP_METER;
      }
    };
    var NOOP_METER_PROVIDER = new NoopMeterProvider();
    exports.NOOP_METER_PROVIDER = NOOP_METER_PROVIDER;
    exports.NoopMeterProvider = NoopMeterProvider;
  }
});

// node_modules/@opentelemetry/api/dist/api/metrics.cjs
var require_metrics = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/metrics.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_diag2 = require_diag();
    var require_NoopMeterProvider2 = require_NoopMeterProvider();
    var API_NAME = "metrics";
    var MetricsAPI = class MetricsAPI2 {
      /** Empty private constructor prevents end users from constructing a new instance of the API */
      constructor() {
      }
      /** Get the singleton instance of the Metrics API */
      static getInstance() {
        if (!this._instance) this._instance = new MetricsAPI2();
        return this._instance;
      }
      /**
      * Set the current global meter provider.
      * Returns true if the meter provider was successfully registered, else false.
      */
      setGlobalMeterProvider(provider) {
        return require_global_utils2.registerGlobal(API_NAME, provider, require_diag2.DiagAPI.instance());
      }
      /**
      * Returns the global meter provider.
      */
      getMeterProvider() {
        return require_global_utils2.getGlobal(API_NAME) || require_NoopMeterProvider2.NOOP_METER_PROVIDER;
      }
      /**
      * Returns a meter from the global meter provider.
      */
      getMeter(name, version, options) {
        return this.getMeterProvider().getMeter(name, version, options);
      }
      /** Remove the global meter provider */
      disable() {
        require_global_utils2.unregisterGlobal(API_NAME, require_diag2.DiagAPI.instance());
      }
    };
    exports.MetricsAPI = MetricsAPI;
  }
});

// node_modules/@opentelemetry/api/dist/metrics-api.cjs
var require_metrics_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/metrics-api.cjs"(exports) {
    var metrics = require_metrics().MetricsAPI.getInstance();
    exports.metrics = metrics;
  }
});

// node_modules/@opentelemetry/api/dist/propagation/NoopTextMapPropagator.cjs
var require_NoopTextMapPropagator = __commonJS({
  "node_modules/@opentelemetry/api/dist/propagation/NoopTextMapPropagator.cjs"(exports) {
    var NoopTextMapPropagator = class {
      /** Noop inject function does nothing */
      inject(_context, _carrier) {
      }
      /** Noop extract function does nothing and returns the input context */
      extract(context, _carrier) {
        return context;
      }
      fields() {
        return [];
      }
    };
    exports.NoopTextMapPropagator = NoopTextMapPropagator;
  }
});

// node_modules/@opentelemetry/api/dist/baggage/context-helpers.cjs
var require_context_helpers = __commonJS({
  "node_modules/@opentelemetry/api/dist/baggage/context-helpers.cjs"(exports) {
    var require_context3 = require_context();
    var require_context$1 = require_context2();
    var BAGGAGE_KEY = require_context3.createContextKey("OpenTelemetry Baggage Key");
    function getBaggage(context) {
      return context.getValue(BAGGAGE_KEY) || void 0;
    }
    function getActiveBaggage() {
      return getBaggage(require_context$1.ContextAPI.getInstance().active());
    }
    function setBaggage(context, baggage) {
      return context.setValue(BAGGAGE_KEY, baggage);
    }
    function deleteBaggage(context) {
      return context.deleteValue(BAGGAGE_KEY);
    }
    exports.deleteBaggage = deleteBaggage;
    exports.getActiveBaggage = getActiveBaggage;
    exports.getBaggage = getBaggage;
    exports.setBaggage = setBaggage;
  }
});

// node_modules/@opentelemetry/api/dist/api/propagation.cjs
var require_propagation = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/propagation.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_diag2 = require_diag();
    var require_utils3 = require_utils();
    var require_TextMapPropagator2 = require_TextMapPropagator();
    var require_NoopTextMapPropagator2 = require_NoopTextMapPropagator();
    var require_context_helpers2 = require_context_helpers();
    var API_NAME = "propagation";
    var NOOP_TEXT_MAP_PROPAGATOR = new require_NoopTextMapPropagator2.NoopTextMapPropagator();
    var PropagationAPI = class PropagationAPI2 {
      /** Empty private constructor prevents end users from constructing a new instance of the API */
      constructor() {
        this.createBaggage = require_utils3.createBaggage;
        this.getBaggage = require_context_helpers2.getBaggage;
        this.getActiveBaggage = require_context_helpers2.getActiveBaggage;
        this.setBaggage = require_context_helpers2.setBaggage;
        this.deleteBaggage = require_context_helpers2.deleteBaggage;
      }
      /** Get the singleton instance of the Propagator API */
      static getInstance() {
        if (!this._instance) this._instance = new PropagationAPI2();
        return this._instance;
      }
      /**
      * Set the current propagator.
      *
      * @returns true if the propagator was successfully registered, else false
      */
      setGlobalPropagator(propagator) {
        return require_global_utils2.registerGlobal(API_NAME, propagator, require_diag2.DiagAPI.instance());
      }
      /**
      * Inject context into a carrier to be propagated inter-process
      *
      * @param context Context carrying tracing data to inject
      * @param carrier carrier to inject context into
      * @param setter Function used to set values on the carrier
      */
      inject(context, carrier, setter = require_TextMapPropagator2.defaultTextMapSetter) {
        return this._getGlobalPropagator().inject(context, carrier, setter);
      }
      /**
      * Extract context from a carrier
      *
      * @param context Context which the newly created context will inherit from
      * @param carrier Carrier to extract context from
      * @param getter Function used to extract keys from a carrier
      */
      extract(context, carrier, getter = require_TextMapPropagator2.defaultTextMapGetter) {
        return this._getGlobalPropagator().extract(context, carrier, getter);
      }
      /**
      * Return a list of all fields which may be used by the propagator.
      */
      fields() {
        return this._getGlobalPropagator().fields();
      }
      /** Remove the global propagator */
      disable() {
        require_global_utils2.unregisterGlobal(API_NAME, require_diag2.DiagAPI.instance());
      }
      _getGlobalPropagator() {
        return require_global_utils2.getGlobal(API_NAME) || NOOP_TEXT_MAP_PROPAGATOR;
      }
    };
    exports.PropagationAPI = PropagationAPI;
  }
});

// node_modules/@opentelemetry/api/dist/propagation-api.cjs
var require_propagation_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/propagation-api.cjs"(exports) {
    var propagation = require_propagation().PropagationAPI.getInstance();
    exports.propagation = propagation;
  }
});

// node_modules/@opentelemetry/api/dist/api/trace.cjs
var require_trace = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/trace.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_diag2 = require_diag();
    var require_context_utils2 = require_context_utils();
    var require_spancontext_utils2 = require_spancontext_utils();
    var require_ProxyTracerProvider2 = require_ProxyTracerProvider();
    var API_NAME = "trace";
    var TraceAPI = class TraceAPI2 {
      /** Empty private constructor prevents end users from constructing a new instance of the API */
      constructor() {
        this._proxyTracerProvider = new require_ProxyTracerProvider2.ProxyTracerProvider();
        this.wrapSpanContext = require_spancontext_utils2.wrapSpanContext;
        this.isSpanContextValid = require_spancontext_utils2.isSpanContextValid;
        this.deleteSpan = require_context_utils2.deleteSpan;
        this.getSpan = require_context_utils2.getSpan;
        this.getActiveSpan = require_context_utils2.getActiveSpan;
        this.getSpanContext = require_context_utils2.getSpanContext;
        this.setSpan = require_context_utils2.setSpan;
        this.setSpanContext = require_context_utils2.setSpanContext;
      }
      /** Get the singleton instance of the Trace API */
      static getInstance() {
        if (!this._instance) this._instance = new TraceAPI2();
        return this._instance;
      }
      /**
      * Set the current global tracer.
      *
      * @returns true if the tracer provider was successfully registered, else false
      */
      setGlobalTracerProvider(provider) {
        const success = require_global_utils2.registerGlobal(API_NAME, this._proxyTracerProvider, require_diag2.DiagAPI.instance());
        if (success) this._proxyTracerProvider.setDelegate(provider);
        return success;
      }
      /**
      * Returns the global tracer provider.
      */
      getTracerProvider() {
        return require_global_utils2.getGlobal(API_NAME) || this._proxyTracerProvider;
      }
      /**
      * Returns a tracer from the global tracer provider.
      */
      getTracer(name, version) {
        return this.getTracerProvider().getTracer(name, version);
      }
      /** Remove the global tracer provider */
      disable() {
        require_global_utils2.unregisterGlobal(API_NAME, require_diag2.DiagAPI.instance());
        this._proxyTracerProvider = new require_ProxyTracerProvider2.ProxyTracerProvider();
      }
    };
    exports.TraceAPI = TraceAPI;
  }
});

// node_modules/@opentelemetry/api/dist/trace-api.cjs
var require_trace_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace-api.cjs"(exports) {
    var trace = require_trace().TraceAPI.getInstance();
    exports.trace = trace;
  }
});

// node_modules/@opentelemetry/api/dist/index.cjs
var require_dist = __commonJS({
  "node_modules/@opentelemetry/api/dist/index.cjs"(exports) {
    Object.defineProperties(exports, {
      __esModule: { value: true },
      [Symbol.toStringTag]: { value: "Module" }
    });
    var require_types2 = require_types();
    var require_utils3 = require_utils();
    var require_context3 = require_context();
    var require_consoleLogger2 = require_consoleLogger();
    var require_NoopMeter2 = require_NoopMeter();
    var require_Metric2 = require_Metric();
    var require_NoopLogger2 = require_NoopLogger();
    var require_LogRecord2 = require_LogRecord();
    var require_TextMapPropagator2 = require_TextMapPropagator();
    var require_trace_flags2 = require_trace_flags();
    var require_invalid_span_constants2 = require_invalid_span_constants();
    var require_spancontext_utils2 = require_spancontext_utils();
    var require_ProxyTracer2 = require_ProxyTracer();
    var require_span_kind2 = require_span_kind();
    var require_status2 = require_status();
    var require_utils$1 = require_utils2();
    var require_ProxyTracerProvider2 = require_ProxyTracerProvider();
    var require_SamplingResult2 = require_SamplingResult();
    var require_context_api2 = require_context_api();
    var require_diag_api2 = require_diag_api();
    var require_logs_api2 = require_logs_api();
    var require_metrics_api2 = require_metrics_api();
    var require_propagation_api2 = require_propagation_api();
    var require_trace_api2 = require_trace_api();
    var src_default = {
      context: require_context_api2.context,
      diag: require_diag_api2.diag,
      logs: require_logs_api2.logs,
      metrics: require_metrics_api2.metrics,
      propagation: require_propagation_api2.propagation,
      trace: require_trace_api2.trace
    };
    exports.DiagConsoleLogger = require_consoleLogger2.DiagConsoleLogger;
    exports.DiagLogLevel = require_types2.DiagLogLevel;
    exports.INVALID_SPANID = require_invalid_span_constants2.INVALID_SPANID;
    exports.INVALID_SPAN_CONTEXT = require_invalid_span_constants2.INVALID_SPAN_CONTEXT;
    exports.INVALID_TRACEID = require_invalid_span_constants2.INVALID_TRACEID;
    exports.ProxyTracer = require_ProxyTracer2.ProxyTracer;
    exports.ProxyTracerProvider = require_ProxyTracerProvider2.ProxyTracerProvider;
    exports.ROOT_CONTEXT = require_context3.ROOT_CONTEXT;
    exports.SamplingDecision = require_SamplingResult2.SamplingDecision;
    exports.SeverityNumber = require_LogRecord2.SeverityNumber;
    exports.SpanKind = require_span_kind2.SpanKind;
    exports.SpanStatusCode = require_status2.SpanStatusCode;
    exports.TraceFlags = require_trace_flags2.TraceFlags;
    exports.ValueType = require_Metric2.ValueType;
    exports.baggageEntryMetadataFromString = require_utils3.baggageEntryMetadataFromString;
    exports.context = require_context_api2.context;
    exports.createContextKey = require_context3.createContextKey;
    exports.createNoopLogger = require_NoopLogger2.createNoopLogger;
    exports.createNoopMeter = require_NoopMeter2.createNoopMeter;
    exports.createTraceState = require_utils$1.createTraceState;
    exports.default = src_default;
    exports.defaultTextMapGetter = require_TextMapPropagator2.defaultTextMapGetter;
    exports.defaultTextMapSetter = require_TextMapPropagator2.defaultTextMapSetter;
    exports.diag = require_diag_api2.diag;
    exports.isSpanContextValid = require_spancontext_utils2.isSpanContextValid;
    exports.isValidSpanId = require_spancontext_utils2.isValidSpanId;
    exports.isValidTraceId = require_spancontext_utils2.isValidTraceId;
    exports.logs = require_logs_api2.logs;
    exports.metrics = require_metrics_api2.metrics;
    exports.propagation = require_propagation_api2.propagation;
    exports.trace = require_trace_api2.trace;
  }
});

// node_modules/prom-client/lib/metrics/processCpuTotal.js
var require_processCpuTotal = __commonJS({
  "node_modules/prom-client/lib/metrics/processCpuTotal.js"(exports, module) {
    "use strict";
    var OtelApi = require_dist();
    var Counter2 = require_counter();
    var PROCESS_CPU_USER_SECONDS = "process_cpu_user_seconds_total";
    var PROCESS_CPU_SYSTEM_SECONDS = "process_cpu_system_seconds_total";
    var PROCESS_CPU_SECONDS = "process_cpu_seconds_total";
    module.exports = (registry, config = {}) => {
      const registers = registry ? [registry] : void 0;
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const exemplars = config.enableExemplars ? config.enableExemplars : false;
      const labelNames = Object.keys(labels);
      let lastCpuUsage = process.cpuUsage();
      const cpuUserUsageCounter = new Counter2({
        name: namePrefix + PROCESS_CPU_USER_SECONDS,
        help: "Total user CPU time spent in seconds.",
        enableExemplars: exemplars,
        registers,
        labelNames,
        // Use this one metric's `collect` to set all metrics' values.
        collect() {
          const cpuUsage = process.cpuUsage();
          const userUsageMicros = cpuUsage.user - lastCpuUsage.user;
          const systemUsageMicros = cpuUsage.system - lastCpuUsage.system;
          lastCpuUsage = cpuUsage;
          if (this.enableExemplars) {
            let exemplarLabels = {};
            const currentSpan = OtelApi.trace.getSpan(OtelApi.context.active());
            if (currentSpan) {
              exemplarLabels = {
                traceId: currentSpan.spanContext().traceId,
                spanId: currentSpan.spanContext().spanId
              };
            }
            cpuUserUsageCounter.inc({
              labels,
              value: userUsageMicros / 1e6,
              exemplarLabels
            });
            cpuSystemUsageCounter.inc({
              labels,
              value: systemUsageMicros / 1e6,
              exemplarLabels
            });
            cpuUsageCounter.inc({
              labels,
              value: (userUsageMicros + systemUsageMicros) / 1e6,
              exemplarLabels
            });
          } else {
            cpuUserUsageCounter.inc(labels, userUsageMicros / 1e6);
            cpuSystemUsageCounter.inc(labels, systemUsageMicros / 1e6);
            cpuUsageCounter.inc(
              labels,
              (userUsageMicros + systemUsageMicros) / 1e6
            );
          }
        }
      });
      const cpuSystemUsageCounter = new Counter2({
        name: namePrefix + PROCESS_CPU_SYSTEM_SECONDS,
        help: "Total system CPU time spent in seconds.",
        enableExemplars: exemplars,
        registers,
        labelNames
      });
      const cpuUsageCounter = new Counter2({
        name: namePrefix + PROCESS_CPU_SECONDS,
        help: "Total user and system CPU time spent in seconds.",
        enableExemplars: exemplars,
        registers,
        labelNames
      });
    };
    module.exports.metricNames = [
      PROCESS_CPU_USER_SECONDS,
      PROCESS_CPU_SYSTEM_SECONDS,
      PROCESS_CPU_SECONDS
    ];
  }
});

// node_modules/prom-client/lib/metrics/processStartTime.js
var require_processStartTime = __commonJS({
  "node_modules/prom-client/lib/metrics/processStartTime.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var startInSeconds = Math.round(Date.now() / 1e3 - process.uptime());
    var PROCESS_START_TIME = "process_start_time_seconds";
    module.exports = (registry, config = {}) => {
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge2({
        name: namePrefix + PROCESS_START_TIME,
        help: "Start time of the process since unix epoch in seconds.",
        registers: registry ? [registry] : void 0,
        labelNames,
        aggregator: "omit",
        collect() {
          this.set(labels, startInSeconds);
        }
      });
    };
    module.exports.metricNames = [PROCESS_START_TIME];
  }
});

// node_modules/prom-client/lib/metrics/osMemoryHeapLinux.js
var require_osMemoryHeapLinux = __commonJS({
  "node_modules/prom-client/lib/metrics/osMemoryHeapLinux.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var fs = __require("fs");
    var values = ["VmSize", "VmRSS", "VmData"];
    var PROCESS_RESIDENT_MEMORY = "process_resident_memory_bytes";
    var PROCESS_VIRTUAL_MEMORY = "process_virtual_memory_bytes";
    var PROCESS_HEAP = "process_heap_bytes";
    function structureOutput(input) {
      return input.split("\n").reduce((acc, string) => {
        if (!values.some((value2) => string.startsWith(value2))) {
          return acc;
        }
        const split = string.split(":");
        let value = split[1].trim();
        value = value.substr(0, value.length - 3);
        value = Number(value) * 1024;
        acc[split[0]] = value;
        return acc;
      }, {});
    }
    module.exports = (registry, config = {}) => {
      const registers = registry ? [registry] : void 0;
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      const residentMemGauge = new Gauge2({
        name: namePrefix + PROCESS_RESIDENT_MEMORY,
        help: "Resident memory size in bytes.",
        registers,
        labelNames,
        // Use this one metric's `collect` to set all metrics' values.
        collect() {
          try {
            const stat3 = fs.readFileSync("/proc/self/status", "utf8");
            const structuredOutput = structureOutput(stat3);
            residentMemGauge.set(labels, structuredOutput.VmRSS);
            virtualMemGauge.set(labels, structuredOutput.VmSize);
            heapSizeMemGauge.set(labels, structuredOutput.VmData);
          } catch {
          }
        }
      });
      const virtualMemGauge = new Gauge2({
        name: namePrefix + PROCESS_VIRTUAL_MEMORY,
        help: "Virtual memory size in bytes.",
        registers,
        labelNames
      });
      const heapSizeMemGauge = new Gauge2({
        name: namePrefix + PROCESS_HEAP,
        help: "Process heap size in bytes.",
        registers,
        labelNames
      });
    };
    module.exports.metricNames = [
      PROCESS_RESIDENT_MEMORY,
      PROCESS_VIRTUAL_MEMORY,
      PROCESS_HEAP
    ];
  }
});

// node_modules/prom-client/lib/metrics/helpers/safeMemoryUsage.js
var require_safeMemoryUsage = __commonJS({
  "node_modules/prom-client/lib/metrics/helpers/safeMemoryUsage.js"(exports, module) {
    "use strict";
    function safeMemoryUsage() {
      try {
        return process.memoryUsage();
      } catch {
        return;
      }
    }
    module.exports = safeMemoryUsage;
  }
});

// node_modules/prom-client/lib/metrics/osMemoryHeap.js
var require_osMemoryHeap = __commonJS({
  "node_modules/prom-client/lib/metrics/osMemoryHeap.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var linuxVariant = require_osMemoryHeapLinux();
    var safeMemoryUsage = require_safeMemoryUsage();
    var PROCESS_RESIDENT_MEMORY = "process_resident_memory_bytes";
    function notLinuxVariant(registry, config = {}) {
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge2({
        name: namePrefix + PROCESS_RESIDENT_MEMORY,
        help: "Resident memory size in bytes.",
        registers: registry ? [registry] : void 0,
        labelNames,
        collect() {
          const memUsage = safeMemoryUsage();
          if (memUsage) {
            this.set(labels, memUsage.rss);
          }
        }
      });
    }
    module.exports = (registry, config) => process.platform === "linux" ? linuxVariant(registry, config) : notLinuxVariant(registry, config);
    module.exports.metricNames = process.platform === "linux" ? linuxVariant.metricNames : [PROCESS_RESIDENT_MEMORY];
  }
});

// node_modules/prom-client/lib/metrics/processOpenFileDescriptors.js
var require_processOpenFileDescriptors = __commonJS({
  "node_modules/prom-client/lib/metrics/processOpenFileDescriptors.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var fs = __require("fs");
    var process2 = __require("process");
    var PROCESS_OPEN_FDS = "process_open_fds";
    module.exports = (registry, config = {}) => {
      if (process2.platform !== "linux") {
        return;
      }
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge2({
        name: namePrefix + PROCESS_OPEN_FDS,
        help: "Number of open file descriptors.",
        registers: registry ? [registry] : void 0,
        labelNames,
        collect() {
          try {
            const fds = fs.readdirSync("/proc/self/fd");
            this.set(labels, fds.length - 1);
          } catch {
          }
        }
      });
    };
    module.exports.metricNames = [PROCESS_OPEN_FDS];
  }
});

// node_modules/prom-client/lib/metrics/processMaxFileDescriptors.js
var require_processMaxFileDescriptors = __commonJS({
  "node_modules/prom-client/lib/metrics/processMaxFileDescriptors.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var fs = __require("fs");
    var PROCESS_MAX_FDS = "process_max_fds";
    var maxFds;
    module.exports = (registry, config = {}) => {
      if (maxFds === void 0) {
        try {
          const limits2 = fs.readFileSync("/proc/self/limits", "utf8");
          const lines = limits2.split("\n");
          for (const line of lines) {
            if (line.startsWith("Max open files")) {
              const parts = line.split(/  +/);
              maxFds = Number(parts[1]);
              break;
            }
          }
        } catch {
          return;
        }
      }
      if (maxFds === void 0) return;
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge2({
        name: namePrefix + PROCESS_MAX_FDS,
        help: "Maximum number of open file descriptors.",
        registers: registry ? [registry] : void 0,
        labelNames,
        collect() {
          if (maxFds !== void 0) this.set(labels, maxFds);
        }
      });
    };
    module.exports.metricNames = [PROCESS_MAX_FDS];
  }
});

// node_modules/prom-client/lib/metrics/eventLoopLag.js
var require_eventLoopLag = __commonJS({
  "node_modules/prom-client/lib/metrics/eventLoopLag.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var perf_hooks;
    try {
      perf_hooks = __require("perf_hooks");
    } catch {
    }
    var NODEJS_EVENTLOOP_LAG = "nodejs_eventloop_lag_seconds";
    var NODEJS_EVENTLOOP_LAG_MIN = "nodejs_eventloop_lag_min_seconds";
    var NODEJS_EVENTLOOP_LAG_MAX = "nodejs_eventloop_lag_max_seconds";
    var NODEJS_EVENTLOOP_LAG_MEAN = "nodejs_eventloop_lag_mean_seconds";
    var NODEJS_EVENTLOOP_LAG_STDDEV = "nodejs_eventloop_lag_stddev_seconds";
    var NODEJS_EVENTLOOP_LAG_P50 = "nodejs_eventloop_lag_p50_seconds";
    var NODEJS_EVENTLOOP_LAG_P90 = "nodejs_eventloop_lag_p90_seconds";
    var NODEJS_EVENTLOOP_LAG_P99 = "nodejs_eventloop_lag_p99_seconds";
    function reportEventloopLag(start, gauge, labels) {
      const delta = process.hrtime(start);
      const nanosec = delta[0] * 1e9 + delta[1];
      const seconds = nanosec / 1e9;
      gauge.set(labels, seconds);
    }
    module.exports = (registry, config = {}) => {
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      const registers = registry ? [registry] : void 0;
      let collect = () => {
        const start = process.hrtime();
        setImmediate(reportEventloopLag, start, lag, labels);
      };
      if (perf_hooks && perf_hooks.monitorEventLoopDelay) {
        try {
          const histogram = perf_hooks.monitorEventLoopDelay({
            resolution: config.eventLoopMonitoringPrecision
          });
          histogram.enable();
          collect = () => {
            const start = process.hrtime();
            setImmediate(reportEventloopLag, start, lag, labels);
            lagMin.set(labels, histogram.min / 1e9);
            lagMax.set(labels, histogram.max / 1e9);
            lagMean.set(labels, histogram.mean / 1e9);
            lagStddev.set(labels, histogram.stddev / 1e9);
            lagP50.set(labels, histogram.percentile(50) / 1e9);
            lagP90.set(labels, histogram.percentile(90) / 1e9);
            lagP99.set(labels, histogram.percentile(99) / 1e9);
            histogram.reset();
          };
        } catch (e) {
          if (e.code === "ERR_NOT_IMPLEMENTED") {
            return;
          }
          throw e;
        }
      }
      const lag = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG,
        help: "Lag of event loop in seconds.",
        registers,
        labelNames,
        aggregator: "average",
        // Use this one metric's `collect` to set all metrics' values.
        collect
      });
      const lagMin = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_MIN,
        help: "The minimum recorded event loop delay.",
        registers,
        labelNames,
        aggregator: "min"
      });
      const lagMax = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_MAX,
        help: "The maximum recorded event loop delay.",
        registers,
        labelNames,
        aggregator: "max"
      });
      const lagMean = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_MEAN,
        help: "The mean of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
      const lagStddev = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_STDDEV,
        help: "The standard deviation of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
      const lagP50 = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_P50,
        help: "The 50th percentile of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
      const lagP90 = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_P90,
        help: "The 90th percentile of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
      const lagP99 = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_P99,
        help: "The 99th percentile of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
    };
    module.exports.metricNames = [
      NODEJS_EVENTLOOP_LAG,
      NODEJS_EVENTLOOP_LAG_MIN,
      NODEJS_EVENTLOOP_LAG_MAX,
      NODEJS_EVENTLOOP_LAG_MEAN,
      NODEJS_EVENTLOOP_LAG_STDDEV,
      NODEJS_EVENTLOOP_LAG_P50,
      NODEJS_EVENTLOOP_LAG_P90,
      NODEJS_EVENTLOOP_LAG_P99
    ];
  }
});

// node_modules/prom-client/lib/metrics/helpers/processMetricsHelpers.js
var require_processMetricsHelpers = __commonJS({
  "node_modules/prom-client/lib/metrics/helpers/processMetricsHelpers.js"(exports, module) {
    "use strict";
    function aggregateByObjectName(list) {
      const data = {};
      for (let i = 0; i < list.length; i++) {
        const listElement = list[i];
        if (!listElement || typeof listElement.constructor === "undefined") {
          continue;
        }
        if (Object.hasOwnProperty.call(data, listElement.constructor.name)) {
          data[listElement.constructor.name] += 1;
        } else {
          data[listElement.constructor.name] = 1;
        }
      }
      return data;
    }
    function updateMetrics(gauge, data, labels) {
      gauge.reset();
      for (const key in data) {
        gauge.set(Object.assign({ type: key }, labels || {}), data[key]);
      }
    }
    module.exports = {
      aggregateByObjectName,
      updateMetrics
    };
  }
});

// node_modules/prom-client/lib/metrics/processHandles.js
var require_processHandles = __commonJS({
  "node_modules/prom-client/lib/metrics/processHandles.js"(exports, module) {
    "use strict";
    var { aggregateByObjectName } = require_processMetricsHelpers();
    var { updateMetrics } = require_processMetricsHelpers();
    var Gauge2 = require_gauge();
    var NODEJS_ACTIVE_HANDLES = "nodejs_active_handles";
    var NODEJS_ACTIVE_HANDLES_TOTAL = "nodejs_active_handles_total";
    module.exports = (registry, config = {}) => {
      if (typeof process._getActiveHandles !== "function") {
        return;
      }
      const registers = registry ? [registry] : void 0;
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge2({
        name: namePrefix + NODEJS_ACTIVE_HANDLES,
        help: "Number of active libuv handles grouped by handle type. Every handle type is C++ class name.",
        labelNames: ["type", ...labelNames],
        registers,
        collect() {
          const handles = process._getActiveHandles();
          updateMetrics(this, aggregateByObjectName(handles), labels);
        }
      });
      new Gauge2({
        name: namePrefix + NODEJS_ACTIVE_HANDLES_TOTAL,
        help: "Total number of active handles.",
        registers,
        labelNames,
        collect() {
          const handles = process._getActiveHandles();
          this.set(labels, handles.length);
        }
      });
    };
    module.exports.metricNames = [
      NODEJS_ACTIVE_HANDLES,
      NODEJS_ACTIVE_HANDLES_TOTAL
    ];
  }
});

// node_modules/prom-client/lib/metrics/processRequests.js
var require_processRequests = __commonJS({
  "node_modules/prom-client/lib/metrics/processRequests.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var { aggregateByObjectName } = require_processMetricsHelpers();
    var { updateMetrics } = require_processMetricsHelpers();
    var NODEJS_ACTIVE_REQUESTS = "nodejs_active_requests";
    var NODEJS_ACTIVE_REQUESTS_TOTAL = "nodejs_active_requests_total";
    module.exports = (registry, config = {}) => {
      if (typeof process._getActiveRequests !== "function") {
        return;
      }
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge2({
        name: namePrefix + NODEJS_ACTIVE_REQUESTS,
        help: "Number of active libuv requests grouped by request type. Every request type is C++ class name.",
        labelNames: ["type", ...labelNames],
        registers: registry ? [registry] : void 0,
        collect() {
          const requests = process._getActiveRequests();
          updateMetrics(this, aggregateByObjectName(requests), labels);
        }
      });
      new Gauge2({
        name: namePrefix + NODEJS_ACTIVE_REQUESTS_TOTAL,
        help: "Total number of active requests.",
        registers: registry ? [registry] : void 0,
        labelNames,
        collect() {
          const requests = process._getActiveRequests();
          this.set(labels, requests.length);
        }
      });
    };
    module.exports.metricNames = [
      NODEJS_ACTIVE_REQUESTS,
      NODEJS_ACTIVE_REQUESTS_TOTAL
    ];
  }
});

// node_modules/prom-client/lib/metrics/processResources.js
var require_processResources = __commonJS({
  "node_modules/prom-client/lib/metrics/processResources.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var { updateMetrics } = require_processMetricsHelpers();
    var NODEJS_ACTIVE_RESOURCES = "nodejs_active_resources";
    var NODEJS_ACTIVE_RESOURCES_TOTAL = "nodejs_active_resources_total";
    module.exports = (registry, config = {}) => {
      if (typeof process.getActiveResourcesInfo !== "function") {
        return;
      }
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge2({
        name: namePrefix + NODEJS_ACTIVE_RESOURCES,
        help: "Number of active resources that are currently keeping the event loop alive, grouped by async resource type.",
        labelNames: ["type", ...labelNames],
        registers: registry ? [registry] : void 0,
        collect() {
          const resources = process.getActiveResourcesInfo();
          const data = {};
          for (let i = 0; i < resources.length; i++) {
            const resource = resources[i];
            if (Object.hasOwn(data, resource)) {
              data[resource] += 1;
            } else {
              data[resource] = 1;
            }
          }
          updateMetrics(this, data, labels);
        }
      });
      new Gauge2({
        name: namePrefix + NODEJS_ACTIVE_RESOURCES_TOTAL,
        help: "Total number of active resources.",
        registers: registry ? [registry] : void 0,
        labelNames,
        collect() {
          const resources = process.getActiveResourcesInfo();
          this.set(labels, resources.length);
        }
      });
    };
    module.exports.metricNames = [
      NODEJS_ACTIVE_RESOURCES,
      NODEJS_ACTIVE_RESOURCES_TOTAL
    ];
  }
});

// node_modules/prom-client/lib/metrics/heapSizeAndUsed.js
var require_heapSizeAndUsed = __commonJS({
  "node_modules/prom-client/lib/metrics/heapSizeAndUsed.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var safeMemoryUsage = require_safeMemoryUsage();
    var NODEJS_HEAP_SIZE_TOTAL = "nodejs_heap_size_total_bytes";
    var NODEJS_HEAP_SIZE_USED = "nodejs_heap_size_used_bytes";
    var NODEJS_EXTERNAL_MEMORY = "nodejs_external_memory_bytes";
    module.exports = (registry, config = {}) => {
      if (typeof process.memoryUsage !== "function") {
        return;
      }
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      const registers = registry ? [registry] : void 0;
      const namePrefix = config.prefix ? config.prefix : "";
      const collect = () => {
        const memUsage = safeMemoryUsage();
        if (memUsage) {
          heapSizeTotal.set(labels, memUsage.heapTotal);
          heapSizeUsed.set(labels, memUsage.heapUsed);
          if (memUsage.external !== void 0) {
            externalMemUsed.set(labels, memUsage.external);
          }
        }
      };
      const heapSizeTotal = new Gauge2({
        name: namePrefix + NODEJS_HEAP_SIZE_TOTAL,
        help: "Process heap size from Node.js in bytes.",
        registers,
        labelNames,
        // Use this one metric's `collect` to set all metrics' values.
        collect
      });
      const heapSizeUsed = new Gauge2({
        name: namePrefix + NODEJS_HEAP_SIZE_USED,
        help: "Process heap size used from Node.js in bytes.",
        registers,
        labelNames
      });
      const externalMemUsed = new Gauge2({
        name: namePrefix + NODEJS_EXTERNAL_MEMORY,
        help: "Node.js external memory size in bytes.",
        registers,
        labelNames
      });
    };
    module.exports.metricNames = [
      NODEJS_HEAP_SIZE_TOTAL,
      NODEJS_HEAP_SIZE_USED,
      NODEJS_EXTERNAL_MEMORY
    ];
  }
});

// node_modules/prom-client/lib/metrics/heapSpacesSizeAndUsed.js
var require_heapSpacesSizeAndUsed = __commonJS({
  "node_modules/prom-client/lib/metrics/heapSpacesSizeAndUsed.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var v8 = __require("v8");
    var METRICS = ["total", "used", "available"];
    var NODEJS_HEAP_SIZE = {};
    METRICS.forEach((metricType) => {
      NODEJS_HEAP_SIZE[metricType] = `nodejs_heap_space_size_${metricType}_bytes`;
    });
    module.exports = (registry, config = {}) => {
      try {
        v8.getHeapSpaceStatistics();
      } catch (e) {
        if (e.code === "ERR_NOT_IMPLEMENTED") {
          return;
        }
        throw e;
      }
      const registers = registry ? [registry] : void 0;
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = ["space", ...Object.keys(labels)];
      const gauges = {};
      METRICS.forEach((metricType) => {
        gauges[metricType] = new Gauge2({
          name: namePrefix + NODEJS_HEAP_SIZE[metricType],
          help: `Process heap space size ${metricType} from Node.js in bytes.`,
          labelNames,
          registers
        });
      });
      gauges.total.collect = () => {
        for (const space of v8.getHeapSpaceStatistics()) {
          const spaceName = space.space_name.substr(
            0,
            space.space_name.indexOf("_space")
          );
          gauges.total.set({ space: spaceName, ...labels }, space.space_size);
          gauges.used.set({ space: spaceName, ...labels }, space.space_used_size);
          gauges.available.set(
            { space: spaceName, ...labels },
            space.space_available_size
          );
        }
      };
    };
    module.exports.metricNames = Object.values(NODEJS_HEAP_SIZE);
  }
});

// node_modules/prom-client/lib/metrics/version.js
var require_version2 = __commonJS({
  "node_modules/prom-client/lib/metrics/version.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var version = process.version;
    var versionSegments = version.slice(1).split(".").map(Number);
    var NODE_VERSION_INFO = "nodejs_version_info";
    module.exports = (registry, config = {}) => {
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge2({
        name: namePrefix + NODE_VERSION_INFO,
        help: "Node.js version info.",
        labelNames: ["version", "major", "minor", "patch", ...labelNames],
        registers: registry ? [registry] : void 0,
        aggregator: "first",
        collect() {
          this.labels(
            version,
            versionSegments[0],
            versionSegments[1],
            versionSegments[2],
            ...Object.values(labels)
          ).set(1);
        }
      });
    };
    module.exports.metricNames = [NODE_VERSION_INFO];
  }
});

// node_modules/prom-client/lib/metrics/gc.js
var require_gc = __commonJS({
  "node_modules/prom-client/lib/metrics/gc.js"(exports, module) {
    "use strict";
    var Histogram2 = require_histogram();
    var perf_hooks;
    try {
      perf_hooks = __require("perf_hooks");
    } catch {
    }
    var NODEJS_GC_DURATION_SECONDS = "nodejs_gc_duration_seconds";
    var DEFAULT_GC_DURATION_BUCKETS = [1e-3, 0.01, 0.1, 1, 2, 5];
    var kinds = [];
    if (perf_hooks && perf_hooks.constants) {
      kinds[perf_hooks.constants.NODE_PERFORMANCE_GC_MAJOR] = "major";
      kinds[perf_hooks.constants.NODE_PERFORMANCE_GC_MINOR] = "minor";
      kinds[perf_hooks.constants.NODE_PERFORMANCE_GC_INCREMENTAL] = "incremental";
      kinds[perf_hooks.constants.NODE_PERFORMANCE_GC_WEAKCB] = "weakcb";
    }
    module.exports = (registry, config = {}) => {
      if (!perf_hooks) {
        return;
      }
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      const buckets = config.gcDurationBuckets ? config.gcDurationBuckets : DEFAULT_GC_DURATION_BUCKETS;
      const gcHistogram = new Histogram2({
        name: namePrefix + NODEJS_GC_DURATION_SECONDS,
        help: "Garbage collection duration by kind, one of major, minor, incremental or weakcb.",
        labelNames: ["kind", ...labelNames],
        enableExemplars: false,
        buckets,
        registers: registry ? [registry] : void 0
      });
      const obs = new perf_hooks.PerformanceObserver((list) => {
        const entry = list.getEntries()[0];
        const kind = entry.detail ? kinds[entry.detail.kind] : kinds[entry.kind];
        gcHistogram.observe(Object.assign({ kind }, labels), entry.duration / 1e3);
      });
      obs.observe({ entryTypes: ["gc"] });
    };
    module.exports.metricNames = [NODEJS_GC_DURATION_SECONDS];
  }
});

// node_modules/prom-client/lib/defaultMetrics.js
var require_defaultMetrics = __commonJS({
  "node_modules/prom-client/lib/defaultMetrics.js"(exports, module) {
    "use strict";
    var { isObject: isObject2 } = require_util();
    var processCpuTotal = require_processCpuTotal();
    var processStartTime = require_processStartTime();
    var osMemoryHeap = require_osMemoryHeap();
    var processOpenFileDescriptors = require_processOpenFileDescriptors();
    var processMaxFileDescriptors = require_processMaxFileDescriptors();
    var eventLoopLag = require_eventLoopLag();
    var processHandles = require_processHandles();
    var processRequests = require_processRequests();
    var processResources = require_processResources();
    var heapSizeAndUsed = require_heapSizeAndUsed();
    var heapSpacesSizeAndUsed = require_heapSpacesSizeAndUsed();
    var version = require_version2();
    var gc = require_gc();
    var metrics = {
      processCpuTotal,
      processStartTime,
      osMemoryHeap,
      processOpenFileDescriptors,
      processMaxFileDescriptors,
      eventLoopLag,
      ...typeof process.getActiveResourcesInfo === "function" ? { processResources } : {},
      processHandles,
      processRequests,
      heapSizeAndUsed,
      heapSpacesSizeAndUsed,
      version,
      gc
    };
    var metricsList = Object.keys(metrics);
    module.exports = function collectDefaultMetrics(config) {
      if (config !== null && config !== void 0 && !isObject2(config)) {
        throw new TypeError("config must be null, undefined, or an object");
      }
      config = { eventLoopMonitoringPrecision: 10, ...config };
      for (const metric of Object.values(metrics)) {
        metric(config.register, config);
      }
    };
    module.exports.metricsList = metricsList;
  }
});

// node_modules/prom-client/lib/metricAggregators.js
var require_metricAggregators = __commonJS({
  "node_modules/prom-client/lib/metricAggregators.js"(exports) {
    "use strict";
    var { Grouper, hashObject } = require_util();
    function AggregatorFactory(aggregatorFn) {
      return (metrics) => {
        if (metrics.length === 0) return;
        const result = {
          help: metrics[0].help,
          name: metrics[0].name,
          type: metrics[0].type,
          values: [],
          aggregator: metrics[0].aggregator
        };
        const byLabels = new Grouper();
        metrics.forEach((metric) => {
          metric.values.forEach((value) => {
            const key = hashObject(value.labels);
            byLabels.add(`${value.metricName}_${key}`, value);
          });
        });
        byLabels.forEach((values) => {
          if (values.length === 0) return;
          const valObj = {
            value: aggregatorFn(values),
            labels: values[0].labels
          };
          if (values[0].metricName) {
            valObj.metricName = values[0].metricName;
          }
          result.values.push(valObj);
        });
        return result;
      };
    }
    exports.AggregatorFactory = AggregatorFactory;
    exports.aggregators = {
      /**
       * @return The sum of values.
       */
      sum: AggregatorFactory((v) => v.reduce((p, c) => p + c.value, 0)),
      /**
       * @return The first value.
       */
      first: AggregatorFactory((v) => v[0].value),
      /**
       * @return {undefined} Undefined; omits the metric.
       */
      omit: () => {
      },
      /**
       * @return The arithmetic mean of the values.
       */
      average: AggregatorFactory(
        (v) => v.reduce((p, c) => p + c.value, 0) / v.length
      ),
      /**
       * @return The minimum of the values.
       */
      min: AggregatorFactory(
        (v) => v.reduce((p, c) => Math.min(p, c.value), Infinity)
      ),
      /**
       * @return The maximum of the values.
       */
      max: AggregatorFactory(
        (v) => v.reduce((p, c) => Math.max(p, c.value), -Infinity)
      )
    };
  }
});

// node_modules/prom-client/lib/cluster.js
var require_cluster = __commonJS({
  "node_modules/prom-client/lib/cluster.js"(exports, module) {
    "use strict";
    var Registry2 = require_registry();
    var { Grouper } = require_util();
    var { aggregators } = require_metricAggregators();
    var cluster = () => {
      const data = __require("cluster");
      cluster = () => data;
      return data;
    };
    var GET_METRICS_REQ = "prom-client:getMetricsReq";
    var GET_METRICS_RES = "prom-client:getMetricsRes";
    var registries = [Registry2.globalRegistry];
    var requestCtr = 0;
    var listenersAdded = false;
    var requests = /* @__PURE__ */ new Map();
    var AggregatorRegistry = class extends Registry2 {
      constructor(regContentType = Registry2.PROMETHEUS_CONTENT_TYPE) {
        super(regContentType);
        addListeners();
      }
      /**
       * Gets aggregated metrics for all workers. The optional callback and
       * returned Promise resolve with the same value; either may be used.
       * @return {Promise<string>} Promise that resolves with the aggregated
       *   metrics.
       */
      clusterMetrics() {
        const requestId = requestCtr++;
        return new Promise((resolve3, reject) => {
          let settled = false;
          function done(err, result) {
            if (settled) return;
            settled = true;
            if (err) reject(err);
            else resolve3(result);
          }
          const request = {
            responses: [],
            pending: 0,
            done,
            errorTimeout: setTimeout(() => {
              const err = new Error("Operation timed out.");
              request.done(err);
            }, 5e3)
          };
          requests.set(requestId, request);
          const message = {
            type: GET_METRICS_REQ,
            requestId
          };
          for (const id in cluster().workers) {
            if (cluster().workers[id].isConnected()) {
              cluster().workers[id].send(message);
              request.pending++;
            }
          }
          if (request.pending === 0) {
            clearTimeout(request.errorTimeout);
            process.nextTick(() => done(null, ""));
          }
        });
      }
      get contentType() {
        return super.contentType;
      }
      /**
       * Creates a new Registry instance from an array of metrics that were
       * created by `registry.getMetricsAsJSON()`. Metrics are aggregated using
       * the method specified by their `aggregator` property, or by summation if
       * `aggregator` is undefined.
       * @param {Array} metricsArr Array of metrics, each of which created by
       *   `registry.getMetricsAsJSON()`.
       * @param {string} registryType content type of the new registry. Defaults
       * to PROMETHEUS_CONTENT_TYPE.
       * @return {Registry} aggregated registry.
       */
      static aggregate(metricsArr, registryType = Registry2.PROMETHEUS_CONTENT_TYPE) {
        const aggregatedRegistry = new Registry2();
        const metricsByName = new Grouper();
        aggregatedRegistry.setContentType(registryType);
        metricsArr.forEach((metrics) => {
          metrics.forEach((metric) => {
            metricsByName.add(metric.name, metric);
          });
        });
        metricsByName.forEach((metrics) => {
          const aggregatorName = metrics[0].aggregator;
          const aggregatorFn = aggregators[aggregatorName];
          if (typeof aggregatorFn !== "function") {
            throw new Error(`'${aggregatorName}' is not a defined aggregator.`);
          }
          const aggregatedMetric = aggregatorFn(metrics);
          if (aggregatedMetric) {
            const aggregatedMetricWrapper = Object.assign(
              {
                get: () => aggregatedMetric
              },
              aggregatedMetric
            );
            aggregatedRegistry.registerMetric(aggregatedMetricWrapper);
          }
        });
        return aggregatedRegistry;
      }
      /**
       * Sets the registry or registries to be aggregated. Call from workers to
       * use a registry/registries other than the default global registry.
       * @param {Array<Registry>|Registry} regs Registry or registries to be
       *   aggregated.
       * @return {void}
       */
      static setRegistries(regs) {
        if (!Array.isArray(regs)) regs = [regs];
        regs.forEach((reg) => {
          if (!(reg instanceof Registry2)) {
            throw new TypeError(`Expected Registry, got ${typeof reg}`);
          }
        });
        registries = regs;
      }
    };
    function addListeners() {
      if (listenersAdded) return;
      listenersAdded = true;
      if (cluster().isMaster) {
        cluster().on("message", (worker, message) => {
          if (message.type === GET_METRICS_RES) {
            const request = requests.get(message.requestId);
            if (message.error) {
              request.done(new Error(message.error));
              return;
            }
            message.metrics.forEach((registry) => request.responses.push(registry));
            request.pending--;
            if (request.pending === 0) {
              requests.delete(message.requestId);
              clearTimeout(request.errorTimeout);
              const registry = AggregatorRegistry.aggregate(request.responses);
              const promString = registry.metrics();
              request.done(null, promString);
            }
          }
        });
      }
      if (cluster().isWorker) {
        process.on("message", (message) => {
          if (message.type === GET_METRICS_REQ) {
            Promise.all(registries.map((r) => r.getMetricsAsJSON())).then((metrics) => {
              process.send({
                type: GET_METRICS_RES,
                requestId: message.requestId,
                metrics
              });
            }).catch((error) => {
              process.send({
                type: GET_METRICS_RES,
                requestId: message.requestId,
                error: error.message
              });
            });
          }
        });
      }
    }
    module.exports = AggregatorRegistry;
  }
});

// node_modules/prom-client/index.js
var require_prom_client = __commonJS({
  "node_modules/prom-client/index.js"(exports) {
    "use strict";
    exports.register = require_registry().globalRegistry;
    exports.Registry = require_registry();
    Object.defineProperty(exports, "contentType", {
      configurable: false,
      enumerable: true,
      get() {
        return exports.register.contentType;
      },
      set(value) {
        exports.register.setContentType(value);
      }
    });
    exports.prometheusContentType = exports.Registry.PROMETHEUS_CONTENT_TYPE;
    exports.openMetricsContentType = exports.Registry.OPENMETRICS_CONTENT_TYPE;
    exports.validateMetricName = require_validation().validateMetricName;
    exports.Counter = require_counter();
    exports.Gauge = require_gauge();
    exports.Histogram = require_histogram();
    exports.Summary = require_summary();
    exports.Pushgateway = require_pushgateway();
    exports.linearBuckets = require_bucketGenerators().linearBuckets;
    exports.exponentialBuckets = require_bucketGenerators().exponentialBuckets;
    exports.collectDefaultMetrics = require_defaultMetrics();
    exports.aggregators = require_metricAggregators().aggregators;
    exports.AggregatorRegistry = require_cluster();
  }
});

// shared/serve/options.ts
var MIB = 1024 * 1024;
var DEFAULTS = {
  host: "127.0.0.1",
  port: 8080,
  maxBatch: 64,
  batchWaitMs: 0,
  maxBody: 64 * MIB,
  maxTensorBytes: 256 * MIB,
  maxJsonDepth: 32,
  maxInFlight: 1024,
  maxQueueRows: 16384,
  drainSeconds: 30,
  captureSample: 1,
  captureMaxFileBytes: 64 * MIB
};

// shared/serve/start.ts
import { readFile, stat as stat2 } from "node:fs/promises";
import { resolve as resolve2 } from "node:path";

// shared/serve/capture.ts
import { mkdir, open } from "node:fs/promises";
import { join } from "node:path";

// shared/serve/datatypes.ts
var DATATYPES = {
  BOOL: { ort: "bool", bytes: 1, kind: "bool" },
  UINT8: { ort: "uint8", bytes: 1, kind: "int" },
  UINT16: { ort: "uint16", bytes: 2, kind: "int" },
  UINT32: { ort: "uint32", bytes: 4, kind: "int" },
  UINT64: { ort: "uint64", bytes: 8, kind: "bigint" },
  INT8: { ort: "int8", bytes: 1, kind: "int" },
  INT16: { ort: "int16", bytes: 2, kind: "int" },
  INT32: { ort: "int32", bytes: 4, kind: "int" },
  INT64: { ort: "int64", bytes: 8, kind: "bigint" },
  FP16: { ort: "float16", bytes: 2, kind: "float" },
  FP32: { ort: "float32", bytes: 4, kind: "float" },
  FP64: { ort: "float64", bytes: 8, kind: "float" },
  BYTES: { ort: "string", bytes: 8, kind: "string" }
};
var BY_ORT = new Map(Object.entries(DATATYPES).map(([v2, info]) => [info.ort, v2]));
function datatypeOfOrt(ortType) {
  return BY_ORT.get(ortType);
}
function isDatatype(value) {
  return typeof value === "string" && Object.hasOwn(DATATYPES, value);
}
function allocate(datatype, length) {
  switch (datatype) {
    case "BOOL":
    case "UINT8":
      return new Uint8Array(length);
    case "INT8":
      return new Int8Array(length);
    case "UINT16":
    case "FP16":
      return new Uint16Array(length);
    case "INT16":
      return new Int16Array(length);
    case "UINT32":
      return new Uint32Array(length);
    case "INT32":
      return new Int32Array(length);
    case "UINT64":
      return new BigUint64Array(length);
    case "INT64":
      return new BigInt64Array(length);
    case "FP32":
      return new Float32Array(length);
    case "FP64":
      return new Float64Array(length);
    case "BYTES":
      return new Array(length).fill("");
  }
}
var INT_RANGES = {
  UINT8: [0, 255],
  UINT16: [0, 65535],
  UINT32: [0, 4294967295],
  INT8: [-128, 127],
  INT16: [-32768, 32767],
  INT32: [-2147483648, 2147483647],
  INT64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  UINT64: [0, Number.MAX_SAFE_INTEGER]
};
function toHalfBits(value) {
  const f32 = new Float32Array([value]);
  const bits = new Uint32Array(f32.buffer)[0];
  const sign = bits >>> 16 & 32768;
  const exponent = bits >>> 23 & 255;
  let mantissa = bits & 8388607;
  if (exponent === 255) return sign | 31744 | (mantissa ? 512 : 0);
  let e = exponent - 127 + 15;
  if (e >= 31) return sign | 31744;
  if (e <= 0) {
    if (e < -10) return sign;
    mantissa |= 8388608;
    const shift = 14 - e;
    let half2 = mantissa >>> shift;
    const rest2 = mantissa & (1 << shift) - 1;
    const halfway = 1 << shift - 1;
    if (rest2 > halfway || rest2 === halfway && half2 & 1) half2++;
    return sign | half2;
  }
  let half = e << 10 | mantissa >>> 13;
  const rest = mantissa & 8191;
  if (rest > 4096 || rest === 4096 && half & 1) half++;
  return sign | half;
}
function fromHalfBits(bits) {
  const sign = bits & 32768 ? -1 : 1;
  const exponent = bits >>> 10 & 31;
  const mantissa = bits & 1023;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 31) return mantissa ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

// shared/serve/http-error.ts
var HttpError = class extends Error {
  constructor(status, message, headers = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
    this.name = "HttpError";
  }
  status;
  headers;
};
var badRequest = (message) => new HttpError(400, message);
var notFound = (message) => new HttpError(404, message);

// shared/serve/encode-response.ts
function assertFinite(outputs, specs, model, version) {
  for (const spec of specs) {
    const tensor = outputs[spec.name];
    if (!tensor || !(tensor.data instanceof Float32Array || tensor.data instanceof Float64Array || spec.datatype === "FP16")) continue;
    const data = spec.datatype === "FP16" ? Float32Array.from(tensor.data, fromHalfBits) : tensor.data;
    for (let k = 0; k < data.length; k++) {
      const v = data[k];
      if (v - v !== 0) {
        const width = data.length / Math.max(1, tensor.dims[0] ?? 1);
        throw new HttpError(500, `model ${model} version ${version} produced a non-finite output: "${spec.name}" is ${v} at row ${Math.floor(k / width) + 1}; check the request's feature values for that row`);
      }
    }
  }
}
function responseTensors(outputs, specs, requested) {
  const names = requested ?? specs.map((s) => s.name);
  return names.map((name) => {
    const spec = specs.find((s) => s.name === name);
    const tensor = outputs[name];
    return { name, datatype: spec.datatype, shape: tensor.dims, data: plain(tensor.data, spec.datatype) };
  });
}
function plain(data, datatype) {
  if (Array.isArray(data)) return data;
  if (datatype === "BOOL") return Array.from(data, (v) => v !== 0);
  if (datatype === "FP16") return Array.from(data, fromHalfBits);
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) return Array.from(data, (v) => Number(v));
  return Array.from(data);
}

// shared/serve/capture.ts
var DEFAULT_MAX_QUEUED_ROWS = 1e6;
var CaptureWriter = class {
  constructor(options, warn) {
    this.options = options;
    this.warn = warn;
  }
  options;
  warn;
  queue = [];
  queuedRows = 0;
  /** Rows dropped because the queue was full. */
  dropped = 0;
  files = /* @__PURE__ */ new Map();
  writing;
  sequence = 0;
  failed;
  sampled() {
    return this.options.sample >= 1 || Math.random() < this.options.sample;
  }
  /** Queues one request's rows; never waits. */
  record(entry) {
    if (this.queuedRows + entry.feeds.rows > (this.options.maxQueuedRows ?? DEFAULT_MAX_QUEUED_ROWS)) {
      if (this.dropped === 0) this.warn(`serve: capture: ${this.queuedRows} rows are waiting for the disk; dropping rows until it catches up (counted in mlops_serve_capture_dropped_rows_total)`);
      this.dropped += entry.feeds.rows;
      return;
    }
    this.queuedRows += entry.feeds.rows;
    this.queue.push({ ...entry, at: /* @__PURE__ */ new Date(), requestId: entry.requestId ?? crypto().randomUUID() });
    this.writing ??= new Promise((resolve3) => setImmediate(resolve3)).then(() => this.drain());
  }
  /** Writes what is queued and closes the files. */
  async close() {
    while (this.writing) await this.writing;
    await this.drain();
    for (const file of this.files.values()) await file.handle.close();
    this.files.clear();
  }
  async drain() {
    try {
      while (this.queue.length) {
        const batch = this.queue;
        this.queue = [];
        this.queuedRows = 0;
        const byModel = /* @__PURE__ */ new Map();
        for (const entry of batch) {
          const lines = byModel.get(entry.model) ?? [];
          for (const row of captureRows(entry)) lines.push(JSON.stringify(row));
          byModel.set(entry.model, lines);
        }
        for (const [model, lines] of byModel) await this.append(model, lines);
      }
    } catch (error) {
      if (!this.failed) this.warn(`serve: capture: cannot write to ${this.options.dir}: ${error instanceof Error ? error.message : String(error)}; capturing stops`);
      this.failed = error;
    } finally {
      this.writing = void 0;
    }
  }
  async append(model, lines) {
    if (this.failed) return;
    let chunk = "";
    for (const line of lines) {
      chunk += `${line}
`;
      if (chunk.length >= 1 << 20) {
        await this.write(model, chunk);
        chunk = "";
      }
    }
    if (chunk) await this.write(model, chunk);
  }
  async write(model, chunk) {
    const now = /* @__PURE__ */ new Date();
    const day = now.toISOString().slice(0, 10);
    let file = this.files.get(model);
    if (file && (file.day !== day || file.bytes >= this.options.maxFileBytes)) {
      await file.handle.close();
      file = void 0;
    }
    if (!file) {
      const folder = join(this.options.dir, model, day);
      await mkdir(folder, { recursive: true });
      const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
      const name = `capture-${stamp}-${String(++this.sequence).padStart(6, "0")}.jsonl`;
      file = { handle: await open(join(folder, name), "a", 416), day, bytes: 0 };
      this.files.set(model, file);
    }
    const bytes = Buffer.from(chunk);
    await file.handle.write(bytes);
    file.bytes += bytes.length;
  }
};
function captureRows(entry) {
  const rows = [];
  const { feeds, outputs, signature } = entry;
  const n = feeds.rows;
  const layout = signature.features;
  const timestamp = entry.at.toISOString();
  const outputValues = signature.outputs.filter((o) => outputs[o.name]).map((o) => ({ key: `output.${o.name}`, values: rowValues(outputs[o.name], n, o.datatype) }));
  const inputValues = layout?.mode === "matrix" ? void 0 : signature.inputs.map((i) => ({ key: i.name, values: rowValues(feeds.tensors[i.name], n, i.datatype) }));
  for (let r = 0; r < n; r++) {
    const row = { timestamp, model: entry.model, version: entry.version, request_id: entry.requestId };
    if (layout?.mode === "matrix") {
      const tensor = feeds.tensors[layout.input];
      const width = layout.features.length;
      const data = tensor.data;
      layout.features.forEach((feature, f) => row[feature] = data[r * width + f]);
    } else {
      for (const { key, values } of inputValues) row[key] = values(r);
    }
    for (const { key, values } of outputValues) row[key] = values(r);
    rows.push(row);
  }
  return rows;
}
function rowValues(tensor, rows, datatype) {
  const all = plain(tensor.data, datatype);
  const width = all.length / rows;
  return width === 1 ? (r) => all[r] : (r) => all.slice(r * width, (r + 1) * width);
}

// shared/serve/http/server.ts
import { createServer } from "node:http";

// shared/serve/http/auth.ts
function sameSecret(given, expected) {
  const a = crypto().createHash("sha256").update(given).digest();
  const b = crypto().createHash("sha256").update(expected).digest();
  return crypto().timingSafeEqual(a, b);
}
function bearer(request) {
  const header = request.headers.authorization;
  if (!header) return void 0;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return match ? match[1] : "";
}
var unauthorized = (what) => new HttpError(401, what, { "www-authenticate": 'Bearer realm="mlops-serve"' });
function checkInfer(request, tokens) {
  if (tokens.infer === void 0) return;
  const given = bearer(request);
  if (given === void 0) throw unauthorized("this server needs a token: send Authorization: Bearer <token>");
  const ok = sameSecret(given, tokens.infer) || tokens.admin !== void 0 && sameSecret(given, tokens.admin);
  if (!ok) throw unauthorized("the bearer token is not valid for this server");
}
function checkAdmin(request, tokens) {
  if (tokens.admin === void 0) throw new HttpError(403, "admin endpoints are disabled: start the server with --admin-token-file to enable them");
  const given = bearer(request);
  if (given === void 0) throw unauthorized("admin endpoints need the admin token: send Authorization: Bearer <token>");
  if (sameSecret(given, tokens.admin)) return;
  if (tokens.infer !== void 0 && sameSecret(given, tokens.infer)) throw new HttpError(403, "this endpoint needs the admin token; the token sent is only valid for inference");
  throw unauthorized("the bearer token is not valid for this server");
}

// shared/serve/binary-data.ts
import { endianness } from "node:os";
var HEADER = "inference-header-content-length";
function splitBody(bytes, headerLength) {
  if (headerLength === void 0) return { json: bytes };
  const value = Array.isArray(headerLength) ? headerLength[0] : headerLength;
  const length = /^[0-9]{1,12}$/.test(value) ? Number(value) : NaN;
  if (!(length > 0 && length <= bytes.length)) throw badRequest(`Inference-Header-Content-Length ${JSON.stringify(value)} must be a byte count from 1 to the body's ${bytes.length} bytes`);
  return { json: bytes.subarray(0, length), binary: bytes.subarray(length) };
}
var BinaryReader = class {
  constructor(binary) {
    this.binary = binary;
  }
  binary;
  offset = 0;
  take(label, datatype, elements, size) {
    if (!this.binary) throw badRequest(`${label} has parameters.binary_data_size, but the request has no binary part (send Inference-Header-Content-Length)`);
    if (!Number.isSafeInteger(size) || size < 0) throw badRequest(`${label}: parameters.binary_data_size must be a byte count`);
    const bytes = size;
    if (this.offset + bytes > this.binary.length) throw badRequest(`${label}: binary_data_size ${bytes} runs past the ${this.binary.length - this.offset} binary bytes left in the body`);
    const part = this.binary.subarray(this.offset, this.offset + bytes);
    this.offset += bytes;
    if (datatype === "BYTES") return strings(part, elements, label);
    const width = DATATYPES[datatype].bytes;
    if (bytes !== elements * width) throw badRequest(`${label}: binary_data_size is ${bytes} bytes, but ${elements} ${datatype} elements take ${elements * width}`);
    if (endianness() !== "LE") throw badRequest("binary tensor data is little-endian, and this server runs on a big-endian machine; send JSON data");
    const out = allocate(datatype, elements);
    new Uint8Array(out.buffer, out.byteOffset, bytes).set(part);
    if (datatype === "BOOL" && out.some((v) => v > 1)) throw badRequest(`${label}: BOOL bytes must be 0 or 1`);
    return out;
  }
  /** Every binary byte must belong to some input. */
  finish() {
    if (this.binary && this.offset !== this.binary.length) throw badRequest(`the body has ${this.binary.length - this.offset} binary bytes that no input's binary_data_size claims`);
  }
};
function strings(part, elements, label) {
  const out = [];
  let offset = 0;
  while (offset < part.length) {
    if (offset + 4 > part.length) throw badRequest(`${label}: a BYTES element's 4-byte length is cut off`);
    const length = part.readUInt32LE(offset);
    offset += 4;
    if (offset + length > part.length) throw badRequest(`${label}: a BYTES element of ${length} bytes runs past its binary data`);
    out.push(part.toString("utf8", offset, offset + length));
    offset += length;
    if (out.length > elements) break;
  }
  if (out.length !== elements) throw badRequest(`${label} has ${out.length} BYTES elements in its binary data, but its shape holds ${elements}`);
  return out;
}

// shared/serve/tensors.ts
function elementCount(dims) {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

// shared/serve/decode-request.ts
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var quote = (s) => JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}\u2026` : s);
function decodeRequest(body, signature, maxTensorBytes, binary) {
  if (!isObject(body)) throw badRequest('the request body must be a JSON object with an "inputs" array');
  if (body.id !== void 0 && typeof body.id !== "string") throw badRequest('"id" must be a string');
  if (!Array.isArray(body.inputs) || body.inputs.length === 0) throw badRequest('"inputs" must be a non-empty array of tensors ({"name", "shape", "datatype", "data"})');
  const reader = new BinaryReader(binary);
  const inputs = body.inputs.map((raw, i) => parseInput(raw, i, maxTensorBytes, reader));
  reader.finish();
  const names = /* @__PURE__ */ new Set();
  for (const input of inputs) {
    if (names.has(input.name)) throw badRequest(`input ${quote(input.name)} is given twice`);
    names.add(input.name);
  }
  const outputs = parseRequestedOutputs(body.outputs, signature);
  const modelInputs = new Set(signature.inputs.map((s) => s.name));
  const asTensors = inputs.every((i) => modelInputs.has(i.name)) && signature.features?.mode !== "columns";
  const feeds = asTensors ? tensorFeeds(inputs, signature) : featureFeeds(inputs, signature, maxTensorBytes);
  return { id: body.id, feeds, outputs };
}
function parseInput(raw, index, maxTensorBytes, reader) {
  const at = `inputs[${index}]`;
  if (!isObject(raw)) throw badRequest(`${at} must be an object with "name", "shape", "datatype" and "data"`);
  if (typeof raw.name !== "string" || !raw.name) throw badRequest(`${at}.name must be a non-empty string`);
  const label = `input ${quote(raw.name)}`;
  if (!Array.isArray(raw.shape) || !raw.shape.every((d) => Number.isSafeInteger(d) && d >= 0)) throw badRequest(`${label}: "shape" must be an array of non-negative integers`);
  if (!isDatatype(raw.datatype)) throw badRequest(`${label}: "datatype" ${JSON.stringify(raw.datatype)} is not an Open Inference datatype (BOOL, INT8\u2026INT64, UINT8\u2026UINT64, FP16, FP32, FP64, BYTES)`);
  const binarySize = isObject(raw.parameters) ? raw.parameters.binary_data_size : void 0;
  if (binarySize === void 0 && !Array.isArray(raw.data)) throw badRequest(`${label}: "data" must be an array`);
  if (binarySize !== void 0 && raw.data !== void 0) throw badRequest(`${label}: give either "data" or parameters.binary_data_size, not both`);
  const shape = raw.shape;
  const bytes = elementCount(shape) * DATATYPES[raw.datatype].bytes;
  if (bytes > maxTensorBytes) throw new HttpError(413, `${label}: shape [${shape.join(", ")}] of ${raw.datatype} is ${bytes} bytes, over the server's tensor cap of ${maxTensorBytes} bytes; split the batch`);
  if (binarySize !== void 0) return { name: raw.name, shape, datatype: raw.datatype, data: [], binary: reader.take(label, raw.datatype, elementCount(shape), binarySize) };
  return { name: raw.name, shape, datatype: raw.datatype, data: raw.data };
}
function parseRequestedOutputs(raw, signature) {
  if (raw === void 0) return void 0;
  if (!Array.isArray(raw)) throw badRequest('"outputs" must be an array of {"name"} objects');
  const known = signature.outputs.map((o) => o.name);
  return raw.map((entry, i) => {
    if (!isObject(entry) || typeof entry.name !== "string") throw badRequest(`outputs[${i}] must be an object with a "name"`);
    if (!known.includes(entry.name)) throw badRequest(`the model has no output ${quote(entry.name)}; its outputs: ${known.join(", ")}`);
    return entry.name;
  });
}
function batchSize(input) {
  const rows = input.shape[0];
  if (rows === void 0) throw badRequest(`input ${quote(input.name)}: a scalar has no batch dimension; send shape [rows, \u2026]`);
  if (rows === 0) throw badRequest(`input ${quote(input.name)}: the batch is empty (shape [${input.shape.join(", ")}]); send at least one row`);
  return rows;
}
function tensorFeeds(inputs, signature) {
  const byName = new Map(inputs.map((i) => [i.name, i]));
  const missing = signature.inputs.filter((s) => !byName.has(s.name));
  if (missing.length) throw badRequest(`missing input ${missing.map((s) => quote(s.name)).join(", ")}; the model takes ${describe(signature.inputs)}`);
  let rows;
  const tensors = {};
  for (const spec of signature.inputs) {
    const input = byName.get(spec.name);
    if (input.datatype !== spec.datatype) throw badRequest(`input ${quote(input.name)} has datatype ${input.datatype}; the model takes ${spec.datatype}`);
    checkShape(input, spec);
    const n = batchSize(input);
    if (rows !== void 0 && n !== rows) throw badRequest(`input ${quote(input.name)} has ${n} rows, but the other inputs have ${rows}`);
    rows = n;
    tensors[spec.name] = { data: fill(input, spec.datatype), dims: input.shape };
  }
  return { rows, tensors };
}
function checkShape(input, spec) {
  const ok = input.shape.length === spec.shape.length && spec.shape.every((d, i) => d === -1 || d === input.shape[i]);
  if (!ok) throw badRequest(`input ${quote(input.name)} has shape [${input.shape.join(", ")}]; the model takes [${spec.shape.map((d) => d === -1 ? "N" : d).join(", ")}]`);
}
function featureFeeds(inputs, signature, maxTensorBytes) {
  const layout = signature.features;
  const modelInputs = signature.inputs.map((s) => s.name);
  if (!layout) {
    const unknown2 = inputs.find((i) => !modelInputs.includes(i.name));
    throw badRequest(`the model has no input ${quote(unknown2.name)}; it takes ${describe(signature.inputs)}`);
  }
  const byName = new Map(inputs.map((i) => [i.name, i]));
  const unknown = inputs.find((i) => !layout.features.includes(i.name));
  if (unknown) throw badRequest(`${quote(unknown.name)} is neither a model input nor a feature; send the model's tensor (${describe(signature.inputs)}) or one tensor per feature: ${layout.features.join(", ")}`);
  const missing = layout.features.filter((f) => !byName.has(f));
  if (missing.length) throw badRequest(`feature ${missing.slice(0, 5).map(quote).join(", ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""} ${missing.length === 1 ? "is" : "are"} missing; send one tensor per feature: ${layout.features.join(", ")}`);
  let rows;
  for (const input of inputs) {
    const ok = input.shape.length === 1 || input.shape.length === 2 && input.shape[1] === 1;
    if (!ok) throw badRequest(`feature ${quote(input.name)} has shape [${input.shape.join(", ")}]; a feature column is [rows] or [rows, 1]`);
    const n2 = batchSize(input);
    if (rows !== void 0 && n2 !== rows) throw badRequest(`feature ${quote(input.name)} has ${n2} rows, but the other features have ${rows}`);
    rows = n2;
  }
  const n = rows;
  if (layout.mode === "columns") {
    const tensors = {};
    for (const spec2 of signature.inputs) {
      const input = byName.get(spec2.name);
      checkColumnDatatype(input, spec2.datatype);
      const data = fill({ ...input, shape: [n] }, input.datatype === "BYTES" ? "BYTES" : input.datatype, spec2.datatype);
      tensors[spec2.name] = { data, dims: spec2.shape.length === 1 ? [n] : [n, 1] };
    }
    return { rows: n, tensors };
  }
  const spec = signature.inputs[0];
  const width = layout.features.length;
  const bytes = n * width * DATATYPES[spec.datatype].bytes;
  if (bytes > maxTensorBytes) throw new HttpError(413, `${n} rows of ${width} features make a ${bytes}-byte input "${spec.name}", over the server's tensor cap of ${maxTensorBytes} bytes; split the batch`);
  const matrix = allocate(spec.datatype, n * width);
  layout.features.forEach((feature, f) => {
    const input = byName.get(feature);
    checkColumnDatatype(input, spec.datatype);
    const column = fill({ ...input, shape: [n] }, input.datatype, spec.datatype);
    for (let r = 0, k = f; r < n; r++, k += width) matrix[k] = column[r];
  });
  return { rows: n, tensors: { [spec.name]: { data: matrix, dims: [n, width] } } };
}
function checkColumnDatatype(input, target) {
  const targetKind = DATATYPES[target].kind;
  const kind = DATATYPES[input.datatype].kind;
  if (targetKind === "string" && kind !== "string") throw badRequest(`feature ${quote(input.name)} is a string feature; send it as BYTES`);
  if (targetKind !== "string" && (kind === "string" || kind === "bool")) throw badRequest(`feature ${quote(input.name)} has datatype ${input.datatype}, but the model takes numbers (${target}); send FP32, FP64 or an integer type`);
}
function fill(input, datatype, into = datatype) {
  if (input.binary) return fromBinary(input, datatype, into);
  const expected = elementCount(input.shape);
  const out = allocate(into, expected);
  const kind = DATATYPES[datatype].kind;
  const range = INT_RANGES[datatype];
  const label = quote(input.name);
  if (kind === "float" && DATATYPES[into].kind === "float" && into !== "FP16" && flatFloats(input.data, expected, out)) return out;
  let k = 0;
  const put = (value) => {
    if (Array.isArray(value)) {
      for (const item of value) put(item);
      return;
    }
    if (k >= expected) throw badRequest(`input ${label} has more than the ${expected} elements its shape [${input.shape.join(", ")}] holds`);
    out[k] = coerce(convert(value, kind, range, datatype, label, k), into, label, k);
    k++;
  };
  put(input.data);
  if (k !== expected) throw badRequest(`input ${label} has ${k} elements, but its shape [${input.shape.join(", ")}] holds ${expected}`);
  return out;
}
function flatFloats(data, expected, out) {
  if (data.length !== expected) return false;
  for (let k = 0; k < expected; k++) {
    const v = data[k];
    if (typeof v !== "number") return false;
    out[k] = v;
  }
  return true;
}
function fromBinary(input, datatype, into) {
  const data = input.binary;
  const label = quote(input.name);
  if (DATATYPES[datatype].kind === "float") {
    const values = datatype === "FP16" ? Float32Array.from(data, fromHalfBits) : data;
    for (let k = 0; k < values.length; k++) {
      const v = values[k];
      if (v - v !== 0) throw badRequest(`input ${label}, element ${k}: ${v} is not accepted; send finite numbers`);
    }
  }
  if (into === datatype) return data;
  const out = allocate(into, data.length);
  const read = datatype === "FP16" ? (k) => fromHalfBits(data[k]) : (k) => data[k];
  for (let k = 0; k < data.length; k++) out[k] = coerce(read(k), into, label, k);
  return out;
}
function coerce(value, into, label, index) {
  if (into === "FP16") return toHalfBits(Number(value));
  const kind = DATATYPES[into].kind;
  if (kind === "bigint" && typeof value === "number") {
    if (!Number.isInteger(value)) throw badRequest(`input ${label}, element ${index}: the model takes integers (${into}), got ${value}`);
    return BigInt(value);
  }
  if (kind !== "bigint" && typeof value === "bigint") return Number(value);
  if (kind === "int" && typeof value === "number" && !Number.isInteger(value)) throw badRequest(`input ${label}, element ${index}: the model takes integers (${into}), got ${value}`);
  return value;
}
function convert(value, kind, range, datatype, label, index) {
  const where = `input ${label}, element ${index}`;
  switch (kind) {
    case "float":
      if (typeof value === "number") return value;
      throw badRequest(`${where}: ${datatype} takes numbers, got ${describeValue(value)}${typeof value === "string" && /^[+-]?(nan|inf)/i.test(value) ? " (NaN and infinities are not accepted)" : ""}`);
    case "int":
    case "bigint":
      if (typeof value !== "number" || !Number.isInteger(value)) throw badRequest(`${where}: ${datatype} takes integers, got ${describeValue(value)}`);
      if (range && (value < range[0] || value > range[1])) throw badRequest(`${where}: ${value} is out of range for ${datatype}`);
      return kind === "bigint" ? BigInt(value) : value;
    case "bool":
      if (typeof value === "boolean") return value ? 1 : 0;
      throw badRequest(`${where}: BOOL takes true or false, got ${describeValue(value)}`);
    default:
      if (typeof value === "string") return value;
      throw badRequest(`${where}: BYTES takes strings, got ${describeValue(value)}`);
  }
}
function describeValue(value) {
  if (typeof value === "string") return `the string ${quote(value)}`;
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}
function describe(specs) {
  return specs.map((s) => `${s.name} ${s.datatype} [${s.shape.map((d) => d === -1 ? "N" : d).join(", ")}]`).join("; ");
}

// shared/serve/http/body.ts
async function readBody(request, maxBody) {
  const declared = request.headers["content-length"];
  if (declared !== void 0 && Number(declared) > maxBody) {
    request.resume();
    throw tooLarge(Number(declared), maxBody);
  }
  const chunks = [];
  let size = 0;
  try {
    for await (const chunk of request) {
      size += chunk.length;
      if (size > maxBody) {
        request.resume();
        throw tooLarge(size, maxBody);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, `the client closed the connection after ${size} bytes of the body`);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
}
function tooLarge(size, max) {
  return new HttpError(413, `the request body is ${size} bytes${size > max ? "" : " or more"}, over the server's cap of ${max} bytes (--max-body); send fewer rows per request`, { connection: "close" });
}
function jsonDepthExceeds(bytes, limit) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}
async function readJson(request, limits2) {
  return parseJson(await readBody(request, limits2.maxBody), limits2.maxDepth);
}
function parseJson(bytes, maxDepth) {
  if (bytes.length === 0) throw badRequest("the request body is empty; send a JSON object");
  if (jsonDepthExceeds(bytes, maxDepth)) throw badRequest(`the JSON body is nested deeper than ${maxDepth} levels`);
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    const text = bytes.toString("utf8", 0, Math.min(bytes.length, 1 << 20));
    const hint = /(?<![A-Za-z"])(NaN|-?Infinity)(?![A-Za-z"])/.test(text) ? " (NaN and Infinity are not JSON numbers, and the server does not accept them)" : "";
    throw badRequest(`the request body is not valid JSON: ${error.message}${hint}`);
  }
}

// shared/serve/http/respond.ts
function sendJson(response, status, body, headers = {}) {
  if (response.headersSent) return;
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  response.end(text);
}
function sendError(response, error, log) {
  if (error instanceof HttpError) {
    sendJson(response, error.status, { error: error.message }, error.headers);
    return error.status;
  }
  log(`serve: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  sendJson(response, 500, { error: "internal server error; the server log has the details" });
  return 500;
}

// shared/serve/http/handlers.ts
var EXTENSIONS = ["model_repository", "traffic_split", "metrics", "request_capture", "binary_tensor_data"];
var limits = (options) => ({ maxBody: options.maxBody, maxDepth: options.maxJsonDepth });
function serverMetadata(context, response) {
  sendJson(response, 200, { name: "mlops-serve", version: context.serverVersion, extensions: EXTENSIONS });
}
function modelMetadata(context, response, name, version) {
  const target = version !== void 0 ? context.table.version(name, version) : primary(context.table, name);
  const { signature, identity } = target;
  const properties = { task: signature.task, version: identity.version, digest: identity.digest };
  if (signature.features) properties.feature_names = signature.features.features.join(",");
  sendJson(response, 200, {
    name,
    versions: context.table.versions(name).map((v) => v.version),
    platform: "onnx_onnxv1",
    inputs: signature.inputs,
    outputs: signature.outputs,
    properties
  });
}
function primary(table, name) {
  const versions = table.versions(name);
  if (!versions.length) throw new HttpError(404, `unknown model ${JSON.stringify(name)}; serving: ${table.names().join(", ") || "nothing yet"}`);
  const weights = table.weights(name);
  return versions.reduce((best, v) => (weights[v.version] ?? 0) > (weights[best.version] ?? 0) ? v : best, versions[0]);
}
function modelReady(context, response, name, version) {
  const ready = version !== void 0 ? context.table.version(name, version).state === "READY" : context.table.versions(name).some((v) => v.state === "READY");
  if (version === void 0 && !context.table.has(name)) throw new HttpError(404, `unknown model ${JSON.stringify(name)}`);
  sendJson(response, ready ? 200 : 503, ready ? { name, ready } : { name, ready, error: `model ${name} is not ready` });
}
async function infer(context, request, response, name, version, outcome) {
  if (!context.table.has(name)) throw new HttpError(404, `unknown model ${JSON.stringify(name)}; serving: ${context.table.names().join(", ") || "nothing yet"}`);
  outcome.model = name;
  const { json, binary } = splitBody(await readBody(request, context.options.maxBody), request.headers[HEADER]);
  const body = parseJson(json, context.options.maxJsonDepth);
  const id = typeof body === "object" && body !== null && typeof body.id === "string" ? body.id : void 0;
  const target = version !== void 0 ? context.table.version(name, version) : context.table.route(name, id);
  outcome.version = target.version;
  const decoded = decodeRequest(body, target.signature, context.options.maxTensorBytes, binary);
  const outputs = await target.predict(decoded.feeds);
  assertFinite(outputs, target.signature.outputs, name, target.version);
  const result = { model_name: name, model_version: target.version };
  if (decoded.id !== void 0) result.id = decoded.id;
  result.outputs = responseTensors(outputs, target.signature.outputs, decoded.outputs);
  sendJson(response, 200, result);
  context.table.remember(name, decoded.feeds);
  context.metrics.served(name, target.version, decoded.feeds.rows, target.signature.prediction, outputs);
  if (context.capture?.sampled()) {
    context.capture.record({ model: name, version: target.version, requestId: decoded.id, signature: target.signature, feeds: decoded.feeds, outputs });
  }
}
async function load(context, request, response, name) {
  const body = await readJson(request, limits(context.options));
  const parameters = body?.parameters;
  const reference = parameters?.reference;
  const insecure = parameters?.insecure;
  if (typeof reference !== "string" || !reference.trim()) throw badRequest('the load body must be {"parameters": {"reference": "<registry reference>"}}');
  if (insecure !== void 0 && typeof insecure !== "boolean") throw badRequest('"parameters.insecure" must be true or false');
  const { version, already, comparison } = await context.loader.load({ reference, name, allowFiles: false, insecure: insecure === true });
  if (!already) {
    const compared = comparison ? `; beside ${comparison.against} on ${comparison.rows} recent rows: agreement ${comparison.agreement.toFixed(4)}, mean |diff| ${comparison.mean_abs_diff.toPrecision(3)}, max |diff| ${comparison.max_abs_diff.toPrecision(3)}` : "";
    context.log(`serve: loaded ${name} ${version.version} (${version.identity.digest}) from ${version.identity.reference}; weight ${context.table.weights(name)[version.version]}%${compared}`);
  }
  sendJson(response, 200, { name, version: version.version, digest: version.identity.digest, ready: version.state === "READY", ...comparison ? { comparison } : {} });
}
async function unload(context, request, response, name) {
  const body = await readJson(request, limits(context.options)).catch((error) => {
    if (error instanceof HttpError && /is empty/.test(error.message)) return void 0;
    throw error;
  });
  const version = body?.parameters?.version;
  if (version !== void 0 && typeof version !== "string") throw badRequest('"parameters.version" must be a string');
  const removed = context.table.remove(name, version);
  await Promise.all(removed.map((v) => v.close()));
  for (const v of removed) context.log(`serve: unloaded ${name} ${v.version}`);
  sendJson(response, 200, { name, unloaded: removed.map((v) => v.version) });
}
async function traffic(context, request, response, name) {
  if (request.method === "GET") {
    sendJson(response, 200, context.table.weights(name));
    return;
  }
  const body = await readJson(request, limits(context.options));
  const weights = context.table.setWeights(name, body);
  context.log(`serve: traffic ${name} ${Object.entries(weights).map(([v, w]) => `${v}=${w}%`).join(" ")}`);
  sendJson(response, 200, weights);
}
async function repositoryIndex(context, request, response) {
  const body = await readJson(request, limits(context.options)).catch(() => void 0);
  const onlyReady = body?.ready === true;
  sendJson(response, 200, context.table.index().filter((e) => !onlyReady || e.state === "READY"));
}

// shared/serve/http/routes.ts
function segments(pathname) {
  return pathname.split("/").filter((s) => s !== "").map((raw) => {
    let s;
    try {
      s = decodeURIComponent(raw);
    } catch {
      throw badRequest("the URL path is not valid percent-encoding");
    }
    if (s === "." || s === ".." || /[/\\\u0000-\u001f\u007f]/.test(s)) throw badRequest('a name in the URL path may not contain "/", "\\", control characters, or be "." or ".."');
    return s;
  });
}
function route(pathname) {
  const parts = segments(pathname);
  if (parts.length === 1 && parts[0] === "metrics") return { kind: "metrics" };
  if (parts[0] !== "v2") return { kind: "not-found" };
  const rest = parts.slice(1);
  if (rest.length === 0) return { kind: "server-metadata" };
  if (rest[0] === "health" && rest.length === 2) {
    if (rest[1] === "live") return { kind: "live" };
    if (rest[1] === "ready") return { kind: "ready" };
  }
  if (rest[0] === "repository") {
    if (rest.length === 2 && rest[1] === "index") return { kind: "repository-index" };
    if (rest.length === 4 && rest[1] === "models" && (rest[3] === "load" || rest[3] === "unload")) return { kind: rest[3], name: rest[2] };
  }
  if (rest[0] === "models" && rest.length >= 2) {
    const name = rest[1];
    let tail = rest.slice(2);
    let version;
    if (tail[0] === "versions") {
      if (tail.length < 2) return { kind: "not-found" };
      version = tail[1];
      tail = tail.slice(2);
    }
    if (tail.length === 0) return { kind: "model-metadata", name, version };
    if (tail.length === 1 && tail[0] === "ready") return { kind: "model-ready", name, version };
    if (tail.length === 1 && tail[0] === "infer") return { kind: "infer", name, version };
    if (tail.length === 1 && tail[0] === "traffic" && version === void 0) return { kind: "traffic", name };
  }
  return { kind: "not-found" };
}
var METHODS = {
  live: ["GET", "HEAD"],
  ready: ["GET", "HEAD"],
  "server-metadata": ["GET"],
  metrics: ["GET"],
  "repository-index": ["POST"],
  "model-metadata": ["GET"],
  "model-ready": ["GET", "HEAD"],
  infer: ["POST"],
  traffic: ["GET", "PUT"],
  load: ["POST"],
  unload: ["POST"],
  "not-found": []
};

// shared/serve/http/server.ts
var InferenceServer = class {
  constructor(context, tokens) {
    this.context = context;
    this.tokens = tokens;
    this.http = createServer({ keepAliveTimeout: 5e3, requestTimeout: 6e4, headersTimeout: 2e4 }, (request, response) => {
      void this.handle(request, response);
    });
  }
  context;
  tokens;
  http;
  inFlight = 0;
  inferInFlight = 0;
  draining = false;
  idle = [];
  listen(port, host) {
    return new Promise((resolve3, reject) => {
      this.http.once("error", reject);
      this.http.listen(port, host, () => {
        this.http.off("error", reject);
        const address = this.http.address();
        resolve3(typeof address === "object" && address ? address.port : port);
      });
    });
  }
  /** Stops accepting, waits for in-flight requests (at most `seconds`), closes connections. */
  async drain(seconds) {
    this.draining = true;
    const closed = new Promise((resolve3) => this.http.close(() => resolve3()));
    this.http.closeIdleConnections();
    if (this.inFlight > 0) {
      await Promise.race([new Promise((resolve3) => this.idle.push(resolve3)), new Promise((resolve3) => setTimeout(resolve3, seconds * 1e3).unref())]);
    }
    this.http.closeAllConnections();
    await closed;
  }
  async handle(request, response) {
    this.inFlight++;
    if (this.draining) response.setHeader("connection", "close");
    let target = { kind: "not-found" };
    try {
      const url = new URL(request.url ?? "/", "http://localhost");
      target = route(url.pathname);
      await this.dispatch(target, request, response);
    } catch (error) {
      sendError(response, error, this.context.log);
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) for (const resolve3 of this.idle.splice(0)) resolve3();
    }
  }
  async dispatch(target, request, response) {
    if (target.kind === "not-found") throw new HttpError(404, `no such endpoint: ${request.method} ${(request.url ?? "").split("?")[0].slice(0, 200)}`);
    const allowed = METHODS[target.kind];
    if (!allowed.includes(request.method ?? "")) throw new HttpError(405, `${target.kind} takes ${allowed.join(" or ")}`, { allow: allowed.join(", ") });
    const { context, tokens } = this;
    switch (target.kind) {
      case "live":
        return sendJson(response, 200, { live: true });
      case "ready": {
        const ready = !this.draining && context.table.ready();
        return sendJson(response, ready ? 200 : 503, ready ? { ready } : { ready, error: this.draining ? "the server is shutting down" : "no model version is ready yet" });
      }
      case "server-metadata":
        checkInfer(request, tokens);
        return serverMetadata(context, response);
      case "metrics": {
        checkInfer(request, tokens);
        const text = await context.metrics.text();
        response.writeHead(200, { "content-type": context.metrics.contentType, "content-length": Buffer.byteLength(text) });
        response.end(text);
        return;
      }
      case "model-metadata":
        checkInfer(request, tokens);
        return modelMetadata(context, response, target.name, target.version);
      case "model-ready":
        checkInfer(request, tokens);
        return modelReady(context, response, target.name, target.version);
      case "infer":
        return this.infer(request, response, target.name, target.version);
      case "traffic":
        checkAdmin(request, tokens);
        return traffic(context, request, response, target.name);
      case "load":
        checkAdmin(request, tokens);
        return load(context, request, response, target.name);
      case "unload":
        checkAdmin(request, tokens);
        return unload(context, request, response, target.name);
      case "repository-index":
        checkAdmin(request, tokens);
        return repositoryIndex(context, request, response);
    }
  }
  /** Inference with its metrics: every request counted once, by the version that answered. */
  async infer(request, response, name, version) {
    const started = process.hrtime.bigint();
    const outcome = { model: this.context.table.has(name) ? name : "", version: "" };
    const { metrics } = this.context;
    metrics.inFlight.inc();
    this.inferInFlight++;
    let code = 200;
    try {
      checkInfer(request, this.tokens);
      if (this.draining) throw new HttpError(503, "the server is shutting down", { "retry-after": "1", connection: "close" });
      if (this.inferInFlight > this.context.options.maxInFlight) {
        throw new HttpError(429, `too many requests in flight (over ${this.context.options.maxInFlight}); retry shortly`, { "retry-after": "1" });
      }
      await infer(this.context, request, response, name, version, outcome);
    } catch (error) {
      code = sendError(response, error, this.context.log);
    } finally {
      this.inferInFlight--;
      metrics.inFlight.dec();
      metrics.request(outcome.model, outcome.version, code, Number(process.hrtime.bigint() - started) / 1e9);
    }
  }
};

// shared/serve/batcher.ts
var Batcher = class {
  constructor(options) {
    this.options = options;
  }
  options;
  queue = [];
  queuedRows = 0;
  running = false;
  timer;
  /** The pending timer is a batch-wait timeout (a full batch cuts it short). */
  waiting = false;
  submit(feeds) {
    if (this.queuedRows > 0 && this.queuedRows + feeds.rows > this.options.maxQueueRows) {
      return Promise.reject(new HttpError(503, `overloaded: ${this.queuedRows} rows are already waiting for this model version; retry shortly`, { "retry-after": "1" }));
    }
    return new Promise((resolve3, reject) => {
      this.queue.push({ feeds, key: mergeKey(feeds), resolve: resolve3, reject });
      this.queuedRows += feeds.rows;
      this.schedule();
    });
  }
  /** Requests waiting or running. */
  get idle() {
    return !this.running && this.queue.length === 0;
  }
  schedule() {
    if (this.running) return;
    const full = this.queuedRows >= this.options.maxBatch || !this.options.splittable;
    if (this.timer && !(full && this.waiting)) return;
    if (this.timer) clearTimeout(this.timer);
    this.waiting = !(full || this.options.batchWaitMs <= 0);
    this.timer = this.waiting ? setTimeout(() => this.flush(), this.options.batchWaitMs) : setImmediate(() => this.flush());
  }
  flush() {
    this.timer = void 0;
    this.waiting = false;
    if (this.running || this.queue.length === 0) return;
    const batch = this.take();
    this.running = true;
    void this.runBatch(batch).finally(() => {
      this.running = false;
      if (this.queue.length) {
        if (this.timer && this.waiting) clearTimeout(this.timer);
        this.waiting = false;
        this.timer = setImmediate(() => this.flush());
      }
    });
  }
  /** The first request, then following ones with the same tensor layout, up to maxBatch rows. */
  take() {
    const first = this.queue.shift();
    const batch = [first];
    let rows = first.feeds.rows;
    if (this.options.splittable) {
      while (this.queue.length && this.queue[0].key === first.key && rows + this.queue[0].feeds.rows <= this.options.maxBatch) {
        const next = this.queue.shift();
        rows += next.feeds.rows;
        batch.push(next);
      }
    }
    this.queuedRows -= rows;
    return batch;
  }
  async runBatch(batch) {
    try {
      const feeds = batch.length === 1 ? batch[0].feeds : merge(batch.map((p) => p.feeds));
      this.options.onBatch?.(feeds.rows);
      const outputs = await this.options.run(feeds);
      if (batch.length === 1) {
        batch[0].resolve(outputs);
        return;
      }
      let offset = 0;
      for (const pending of batch) {
        pending.resolve(slice(outputs, offset, pending.feeds.rows, feeds.rows));
        offset += pending.feeds.rows;
      }
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      for (const pending of batch) {
        this.options.onBatch?.(pending.feeds.rows);
        await this.options.run(pending.feeds).then(pending.resolve, pending.reject);
      }
    }
  }
};
function mergeKey(feeds) {
  return Object.entries(feeds.tensors).map(([name, t]) => `${name}:${t.dims.slice(1).join("x")}:${Array.isArray(t.data) ? "s" : t.data.constructor.name}`).join("|");
}
function merge(all) {
  const rows = all.reduce((sum, f) => sum + f.rows, 0);
  const tensors = {};
  for (const name of Object.keys(all[0].tensors)) {
    const parts = all.map((f) => f.tensors[name]);
    const first = parts[0];
    const length = parts.reduce((sum, t) => sum + t.data.length, 0);
    let data;
    if (Array.isArray(first.data)) {
      data = [].concat(...parts.map((t) => t.data));
    } else {
      const out = new first.data.constructor(length);
      let offset = 0;
      for (const part of parts) {
        out.set(part.data, offset);
        offset += part.data.length;
      }
      data = out;
    }
    tensors[name] = { data, dims: [rows, ...first.dims.slice(1)] };
  }
  return { rows, tensors };
}
function slice(outputs, offset, rows, total) {
  const result = {};
  for (const [name, tensor] of Object.entries(outputs)) {
    const width = tensor.data.length / total;
    const start = offset * width;
    const end = start + rows * width;
    const data = Array.isArray(tensor.data) ? tensor.data.slice(start, end) : tensor.data.slice(start, end);
    result[name] = { data, dims: [rows, ...tensor.dims.slice(1)] };
  }
  return result;
}

// shared/serve/prediction-histogram.ts
var DECADES = [-3, -2, -1, 0, 1, 2, 3, 4, 5, 6].map((e) => Number(`1e${e}`));
var REGRESSION_BUCKETS = [...DECADES.map((d) => -d).reverse(), 0, ...DECADES];
var BINARY_BUCKETS = Array.from({ length: 20 }, (_, i) => Number(((i + 1) * 0.05).toFixed(2)));
function bucketsFor(summary) {
  if (summary.kind === "binary") return BINARY_BUCKETS;
  if (summary.kind === "multiclass") return Array.from({ length: summary.classes }, (_, i) => i);
  return REGRESSION_BUCKETS;
}
function rowPredictions(summary, outputs, rows) {
  const tensor = outputs[summary.output];
  const values = new Float64Array(rows);
  if (!tensor) return values;
  const data = tensor.data;
  const width = data.length / rows;
  for (let r = 0; r < rows; r++) {
    if (summary.kind === "binary") values[r] = data[r * width + summary.column];
    else if (summary.kind === "regression") values[r] = data[r * width];
    else {
      let best = 0;
      for (let c = 1; c < width; c++) if (data[r * width + c] > data[r * width + best]) best = c;
      values[r] = best;
    }
  }
  return values;
}
var PredictionHistograms = class {
  series = /* @__PURE__ */ new Map();
  observe(model, version, summary, values) {
    const key = `${model}\0${version}`;
    let series = this.series.get(key);
    if (!series) {
      const buckets = bucketsFor(summary);
      series = { model, version, buckets, counts: new Array(buckets.length).fill(0), sum: 0, count: 0 };
      this.series.set(key, series);
    }
    for (const value of values) {
      const i = series.buckets.findIndex((le) => value <= le);
      if (i >= 0) series.counts[i]++;
      series.sum += value;
      series.count++;
    }
  }
  render() {
    const lines = [`# HELP ${PREDICTION} Per-row prediction of each model version (positive-class probability, class index or regression value).`, `# TYPE ${PREDICTION} histogram`];
    for (const s of this.series.values()) {
      const labels = `model="${escapeLabel(s.model)}",version="${escapeLabel(s.version)}"`;
      let cumulative = 0;
      s.buckets.forEach((le, i) => {
        cumulative += s.counts[i];
        lines.push(`${PREDICTION}_bucket{${labels},le="${le}"} ${cumulative}`);
      });
      lines.push(`${PREDICTION}_bucket{${labels},le="+Inf"} ${s.count}`, `${PREDICTION}_sum{${labels}} ${s.sum}`, `${PREDICTION}_count{${labels}} ${s.count}`);
    }
    return `${lines.join("\n")}
`;
  }
};
function escapeLabel(value) {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

// shared/serve/compare-versions.ts
var RecentRows = class {
  constructor(maxRows) {
    this.maxRows = maxRows;
  }
  maxRows;
  kept = [];
  rows = 0;
  add(feeds) {
    if (feeds.rows > this.maxRows) return;
    const key = layoutKey(feeds);
    if (this.kept.length && layoutKey(this.kept[0]) !== key) {
      this.kept = [];
      this.rows = 0;
    }
    this.kept.push(feeds);
    this.rows += feeds.rows;
    while (this.rows > this.maxRows) this.rows -= this.kept.shift().rows;
  }
  snapshot() {
    return this.kept.length ? merge(this.kept) : void 0;
  }
};
function layoutKey(feeds) {
  return Object.entries(feeds.tensors).map(([name, t]) => `${name}:${t.dims.slice(1).join("x")}`).join("|");
}
function compareOutputs(summary, against, candidate, running, rows) {
  const a = rowPredictions(summary, candidate, rows);
  const b = rowPredictions(summary, running, rows);
  let sum = 0;
  let max = 0;
  let same = 0;
  for (let r = 0; r < rows; r++) {
    const diff = Math.abs(a[r] - b[r]);
    sum += diff;
    max = Math.max(max, diff);
    if (summary.kind === "binary") same += Number(a[r] >= 0.5 === b[r] >= 0.5);
    else if (summary.kind === "multiclass") same += Number(a[r] === b[r]);
    else same += Number(diff <= 1e-6 * Math.max(1, Math.abs(b[r])));
  }
  return { against, rows, mean_abs_diff: rows ? sum / rows : 0, max_abs_diff: max, agreement: rows ? same / rows : 1 };
}

// shared/serve/model-signature.ts
function tensorSpec(info, role, file) {
  const datatype = info.type === "non-tensor" ? void 0 : datatypeOfOrt(info.type);
  if (!datatype) {
    throw new UserError(`model ${role} "${info.name}" is ${info.type === "non-tensor" ? "not a tensor (e.g. a ZipMap sequence of maps)" : `of type ${info.type}`}, which the server cannot ${role === "input" ? "feed" : "return"}`, {
      where: { file },
      hint: role === "output" ? "Convert scikit-learn models with options={id(model): {'zipmap': False}}." : "Export the model with tensor inputs of a standard numeric, bool or string type."
    });
  }
  return { name: info.name, datatype, shape: info.shape.map((d) => typeof d === "number" && d >= 0 ? d : -1) };
}
function describeSignature(model) {
  const file = model.displayPath;
  const inputs = model.inputs.map((i) => tensorSpec(i, "input", file));
  const outputs = model.outputs.map((o) => tensorSpec(o, "output", file));
  if (!inputs.length) throw new UserError("the model has no inputs", { where: { file } });
  const plan = planOutputs(model, { key: "model" });
  return { inputs, outputs, features: featureLayout(inputs, model.metadata), task: plan.task, prediction: predictionOf(plan, outputs) };
}
function featureLayout(inputs, metadata) {
  const names = featureNamesFromMetadata(metadata);
  const [first] = inputs;
  if (inputs.length === 1 && first.shape.length === 2 && names && (first.shape[1] === -1 || first.shape[1] === names.length) && names.length > 1) {
    return { mode: "matrix", input: first.name, features: names };
  }
  const perColumn = inputs.every((i) => i.shape.length === 1 || i.shape.length === 2 && i.shape[1] === 1);
  if (perColumn && (inputs.length > 1 || !names || names.length === 1)) return { mode: "columns", features: inputs.map((i) => i.name) };
  return void 0;
}
function predictionOf(plan, outputs) {
  if (plan.value) return { kind: "regression", output: plan.value.name };
  if (plan.probability) {
    const columns = plan.probability.columns ?? outputs.find((o) => o.name === plan.probability.name)?.shape[1];
    if (columns === 1) return { kind: "binary", output: plan.probability.name, column: 0, columns: 1 };
    if (columns === 2) return { kind: "binary", output: plan.probability.name, column: 1, columns: 2 };
    if (typeof columns === "number" && columns > 2) return { kind: "multiclass", output: plan.probability.name, classes: columns };
  }
  return void 0;
}
function incompatibility(running, candidate) {
  if (running.task !== candidate.task) return `its task is ${candidate.task}, but the running versions are ${running.task} models`;
  const describe2 = (specs) => specs.map((s) => `${s.name}:${s.datatype}[${s.shape.join(",")}]`).join(" ");
  if (describe2(running.inputs) !== describe2(candidate.inputs)) return `its inputs (${describe2(candidate.inputs)}) differ from the running versions' (${describe2(running.inputs)})`;
  const names = (specs) => specs.map((s) => s.name).join(",");
  if (names(running.outputs) !== names(candidate.outputs)) return `its outputs (${names(candidate.outputs)}) differ from the running versions' (${names(running.outputs)})`;
  const features = (s) => s.features?.features.join(",") ?? "";
  if (features(running) !== features(candidate)) return "its feature_names differ from the running versions'";
  const kind = (s) => `${s.prediction?.kind ?? ""}${s.prediction?.kind === "multiclass" ? s.prediction.classes : ""}`;
  if (kind(running) !== kind(candidate)) return `its prediction (${kind(candidate) || "none"}) differs from the running versions' (${kind(running) || "none"})`;
  return void 0;
}

// shared/serve/model-source.ts
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join as join2, resolve } from "node:path";
function splitModelArgument(value) {
  const eq = value.indexOf("=");
  if (eq > 0 && MODEL_NAME_PATTERN.test(value.slice(0, eq))) return { name: validateModelName(value.slice(0, eq), "model"), reference: value.slice(eq + 1) };
  return { reference: value };
}
async function fetchModel(reference, name, context, allowFiles) {
  if (!allowFiles) return registryModel(reference, name, context);
  const source = classifyModelSpec(reference);
  if (source.kind === "registry") return registryModel(reference, name, context);
  const path = resolve(context.cwd, source.path);
  const info = await stat(path).catch(() => void 0);
  if (!info && isRegistryReference(source.path)) return registryModel(source.path, name, context);
  if (!info?.isFile()) {
    throw new UserError(`the model file ${source.path} does not exist`, {
      where: { file: source.path, key: "model" },
      hint: "Check the path, or name a registry version instead (e.g. .mlops/registry:churn:prod)."
    });
  }
  return fileModel(path, reference, name);
}
function isRegistryReference(text) {
  try {
    parseModelReference(text);
    return true;
  } catch {
    return false;
  }
}
async function fileModel(path, display, name) {
  const model = name ?? fileModelName(display);
  const hash = crypto().createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return { identity: { model, version: "v0", digest: `sha256:${hash.digest("hex")}`, reference: display }, path, cleanup: async () => void 0 };
}
function fileModelName(path) {
  const stem = basename(path).replace(/\.onnx$/i, "");
  const name = stem.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "").replace(/([._-])[._-]+/g, "$1");
  if (!name || !MODEL_NAME_PATTERN.test(name)) {
    throw new UserError(`cannot make a model name from the file name "${basename(path)}"`, { where: { key: "model" }, hint: "Name it: --model churn=path/to/model.onnx." });
  }
  return name;
}
async function registryModel(reference, name, context) {
  const parsed = parseModelReference(reference);
  const version = await resolveVersion(context.cwd, parsed, context.access, context.host, name);
  const manifest = version.fetched.manifest;
  const layers = manifest.layers.filter(isModelLayer);
  if (layers.length !== 1) {
    throw new UserError(`${version.ref} has ${layers.length === 0 ? "no model layer" : "several model layers"}`, { hint: "Serve versions registered by mlops register (one ONNX model layer)." });
  }
  const annotated = manifest.annotations?.[ANNOTATION.version];
  const versionName = annotated && AUTO_VERSION_PATTERN.test(annotated) ? annotated : version.tag && AUTO_VERSION_PATTERN.test(version.tag) ? version.tag : annotated ?? version.tag ?? version.fetched.digest.slice(7, 19);
  const directory = await mkdtemp(join2(tmpdir(), "mlops-serve-"));
  const path = join2(directory, "model.onnx");
  try {
    await version.reader.blobToFile(layers[0], path);
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  return {
    identity: { model: name ?? version.name, version: versionName, digest: version.fetched.digest, reference: version.ref },
    path,
    cleanup: () => rm(directory, { recursive: true, force: true })
  };
}

// shared/serve/served-version.ts
var ServedVersion = class {
  constructor(identity, onnx, signature, batching, onBatch) {
    this.identity = identity;
    this.onnx = onnx;
    this.signature = signature;
    this.batching = batching;
    this.onBatch = onBatch;
  }
  identity;
  onnx;
  signature;
  batching;
  onBatch;
  state = "LOADING";
  reason = "";
  batcher;
  inFlight = 0;
  drained = [];
  get model() {
    return this.identity.model;
  }
  get version() {
    return this.identity.version;
  }
  /** Runs a zero-filled inference of one row, then two; only then is the version ready. */
  async warmUp() {
    try {
      await this.run(zeroFeeds(this.signature, 1));
    } catch (error) {
      const why = error instanceof Error ? error.message.replace(/^model .* could not run on this input: /, "") : String(error);
      throw new HttpError(422, `model ${this.model} version ${this.version} failed its warm-up inference on zeros: ${why}`);
    }
    let splittable = false;
    try {
      const outputs = await this.run(zeroFeeds(this.signature, 2));
      splittable = Object.values(outputs).every((t) => t.dims[0] === 2);
    } catch {
      splittable = false;
    }
    this.batcher = new Batcher({ ...this.batching, splittable, run: (feeds) => this.run(feeds), onBatch: this.onBatch });
    this.state = "READY";
  }
  async predict(feeds) {
    if (!this.batcher || this.state !== "READY") throw new HttpError(503, `model ${this.model} version ${this.version} is not ready`);
    this.inFlight++;
    try {
      return await this.batcher.submit(feeds);
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) for (const resolve3 of this.drained.splice(0)) resolve3();
    }
  }
  /** Stops taking requests, waits for the ones in flight, then frees the session. */
  async close() {
    this.state = "UNAVAILABLE";
    this.reason = "unloaded";
    if (this.inFlight > 0) await new Promise((resolve3) => this.drained.push(resolve3));
    await this.onnx.session.release().catch(() => void 0);
  }
  async run(feeds) {
    const { Tensor } = this.onnx.ort;
    const inputs = {};
    for (const spec of this.signature.inputs) {
      const tensor = feeds.tensors[spec.name];
      inputs[spec.name] = new Tensor(DATATYPES[spec.datatype].ort, tensor.data, tensor.dims);
    }
    let results;
    try {
      results = await this.onnx.session.run(inputs, this.signature.outputs.map((o) => o.name));
    } catch (error) {
      throw new HttpError(400, `model ${this.model} version ${this.version} could not run on this input: ${firstLine(error)}`);
    }
    const outputs = {};
    for (const spec of this.signature.outputs) {
      const tensor = results[spec.name];
      outputs[spec.name] = { data: tensor.data, dims: [...tensor.dims] };
    }
    return outputs;
  }
};
function zeroFeeds(signature, rows) {
  const tensors = {};
  for (const spec of signature.inputs) {
    const dims = spec.shape.map((d, i) => i === 0 ? rows : d === -1 ? 1 : d);
    if (dims.length === 0) dims.push(rows);
    tensors[spec.name] = { data: allocate(spec.datatype, elementCount(dims)), dims };
  }
  return { rows, tensors };
}

// shared/serve/loader.ts
var Loader = class {
  constructor(table, context, batching, onBatch) {
    this.table = table;
    this.context = context;
    this.batching = batching;
    this.onBatch = onBatch;
  }
  table;
  context;
  batching;
  onBatch;
  compare(model, candidate) {
    return compareWith(this.table, model, candidate);
  }
  async load(request) {
    if (request.name !== void 0) {
      try {
        validateModelName(request.name, "name");
      } catch (error) {
        throw new HttpError(400, isUserError(error) ? error.format() : String(error));
      }
    }
    const key = request.name ?? request.reference;
    const loading = this.table.loading.get(key) ?? /* @__PURE__ */ new Set();
    this.table.loading.set(key, loading.add(request.reference));
    try {
      const result = await this.loadVersion(request);
      this.table.failures.delete(result.version.model);
      return result;
    } catch (error) {
      const failure = asHttpError(error);
      if (request.name) this.table.failures.set(request.name, { reference: request.reference, reason: failure.message });
      throw failure;
    } finally {
      loading.delete(request.reference);
      if (!loading.size) this.table.loading.delete(key);
    }
  }
  async loadVersion(request) {
    const context = request.insecure ? { ...this.context, access: { ...this.context.access, insecure: true } } : this.context;
    const fetched = await fetchModel(request.reference, request.name, context, request.allowFiles);
    try {
      const { model, version, digest } = fetched.identity;
      const existing = this.table.has(model) ? this.table.versions(model).find((v) => v.version === version) : void 0;
      if (existing) {
        if (existing.identity.digest === digest) return { version: existing, already: true };
        throw new HttpError(409, `model ${model} already serves version ${version} with digest ${existing.identity.digest}, not ${digest}; versions are immutable, so unload it first or load another version`);
      }
      const onnx = await openModel(fetched.path, request.reference, this.context.host, request.allowFiles ? "model" : "reference");
      let served;
      let comparison;
      try {
        const signature = describeSignature(onnx);
        const running = this.table.versions(model)[0];
        const mismatch = running && incompatibility(running.signature, signature);
        if (mismatch) throw new HttpError(422, `cannot load ${request.reference} as a version of ${model}: ${mismatch}`);
        served = new ServedVersion(fetched.identity, onnx, signature, this.batching, (rows) => this.onBatch(model, version, rows));
        await served.warmUp();
        comparison = await this.compare(model, served);
      } catch (error) {
        await onnx.session.release().catch(() => void 0);
        throw error;
      }
      const raced = this.table.has(model) ? this.table.versions(model).find((v) => v.version === version) : void 0;
      if (raced) {
        await served.close();
        if (raced.identity.digest === digest) return { version: raced, already: true };
        throw new HttpError(409, `model ${model} already serves version ${version} with another digest`);
      }
      this.table.add(served);
      return { version: served, already: false, comparison };
    } finally {
      await fetched.cleanup();
    }
  }
};
async function compareWith(table, model, candidate) {
  const base = table.comparisonBase(model);
  const summary = candidate.signature.prediction;
  if (!base || !summary) return void 0;
  try {
    const [mine, theirs] = await Promise.all([candidate.predict(base.rows), base.version.predict(base.rows)]);
    return compareOutputs(summary, base.version.version, mine, theirs, base.rows.rows);
  } catch {
    return void 0;
  }
}
function asHttpError(error) {
  if (error instanceof HttpError) return error;
  if (isUserError(error)) {
    const status = /is not a valid registry reference|insecure/.test(error.message) ? 400 : /has no version|holds no models|no model in|not found/i.test(error.message) ? 404 : 422;
    return new HttpError(status, `load failed: ${error.format()}`);
  }
  return new HttpError(502, `load failed: ${error instanceof Error ? error.message : String(error)}`);
}

// shared/serve/metrics.ts
var import_prom_client = __toESM(require_prom_client(), 1);
var DURATION_BUCKETS = [5e-4, 1e-3, 25e-4, 5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
var BATCH_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096, 16384];
var ServeMetrics = class {
  registry = new import_prom_client.Registry();
  requests = new import_prom_client.Counter({ name: REQUESTS, help: "Inference requests by model, answering version and HTTP status code.", labelNames: ["model", "version", "code"], registers: [this.registry] });
  duration = new import_prom_client.Histogram({ name: DURATION, help: "Inference request latency, from the first byte read to the response written.", labelNames: ["model", "version"], buckets: DURATION_BUCKETS, registers: [this.registry] });
  batches = new import_prom_client.Histogram({ name: "mlops_serve_batch_size", help: "Rows per session.run (after dynamic batching).", labelNames: ["model", "version"], buckets: BATCH_BUCKETS, registers: [this.registry] });
  instances = new import_prom_client.Counter({ name: "mlops_serve_instances_total", help: "Rows predicted.", labelNames: ["model", "version"], registers: [this.registry] });
  inFlight = new import_prom_client.Gauge({ name: "mlops_serve_in_flight", help: "Inference requests being handled.", registers: [this.registry] });
  predictions = new PredictionHistograms();
  /** Rows the capture writer had to drop; set by the server when capture is on. */
  captureDropped;
  /** The versions being served, with their traffic weights; set by the server. */
  versions;
  constructor() {
    const metrics = this;
    new import_prom_client.Gauge({ name: INSTANCE_INFO, help: "Always 1; instance_id is random per server process.", labelNames: ["instance_id"], registers: [this.registry] }).set({ instance_id: crypto().randomUUID() }, 1);
    new import_prom_client.Gauge({
      name: "mlops_serve_version_weight",
      help: "Traffic weight (percent) of each loaded version; 1 series per version being served.",
      labelNames: ["model", "version", "digest", "ready"],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const v of metrics.versions?.() ?? []) this.set({ model: v.model, version: v.version, digest: v.digest, ready: String(v.ready) }, v.weight);
      }
    });
    let reported = 0;
    new import_prom_client.Counter({
      name: "mlops_serve_capture_dropped_rows_total",
      help: "Captured rows dropped because the disk fell behind (0 unless it did).",
      registers: [this.registry],
      collect() {
        const dropped = metrics.captureDropped?.() ?? 0;
        if (dropped > reported) this.inc(dropped - reported);
        reported = dropped;
      }
    });
  }
  request(model, version, code, seconds) {
    this.requests.inc({ model, version, code: String(code) });
    this.duration.observe({ model, version }, seconds);
  }
  batch(model, version, rows) {
    this.batches.observe({ model, version }, rows);
  }
  served(model, version, rows, summary, outputs) {
    this.instances.inc({ model, version }, rows);
    if (summary) this.predictions.observe(model, version, summary, rowPredictions(summary, outputs, rows));
  }
  async text() {
    return `${await this.registry.metrics()}${this.predictions.render()}`;
  }
  get contentType() {
    return this.registry.contentType;
  }
};

// shared/serve/routing.ts
function bucketOf(id) {
  if (id === void 0) return Math.floor(Math.random() * 100);
  return crypto().createHash("sha256").update(id).digest().readUInt32BE(0) % 100;
}
function pick(weights, bucket) {
  let cumulative = 0;
  for (const version of Object.keys(weights).sort()) {
    cumulative += weights[version];
    if (bucket < cumulative) return version;
  }
  return void 0;
}
function parseWeights(body, ready) {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badRequest('the traffic body must be an object of version \u2192 weight, e.g. {"v1": 90, "v2": 10}');
  const weights = {};
  let total = 0;
  for (const [version, weight] of Object.entries(body)) {
    if (!ready.includes(version)) throw badRequest(`version ${JSON.stringify(version)} is not loaded and ready; ready versions: ${ready.join(", ") || "none"}`);
    if (typeof weight !== "number" || !Number.isInteger(weight) || weight < 0 || weight > 100) throw badRequest(`the weight of ${version} must be an integer from 0 to 100, got ${JSON.stringify(weight)}`);
    weights[version] = weight;
    total += weight;
  }
  if (total !== 100) throw badRequest(`the weights sum to ${total}; they must sum to 100`);
  for (const version of ready) weights[version] ??= 0;
  return weights;
}

// shared/serve/model-table.ts
var RECENT_ROWS = 256;
var ModelTable = class {
  models = /* @__PURE__ */ new Map();
  /** Loads in progress and the last failed load, per model, for the index. */
  loading = /* @__PURE__ */ new Map();
  failures = /* @__PURE__ */ new Map();
  names() {
    return [...this.models.keys()].sort();
  }
  has(name) {
    return this.models.has(name);
  }
  versions(name) {
    return [...this.models.get(name)?.versions.values() ?? []].sort((a, b) => a.version.localeCompare(b.version, "en", { numeric: true }));
  }
  /** Ready = at least one version of some model is ready. */
  ready() {
    for (const model of this.models.values()) for (const v of model.versions.values()) if (v.state === "READY") return true;
    return false;
  }
  version(name, version) {
    const model = this.models.get(name);
    if (!model) throw notFound(`unknown model ${JSON.stringify(name)}; serving: ${this.names().join(", ") || "nothing yet"}`);
    const found = model.versions.get(version);
    if (!found) throw notFound(`model ${name} has no version ${JSON.stringify(version)}; versions: ${[...model.versions.keys()].join(", ")}`);
    return found;
  }
  /** The version an unversioned call goes to. */
  route(name, id) {
    const model = this.models.get(name);
    if (!model) throw notFound(`unknown model ${JSON.stringify(name)}; serving: ${this.names().join(", ") || "nothing yet"}`);
    const chosen = pick(model.weights, bucketOf(id));
    const version = chosen === void 0 ? void 0 : model.versions.get(chosen);
    if (!version || version.state !== "READY") throw new HttpError(503, `model ${name} has no ready version to route to`, { "retry-after": "1" });
    return version;
  }
  /** A warmed-up version joins: the first of its model takes all traffic, later ones none. */
  add(version) {
    let model = this.models.get(version.model);
    if (!model) {
      model = { versions: /* @__PURE__ */ new Map(), weights: {}, recent: new RecentRows(RECENT_ROWS) };
      this.models.set(version.model, model);
    }
    model.versions.set(version.version, version);
    const hasTraffic = Object.values(model.weights).some((w) => w > 0);
    model.weights[version.version] = hasTraffic ? 0 : 100;
  }
  /** Remembers a served request's rows (for comparing the next version with this one). */
  remember(name, feeds) {
    this.models.get(name)?.recent.add(feeds);
  }
  /** The version most traffic goes to and the recent rows, if the model has both. */
  comparisonBase(name) {
    const model = this.models.get(name);
    const rows = model?.recent.snapshot();
    if (!model || !rows) return void 0;
    const [top] = Object.entries(model.weights).sort((x, y) => y[1] - x[1]);
    const version = top && model.versions.get(top[0]);
    return version && version.state === "READY" ? { version, rows } : void 0;
  }
  weights(name) {
    const model = this.models.get(name);
    if (!model) throw notFound(`unknown model ${JSON.stringify(name)}`);
    return { ...model.weights };
  }
  setWeights(name, body) {
    const model = this.models.get(name);
    if (!model) throw notFound(`unknown model ${JSON.stringify(name)}`);
    const ready = [...model.versions.values()].filter((v) => v.state === "READY").map((v) => v.version);
    model.weights = parseWeights(body, ready);
    return { ...model.weights };
  }
  /** Takes versions out of routing (they finish what is in flight); refuses to strand traffic. */
  remove(name, version) {
    const model = this.models.get(name);
    if (!model) throw notFound(`unknown model ${JSON.stringify(name)}`);
    if (version === void 0) {
      this.models.delete(name);
      return [...model.versions.values()];
    }
    const target = model.versions.get(version);
    if (!target) throw notFound(`model ${name} has no version ${JSON.stringify(version)}`);
    if ((model.weights[version] ?? 0) > 0 && model.versions.size > 1) {
      throw new HttpError(409, `version ${version} of ${name} still has ${model.weights[version]}% of the traffic; move it to another version with PUT /v2/models/${name}/traffic first`);
    }
    model.versions.delete(version);
    delete model.weights[version];
    if (model.versions.size === 0) this.models.delete(name);
    return [target];
  }
  index() {
    const entries = [];
    for (const name of this.names()) {
      const model = this.models.get(name);
      for (const v of this.versions(name)) {
        entries.push({ name, version: v.version, state: v.state, reason: v.reason, digest: v.identity.digest, reference: v.identity.reference, weight: model.weights[v.version] ?? 0 });
      }
    }
    for (const [name, references] of this.loading) {
      for (const reference of references) entries.push({ name, version: "", state: "LOADING", reason: "loading", digest: "", reference, weight: 0 });
    }
    for (const [name, failure] of this.failures) {
      if (!this.models.has(name)) entries.push({ name, version: "", state: "UNAVAILABLE", reason: failure.reason, digest: "", reference: failure.reference, weight: 0 });
    }
    return entries;
  }
};

// shared/serve/start.ts
async function readToken(cwd, file, key, log) {
  if (file === void 0) return void 0;
  let text;
  try {
    text = await readFile(resolve2(cwd, file), "utf8");
    if ((await stat2(resolve2(cwd, file))).mode & 36) log(`serve: warning: the ${key} ${file} is readable by other users; restrict it with chmod 600`);
  } catch (error) {
    throw new UserError(`cannot read the token file (${error.code ?? String(error)})`, { where: { file, key }, hint: "Give a file holding the token on its first line." });
  }
  const token = text.split(/\r?\n/)[0].trim();
  if (token.length < 16) throw new UserError("the token file holds fewer than 16 characters on its first line", { where: { file, key }, hint: "Generate one with: openssl rand -hex 32 > token" });
  return token;
}
async function startServer(options, context) {
  const tokens = {
    admin: await readToken(context.cwd, options.adminTokenFile, "admin-token-file", context.log),
    infer: await readToken(context.cwd, options.inferTokenFile, "infer-token-file", context.log)
  };
  for (const token of [tokens.admin, tokens.infer]) if (token) context.host.setSecret(token);
  const table = new ModelTable();
  const metrics = new ServeMetrics();
  const password = context.env.MLOPS_REGISTRY_PASSWORD;
  if (password) context.host.setSecret(password);
  const loader = new Loader(
    table,
    { cwd: context.cwd, host: context.host, access: { username: context.env.MLOPS_REGISTRY_USERNAME, password } },
    { maxBatch: options.maxBatch, batchWaitMs: options.batchWaitMs, maxQueueRows: options.maxQueueRows },
    (model, version, rows) => metrics.batch(model, version, rows)
  );
  for (const value of options.models) {
    const { name, reference } = splitModelArgument(value);
    try {
      const { version } = await loader.load({ reference, name, allowFiles: true, insecure: options.insecure });
      context.log(`serve: loaded ${version.model} ${version.version} (${version.identity.digest}) from ${version.identity.reference}`);
    } catch (error) {
      if (error instanceof HttpError) throw new UserError(`cannot serve --model ${value}: ${error.message.replace(/^load failed: /, "")}`, { where: { key: "model" } });
      throw error;
    }
  }
  const capture = options.capture ? new CaptureWriter({ ...options.capture, dir: resolve2(context.cwd, options.capture.dir) }, context.log) : void 0;
  if (capture) metrics.captureDropped = () => capture.dropped;
  metrics.versions = () => table.index().filter((e) => e.version !== "").map((e) => ({ model: e.name, version: e.version, digest: e.digest, weight: e.weight, ready: e.state === "READY" }));
  const server = new InferenceServer({ table, loader, metrics, capture, options, serverVersion: context.serverVersion, log: context.log }, tokens);
  let port;
  try {
    port = await server.listen(options.port, options.host);
  } catch (error) {
    const code = error.code;
    await Promise.all(table.names().flatMap((name) => table.versions(name).map((v) => v.close())));
    if (code === "EADDRINUSE") throw new UserError(`port ${options.port} on ${options.host} is already in use`, { hint: "Stop the other server or pick another port with --port." });
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") throw new UserError(`cannot bind ${options.host}: no such local address`, { hint: "Use 127.0.0.1, 0.0.0.0 or an address of this machine." });
    if (code === "EACCES") throw new UserError(`not allowed to bind port ${options.port}`, { hint: "Ports below 1024 need privileges; use 8080 or another high port." });
    throw error;
  }
  const shown = options.host.includes(":") ? `[${options.host}]` : options.host;
  const url = `http://${shown}:${port}`;
  const warning = bindWarning(options.host, tokens.infer !== void 0);
  if (warning) context.log(warning);
  context.log(`serve: listening on ${url} (${table.names().length ? table.names().map((n) => `${n} ${table.versions(n).map((v) => v.version).join(",")}`).join("; ") : "no models yet: not ready until one is loaded"}; admin endpoints ${tokens.admin ? "enabled" : "disabled"})`);
  let stopping;
  return {
    url,
    port,
    table,
    stop() {
      stopping ??= (async () => {
        await server.drain(options.drainSeconds);
        await capture?.close();
        await Promise.all(table.names().flatMap((name) => table.versions(name).map((v) => v.close())));
      })();
      return stopping;
    }
  };
}
function bindWarning(host, hasInferToken) {
  if (hasInferToken || isLoopbackHost(host.includes(":") && !host.startsWith("[") ? `[${host}]` : host)) return void 0;
  return `serve: warning: listening on ${host}, which other machines can reach, without an infer token: anyone who reaches it can call the models. Give --infer-token-file, or bind 127.0.0.1 behind a proxy.`;
}

// cli/commands/serve.ts
var SERVER_VERSION = "0.1.0";
var USAGE = `Usage: mlops serve [--model REF]... [options]
Serves ONNX models over the Open Inference Protocol (v2 REST). See docs/serve.md.
  --model REF              an ONNX file or a registry reference (.mlops/registry:prod,
                           oci://host/repo:tag, \u2026@sha256:\u2026); NAME=REF names it. Repeatable.
                           Without any, the server starts empty and waits for loads.
  --host ADDR              address to bind (default 127.0.0.1)
  --port N                 port (default 8080; 0 picks a free one)
  --admin-token-file F     enables the admin endpoints (load, unload, index, traffic)
  --infer-token-file F     requires a bearer token for data-plane calls
  --capture DIR            append sampled requests/responses as JSON Lines under DIR
  --capture-sample X       fraction of requests captured (default 1)
  --max-batch N            rows per merged session.run (default 64)
  --batch-wait-ms N        how long an idle model waits to fill a batch (default 0)
  --max-body BYTES         largest request body (default 64 MiB)
  --max-tensor-bytes BYTES largest input tensor, elements \xD7 element size (default 256 MiB)
  --max-in-flight N        concurrent inference requests before 429 (default 1024)
  --config FILE            mlops.yml with a serve: section (default mlops.yml if present)
  --insecure               plain HTTP to a loopback registry
Registry credentials: MLOPS_REGISTRY_USERNAME / MLOPS_REGISTRY_PASSWORD.`;
var FLAGS = /* @__PURE__ */ new Set(["model", "host", "port", "admin-token-file", "infer-token-file", "capture", "capture-sample", "max-batch", "batch-wait-ms", "max-body", "max-tensor-bytes", "max-in-flight", "config", "insecure", "help"]);
function number(args, flag, options) {
  const raw = args.flags[flag];
  if (raw === void 0) return void 0;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value) || value < options.min || value > options.max || options.integer !== false && !Number.isInteger(value)) {
    throw new UserError(`--${flag} ${JSON.stringify(raw)} is not ${options.integer !== false ? "an integer" : "a number"} from ${options.min} to ${options.max}`, { hint: "Run `mlops serve --help`." });
  }
  return value;
}
async function serveOptions(args, cwd) {
  for (const flag of Object.keys(args.flags)) {
    if (!FLAGS.has(flag)) throw new UsageError(`mlops serve: unknown option --${flag}`, { hint: "Run `mlops serve --help`." });
  }
  if (args.positionals.length) throw new UsageError(`mlops serve: unexpected argument "${args.positionals[0]}"`, { hint: "Give models with --model REF." });
  const { config } = await loadConfig(cwd, args.flags.config ?? "");
  const section = config.serve ?? {};
  const models = args.all?.model ?? section.models ?? [];
  const captureDir = args.flags.capture ?? section.capture?.dir;
  return {
    host: args.flags.host ?? section.host ?? DEFAULTS.host,
    port: number(args, "port", { min: 0, max: 65535 }) ?? section.port ?? DEFAULTS.port,
    models,
    adminTokenFile: args.flags["admin-token-file"] ?? section.admin_token_file,
    inferTokenFile: args.flags["infer-token-file"] ?? section.infer_token_file,
    capture: captureDir ? {
      dir: captureDir,
      sample: number(args, "capture-sample", { min: 0, max: 1, integer: false }) ?? section.capture?.sample ?? DEFAULTS.captureSample,
      maxFileBytes: section.capture?.max_file_bytes ?? DEFAULTS.captureMaxFileBytes
    } : void 0,
    maxBatch: number(args, "max-batch", { min: 1, max: 65536 }) ?? section.max_batch ?? DEFAULTS.maxBatch,
    batchWaitMs: number(args, "batch-wait-ms", { min: 0, max: 1e3, integer: false }) ?? section.batch_wait_ms ?? DEFAULTS.batchWaitMs,
    maxBody: number(args, "max-body", { min: 1024, max: 4 * 1024 ** 3 }) ?? section.max_body ?? DEFAULTS.maxBody,
    maxTensorBytes: number(args, "max-tensor-bytes", { min: 1024, max: 4 * 1024 ** 3 }) ?? section.max_tensor_bytes ?? DEFAULTS.maxTensorBytes,
    maxJsonDepth: section.max_json_depth ?? DEFAULTS.maxJsonDepth,
    maxInFlight: number(args, "max-in-flight", { min: 1, max: 1e6 }) ?? section.max_in_flight ?? DEFAULTS.maxInFlight,
    maxQueueRows: section.max_queue_rows ?? DEFAULTS.maxQueueRows,
    drainSeconds: section.drain_seconds ?? DEFAULTS.drainSeconds,
    insecure: args.flags.insecure === "true"
  };
}
var serveCommand = {
  async run(args, io) {
    if (args.flags.help === "true") {
      io.out(USAGE);
      return 0;
    }
    const options = await serveOptions(args, io.cwd);
    const host = new LocalHost({ cwd: io.cwd, inputs: {}, env: io.env, summaryPath: "mlops-out/serve-summary.md", out: io.out, err: io.err });
    const log = (line) => host.info(line);
    const server = await startServer(options, { cwd: io.cwd, env: io.env, host, log, serverVersion: SERVER_VERSION });
    await new Promise((resolve3) => {
      const dispose = onTerminationSignals((signal) => {
        dispose();
        log(`serve: ${signal}: draining in-flight requests`);
        void server.stop().then(() => {
          log("serve: stopped");
          resolve3();
        });
      });
    });
    return 0;
  }
};
export {
  SERVER_VERSION,
  serveCommand,
  serveOptions
};
