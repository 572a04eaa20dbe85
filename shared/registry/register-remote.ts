/**
 * Registering into a remote OCI registry, which has no compare-and-swap on tags. What we do:
 * upload every blob (skipping those the registry has), store the manifest by digest (not yet
 * visible as a version), claim the version number with a claim manifest of our own and list
 * the tags (remote/version-claim.ts: of the registrations that overlap, at most one sees no
 * rival and tags), tag it, and read the tag back, requiring our digest. A registration that
 * loses moves on to the next number after a random pause; one that keeps losing, or whose
 * read-back shows another digest, fails and says so: it never reports a version it does not hold.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { UserError } from '../errors/user-error.js';
import { buildVersion, type VersionContents } from './package.js';
import type { RemoteRepository } from './remote/repository.js';
import { aliasIsVersion, versionExists, type Registered, type RegistrationRequest } from './register-layout.js';
import type { UploadOptions } from './remote/upload.js';
import { judgeClaim, removeClaim, writeClaim, type ClaimOutcome } from './remote/version-claim.js';
import { isVersionTag, nextVersion } from './versions.js';

export const MAX_VERSION_ATTEMPTS = 12;

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

  const tried: string[] = [];
  for (let attempt = 1; ; attempt++) {
    const built = buildVersion(contents, version);
    await repository.putBlob(built.config, upload);
    await repository.putManifest(built.digest, built.manifest);
    const claim = await writeClaim(repository, version, upload);
    let outcome: ClaimOutcome;
    let listed: string[];
    try {
      listed = await repository.tags();
      outcome = judgeClaim(listed, version, claim);
      // Where the registry honours If-None-Match, a taken tag is refused outright (unless it is
      // ours: a retried PUT whose first answer was lost).
      if (outcome.won && (await repository.putManifest(version, built.manifest, { ifAbsent: true })) === 'taken' && (await repository.resolveTag(version)) !== built.digest) {
        outcome = { won: false, why: `the registry refused to overwrite ${version} (If-None-Match)` };
      }
      if (outcome.won) {
        const readBack = await repository.resolveTag(version);
        if (readBack !== built.digest) {
          throw new UserError(`${contents.name}:${version} in ${repository.display} was overwritten by a concurrent registration (it points at ${readBack ?? 'nothing'})`, {
            hint: `This registration's manifest is stored untagged as ${built.digest}. Serialise registrations with a \`concurrency:\` group and register again.`,
          });
        }
      }
    } finally {
      // Only after the version tag is written: until then the claim keeps rivals off it.
      await removeClaim(repository, claim);
    }
    if (!outcome.won) {
      tried.push(version);
      if (request.version !== undefined) {
        if (listed.includes(version)) throw versionExists(repository.display, contents.name, version);
        throw new UserError(`could not register ${contents.name}:${version} in ${repository.display}: ${outcome.why}`, {
          hint: `Nothing was tagged; this registration's manifest is stored untagged as ${built.digest}. Serialise registrations with a \`concurrency:\` group and register again.`,
        });
      }
      if (attempt >= MAX_VERSION_ATTEMPTS) {
        throw new UserError(`could not assign a version in ${repository.display}: concurrent registrations took or contested ${tried.join(', ')}`, {
          hint: 'Nothing was tagged. Serialise registrations with a `concurrency:` group and register again.',
        });
      }
      request.log?.(`${version}: ${outcome.why}; trying the next version`);
      // A random pause spreads registrations that keep colliding.
      await sleep(Math.floor(Math.random() * 60 * Math.min(attempt, 6)));
      version = nextVersion([...listed, ...tried]);
      continue;
    }
    for (const alias of request.aliases) {
      await repository.putManifest(alias, built.manifest);
      const aliasTarget = await repository.resolveTag(alias);
      if (aliasTarget !== built.digest) request.log?.(`alias ${alias} was moved again concurrently (now ${aliasTarget ?? 'absent'})`);
    }
    return { version, digest: built.digest };
  }
}
