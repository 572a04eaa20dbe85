/**
 * What one version is made of: the layers (model, card, run record, data profile), a
 * ModelPack config and the manifest that ties them together with the lineage annotations.
 * Layers are fixed before a version number is known; the config and manifest carry the
 * version, so they are built once it is assigned.
 */
import { basename } from 'node:path';
import { digestOf, type Digest } from './digest.js';
import {
  ANNOTATION,
  DATA_PROFILE_MEDIA_TYPE,
  MANIFEST_MEDIA_TYPE,
  MODEL_ARTIFACT_TYPE,
  MODEL_CARD_MEDIA_TYPE,
  MODEL_CONFIG_MEDIA_TYPE,
  MODEL_WEIGHT_MEDIA_TYPE,
  RUN_RECORD_MEDIA_TYPE,
} from './media-types.js';
import type { Descriptor } from './oci-schema.js';
import type { BlobSource } from './repository.js';

export interface Layer {
  source: BlobSource;
  descriptor: Descriptor;
}

export interface VersionContents {
  name: string;
  layers: Layer[];
  /** Lineage annotations (everything but the version itself). */
  annotations: Record<string, string>;
  createdAt: string;
  revision?: string;
  licenses?: string[];
}

export interface BuiltVersion {
  config: BlobSource & { kind: 'bytes' };
  manifest: Buffer;
  digest: Digest;
}

/** A file name safe to write anywhere: the basename, or a fallback. */
export function safeTitle(path: string, fallback: string): string {
  const name = basename(path);
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) ? name : fallback;
}

function layer(source: BlobSource, mediaType: string, title: string): Layer {
  return {
    source,
    descriptor: { mediaType, digest: source.digest, size: source.size, annotations: { [ANNOTATION.title]: title, [ANNOTATION.filepath]: title } },
  };
}

export function bytesSource(bytes: Buffer): BlobSource & { kind: 'bytes' } {
  return { kind: 'bytes', bytes, digest: digestOf(bytes), size: bytes.length };
}

export function modelLayer(source: BlobSource & { kind: 'file' }): Layer {
  return layer(source, MODEL_WEIGHT_MEDIA_TYPE, safeTitle(source.displayPath, 'model.onnx'));
}
export function cardLayer(bytes: Buffer, path: string): Layer {
  return layer(bytesSource(bytes), MODEL_CARD_MEDIA_TYPE, safeTitle(path, 'MODEL_CARD.md'));
}
export function recordLayer(bytes: Buffer): Layer {
  return layer(bytesSource(bytes), RUN_RECORD_MEDIA_TYPE, 'mlops-run.json');
}
export function profileLayer(bytes: Buffer, path: string): Layer {
  return layer(bytesSource(bytes), DATA_PROFILE_MEDIA_TYPE, safeTitle(path, 'data-profile.json'));
}

/** The ModelPack config (model-spec v1 `application/vnd.cncf.model.config.v1+json`). */
function modelConfig(contents: VersionContents, version: string): Buffer {
  const config = {
    descriptor: {
      createdAt: contents.createdAt,
      name: contents.name,
      version,
      ...(contents.revision ? { revision: contents.revision } : {}),
      ...(contents.licenses?.length ? { licenses: contents.licenses } : {}),
    },
    config: { format: 'onnx' },
    modelfs: { type: 'layers', diff_ids: contents.layers.map((l) => l.descriptor.digest) },
  };
  return Buffer.from(JSON.stringify(config));
}

export function buildVersion(contents: VersionContents, version: string): BuiltVersion {
  const config = bytesSource(modelConfig(contents, version));
  const manifest = {
    schemaVersion: 2,
    mediaType: MANIFEST_MEDIA_TYPE,
    artifactType: MODEL_ARTIFACT_TYPE,
    config: { mediaType: MODEL_CONFIG_MEDIA_TYPE, digest: config.digest, size: config.size },
    layers: contents.layers.map((l) => l.descriptor),
    annotations: { ...contents.annotations, [ANNOTATION.version]: version },
  };
  const bytes = Buffer.from(JSON.stringify(manifest));
  return { config, manifest: bytes, digest: digestOf(bytes) };
}
