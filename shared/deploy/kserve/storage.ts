/**
 * How KServe reads a registered version: an OCI "modelcar" image (KServe docs, Model Storage →
 * OCI: "Serving models with OCI images"). KServe, with `enableModelcar` set in the
 * storageInitializer section of its `inferenceservice-config` ConfigMap, runs the image named
 * by `storageUri: oci://…` as a sidecar that links its /models into the predictor's
 * /mnt/models; the kubelet pulls it like any image, so a digest pins exactly what runs.
 *
 * The registered version itself is an OCI artifact (ModelPack layers, not a filesystem), which
 * a container runtime cannot run; so beside it we publish an image whose last layer is a tar
 * of models/model.onnx (the verified file, byte for byte) on top of a base image's layers
 * (KServe's sidecar runs `sh -c 'ln …; sleep …'`, so the base needs a shell: busybox). It goes
 * to the sibling repository `<model repository>-modelcar`, tagged with the version, and the
 * InferenceService names it by digest. Building is deterministic (tar mtime 0, fixed config),
 * so the same version always gives the same image digest; `--dry-run` computes it without
 * pushing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../errors/user-error.js';
import type { Host } from '../../host/host.js';
import { digestOf, type Digest } from '../../registry/digest.js';
import { MANIFEST_MEDIA_TYPE } from '../../registry/media-types.js';
import type { Descriptor, ImageManifest } from '../../registry/oci-schema.js';
import { remoteHttp, type RegistryAccess } from '../../registry/open.js';
import { parseModelReference, remoteRepository, type RemoteLocation } from '../../registry/reference.js';
import { RemoteRepository } from '../../registry/remote/repository.js';
import { DEFAULT_CHUNK_BYTES } from '../../registry/remote/upload.js';
import { writeSingleFileTar } from './tar.js';

export const LAYER_MEDIA_TYPE = 'application/vnd.oci.image.layer.v1.tar';
export const CONFIG_MEDIA_TYPE = 'application/vnd.oci.image.config.v1+json';
export const MODELCAR_SUFFIX = '-modelcar';
/** Where KServe's modelcar sidecar expects the model files inside the image. */
export const MODELS_DIR = 'models';
export const MODEL_FILE = 'model.onnx';

export interface ModelcarRequest {
  location: RemoteLocation;
  /** The model's repository name (the registered version's), e.g. churn. */
  name: string;
  version: string;
  /** The registered version's manifest digest (recorded in the image's annotations). */
  sourceDigest: string;
  /** The verified ONNX file. */
  modelPath: string;
  /** Registry reference of the base image, pinned by digest, on the same registry. */
  baseImage?: string;
  access: RegistryAccess;
}

export interface Modelcar {
  repository: string;
  tag: string;
  digest: Digest;
  /** oci://host/repository@sha256:… — what storageUri names. */
  uri: string;
  manifest: Buffer;
  config: Buffer;
  layer: { path: string; digest: Digest; size: number };
  base: { repository: RemoteRepository; layers: Descriptor[] } | undefined;
  /** Removes the temporary layer file. */
  cleanup(): Promise<void>;
}

export async function buildModelcar(request: ModelcarRequest, host: Host): Promise<Modelcar> {
  const http = remoteHttp(request.location, request.access, host);
  const repository = `${remoteRepository(request.location, request.name)}${MODELCAR_SUFFIX}`;
  const base = request.baseImage ? await readBase(request, http) : undefined;
  const dir = await mkdtemp(join(tmpdir(), 'mlops-modelcar-'));
  try {
    const layerPath = join(dir, 'layer.tar');
    const layer = await writeSingleFileTar(request.modelPath, MODELS_DIR, MODEL_FILE, layerPath);
    const baseConfig = base?.config ?? {};
    const baseRootfs = (baseConfig.rootfs as { diff_ids?: unknown } | undefined)?.diff_ids;
    const diffIds = Array.isArray(baseRootfs) ? baseRootfs.filter((id): id is string => typeof id === 'string') : [];
    if (base && diffIds.length !== base.manifest.layers.length) {
      throw new UserError(`the base image ${request.baseImage} has ${base.manifest.layers.length} layers but its config lists ${diffIds.length} diff_ids`, { where: { key: 'deploy.kserve.storage.base_image' }, hint: 'Use a well-formed OCI image (e.g. skopeo copy --format oci docker://busybox:1.36 …).' });
    }
    const config = {
      ...baseConfig,
      architecture: (baseConfig.architecture as string | undefined) ?? 'amd64',
      os: (baseConfig.os as string | undefined) ?? 'linux',
      config: (baseConfig.config as object | undefined) ?? {},
      rootfs: { type: 'layers', diff_ids: [...diffIds, layer.digest] },
      history: [...((baseConfig.history as unknown[] | undefined) ?? []), { created_by: `mlops-actions: ${MODELS_DIR}/${MODEL_FILE} of ${request.name} ${request.version} (${request.sourceDigest})` }],
    };
    delete (config as Record<string, unknown>).created;
    const configBytes = Buffer.from(JSON.stringify(config));
    const manifest: ImageManifest = {
      schemaVersion: 2,
      mediaType: MANIFEST_MEDIA_TYPE,
      config: { mediaType: CONFIG_MEDIA_TYPE, digest: digestOf(configBytes), size: configBytes.length },
      layers: [...(base?.manifest.layers ?? []), { mediaType: LAYER_MEDIA_TYPE, digest: layer.digest, size: layer.size }],
      annotations: {
        'org.opencontainers.image.title': `${request.name} ${request.version} (modelcar)`,
        'org.opencontainers.image.version': request.version,
        'io.mlops-actions.model.digest': request.sourceDigest,
        ...(request.baseImage ? { 'org.opencontainers.image.base.name': request.baseImage } : {}),
      },
    };
    const manifestBytes = Buffer.from(JSON.stringify(manifest));
    const digest = digestOf(manifestBytes);
    return {
      repository,
      tag: request.version,
      digest,
      uri: `oci://${request.location.host}/${repository}@${digest}`,
      manifest: manifestBytes,
      config: configBytes,
      layer: { path: layerPath, digest: layer.digest, size: layer.size },
      base: base ? { repository: base.repository, layers: base.manifest.layers } : undefined,
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Uploads the base layers (copied from the base repository), the model layer, the config and the manifest. */
export async function publishModelcar(modelcar: Modelcar, request: ModelcarRequest, host: Host): Promise<void> {
  const http = remoteHttp(request.location, request.access, host);
  const target = new RemoteRepository(http, modelcar.repository);
  const upload = { chunkBytes: DEFAULT_CHUNK_BYTES, log: (message: string) => host.info(message) };
  if (modelcar.base) {
    for (const layer of modelcar.base.layers) {
      if (await target.hasBlob(layer.digest as Digest)) continue;
      const dir = await mkdtemp(join(tmpdir(), 'mlops-modelcar-base-'));
      try {
        const path = join(dir, 'blob');
        await modelcar.base.repository.blobToFile(layer, path);
        await target.putBlob({ kind: 'file', path, displayPath: `${modelcar.base.repository.display}@${layer.digest}`, digest: layer.digest as Digest, size: layer.size }, upload);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  }
  await target.putBlob({ kind: 'file', path: modelcar.layer.path, displayPath: `${MODELS_DIR}/${MODEL_FILE} layer`, digest: modelcar.layer.digest, size: modelcar.layer.size }, upload);
  await target.putBlob({ kind: 'bytes', bytes: modelcar.config, digest: digestOf(modelcar.config), size: modelcar.config.length }, upload);
  await target.putManifest(modelcar.digest, modelcar.manifest);
  await target.putManifest(modelcar.tag, modelcar.manifest);
  const readBack = await target.resolveTag(modelcar.tag);
  if (readBack !== modelcar.digest) throw new UserError(`${target.display}:${modelcar.tag} points at ${readBack ?? 'nothing'} after the push, not ${modelcar.digest}`, { hint: 'Another deploy pushed a modelcar for this version at the same time; deploy again.' });
}

async function readBase(request: ModelcarRequest, http: ReturnType<typeof remoteHttp>): Promise<{ repository: RemoteRepository; manifest: ImageManifest; config: Record<string, unknown> }> {
  const key = 'deploy.kserve.storage.base_image';
  const reference = parseModelReference(request.baseImage!);
  if (reference.location.kind !== 'remote' || !reference.digest) {
    throw new UserError(`the modelcar base image "${request.baseImage}" must be a registry reference pinned by digest (oci://host/repository@sha256:…)`, { where: { key }, hint: 'Copy busybox into your registry (skopeo copy --format oci docker://busybox:1.36 docker://ghcr.io/ORG/busybox) and pin its digest.' });
  }
  if (reference.location.host !== request.location.host) {
    throw new UserError(`the modelcar base image is on ${reference.location.host}, the model on ${request.location.host}`, { where: { key }, hint: 'Keep the base image in the model\'s registry, so one set of credentials reads and writes both.' });
  }
  const repository = new RemoteRepository(http, reference.repository ?? remoteRepository(reference.location, reference.name!));
  const fetched = await repository.manifest(reference.digest);
  if (!fetched) throw new UserError(`the modelcar base image ${request.baseImage} does not exist`, { where: { key } });
  const config = JSON.parse((await repository.blobBytes(fetched.manifest.config)).toString('utf8')) as Record<string, unknown>;
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new UserError(`the config of the base image ${request.baseImage} is not a JSON object`, { where: { key } });
  return { repository, manifest: fetched.manifest, config };
}
