import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  ANNOTATION,
  RUN_RECORD_MEDIA_TYPE,
  isModelLayer,
  jsonTerminalSafe,
  parseModelReference,
  resolveVersion,
  terminalSafe
} from "./chunk-APGALERZ.js";
import {
  parseRecord,
  readRecord
} from "./chunk-QRSX6AL5.js";
import "./chunk-OSEBCLTD.js";
import "./chunk-C5HFBKMB.js";
import "./chunk-GWCI4O4C.js";
import {
  LocalHost,
  UsageError
} from "./chunk-GUTYRZAD.js";
import "./chunk-A3VPNE7V.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";
import "./chunk-D4RZRY5B.js";

// cli/commands/lineage.ts
import { resolve } from "node:path";

// shared/registry/lineage-evidence.ts
var TOP = 5;
function lineageEvidence(record, digest, extra) {
  const out = { deployments: [] };
  const train = record?.train;
  if (train) out.training = { command: train.command, params: train.params, gpus: train.environment.gpus.map((g) => g.name), started_at: train.started_at, duration_seconds: train.duration_seconds };
  const evaluation = record?.evaluation;
  if (evaluation) {
    const features = evaluation.importance?.features ?? [];
    out.evaluation = {
      verdict: evaluation.verdict,
      baseline: evaluation.baseline?.ref ?? null,
      holdout: { fingerprint: evaluation.data.fingerprint, rows: evaluation.data.rows },
      metrics: Object.fromEntries(Object.entries(evaluation.metrics).map(([name, m]) => [name, { candidate: m.candidate, baseline: m.baseline, delta: m.delta, ci: m.ci, verdict: m.verdict }])),
      fairness: (evaluation.fairness ?? []).map((f) => ({ attribute: f.attribute, metric: f.metric, candidate: f.candidate, baseline: f.baseline, ci: f.ci, candidate_ci: f.candidate_ci, verdict: f.verdict })),
      importance: evaluation.importance ? { metric: evaluation.importance.metric, repeats: evaluation.importance.repeats, rows: evaluation.importance.rows, top: features.filter((f) => f.candidate).slice(0, TOP).map((f) => ({ feature: f.feature, candidate: f.candidate?.mean ?? null, baseline: f.baseline?.mean ?? null })) } : void 0,
      checks: Array.isArray(evaluation.governance) ? evaluation.governance.map((c) => ({ check: String(c.check), outcome: String(c.outcome) })) : []
    };
  }
  if (record?.model_card) out.card = { path: record.model_card.path, sha256: record.model_card.sha256, missing_sections: record.model_card.missing_sections };
  for (const [source, r] of [["stored run record", record], [extra?.path, extra?.record]]) {
    const deploy = r?.deploy;
    if (deploy && deploy.digest === digest) {
      const at = [...r.history].reverse().find((h) => h.stage === "deploy")?.at;
      out.deployments.push({ environment: deploy.environment, status: deploy.status, url: deploy.url, at, source });
    }
  }
  return out;
}
var num = (v) => v === null || v === void 0 || !Number.isFinite(v) ? "n/a" : Number(v.toPrecision(4)).toString();
var range = (ci) => ci ? `[${num(ci[0])}, ${num(ci[1])}]` : "n/a";
function evidenceRows(e) {
  const rows = [];
  if (e.training) {
    const params = e.training.params && Object.keys(e.training.params).length ? ` params ${JSON.stringify(e.training.params)}` : "";
    rows.push(["training run", `${e.training.command}${params}; ${e.training.gpus.length ? e.training.gpus.join(", ") : "CPU"}`]);
  }
  const ev = e.evaluation;
  if (ev) {
    rows.push(["gate evidence", `${ev.verdict}${ev.baseline ? ` against ${ev.baseline}` : " (no baseline)"}${ev.holdout ? ` on ${ev.holdout.rows} rows${ev.holdout.fingerprint ? ` of ${ev.holdout.fingerprint}` : ""}` : ""}`]);
    for (const [name, m] of Object.entries(ev.metrics)) rows.push([`  ${name}`, `${num(m.candidate)}${m.baseline !== void 0 && m.baseline !== null ? ` (baseline ${num(m.baseline)}, \u0394 CI ${range(m.ci)})` : ""} ${m.verdict}`]);
    for (const f of ev.fairness) rows.push([`  fairness`, `${f.metric} over ${f.attribute}: ${num(f.candidate)} CI ${range(f.candidate_ci)}${f.baseline !== null ? ` (baseline ${num(f.baseline)})` : ""} ${f.verdict}`]);
    if (ev.importance) rows.push(["  importance", `drop of ${ev.importance.metric} (${ev.importance.repeats} repeats, ${ev.importance.rows} rows): ${ev.importance.top.map((t) => `${t.feature} ${num(t.candidate)}${t.baseline !== null ? ` (baseline ${num(t.baseline)})` : ""}`).join(", ")}`]);
    if (ev.checks.length) rows.push(["  checks", ev.checks.map((c) => `${c.check} ${c.outcome}`).join(", ")]);
  }
  rows.push(["card", e.card ? `${e.card.path} sha256:${e.card.sha256}${e.card.missing_sections.length ? ` (missing: ${e.card.missing_sections.join(", ")})` : ""}` : "not recorded"]);
  rows.push(["deployments", e.deployments.length ? e.deployments.map((d) => `${d.environment} ${d.status}${d.url ? ` ${d.url}` : ""}${d.at ? ` at ${d.at}` : ""} (${d.source})`).join("; ") : "none recorded"]);
  return rows;
}

// shared/registry/lineage.ts
async function lineageOf(version, localRecord) {
  const { manifest, digest } = version.fetched;
  const annotations = manifest.annotations ?? {};
  const modelLayer = manifest.layers.find(isModelLayer);
  const recordLayer = manifest.layers.find((layer) => layer.mediaType === RUN_RECORD_MEDIA_TYPE);
  let record;
  if (recordLayer) {
    const bytes = await version.reader.blobBytes(recordLayer);
    try {
      record = parseRecord(bytes.toString("utf8"), `${version.ref} (run record)`);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
    }
  }
  const modelSha = modelLayer?.digest.replace(/^sha256:/, "");
  const named = [record?.train?.model?.sha256, record?.evaluation?.model.sha256].filter((s) => typeof s === "string");
  const fingerprint = record?.data?.fingerprint ?? annotations[ANNOTATION.dataFingerprint];
  return {
    reference: version.ref,
    name: version.name,
    version: annotations[ANNOTATION.version] ?? version.tag,
    digest,
    created: annotations[ANNOTATION.created],
    model: modelLayer ? { digest: modelLayer.digest, size: modelLayer.size } : void 0,
    record: recordLayer && record ? { digest: recordLayer.digest, created_at: record.created_at, stages: record.history.map((h) => h.stage) } : void 0,
    data: fingerprint ? { fingerprint, rows: record?.data?.rows, files: record?.data?.files?.map((f) => typeof f === "string" ? f : String(f.path ?? "")) } : void 0,
    training: record?.train ? { command: record.train.command, model_sha256: record.train.model?.sha256 } : void 0,
    gate: { verdict: annotations[ANNOTATION.gateVerdict] ?? "none", ...annotations[ANNOTATION.forceReason] ? { force_reason: annotations[ANNOTATION.forceReason] } : {} },
    commit: annotations[ANNOTATION.revision],
    repository: annotations[ANNOTATION.source],
    run_url: annotations[ANNOTATION.runUrl],
    record_matches_model: named.length && modelSha ? named.every((s) => s === modelSha) : void 0,
    evidence: lineageEvidence(record, digest, localRecord)
  };
}
function formatLineage(l) {
  const rows = [
    ["version", `${l.name} ${l.version ?? "(untagged)"}`],
    ["digest", l.digest],
    ["model", l.model ? `${l.model.digest} (${l.model.size} bytes)` : "no model layer"],
    ["run record", l.record ? `${l.record.digest} (stages: ${l.record.stages.join(" \u2192 ") || "\u2014"})` : "not stored with the version"],
    ["data", l.data ? `${l.data.fingerprint}${l.data.rows !== void 0 ? ` (${l.data.rows} rows)` : ""}` : "unknown"],
    ["training", l.training ? l.training.command : "not recorded"],
    ["gate", `${l.gate.verdict}${l.gate.force_reason ? ` (forced: ${l.gate.force_reason})` : ""}`],
    ["commit", l.commit ? `${l.commit}${l.repository ? ` in ${l.repository}` : ""}` : "unknown"],
    ["run", l.run_url],
    ["record \u2194 model", l.record_matches_model === void 0 ? void 0 : l.record_matches_model ? "the record names this model file" : "MISMATCH: the record names another model file"],
    ...evidenceRows(l.evidence)
  ];
  return [terminalSafe(l.reference), ...rows.filter((r) => r[1] !== void 0).map(([k, v]) => `  ${k.padEnd(15)} ${terminalSafe(v)}`)];
}

// cli/commands/lineage.ts
var USAGE = `Usage: mlops lineage <ref> [--format text|json] [--record <run record>]
  <ref>: <dir>[:<name>]:<tag>, <dir>[:<name>]@sha256:\u2026, oci://host[:port]/repository:<tag>[@sha256:\u2026]
  e.g. mlops lineage .mlops/registry:prod \u2014 what is serving, back to its data and commit.
Options: --format json (or --json) for machines; --record <path>: a local run record whose deploy
  section may name this digest (the deployments since registration);
  --username, --password (or MLOPS_REGISTRY_USERNAME, MLOPS_REGISTRY_PASSWORD), --insecure (loopback only)`;
var KNOWN_FLAGS = /* @__PURE__ */ new Set(["json", "format", "record", "username", "password", "insecure", "help"]);
var lineageCommand = {
  async run(args, io) {
    if (args.flags.help === "true" || args.positionals.length !== 1) {
      io.out(USAGE);
      return args.flags.help === "true" ? 0 : 2;
    }
    for (const flag of Object.keys(args.flags)) if (!KNOWN_FLAGS.has(flag)) throw new UsageError(`mlops lineage: unknown option --${flag}`, { hint: "Run `mlops lineage --help`." });
    const host = new LocalHost({ cwd: io.cwd, inputs: {}, env: io.env, summaryPath: "mlops-out/lineage-summary.md", out: io.err, err: io.err });
    const password = args.flags.password ?? io.env.MLOPS_REGISTRY_PASSWORD;
    if (password) host.setSecret(password);
    const format = args.flags.format ?? (args.flags.json === "true" ? "json" : "text");
    if (format !== "json" && format !== "text") throw new UserError(`mlops lineage: --format is "${format}"; it takes text or json`, { where: { key: "--format" }, hint: "Use --format json for machines." });
    const recordPath = args.flags.record;
    const local = recordPath ? await readRecord(resolve(io.cwd, recordPath), recordPath) : void 0;
    if (recordPath && !local) throw new UserError(`mlops lineage: no run record at ${recordPath}`, { where: { file: recordPath, key: "--record" }, hint: "Point --record at a run record (mlops-out/mlops-run.json), or leave it out." });
    const version = await resolveVersion(io.cwd, parseModelReference(args.positionals[0]), { username: args.flags.username ?? io.env.MLOPS_REGISTRY_USERNAME, password, insecure: args.flags.insecure === "true" }, host);
    const lineage = await lineageOf(version, local && recordPath ? { record: local, path: recordPath } : void 0);
    if (format === "json") io.out(jsonTerminalSafe(JSON.stringify(lineage, null, 2)));
    else for (const line of formatLineage(lineage)) io.out(line);
    return 0;
  }
};
export {
  lineageCommand
};
