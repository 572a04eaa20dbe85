/**
 * Points an alias (a moving tag such as `prod`) at an existing version, in a layout directory
 * (under the layout's lock, index.json replaced atomically) or a remote registry (the version's
 * manifest bytes PUT under the alias). Versions never move: an alias that names a version is refused.
 */
import { UserError } from '../errors/user-error.js';
import type { Host } from '../host/host.js';
import type { Digest } from './digest.js';
import { OciLayout } from './layout.js';
import { ANNOTATION } from './media-types.js';
import { remoteHttp, type RegistryAccess, type ResolvedVersion } from './open.js';
import { remoteRepository, validateAlias, type RegistryLocation } from './reference.js';
import { aliasIsVersion } from './register-layout.js';
import { RemoteRepository } from './remote/repository.js';
import { isVersionTag } from './versions.js';

export async function moveAlias(cwd: string, location: RegistryLocation, version: ResolvedVersion, alias: string, access: RegistryAccess, host: Host): Promise<void> {
  validateAlias(alias);
  const digest = version.fetched.digest as Digest;
  if (location.kind === 'layout') {
    const layout = await OciLayout.open(cwd, location.dir);
    await layout.withLock(async () => {
      const current = (await layout.tagEntries()).find((entry) => entry.name === version.name && entry.tag === alias);
      if (current) {
        const manifest = await layout.repository(version.name).manifest(current.descriptor.digest);
        if (manifest && isVersionTag(alias, manifest.manifest)) throw aliasIsVersion(layout.display, version.name, alias);
      }
      const index = await layout.readIndex();
      const refName = `${version.name}:${alias}`;
      const source = index.manifests.find((d) => d.digest === digest);
      if (!source) throw new UserError(`${version.ref} is no longer in ${layout.display}`);
      index.manifests = index.manifests.filter((d) => d.annotations?.[ANNOTATION.refName] !== refName);
      index.manifests.push({ ...source, annotations: { ...source.annotations, [ANNOTATION.refName]: refName } });
      await layout.writeIndex(index);
    });
    return;
  }
  const repository = new RemoteRepository(remoteHttp(location, access, host), remoteRepository(location, version.name));
  const current = await repository.manifest(alias);
  if (current && isVersionTag(alias, current.manifest)) throw aliasIsVersion(repository.display, version.name, alias);
  await repository.putManifest(alias, version.fetched.bytes);
}
