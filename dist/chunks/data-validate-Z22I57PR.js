import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  refuseOversizedProfile
} from "./chunk-DE5V7VSJ.js";
import {
  parseCommentMode,
  postReport
} from "./chunk-FAD26O7N.js";
import "./chunk-7TELJOW4.js";
import {
  barChart
} from "./chunk-2AD7AC5U.js";
import {
  validateData
} from "./chunk-6HHSGEJL.js";
import {
  DataProfile
} from "./chunk-S6J5IOI2.js";
import "./chunk-F6PV3AJM.js";
import "./chunk-GG7GAS35.js";
import {
  loadConfig
} from "./chunk-XWE5INN7.js";
import {
  code,
  details,
  enumInput,
  escapeCell,
  escapeText,
  formatNumber,
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
  digitsToTellApart
} from "./chunk-DRKOEN4Q.js";
import "./chunk-65D4D4NJ.js";
import "./chunk-VHYSKZ3L.js";
import "./chunk-A3VPNE7V.js";
import "./chunk-D3INI452.js";
import {
  allowOutsideWorkspace
} from "./chunk-LSBADZCY.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";
import "./chunk-D4RZRY5B.js";

// actions/data-validate/data-validate.ts
import { join, resolve as resolve2 } from "node:path";

// shared/data/validate/findings.ts
function countBySeverity(findings) {
  return {
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length
  };
}

// actions/data-validate/reference.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
async function loadReference(host, spec, configFile) {
  if (/\.json$/i.test(spec)) {
    let parsed;
    try {
      const file = resolve(host.cwd, spec);
      await refuseOversizedProfile(file, spec, { file: spec, key: "reference" });
      parsed = JSON.parse(await readFile(file, "utf8"));
    } catch (error) {
      if (error instanceof UserError) throw error;
      const missing = error.code === "ENOENT";
      const what = missing ? "reference profile not found" : error instanceof SyntaxError ? "reference profile is not valid JSON" : "cannot read the reference profile";
      throw new UserError(missing ? what : `${what} (${error.message})`, {
        where: { file: spec, key: "reference" },
        hint: "Pass the profile JSON an earlier data-validate run wrote (its `profile` output), or the reference data files."
      });
    }
    const result = DataProfile.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new UserError(`not a data profile: ${issue.message} at ${issue.path.join(".") || "(top level)"}`, {
        where: { file: spec, key: "reference" },
        hint: "Pass the profile JSON an earlier data-validate run wrote (its `profile` output)."
      });
    }
    return result.data;
  }
  const source = await resolveData(host.cwd, spec, { allowOutsideWorkspace: allowOutsideWorkspace((name) => host.env(name)) });
  return (await validateData(source, {}, { host, configFile })).profile;
}

// actions/data-validate/report.ts
var MAX_FINDING_ROWS = 100;
var CHART_COLUMNS = 3;
function renderReport(input) {
  const { profile } = input;
  const parts = [];
  const verdict = input.valid ? "\u2705 valid" : "\u274C invalid";
  parts.push(`## Data validation: ${code(input.spec)} \u2014 ${verdict}`);
  parts.push(
    `${profile.rows.toLocaleString("en-US")} rows \xD7 ${profile.columns.length} columns in ${profile.files.length} file${profile.files.length === 1 ? "" : "s"} \xB7 ${input.errors} error${input.errors === 1 ? "" : "s"}, ${input.warnings} warning${input.warnings === 1 ? "" : "s"} (fail-on: ${input.failOn}) \xB7 fingerprint ${code(profile.fingerprint.slice(0, 23))}`
  );
  if (input.findings.length > 0) {
    const rows = input.findings.slice(0, MAX_FINDING_ROWS).map((f) => [
      f.severity === "error" ? "\u274C error" : "\u26A0\uFE0F warning",
      f.column === null ? "\u2014" : code(f.column),
      f.check,
      f.count > 0 ? f.count.toLocaleString("en-US") : "\u2014",
      f.locations.length ? escapeCell(formatLocations(f, profile.files.length > 1)) : "\u2014",
      escapeCell(f.message)
    ]);
    parts.push("### Findings", table(["severity", "column", "check", "rows", "first lines", "detail"], rows, ["l", "l", "l", "r", "l", "l"]));
    if (input.findings.length > MAX_FINDING_ROWS) parts.push(`\u2026and ${input.findings.length - MAX_FINDING_ROWS} more findings in the results JSON.`);
  } else {
    parts.push("No findings: the data meets its contract.");
  }
  if (input.skew.length > 0) {
    const sorted = [...input.skew].sort((a, b) => b.jsd - a.jsd);
    parts.push(
      "### Skew against the reference",
      table(
        ["column", "kind", "PSI", "JS distance", "sampling noise (PSI / JSD)", "rows (current / reference)", "flagged"],
        sorted.map((s) => [
          code(s.column),
          s.kind,
          formatNumber(s.psi, 3),
          formatNumber(s.jsd, 3),
          `${formatNumber(s.psiNoise, 3)} / ${formatNumber(s.jsdNoise, 3)}`,
          `${s.rows.toLocaleString("en-US")} / ${s.referenceRows.toLocaleString("en-US")}`,
          s.psiFlagged || s.jsdFlagged ? "\u26A0\uFE0F yes" : "no"
        ]),
        ["l", "l", "r", "r", "r", "r", "l"]
      )
    );
    for (const s of sorted.slice(0, CHART_COLUMNS)) parts.push(skewChart(s));
  } else {
    const charted = profile.columns.filter((c) => c.histogram && c.histogram.counts.length > 1).slice(0, CHART_COLUMNS);
    if (charted.length) parts.push("### Distributions", ...charted.map(histogramChart));
  }
  parts.push(details("Per-column profile", profileTable(profile.columns)));
  return `${parts.join("\n\n")}
`;
}
function formatLocations(f, withFile) {
  const shown = f.locations.map((l) => withFile ? `${l.file}:${l.line}` : String(l.line)).join(", ");
  return f.count > f.locations.length ? `${shown}, \u2026` : shown;
}
function profileTable(columns) {
  return table(
    ["column", "type", "nulls", "distinct", "min", "mean", "p50", "max", "top values"],
    columns.map((c) => [
      code(c.name),
      c.type,
      `${c.nulls.toLocaleString("en-US")} (${formatNumber(c.null_fraction * 100, 3)}%)`,
      c.distinct === null ? "\u2014" : `\u2248${c.distinct.toLocaleString("en-US")}`,
      escapeCell(value(c.min, c.min_length, "len ")),
      formatNumber(c.mean),
      c.quantiles?.["0.5"] !== void 0 ? formatNumber(c.quantiles["0.5"]) : "\u2014",
      escapeCell(value(c.max, c.max_length, "len ")),
      c.top_values ? escapeCell(c.top_values.slice(0, 3).map((t) => `${t.value} (${t.count})`).join(", ")) : "\u2014"
    ]),
    ["l", "l", "r", "r", "r", "r", "r", "r", "l"]
  );
}
function value(v, length, prefix) {
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "string") return v;
  return length === null ? "\u2014" : `${prefix}${length}`;
}
function skewChart(s) {
  return [
    `**${escapeText(s.column)}** \u2014 share of rows per bin (bars: current, line: reference), JS distance ${formatNumber(s.jsd, 3)}`,
    "",
    barChart({
      title: s.column,
      // The chart alphabet has no `<`: the open lower bin reads "under x".
      labels: s.shares.map((b) => b.label.replace(/^< /, "under ")),
      yLabel: "% of rows",
      bars: [s.shares.map((b) => b.current * 100)],
      lines: [s.shares.map((b) => b.reference * 100)]
    })
  ].join("\n");
}
function histogramChart(c) {
  const h = c.histogram;
  const groups = 20;
  const per = Math.ceil(h.counts.length / groups);
  const counts = [];
  const width = (h.high - h.low) / h.counts.length;
  const starts = [];
  for (let g = 0; g * per < h.counts.length; g++) {
    counts.push(h.counts.slice(g * per, (g + 1) * per).reduce((a, b) => a + b, 0));
    starts.push(h.low + g * per * width);
  }
  const digits = digitsToTellApart(starts, formatNumber, 3, 12);
  const labels = starts.map((start) => formatNumber(start, digits));
  return barChart({ title: c.name, labels, yLabel: "rows", bars: [counts] });
}

// actions/data-validate/data-validate.ts
var DEFAULT_OUT_DIR = "mlops-out/data-validate";
var DEFAULT_MAX_ANNOTATIONS = 50;
var DEFAULT_MAX_LINES = 10;
var dataValidateStage = {
  name: "data-validate",
  readOptions(host) {
    return {
      data: requiredInput(host, "data"),
      configPath: host.input("config").trim(),
      schema: optionalInput(host, "schema"),
      reference: optionalInput(host, "reference"),
      failOn: enumInput(host, "fail-on", ["error", "warning", "never"], "error"),
      recordPath: host.input("record").trim() || DEFAULT_RECORD_PATH,
      outDir: host.input("out-dir").trim() || DEFAULT_OUT_DIR,
      comment: parseCommentMode(host.input("comment") || "auto"),
      token: host.input("github-token")
    };
  },
  async run(options, host) {
    const { config, path: configRead } = await loadConfig(host.cwd, options.configPath);
    const configFile = options.configPath || "mlops.yml";
    const contract = config.data ?? {};
    const source = await resolveData(host.cwd, options.data, { allowOutsideWorkspace: allowOutsideWorkspace((name) => host.env(name)) });
    const schemaCheck = options.schema ? await import("./schema-check-4YZICZ7W.js") : void 0;
    const validateSchema = schemaCheck && options.schema ? await schemaCheck.compileSchema(host.cwd, options.schema) : void 0;
    const reference = options.reference ? await host.group(`${/\.json$/i.test(options.reference) ? "Reading the reference profile" : "Profiling the reference data"} ${options.reference}`, () => loadReference(host, options.reference, configFile)) : void 0;
    if (!config.data) {
      const missing = configRead ? `no data: section in ${configFile}` : `no ${configFile} (so no data contract)`;
      host.warning(`${missing}: only profiling and skew checks run. Start a contract with \`mlops data infer ${options.data}\`${configRead ? "" : ` and save it as the data: section of ${configFile}`}.`);
    }
    const result = await host.group(`Validating ${source.displayFiles.length === 1 ? source.displayFiles[0] : `${source.displayFiles.length} files (${options.data})`}`, async () => {
      const started = Date.now();
      const validation = await validateData(source, contract, { host, configFile, reference, onPhase: (phase) => host.info(`${phase}\u2026`), progress: host });
      host.info(`${validation.rows.toLocaleString("en-US")} rows \xD7 ${validation.profile.columns.length} columns in ${((Date.now() - started) / 1e3).toFixed(1)} s`);
      return validation;
    });
    const findings = [...result.findings];
    if (validateSchema && schemaCheck) {
      const schemaFinding = await host.group(`Checking records against ${options.schema}`, () => schemaCheck.schemaFindings(source, validateSchema, host, contract.max_lines ?? DEFAULT_MAX_LINES));
      if (schemaFinding) findings.push(schemaFinding);
    }
    const { errors, warnings } = countBySeverity(findings);
    const failing = options.failOn === "error" ? errors : options.failOn === "warning" ? errors + warnings : 0;
    const valid = options.failOn === "never" ? errors === 0 : failing === 0;
    annotate(host, findings, source.displayFiles[0], contract.max_annotations ?? DEFAULT_MAX_ANNOTATIONS);
    const outDir = resolve2(host.cwd, options.outDir);
    const display = (name) => join(options.outDir, name).split("\\").join("/");
    const markdown = renderReport({ spec: options.data, valid, failOn: options.failOn, findings, profile: result.profile, skew: result.skew, errors, warnings });
    const results = {
      valid,
      fail_on: options.failOn,
      data: options.data,
      files: result.profile.files,
      fingerprint: result.profile.fingerprint,
      rows: result.rows,
      errors,
      warnings,
      findings,
      skew: result.skew.map(({ shares: _shares, ...rest }) => rest)
    };
    await writeFileAtomic(join(outDir, "profile.json"), `${JSON.stringify(result.profile)}
`);
    await writeFileAtomic(join(outDir, "results.json"), `${JSON.stringify(results, null, 2)}
`);
    await writeFileAtomic(join(outDir, "report.md"), markdown);
    await appendSection(
      resolve2(host.cwd, options.recordPath),
      "data",
      {
        fingerprint: result.profile.fingerprint,
        files: result.profile.files,
        rows: result.rows,
        columns: result.profile.columns.length,
        valid,
        errors,
        warnings,
        profile_path: display("profile.json"),
        results_path: display("results.json"),
        data: options.data,
        profile_summary: result.profile.columns.map((c) => ({ name: c.name, type: c.type, null_fraction: c.null_fraction, distinct: c.distinct ?? void 0, min: c.min, max: c.max, mean: c.mean }))
      },
      runContext(host, "data-validate"),
      options.recordPath
    );
    await postReport({ host, stage: "data-validate", model: options.data, markdown, comment: options.comment, token: options.token });
    const reached = failing > 0 ? `${failing} finding${failing === 1 ? "" : "s"} at or above fail-on=${options.failOn}` : "";
    return {
      outputs: {
        valid: String(valid),
        rows: String(result.rows),
        errors: String(errors),
        warnings: String(warnings),
        fingerprint: result.profile.fingerprint,
        profile: display("profile.json"),
        report: display("report.md"),
        results: display("results.json")
      },
      failure: failing > 0 ? `the data does not meet its contract: ${reached} (see ${display("report.md")})` : void 0
    };
  }
};
function annotate(host, findings, firstFile, cap) {
  let written = 0;
  let total = 0;
  for (const f of findings) {
    const log = (message, annotation) => {
      total += 1;
      if (written >= cap) return;
      written += 1;
      const title = `data-validate: ${f.check}${f.column === null ? "" : ` (${f.column})`}`;
      if (f.severity === "error") host.error(message, { ...annotation, title });
      else host.warning(message, { ...annotation, title });
    };
    if (f.locations.length === 0) log(f.message, { file: firstFile });
    for (const location of f.locations) log(`${f.column === null ? "" : `${f.column}: `}${f.line_message ?? f.message}`, { file: location.file, startLine: location.line });
  }
  if (total > written) host.info(`${total} annotations in all; the first ${written} are shown (max_annotations). Every finding is in the report and results JSON.`);
}
export {
  dataValidateStage
};
