import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  safeTitle
} from "./chunk-U3M5CAYS.js";
import {
  ANNOTATION,
  hexOf
} from "./chunk-APGALERZ.js";
import {
  writeFileAtomic
} from "./chunk-OSEBCLTD.js";
import {
  crypto
} from "./chunk-GWCI4O4C.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";

// shared/registry/pull.ts
import { mkdir, rename, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
var RESERVED_NAMES = /* @__PURE__ */ new Set(["manifest.json"]);
async function makeTarget(target, dir) {
  try {
    await mkdir(target, { recursive: true });
  } catch (error) {
    const code = error.code;
    throw new UserError(
      code === "ENOTDIR" || code === "EEXIST" ? `cannot pull into ${dir}: it, or a folder above it, is a file` : `cannot create the folder ${dir} (${code ?? String(error)})`,
      { where: { file: dir }, hint: "Pull into a new or existing folder." }
    );
  }
}
function layerFileName(title, digest, taken) {
  let name = safeTitle(title ?? "", hexOf(digest));
  if (RESERVED_NAMES.has(name.toLowerCase())) name = hexOf(digest);
  if (taken.has(name.toLowerCase())) name = `${hexOf(digest).slice(0, 12)}-${name}`;
  if (taken.has(name.toLowerCase())) name = hexOf(digest);
  return name;
}
async function pullVersion(version, cwd, dir) {
  const target = resolve(cwd, dir);
  await makeTarget(target, dir);
  const { manifest } = version.fetched;
  if (manifest.layers.length === 0) throw new UserError(`${version.ref} has no layers`);
  const names = /* @__PURE__ */ new Set();
  const files = [];
  const staging = join(target, `.pull-${crypto().randomBytes(6).toString("hex")}`);
  await mkdir(staging);
  try {
    await version.reader.blobBytes(manifest.config);
    for (const layer of manifest.layers) {
      const name = layerFileName(layer.annotations?.[ANNOTATION.title], layer.digest, new Set([...names].map((n) => n.toLowerCase())));
      if (names.has(name)) throw new UserError(`${version.ref} lists the blob ${layer.digest} twice`, { hint: "The manifest is malformed; nothing was written." });
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

export {
  pullVersion
};
