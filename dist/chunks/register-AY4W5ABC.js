import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  aliasIsVersion,
  registerIntoLayout,
  versionExists
} from "./chunk-FT35TJTQ.js";
import {
  buildVersion,
  cardLayer,
  modelLayer,
  profileLayer,
  recordLayer
} from "./chunk-U3M5CAYS.js";
import {
  assertOnnxModel
} from "./chunk-RA3DXR5B.js";
import {
  ANNOTATION,
  DEFAULT_CHUNK_BYTES,
  OciLayout,
  RemoteRepository,
  digestFile,
  formatReference,
  hexOf,
  isLoopbackHost,
  isVersionTag,
  judgeClaim,
  nextVersion,
  parseRegistryLocation,
  remoteHttp,
  remoteRepository,
  removeClaim,
  validateAlias,
  validateModelName,
  validateTag,
  writeClaim
} from "./chunk-APGALERZ.js";
import {
  loadConfig
} from "./chunk-XWE5INN7.js";
import {
  booleanInput,
  code,
  escapeCell,
  listInput,
  optionalInput,
  requiredInput,
  runContext,
  table
} from "./chunk-D53EVJEJ.js";
import {
  DEFAULT_RECORD_PATH,
  appendSection,
  changedSections,
  parseRecord
} from "./chunk-QRSX6AL5.js";
import "./chunk-OSEBCLTD.js";
import "./chunk-C5HFBKMB.js";
import "./chunk-GWCI4O4C.js";
import "./chunk-A3VPNE7V.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";
import "./chunk-D4RZRY5B.js";

// actions/register/register.ts
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

// shared/registry/governance-annotations.ts
var ANNOTATION_LIMIT = 2048;
var TOP = 5;
var round = (v) => v === null || v === void 0 || !Number.isFinite(v) ? null : Number(v.toPrecision(4));
function capped(items) {
  const kept = [];
  for (const item of items) {
    if (JSON.stringify([...kept, item]).length > ANNOTATION_LIMIT) break;
    kept.push(item);
  }
  return JSON.stringify(kept);
}
function governanceAnnotations(record, modelSha256) {
  const evaluation = record?.evaluation?.model.sha256 === modelSha256 ? record.evaluation : void 0;
  const out = {};
  if (evaluation?.fairness?.length) {
    out[ANNOTATION.fairness] = capped(evaluation.fairness.map((f) => ({ attribute: f.attribute, metric: f.metric, value: round(f.candidate), verdict: f.verdict })));
  }
  const importance = evaluation?.importance;
  if (importance) {
    const top = importance.features.filter((f) => f.candidate).slice(0, TOP);
    out[ANNOTATION.importance] = capped([{ metric: importance.metric }, ...top.map((f) => ({ feature: f.feature, mean: round(f.candidate.mean) }))]);
  }
  return out;
}

// shared/registry/register-remote.ts
import { setTimeout as sleep } from "node:timers/promises";
var MAX_VERSION_ATTEMPTS = 12;
async function registerIntoRemote(repository, contents, request, upload) {
  const tags = await repository.tags();
  let version = request.version ?? nextVersion(tags);
  if (tags.includes(version)) throw versionExists(repository.display, contents.name, version);
  for (const alias of request.aliases) {
    if (!tags.includes(alias)) continue;
    const current = await repository.manifest(alias);
    if (current && isVersionTag(alias, current.manifest)) throw aliasIsVersion(repository.display, contents.name, alias);
  }
  for (const { source } of contents.layers) {
    const result = await repository.putBlob(source, upload, source.kind === "file" ? request.onProgress : void 0);
    request.log?.(`${result === "exists" ? "already there" : "uploaded"}: ${source.kind === "file" ? source.displayPath : source.digest} (${source.size} bytes)`);
  }
  const tried = [];
  for (let attempt = 1; ; attempt++) {
    const built = buildVersion(contents, version);
    await repository.putBlob(built.config, upload);
    await repository.putManifest(built.digest, built.manifest);
    const claim = await writeClaim(repository, version, upload);
    let outcome;
    let listed;
    try {
      listed = await repository.tags();
      outcome = judgeClaim(listed, version, claim);
      if (outcome.won && await repository.putManifest(version, built.manifest, { ifAbsent: true }) === "taken" && await repository.resolveTag(version) !== built.digest) {
        outcome = { won: false, why: `the registry refused to overwrite ${version} (If-None-Match)` };
      }
      if (outcome.won) {
        const readBack = await repository.resolveTag(version);
        if (readBack !== built.digest) {
          throw new UserError(`${contents.name}:${version} in ${repository.display} was overwritten by a concurrent registration (it points at ${readBack ?? "nothing"})`, {
            hint: `This registration's manifest is stored untagged as ${built.digest}. Serialise registrations with a \`concurrency:\` group and register again.`
          });
        }
      }
    } finally {
      await removeClaim(repository, claim);
    }
    if (!outcome.won) {
      tried.push(version);
      if (request.version !== void 0) {
        if (listed.includes(version)) throw versionExists(repository.display, contents.name, version);
        throw new UserError(`could not register ${contents.name}:${version} in ${repository.display}: ${outcome.why}`, {
          hint: `Nothing was tagged; this registration's manifest is stored untagged as ${built.digest}. Serialise registrations with a \`concurrency:\` group and register again.`
        });
      }
      if (attempt >= MAX_VERSION_ATTEMPTS) {
        throw new UserError(`could not assign a version in ${repository.display}: concurrent registrations took or contested ${tried.join(", ")}`, {
          hint: "Nothing was tagged. Serialise registrations with a `concurrency:` group and register again."
        });
      }
      request.log?.(`${version}: ${outcome.why}; trying the next version`);
      await sleep(Math.floor(Math.random() * 60 * Math.min(attempt, 6)));
      version = nextVersion([...listed, ...tried]);
      continue;
    }
    for (const alias of request.aliases) {
      await repository.putManifest(alias, built.manifest);
      const aliasTarget = await repository.resolveTag(alias);
      if (aliasTarget !== built.digest) request.log?.(`alias ${alias} was moved again concurrently (now ${aliasTarget ?? "absent"})`);
    }
    return { version, digest: built.digest };
  }
}

// actions/register/gate.ts
function gateStatus(record, recordPath, modelSha256) {
  if (!record) return { passed: false, verdict: "none", reason: `there is no run record at ${recordPath}` };
  const evaluation = record.evaluation;
  if (!evaluation) return { passed: false, verdict: "none", reason: `the run record ${recordPath} has no evaluation (run evaluate-gate first)` };
  const altered = untrustedSections(record).filter((s) => s.section === "evaluation" || s.section === "*");
  if (altered.length) return { passed: false, verdict: "none", reason: `the run record's evaluation section cannot be trusted: ${altered.map((a) => a.why).join("; ")}` };
  if (evaluation.model.sha256 !== modelSha256) {
    return { passed: false, verdict: "none", reason: `the gate evaluated a different model (sha256 ${evaluation.model.sha256.slice(0, 12)}\u2026, this one is ${modelSha256.slice(0, 12)}\u2026)` };
  }
  if (evaluation.verdict !== "pass") {
    const policy = evaluation.override ? "overridden" : evaluation.verdict === "insufficient-evidence" ? "gate.insufficient_evidence" : "gate.inconclusive";
    const why = evaluation.passed ? ` (the gate step passed by policy: ${policy})` : "";
    return { passed: false, verdict: evaluation.verdict, reason: `the gate verdict is "${evaluation.verdict}"${why}` };
  }
  if (!evaluation.passed) return { passed: false, verdict: evaluation.verdict, reason: `the gate verdict is "${evaluation.verdict}" but the gate did not pass` };
  return { passed: true, verdict: evaluation.verdict };
}
function untrustedSections(record) {
  if (!record) return [];
  const flagged = (record.integrity?.flags ?? []).map((flag) => ({ section: flag.section, why: `${flag.section} ${flag.why} (noticed by ${flag.stage})` }));
  const changed = changedSections(record).map((change) => ({ section: change.section, why: `${change.section} changed after ${change.wroteBy} wrote it` }));
  return [...flagged, ...changed];
}
function headlineMetrics(record, modelSha256, limit = 12) {
  const metrics = {};
  const evaluation = record?.evaluation;
  if (evaluation && evaluation.model.sha256 === modelSha256) {
    for (const [name, result] of Object.entries(evaluation.metrics)) if (typeof result.candidate === "number" && Number.isFinite(result.candidate)) metrics[name] = result.candidate;
  }
  return Object.fromEntries(Object.entries(metrics).slice(0, limit));
}

// actions/register/register.ts
var DEFAULT_REGISTRY = ".mlops/registry";
var DEFAULT_CARD_PATH = "mlops-out/MODEL_CARD.md";
var registerStage = {
  name: "register",
  readOptions(host) {
    const password = optionalInput(host, "registry-password");
    if (password) host.setSecret(password);
    const name = optionalInput(host, "name");
    if (name) validateModelName(name);
    const version = optionalInput(host, "version");
    if (version) validateTag(version, "version");
    const aliases = [...new Set(listInput(host, "aliases"))];
    for (const alias of aliases) {
      validateAlias(alias);
      if (alias === version) throw new UserError(`"${alias}" is both the version and an alias`, { where: { key: "aliases" } });
    }
    const registry = optionalInput(host, "registry");
    if (registry) parseRegistryLocation(registry);
    const recordPath = optionalInput(host, "record") ?? DEFAULT_RECORD_PATH;
    const cardPath = optionalInput(host, "model-card") ?? DEFAULT_CARD_PATH;
    return {
      modelPath: requiredInput(host, "model"),
      name,
      registry,
      version,
      aliases,
      recordPath,
      recordExplicit: recordPath !== DEFAULT_RECORD_PATH,
      cardPath,
      cardExplicit: cardPath !== DEFAULT_CARD_PATH,
      requireGate: booleanInput(host, "require-gate", true),
      forceReason: optionalInput(host, "force-reason"),
      configPath: host.input("config").trim(),
      username: optionalInput(host, "registry-username"),
      password,
      insecure: booleanInput(host, "insecure", false)
    };
  },
  async run(options, host) {
    const { config } = await loadConfig(host.cwd, options.configPath);
    const name = options.name ?? config.model?.name;
    if (!name) throw new UserError("no model name", { where: { key: "name" }, hint: "Set the `name` input, or model.name in mlops.yml." });
    validateModelName(name, options.name ? "name" : "model.name");
    const location = parseRegistryLocation(options.registry ?? config.registry?.url ?? DEFAULT_REGISTRY, options.registry ? "registry" : "registry.url");
    if (options.insecure && location.kind === "remote" && !isLoopbackHost(location.host)) {
      throw new UserError(`insecure (plain HTTP) is allowed for loopback registries only, not ${location.host}`, { where: { key: "insecure" }, hint: "Remove `insecure`; remote registries are reached over HTTPS." });
    }
    const modelFile = resolve(host.cwd, options.modelPath);
    await assertOnnxModel(modelFile, options.modelPath);
    const model = await digestFile(modelFile);
    const modelSha256 = hexOf(model.digest);
    const recordFile = resolve(host.cwd, options.recordPath);
    const recordBytes = await readOptional(recordFile, options.recordPath, options.recordExplicit, "run record", "record");
    const record = recordBytes ? parseRecord(recordBytes.toString("utf8"), options.recordPath) : void 0;
    const gate = gateStatus(record, options.recordPath, modelSha256);
    if (options.requireGate && !gate.passed) {
      if (!options.forceReason) {
        throw new UserError(`refusing to register ${name}: ${gate.reason}`, {
          where: { key: "require-gate" },
          hint: "Register only models that passed evaluate-gate, or give `force-reason` (it is stored in the version for auditors)."
        });
      }
      host.warning(`registering ${name} although ${gate.reason}; forced: ${options.forceReason}`);
    }
    const cardFile = resolve(host.cwd, options.cardPath);
    const cardBytes = await readOptional(cardFile, options.cardPath, options.cardExplicit, "model card", "model-card");
    if (!cardBytes) host.warning(`no model card at ${options.cardPath}: the version is stored without one (run model-card first).`);
    const layers = [modelLayer({ kind: "file", path: modelFile, displayPath: options.modelPath, digest: model.digest, size: model.size })];
    if (cardBytes) layers.push(cardLayer(cardBytes, options.cardPath));
    if (recordBytes) layers.push(recordLayer(recordBytes));
    const profile = await readProfile(record, host);
    if (profile) layers.push(profileLayer(profile.bytes, profile.path));
    const context = runContext(host, "register");
    const contents = {
      name,
      layers,
      annotations: lineageAnnotations(name, record, modelSha256, gate.verdict, options.forceReason, context, host),
      createdAt: context.at,
      revision: context.commit,
      licenses: config.model_card?.license ? [String(config.model_card.license)] : void 0
    };
    const request = {
      version: options.version,
      aliases: options.aliases,
      onProgress: progressReporter(host, options.modelPath),
      log: (message) => host.info(message)
    };
    const registered = await host.group(`register ${name} in ${describe(location)}`, () => register(location, contents, request, options, config.registry?.upload_chunk_bytes, host));
    const ref = formatReference(location, name, registered.version, registered.digest);
    host.info(`registered ${ref}${options.aliases.length ? ` (aliases: ${options.aliases.join(", ")})` : ""}`);
    if (record || !options.recordExplicit) {
      await appendSection(
        recordFile,
        "registry",
        {
          registry: options.registry ?? config.registry?.url ?? DEFAULT_REGISTRY,
          name,
          version: registered.version,
          digest: registered.digest,
          reference: ref,
          aliases: options.aliases,
          model_digest: model.digest,
          gate_verdict: gate.verdict,
          ...options.forceReason ? { force_reason: options.forceReason } : {}
        },
        context,
        options.recordPath
      );
    }
    await host.appendSummary(
      [
        `### Registered ${escapeCell(name)} ${code(registered.version)}`,
        "",
        table(
          ["", ""],
          [
            ["reference", code(ref)],
            ["digest", code(registered.digest)],
            ["aliases", options.aliases.length ? options.aliases.map(code).join(", ") : "\u2014"],
            ["gate", escapeCell(gate.verdict)],
            ...options.forceReason ? [["forced", escapeCell(options.forceReason)]] : [],
            ["layers", layers.map((l) => code(l.descriptor.annotations?.[ANNOTATION.title] ?? l.descriptor.mediaType)).join(", ")]
          ]
        ),
        ""
      ].join("\n")
    );
    return { outputs: { version: registered.version, digest: registered.digest, ref } };
  }
};
async function register(location, contents, request, options, chunkBytes, host) {
  if (location.kind === "layout") {
    const layout = await OciLayout.open(host.cwd, location.dir, { create: true });
    return registerIntoLayout(layout, contents, request);
  }
  const http = remoteHttp(location, { username: options.username, password: options.password, insecure: options.insecure }, host);
  const repository = new RemoteRepository(http, remoteRepository(location, contents.name));
  return registerIntoRemote(repository, contents, request, { chunkBytes: chunkBytes ?? DEFAULT_CHUNK_BYTES, log: (message) => host.info(message) });
}
function describe(location) {
  return location.kind === "layout" ? location.dir : `${location.host}${location.path ? `/${location.path}` : ""}`;
}
async function readOptional(file, display, explicit, what, key) {
  try {
    return await readFile(file);
  } catch (error) {
    const code2 = error.code;
    if (code2 === "ENOENT" && !explicit) return void 0;
    throw new UserError(code2 === "ENOENT" ? `${what} not found` : `cannot read ${what} (${code2 ?? String(error)})`, { where: { file: display, key } });
  }
}
async function readProfile(record, host) {
  const path = record?.data?.profile_path;
  if (!path) return void 0;
  const file = resolve(host.cwd, path);
  if (!existsSync(file)) {
    host.warning(`the run record names a data profile at ${path}, which does not exist: the version is stored without it.`);
    return void 0;
  }
  return { bytes: await readFile(file), path };
}
function lineageAnnotations(name, record, modelSha256, verdict, forceReason, context, host) {
  const annotations = {
    [ANNOTATION.title]: name,
    [ANNOTATION.modelName]: name,
    [ANNOTATION.created]: context.at,
    [ANNOTATION.gateVerdict]: verdict
  };
  if (context.commit) annotations[ANNOTATION.revision] = context.commit;
  if (context.run_url) annotations[ANNOTATION.runUrl] = context.run_url;
  const repository = host.env("GITHUB_REPOSITORY");
  if (repository) annotations[ANNOTATION.source] = `${host.env("GITHUB_SERVER_URL") ?? "https://github.com"}/${repository}`;
  const untrusted = new Set(untrustedSections(record).map((s) => s.section));
  const dataTrusted = !untrusted.has("data") && !untrusted.has("*");
  const fingerprint = (dataTrusted ? record?.data?.fingerprint : void 0) ?? record?.evaluation?.data.fingerprint;
  if (fingerprint) annotations[ANNOTATION.dataFingerprint] = fingerprint;
  const evaluation = record?.evaluation?.model.sha256 === modelSha256 ? record.evaluation : void 0;
  if (evaluation?.data.fingerprint) annotations[ANNOTATION.holdoutFingerprint] = evaluation.data.fingerprint;
  if (evaluation?.holdout?.status === "changed" && evaluation.holdout.reason) annotations[ANNOTATION.holdoutChangeReason] = evaluation.holdout.reason;
  const metrics = headlineMetrics(record, modelSha256);
  if (Object.keys(metrics).length) annotations[ANNOTATION.metrics] = JSON.stringify(metrics);
  if (untrusted.size) {
    const sections = [...untrusted].join(",");
    annotations[ANNOTATION.recordFlags] = sections;
    host.warning(`the run record has sections changed outside their stage (${sections}); the version is annotated with ${ANNOTATION.recordFlags}`);
  }
  Object.assign(annotations, governanceAnnotations(record, modelSha256));
  if (forceReason) annotations[ANNOTATION.forceReason] = forceReason;
  return annotations;
}
function progressReporter(host, label) {
  let lastDecile = -1;
  const started = Date.now();
  return (sent, total) => {
    if (total < 8 * 1024 * 1024) return;
    const decile = Math.floor(sent / total * 10);
    if (decile === lastDecile) return;
    lastDecile = decile;
    const seconds = (Date.now() - started) / 1e3;
    const rate = seconds > 0 ? sent / seconds : 0;
    const eta = rate > 0 ? Math.round((total - sent) / rate) : void 0;
    host.info(`${label}: ${(sent / 1048576).toFixed(1)} / ${(total / 1048576).toFixed(1)} MiB (${decile * 10} %)${eta !== void 0 && sent < total ? `, ETA ${eta} s` : ""}`);
  };
}
export {
  DEFAULT_REGISTRY,
  registerStage
};
