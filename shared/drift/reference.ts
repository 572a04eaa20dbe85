/**
 * The `reference` input: a data-validate profile JSON, data files (path or glob), or a
 * registry reference whose stored data profile is used. Empty: the profile stored with
 * `<model.name>:prod` in the configured registry.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DataProfile, PROFILE_VERSION } from '../data/profile.js';
import { refuseOversizedProfile } from '../data/profile-size.js';
import type { EngineHost } from '../data/duckdb-session.js';
import { UserError } from '../errors/user-error.js';
import type { Host } from '../host/host.js';
import { DATA_PROFILE_MEDIA_TYPE } from '../registry/media-types.js';
import { resolveVersion } from '../registry/open.js';
import { explicitFilePath } from '../registry/model-spec.js';
import { isLoopbackHost, parseModelReference } from '../registry/reference.js';
import type { Reference } from './analyse.js';
import { loadSample } from './load.js';

export function defaultReference(modelName: string | undefined, registryUrl: string | undefined): string {
  if (!modelName) {
    throw new UserError('no reference given and no model name to find one', {
      where: { key: 'reference' },
      hint: 'Set `reference` to a profile JSON, data files or a registry reference, or set model.name in mlops.yml to use the profile stored with <model>:prod.',
    });
  }
  const registry = registryUrl ?? '.mlops/registry';
  return registry.startsWith('oci://') ? `${registry.replace(/\/$/, '')}/${modelName}:prod` : `${registry}:${modelName}:prod`;
}

export type ReferenceSource = { kind: 'profile-file'; path: string } | { kind: 'data'; spec: string } | { kind: 'registry'; spec: string };

const GLOB = /[*?[\]{}]/;

/**
 * What a `reference` names, from its text alone (the rule of shared/registry/model-spec.ts):
 * `file:<path>` or a path starting with `./`, `../` or `/` is a file (a profile when it ends in
 * .json, else data); `oci://…` and anything whose last segment reads as a registry tag or digest
 * (`.mlops/registry:churn:prod`, `…@sha256:…`) is a registry version, whatever it ends with — so a
 * committed file named like a reference never stands in for the registry's profile; otherwise a
 * .json is a profile file and the rest is data (a path or glob).
 */
export function classifyReference(spec: string): ReferenceSource {
  const value = spec.trim();
  const asFile = (path: string): ReferenceSource => (/\.json$/i.test(path) ? { kind: 'profile-file', path } : { kind: 'data', spec: path });
  const explicit = explicitFilePath(value);
  if (explicit !== undefined) return asFile(explicit);
  if (/^oci:/i.test(value)) return { kind: 'registry', spec: value };
  const last = value.slice(value.lastIndexOf('/') + 1);
  if (!GLOB.test(value) && /[:@]/.test(last)) {
    try {
      parseModelReference(value);
      return { kind: 'registry', spec: value };
    } catch {
      // not a registry reference: a file name with a colon
    }
  }
  return asFile(value);
}

export async function loadReference(host: Host & EngineHost, spec: string): Promise<Reference> {
  const source = classifyReference(spec);
  if (source.kind === 'registry') return { kind: 'profile', profile: await registryProfile(host, source.spec), display: spec };
  if (source.kind === 'data') return { kind: 'data', sample: await loadSample(host.cwd, source.spec, host, 'reference') };
  let text: string;
  try {
    const file = resolve(host.cwd, source.path);
    await refuseOversizedProfile(file, spec, { file: source.path, key: 'reference' });
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UserError(missing ? `the reference ${spec} does not exist` : `cannot read the reference (${(error as Error).message})`, {
      where: { file: source.path, key: 'reference' },
      hint: 'Pass the profile JSON a data-validate run wrote (its `profile` output), data files, or a registry reference.',
    });
  }
  return { kind: 'profile', profile: parseProfile(text, spec), display: spec };
}

export function parseProfile(text: string, display: string): DataProfile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UserError(`the reference profile is not valid JSON (${(error as Error).message})`, { where: { file: display, key: 'reference' }, hint: 'Pass the profile JSON a data-validate run wrote.' });
  }
  const header = parsed as { kind?: unknown; version?: unknown } | null;
  if (header && typeof header === 'object' && header.kind === 'mlops-data-profile' && header.version !== PROFILE_VERSION) {
    throw new UserError(`the reference profile has schema version ${JSON.stringify(header.version)}; this drift-check reads version ${PROFILE_VERSION}`, {
      where: { file: display, key: 'version' },
      hint: 'Re-profile the reference with the data-validate of this release, or use the drift-check release that matches the profile.',
    });
  }
  const result = DataProfile.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new UserError(`not a data profile: ${issue.message} at ${issue.path.join('.') || '(top level)'}`, { where: { file: display, key: 'reference' }, hint: 'Pass the profile JSON a data-validate run wrote (its `profile` output).' });
  }
  return result.data;
}

async function registryProfile(host: Host, spec: string): Promise<DataProfile> {
  const reference = parseModelReference(spec);
  const insecure = reference.location.kind === 'remote' && isLoopbackHost(reference.location.host.replace(/:\d+$/, ''));
  const version = await resolveVersion(host.cwd, reference, { username: host.env('MLOPS_REGISTRY_USERNAME'), password: host.env('MLOPS_REGISTRY_PASSWORD'), insecure }, host);
  const layer = version.fetched.manifest.layers.find((l) => l.mediaType === DATA_PROFILE_MEDIA_TYPE);
  if (!layer) {
    throw new UserError(`${version.ref} was registered without a data profile`, {
      where: { key: 'reference' },
      hint: 'Register versions after a data-validate step (its run record names the profile), or pass the reference data or profile explicitly.',
    });
  }
  return parseProfile((await version.reader.blobBytes(layer)).toString('utf8'), `${version.ref} (data profile)`);
}
