/**
 * Fetches the ONNX model of a registered version into a temporary file, for stages that take a
 * registry reference where they take a model path (evaluate-gate's `baseline`, deploy):
 *
 *   .mlops/registry:v1, .mlops/registry:prod, path/to/layout:churn:v3, .mlops/registry@sha256:…
 *   oci://ghcr.io/org/models/churn:prod, oci://host:5000/repo@sha256:…
 *
 * Every byte is verified against the manifest's digest before the path is returned.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors/user-error.js';
import type { Host } from '../host/host.js';
import { hexOf, type Digest } from './digest.js';
import { isModelLayer } from './media-types.js';
import { resolveVersion, type RegistryAccess } from './open.js';
import { parseModelReference, type ModelReference } from './reference.js';

export interface ResolvedModel {
  /** Temporary file holding the model bytes (verified). */
  path: string;
  /** The version's manifest digest (sha256:…): what the version *is*. */
  digest: string;
  /** The canonical reference: host/repo:tag@sha256:… or dir:name:tag@sha256:… */
  ref: string;
  /** sha256 (hex) of the model file itself, as the run record's `sha256` fields hold it. */
  modelSha256: string;
  /** The model name the version was registered under. */
  name: string;
  /** The version's manifest annotations (untrusted text: escape before showing). */
  annotations: Record<string, string>;
  /** Removes the temporary file (and its folder); call once the model is loaded. */
  dispose(): Promise<void>;
}

export interface ResolveOptions {
  /** Plain HTTP to a loopback registry (tests, local registries). */
  insecure?: boolean;
  /** For a local layout holding several models: the one meant when the reference names none. */
  defaultName?: string;
}

export async function resolveModelReference(
  cwd: string,
  ref: string | ModelReference,
  host: Host,
  auth?: { username?: string; password?: string },
  options: ResolveOptions = {},
): Promise<ResolvedModel> {
  const reference = typeof ref === 'string' ? parseModelReference(ref) : ref;
  const access: RegistryAccess = { ...auth, insecure: options.insecure };
  const version = await resolveVersion(cwd, reference, access, host, options.defaultName);
  const models = version.fetched.manifest.layers.filter(isModelLayer);
  if (models.length !== 1) {
    throw new UserError(`${version.ref} has ${models.length === 0 ? 'no model layer' : 'several model layers'}`, {
      hint: 'It was not registered by mlops-actions (expected one application/vnd.cncf.model.weight.v1.raw layer).',
    });
  }
  const layer = models[0]!;
  const directory = await mkdtemp(join(tmpdir(), 'mlops-model-'));
  const path = join(directory, 'model.onnx');
  const dispose = () => rm(directory, { recursive: true, force: true });
  host.info(`fetching the model of ${version.ref} (${layer.size} bytes)`);
  try {
    await version.reader.blobToFile(layer, path);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { path, digest: version.fetched.digest, ref: version.ref, modelSha256: hexOf(layer.digest as Digest), name: version.name, annotations: version.fetched.manifest.annotations ?? {}, dispose };
}
