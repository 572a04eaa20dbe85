import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  writeFileAtomic
} from "./chunk-OSEBCLTD.js";
import {
  crypto
} from "./chunk-GWCI4O4C.js";
import {
  _gte,
  _minLength,
  _regex,
  array,
  int,
  literal,
  looseObject,
  nullable,
  number2 as number,
  object,
  optional,
  record,
  string
} from "./chunk-A3VPNE7V.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";

// shared/registry/digest.ts
import { createReadStream } from "node:fs";
var DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;
function isDigest(value) {
  return DIGEST_PATTERN.test(value);
}
function digestOf(bytes) {
  return `sha256:${crypto().createHash("sha256").update(bytes).digest("hex")}`;
}
function hexOf(digest) {
  return digest.slice("sha256:".length);
}
async function digestFile(path) {
  const hash = crypto().createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { digest: `sha256:${hash.digest("hex")}`, size };
}

// shared/registry/reference.ts
var REPOSITORY_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
var TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
var MODEL_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
var AUTO_VERSION_PATTERN = /^v([1-9][0-9]*)$/;
var LATEST = "latest";
function redactCredentials(value) {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, "$1***@");
}
function badReference(value, why, key) {
  if (redactCredentials(value) !== value) {
    return new UserError(`"${redactCredentials(value)}" is not a valid registry reference: it carries credentials in the URL`, {
      where: key ? { key } : {},
      hint: "Never put a token in a registry URL (it ends up in logs and records): pass registry-username and registry-password (from secrets) instead."
    });
  }
  return new UserError(`"${value}" is not a valid registry reference: ${why}`, {
    where: key ? { key } : {},
    hint: "Use a layout directory such as .mlops/registry[:name][:tag] or oci://host[:port]/repository[:tag][@sha256:<digest>]."
  });
}
function validateModelName(name, key = "name") {
  if (name.includes("/")) throw new UserError(`model name "${name}" contains a slash`, { where: { key }, hint: 'A model name is one path component: lower-case letters, digits, ".", "_" and "-".' });
  if (name.includes("..")) throw new UserError(`model name "${name}" contains ".."`, { where: { key }, hint: "A model name cannot climb out of its repository." });
  if (!MODEL_NAME_PATTERN.test(name) || !REPOSITORY_COMPONENT.test(name)) {
    throw new UserError(`model name "${name}" is not valid`, {
      where: { key },
      hint: 'Use lower-case letters and digits, separated by single ".", "_" or "-" (e.g. churn-classifier).'
    });
  }
  return name;
}
function validateTag(tag, key) {
  if (!TAG_PATTERN.test(tag)) {
    throw new UserError(`"${tag}" is not a valid tag`, {
      where: { key },
      hint: 'A tag is 1-128 characters: letters, digits, "_", "." and "-", not starting with "." or "-".'
    });
  }
  if (tag === LATEST) {
    throw new UserError('"latest" is reserved', { where: { key }, hint: "`latest` always resolves to the highest v<N> version; it cannot be set." });
  }
  return tag;
}
function validateAlias(alias) {
  validateTag(alias, "aliases");
  if (/^v[0-9]+$/.test(alias)) {
    throw new UserError(`alias "${alias}" looks like a version`, { where: { key: "aliases" }, hint: "v<digits> names are reserved for immutable versions; pick an alias such as candidate, staging or prod." });
  }
  return alias;
}
var REMOTE = /^oci:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::([0-9]{1,5}))?(\/.*)?$/;
function parseRemoteHost(value, key) {
  const match = REMOTE.exec(value);
  if (!match) throw badReference(value, "expected oci://host[:port]/repository", key);
  const [, hostname4, port, rest] = match;
  if (port !== void 0 && (Number(port) < 1 || Number(port) > 65535)) throw badReference(value, `port ${port} is out of range`, key);
  return { host: port ? `${hostname4}:${port}` : hostname4, rest: (rest ?? "").replace(/^\//, "") };
}
function validateRepositoryPath(path, original, key) {
  for (const component of path.split("/")) {
    if (component === ".." || component === ".") throw badReference(original, 'a repository path cannot contain "." or ".." components', key);
    if (!REPOSITORY_COMPONENT.test(component)) throw badReference(original, `"${component}" is not a valid repository path component (lower-case letters, digits, single separators)`, key);
  }
}
function parseRegistryLocation(value, key = "registry") {
  if (!value.startsWith("oci://")) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) throw badReference(value, "only oci:// URLs name remote registries", key);
    if (/^oci:/i.test(value)) throw badReference(value, "a remote registry starts with oci:// (two slashes, lower case)", key);
    return { kind: "layout", dir: value };
  }
  const { host, rest } = parseRemoteHost(value, key);
  if (/[:@]/.test(rest)) throw badReference(value, "a registry location has no tag or digest; give the version with `version`", key);
  const path = rest.replace(/\/$/, "");
  if (path) validateRepositoryPath(path, value, key);
  return { kind: "remote", host, path };
}
function splitTagAndDigest(value, part) {
  let head = part;
  let digest;
  const at = part.indexOf("@");
  if (at >= 0) {
    const candidate = part.slice(at + 1);
    if (!isDigest(candidate)) throw badReference(value, `"${candidate}" is not a sha256 digest (sha256: and 64 lower-case hex digits)`);
    digest = candidate;
    head = part.slice(0, at);
  }
  return { head, digest };
}
function parseModelReference(value) {
  const trimmed = value.trim();
  if (!trimmed) throw badReference(value, "it is empty");
  if (trimmed.startsWith("oci://")) {
    const { host, rest } = parseRemoteHost(trimmed);
    const { head: head2, digest: digest2 } = splitTagAndDigest(trimmed, rest);
    const colon = head2.lastIndexOf(":");
    const repository = colon >= 0 ? head2.slice(0, colon) : head2;
    const tag2 = colon >= 0 ? head2.slice(colon + 1) : void 0;
    if (!repository) throw badReference(trimmed, "the repository is missing");
    validateRepositoryPath(repository, trimmed);
    if (tag2 !== void 0 && !TAG_PATTERN.test(tag2)) throw badReference(trimmed, `"${tag2}" is not a valid tag`);
    if (tag2 === void 0 && !digest2) throw badReference(trimmed, "give a tag (:v3, :prod) or a digest (@sha256:\u2026)");
    const components = repository.split("/");
    return { location: { kind: "remote", host, path: components.slice(0, -1).join("/") }, repository, name: components.at(-1), tag: tag2, digest: digest2 };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) throw badReference(trimmed, "only oci:// URLs name remote registries");
  if (/^oci:/i.test(trimmed)) throw badReference(trimmed, "a remote reference starts with oci:// (two slashes, lower case)");
  const slash = trimmed.lastIndexOf("/");
  const last = trimmed.slice(slash + 1);
  const firstColon = last.indexOf(":");
  const firstAt = last.indexOf("@");
  const cut = [firstColon, firstAt].filter((i) => i >= 0).sort((a, b) => a - b)[0];
  if (cut === void 0) throw badReference(trimmed, "give a tag (.mlops/registry:v3) or a digest (.mlops/registry@sha256:\u2026)");
  const dir = trimmed.slice(0, slash + 1 + cut);
  if (!dir) throw badReference(trimmed, "the layout directory is missing");
  const { head, digest } = splitTagAndDigest(trimmed, last.slice(cut));
  const parts = head ? head.slice(1).split(":") : [];
  if (head && !head.startsWith(":")) throw badReference(trimmed, "expected :tag after the directory");
  if (parts.length > 2) throw badReference(trimmed, "expected <dir>[:<name>][:<tag>]");
  let name;
  let tag;
  if (parts.length === 2) [name, tag] = parts;
  else if (parts.length === 1) {
    if (digest) name = parts[0];
    else tag = parts[0];
  }
  if (name !== void 0) validateModelName(name, "reference");
  if (tag !== void 0 && !TAG_PATTERN.test(tag)) throw badReference(trimmed, `"${tag}" is not a valid tag`);
  if (tag === void 0 && !digest) throw badReference(trimmed, "give a tag or a digest");
  return { location: { kind: "layout", dir }, name, tag, digest };
}
function isLoopbackHost(host) {
  const hostname4 = host.startsWith("[") ? host.slice(1, host.indexOf("]")) : host.replace(/:[0-9]+$/, "");
  return hostname4 === "localhost" || hostname4 === "::1" || /^127\.[0-9]+\.[0-9]+\.[0-9]+$/.test(hostname4);
}
function remoteRepository(location, name) {
  return location.path ? `${location.path}/${name}` : name;
}
function formatReference(location, name, tag, digest) {
  const base = location.kind === "remote" ? `${location.host}/${remoteRepository(location, name)}` : `${location.dir}:${name}`;
  return `${base}${tag ? `:${tag}` : ""}${digest ? `@${digest}` : ""}`;
}

// shared/registry/media-types.ts
var MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
var INDEX_MEDIA_TYPE = "application/vnd.oci.image.index.v1+json";
var MODEL_ARTIFACT_TYPE = "application/vnd.cncf.model.manifest.v1+json";
var MODEL_CONFIG_MEDIA_TYPE = "application/vnd.cncf.model.config.v1+json";
var MODEL_WEIGHT_MEDIA_TYPE = "application/vnd.cncf.model.weight.v1.raw";
var MODEL_CARD_MEDIA_TYPE = "application/vnd.mlops-actions.model-card.v1+markdown";
var RUN_RECORD_MEDIA_TYPE = "application/vnd.mlops-actions.run-record.v1+json";
var DATA_PROFILE_MEDIA_TYPE = "application/vnd.mlops-actions.data-profile.v1+json";
var ANNOTATION = {
  title: "org.opencontainers.image.title",
  version: "org.opencontainers.image.version",
  created: "org.opencontainers.image.created",
  revision: "org.opencontainers.image.revision",
  source: "org.opencontainers.image.source",
  description: "org.opencontainers.image.description",
  /** Tag of a manifest inside an OCI image layout's index.json. */
  refName: "org.opencontainers.image.ref.name",
  /** ModelPack's per-layer file path. */
  filepath: "org.cncf.model.filepath",
  modelName: "io.mlops-actions.model.name",
  runUrl: "io.mlops-actions.run.url",
  dataFingerprint: "io.mlops-actions.data.fingerprint",
  gateVerdict: "io.mlops-actions.gate.verdict",
  metrics: "io.mlops-actions.metrics",
  forceReason: "io.mlops-actions.force-reason",
  /** Fingerprint of the holdout the gate scored this version on. */
  holdoutFingerprint: "io.mlops-actions.holdout.fingerprint",
  /** Why the holdout differs from the champion's (evaluate-gate's holdout-change-reason). */
  holdoutChangeReason: "io.mlops-actions.holdout.change-reason",
  /** Run record sections changed outside the stage that wrote them (comma-separated). */
  recordFlags: "io.mlops-actions.record.flags",
  /** Headline fairness figures: [{attribute, metric, value, verdict}] (all figures: the run record). */
  fairness: "io.mlops-actions.fairness",
  /** Headline permutation importance: [{metric}, {feature, mean}…] for the top features. */
  importance: "io.mlops-actions.importance"
};
function isModelLayer(layer) {
  return layer.mediaType === MODEL_WEIGHT_MEDIA_TYPE;
}

// shared/registry/layout.ts
import { createReadStream as createReadStream2, existsSync } from "node:fs";
import { mkdir as mkdir2, readdir, readFile as readFile2, rm as rm3, stat as stat2 } from "node:fs/promises";
import { hostname as hostname3 } from "node:os";
import { join as join2, resolve } from "node:path";
import { open as open3, rename as rename2 } from "node:fs/promises";

// shared/registry/lock.ts
import { open, readFile, rm, stat } from "node:fs/promises";
import { hostname as hostname2 } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";

// shared/registry/process-identity.ts
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
function bootId() {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() || void 0;
  } catch {
    return void 0;
  }
}
function processStartTime(pid) {
  try {
    const stat3 = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat3.slice(stat3.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return void 0;
  }
}
function currentProcess() {
  const identity = { pid: process.pid, host: hostname() };
  const boot = bootId();
  const start = processStartTime(process.pid);
  if (boot) identity.boot_id = boot;
  if (start) identity.start_time = start;
  return identity;
}
function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
function ownerState(owner) {
  if (owner.host !== hostname()) return "unknown";
  const boot = bootId();
  if (owner.boot_id && boot && owner.boot_id !== boot) return "gone";
  if (!pidAlive(owner.pid)) return "gone";
  if (owner.start_time) {
    const now = processStartTime(owner.pid);
    if (now !== void 0 && now !== owner.start_time) return "gone";
  }
  return "alive";
}

// shared/registry/lock.ts
var LockOwner = object({ pid: number().check(int()), host: string(), at: string(), boot_id: optional(string()), start_time: optional(string()) });
var BREAKER_STALE_MS = 3e4;
async function withDirectoryLock(lockPath, fn, options = {}) {
  const release = await acquire(lockPath, options);
  try {
    return await fn();
  } finally {
    await release();
  }
}
async function tryCreate(path, content) {
  try {
    const handle = await open(path, "wx");
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if (error.code === "EEXIST") return false;
    throw error;
  }
}
async function readOwner(path) {
  try {
    const parsed = LockOwner.safeParse(JSON.parse(await readFile(path, "utf8")));
    return parsed.success ? parsed.data : void 0;
  } catch {
    return void 0;
  }
}
async function isStale(lockPath, owner) {
  if (owner) {
    const me = currentProcess();
    if (owner.host === me.host && owner.pid === me.pid && (!owner.start_time || owner.start_time === me.start_time)) return false;
    return ownerState(owner) === "gone";
  }
  try {
    return Date.now() - (await stat(lockPath)).mtimeMs > BREAKER_STALE_MS;
  } catch {
    return false;
  }
}
async function breakIfStale(lockPath) {
  const breaker = `${lockPath}.break`;
  if (!await tryCreate(breaker, JSON.stringify({ pid: process.pid, host: hostname2(), at: (/* @__PURE__ */ new Date()).toISOString() }))) {
    try {
      const { mtimeMs } = await stat(breaker);
      if (Date.now() - mtimeMs > BREAKER_STALE_MS) await rm(breaker, { force: true });
    } catch {
    }
    return;
  }
  try {
    if (await isStale(lockPath, await readOwner(lockPath))) await rm(lockPath, { force: true });
  } finally {
    await rm(breaker, { force: true });
  }
}
async function acquire(lockPath, options) {
  const timeoutMs = options.timeoutMs ?? 10 * 6e4;
  const me = { ...currentProcess(), at: (/* @__PURE__ */ new Date()).toISOString() };
  const deadline = Date.now() + timeoutMs;
  let delay = 10;
  let told = false;
  for (; ; ) {
    if (await tryCreate(lockPath, JSON.stringify(me))) {
      return async () => {
        await rm(lockPath, { force: true });
      };
    }
    const owner = await readOwner(lockPath);
    if (await isStale(lockPath, owner)) {
      await breakIfStale(lockPath);
      continue;
    }
    if (Date.now() > deadline) {
      throw new UserError(`the registry is locked by ${owner ? `process ${owner.pid} on ${owner.host} since ${owner.at}` : "another registration"}`, {
        where: { file: lockPath },
        hint: "Wait for the other registration to finish. If no registration is running, remove the lock file."
      });
    }
    if (!told) {
      options.onWait?.(owner);
      told = true;
    }
    await sleep(delay + Math.floor(Math.random() * delay));
    delay = Math.min(delay * 2, 250);
  }
}

// shared/registry/oci-schema.ts
var Annotations = record(string(), string());
var Descriptor = looseObject({
  mediaType: string().check(_minLength(1)),
  digest: string().check(_regex(DIGEST_PATTERN, "a sha256 digest")),
  size: number().check(int(), _gte(0)),
  artifactType: optional(string()),
  annotations: optional(Annotations)
});
var ImageManifest = looseObject({
  schemaVersion: literal(2),
  mediaType: optional(string()),
  artifactType: optional(string()),
  config: Descriptor,
  layers: array(Descriptor),
  annotations: optional(Annotations)
});
var ImageIndex = looseObject({
  schemaVersion: literal(2),
  mediaType: optional(string()),
  manifests: array(Descriptor),
  annotations: optional(Annotations)
});
var OciLayoutFile = looseObject({ imageLayoutVersion: string() });
var TagList = looseObject({ name: optional(string()), tags: optional(nullable(array(string()))) });

// shared/registry/remote/bounded-body.ts
var MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
var MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
var MAX_IN_MEMORY_BLOB_BYTES = 64 * 1024 * 1024;
var BodyTooLargeError = class extends UserError {
};
function tooLarge(what, limit, where) {
  return new BodyTooLargeError(`${what} from ${where} is larger than ${limit.toLocaleString("en-US")} bytes; refusing to read it`, {
    hint: "The registry answered with more than such a document may hold: it is misbehaving or hostile. Nothing was written."
  });
}
async function readBounded(response, limit, what, where) {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    throw tooLarge(what, limit, where);
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks = [];
  let size = 0;
  for await (const chunk of boundedChunks(response.body, limit, () => tooLarge(what, limit, where))) {
    chunks.push(Buffer.from(chunk));
    size += chunk.length;
  }
  return Buffer.concat(chunks, size);
}
async function* boundedChunks(stream, limit, error) {
  const reader = stream.getReader();
  let size = 0;
  try {
    for (; ; ) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.length;
      if (size > limit) throw error();
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => void 0);
    reader.releaseLock();
  }
}

// shared/registry/verify.ts
import { mkdir, open as open2, rename, rm as rm2 } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
var DigestMismatchError = class extends UserError {
};
function digestMismatch(what, expected, actual, where) {
  return new DigestMismatchError(`${what} does not match its digest: expected ${expected}, got ${actual}`, {
    where: { file: where },
    hint: "The stored content was altered or corrupted; nothing was written. Re-register the version or restore the registry storage."
  });
}
function verifyBytes(bytes, expected, expectedSize, what, where) {
  const actual = `sha256:${crypto().createHash("sha256").update(bytes).digest("hex")}`;
  if (actual !== expected) throw digestMismatch(what, expected, actual, where);
  if (expectedSize !== void 0 && bytes.length !== expectedSize) throw digestMismatch(what, expected, `${bytes.length} bytes instead of ${expectedSize}`, where);
}
async function writeVerified(chunks, path, expected, expectedSize, what, where) {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${crypto().randomBytes(6).toString("hex")}.tmp`);
  const hash = crypto().createHash("sha256");
  let size = 0;
  const handle = await open2(temporary, "w");
  try {
    for await (const chunk of chunks) {
      hash.update(chunk);
      size += chunk.length;
      if (expectedSize !== void 0 && size > expectedSize) throw digestMismatch(what, expected, `more than the declared ${expectedSize} bytes`, where);
      await handle.write(chunk);
    }
    await handle.sync();
    await handle.close();
    const actual = `sha256:${hash.digest("hex")}`;
    if (actual !== expected) throw digestMismatch(what, expected, actual, where);
    if (expectedSize !== void 0 && size !== expectedSize) throw digestMismatch(what, expected, `${size} bytes instead of ${expectedSize}`, where);
    await rename(temporary, path);
  } catch (error) {
    await handle.close().catch(() => void 0);
    await rm2(temporary, { force: true });
    throw error;
  }
}

// shared/registry/layout.ts
var ABANDONED_UPLOAD_MS = 24 * 60 * 60 * 1e3;
var MAX_INDEX_BYTES = 64 * 1024 * 1024;
var OciLayout = class _OciLayout {
  constructor(root, display) {
    this.root = root;
    this.display = display;
  }
  root;
  display;
  /** Opens an existing layout; with `create`, makes an empty one where there is none. */
  static async open(cwd, dir, options = {}) {
    const layout = new _OciLayout(resolve(cwd, dir), dir);
    const marker = join2(layout.root, "oci-layout");
    if (!existsSync(marker)) {
      if (!options.create) {
        throw new UserError(`no OCI image layout at ${dir}`, {
          where: { file: dir },
          hint: existsSync(layout.root) ? "The directory exists but has no oci-layout file: it is not a registry." : "Register a model first (the register stage creates the layout), or for a remote registry write oci://host/repository."
        });
      }
      await mkdir2(join2(layout.root, "blobs", "sha256"), { recursive: true });
      await layout.withLock(async () => {
        if (!existsSync(join2(layout.root, "index.json"))) await layout.writeIndex({ schemaVersion: 2, mediaType: INDEX_MEDIA_TYPE, manifests: [] });
        if (!existsSync(marker)) await writeFileAtomic(marker, `${JSON.stringify({ imageLayoutVersion: "1.0.0" })}
`);
      });
    } else {
      let text;
      try {
        text = await readFile2(marker, "utf8");
      } catch (error) {
        throw new UserError(`cannot read ${join2(dir, "oci-layout")} (${error.code ?? String(error)})`, { where: { file: join2(dir, "oci-layout") } });
      }
      let parsed;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = void 0;
      }
      const result = OciLayoutFile.safeParse(parsed);
      if (!result.success || !result.data.imageLayoutVersion.startsWith("1.")) {
        throw new UserError("oci-layout is not an OCI image layout 1.x marker", { where: { file: join2(dir, "oci-layout") }, hint: "The directory is not a registry written by an OCI tool." });
      }
    }
    return layout;
  }
  withLock(fn, options) {
    return withDirectoryLock(join2(this.root, ".mlops-lock"), fn, options);
  }
  async readIndex() {
    const file = join2(this.display, "index.json");
    let text;
    try {
      const { size } = await stat2(join2(this.root, "index.json"));
      if (size > MAX_INDEX_BYTES) {
        throw new UserError(`index.json is ${size.toLocaleString("en-US")} bytes, more than the ${MAX_INDEX_BYTES.toLocaleString("en-US")} an index of this suite can reach`, { where: { file }, hint: "The layout is corrupt or crafted; restore index.json from a backup." });
      }
      text = await readFile2(join2(this.root, "index.json"), "utf8");
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError(`cannot read the layout's index (${error.code ?? String(error)})`, { where: { file } });
    }
    let data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new UserError(`index.json is not valid JSON (${error.message})`, { where: { file }, hint: "The layout is corrupt; restore index.json from a backup." });
    }
    const result = ImageIndex.safeParse(data);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new UserError(`index.json is not an OCI image index: ${issue.message}`, { where: { file, key: issue.path.map(String).join(".") } });
    }
    return result.data;
  }
  async writeIndex(index) {
    await writeFileAtomic(join2(this.root, "index.json"), `${JSON.stringify(index, null, 2)}
`);
  }
  /** Every `<name>:<tag>` entry of the index. Entries of other tools (no name part) are skipped. */
  async tagEntries() {
    const index = await this.readIndex();
    const entries = [];
    for (const descriptor of index.manifests) {
      const ref = descriptor.annotations?.[ANNOTATION.refName];
      const colon = ref?.indexOf(":") ?? -1;
      if (!ref || colon <= 0) continue;
      entries.push({ name: ref.slice(0, colon), tag: ref.slice(colon + 1), descriptor });
    }
    return entries;
  }
  /** Model names in this layout, sorted. */
  async names() {
    return [...new Set((await this.tagEntries()).map((entry) => entry.name))].sort();
  }
  blobPath(digest) {
    return join2(this.root, "blobs", "sha256", hexOf(digest));
  }
  async hasBlob(digest, size) {
    try {
      return (await stat2(this.blobPath(digest))).size === size;
    } catch {
      return false;
    }
  }
  /**
   * Stores a blob unless it is already there. A file is hashed again while it is copied: if it
   * no longer matches the digest taken earlier, it changed during registration and is refused.
   */
  async putBlob(source, onProgress) {
    if (await this.hasBlob(source.digest, source.size)) return;
    const target = this.blobPath(source.digest);
    if (source.kind === "bytes") {
      await writeFileAtomic(target, source.bytes);
      return;
    }
    const me = currentProcess();
    const temporary = join2(this.root, "blobs", "sha256", `.upload-${me.pid}-${me.start_time ?? "x"}-${crypto().randomBytes(6).toString("hex")}.tmp`);
    const hash = crypto().createHash("sha256");
    let size = 0;
    const handle = await open3(temporary, "w");
    try {
      for await (const chunk of createReadStream2(source.path)) {
        const bytes = chunk;
        hash.update(bytes);
        size += bytes.length;
        await handle.write(bytes);
        onProgress?.(size, source.size);
      }
      await handle.sync();
      await handle.close();
      const actual = `sha256:${hash.digest("hex")}`;
      if (actual !== source.digest || size !== source.size) {
        throw new UserError("the file changed while it was being registered", {
          where: { file: source.displayPath },
          hint: "Something is still writing it (a training job?). Register it once it is complete; nothing was registered."
        });
      }
      await rename2(temporary, target);
    } catch (error) {
      await handle.close().catch(() => void 0);
      await rm3(temporary, { force: true });
      throw error;
    }
  }
  /**
   * Removes temporary uploads left by registrations that were killed (kill -9, a cancelled job):
   * those whose process is gone or was replaced (pid reused), and unnamed ones older than a day.
   */
  async removeAbandonedUploads() {
    const folder = join2(this.root, "blobs", "sha256");
    const removed = [];
    let names;
    try {
      names = await readdir(folder);
    } catch {
      return removed;
    }
    const host = hostname3();
    for (const name of names) {
      if (!name.startsWith(".upload-") || !name.endsWith(".tmp")) continue;
      const owned = /^\.upload-([0-9]+)-([0-9]+|x)-[0-9a-f]+\.tmp$/.exec(name);
      let abandoned;
      if (owned) {
        abandoned = ownerState({ pid: Number(owned[1]), host, ...owned[2] !== "x" ? { start_time: owned[2] } : {} }) === "gone";
      } else {
        abandoned = await stat2(join2(folder, name)).then((s) => Date.now() - s.mtimeMs > ABANDONED_UPLOAD_MS, () => false);
      }
      if (abandoned) {
        await rm3(join2(folder, name), { force: true });
        removed.push(name);
      }
    }
    return removed;
  }
  /** A read view on one model's tags. */
  repository(name) {
    return new LayoutRepository(this, name);
  }
  async readBlob(descriptor, what) {
    const digest = descriptor.digest;
    const where = `${this.display}/blobs/sha256/${hexOf(digest)}`;
    const cap = what === "manifest" ? MAX_MANIFEST_BYTES : MAX_IN_MEMORY_BLOB_BYTES;
    if (descriptor.size > cap) throw new UserError(`${what} ${digest} declares ${descriptor.size} bytes, more than the ${cap} read into memory`, { where: { file: where }, hint: "The layout is corrupt or crafted." });
    const found = await stat2(this.blobPath(digest)).then((s) => s.size, () => void 0);
    if (found !== void 0 && found !== descriptor.size) throw digestMismatch(what, digest, `${found} bytes instead of ${descriptor.size}`, where);
    let bytes;
    try {
      bytes = await readFile2(this.blobPath(digest));
    } catch {
      throw new UserError(`${what} ${digest} is missing from the layout`, { where: { file: this.display }, hint: "The layout is incomplete or corrupt." });
    }
    verifyBytes(bytes, digest, descriptor.size, what, `${this.display}/blobs/sha256/${hexOf(digest)}`);
    return bytes;
  }
};
var LayoutRepository = class {
  constructor(layout, name) {
    this.layout = layout;
    this.name = name;
    this.display = `${layout.display} (${name})`;
  }
  layout;
  name;
  display;
  async tags() {
    return (await this.layout.tagEntries()).filter((entry) => entry.name === this.name).map((entry) => entry.tag);
  }
  async manifest(reference) {
    let descriptor;
    if (isDigest(reference)) {
      const entries = await this.layout.tagEntries();
      descriptor = entries.find((entry) => entry.descriptor.digest === reference)?.descriptor;
      if (!descriptor && existsSync(this.layout.blobPath(reference))) {
        descriptor = { mediaType: MANIFEST_MEDIA_TYPE, digest: reference, size: (await stat2(this.layout.blobPath(reference))).size };
      }
    } else {
      descriptor = (await this.layout.tagEntries()).find((entry) => entry.name === this.name && entry.tag === reference)?.descriptor;
    }
    if (!descriptor) return void 0;
    const bytes = await this.layout.readBlob(descriptor, "manifest");
    return { digest: descriptor.digest, bytes, manifest: parseManifest(bytes, `${this.layout.display}@${descriptor.digest}`) };
  }
  blobBytes(descriptor) {
    return this.layout.readBlob(descriptor, "blob");
  }
  async blobToFile(descriptor, path) {
    const digest = descriptor.digest;
    const source = this.layout.blobPath(digest);
    if (!existsSync(source)) throw new UserError(`blob ${digest} is missing from the layout`, { where: { file: this.layout.display }, hint: "The layout is incomplete or corrupt." });
    await writeVerified(createReadStream2(source), path, digest, descriptor.size, `blob ${descriptor.annotations?.[ANNOTATION.title] ?? ""}`.trim(), `${this.layout.display}/blobs/sha256/${hexOf(digest)}`);
  }
};
function parseManifest(bytes, where) {
  let data;
  try {
    data = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new UserError("the manifest is not JSON", { where: { file: where } });
  }
  const result = ImageManifest.safeParse(data);
  if (!result.success) throw new UserError(`not an OCI image manifest: ${result.error.issues[0].message}`, { where: { file: where, key: result.error.issues[0].path.map(String).join(".") } });
  return result.data;
}

// shared/registry/terminal-text.ts
var UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff]/gu;
function terminalSafe(value) {
  return value.replace(UNSAFE, (c) => `\\u{${c.codePointAt(0).toString(16)}}`);
}
var JSON_LAYOUT = /* @__PURE__ */ new Set(["\n", "	"]);
function jsonTerminalSafe(json) {
  return json.replace(UNSAFE, (c) => JSON_LAYOUT.has(c) ? c : `\\u${c.codePointAt(0).toString(16).padStart(4, "0")}`);
}

// shared/registry/remote/upload.ts
import { open as open4 } from "node:fs/promises";
import { setTimeout as sleep3 } from "node:timers/promises";

// shared/registry/remote/http.ts
import { setTimeout as sleep2 } from "node:timers/promises";

// shared/registry/remote/challenge.ts
function parseChallenge(header) {
  if (!header) return void 0;
  const match = /^\s*([A-Za-z]+)\s*(.*)$/s.exec(header);
  if (!match) return void 0;
  const scheme = match[1].toLowerCase();
  const params = {};
  const pairs = /([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (const pair of match[2].matchAll(pairs)) params[pair[1].toLowerCase()] = pair[2] !== void 0 ? pair[2].replace(/\\(.)/g, "$1") : pair[3] ?? "";
  return { scheme: scheme === "basic" ? "basic" : scheme === "bearer" ? "bearer" : "other", params };
}

// shared/registry/remote/http.ts
var TokenResponse = looseObject({ token: optional(string()), access_token: optional(string()) });
var ErrorBody = looseObject({ errors: optional(array(looseObject({ code: optional(string()), message: optional(string()) }))) });
var MAX_RETRY_AFTER_MS = 6e4;
var RegistryHttpError = class extends UserError {
  constructor(message, status, options = {}, code) {
    super(message, options);
    this.status = status;
    this.code = code;
  }
  status;
  code;
};
var RegistryHttp = class {
  constructor(options) {
    this.options = options;
    if (options.insecure && !isLoopbackHost(options.host)) {
      throw new UserError(`insecure (plain HTTP) is allowed for loopback registries only, not ${options.host}`, { where: { key: "insecure" }, hint: "Remove `insecure`; remote registries are reached over HTTPS." });
    }
    this.base = `${options.insecure ? "http" : "https"}://${options.host}`;
    this.attempts = options.attempts ?? 4;
    this.retryDelayMs = options.retryDelayMs ?? 250;
    this.timeoutMs = options.timeoutMs ?? 10 * 6e4;
  }
  options;
  base;
  authorization;
  sentBasic = false;
  attempts;
  retryDelayMs;
  timeoutMs;
  get host() {
    return this.options.host;
  }
  url(pathOrUrl) {
    return new URL(pathOrUrl, this.base);
  }
  /** One request with authentication; retried when `retry` is set and the failure is transient. */
  async request(method, pathOrUrl, options) {
    const url = typeof pathOrUrl === "string" ? this.url(pathOrUrl) : pathOrUrl;
    const attempts = this.attempts;
    let lastError;
    let waitMs;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) await sleep2(waitMs ?? this.retryDelayMs * 2 ** (attempt - 2));
      waitMs = void 0;
      try {
        const response = await this.authenticated(method, url, options);
        if (response.status === 429 && attempt < attempts) {
          waitMs = this.retryAfter(response, options);
          this.options.log?.(`cannot ${options.what}: HTTP 429 (too many requests), retrying in ${(waitMs / 1e3).toFixed(1)} s (${attempt}/${attempts - 1})`);
          await response.body?.cancel();
          continue;
        }
        if (!options.retry && response.status >= 500) throw await this.failure(response, options);
        if (response.status >= 500 && attempt < attempts) {
          this.options.log?.(`cannot ${options.what}: HTTP ${response.status}, retrying (${attempt}/${attempts - 1})`);
          await response.body?.cancel();
          lastError = await this.failure(response, options);
          continue;
        }
        if (response.ok || options.allow?.includes(response.status)) return response;
        throw await this.failure(response, options);
      } catch (error) {
        if (error instanceof UserError) throw error;
        lastError = this.networkFailure(error, options);
        if (!options.retry) throw lastError;
        if (attempt < attempts) this.options.log?.(`${lastError.message}, retrying (${attempt}/${attempts - 1})`);
      }
    }
    throw lastError;
  }
  /** How long a 429 asks us to wait: Retry-After in seconds or as a date, bounded; else the backoff. */
  retryAfter(response, options) {
    const header = response.headers.get("retry-after")?.trim();
    if (!header) return this.retryDelayMs;
    const seconds = /^[0-9]+$/.test(header) ? Number(header) : (Date.parse(header) - Date.now()) / 1e3;
    if (!Number.isFinite(seconds)) return this.retryDelayMs;
    const ms = Math.max(0, seconds * 1e3);
    if (ms > MAX_RETRY_AFTER_MS) {
      throw new RegistryHttpError(`cannot ${options.what} on ${this.options.host}: HTTP 429, and the registry asks to wait ${Math.round(ms / 1e3)} s (more than the ${MAX_RETRY_AFTER_MS / 1e3} s this step waits)`, 429, {
        hint: "The registry is rate-limiting these credentials; run the step again later."
      });
    }
    return ms;
  }
  async send(method, url, options, authorization) {
    const headers = { ...options.headers };
    if (authorization) headers.authorization = authorization;
    return fetch(url, {
      method,
      headers,
      body: options.body,
      redirect: "follow",
      signal: AbortSignal.timeout(this.timeoutMs)
    });
  }
  async authenticated(method, url, options) {
    const first = await this.send(method, url, options, this.authorization);
    if (first.status !== 401) return first;
    const challenge = parseChallenge(first.headers.get("www-authenticate"));
    await first.body?.cancel();
    if (!challenge || challenge.scheme === "other") throw this.unauthorized(options, "the registry answered 401 without a usable WWW-Authenticate challenge");
    if (challenge.scheme === "basic") {
      if (!this.options.credentials?.username) throw this.unauthorized(options, "the registry requires a user name and password");
      if (this.sentBasic && this.authorization?.startsWith("Basic ")) throw this.unauthorized(options, "the registry rejected the user name and password");
      this.authorization = basic(this.options.credentials);
      this.sentBasic = true;
    } else {
      this.authorization = `Bearer ${await this.token(challenge, options)}`;
    }
    const second = await this.send(method, url, options, this.authorization);
    if (second.status === 401) {
      await second.body?.cancel();
      throw this.unauthorized(options, this.options.credentials?.username ? "the registry rejected the credentials" : "the registry requires credentials");
    }
    return second;
  }
  /** The Bearer token exchange: GET realm?service=…&scope=… (with Basic credentials when we have them). */
  async token(challenge, options) {
    const realm = challenge.params.realm;
    if (!realm) throw this.unauthorized(options, "the Bearer challenge has no realm");
    let realmUrl;
    try {
      realmUrl = new URL(realm);
    } catch {
      throw this.unauthorized(options, `the token realm "${realm}" is not a URL`);
    }
    if (realmUrl.protocol !== "https:" && !(realmUrl.protocol === "http:" && isLoopbackHost(realmUrl.host))) {
      throw this.unauthorized(options, `the token realm ${realmUrl.origin} is not HTTPS; credentials are not sent there`);
    }
    const scope = challenge.params.scope ?? "";
    if (challenge.params.service) realmUrl.searchParams.set("service", challenge.params.service);
    for (const one of scope.split(" ").filter(Boolean)) realmUrl.searchParams.append("scope", one);
    const headers = { accept: "application/json" };
    if (this.options.credentials?.username) headers.authorization = basic(this.options.credentials);
    let response;
    try {
      response = await fetch(realmUrl, { headers, signal: AbortSignal.timeout(6e4) });
    } catch (error) {
      throw this.networkFailure(error, { ...options, what: `get a registry token from ${realmUrl.host}` });
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw this.unauthorized(options, `the token service ${realmUrl.host} answered ${response.status}${response.status === 401 ? " (credentials rejected)" : ""}`);
    }
    const parsed = TokenResponse.safeParse(
      await readBounded(response, MAX_DOCUMENT_BYTES, "a token answer", realmUrl.host).then((body) => JSON.parse(body.toString("utf8"))).catch(() => void 0)
    );
    const token = parsed.success ? parsed.data.token ?? parsed.data.access_token : void 0;
    if (!token) throw this.unauthorized(options, `the token service ${realmUrl.host} returned no token`);
    return token;
  }
  unauthorized(options, why) {
    return new RegistryHttpError(`cannot ${options.what} on ${this.options.host}: ${why}`, 401, {
      hint: "Set registry-username and registry-password (GHCR: github.actor and a GITHUB_TOKEN with `packages: write`)."
    });
  }
  async failure(response, options) {
    let detail = "";
    let code;
    try {
      const body = ErrorBody.safeParse(JSON.parse((await readBounded(response, 64 * 1024, "an error body", this.options.host)).toString("utf8")));
      const first = body.success ? body.data.errors?.[0] : void 0;
      code = first?.code;
      if (first) detail = `: ${terminalSafe([first.code, first.message].filter(Boolean).join(" ").slice(0, 500))}`;
    } catch {
    }
    const status = response.status;
    const hint = status === 403 ? "The credentials are valid but may not write here (GHCR: `permissions: packages: write`, and the package must grant this repository access)." : status >= 500 ? "The registry failed; nothing was tagged. Run the step again." : void 0;
    return new RegistryHttpError(`cannot ${options.what} on ${this.options.host}: HTTP ${status}${detail}`, status, { hint }, code);
  }
  networkFailure(error, options) {
    const cause = error.cause;
    const why = cause?.code ?? cause?.message ?? error.message ?? String(error);
    return new RegistryHttpError(`cannot ${options.what}: ${this.options.host} is unreachable (${why})`, void 0, {
      hint: "Check the registry address and that it is up; nothing was tagged."
    });
  }
};
function basic(credentials) {
  return `Basic ${Buffer.from(`${credentials.username ?? ""}:${credentials.password ?? ""}`).toString("base64")}`;
}

// shared/registry/remote/upload.ts
var DEFAULT_CHUNK_BYTES = 16 * 1024 * 1024;
var FileChanged = class extends UserError {
};
async function uploadBlob(http, repository, source, options, onProgress) {
  const maxFailures = options.maxFailures ?? 5;
  const retryDelayMs = options.retryDelayMs ?? 250;
  const handle = source.kind === "file" ? await open4(source.path, "r") : void 0;
  const read = (offset, length) => handle ? readRange(handle, offset, length) : Promise.resolve(source.bytes.subarray(offset, offset + length));
  const what = `upload blob ${source.digest}${source.kind === "file" ? ` (${source.displayPath})` : ""}`;
  try {
    let failures = 0;
    for (; ; ) {
      try {
        const location = await startUpload(http, repository, what);
        if (source.size <= options.chunkBytes) {
          await putWhole(http, location, source, read, what);
        } else {
          await sendChunks(http, location, source, read, options, what, onProgress, () => {
            failures++;
            if (failures > maxFailures) return false;
            return true;
          }, retryDelayMs);
        }
        onProgress?.(source.size, source.size);
        return;
      } catch (error) {
        if (error instanceof FileChanged || !isTransient(error)) throw error;
        failures++;
        if (failures > maxFailures) throw error;
        options.log?.(`${what}: ${error.message}; starting the upload again (${failures}/${maxFailures})`);
        await sleep3(retryDelayMs * 2 ** Math.min(failures - 1, 5));
      }
    }
  } finally {
    await handle?.close();
  }
}
function isTransient(error) {
  if (!(error instanceof RegistryHttpError)) return false;
  return error.status === void 0 || error.status >= 500 || error.status === 404 || error.status === 416 || error.status === 400;
}
async function startUpload(http, repository, what) {
  const response = await http.request("POST", `/v2/${repository}/blobs/uploads/`, { retry: true, what });
  await response.body?.cancel();
  return uploadLocation(http, response, what);
}
function uploadLocation(http, response, what) {
  const location = response.headers.get("location");
  if (!location) throw new RegistryHttpError(`cannot ${what}: the registry gave no upload location`, response.status);
  return http.url(location);
}
function withDigest(location, digest) {
  const url = new URL(location);
  url.searchParams.set("digest", digest);
  return url;
}
async function readRange(handle, start, length) {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, start + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === length ? buffer : buffer.subarray(0, filled);
}
function changed(source) {
  return new FileChanged("the model file changed while it was being uploaded", {
    where: { file: source.kind === "file" ? source.displayPath : void 0 },
    hint: "Something is still writing it (a training job?). Register it once it is complete; nothing was tagged."
  });
}
async function putWhole(http, location, source, read, what) {
  const body = await read(0, source.size);
  if (body.length !== source.size || `sha256:${crypto().createHash("sha256").update(body).digest("hex")}` !== source.digest) throw changed(source);
  const response = await http.request("PUT", withDigest(location, source.digest), {
    headers: { "content-type": "application/octet-stream" },
    body,
    what
  });
  await response.body?.cancel();
}
async function sendChunks(http, start, source, read, options, what, onProgress, mayRetry, retryDelayMs) {
  let location = start;
  let offset = 0;
  const hash = crypto().createHash("sha256");
  let hashedTo = 0;
  while (offset < source.size) {
    const length = Math.min(options.chunkBytes, source.size - offset);
    const chunk = await read(offset, length);
    if (chunk.length !== length) throw changed(source);
    if (offset + length > hashedTo) {
      hash.update(chunk.subarray(hashedTo - offset));
      hashedTo = offset + length;
    }
    try {
      const response2 = await http.request("PATCH", location, {
        headers: { "content-type": "application/octet-stream", "content-range": `${offset}-${offset + length - 1}` },
        body: chunk,
        what
      });
      await response2.body?.cancel();
      location = uploadLocation(http, response2, what);
      offset += length;
      onProgress?.(offset, source.size);
    } catch (error) {
      if (!isTransient(error) || !mayRetry()) throw error;
      options.log?.(`${what}: chunk at byte ${offset} failed (${error.message}); asking the registry where to resume`);
      await sleep3(retryDelayMs);
      const status = await http.request("GET", location, { what: `${what} (status)` });
      await status.body?.cancel();
      const range = /^(?:bytes=)?0-([0-9]+)$/.exec(status.headers.get("range") ?? "");
      location = uploadLocation(http, status, what);
      const received = range ? Number(range[1]) + 1 : 0;
      if (received > offset + length || received > hashedTo) throw new RegistryHttpError(`cannot ${what}: the registry reports more bytes than were sent`, 400);
      offset = received;
    }
  }
  if (hashedTo !== source.size || `sha256:${hash.digest("hex")}` !== source.digest) {
    await http.request("DELETE", location, { allow: [400, 404, 405], what: `${what} (cancel)` }).then((r) => r.body?.cancel()).catch(() => void 0);
    throw changed(source);
  }
  const response = await http.request("PUT", withDigest(location, source.digest), { what });
  await response.body?.cancel();
}

// shared/registry/remote/repository.ts
import { setTimeout as sleep4 } from "node:timers/promises";
var BLOB_SETTLING_CODES = /* @__PURE__ */ new Set(["DIGEST_INVALID", "MANIFEST_BLOB_UNKNOWN", "BLOB_UNKNOWN"]);
var MAX_TAG_PAGES = 1e3;
var MANIFEST_ACCEPT = [MANIFEST_MEDIA_TYPE, INDEX_MEDIA_TYPE].join(", ");
var RemoteRepository = class {
  constructor(http, repository) {
    this.http = http;
    this.repository = repository;
    this.display = `${http.host}/${repository}`;
  }
  http;
  repository;
  display;
  path(suffix) {
    return `/v2/${this.repository}/${suffix}`;
  }
  async tags() {
    const tags = [];
    const visited = /* @__PURE__ */ new Set();
    let next = this.path("tags/list?n=1000");
    for (let page = 1; next; page++) {
      const url = this.http.url(next);
      if (url.origin !== this.http.url("/").origin) throw new UserError(`the registry's tag list for ${this.display} links to another origin (${url.origin}); not following it`, { hint: "Pagination links must stay on the registry." });
      if (visited.has(url.href)) throw new UserError(`the registry's tag list for ${this.display} links back to a page it already sent (${url.pathname}${url.search}); stopping`, { hint: "The registry paginates in a loop: it is misbehaving." });
      if (page > MAX_TAG_PAGES) throw new UserError(`the registry's tag list for ${this.display} goes on for more than ${MAX_TAG_PAGES} pages; stopping`, { hint: "The registry paginates without end, or the repository holds more tags than this suite reads." });
      visited.add(url.href);
      const response = await this.http.request("GET", url, { retry: true, allow: [404], what: `list the tags of ${this.repository}` });
      if (response.status === 404) {
        await response.body?.cancel();
        return [];
      }
      const body = await readBounded(response, MAX_DOCUMENT_BYTES, "a tag list page", this.display);
      let json;
      try {
        json = JSON.parse(body.toString("utf8"));
      } catch {
        json = void 0;
      }
      const parsed = TagList.safeParse(json);
      if (!parsed.success) throw new UserError(`the registry returned a malformed tag list for ${this.display}`, { hint: "Is this an OCI distribution registry?" });
      tags.push(...parsed.data.tags ?? []);
      next = nextLink(response.headers.get("link"));
    }
    return tags;
  }
  /** The digest a tag points at, or undefined when the tag does not exist. */
  async resolveTag(tag) {
    const response = await this.http.request("HEAD", this.path(`manifests/${tag}`), { headers: { accept: MANIFEST_ACCEPT }, retry: true, allow: [404], what: `look up ${this.repository}:${tag}` });
    if (response.status === 404) return void 0;
    const digest = response.headers.get("docker-content-digest");
    if (digest && isDigest(digest)) return digest;
    return (await this.manifest(tag))?.digest;
  }
  async manifest(reference) {
    const response = await this.http.request("GET", this.path(`manifests/${reference}`), { headers: { accept: MANIFEST_ACCEPT }, retry: true, allow: [404], what: `read the manifest ${this.repository}:${reference}` });
    if (response.status === 404) {
      await response.body?.cancel();
      return void 0;
    }
    const bytes = await readBounded(response, MAX_MANIFEST_BYTES, `the manifest ${this.repository}:${reference}`, this.display);
    const digest = digestOf(bytes);
    const expected = isDigest(reference) ? reference : response.headers.get("docker-content-digest");
    if (expected && expected !== digest) throw digestMismatch("manifest", expected, digest, `${this.display}@${reference}`);
    return { digest, bytes, manifest: parseManifest(bytes, `${this.display}@${digest}`) };
  }
  /**
   * Stores a manifest under a tag or digest. With `ifAbsent`, asks the registry not to overwrite
   * an existing tag (`If-None-Match: *`): registries that honour it answer 412 and this returns
   * 'taken'; the others ignore the header (the caller's claim and read-back cover them).
   */
  async putManifest(reference, bytes, options = {}) {
    let response;
    for (let attempt = 1; ; attempt++) {
      try {
        response = await this.http.request("PUT", this.path(`manifests/${reference}`), {
          headers: { "content-type": MANIFEST_MEDIA_TYPE, ...options.ifAbsent ? { "if-none-match": "*" } : {} },
          body: bytes,
          retry: true,
          allow: options.ifAbsent ? [412] : void 0,
          what: `store the manifest ${this.repository}:${reference}`
        });
        break;
      } catch (error) {
        if (!(error instanceof RegistryHttpError) || !BLOB_SETTLING_CODES.has(error.code ?? "") || attempt >= 4) throw error;
        await sleep4(100 * attempt);
      }
    }
    await response.body?.cancel();
    if (response.status === 412) return "taken";
    const returned = response.headers.get("docker-content-digest");
    if (returned && returned !== digestOf(bytes)) throw digestMismatch("the stored manifest", digestOf(bytes), returned, `${this.display}:${reference}`);
    return "stored";
  }
  /** Deletes a manifest by digest (and, on most registries, every tag on it); false where deletes are not allowed. */
  /**
   * 'unsupported' when the registry refuses deletes (405, 501, or distribution's 400
   * UNSUPPORTED); 'missing' on a 404, which distribution also answers when a concurrent tag
   * write changed the tags it walks while deleting — so the caller looks again.
   */
  async deleteManifest(digest) {
    const response = await this.http.request("DELETE", this.path(`manifests/${digest}`), { retry: true, allow: [400, 404, 405, 501], what: `delete the manifest ${digest}` });
    await response.body?.cancel();
    if (response.ok) return "deleted";
    return response.status === 404 ? "missing" : "unsupported";
  }
  async hasBlob(digest) {
    const response = await this.http.request("HEAD", this.path(`blobs/${digest}`), { retry: true, allow: [404], what: `check for blob ${digest}` });
    return response.status !== 404;
  }
  /** Uploads a blob unless the registry already has it. */
  async putBlob(source, options, onProgress) {
    if (await this.hasBlob(source.digest)) return "exists";
    await uploadBlob(this.http, this.repository, source, options, onProgress);
    return "uploaded";
  }
  async blobResponse(descriptor) {
    return this.http.request("GET", this.path(`blobs/${descriptor.digest}`), { retry: true, what: `download blob ${descriptor.digest}` });
  }
  async blobBytes(descriptor) {
    if (descriptor.size > MAX_IN_MEMORY_BLOB_BYTES) {
      throw new UserError(`blob ${descriptor.digest} of ${this.display} declares ${descriptor.size} bytes, more than the ${MAX_IN_MEMORY_BLOB_BYTES} read into memory`, { hint: "Configs, cards and run records are small: the manifest is not one this suite wrote." });
    }
    const bytes = await readBounded(await this.blobResponse(descriptor), descriptor.size, `blob ${descriptor.digest} (declared ${descriptor.size} bytes)`, this.display);
    verifyBytes(bytes, descriptor.digest, descriptor.size, "blob", `${this.display}@${descriptor.digest}`);
    return bytes;
  }
  async blobToFile(descriptor, path) {
    const response = await this.blobResponse(descriptor);
    if (!response.body) throw new UserError(`the registry returned an empty body for blob ${descriptor.digest}`);
    const declared = Number(response.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > descriptor.size) {
      await response.body.cancel();
      throw new UserError(`blob ${descriptor.digest} of ${this.display} is sent as ${declared} bytes, more than the ${descriptor.size} its descriptor declares`, { hint: "The registry is misbehaving or hostile; nothing was written." });
    }
    const overflow = () => new UserError(`blob ${descriptor.digest} of ${this.display} is longer than the ${descriptor.size} bytes its descriptor declares; stopped reading`, { hint: "The registry is misbehaving or hostile; nothing was written." });
    await writeVerified(boundedChunks(response.body, descriptor.size, overflow), path, descriptor.digest, descriptor.size, "blob", `${this.display}@${descriptor.digest}`);
  }
};
function nextLink(header) {
  const match = header ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(header) : null;
  return match?.[1];
}

// shared/registry/remote/version-claim.ts
import { setTimeout as sleep5 } from "node:timers/promises";
var CLAIM_TAG_PREFIX = "mlops-claim-";
var CLAIM_ARTIFACT_TYPE = "application/vnd.mlops-actions.version-claim.v1";
var CLAIM_CONFIG_MEDIA_TYPE = "application/vnd.mlops-actions.version-claim.config.v1+json";
function claimPrefix(version) {
  return `${CLAIM_TAG_PREFIX}${crypto().createHash("sha256").update(version).digest("hex").slice(0, 16)}-`;
}
function isClaimTag(tag) {
  return tag.startsWith(CLAIM_TAG_PREFIX);
}
async function writeClaim(repository, version, upload) {
  const nonce = crypto().randomBytes(12).toString("hex");
  const configBytes = Buffer.from(JSON.stringify({ version, nonce }));
  const config = { mediaType: CLAIM_CONFIG_MEDIA_TYPE, digest: digestOf(configBytes), size: configBytes.length };
  await repository.putBlob({ kind: "bytes", bytes: configBytes, digest: config.digest, size: config.size }, upload);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MANIFEST_MEDIA_TYPE,
      artifactType: CLAIM_ARTIFACT_TYPE,
      config,
      layers: [config],
      annotations: { "io.mlops-actions.claim.version": version, "io.mlops-actions.claim.nonce": nonce, "org.opencontainers.image.created": (/* @__PURE__ */ new Date()).toISOString() }
    })
  );
  const tag = `${claimPrefix(version)}${nonce}`;
  await repository.putManifest(tag, manifest);
  return { tag, digest: digestOf(manifest), manifest };
}
function judgeClaim(tags, version, mine) {
  if (!tags.includes(mine.tag)) return { won: false, why: `my claim ${mine.tag} is not listed (the registry does not read back what it stores)` };
  if (tags.includes(version)) return { won: false, why: `${version} was registered concurrently` };
  const prefix = claimPrefix(version);
  const rivals = tags.filter((tag) => tag.startsWith(prefix) && tag !== mine.tag);
  if (rivals.length) return { won: false, why: `${rivals.length} concurrent registration(s) claimed ${version} at the same time` };
  return { won: true };
}
async function removeClaim(repository, claim) {
  for (let attempt = 1; attempt <= 6; attempt++) {
    const deleted = await repository.deleteManifest(claim.digest).catch(() => void 0);
    if (deleted === "unsupported") return;
    const listed = await repository.tags().catch(() => void 0);
    if (listed && !listed.includes(claim.tag)) return;
    if (listed && await repository.resolveTag(claim.tag).catch(() => claim.digest) === void 0) {
      await repository.putManifest(claim.tag, claim.manifest).catch(() => void 0);
    }
    await sleep5(100 * attempt);
  }
}

// shared/registry/versions.ts
function nextVersion(tags) {
  return `v${highestVersionNumber(tags) + 1}`;
}
function highestVersionNumber(tags) {
  let highest = 0;
  for (const tag of tags) {
    const match = AUTO_VERSION_PATTERN.exec(tag);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return highest;
}
function latestVersion(tags) {
  const highest = highestVersionNumber(tags);
  return highest > 0 ? `v${highest}` : void 0;
}
function isVersionTag(tag, manifest) {
  return manifest.annotations?.[ANNOTATION.version] === tag;
}
function sortTags(tags) {
  const number2 = (tag) => Number(AUTO_VERSION_PATTERN.exec(tag)?.[1] ?? Number.POSITIVE_INFINITY);
  return [...tags].sort((a, b) => number2(a) - number2(b) || a.localeCompare(b));
}

// shared/registry/open.ts
var VersionNotFoundError = class extends UserError {
  constructor(message, wanted, knownTags, options) {
    super(message, options);
    this.wanted = wanted;
    this.knownTags = knownTags;
  }
  wanted;
  knownTags;
};
function remoteHttp(location, access, host) {
  if (access.password) host?.setSecret(access.password);
  if (access.insecure && !isLoopbackHost(location.host)) {
    throw new UserError(`insecure (plain HTTP) is allowed for loopback registries only, not ${location.host}`, { where: { key: "insecure" } });
  }
  return new RegistryHttp({
    host: location.host,
    insecure: access.insecure ?? false,
    credentials: access.username || access.password ? { username: access.username, password: access.password } : void 0,
    log: host ? (message) => host.info(message) : void 0
  });
}
async function resolveVersion(cwd, reference, access, host, defaultName) {
  let reader;
  let name;
  if (reference.location.kind === "remote") {
    reader = new RemoteRepository(remoteHttp(reference.location, access, host), reference.repository);
    name = reference.name;
  } else {
    const layout = await OciLayout.open(cwd, reference.location.dir);
    name = reference.name ?? await pickName(layout, reference, defaultName);
    reader = layout.repository(name);
  }
  let tag = reference.tag;
  if (tag === LATEST) {
    tag = latestVersion(await reader.tags());
    if (!tag) throw new UserError(`${reader.display} has no v<N> versions, so "latest" names nothing`, { hint: "Register a version first." });
  }
  const wanted = reference.digest ?? tag;
  const fetched = await reader.manifest(wanted);
  if (!fetched) {
    const known = (await reader.tags().catch(() => [])).filter((tag2) => !isClaimTag(tag2));
    throw new VersionNotFoundError(`${reader.display} has no version "${wanted}"`, wanted, known, {
      hint: known.length ? `Known tags: ${terminalSafe(known.slice(0, 20).join(", "))}${known.length > 20 ? ", \u2026" : ""}.` : "The repository is empty."
    });
  }
  if (reference.digest && tag !== void 0) {
    const tagged = await reader.manifest(tag);
    if (tagged?.digest !== reference.digest) throw new UserError(`${reader.display}:${tag} is ${tagged ? tagged.digest : "absent"}, not ${reference.digest}`, { hint: "The tag has moved, or the digest is wrong; use the digest alone to pin the exact version." });
  }
  return { reader, name, tag, fetched, ref: formatReference(reference.location, name, tag, fetched.digest) };
}
async function pickName(layout, reference, defaultName) {
  const entries = await layout.tagEntries();
  const names = [...new Set(entries.map((entry) => entry.name))].sort();
  if (defaultName && names.includes(defaultName)) return defaultName;
  const matching = reference.digest ? [...new Set(entries.filter((entry) => entry.descriptor.digest === reference.digest).map((entry) => entry.name))] : reference.tag === LATEST ? names : [...new Set(entries.filter((entry) => entry.tag === reference.tag).map((entry) => entry.name))];
  if (matching.length === 1) return matching[0];
  if (names.length === 0) throw new UserError(`${layout.display} holds no models yet`, { where: { file: layout.display }, hint: "Register a model first." });
  if (matching.length === 0) {
    const known = names.length === 1 ? entries.filter((entry) => entry.name === names[0]).map((entry) => entry.tag) : [];
    const wanted = reference.digest ?? reference.tag;
    if (known.length) throw new VersionNotFoundError(`no model in ${layout.display} has ${reference.digest ?? `the tag "${reference.tag}"`}`, wanted, known, { hint: `Models here: ${names.join(", ")}.` });
    throw new UserError(`no model in ${layout.display} has ${reference.digest ?? `the tag "${reference.tag}"`}`, { hint: `Models here: ${names.join(", ")}. Write ${layout.display}:<name>:<tag>.` });
  }
  throw new UserError(`${layout.display} holds several models with ${reference.digest ?? `the tag "${reference.tag}"`}: ${matching.join(", ")}`, {
    hint: `Name the model: ${layout.display}:${matching[0]}:${reference.tag ?? "tag"}.`
  });
}

export {
  digestOf,
  hexOf,
  digestFile,
  MODEL_NAME_PATTERN,
  AUTO_VERSION_PATTERN,
  LATEST,
  validateModelName,
  validateTag,
  validateAlias,
  parseRegistryLocation,
  parseModelReference,
  isLoopbackHost,
  remoteRepository,
  formatReference,
  MANIFEST_MEDIA_TYPE,
  MODEL_ARTIFACT_TYPE,
  MODEL_CONFIG_MEDIA_TYPE,
  MODEL_WEIGHT_MEDIA_TYPE,
  MODEL_CARD_MEDIA_TYPE,
  RUN_RECORD_MEDIA_TYPE,
  DATA_PROFILE_MEDIA_TYPE,
  ANNOTATION,
  isModelLayer,
  OciLayout,
  terminalSafe,
  jsonTerminalSafe,
  DEFAULT_CHUNK_BYTES,
  RemoteRepository,
  isClaimTag,
  writeClaim,
  judgeClaim,
  removeClaim,
  nextVersion,
  isVersionTag,
  sortTags,
  VersionNotFoundError,
  remoteHttp,
  resolveVersion
};
