/**
 * The InferenceService for one registered version (serving.kserve.io/v1beta1): the predictor
 * serves model format onnx over the v2 (Open Inference) protocol from the modelcar image named
 * by digest; labels and annotations carry the version, digest, gate verdict and run URL (label
 * values sanitised to Kubernetes' rules, the rest in annotations); tag routing is on, so the
 * `latest` and `prev` revisions each have their own URL for the smoke test and the scrapes.
 * Config fields (deploy.kserve) and the `predictor` override are merged last; the result is
 * validated against the CRD schema by the caller before anything is sent.
 */
import type * as z from 'zod/mini';
import type { KserveResources, KserveSection } from '../../config/sections/deploy-kserve.js';
import { API_VERSION, KIND, type InferenceService } from './client.js';
import { annotationValue, labelValue } from './labels.js';

export const PREFIX = 'mlops-actions.github.io';
export const ANNOTATIONS = {
  version: `${PREFIX}/version`,
  digest: `${PREFIX}/digest`,
  model: `${PREFIX}/model`,
  reference: `${PREFIX}/reference`,
  gateVerdict: `${PREFIX}/gate-verdict`,
  runUrl: `${PREFIX}/run-url`,
  storageUri: `${PREFIX}/storage-uri`,
  /** Set while a rolled-back version's spec stays applied with all traffic pinned to the earlier one. */
  servingVersion: `${PREFIX}/serving-version`,
  servingDigest: `${PREFIX}/serving-digest`,
  servingStorageUri: `${PREFIX}/serving-storage-uri`,
  tagRouting: 'serving.kserve.io/enable-tag-routing',
} as const;

export interface ManifestInput {
  name: string;
  namespace: string;
  storageUri: string;
  model: string;
  version: string;
  digest: string;
  reference: string;
  gateVerdict: string;
  runUrl?: string;
  runtime?: string;
  resources?: z.infer<typeof KserveResources>;
  section: z.infer<typeof KserveSection>;
  /** Serverless canary: the new revision's share (undefined: all traffic, i.e. promoted). */
  canaryTrafficPercent?: number;
}

export function renderInferenceService(input: ManifestInput): InferenceService {
  const { section } = input;
  const labels: Record<string, string> = {
    'app.kubernetes.io/managed-by': 'mlops-actions',
    [`${PREFIX}/model`]: labelValue(input.model),
    [`${PREFIX}/version`]: labelValue(input.version),
    [`${PREFIX}/gate-verdict`]: labelValue(input.gateVerdict),
    ...section.labels,
  };
  const annotations: Record<string, string> = {
    [ANNOTATIONS.tagRouting]: 'true',
    [ANNOTATIONS.model]: annotationValue(input.model),
    [ANNOTATIONS.version]: annotationValue(input.version),
    [ANNOTATIONS.digest]: annotationValue(input.digest),
    [ANNOTATIONS.reference]: annotationValue(input.reference),
    [ANNOTATIONS.gateVerdict]: annotationValue(input.gateVerdict),
    [ANNOTATIONS.storageUri]: annotationValue(input.storageUri),
    ...(input.runUrl ? { [ANNOTATIONS.runUrl]: annotationValue(input.runUrl) } : {}),
    ...section.annotations,
  };
  const resources = input.resources ?? section.resources;
  const model: Record<string, unknown> = {
    modelFormat: { name: 'onnx' },
    protocolVersion: 'v2',
    storageUri: input.storageUri,
    ...(input.runtime ?? section.runtime ? { runtime: input.runtime ?? section.runtime } : {}),
    ...(resources ? { resources } : {}),
  };
  const predictor: Record<string, unknown> = {
    ...(section.min_replicas !== undefined ? { minReplicas: section.min_replicas } : {}),
    ...(section.max_replicas !== undefined ? { maxReplicas: section.max_replicas } : {}),
    ...(section.service_account ? { serviceAccountName: section.service_account } : {}),
    ...(section.node_selector ? { nodeSelector: section.node_selector } : {}),
    ...(input.canaryTrafficPercent !== undefined ? { canaryTrafficPercent: input.canaryTrafficPercent } : {}),
    model,
  };
  return {
    apiVersion: API_VERSION,
    kind: KIND,
    metadata: { name: input.name, namespace: input.namespace, labels, annotations },
    spec: { predictor: section.predictor ? (mergeOver(predictor, section.predictor) as Record<string, unknown>) : predictor },
  };
}

/** Objects merge key by key; anything else (arrays, scalars) replaces; null removes the key. */
export function mergeOver(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === null) delete out[key];
    else out[key] = key in out ? mergeOver(out[key], value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The same manifest with another canary share (undefined removes the field: all traffic to the latest revision). */
export function withCanary(manifest: InferenceService, percent: number | undefined): InferenceService {
  const spec = manifest.spec as { predictor: Record<string, unknown> };
  const predictor = { ...spec.predictor };
  if (percent === undefined) delete predictor.canaryTrafficPercent;
  else predictor.canaryTrafficPercent = percent;
  return { ...manifest, spec: { ...spec, predictor } };
}

/**
 * The rollback form: the new version's spec with `canaryTrafficPercent: 0` (all traffic to
 * latestRolledoutRevision) and annotations saying which version that revision serves, so the
 * next deploy knows what is really serving.
 */
export interface Serving {
  version?: string;
  digest?: string;
  storageUri?: string;
}

export function pinnedManifest(manifest: InferenceService, serving: Serving): InferenceService {
  const pinned = withCanary(manifest, 0);
  const annotations = { ...(pinned.metadata?.annotations ?? {}) };
  if (serving.version) annotations[ANNOTATIONS.servingVersion] = annotationValue(serving.version);
  if (serving.digest) annotations[ANNOTATIONS.servingDigest] = annotationValue(serving.digest);
  if (serving.storageUri) annotations[ANNOTATIONS.servingStorageUri] = annotationValue(serving.storageUri);
  return { ...pinned, metadata: { ...pinned.metadata, annotations } };
}

/** What a live InferenceService serves: the serving-* annotations after a rollback, else its own. */
export function servedVersion(live: InferenceService): Serving {
  const annotations = live.metadata?.annotations ?? {};
  if (annotations[ANNOTATIONS.servingVersion]) return { version: annotations[ANNOTATIONS.servingVersion], digest: annotations[ANNOTATIONS.servingDigest], storageUri: annotations[ANNOTATIONS.servingStorageUri] };
  const storageUri = (live.spec as { predictor?: { model?: { storageUri?: unknown } } } | undefined)?.predictor?.model?.storageUri;
  return { version: annotations[ANNOTATIONS.version], digest: annotations[ANNOTATIONS.digest], storageUri: typeof storageUri === 'string' ? storageUri : undefined };
}

/**
 * The InferenceService as it was when its rolled-out revision was applied: what a rollback
 * after promotion re-applies. A live object left pinned by an earlier rollback names the
 * failed version in its spec; the serving-* annotations give back the one that serves.
 */
export function servingForm(live: InferenceService): InferenceService {
  const form = appliedForm(live);
  const spec = form.spec as { predictor?: Record<string, unknown> & { model?: Record<string, unknown> } };
  if (spec.predictor) delete spec.predictor.canaryTrafficPercent;
  const annotations = { ...(form.metadata?.annotations ?? {}) };
  const serving = servedVersion(live);
  if (annotations[ANNOTATIONS.servingVersion]) {
    if (serving.storageUri && spec.predictor?.model) spec.predictor.model.storageUri = serving.storageUri;
    if (serving.version) annotations[ANNOTATIONS.version] = serving.version;
    if (serving.digest) annotations[ANNOTATIONS.digest] = serving.digest;
    if (serving.storageUri) annotations[ANNOTATIONS.storageUri] = serving.storageUri;
    for (const key of [ANNOTATIONS.servingVersion, ANNOTATIONS.servingDigest, ANNOTATIONS.servingStorageUri]) delete annotations[key];
    const labels = { ...(form.metadata?.labels ?? {}) };
    if (serving.version && labels[`${PREFIX}/version`] !== undefined) labels[`${PREFIX}/version`] = labelValue(serving.version);
    return { ...form, metadata: { ...form.metadata, labels, annotations } };
  }
  return form;
}

/**
 * The fields of a live InferenceService this workflow applies (metadata name/namespace/labels/
 * annotations and spec), without server-set fields: what a rollback re-applies.
 */
export function appliedForm(live: InferenceService): InferenceService {
  const metadata = live.metadata ?? {};
  return {
    apiVersion: API_VERSION,
    kind: KIND,
    metadata: { name: metadata.name, namespace: metadata.namespace, labels: metadata.labels, annotations: metadata.annotations },
    spec: structuredClone(live.spec ?? {}),
  };
}
