/**
 * Registry locations and model references, parsed strictly.
 *
 *   remote registry  oci://host[:port][/path]                 (register's `registry` input)
 *   remote reference oci://host[:port]/repository[:tag][@sha256:…]
 *   local registry   <layout dir>                              (an OCI image layout directory)
 *   local reference  <layout dir>[:<name>][:<tag>][@sha256:…]   e.g. .mlops/registry:v3,
 *                    .mlops/registry:churn:prod, .mlops/registry@sha256:…
 *
 * In a local reference the layout directory ends at the first `:` of its last path segment.
 */
import { UserError } from '../errors/user-error.js';
import { isDigest, type Digest } from './digest.js';

/** OCI distribution's repository path component. */
const REPOSITORY_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
/** OCI distribution's tag grammar. */
export const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
/** The issue's model-name grammar; names are also repository components, so both must hold. */
export const MODEL_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
/** Version tags this stage assigns: v1, v2, … */
export const AUTO_VERSION_PATTERN = /^v([1-9][0-9]*)$/;
/** Never stored as a tag: `latest` always means the highest v<N>, computed when read. */
export const LATEST = 'latest';

export interface LayoutLocation {
  kind: 'layout';
  /** The directory as the user wrote it (relative paths are resolved against the cwd later). */
  dir: string;
}

export interface RemoteLocation {
  kind: 'remote';
  /** host or host:port, as it goes into URLs. */
  host: string;
  /** Repository path prefix ('' for none). */
  path: string;
}

export type RegistryLocation = LayoutLocation | RemoteLocation;

export interface ModelReference {
  location: RegistryLocation;
  /** Local: the model name when the reference gives one. Remote: the repository's last component. */
  name?: string;
  /** Remote only: the full repository path. */
  repository?: string;
  tag?: string;
  digest?: Digest;
}

/** `scheme://user:token@host/…` → `scheme://***@host/…`: credentials never reach a message. */
export function redactCredentials(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1***@');
}

function badReference(value: string, why: string, key?: string): UserError {
  if (redactCredentials(value) !== value) {
    return new UserError(`"${redactCredentials(value)}" is not a valid registry reference: it carries credentials in the URL`, {
      where: key ? { key } : {},
      hint: 'Never put a token in a registry URL (it ends up in logs and records): pass registry-username and registry-password (from secrets) instead.',
    });
  }
  return new UserError(`"${value}" is not a valid registry reference: ${why}`, {
    where: key ? { key } : {},
    hint: 'Use a layout directory such as .mlops/registry[:name][:tag] or oci://host[:port]/repository[:tag][@sha256:<digest>].',
  });
}

export function validateModelName(name: string, key = 'name'): string {
  if (name.includes('/')) throw new UserError(`model name "${name}" contains a slash`, { where: { key }, hint: 'A model name is one path component: lower-case letters, digits, ".", "_" and "-".' });
  if (name.includes('..')) throw new UserError(`model name "${name}" contains ".."`, { where: { key }, hint: 'A model name cannot climb out of its repository.' });
  if (!MODEL_NAME_PATTERN.test(name) || !REPOSITORY_COMPONENT.test(name)) {
    throw new UserError(`model name "${name}" is not valid`, {
      where: { key },
      hint: 'Use lower-case letters and digits, separated by single ".", "_" or "-" (e.g. churn-classifier).',
    });
  }
  return name;
}

export function validateTag(tag: string, key: string): string {
  if (!TAG_PATTERN.test(tag)) {
    throw new UserError(`"${tag}" is not a valid tag`, {
      where: { key },
      hint: 'A tag is 1-128 characters: letters, digits, "_", "." and "-", not starting with "." or "-".',
    });
  }
  if (tag === LATEST) {
    throw new UserError('"latest" is reserved', { where: { key }, hint: '`latest` always resolves to the highest v<N> version; it cannot be set.' });
  }
  return tag;
}

/** An alias is a moving tag: not `latest`, and not shaped like an assigned version (v<N>). */
export function validateAlias(alias: string): string {
  validateTag(alias, 'aliases');
  if (/^v[0-9]+$/.test(alias)) {
    throw new UserError(`alias "${alias}" looks like a version`, { where: { key: 'aliases' }, hint: 'v<digits> names are reserved for immutable versions; pick an alias such as candidate, staging or prod.' });
  }
  return alias;
}

const REMOTE = /^oci:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::([0-9]{1,5}))?(\/.*)?$/;

function parseRemoteHost(value: string, key?: string): { host: string; rest: string } {
  const match = REMOTE.exec(value);
  if (!match) throw badReference(value, 'expected oci://host[:port]/repository', key);
  const [, hostname, port, rest] = match;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) throw badReference(value, `port ${port} is out of range`, key);
  return { host: port ? `${hostname}:${port}` : hostname!, rest: (rest ?? '').replace(/^\//, '') };
}

function validateRepositoryPath(path: string, original: string, key?: string): void {
  for (const component of path.split('/')) {
    if (component === '..' || component === '.') throw badReference(original, 'a repository path cannot contain "." or ".." components', key);
    if (!REPOSITORY_COMPONENT.test(component)) throw badReference(original, `"${component}" is not a valid repository path component (lower-case letters, digits, single separators)`, key);
  }
}

/** Parses the `registry` input: a layout directory or oci://host[:port][/path]. */
export function parseRegistryLocation(value: string, key = 'registry'): RegistryLocation {
  if (!value.startsWith('oci://')) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) throw badReference(value, 'only oci:// URLs name remote registries', key);
    if (/^oci:/i.test(value)) throw badReference(value, 'a remote registry starts with oci:// (two slashes, lower case)', key);
    return { kind: 'layout', dir: value };
  }
  const { host, rest } = parseRemoteHost(value, key);
  if (/[:@]/.test(rest)) throw badReference(value, 'a registry location has no tag or digest; give the version with `version`', key);
  const path = rest.replace(/\/$/, '');
  if (path) validateRepositoryPath(path, value, key);
  return { kind: 'remote', host, path };
}

function splitTagAndDigest(value: string, part: string): { head: string; tag?: string; digest?: Digest } {
  let head = part;
  let digest: Digest | undefined;
  const at = part.indexOf('@');
  if (at >= 0) {
    const candidate = part.slice(at + 1);
    if (!isDigest(candidate)) throw badReference(value, `"${candidate}" is not a sha256 digest (sha256: and 64 lower-case hex digits)`);
    digest = candidate;
    head = part.slice(0, at);
  }
  return { head, digest };
}

/** Parses a reference to one version: see the grammar at the top of this file. */
export function parseModelReference(value: string): ModelReference {
  const trimmed = value.trim();
  if (!trimmed) throw badReference(value, 'it is empty');
  if (trimmed.startsWith('oci://')) {
    const { host, rest } = parseRemoteHost(trimmed);
    const { head, digest } = splitTagAndDigest(trimmed, rest);
    const colon = head.lastIndexOf(':');
    const repository = colon >= 0 ? head.slice(0, colon) : head;
    const tag = colon >= 0 ? head.slice(colon + 1) : undefined;
    if (!repository) throw badReference(trimmed, 'the repository is missing');
    validateRepositoryPath(repository, trimmed);
    if (tag !== undefined && !TAG_PATTERN.test(tag)) throw badReference(trimmed, `"${tag}" is not a valid tag`);
    if (tag === undefined && !digest) throw badReference(trimmed, 'give a tag (:v3, :prod) or a digest (@sha256:…)');
    const components = repository.split('/');
    // location.path + name = repository, as for a registration into oci://host/<path> under <name>.
    return { location: { kind: 'remote', host, path: components.slice(0, -1).join('/') }, repository, name: components.at(-1)!, tag, digest };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) throw badReference(trimmed, 'only oci:// URLs name remote registries');
  if (/^oci:/i.test(trimmed)) throw badReference(trimmed, 'a remote reference starts with oci:// (two slashes, lower case)');
  const slash = trimmed.lastIndexOf('/');
  const last = trimmed.slice(slash + 1);
  const firstColon = last.indexOf(':');
  const firstAt = last.indexOf('@');
  const cut = [firstColon, firstAt].filter((i) => i >= 0).sort((a, b) => a - b)[0];
  if (cut === undefined) throw badReference(trimmed, 'give a tag (.mlops/registry:v3) or a digest (.mlops/registry@sha256:…)');
  const dir = trimmed.slice(0, slash + 1 + cut);
  if (!dir) throw badReference(trimmed, 'the layout directory is missing');
  const { head, digest } = splitTagAndDigest(trimmed, last.slice(cut));
  const parts = head ? head.slice(1).split(':') : [];
  if (head && !head.startsWith(':')) throw badReference(trimmed, 'expected :tag after the directory');
  if (parts.length > 2) throw badReference(trimmed, 'expected <dir>[:<name>][:<tag>]');
  let name: string | undefined;
  let tag: string | undefined;
  if (parts.length === 2) [name, tag] = parts;
  else if (parts.length === 1) {
    // One part: a tag, unless a digest follows (then it names the model).
    if (digest) name = parts[0];
    else tag = parts[0];
  }
  if (name !== undefined) validateModelName(name, 'reference');
  if (tag !== undefined && !TAG_PATTERN.test(tag)) throw badReference(trimmed, `"${tag}" is not a valid tag`);
  if (tag === undefined && !digest) throw badReference(trimmed, 'give a tag or a digest');
  return { location: { kind: 'layout', dir }, name, tag, digest };
}

export function isLoopbackHost(host: string): boolean {
  const hostname = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:[0-9]+$/, '');
  return hostname === 'localhost' || hostname === '::1' || /^127\.[0-9]+\.[0-9]+\.[0-9]+$/.test(hostname);
}

/** The repository a model lives in on a remote registry: <path>/<name>. */
export function remoteRepository(location: RemoteLocation, name: string): string {
  return location.path ? `${location.path}/${name}` : name;
}

/** How a version is written in outputs and records: host/repo:tag@digest, or dir:name:tag@digest. */
export function formatReference(location: RegistryLocation, name: string, tag: string | undefined, digest: Digest | undefined): string {
  const base = location.kind === 'remote' ? `${location.host}/${remoteRepository(location, name)}` : `${location.dir}:${name}`;
  return `${base}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}
