import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  buildVersion
} from "./chunk-U3M5CAYS.js";
import {
  ANNOTATION,
  MANIFEST_MEDIA_TYPE,
  MODEL_ARTIFACT_TYPE,
  isVersionTag,
  nextVersion
} from "./chunk-APGALERZ.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";

// shared/registry/register-layout.ts
function versionExists(where, name, version) {
  return new UserError(`${name}:${version} already exists in ${where}`, {
    where: { key: "version" },
    hint: "Versions are immutable. Leave `version` empty to get the next v<N>, or choose a new version name."
  });
}
function aliasIsVersion(where, name, alias) {
  return new UserError(`"${alias}" is a version of ${name} in ${where}, not an alias`, {
    where: { key: "aliases" },
    hint: "Versions never move. Choose another alias name."
  });
}
async function registerIntoLayout(layout, contents, request) {
  const removed = await layout.removeAbandonedUploads();
  if (removed.length) request.log?.(`removed ${removed.length} temporary upload(s) left by registrations that were killed`);
  for (const { source } of contents.layers) await layout.putBlob(source, source.kind === "file" ? request.onProgress : void 0);
  return layout.withLock(
    async () => {
      const index = await layout.readIndex();
      const entries = await layout.tagEntries();
      const mine = entries.filter((entry2) => entry2.name === contents.name);
      const tags = mine.map((entry2) => entry2.tag);
      const version = request.version ?? nextVersion(tags);
      if (tags.includes(version)) throw versionExists(layout.display, contents.name, version);
      for (const alias of request.aliases) {
        const current = mine.find((entry2) => entry2.tag === alias);
        if (!current) continue;
        const manifest = await layout.repository(contents.name).manifest(current.descriptor.digest);
        if (manifest && isVersionTag(alias, manifest.manifest)) throw aliasIsVersion(layout.display, contents.name, alias);
      }
      const built = buildVersion(contents, version);
      await layout.putBlob(built.config);
      await layout.putBlob({ kind: "bytes", bytes: built.manifest, digest: built.digest, size: built.manifest.length });
      const entry = (tag) => ({
        mediaType: MANIFEST_MEDIA_TYPE,
        artifactType: MODEL_ARTIFACT_TYPE,
        digest: built.digest,
        size: built.manifest.length,
        annotations: { [ANNOTATION.refName]: `${contents.name}:${tag}` }
      });
      const moved = new Set(request.aliases.map((alias) => `${contents.name}:${alias}`));
      index.manifests = index.manifests.filter((descriptor) => !moved.has(descriptor.annotations?.[ANNOTATION.refName] ?? ""));
      index.manifests.push(entry(version), ...request.aliases.map(entry));
      await layout.writeIndex(index);
      return { version, digest: built.digest };
    },
    { onWait: (owner) => request.log?.(`waiting for another registration to finish (${owner ? `pid ${owner.pid}` : "lock held"}) \u2026`) }
  );
}

export {
  versionExists,
  aliasIsVersion,
  registerIntoLayout
};
