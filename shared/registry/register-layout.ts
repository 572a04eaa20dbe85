/**
 * Registering into a layout directory. Blobs are content-addressed and written first, outside
 * the lock; then, holding the layout's lock: read the index, assign the version, refuse an
 * existing one, write config and manifest, and replace index.json atomically with the version
 * tag and the moved aliases. Concurrent registrations (processes) therefore get distinct
 * versions and none is lost; a crash before the index is replaced leaves only unreferenced blobs.
 */
import { UserError } from '../errors/user-error.js';
import type { Digest } from './digest.js';
import type { OciLayout } from './layout.js';
import { ANNOTATION, MANIFEST_MEDIA_TYPE, MODEL_ARTIFACT_TYPE } from './media-types.js';
import type { Descriptor } from './oci-schema.js';
import { buildVersion, type VersionContents } from './package.js';
import type { BlobProgress } from './repository.js';
import { isVersionTag, nextVersion } from './versions.js';

export interface RegistrationRequest {
  /** Explicit version, or undefined for the next v<N>. */
  version?: string;
  aliases: string[];
  onProgress?: BlobProgress;
  log?: (message: string) => void;
}

export interface Registered {
  version: string;
  digest: Digest;
}

export function versionExists(where: string, name: string, version: string): UserError {
  return new UserError(`${name}:${version} already exists in ${where}`, {
    where: { key: 'version' },
    hint: 'Versions are immutable. Leave `version` empty to get the next v<N>, or choose a new version name.',
  });
}

export function aliasIsVersion(where: string, name: string, alias: string): UserError {
  return new UserError(`"${alias}" is a version of ${name} in ${where}, not an alias`, {
    where: { key: 'aliases' },
    hint: 'Versions never move. Choose another alias name.',
  });
}

export async function registerIntoLayout(layout: OciLayout, contents: VersionContents, request: RegistrationRequest): Promise<Registered> {
  const removed = await layout.removeAbandonedUploads();
  if (removed.length) request.log?.(`removed ${removed.length} temporary upload(s) left by registrations that were killed`);
  for (const { source } of contents.layers) await layout.putBlob(source, source.kind === 'file' ? request.onProgress : undefined);

  return layout.withLock(
    async () => {
      const index = await layout.readIndex();
      const entries = await layout.tagEntries();
      const mine = entries.filter((entry) => entry.name === contents.name);
      const tags = mine.map((entry) => entry.tag);
      const version = request.version ?? nextVersion(tags);
      if (tags.includes(version)) throw versionExists(layout.display, contents.name, version);
      for (const alias of request.aliases) {
        const current = mine.find((entry) => entry.tag === alias);
        if (!current) continue;
        const manifest = await layout.repository(contents.name).manifest(current.descriptor.digest);
        if (manifest && isVersionTag(alias, manifest.manifest)) throw aliasIsVersion(layout.display, contents.name, alias);
      }

      const built = buildVersion(contents, version);
      await layout.putBlob(built.config);
      await layout.putBlob({ kind: 'bytes', bytes: built.manifest, digest: built.digest, size: built.manifest.length });

      const entry = (tag: string): Descriptor => ({
        mediaType: MANIFEST_MEDIA_TYPE,
        artifactType: MODEL_ARTIFACT_TYPE,
        digest: built.digest,
        size: built.manifest.length,
        annotations: { [ANNOTATION.refName]: `${contents.name}:${tag}` },
      });
      const moved = new Set(request.aliases.map((alias) => `${contents.name}:${alias}`));
      index.manifests = index.manifests.filter((descriptor) => !moved.has(descriptor.annotations?.[ANNOTATION.refName] ?? ''));
      index.manifests.push(entry(version), ...request.aliases.map(entry));
      await layout.writeIndex(index);
      return { version, digest: built.digest };
    },
    { onWait: (owner) => request.log?.(`waiting for another registration to finish (${owner ? `pid ${owner.pid}` : 'lock held'}) …`) },
  );
}
