#!/usr/bin/env node
import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  validateData
} from "./chunks/chunk-KUODGVBJ.js";
import {
  resolveData
} from "./chunks/chunk-VUT7XA4V.js";
import {
  safeTitle
} from "./chunks/chunk-W2HNLKKE.js";
import {
  ANNOTATION,
  OciLayout,
  RemoteRepository,
  hexOf,
  isVersionTag,
  parseModelReference,
  parseRegistryLocation,
  remoteHttp,
  remoteRepository,
  resolveVersion,
  sortTags,
  validateModelName
} from "./chunks/chunk-WK5636NJ.js";
import {
  configJsonSchema
} from "./chunks/chunk-Q3V3TFIP.js";
import {
  writeFileAtomic
} from "./chunks/chunk-YVVIEIOO.js";
import {
  STAGES,
  isExpression,
  isStageName,
  loadStage,
  readActionSpec
} from "./chunks/chunk-YHK3LOZ3.js";
import "./chunks/chunk-4O4B5WTO.js";
import {
  suggestKey
} from "./chunks/chunk-PZERGBQP.js";
import {
  external_exports,
  require_dist
} from "./chunks/chunk-43LAL4DT.js";
import {
  readGitHubContext,
  runStage
} from "./chunks/chunk-DZMNVV4L.js";
import "./chunks/chunk-PY3R7CMG.js";
import {
  UserError,
  isUserError
} from "./chunks/chunk-OIBAWGZR.js";
import {
  __toESM
} from "./chunks/chunk-D4RZRY5B.js";

// cli/args.ts
function parseArgs(argv) {
  const flags = {};
  const positionals = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--") || arg === "--") {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    if (eq > 2) {
      flags[arg.slice(2, eq)] = arg.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (next !== void 0 && !next.startsWith("--")) {
        flags[arg.slice(2)] = next;
        i++;
      } else {
        flags[arg.slice(2)] = "true";
      }
    }
  }
  return { flags, positionals };
}

// cli/commands/data.ts
var import_yaml = __toESM(require_dist(), 1);
import { resolve as resolve2 } from "node:path";

// shared/data/infer.ts
var MAX_DOMAIN = 20;
function inferContract(profile) {
  const columns = {};
  for (const c of profile.columns) {
    const type = c.type === "integer" || c.type === "number" || c.type === "string" || c.type === "boolean" || c.type === "date" || c.type === "timestamp" ? c.type : void 0;
    const column = {};
    if (type) column.type = type;
    if (c.nulls === 0) column.nullable = false;
    const domain = c.value_counts ? Object.keys(c.value_counts) : [];
    const distinct = c.value_counts ? domain.length : c.distinct;
    const keyLike = c.count === profile.rows && c.count > MAX_DOMAIN && distinct !== null && (c.value_counts ? distinct === c.count : distinct >= 0.99 * c.count);
    if ((type === "string" || type === "integer") && domain.length > 0 && domain.length <= MAX_DOMAIN && !keyLike) {
      column.values = type === "integer" ? domain.map(Number).sort((a, b) => a - b) : domain.sort();
    } else if ((type === "integer" || type === "number") && typeof c.min === "number" && typeof c.max === "number") {
      column.min = c.min;
      column.max = c.max;
    } else if ((type === "date" || type === "timestamp") && typeof c.min === "string" && typeof c.max === "string") {
      column.min = c.min;
      column.max = c.max;
    }
    if (keyLike && (type === "string" || type === "integer")) column.unique = true;
    columns[c.name] = column;
  }
  return { rows: { min: 1 }, unexpected_columns: "error", columns };
}

// shared/host/local-host.ts
import { appendFile, mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
var LocalHost = class {
  constructor(options) {
    this.options = options;
    this.cwd = options.cwd;
    this.out = options.out ?? ((line) => process.stdout.write(`${line}
`));
    this.err = options.err ?? ((line) => process.stderr.write(`${line}
`));
  }
  options;
  kind = "local";
  cwd;
  outputs = {};
  secrets = /* @__PURE__ */ new Set();
  out;
  err;
  input(name) {
    return this.options.inputs[name] ?? "";
  }
  setOutput(name, value) {
    this.outputs[name] = value;
  }
  setSecret(value) {
    if (value) this.secrets.add(value);
  }
  mask(text) {
    let masked = text;
    for (const secret of this.secrets) masked = masked.split(secret).join("***");
    return masked;
  }
  debug(message) {
    if (this.options.env.MLOPS_DEBUG) this.err(this.mask(`debug: ${message}`));
  }
  info(message) {
    this.out(this.mask(message));
  }
  notice(message, annotation) {
    this.err(this.mask(`notice: ${where(annotation, message)}${message}`));
  }
  warning(message, annotation) {
    this.err(this.mask(`warning: ${where(annotation, message)}${message}`));
  }
  error(message, annotation) {
    this.err(this.mask(`error: ${where(annotation, message)}${message}`));
  }
  async group(title, fn) {
    this.out(`\u25B6 ${title}`);
    return fn();
  }
  async appendSummary(markdown) {
    const path = resolve(this.cwd, this.options.summaryPath);
    await mkdir(dirname(path), { recursive: true });
    await appendFile(path, `${markdown}
`);
  }
  async uploadArtifact(name) {
    this.notice(`artifact "${name}" not uploaded: artifacts exist only inside GitHub Actions`);
    return void 0;
  }
  async restoreCache() {
    return void 0;
  }
  async saveCache() {
  }
  env(name) {
    return this.options.env[name] || void 0;
  }
  github(token) {
    return readGitHubContext((n) => this.env(n), token ?? (this.input("github-token") || this.env("GITHUB_TOKEN") || ""), (m) => this.warning(m));
  }
};
function where(annotation, message) {
  if (!annotation?.file || message.includes(annotation.file)) return "";
  return `${annotation.file}${annotation.startLine ? `:${annotation.startLine}` : ""}: `;
}

// cli/commands/data.ts
var USAGE = "mlops data infer <data path or glob> [--out mlops.data.yml]";
var dataCommand = {
  summary: "infer <data> [--out file]: write a starting data contract (the data: section of mlops.yml) from the data.",
  async run(args, io) {
    const [sub, spec, ...rest] = args.positionals;
    if (sub !== "infer" || !spec || rest.length > 0) {
      throw new UserError(sub && sub !== "infer" ? `unknown data command "${sub}"` : "mlops data infer needs a data path", { hint: `Usage: ${USAGE}` });
    }
    for (const flag of Object.keys(args.flags)) {
      if (flag !== "out") throw new UserError(`mlops data infer: unknown option --${flag}`, { hint: `Usage: ${USAGE}` });
    }
    const out = args.flags.out ?? "mlops.data.yml";
    const host = new LocalHost({ cwd: io.cwd, inputs: {}, env: io.env, summaryPath: "mlops-out/data-infer-summary.md", out: io.out, err: io.err });
    const source = await resolveData(io.cwd, spec);
    const { profile } = await validateData(source, {}, { host, configFile: out });
    const contract = inferContract(profile);
    const text = `# Starting data contract inferred by \`mlops data infer ${spec}\` from ${profile.rows} rows (fingerprint ${profile.fingerprint}).
# Review it: ranges and value lists are what this data happens to hold. Paste the data: section into mlops.yml.
` + (0, import_yaml.stringify)({ data: contract }, { lineWidth: 0, flowCollectionPadding: true, collectionStyle: "block" });
    await writeFileAtomic(resolve2(io.cwd, out), text);
    io.out(`wrote ${out}: a contract for ${profile.columns.length} columns; review it, then copy its data: section into mlops.yml`);
    return 0;
  }
};

// shared/registry/catalog.ts
var Metrics = external_exports.record(external_exports.string(), external_exports.number());
async function summarizeRepository(reader, name) {
  const tags = sortTags(await reader.tags());
  const byDigest = /* @__PURE__ */ new Map();
  for (const tag of tags) {
    const fetched = await reader.manifest(tag);
    if (!fetched) continue;
    const entry = byDigest.get(fetched.digest) ?? { tags: [], annotations: fetched.manifest.annotations ?? {} };
    entry.tags.push(tag);
    if (isVersionTag(tag, fetched.manifest)) entry.versionTag = tag;
    byDigest.set(fetched.digest, entry);
  }
  const summaries = [];
  for (const [digest, entry] of byDigest) {
    let metrics = {};
    try {
      const parsed = Metrics.safeParse(JSON.parse(entry.annotations[ANNOTATION.metrics] ?? "{}"));
      if (parsed.success) metrics = parsed.data;
    } catch {
    }
    summaries.push({
      name,
      version: entry.versionTag ?? "(untagged version)",
      digest,
      aliases: entry.tags.filter((tag) => tag !== entry.versionTag),
      created: entry.annotations[ANNOTATION.created],
      gate: entry.annotations[ANNOTATION.gateVerdict],
      forced: entry.annotations[ANNOTATION.forceReason],
      metrics
    });
  }
  const order = sortTags(summaries.map((s) => s.version));
  return summaries.sort((a, b) => order.indexOf(a.version) - order.indexOf(b.version));
}

// shared/registry/pull.ts
import { randomBytes } from "node:crypto";
import { mkdir as mkdir2, rename, rm } from "node:fs/promises";
import { join, resolve as resolve3 } from "node:path";
async function pullVersion(version, cwd, dir) {
  const target = resolve3(cwd, dir);
  await mkdir2(target, { recursive: true });
  const { manifest } = version.fetched;
  if (manifest.layers.length === 0) throw new UserError(`${version.ref} has no layers`);
  const names = /* @__PURE__ */ new Set();
  const files = [];
  const staging = join(target, `.pull-${randomBytes(6).toString("hex")}`);
  await mkdir2(staging);
  try {
    await version.reader.blobBytes(manifest.config);
    for (const layer of manifest.layers) {
      let name = safeTitle(layer.annotations?.[ANNOTATION.title] ?? "", hexOf(layer.digest));
      if (names.has(name)) name = `${hexOf(layer.digest).slice(0, 12)}-${name}`;
      names.add(name);
      await version.reader.blobToFile(layer, join(staging, name));
      files.push({ path: join(dir, name), digest: layer.digest, mediaType: layer.mediaType, size: layer.size });
    }
    for (const name of names) await rename(join(staging, name), join(target, name));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  await writeFileAtomic(join(target, "manifest.json"), version.fetched.bytes);
  return files;
}

// cli/commands/registry.ts
var USAGE2 = `Usage:
  mlops registry list <registry> [--name <model>]     versions, aliases, digests, gate, key metrics
  mlops registry show <ref> [--json]                  one version: annotations and layers
  mlops registry pull <ref> <dir>                     download a version, verifying every digest
<registry>: a layout directory (.mlops/registry) or oci://host[:port]/repository
<ref>: <dir>[:<name>]:<tag>, <dir>[:<name>]@sha256:\u2026, oci://host[:port]/repository:<tag>[@sha256:\u2026]
Options: --username, --password (or MLOPS_REGISTRY_USERNAME, MLOPS_REGISTRY_PASSWORD), --insecure (loopback only)`;
var KNOWN_FLAGS = /* @__PURE__ */ new Set(["name", "json", "username", "password", "insecure", "help"]);
var registryCommand = {
  summary: "list, show and pull registered model versions",
  async run(args, io) {
    const [action, ...rest] = args.positionals;
    if (!action || args.flags.help === "true") {
      io.out(USAGE2);
      return args.flags.help === "true" ? 0 : 2;
    }
    for (const flag of Object.keys(args.flags)) if (!KNOWN_FLAGS.has(flag)) throw new UserError(`mlops registry: unknown option --${flag}`, { hint: "Run `mlops registry --help`." });
    const host = new LocalHost({ cwd: io.cwd, inputs: {}, env: io.env, summaryPath: "mlops-out/registry-summary.md", out: io.err, err: io.err });
    const access = accessFrom(args, io, host);
    if (action === "list") return list(expectArgs(rest, 1, "list <registry>")[0], args, access, io, host);
    if (action === "show") return show(expectArgs(rest, 1, "show <ref>")[0], args, access, io, host);
    if (action === "pull") {
      const [ref, dir] = expectArgs(rest, 2, "pull <ref> <dir>");
      const version = await resolveVersion(io.cwd, parseModelReference(ref), access, host);
      const files = await pullVersion(version, io.cwd, dir);
      io.out(`pulled ${version.ref}`);
      for (const file of files) io.out(`  ${file.path}  ${file.digest}  ${file.size} bytes  (verified)`);
      return 0;
    }
    throw new UserError(`mlops registry: unknown action "${action}"`, { hint: "Use list, show or pull." });
  }
};
function expectArgs(rest, count, usage2) {
  if (rest.length !== count) throw new UserError(`mlops registry ${usage2}: expected ${count} argument${count > 1 ? "s" : ""}, got ${rest.length}`, { hint: "Run `mlops registry --help`." });
  return rest;
}
function accessFrom(args, io, host) {
  const username = args.flags.username ?? io.env.MLOPS_REGISTRY_USERNAME;
  const password = args.flags.password ?? io.env.MLOPS_REGISTRY_PASSWORD;
  if (password) host.setSecret(password);
  return { username, password, insecure: args.flags.insecure === "true" };
}
async function list(registry, args, access, io, host) {
  const location = parseRegistryLocation(registry, "registry");
  const summaries = [];
  if (location.kind === "layout") {
    const layout = await OciLayout.open(io.cwd, location.dir);
    const names = args.flags.name ? [validateModelName(args.flags.name)] : await layout.names();
    for (const name of names) summaries.push(...await summarizeRepository(layout.repository(name), name));
  } else {
    if (!location.path && !args.flags.name) throw new UserError("give the repository: oci://host/repository, or --name", { where: { key: "registry" } });
    const repository = args.flags.name ? remoteRepository(location, validateModelName(args.flags.name)) : location.path;
    const reader = new RemoteRepository(remoteHttp(location, access, host), repository);
    summaries.push(...await summarizeRepository(reader, repository.split("/").pop()));
  }
  if (args.flags.json === "true") {
    io.out(JSON.stringify(summaries, null, 2));
    return 0;
  }
  if (!summaries.length) {
    io.out(`${registry}: no versions`);
    return 0;
  }
  const rows = summaries.map((s) => [
    s.name,
    s.version,
    s.aliases.join(",") || "-",
    s.digest.slice(0, 19),
    s.gate ? `${s.gate}${s.forced ? " (forced)" : ""}` : "-",
    Object.entries(s.metrics).slice(0, 3).map(([k, v]) => `${k}=${Number(v.toPrecision(4))}`).join(" ") || "-",
    s.created ?? "-"
  ]);
  io.out(formatColumns([["MODEL", "VERSION", "ALIASES", "DIGEST", "GATE", "METRICS", "CREATED"], ...rows]));
  return 0;
}
async function show(ref, args, access, io, host) {
  const version = await resolveVersion(io.cwd, parseModelReference(ref), access, host);
  const { manifest } = version.fetched;
  if (args.flags.json === "true") {
    io.out(version.fetched.bytes.toString("utf8"));
    return 0;
  }
  const annotations = manifest.annotations ?? {};
  io.out(version.ref);
  io.out(`  artifact type: ${manifest.artifactType ?? manifest.config.mediaType}`);
  for (const [key, value] of Object.entries(annotations).sort()) io.out(`  ${key}: ${value}`);
  io.out("  layers:");
  for (const layer of manifest.layers) {
    io.out(`    ${layer.annotations?.[ANNOTATION.title] ?? "(untitled)"}  ${layer.mediaType}  ${layer.size} bytes  ${layer.digest}`);
  }
  return 0;
}
function formatColumns(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) => row.map((cell, i) => i === row.length - 1 ? cell : cell.padEnd(widths[i])).join("  ")).join("\n");
}

// cli/commands/schema.ts
var schemaCommand = {
  summary: "Print the JSON Schema of mlops.yml (for editor autocompletion).",
  async run(_args, io) {
    io.out(JSON.stringify(configJsonSchema(), null, 2));
    return 0;
  }
};

// cli/commands/index.ts
var commands = {
  schema: schemaCommand,
  data: dataCommand,
  registry: registryCommand
};

// cli/run-stage-command.ts
async function runStageCommand(stage, args, io) {
  const spec = readActionSpec(stage);
  if (args.flags.help === "true") {
    io.out(stageHelp(stage));
    return 0;
  }
  const inputs = {};
  for (const [name, input] of Object.entries(spec.inputs)) {
    if (input.default !== void 0 && !isExpression(input.default)) inputs[name] = input.default;
  }
  for (const [name, value] of Object.entries(args.flags)) {
    if (!(name in spec.inputs)) {
      const guess = suggestKey(name, Object.keys(spec.inputs));
      throw new UserError(`mlops ${stage}: unknown option --${name}`, {
        hint: guess ? `Did you mean --${guess}?` : `See \`mlops ${stage} --help\`.`
      });
    }
    inputs[name] = value;
  }
  if (args.positionals.length) throw new UserError(`mlops ${stage}: unexpected argument "${args.positionals[0]}"`, { hint: "Inputs are given as --name value." });
  const host = new LocalHost({ cwd: io.cwd, inputs, env: io.env, summaryPath: `mlops-out/${stage}-summary.md`, out: io.out, err: io.err });
  const code = await runStage(await loadStage[stage](), host);
  const outputs = Object.entries(host.outputs);
  if (outputs.length) {
    io.out("outputs:");
    for (const [name, value] of outputs) io.out(`  ${name}: ${value}`);
  }
  return code;
}
function stageHelp(stage) {
  const spec = readActionSpec(stage);
  const lines = [`mlops ${stage}: ${spec.description}`, "", "Inputs:"];
  for (const [name, input] of Object.entries(spec.inputs)) {
    const tail = input.required ? " (required)" : input.default ? ` (default: ${input.default})` : "";
    lines.push(`  --${name}  ${input.description}${tail}`);
  }
  lines.push("", "Outputs:");
  for (const [name, output] of Object.entries(spec.outputs)) lines.push(`  ${name}  ${output.description}`);
  return lines.join("\n");
}

// cli/mlops.ts
function usage() {
  const lines = ["Usage: mlops <stage> [--input value ...]   |   mlops <command> ...", "", "Stages:"];
  for (const stage of STAGES) lines.push(`  ${stage}`);
  lines.push("", "Commands:");
  for (const [name, command] of Object.entries(commands)) lines.push(`  ${name.padEnd(14)} ${command.summary}`);
  lines.push("", "Run `mlops <stage> --help` for a stage's inputs.");
  return lines.join("\n");
}
async function main(argv) {
  const io = {
    cwd: process.cwd(),
    env: process.env,
    out: (line) => process.stdout.write(`${line}
`),
    err: (line) => process.stderr.write(`${line}
`)
  };
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "help") {
    io.out(usage());
    return name ? 0 : 2;
  }
  try {
    if (isStageName(name)) return await runStageCommand(name, parseArgs(rest), io);
    const command = commands[name];
    if (command) return await command.run(parseArgs(rest), io);
    const guess = suggestKey(name, [...STAGES, ...Object.keys(commands)]);
    io.err(`mlops: unknown stage or command "${name}".${guess ? ` Did you mean "${guess}"?` : ""} Run \`mlops --help\`.`);
    return 2;
  } catch (error) {
    if (isUserError(error)) {
      io.err(`error: ${error.format()}`);
      return 1;
    }
    throw error;
  }
}
process.exitCode = await main(process.argv.slice(2));
