import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  ANNOTATION,
  DATA_PROFILE_MEDIA_TYPE,
  MANIFEST_MEDIA_TYPE,
  MODEL_ARTIFACT_TYPE,
  MODEL_CARD_MEDIA_TYPE,
  MODEL_CONFIG_MEDIA_TYPE,
  MODEL_WEIGHT_MEDIA_TYPE,
  RUN_RECORD_MEDIA_TYPE,
  digestOf
} from "./chunk-APGALERZ.js";

// shared/registry/package.ts
import { basename } from "node:path";
function safeTitle(path, fallback) {
  const name = basename(path);
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) ? name : fallback;
}
function layer(source, mediaType, title) {
  return {
    source,
    descriptor: { mediaType, digest: source.digest, size: source.size, annotations: { [ANNOTATION.title]: title, [ANNOTATION.filepath]: title } }
  };
}
function bytesSource(bytes) {
  return { kind: "bytes", bytes, digest: digestOf(bytes), size: bytes.length };
}
function modelLayer(source) {
  return layer(source, MODEL_WEIGHT_MEDIA_TYPE, safeTitle(source.displayPath, "model.onnx"));
}
function cardLayer(bytes, path) {
  return layer(bytesSource(bytes), MODEL_CARD_MEDIA_TYPE, safeTitle(path, "MODEL_CARD.md"));
}
function recordLayer(bytes) {
  return layer(bytesSource(bytes), RUN_RECORD_MEDIA_TYPE, "mlops-run.json");
}
function profileLayer(bytes, path) {
  return layer(bytesSource(bytes), DATA_PROFILE_MEDIA_TYPE, safeTitle(path, "data-profile.json"));
}
function modelConfig(contents, version) {
  const config = {
    descriptor: {
      createdAt: contents.createdAt,
      name: contents.name,
      version,
      ...contents.revision ? { revision: contents.revision } : {},
      ...contents.licenses?.length ? { licenses: contents.licenses } : {}
    },
    config: { format: "onnx" },
    modelfs: { type: "layers", diff_ids: contents.layers.map((l) => l.descriptor.digest) }
  };
  return Buffer.from(JSON.stringify(config));
}
function buildVersion(contents, version) {
  const config = bytesSource(modelConfig(contents, version));
  const manifest = {
    schemaVersion: 2,
    mediaType: MANIFEST_MEDIA_TYPE,
    artifactType: MODEL_ARTIFACT_TYPE,
    config: { mediaType: MODEL_CONFIG_MEDIA_TYPE, digest: config.digest, size: config.size },
    layers: contents.layers.map((l) => l.descriptor),
    annotations: { ...contents.annotations, [ANNOTATION.version]: version }
  };
  const bytes = Buffer.from(JSON.stringify(manifest));
  return { config, manifest: bytes, digest: digestOf(bytes) };
}

export {
  safeTitle,
  modelLayer,
  cardLayer,
  recordLayer,
  profileLayer,
  buildVersion
};
