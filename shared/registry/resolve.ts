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
import * as z from 'zod/mini';
import '../zod/setup.js';
import { ANNOTATION, isModelLayer, RUN_RECORD_MEDIA_TYPE } from './media-types.js';
import type { Descriptor } from './oci-schema.js';
import type { RepositoryReader } from './repository.js';
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
  /**
   * The holdout the version was gated on: its annotation, else (versions registered before the
   * annotation existed) the evaluation in its stored run record, when that evaluated this model.
   */
  holdoutFingerprint?: string;
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
  const annotations = version.fetched.manifest.annotations ?? {};
  const modelSha256 = hexOf(layer.digest as Digest);
  let holdoutFingerprint = annotations[ANNOTATION.holdoutFingerprint];
  if (!holdoutFingerprint) holdoutFingerprint = await recordedHoldout(version.reader, version.fetched.manifest.layers, modelSha256).catch(() => undefined);
  return { path, digest: version.fetched.digest, ref: version.ref, modelSha256, name: version.name, annotations, ...(holdoutFingerprint ? { holdoutFingerprint } : {}), dispose };
}

const StoredEvaluation = z.looseObject({
  evaluation: z.optional(z.looseObject({ model: z.looseObject({ sha256: z.string() }), data: z.looseObject({ fingerprint: z.optional(z.string()) }) })),
});

async function recordedHoldout(reader: RepositoryReader, layers: Descriptor[], modelSha256: string): Promise<string | undefined> {
  const record = layers.find((l) => l.mediaType === RUN_RECORD_MEDIA_TYPE);
  if (!record) return undefined;
  const parsed = StoredEvaluation.safeParse(JSON.parse((await reader.blobBytes(record)).toString('utf8')));
  const evaluation = parsed.success ? parsed.data.evaluation : undefined;
  return evaluation?.model.sha256 === modelSha256 ? evaluation.data.fingerprint : undefined;
}
