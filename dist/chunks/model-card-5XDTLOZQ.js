import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  intervalCell,
  signedCell,
  undefinedNote,
  valueCell
} from "./chunk-2QQHBHLV.js";
import {
  modelCardKeys
} from "./chunk-LXNBWMDG.js";
import {
  parseCommentMode,
  postReport
} from "./chunk-FAD26O7N.js";
import "./chunk-7TELJOW4.js";
import {
  loadConfig
} from "./chunk-XWE5INN7.js";
import {
  code,
  details,
  escapeCell,
  escapeText,
  formatNumber,
  link,
  listInput,
  requiredInput,
  runContext,
  table
} from "./chunk-D53EVJEJ.js";
import {
  DEFAULT_RECORD_PATH,
  appendSection,
  readRecord
} from "./chunk-QRSX6AL5.js";
import {
  writeFileAtomic
} from "./chunk-OSEBCLTD.js";
import "./chunk-C5HFBKMB.js";
import {
  crypto
} from "./chunk-GWCI4O4C.js";
import {
  suggestKey
} from "./chunk-PZERGBQP.js";
import {
  require_dist
} from "./chunk-W3LLQX65.js";
import "./chunk-A3VPNE7V.js";
import "./chunk-D3INI452.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";
import {
  __toESM
} from "./chunk-D4RZRY5B.js";

// actions/model-card/model-card.ts
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";

// actions/model-card/governance-card.ts
var EVIDENCE_KEYS = ["fairness", "explainability"];
function cardGovernance(record) {
  const evaluation = record?.evaluation;
  if (!evaluation || !evaluation.fairness && !evaluation.importance) return void 0;
  const checks = Array.isArray(evaluation.governance) ? evaluation.governance : [];
  return { fairness: evaluation.fairness, importance: evaluation.importance, checks };
}
function missingEvidence(governance, require2) {
  return require2.filter((key) => key === "fairness" ? !governance?.fairness?.length : key === "explainability" ? !governance?.importance : false);
}
var reasonOf = (f) => typeof f.undefined_reason === "string" ? f.undefined_reason : void 0;
function factorsEvidence(governance) {
  if (!governance?.fairness?.length) return [];
  const byAttribute = /* @__PURE__ */ new Map();
  for (const f of governance.fairness) if (!byAttribute.has(f.attribute)) byAttribute.set(f.attribute, f);
  const lines = ["**Sensitive attributes evaluated** (groups and holdout rows; groups with too few rows are reported, not tested):", ""];
  for (const [attribute, f] of byAttribute) {
    const groups = Object.entries(f.groups).map(([group, rates]) => `${code(group)} ${rates.rows}${f.untested_groups?.includes(group) ? " (not tested)" : ""}`);
    lines.push(`- ${code(attribute)}: ${groups.join(", ")}`);
  }
  lines.push("");
  return lines;
}
function quantitativeEvidence(governance) {
  if (!governance) return [];
  const lines = [];
  if (governance.fairness?.length) {
    const rows = governance.fairness.map((f) => [code(f.attribute), code(f.metric), valueCell(f.candidate), intervalCell(f.candidate_ci), valueCell(f.baseline), intervalCell(f.ci), escapeCell(f.verdict)]);
    lines.push("**Fairness across groups** (fairlearn definitions; bootstrap intervals, paired against the baseline):", "", table(["attribute", "metric", "value", "CI", "baseline", "CI of \u0394", "verdict"], rows), "");
    const note = undefinedNote(governance.fairness.map((f) => ({ name: `${f.metric}(${f.attribute})`, reason: reasonOf(f) })));
    if (note) lines.push(note, "");
  }
  const importance = governance.importance;
  if (importance) {
    const rows = importance.features.filter((f) => f.candidate).slice(0, 10).map((f) => [code(f.feature), valueCell(f.candidate.mean), intervalCell(f.candidate.ci), f.baseline ? valueCell(f.baseline.mean) : "\u2014", f.baseline ? intervalCell(f.baseline.ci) : "\u2014"]);
    lines.push(`**Permutation feature importance** (drop of ${code(importance.metric)}, ${importance.repeats} seeded permutations on ${importance.rows} holdout rows; top ${rows.length}):`, "", table(["feature", "importance", "CI", "baseline", "baseline CI"], rows), "");
  }
  return lines;
}
function checksEvidence(governance) {
  if (!governance?.checks.length) return ["**Governance checks run:** none (no fairness or explainability evidence in the run record; see gate.fairness and gate.explain).", ""];
  return ["**Governance checks run:**", "", ...governance.checks.map((c) => `- ${escapeCell(c.check)}: **${escapeCell(c.outcome)}**${c.detail ? ` (${escapeCell(c.detail)})` : ""}`), ""];
}

// actions/model-card/card-content.ts
function buildCardContent(config, record, here) {
  const name = config.model?.name ?? record?.model?.name ?? "model";
  const content = {
    name,
    task: config.model?.task ?? record?.evaluation?.task ?? record?.model?.task,
    description: config.model_card?.description ?? config.model?.description,
    sections: config.model_card ?? {},
    lineage: { commit: here.commit, repository: here.repository, runUrl: here.run_url, actor: here.actor }
  };
  if (!record) return content;
  const train = record.train;
  if (train) {
    content.training = {
      command: train.command,
      duration_seconds: train.duration_seconds,
      gpus: train.environment.gpus.map((gpu) => gpu.name),
      metrics: train.metrics,
      params: train.params,
      started_at: train.started_at
    };
    if (train.model) content.model = { path: train.model.path, sha256: train.model.sha256, bytes: train.model.bytes };
  }
  const evaluation = record.evaluation;
  if (evaluation) {
    content.model ??= { path: evaluation.model.path, sha256: evaluation.model.sha256 };
    content.evaluation = {
      rows: evaluation.data.rows,
      dataPath: evaluation.data.path,
      dataFingerprint: evaluation.data.fingerprint,
      alpha: evaluation.alpha,
      verdict: evaluation.verdict,
      baseline: evaluation.baseline?.ref,
      metrics: Object.entries(evaluation.metrics).map(([metric, result]) => metricRow(metric, result)),
      slices: (evaluation.slices ?? []).map((slice) => ({
        column: slice.column,
        value: slice.value,
        rows: slice.rows,
        metrics: Object.entries(slice.metrics).map(([metric, result]) => metricRow(metric, result))
      }))
    };
  }
  content.governance = cardGovernance(record);
  const data = record.data;
  if (data) {
    content.data = {
      fingerprint: data.fingerprint,
      rows: data.rows,
      columns: data.columns,
      files: data.files.map((file) => file.path),
      profile: data.profile_summary ?? []
    };
  }
  const trained = [...record.history].reverse().find((entry) => entry.stage === "train") ?? record.history.at(-1) ?? here;
  content.lineage = {
    commit: trained.commit ?? here.commit,
    repository: trained.repository ?? here.repository,
    runUrl: trained.run_url ?? [...record.history].reverse().find((entry) => entry.run_url)?.run_url ?? here.run_url,
    actor: trained.actor ?? here.actor,
    registryRef: record.registry?.reference,
    registryDigest: record.registry?.digest,
    version: record.registry?.version
  };
  return content;
}
function metricRow(name, result) {
  return {
    name,
    value: result.candidate,
    ci: result.candidate_ci ?? void 0,
    baseline: result.baseline,
    delta: result.delta,
    deltaCi: result.ci ?? void 0,
    verdict: result.verdict,
    ...result.undefined_reason ? { undefinedReason: result.undefined_reason } : {}
  };
}
function missingSections(sections, required) {
  return required.filter((key) => {
    const value = sections[key];
    if (value === void 0 || value === null) return true;
    if (typeof value === "string") return value.trim() === "";
    if (Array.isArray(value)) return value.length === 0;
    return false;
  });
}

// actions/model-card/model-card.schema.json
var model_card_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://github.com/mlops-actions/mlops-actions/schema/model-card.schema.json",
  title: "model-card.json",
  type: "object",
  required: ["schema_version", "name", "sections", "missing_sections", "lineage"],
  additionalProperties: false,
  $defs: {
    maybeInterval: { type: ["array", "null"], items: { type: ["number", "null"] }, minItems: 2, maxItems: 2 },
    importance: {
      type: ["object", "null"],
      required: ["mean", "ci"],
      properties: { mean: { type: ["number", "null"] }, ci: { $ref: "#/$defs/maybeInterval" } }
    },
    interval: { type: "array", items: { type: "number" }, minItems: 2, maxItems: 2 },
    metric: {
      type: "object",
      required: ["name", "value"],
      additionalProperties: false,
      properties: {
        name: { type: "string" },
        value: { type: ["number", "null"] },
        ci: { $ref: "#/$defs/interval" },
        baseline: { type: ["number", "null"] },
        delta: { type: ["number", "null"] },
        deltaCi: { $ref: "#/$defs/interval" },
        verdict: { type: "string" },
        undefinedReason: { type: "string" }
      }
    }
  },
  properties: {
    schema_version: { const: 1 },
    name: { type: "string", minLength: 1 },
    task: { enum: ["classification", "regression"] },
    description: { type: "string" },
    sections: {
      type: "object",
      additionalProperties: false,
      properties: {
        owners: { type: "array", items: { type: "string" } },
        references: { type: "array", items: { type: "string" } },
        license: { type: "string" },
        description: { type: "string" },
        version_notes: { type: "string" },
        citation: { type: "string" },
        contact: { type: "string" },
        intended_use: { type: "string" },
        out_of_scope: { type: "string" },
        factors: { type: "string" },
        metrics: { type: "string" },
        training_data: { type: "string" },
        evaluation_data: { type: "string" },
        ethical_considerations: { type: "string" },
        limitations: { type: "string" },
        caveats: { type: "string" }
      }
    },
    missing_sections: { type: "array", items: { type: "string" } },
    model: {
      type: "object",
      additionalProperties: false,
      properties: {
        path: { type: "string" },
        sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
        bytes: { type: "integer", minimum: 0 }
      }
    },
    training: {
      type: "object",
      required: ["command", "duration_seconds", "gpus", "metrics", "started_at"],
      additionalProperties: false,
      properties: {
        command: { type: "string" },
        duration_seconds: { type: "number", minimum: 0 },
        gpus: { type: "array", items: { type: "string" } },
        metrics: { type: "object", additionalProperties: { type: "number" } },
        params: { type: "object" },
        started_at: { type: "string" }
      }
    },
    evaluation: {
      type: "object",
      required: ["rows", "dataPath", "alpha", "verdict", "metrics", "slices"],
      additionalProperties: false,
      properties: {
        rows: { type: "integer", minimum: 0 },
        dataPath: { type: "string" },
        dataFingerprint: { type: "string" },
        alpha: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 },
        verdict: { enum: ["pass", "fail", "inconclusive", "insufficient-evidence"] },
        baseline: { type: "string" },
        metrics: { type: "array", items: { $ref: "#/$defs/metric" } },
        slices: {
          type: "array",
          items: {
            type: "object",
            required: ["column", "value", "rows", "metrics"],
            additionalProperties: false,
            properties: {
              column: { type: "string" },
              value: { type: "string" },
              rows: { type: "integer", minimum: 0 },
              metrics: { type: "array", items: { $ref: "#/$defs/metric" } }
            }
          }
        }
      }
    },
    data: {
      type: "object",
      required: ["fingerprint", "rows", "files", "profile"],
      additionalProperties: false,
      properties: {
        fingerprint: { type: "string" },
        rows: { type: "integer", minimum: 0 },
        columns: { type: "integer", minimum: 0 },
        files: { type: "array", items: { type: "string" } },
        profile: {
          type: "array",
          items: {
            type: "object",
            required: ["name", "type"],
            properties: { name: { type: "string" }, type: { type: "string" } }
          }
        }
      }
    },
    governance: {
      description: "Governance evidence from evaluate-gate: fairness across groups, permutation importance, the checks that ran.",
      type: "object",
      required: ["checks"],
      additionalProperties: false,
      properties: {
        fairness: {
          type: "array",
          items: {
            type: "object",
            required: ["attribute", "metric", "groups", "candidate", "verdict"],
            properties: {
              attribute: { type: "string" },
              metric: { type: "string" },
              groups: { type: "object" },
              candidate: { type: ["number", "null"] },
              baseline: { type: ["number", "null"] },
              ci: { $ref: "#/$defs/maybeInterval" },
              candidate_ci: { $ref: "#/$defs/maybeInterval" },
              verdict: { type: "string" }
            }
          }
        },
        importance: {
          type: "object",
          required: ["metric", "repeats", "rows", "features"],
          properties: {
            metric: { type: "string" },
            repeats: { type: "integer" },
            rows: { type: "integer" },
            features: {
              type: "array",
              items: {
                type: "object",
                required: ["feature", "candidate", "baseline"],
                properties: {
                  feature: { type: "string" },
                  candidate: { $ref: "#/$defs/importance" },
                  baseline: { $ref: "#/$defs/importance" }
                }
              }
            }
          }
        },
        checks: {
          type: "array",
          items: {
            type: "object",
            required: ["check", "outcome"],
            properties: { check: { type: "string" }, outcome: { type: "string" }, detail: { type: "string" } }
          }
        }
      }
    },
    lineage: {
      type: "object",
      additionalProperties: false,
      properties: {
        commit: { type: "string" },
        repository: { type: "string" },
        runUrl: { type: "string" },
        actor: { type: "string" },
        registryRef: { type: "string" },
        registryDigest: { type: "string" },
        version: { type: "string" }
      }
    }
  }
};

// actions/model-card/card-json.ts
var CARD_JSON_VERSION = 1;
function cardJson(card, missing) {
  return JSON.parse(
    JSON.stringify({
      schema_version: CARD_JSON_VERSION,
      name: card.name,
      task: card.task,
      description: card.description,
      sections: card.sections,
      missing_sections: missing,
      model: card.model,
      training: card.training,
      evaluation: card.evaluation,
      data: card.data,
      governance: card.governance,
      lineage: card.lineage
    })
  );
}
var compiled;
function validator() {
  compiled ??= import("./2020-CAQ6HLEE.js").then((module) => {
    const Ajv2020 = module.Ajv2020 ?? module.default.Ajv2020;
    return new Ajv2020({ allErrors: true, strict: true }).compile(model_card_schema_default);
  });
  return compiled;
}
async function validateCardJson(value) {
  const validate = await validator();
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? "is invalid"}`);
}

// actions/model-card/render-markdown.ts
var import_yaml = __toESM(require_dist(), 1);
var EMPTY = "_Not provided. Add it to the `model_card` section of mlops.yml._";
function renderCardMarkdown(card) {
  const parts = [frontMatter(card), `# Model card: ${escapeText(card.name)}`, ""];
  if (card.description) parts.push(escapeText(card.description), "");
  parts.push(...modelDetails(card));
  parts.push(...prose("Intended use", [["Primary intended uses", card.sections.intended_use], ["Out-of-scope uses", card.sections.out_of_scope]]));
  parts.push(...prose("Factors", [["", card.sections.factors]]), ...factorsEvidence(card.governance));
  parts.push(...metricsSection(card));
  parts.push(...evaluationData(card));
  parts.push(...trainingData(card));
  parts.push(...quantitative(card));
  parts.push(...prose("Ethical considerations", [["", card.sections.ethical_considerations]]), ...checksEvidence(card.governance));
  parts.push(...prose("Caveats and recommendations", [["Limitations", card.sections.limitations], ["Caveats and recommendations", card.sections.caveats]]));
  parts.push(...lineage(card));
  return `${parts.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}
`;
}
function withoutFrontMatter(markdown) {
  return markdown.replace(/^---\n[\s\S]*?\n---\n+/, "");
}
function frontMatter(card) {
  const pipeline = card.task === "regression" ? "tabular-regression" : card.task === "classification" ? "tabular-classification" : void 0;
  const meta = {};
  if (card.sections.license) meta.license = card.sections.license;
  meta.library_name = "onnx";
  meta.tags = ["mlops-actions", "onnx", ...pipeline ? [pipeline] : []];
  if (pipeline) meta.pipeline_tag = pipeline;
  if (card.evaluation) {
    const metrics = card.evaluation.metrics.filter((metric) => typeof metric.value === "number").map((metric) => ({ type: metric.name, value: metric.value, name: metric.name }));
    meta["model-index"] = [
      {
        name: card.name,
        results: [
          {
            task: { type: pipeline ?? "tabular", name: pipeline ?? "tabular" },
            dataset: { name: card.evaluation.dataPath, type: card.evaluation.dataPath, split: "holdout" },
            metrics
          }
        ]
      }
    ];
  }
  return `---
${(0, import_yaml.stringify)(meta, { lineWidth: 0 }).trimEnd()}
---
`;
}
function prose(title, entries) {
  const lines = [`## ${title}`, ""];
  for (const [label, text] of entries) {
    if (label) lines.push(`**${label}.** ${text?.trim() ? escapeText(text.trim()) : EMPTY}`, "");
    else lines.push(text?.trim() ? escapeText(text.trim()) : EMPTY, "");
  }
  return lines;
}
function modelDetails(card) {
  const rows = [];
  const add = (label, value) => value && rows.push([label, value]);
  add("Name", escapeCell(card.name));
  add("Task", card.task && escapeCell(card.task));
  add("Version", card.lineage.version && escapeCell(card.lineage.version));
  add("Owners", card.sections.owners?.map(escapeCell).join(", "));
  add("Licence", card.sections.license && escapeCell(card.sections.license));
  add("Model file", card.model?.path && code(card.model.path));
  add("Model sha256", card.model?.sha256 && code(card.model.sha256));
  add("Model size", card.model?.bytes !== void 0 ? `${card.model.bytes} bytes` : void 0);
  add("Contact", card.sections.contact && escapeCell(card.sections.contact));
  add("Citation", card.sections.citation && escapeCell(card.sections.citation));
  const lines = ["## Model details", "", table(["", ""], rows), ""];
  if (card.sections.version_notes) lines.push(`**What changed.** ${escapeText(card.sections.version_notes)}`, "");
  if (card.training) {
    lines.push(`Trained with ${code(card.training.command)} in ${formatNumber(card.training.duration_seconds)} s${card.training.gpus.length ? ` on ${card.training.gpus.map(escapeCell).join(", ")}` : " on CPU"}, started ${card.training.started_at}.`, "");
    if (card.training.params && Object.keys(card.training.params).length) {
      const paramRows = Object.entries(card.training.params).map(([key, value]) => [escapeCell(key), code(JSON.stringify(value) ?? String(value))]);
      lines.push(details("Training parameters", table(["parameter", "value"], paramRows)), "");
    }
  }
  if (card.sections.references?.length) lines.push("**References.**", "", ...card.sections.references.map((ref) => `- ${/^https?:\/\//.test(ref) ? link(ref, ref) : escapeText(ref)}`), "");
  return lines;
}
function metricsSection(card) {
  const lines = ["## Metrics", ""];
  lines.push(card.sections.metrics?.trim() ? escapeText(card.sections.metrics.trim()) : EMPTY, "");
  if (card.evaluation) {
    const confidence = formatNumber((1 - card.evaluation.alpha) * 100, 3);
    lines.push(`Intervals are ${confidence} % confidence intervals (paired bootstrap over holdout rows). Gate verdict: **${escapeText(card.evaluation.verdict)}**.`, "");
  }
  return lines;
}
function evaluationData(card) {
  const lines = ["## Evaluation data", ""];
  lines.push(card.sections.evaluation_data?.trim() ? escapeText(card.sections.evaluation_data.trim()) : EMPTY, "");
  if (card.evaluation) {
    lines.push(`Holdout ${code(card.evaluation.dataPath)}: ${card.evaluation.rows} rows${card.evaluation.dataFingerprint ? `, fingerprint ${code(card.evaluation.dataFingerprint)}` : ""}.`, "");
  }
  return lines;
}
function trainingData(card) {
  const lines = ["## Training data", ""];
  lines.push(card.sections.training_data?.trim() ? escapeText(card.sections.training_data.trim()) : EMPTY, "");
  const data = card.data;
  if (data) {
    lines.push(`${data.rows} rows${data.columns !== void 0 ? ` \xD7 ${data.columns} columns` : ""} from ${data.files.map(code).join(", ")}; fingerprint ${code(data.fingerprint)}.`, "");
    if (data.profile.length) {
      const rows = data.profile.map((column) => [
        escapeCell(column.name),
        escapeCell(column.type),
        formatNumber(column.null_fraction),
        column.distinct === void 0 ? "\u2014" : String(column.distinct),
        profileValue(column.min),
        profileValue(column.max),
        formatNumber(column.mean)
      ]);
      lines.push(details("Data profile", table(["column", "type", "null fraction", "distinct", "min", "max", "mean"], rows)), "");
    }
  }
  return lines;
}
function profileValue(value) {
  if (typeof value === "number") return formatNumber(value);
  if (value === void 0 || value === null) return "\u2014";
  return escapeCell(String(value));
}
function quantitative(card) {
  const lines = ["## Quantitative analyses", ""];
  const evaluation = card.evaluation;
  if (!evaluation && !card.training) {
    lines.push("_No evaluation in the run record: run the evaluate-gate stage before model-card to fill this section._", "");
    return lines;
  }
  if (evaluation) {
    const hasBaseline = evaluation.metrics.some((metric) => metric.baseline !== void 0 && metric.baseline !== null);
    const header = hasBaseline ? ["metric", "value", "CI", "baseline", "\u0394", "CI of \u0394", "verdict"] : ["metric", "value", "CI", "verdict"];
    lines.push(`On the holdout (${evaluation.rows} rows)${evaluation.baseline ? `, against baseline ${code(evaluation.baseline)}` : ""}:`, "", metricTable(header, evaluation.metrics, hasBaseline), "");
    for (const slice of evaluation.slices) {
      lines.push(details(`Slice ${slice.column} = ${slice.value} (${slice.rows} rows)`, metricTable(["metric", "value", "CI", "verdict"], slice.metrics, false)), "");
    }
  }
  lines.push(...quantitativeEvidence(card.governance));
  if (card.training && Object.keys(card.training.metrics).length) {
    const rows = Object.entries(card.training.metrics).map(([name, value]) => [escapeCell(name), formatNumber(value)]);
    lines.push("Metrics reported by the training run (on its own data, not the holdout):", "", table(["metric", "value"], rows), "");
  }
  return lines;
}
function metricCells(metric, withBaseline) {
  const cells = [escapeCell(metric.name), valueCell(metric.value), intervalCell(metric.ci)];
  if (withBaseline) cells.push(valueCell(metric.baseline), signedCell(metric.delta), intervalCell(metric.deltaCi));
  cells.push(metric.verdict ? escapeCell(metric.verdict) : "\u2014");
  return cells;
}
function metricTable(header, metrics, withBaseline) {
  const rendered = table(header, metrics.map((metric) => metricCells(metric, withBaseline)));
  const note = undefinedNote(metrics.map((metric) => ({ name: metric.name, reason: metric.undefinedReason })));
  return note ? `${rendered}

${note}` : rendered;
}
function lineage(card) {
  const { commit, repository, runUrl, registryRef, registryDigest, actor } = card.lineage;
  const rows = [];
  if (commit) rows.push(["Commit", repository ? link(commit.slice(0, 12), `https://github.com/${repository}/commit/${commit}`) : code(commit)]);
  if (runUrl) rows.push(["Workflow run", link(runUrl, runUrl)]);
  if (actor) rows.push(["Actor", escapeCell(actor)]);
  if (registryRef) rows.push(["Registry reference", code(registryRef)]);
  if (registryDigest) rows.push(["Registry digest", code(registryDigest)]);
  if (card.data) rows.push(["Training data fingerprint", code(card.data.fingerprint)]);
  if (card.evaluation?.dataFingerprint) rows.push(["Holdout fingerprint", code(card.evaluation.dataFingerprint)]);
  if (!rows.length) return ["## Lineage", "", "_No lineage recorded yet: the run record has no commit, run or registry entry._", ""];
  return ["## Lineage", "", table(["", ""], rows), ""];
}

// actions/model-card/model-card.ts
var modelCardStage = {
  name: "model-card",
  readOptions(host) {
    const record = host.input("record").trim() || DEFAULT_RECORD_PATH;
    const require2 = listInput(host, "require");
    for (const key of require2) {
      const allowed = [...modelCardKeys, ...EVIDENCE_KEYS];
      if (!allowed.includes(key)) {
        const guess = suggestKey(key, allowed);
        throw new UserError(`input "require" names "${key}", which is not a model_card key or evidence (fairness, explainability)`, {
          where: { key: "require" },
          hint: guess ? `Did you mean "${guess}"?` : `Keys: ${allowed.join(", ")}.`
        });
      }
    }
    return {
      recordPath: record,
      recordExplicit: record !== DEFAULT_RECORD_PATH,
      configPath: host.input("config").trim(),
      outPath: requiredInput(host, "out"),
      require: require2,
      comment: parseCommentMode(host.input("comment")),
      token: host.input("github-token")
    };
  },
  async run(options, host) {
    const { config } = await loadConfig(host.cwd, options.configPath);
    const recordFile = resolve(host.cwd, options.recordPath);
    if (options.recordExplicit && !existsSync(recordFile)) {
      throw new UserError("run record not found", {
        where: { file: options.recordPath, key: "record" },
        hint: "Run the earlier stages first, or leave `record` empty to make the card from mlops.yml alone."
      });
    }
    const record = await readRecord(recordFile, options.recordPath);
    if (!record) {
      host.warning(`no run record at ${options.recordPath}: the card is made from mlops.yml alone and its quantitative sections are empty.`);
    }
    const context = runContext(host, "model-card");
    const content = buildCardContent(config, record, context);
    const missing = missingSections(content.sections, options.require.filter((key) => !EVIDENCE_KEYS.includes(key)));
    const missingGovernance = missingEvidence(content.governance, options.require);
    const markdown = renderCardMarkdown(content);
    const json = cardJson(content, missing);
    const problems = await validateCardJson(json);
    if (problems.length) throw new Error(`model-card.json failed its own schema: ${problems.join("; ")}`);
    const outFile = resolve(host.cwd, options.outPath);
    const jsonFile = join(dirname(outFile), "model-card.json");
    await writeFileAtomic(outFile, markdown);
    await writeFileAtomic(jsonFile, `${JSON.stringify(json, null, 2)}
`);
    const display = (file) => {
      const path = relative(host.cwd, file);
      return path && !path.startsWith("..") && !isAbsolute(path) ? path : file;
    };
    host.info(`model card written to ${display(outFile)} and ${display(jsonFile)}`);
    if (record || !options.recordExplicit) {
      await appendSection(
        recordFile,
        "model_card",
        {
          path: display(outFile),
          json_path: display(jsonFile),
          sha256: crypto().createHash("sha256").update(markdown).digest("hex"),
          missing_sections: missing
        },
        context,
        options.recordPath
      );
    }
    await postReport({ host, stage: "model-card", model: content.name, markdown: withoutFrontMatter(markdown), comment: options.comment, token: options.token });
    return {
      outputs: { path: display(outFile), json: display(jsonFile) },
      failure: missing.length ? `required model card sections are empty: ${missing.join(", ")} (fill them in the model_card section of mlops.yml)` : missingGovernance.length ? `required governance evidence is missing from the run record: ${missingGovernance.join(", ")} (set ${missingGovernance.map((key) => key === "fairness" ? "gate.fairness" : "gate.explain or the explain input").join(" and ")} for evaluate-gate)` : void 0
    };
  }
};
export {
  modelCardStage
};
