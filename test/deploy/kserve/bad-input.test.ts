/**
 * deploy, target kserve, when things go wrong: a revision that never becomes ready (rolled
 * back, last conditions reported), an override that breaks the CRD schema (nothing sent),
 * missing permissions (403: verb and resource named), KServe not installed (discovery 404), an
 * unreachable cluster. Each leaves the serving state as it was.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeKube } from '../../support/fake-kube/index.js';
import { runAction } from '../../support/run-action.js';
import { kserveConfig, startCluster, type KserveCluster } from './cluster.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('deploy to KServe: bad input and failures', () => {
  let cluster: KserveCluster;
  const versions: Record<string, { version: string; digest: string; ref: string }> = {};

  const deploy = (model: string, inputs: Record<string, string> = {}) =>
    runAction('deploy', { cwd: cluster.ws.cwd, inputs: { model, target: 'kserve', kubeconfig: cluster.kubeconfig, insecure: 'true', steps: '50,100', 'bake-seconds': '1', ...inputs } });
  const predictor = () => cluster.kube.object('ml', 'churn')!.status.components.predictor as Json;
  const withConfig = (name: string, extra: string, readyTimeoutSeconds?: number) => {
    writeFileSync(join(cluster.ws.cwd, name), `model:\n  name: churn\n${kserveConfig(cluster.baseImage, extra, readyTimeoutSeconds)}\n`);
    return name;
  };
  const patches = () => cluster.kube.requests.filter((r) => r.method === 'PATCH').length;

  beforeAll(async () => {
    cluster = await startCluster();
    versions.stable = await cluster.register('stable.onnx');
    versions.retrained = await cluster.register('retrained.onnx');
    const first = await deploy(versions.stable!.ref);
    if (first.code !== 0) throw new Error(`first deploy failed:\n${first.stdout}`);
  }, 300_000);

  afterAll(async () => {
    cluster.kube.options.neverReady = false;
    await cluster?.stop();
  });

  it('a revision that never becomes ready: rolled back at the deadline, the last conditions reported', async () => {
    cluster.kube.options.neverReady = true;
    try {
      const result = await deploy(versions.retrained!.ref, { config: withConfig('short.yml', '', 3) });
      expect(result.code, result.stdout).toBe(1);
      expect(result.outputs['rolled-back'], result.stdout).toBe('true');
      expect(result.stdout).toContain('not ready within 3 s (waiting for revision churn-predictor-00002 to be ready)');
      expect(result.stdout).toMatch(/last status: Ready=Unknown \(RevisionMissing: Configuration "churn-predictor" is waiting for a Revision to become ready\.\), PredictorReady=Unknown/);
      expect(result.stdout).toMatch(/waiting for revision churn-predictor-00002 to be ready \(\d+ s\)/);
      expect(result.stdout).toContain('rolled back: churn-predictor-00001 100 %');
    } finally {
      cluster.kube.options.neverReady = false;
    }
    const object = cluster.kube.object('ml', 'churn')!;
    expect(object.spec.predictor.canaryTrafficPercent).toBe(0);
    expect(predictor().traffic).toEqual([expect.objectContaining({ revisionName: 'churn-predictor-00001', percent: 100 })]);
    // The spec now names the version that was rolled back; the annotations say what serves.
    expect(object.metadata.annotations['mlops-actions.github.io/serving-version']).toBe(versions.stable!.version);
  }, 240_000);

  it('an override that breaks the CRD schema: the error names the path, nothing is sent', async () => {
    const before = patches();
    let result = await deploy(versions.retrained!.ref, { config: withConfig('bad-type.yml', '    predictor:\n      minReplicas: two') });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('the rendered InferenceService breaks the KServe CRD schema at spec.predictor.minReplicas: must be integer');
    result = await deploy(versions.retrained!.ref, { config: withConfig('bad-field.yml', '    predictor:\n      model:\n        storageURI: s3://typo') });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('breaks the KServe CRD schema at spec.predictor.model.storageURI: is not a field of the schema');
    expect(patches()).toBe(before);
  }, 120_000);

  it('an identity without patch permission: 403 with the verb, resource and namespace', async () => {
    cluster.kube.options.forbid = { patch: true };
    try {
      const result = await deploy(versions.retrained!.ref);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`InferenceService ml/churn serves ${versions.stable!.version}`);
      expect(result.stdout).toContain('forbids this workflow\'s identity to patch inferenceservices.serving.kserve.io "churn" in the namespace "ml" (403)');
      expect(result.stdout).toContain('cannot patch resource \\"inferenceservices\\" in API group \\"serving.kserve.io\\"'.replace(/\\"/g, '"'));
    } finally {
      cluster.kube.options.forbid = undefined;
    }
    expect(predictor().traffic).toEqual([expect.objectContaining({ revisionName: 'churn-predictor-00001', percent: 100 })]);
  }, 120_000);

  it('KServe not installed: discovery answers 404, the error says so', async () => {
    const bare = await startFakeKube({ installed: false });
    try {
      const result = await deploy(versions.retrained!.ref, { kubeconfig: bare.kubeconfigFile('ml') });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`KServe is not installed on the cluster at ${bare.url}`);
      expect(bare.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toContain('GET /apis/serving.kserve.io/v1beta1 404');
    } finally {
      await bare.stop();
    }
  }, 120_000);

  it('an unreachable cluster', async () => {
    const port = await closedPort();
    const kubeconfig = cluster.kube.kubeconfig('ml').replace(cluster.kube.url, `https://127.0.0.1:${port}`);
    const result = await deploy(versions.retrained!.ref, { kubeconfig });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`cannot reach the Kubernetes API at https://127.0.0.1:${port} (ECONNREFUSED)`);
    // The kubeconfig came as contents: its token is masked.
    expect(result.stdout).toContain(`::add-mask::${cluster.kube.token}`);
  }, 120_000);

  it('no cluster configured at all', async () => {
    const result = await deploy(versions.retrained!.ref, { kubeconfig: '' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('no Kubernetes cluster configured');
  }, 120_000);

  it('a first deploy that never becomes ready fails plainly: nothing to roll back to', async () => {
    cluster.kube.options.neverReady = true;
    try {
      const result = await deploy(versions.retrained!.ref, { config: withConfig('short.yml', '', 3), 'kserve-name': 'churn-eu' });
      expect(result.code).toBe(1);
      expect(result.outputs).toMatchObject({ deployed: 'false', 'rolled-back': 'false' });
      expect(result.stdout).toContain('InferenceService churn-eu: not ready within 3 s');
      expect(result.stdout).toContain('(first deploy: no earlier revision to roll back to)');
    } finally {
      cluster.kube.options.neverReady = false;
    }
    expect(cluster.kube.object('ml', 'churn-eu')!.status.components.predictor.latestReadyRevision).toBeUndefined();

    // Once the cause is gone (the pod starts), deploying the same version again waits for that
    // same revision: the spec did not change, so KServe makes no new one.
    cluster.kube.resume();
    const again = await deploy(versions.retrained!.ref, { 'kserve-name': 'churn-eu' });
    expect(again.code, again.stdout).toBe(0);
    expect(cluster.kube.object('ml', 'churn-eu')!.status.components.predictor).toMatchObject({ latestReadyRevision: 'churn-eu-predictor-00001', latestRolledoutRevision: 'churn-eu-predictor-00001' });
  }, 180_000);

  it('a Prometheus section that cannot work (token variable unset, selector without the revision) is refused before the cluster is touched', async () => {
    const before = cluster.kube.requests.length;
    let result = await deploy(versions.retrained!.ref, { config: withConfig('prom-token.yml', '    prometheus:\n      url: https://prometheus.example\n      bearer_token_env: PROM_TOKEN_NOT_SET') });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('the variable PROM_TOKEN_NOT_SET that bearer_token_env names is empty or not set in this step\'s environment');
    result = await deploy(versions.retrained!.ref, { config: withConfig('prom-selector.yml', '    prometheus:\n      url: https://prometheus.example\n      selector: namespace="{namespace}"') });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('does not pick the revision (no label="…{revision}…" or label=~"…{revision}…" matcher): the canary\'s and the stable revision\'s pods would be summed together');
    expect(result.stdout).toContain('deploy.kserve.prometheus.selector');
    expect(cluster.kube.requests.length).toBe(before);
  }, 120_000);

  it('a version in a local layout, and a missing modelcar base image, are refused before the cluster is touched', async () => {
    const before = cluster.kube.requests.length;
    await runAction('register', { cwd: cluster.ws.cwd, inputs: { model: 'mlops-out/model.onnx', 'force-reason': 'test: local copy' } });
    let result = await deploy('.mlops/registry:latest');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('target kserve needs the version in a remote OCI registry: the cluster cannot read .mlops/registry');
    writeFileSync(join(cluster.ws.cwd, 'no-base.yml'), 'model:\n  name: churn\ndeploy:\n  kserve:\n    namespace: ml\n');
    result = await deploy(versions.retrained!.ref, { config: 'no-base.yml' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('deploy.kserve.storage.base_image');
    expect(result.stdout).toContain('no modelcar base image');
    expect(cluster.kube.requests.length).toBe(before);
  }, 120_000);
});
