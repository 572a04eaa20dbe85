/**
 * Pre-deploy gate: the reference resolves to one pinned digest, every blob of the version is
 * downloaded and verified against its digest, and the version's gate verdict annotation is
 * `pass` (or a force-reason is given and recorded).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { UserError } from '../../shared/errors/user-error.js';
import type { Host } from '../../shared/host/host.js';
import { ANNOTATION, isModelLayer } from '../../shared/registry/media-types.js';
import { resolveVersion, type RegistryAccess, type ResolvedVersion } from '../../shared/registry/open.js';
import { pullVersion } from '../../shared/registry/pull.js';
import { formatReference, parseModelReference, type RegistryLocation } from '../../shared/registry/reference.js';
import type { Digest } from '../../shared/registry/digest.js';

export interface VerifiedVersion {
  version: ResolvedVersion;
  location: RegistryLocation;
  /** The version tag (a digest-only reference: the version the manifest names). */
  tag: string;
  digest: string;
  /** The verified model file on local disk. */
  modelPath: string;
  /** What the server is asked to load: absolute layout path or oci:// reference, pinned by digest. */
  serverReference: string;
  gateVerdict: string;
  commit?: string;
  dataFingerprint?: string;
}

export async function verifyVersion(cwd: string, ref: string, access: RegistryAccess, host: Host): Promise<VerifiedVersion> {
  const reference = parseModelReference(ref);
  const version = await resolveVersion(cwd, reference, access, host);
  const dir = await mkdtemp(join(tmpdir(), 'mlops-deploy-'));
  const files = await host.group(`verify every blob of ${version.ref}`, () => pullVersion(version, dir, '.'));
  const models = files.filter((file) => isModelLayer({ mediaType: file.mediaType }));
  if (models.length !== 1) throw new UserError(`${version.ref} has ${models.length === 0 ? 'no model layer' : 'several model layers'}`, { where: { key: 'model' }, hint: 'Deploy versions registered by the register stage.' });
  const annotations = version.fetched.manifest.annotations ?? {};
  const tag = annotations[ANNOTATION.version] ?? version.tag ?? 'v0';
  const location: RegistryLocation = reference.location.kind === 'layout' ? { kind: 'layout', dir: isAbsolute(reference.location.dir) ? reference.location.dir : resolve(cwd, reference.location.dir) } : reference.location;
  const pinned = formatReference(location, version.name, undefined, version.fetched.digest as Digest);
  return {
    version,
    location: reference.location,
    tag,
    digest: version.fetched.digest,
    modelPath: join(dir, models[0]!.path),
    serverReference: location.kind === 'remote' ? `oci://${pinned}` : pinned,
    gateVerdict: annotations[ANNOTATION.gateVerdict] ?? 'none',
    commit: annotations[ANNOTATION.revision],
    dataFingerprint: annotations[ANNOTATION.dataFingerprint],
  };
}

export function checkGate(verified: VerifiedVersion, requireGate: boolean, forceReason: string | undefined, host: Host): void {
  if (!requireGate || verified.gateVerdict === 'pass') return;
  const what = `${verified.version.ref} has gate verdict "${verified.gateVerdict}", not "pass"`;
  if (!forceReason) throw new UserError(`refusing to deploy: ${what}`, { where: { key: 'require-gate' }, hint: 'Deploy a version that passed evaluate-gate, or give `force-reason` (recorded in the run record and the deployment).' });
  host.warning(`deploying although ${what}; forced: ${forceReason}`);
}
