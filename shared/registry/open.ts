/** Opens the repository a reference points into and finds the manifest it names. */
import { UserError } from '../errors/user-error.js';
import type { Host } from '../host/host.js';
import type { Digest } from './digest.js';
import { OciLayout } from './layout.js';
import { LATEST, formatReference, isLoopbackHost, type ModelReference, type RemoteLocation } from './reference.js';
import { RegistryHttp, type Credentials } from './remote/http.js';
import { RemoteRepository } from './remote/repository.js';
import type { FetchedManifest, RepositoryReader } from './repository.js';
import { isClaimTag } from './remote/version-claim.js';
import { terminalSafe } from './terminal-text.js';
import { latestVersion } from './versions.js';

/**
 * The reference names a tag that the repository does not have, in a repository that exists and
 * holds other tags (e.g. `:prod` before the first deploy). Callers may treat it as "no version yet".
 */
export class VersionNotFoundError extends UserError {
  constructor(
    message: string,
    readonly wanted: string,
    readonly knownTags: string[],
    options: { hint?: string },
  ) {
    super(message, options);
  }
}

export interface RegistryAccess extends Credentials {
  /** Plain HTTP to a loopback registry. */
  insecure?: boolean;
}

export interface ResolvedVersion {
  reader: RepositoryReader;
  name: string;
  /** The tag the reference named (latest → the version it stands for), if any. */
  tag?: string;
  fetched: FetchedManifest;
  /** host/repo:tag@digest or dir:name:tag@digest */
  ref: string;
}

export function remoteHttp(location: RemoteLocation, access: RegistryAccess, host?: Pick<Host, 'info' | 'setSecret'>): RegistryHttp {
  if (access.password) host?.setSecret(access.password);
  if (access.insecure && !isLoopbackHost(location.host)) {
    throw new UserError(`insecure (plain HTTP) is allowed for loopback registries only, not ${location.host}`, { where: { key: 'insecure' } });
  }
  return new RegistryHttp({
    host: location.host,
    insecure: access.insecure ?? false,
    credentials: access.username || access.password ? { username: access.username, password: access.password } : undefined,
    log: host ? (message) => host.info(message) : undefined,
  });
}

/** Finds the version a reference names; a UserError when it does not exist. */
export async function resolveVersion(cwd: string, reference: ModelReference, access: RegistryAccess, host?: Pick<Host, 'info' | 'setSecret'>, defaultName?: string): Promise<ResolvedVersion> {
  let reader: RepositoryReader;
  let name: string;
  if (reference.location.kind === 'remote') {
    reader = new RemoteRepository(remoteHttp(reference.location, access, host), reference.repository!);
    name = reference.name!;
  } else {
    const layout = await OciLayout.open(cwd, reference.location.dir);
    name = reference.name ?? (await pickName(layout, reference, defaultName));
    reader = layout.repository(name);
  }
  let tag = reference.tag;
  if (tag === LATEST) {
    tag = latestVersion(await reader.tags());
    if (!tag) throw new UserError(`${reader.display} has no v<N> versions, so "latest" names nothing`, { hint: 'Register a version first.' });
  }
  const wanted: string = reference.digest ?? tag!;
  const fetched = await reader.manifest(wanted);
  if (!fetched) {
    const known = (await reader.tags().catch(() => [])).filter((tag) => !isClaimTag(tag));
    throw new VersionNotFoundError(`${reader.display} has no version "${wanted}"`, wanted, known, {
      hint: known.length ? `Known tags: ${terminalSafe(known.slice(0, 20).join(', '))}${known.length > 20 ? ', …' : ''}.` : 'The repository is empty.',
    });
  }
  if (reference.digest && tag !== undefined) {
    const tagged = await reader.manifest(tag);
    if (tagged?.digest !== reference.digest) throw new UserError(`${reader.display}:${tag} is ${tagged ? tagged.digest : 'absent'}, not ${reference.digest}`, { hint: 'The tag has moved, or the digest is wrong; use the digest alone to pin the exact version.' });
  }
  return { reader, name, tag, fetched, ref: formatReference(reference.location, name, tag, fetched.digest as Digest) };
}

/** A local reference without a model name: the one model in the layout that has the tag. */
async function pickName(layout: OciLayout, reference: ModelReference, defaultName: string | undefined): Promise<string> {
  const entries = await layout.tagEntries();
  const names = [...new Set(entries.map((entry) => entry.name))].sort();
  if (defaultName && names.includes(defaultName)) return defaultName;
  const matching = reference.digest
    ? [...new Set(entries.filter((entry) => entry.descriptor.digest === reference.digest).map((entry) => entry.name))]
    : reference.tag === LATEST
      ? names
      : [...new Set(entries.filter((entry) => entry.tag === reference.tag).map((entry) => entry.name))];
  if (matching.length === 1) return matching[0]!;
  if (names.length === 0) throw new UserError(`${layout.display} holds no models yet`, { where: { file: layout.display }, hint: 'Register a model first.' });
  if (matching.length === 0) {
    const known = names.length === 1 ? entries.filter((entry) => entry.name === names[0]).map((entry) => entry.tag) : [];
    const wanted = reference.digest ?? reference.tag!;
    if (known.length) throw new VersionNotFoundError(`no model in ${layout.display} has ${reference.digest ?? `the tag "${reference.tag}"`}`, wanted, known, { hint: `Models here: ${names.join(', ')}.` });
    throw new UserError(`no model in ${layout.display} has ${reference.digest ?? `the tag "${reference.tag}"`}`, { hint: `Models here: ${names.join(', ')}. Write ${layout.display}:<name>:<tag>.` });
  }
  throw new UserError(`${layout.display} holds several models with ${reference.digest ?? `the tag "${reference.tag}"`}: ${matching.join(', ')}`, {
    hint: `Name the model: ${layout.display}:${matching[0]}:${reference.tag ?? 'tag'}.`,
  });
}
