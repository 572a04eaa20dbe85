import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  pullVersion
} from "./chunk-ZH6XLB2V.js";
import "./chunk-U3M5CAYS.js";
import {
  ANNOTATION,
  OciLayout,
  RemoteRepository,
  isClaimTag,
  isVersionTag,
  jsonTerminalSafe,
  parseModelReference,
  parseRegistryLocation,
  remoteHttp,
  remoteRepository,
  resolveVersion,
  sortTags,
  terminalSafe,
  validateModelName
} from "./chunk-APGALERZ.js";
import "./chunk-OSEBCLTD.js";
import "./chunk-C5HFBKMB.js";
import "./chunk-GWCI4O4C.js";
import {
  LocalHost,
  UsageError
} from "./chunk-GUTYRZAD.js";
import {
  number2 as number,
  record,
  string
} from "./chunk-A3VPNE7V.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";
import "./chunk-D4RZRY5B.js";

// shared/registry/catalog.ts
var Metrics = record(string(), number());
async function summarizeRepository(reader, name) {
  const tags = sortTags((await reader.tags()).filter((tag) => !isClaimTag(tag)));
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

// cli/commands/registry.ts
var USAGE = `Usage:
  mlops registry list <registry> [--name <model>]     versions, aliases, digests, gate, key metrics
  mlops registry show <ref> [--json]                  one version: annotations and layers
  mlops registry pull <ref> <dir>                     download a version, verifying every digest
<registry>: a layout directory (.mlops/registry) or oci://host[:port]/repository
<ref>: <dir>[:<name>]:<tag>, <dir>[:<name>]@sha256:\u2026, oci://host[:port]/repository:<tag>[@sha256:\u2026]
Options: --username, --password (or MLOPS_REGISTRY_USERNAME, MLOPS_REGISTRY_PASSWORD), --insecure (loopback only)`;
var KNOWN_FLAGS = /* @__PURE__ */ new Set(["name", "json", "username", "password", "insecure", "help"]);
var registryCommand = {
  async run(args, io) {
    const [action, ...rest] = args.positionals;
    if (!action || args.flags.help === "true") {
      io.out(USAGE);
      return args.flags.help === "true" ? 0 : 2;
    }
    for (const flag of Object.keys(args.flags)) if (!KNOWN_FLAGS.has(flag)) throw new UsageError(`mlops registry: unknown option --${flag}`, { hint: "Run `mlops registry --help`." });
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
function expectArgs(rest, count, usage) {
  if (rest.length !== count) throw new UserError(`mlops registry ${usage}: expected ${count} argument${count > 1 ? "s" : ""}, got ${rest.length}`, { hint: "Run `mlops registry --help`." });
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
    io.out(jsonTerminalSafe(JSON.stringify(summaries, null, 2)));
    return 0;
  }
  if (!summaries.length) {
    io.out(`${registry}: no versions`);
    return 0;
  }
  const rows = summaries.map(
    (s) => [
      s.name,
      s.version,
      s.aliases.join(",") || "-",
      s.digest.slice(0, 19),
      s.gate ? `${s.gate}${s.forced ? " (forced)" : ""}` : "-",
      Object.entries(s.metrics).slice(0, 3).map(([k, v]) => `${k}=${Number(v.toPrecision(4))}`).join(" ") || "-",
      s.created ?? "-"
    ].map(terminalSafe)
  );
  io.out(formatColumns([["MODEL", "VERSION", "ALIASES", "DIGEST", "GATE", "METRICS", "CREATED"], ...rows]));
  return 0;
}
async function show(ref, args, access, io, host) {
  const version = await resolveVersion(io.cwd, parseModelReference(ref), access, host);
  const { manifest } = version.fetched;
  if (args.flags.json === "true") {
    io.out(jsonTerminalSafe(version.fetched.bytes.toString("utf8")));
    return 0;
  }
  const annotations = manifest.annotations ?? {};
  io.out(version.ref);
  io.out(`  artifact type: ${terminalSafe(manifest.artifactType ?? manifest.config.mediaType)}`);
  for (const [key, value] of Object.entries(annotations).sort()) io.out(`  ${terminalSafe(key)}: ${terminalSafe(value)}`);
  io.out("  layers:");
  for (const layer of manifest.layers) {
    io.out(`    ${terminalSafe(layer.annotations?.[ANNOTATION.title] ?? "(untitled)")}  ${terminalSafe(layer.mediaType)}  ${layer.size} bytes  ${layer.digest}`);
  }
  return 0;
}
function formatColumns(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) => row.map((cell, i) => i === row.length - 1 ? cell : cell.padEnd(widths[i])).join("  ")).join("\n");
}
export {
  registryCommand
};
