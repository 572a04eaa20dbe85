/**
 * The fake Kubernetes API server behaves like one for an independent client: kubectl (from the
 * runner's PATH; Debian's is `kubernetes-client`) discovers the CRD, server-side applies,
 * reads objects back with their status, and gets the API server's refusals (422 for a schema
 * violation, 403 for a forbidden verb). A missing kubectl fails loudly with how to install it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { startFakeKube, type FakeKube } from '../../support/fake-kube/index.js';
import { requireTool } from '../../support/oci-registry.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const MANIFEST = (canary: unknown) => ({
  apiVersion: 'serving.kserve.io/v1beta1',
  kind: 'InferenceService',
  metadata: { name: 'iris', namespace: 'ml' },
  spec: { predictor: { canaryTrafficPercent: canary, model: { modelFormat: { name: 'onnx' }, protocolVersion: 'v2', storageUri: 's3://bucket/iris' } } },
});

describe('the fake Kubernetes API server, seen by kubectl', () => {
  let kube: FakeKube;
  let dir: string;

  const kubectl = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      execFile('kubectl', ['--kubeconfig', kube.kubeconfigFile('ml'), '--cache-dir', join(dir, 'cache'), ...args], { encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }));
    });
  const file = (name: string, object: unknown) => {
    writeFileSync(join(dir, name), YAML.stringify(object));
    return join(dir, name);
  };

  beforeAll(async () => {
    requireTool('kubectl', 'kubernetes-client');
    dir = mkdtempSync(join(tmpdir(), 'fake-kube-kubectl-'));
    kube = await startFakeKube();
  });

  afterAll(async () => {
    await kube?.stop();
  });

  it('server-side apply creates the object; get -o yaml shows it with the status KServe would report', async () => {
    const applied = await kubectl(['apply', '--server-side', '--validate=false', '--field-manager', 'kubectl-test', '-f', file('iris.yaml', MANIFEST(10))]);
    expect(applied.stderr).toBe('');
    expect(applied.stdout).toContain('inferenceservice.serving.kserve.io/iris serverside-applied');
    expect(kube.requests.find((r) => r.method === 'PATCH')).toMatchObject({ contentType: 'application/apply-patch+yaml', fieldManager: 'kubectl-test', status: 201 });
    await kube.settle();
    // kubectl ≥ 1.21 hides managedFields unless asked; Debian's 1.20 shows them and lacks the flag.
    let got = await kubectl(['get', 'inferenceservice', 'iris', '-o', 'yaml', '--show-managed-fields']);
    if (/unknown flag: --show-managed-fields/.test(got.stderr)) got = await kubectl(['get', 'inferenceservice', 'iris', '-o', 'yaml']);
    expect(got.code, got.stderr).toBe(0);
    const object = YAML.parse(got.stdout) as Json;
    expect(object.spec.predictor).toMatchObject({ canaryTrafficPercent: 10, model: { storageUri: 's3://bucket/iris' } });
    expect(object.metadata).toMatchObject({ generation: 1, managedFields: [{ manager: 'kubectl-test', operation: 'Apply' }] });
    // s3:// is not a modelcar: the revision fails the way KServe reports a failed revision.
    expect(object.status.components.predictor.latestCreatedRevision).toBe('iris-predictor-00001');
    expect(object.status.conditions).toContainEqual(expect.objectContaining({ type: 'PredictorReady', status: 'False', reason: 'RevisionFailed' }));
  }, 120_000);

  it('a schema violation is refused with 422 and the field path', async () => {
    const result = await kubectl(['apply', '--server-side', '--validate=false', '--field-manager', 'kubectl-test', '-f', file('bad.yaml', MANIFEST('ten'))]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('is invalid');
    expect(result.stderr).toContain('spec.predictor.canaryTrafficPercent');
    expect(result.stderr).toContain('must be of type integer');
    expect(kube.requests.at(-1)).toMatchObject({ method: 'PATCH', status: 422 });
  }, 60_000);

  it('unknown fields are pruned with a warning (the default field validation of an API server)', async () => {
    const manifest = MANIFEST(10) as Json;
    manifest.spec.predictor.model.storageURI = 'typo';
    const warned = await kubectl(['apply', '--server-side', '--validate=false', '--field-manager', 'kubectl-test', '-f', file('typo.yaml', manifest)]);
    expect(warned.code, warned.stderr).toBe(0);
    expect(warned.stderr).toContain('unknown field "spec.predictor.model.storageURI"');
    expect(kube.object('ml', 'iris')!.spec.predictor.model.storageURI).toBeUndefined();
  }, 60_000);

  it('a verb the identity lacks is refused with 403, naming user, verb, resource and namespace', async () => {
    kube.options.forbid = { list: true };
    try {
      const result = await kubectl(['get', 'isvc']);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('User "system:serviceaccount:ci:mlops-deployer" cannot list resource "inferenceservices" in API group "serving.kserve.io" in the namespace "ml"');
    } finally {
      kube.options.forbid = undefined;
    }
  }, 60_000);
});
