/**
 * The `reference` input: a data-validate profile JSON, data files (path or glob), or a
 * registry reference whose stored data profile is used. Empty: the profile stored with
 * `<model.name>:prod` in the configured registry.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DataProfile, PROFILE_VERSION } from '../data/profile.js';
import type { EngineHost } from '../data/duckdb-session.js';
import { UserError } from '../errors/user-error.js';
import type { Host } from '../host/host.js';
import { DATA_PROFILE_MEDIA_TYPE } from '../registry/media-types.js';
import { resolveVersion } from '../registry/open.js';
import { isLoopbackHost, parseModelReference } from '../registry/reference.js';
import type { Reference } from './analyse.js';
import { loadSample } from './load.js';

const DATA_EXTENSION = /\.(csv|tsv|parquet|jsonl|ndjson|json)(\.gz)?$/i;

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

export function looksLikeRegistryReference(spec: string): boolean {
  if (spec.startsWith('oci://')) return true;
  if (DATA_EXTENSION.test(spec) || /[*?[\]{}]/.test(spec)) return false;
  const last = spec.slice(spec.lastIndexOf('/') + 1);
  return /[:@]/.test(last);
}

export async function loadReference(host: Host & EngineHost, spec: string): Promise<Reference> {
  if (/\.json$/i.test(spec)) {
    let text: string;
    try {
      text = await readFile(resolve(host.cwd, spec), 'utf8');
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      throw new UserError(missing ? `the reference ${spec} does not exist` : `cannot read the reference (${(error as Error).message})`, {
        where: { file: spec, key: 'reference' },
        hint: 'Pass the profile JSON a data-validate run wrote (its `profile` output), data files, or a registry reference.',
      });
    }
    return { kind: 'profile', profile: parseProfile(text, spec), display: spec };
  }
  if (looksLikeRegistryReference(spec)) return { kind: 'profile', profile: await registryProfile(host, spec), display: spec };
  return { kind: 'data', sample: await loadSample(host.cwd, spec, host, 'reference') };
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
