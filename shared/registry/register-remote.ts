/**
 * Registering into a remote OCI registry, which has no compare-and-swap on tags. What we do:
 * upload every blob (skipping those the registry has), store the manifest by digest (not yet
 * visible as a version), check the version tag is still absent, tag it, then read the tag back
 * and require our digest. An auto-assigned version that was taken in between moves on to the
 * next number. What remains possible: two registrations that both pass the check within the
 * same instant can both tag; the later write wins and the earlier one's read-back usually
 * catches it (it fails loudly), but not always. Serialise registrations per model (the
 * workflow templates use a `concurrency:` group) to close that window.
 */
import { UserError } from '../errors/user-error.js';
import { buildVersion, type VersionContents } from './package.js';
import type { RemoteRepository } from './remote/repository.js';
import { aliasIsVersion, versionExists, type Registered, type RegistrationRequest } from './register-layout.js';
import type { UploadOptions } from './remote/upload.js';
import { isVersionTag, nextVersion } from './versions.js';

const MAX_VERSION_ATTEMPTS = 5;

export async function registerIntoRemote(repository: RemoteRepository, contents: VersionContents, request: RegistrationRequest, upload: UploadOptions): Promise<Registered> {
  const tags = await repository.tags();
  let version = request.version ?? nextVersion(tags);
  if (tags.includes(version)) throw versionExists(repository.display, contents.name, version);
  for (const alias of request.aliases) {
    if (!tags.includes(alias)) continue;
    const current = await repository.manifest(alias);
    if (current && isVersionTag(alias, current.manifest)) throw aliasIsVersion(repository.display, contents.name, alias);
  }

  for (const { source } of contents.layers) {
    const result = await repository.putBlob(source, upload, source.kind === 'file' ? request.onProgress : undefined);
    request.log?.(`${result === 'exists' ? 'already there' : 'uploaded'}: ${source.kind === 'file' ? source.displayPath : source.digest} (${source.size} bytes)`);
  }

  for (let attempt = 1; ; attempt++) {
    const built = buildVersion(contents, version);
    await repository.putBlob(built.config, upload);
    await repository.putManifest(built.digest, built.manifest);
    const taken = await repository.resolveTag(version);
    if (taken) {
      if (request.version !== undefined) throw versionExists(repository.display, contents.name, version);
      if (attempt >= MAX_VERSION_ATTEMPTS) throw new UserError(`could not assign a version in ${repository.display}: ${MAX_VERSION_ATTEMPTS} versions were taken by concurrent registrations`, { hint: 'Serialise registrations with a `concurrency:` group.' });
      request.log?.(`${version} was registered concurrently; trying the next version`);
      version = nextVersion([...(await repository.tags()), version]);
      continue;
    }
    await repository.putManifest(version, built.manifest);
    const readBack = await repository.resolveTag(version);
    if (readBack !== built.digest) {
      throw new UserError(`${contents.name}:${version} in ${repository.display} was overwritten by a concurrent registration (it points at ${readBack ?? 'nothing'})`, {
        hint: `This registration's manifest is stored untagged as ${built.digest}. Serialise registrations with a \`concurrency:\` group and register again.`,
      });
    }
    for (const alias of request.aliases) {
      await repository.putManifest(alias, built.manifest);
      const aliasTarget = await repository.resolveTag(alias);
      if (aliasTarget !== built.digest) request.log?.(`alias ${alias} was moved again concurrently (now ${aliasTarget ?? 'absent'})`);
    }
    return { version, digest: built.digest };
  }
}
