/** The rendered InferenceService: labels and annotations, overrides, and the CRD schema check. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelValue, labelValueError, nameError } from '../../../shared/deploy/kserve/labels.js';
import { mergeOver, pinnedManifest, renderInferenceService, servedVersion, servingForm, withCanary, type ManifestInput } from '../../../shared/deploy/kserve/manifest.js';
import { schemaProblems } from '../../../shared/deploy/kserve/schema-validate.js';
import { writeSingleFileTar } from '../../../shared/deploy/kserve/tar.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const input = (overrides: Partial<ManifestInput> = {}): ManifestInput => ({
  name: 'churn',
  namespace: 'ml',
  storageUri: `oci://ghcr.io/acme/models/churn-modelcar@sha256:${'cd'.repeat(32)}`,
  model: 'churn',
  version: 'v3',
  digest: DIGEST,
  reference: `ghcr.io/acme/models/churn:v3@${DIGEST}`,
  gateVerdict: 'pass',
  runUrl: 'https://github.com/acme/ml/actions/runs/123',
  section: {},
  ...overrides,
});

describe('labels', () => {
  it.each([
    ['v3', 'v3'],
    ['https://github.com/acme/ml/actions/runs/123', 'https-github.com-acme-ml-actions-runs-123'],
    [DIGEST, `sha256-${'ab'.repeat(28)}`],
    ['--v3--', 'v3'],
    ['ünïcode ✓', 'n-code'],
    ['', ''],
  ])('%j → %j, a legal label value', (text, value) => {
    expect(labelValue(text)).toBe(value);
    expect(labelValueError(labelValue(text))).toBeUndefined();
  });

  it('InferenceService names follow DNS-1035', () => {
    expect(nameError('churn-v2')).toBeUndefined();
    expect(nameError('2churn')).toMatch(/starting with a letter/);
    expect(nameError('Churn')).toMatch(/lower-case/);
    expect(nameError('a'.repeat(64))).toMatch(/64 characters, over 63/);
  });
});

describe('the rendered InferenceService', () => {
  it('is valid against the CRD schema, ONNX over v2 from the modelcar digest, with version, digest, verdict and run URL', async () => {
    const manifest = renderInferenceService(input({ runtime: 'kserve-tritonserver', resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { 'nvidia.com/gpu': 1 } }, section: { min_replicas: 1, max_replicas: 4, service_account: 'models-reader', node_selector: { gpu: 'a100' } } }));
    expect(await schemaProblems(manifest)).toEqual([]);
    expect(manifest.spec).toEqual({
      predictor: {
        minReplicas: 1,
        maxReplicas: 4,
        serviceAccountName: 'models-reader',
        nodeSelector: { gpu: 'a100' },
        model: { modelFormat: { name: 'onnx' }, protocolVersion: 'v2', storageUri: input().storageUri, runtime: 'kserve-tritonserver', resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { 'nvidia.com/gpu': 1 } } },
      },
    });
    expect(manifest.metadata!.labels).toMatchObject({ 'mlops-actions.github.io/version': 'v3', 'mlops-actions.github.io/gate-verdict': 'pass' });
    expect(manifest.metadata!.annotations).toMatchObject({ 'mlops-actions.github.io/digest': DIGEST, 'mlops-actions.github.io/run-url': 'https://github.com/acme/ml/actions/runs/123', 'serving.kserve.io/enable-tag-routing': 'true' });
  }, 60_000);

  it('canary forms: a percent, removed on promotion, pinned to 0 with what really serves', () => {
    const manifest = renderInferenceService(input());
    expect((withCanary(manifest, 30).spec!.predictor as Record<string, unknown>).canaryTrafficPercent).toBe(30);
    expect(withCanary(withCanary(manifest, 30), undefined).spec!.predictor).not.toHaveProperty('canaryTrafficPercent');
    const previous = { version: 'v2', digest: 'sha256:00', storageUri: 'oci://ghcr.io/acme/models/churn-modelcar@sha256:22' };
    const pinned = pinnedManifest(manifest, previous);
    expect((pinned.spec!.predictor as Record<string, unknown>).canaryTrafficPercent).toBe(0);
    expect(servedVersion(pinned)).toEqual(previous);
    expect(servedVersion(manifest)).toEqual({ version: 'v3', digest: DIGEST, storageUri: input().storageUri });
    // What a rollback after promotion re-applies: the serving version's storage, no canary field, no serving-* notes.
    const restored = servingForm(pinned);
    expect(restored.spec!.predictor).toEqual({ model: { modelFormat: { name: 'onnx' }, protocolVersion: 'v2', storageUri: previous.storageUri } });
    expect(restored.metadata!.annotations).toMatchObject({ 'mlops-actions.github.io/version': 'v2', 'mlops-actions.github.io/digest': 'sha256:00' });
    expect(Object.keys(restored.metadata!.annotations!).filter((k) => k.includes('serving-'))).toEqual([]);
    expect(restored.metadata!.labels!['mlops-actions.github.io/version']).toBe('v2');
  });

  it('overrides merge over the predictor: objects by key, lists replace, null removes', () => {
    expect(mergeOver({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] }, d: null, e: 2 })).toEqual({ a: { b: 1, c: [3] }, e: 2 });
  });

  it.each([
    [{ predictor: { minReplicas: 'two' } }, 'spec.predictor.minReplicas', 'must be integer'],
    [{ predictor: { model: { storageURI: 's3://x' } } }, 'spec.predictor.model.storageURI', 'is not a field of the schema'],
    [{ predictor: { containers: [{ image: 'x' }] } }, 'spec.predictor.containers[0]', 'is missing the required field name'],
    [{ resources: { requests: { cpu: 0.5 } } }, 'spec.predictor.model.resources.requests.cpu', 'must be integer'],
    // Inside subschemas the CRD repeats (a container's, a probe's), which are compiled once and shared.
    [{ predictor: { containers: [{ name: 'c', livenessProbe: { periodSeconds: 'often' } }] } }, 'spec.predictor.containers[0].livenessProbe.periodSeconds', 'must be integer'],
    [{ predictor: { initContainers: [{ name: 'i', readinessProbe: { httpGet: { port: 80, pathh: '/' } } }] } }, 'spec.predictor.initContainers[0].readinessProbe.httpGet.pathh', 'is not a field of the schema'],
    [{ labels: { 'bad key!': 'x' } }, 'metadata.labels["bad key!"]', 'must be letters'],
    [{ labels: { team: 'not a label value' } }, 'metadata.labels["team"]', 'must be empty or letters'],
  ])('a schema break is reported with its path: %j', async (section, path, message) => {
    const problems = await schemaProblems(renderInferenceService(input({ section: section as ManifestInput['section'] })));
    expect(problems[0]).toMatchObject({ path });
    expect(problems[0]!.message).toContain(message);
  }, 60_000);
});

describe('the modelcar layer', () => {
  it('is a tar of models/ and models/model.onnx that GNU tar reads back byte for byte, with the same digest every time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'modelcar-tar-'));
    const model = join(dir, 'model.onnx');
    writeFileSync(model, Buffer.from(Array.from({ length: 1500 }, (_, i) => i % 251)));
    const first = await writeSingleFileTar(model, 'models', 'model.onnx', join(dir, 'a.tar'));
    const second = await writeSingleFileTar(model, 'models', 'model.onnx', join(dir, 'b.tar'));
    expect(second).toEqual(first);
    expect(first.size % 512).toBe(0);
    const listing = execFileSync('tar', ['-tvf', join(dir, 'a.tar')], { encoding: 'utf8' });
    expect(listing).toMatch(/^drwxr-xr-x root\/root\s+0 1970-01-01 00:00 models\/$/m);
    expect(listing).toMatch(/^-rw-r--r-- root\/root\s+1500 1970-01-01 00:00 models\/model\.onnx$/m);
    expect(execFileSync('tar', ['-xOf', join(dir, 'a.tar'), 'models/model.onnx'])).toEqual(readFileSync(model));
  });
});
