/**
 * Media types and annotation keys of a registered model version. The model, its config and the
 * manifest's artifact type follow CNCF ModelPack (model-spec v1), so ModelPack tools recognise
 * the artifact; the card, run record and data profile have no ModelPack type and use ours.
 */
export const MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
export const INDEX_MEDIA_TYPE = 'application/vnd.oci.image.index.v1+json';

export const MODEL_ARTIFACT_TYPE = 'application/vnd.cncf.model.manifest.v1+json';
export const MODEL_CONFIG_MEDIA_TYPE = 'application/vnd.cncf.model.config.v1+json';
/** An unarchived, uncompressed weights file: here always one ONNX model. */
export const MODEL_WEIGHT_MEDIA_TYPE = 'application/vnd.cncf.model.weight.v1.raw';
export const MODEL_CARD_MEDIA_TYPE = 'application/vnd.mlops-actions.model-card.v1+markdown';
export const RUN_RECORD_MEDIA_TYPE = 'application/vnd.mlops-actions.run-record.v1+json';
export const DATA_PROFILE_MEDIA_TYPE = 'application/vnd.mlops-actions.data-profile.v1+json';

export const ANNOTATION = {
  title: 'org.opencontainers.image.title',
  version: 'org.opencontainers.image.version',
  created: 'org.opencontainers.image.created',
  revision: 'org.opencontainers.image.revision',
  source: 'org.opencontainers.image.source',
  description: 'org.opencontainers.image.description',
  /** Tag of a manifest inside an OCI image layout's index.json. */
  refName: 'org.opencontainers.image.ref.name',
  /** ModelPack's per-layer file path. */
  filepath: 'org.cncf.model.filepath',
  modelName: 'io.mlops-actions.model.name',
  runUrl: 'io.mlops-actions.run.url',
  dataFingerprint: 'io.mlops-actions.data.fingerprint',
  gateVerdict: 'io.mlops-actions.gate.verdict',
  metrics: 'io.mlops-actions.metrics',
  forceReason: 'io.mlops-actions.force-reason',
  /** Fingerprint of the holdout the gate scored this version on. */
  holdoutFingerprint: 'io.mlops-actions.holdout.fingerprint',
  /** Why the holdout differs from the champion's (evaluate-gate's holdout-change-reason). */
  holdoutChangeReason: 'io.mlops-actions.holdout.change-reason',
  /** Run record sections changed outside the stage that wrote them (comma-separated). */
  recordFlags: 'io.mlops-actions.record.flags',
  /** Headline fairness figures: [{attribute, metric, value, verdict}] (all figures: the run record). */
  fairness: 'io.mlops-actions.fairness',
  /** Headline permutation importance: [{metric}, {feature, mean}…] for the top features. */
  importance: 'io.mlops-actions.importance',
} as const;

/** The version's model layer (exactly one per version). */
export function isModelLayer(layer: { mediaType: string; annotations?: Record<string, string> }): boolean {
  return layer.mediaType === MODEL_WEIGHT_MEDIA_TYPE;
}
