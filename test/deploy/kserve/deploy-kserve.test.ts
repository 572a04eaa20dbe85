/**
 * deploy, target kserve, end to end: versions registered in a real docker-registry, modelcar
 * images pushed beside them (read back with skopeo), InferenceServices server-side applied to
 * the fake Kubernetes API server, whose controller runs each revision as an `mlops serve`
 * process from the modelcar image; smoke tests and canary scrapes go through the revisions'
 * URLs with real traffic.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePrometheus } from '../../support/fake-prometheus.js';
import { skopeo } from '../../support/oci-registry.js';
import { ROOT, runAction } from '../../support/run-action.js';
import { driveTraffic, FIXTURES } from '../workspace.js';
import { kserveConfig, startCluster, type KserveCluster } from './cluster.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('deploy to KServe (fake API server, real registry and revisions)', () => {
  let cluster: KserveCluster;
  const versions: Record<string, { version: string; digest: string; ref: string }> = {};
  let retrainedStorage = '';

  const deploy = (model: string, inputs: Record<string, string> = {}) =>
    runAction('deploy', { cwd: cluster.ws.cwd, inputs: { model, target: 'kserve', kubeconfig: cluster.kubeconfig, insecure: 'true', steps: '50,100', 'bake-seconds': '1', 'smoke-data': 'smoke.csv', ...inputs } });
  const isvc = (): Json => cluster.kube.object('ml', 'churn')!;
  const predictor = () => isvc().status.components.predictor as Json;
  const record = () => JSON.parse(readFileSync(join(cluster.ws.cwd, 'mlops-out/mlops-run.json'), 'utf8')) as Json;

  beforeAll(async () => {
    cluster = await startCluster();
    versions.stable = await cluster.register('stable.onnx');
    versions.retrained = await cluster.register('retrained.onnx');
    versions.flipped = await cluster.register('flipped.onnx');
    versions.nan = await cluster.register('nan_rows.onnx');
  }, 240_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it('dry run: prints the validated manifest, pushes nothing, sends nothing to the cluster', async () => {
    const result = await deploy(versions.stable!.ref, { 'dry-run': 'true', kubeconfig: '' });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('kind: InferenceService');
    expect(result.stdout).toMatch(/storageUri: oci:\/\/127\.0\.0\.1:\d+\/models\/churn-modelcar@sha256:[0-9a-f]{64}/);
    expect(result.outputs.manifest).toContain('protocolVersion: v2');
    expect(cluster.kube.requests).toEqual([]);
    expect(() => skopeo(['inspect', '--tls-verify=false', `docker://${cluster.registry.host}/models/churn-modelcar:${versions.stable!.version}`])).toThrow();
  }, 120_000);

  it('first deploy: modelcar pushed, InferenceService applied server-side, ready, smoke test through status.url', async () => {
    const result = await deploy(versions.stable!.ref);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('smoke test passed through');
    const object = isvc();
    expect(result.outputs).toMatchObject({ deployed: 'true', version: versions.stable!.version, digest: versions.stable!.digest, 'previous-version': '', 'rolled-back': 'false', url: object.status.url });
    const storageUri = object.spec.predictor.model.storageUri as string;
    expect(storageUri).toMatch(new RegExp(`^oci://${cluster.registry.host.replace(/\./g, '\\.')}/models/churn-modelcar@sha256:[0-9a-f]{64}$`));
    expect(object.spec.predictor.model).toMatchObject({ modelFormat: { name: 'onnx' }, protocolVersion: 'v2' });
    expect(object.metadata.annotations).toMatchObject({ 'mlops-actions.github.io/version': versions.stable!.version, 'mlops-actions.github.io/digest': versions.stable!.digest, 'mlops-actions.github.io/gate-verdict': 'pass' });
    expect(object.metadata.labels).toMatchObject({ 'mlops-actions.github.io/version': versions.stable!.version, 'app.kubernetes.io/managed-by': 'mlops-actions' });
    const patches = cluster.kube.requests.filter((r) => r.method === 'PATCH');
    expect(patches.length).toBeGreaterThan(0);
    for (const patch of patches) expect(patch).toMatchObject({ contentType: 'application/apply-patch+yaml', fieldManager: 'mlops-actions' });
    expect(predictor()).toMatchObject({ latestRolledoutRevision: 'churn-predictor-00001', traffic: [{ revisionName: 'churn-predictor-00001', percent: 100 }] });

    // The modelcar, read back by an independent client: base layer + models/model.onnx, the verified bytes.
    const digest = storageUri.split('@')[1]!;
    const inspected = JSON.parse(skopeo(['inspect', '--tls-verify=false', '--raw', `docker://${cluster.registry.host}/models/churn-modelcar@${digest}`])) as Json;
    expect(inspected.layers).toHaveLength(2);
    expect(inspected.layers[1].mediaType).toBe('application/vnd.oci.image.layer.v1.tar');
    const tagged = JSON.parse(skopeo(['inspect', '--tls-verify=false', `docker://${cluster.registry.host}/models/churn-modelcar:${versions.stable!.version}`])) as Json;
    expect(tagged.Digest).toBe(digest);
    expect(record().deploy).toMatchObject({ target: 'kserve', status: 'success', digest: versions.stable!.digest, kserve: { name: 'churn', namespace: 'ml', storage_uri: storageUri, revision: 'churn-predictor-00001' } });
  }, 180_000);

  it('a canary that predicts like the stable revision is promoted step by step (analysis read from Prometheus)', async () => {
    // Prometheus scrapes every predictor pod, labelled as a kubernetes-pods job's labelmap labels them.
    const token = 'prom-e2e-token-81d3';
    const prometheus = await startFakePrometheus(() => cluster.kube.pods().map((pod) => ({ url: pod.url, labels: { namespace: pod.namespace, serving_knative_dev_revision: pod.revision, pod: `${pod.revision}-deployment-0` } })), { token });
    writeFileSync(join(cluster.ws.cwd, 'prometheus.yml'), `model:\n  name: churn\n${kserveConfig(cluster.baseImage, `    prometheus:\n      url: ${prometheus.url}\n      bearer_token_env: PROM_TOKEN`)}\n`);
    const driver = driveTraffic(isvc().status.url);
    try {
      const result = await runAction('deploy', { cwd: cluster.ws.cwd, env: { PROM_TOKEN: token }, inputs: { model: versions.retrained!.ref, target: 'kserve', kubeconfig: cluster.kubeconfig, insecure: 'true', steps: '50,100', 'bake-seconds': '1', 'smoke-data': 'smoke.csv', config: 'prometheus.yml' } });
      expect(result.code, result.stdout).toBe(0);
      expect(result.outputs).toMatchObject({ deployed: 'true', 'previous-version': versions.stable!.version, 'rolled-back': 'false' });
      expect(result.stdout).toMatch(/step 50 %: pass/);
      expect(result.stdout).toMatch(/step 100 %: pass/);
      expect(result.stdout).toContain('smoke test passed through');
      // Masked for the runner, and nowhere else in the output.
      expect(result.stdout).toContain(`::add-mask::${token}`);
      expect((result.stdout + result.stderr).split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n')).not.toContain(token);
      // Both revisions' series came from Prometheus, by revision; no request broke the API's description.
      expect(prometheus.queries).toContain('sum by (model, code, instance) (mlops_serve_requests_total{namespace="ml", serving_knative_dev_revision="churn-predictor-00002"})');
      expect(prometheus.queries).toContain('sum by (model, le, instance) (mlops_serve_prediction_bucket{namespace="ml", serving_knative_dev_revision="churn-predictor-00001"})');
      // Each step waited for Prometheus to scrape both revisions after the traffic change.
      expect(prometheus.queries).toContain('min(timestamp(mlops_serve_instance_info{namespace="ml", serving_knative_dev_revision="churn-predictor-00001"}))');
      expect(prometheus.violations).toEqual([]);
    } finally {
      await driver.stop();
      await prometheus.stop();
    }
    expect(predictor()).toMatchObject({ latestRolledoutRevision: 'churn-predictor-00002', previousRolledoutRevision: 'churn-predictor-00001', traffic: [{ revisionName: 'churn-predictor-00002', percent: 100 }] });
    expect(isvc().spec.predictor.canaryTrafficPercent).toBeUndefined();
    retrainedStorage = isvc().spec.predictor.model.storageUri;
  }, 240_000);

  it('deploying what already serves is a success with nothing to do', async () => {
    const before = cluster.kube.requests.filter((r) => r.method === 'PATCH').length;
    const result = await deploy(versions.retrained!.ref);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain(`${versions.retrained!.version} (${versions.retrained!.digest}) already serves 100 % of churn's traffic: nothing to do`);
    expect(result.outputs).toMatchObject({ deployed: 'false', version: versions.retrained!.version, url: isvc().status.url });
    expect(cluster.kube.requests.filter((r) => r.method === 'PATCH').length).toBe(before);
  }, 120_000);

  it('a canary with other predictions is rolled back: all traffic pinned to the previous revision, the reason recorded', async () => {
    const driver = driveTraffic(isvc().status.url);
    let result;
    try {
      result = await deploy(versions.flipped!.ref, { 'smoke-data': '' });
    } finally {
      await driver.stop();
    }
    expect(result.code).toBe(1);
    expect(result.outputs['rolled-back']).toBe('true');
    expect(result.stdout).toMatch(/prediction shift 0\.\d+ \(Jensen–Shannon distance\) is above max-prediction-shift 0\.1/);
    expect(isvc().spec.predictor.canaryTrafficPercent).toBe(0);
    expect(predictor()).toMatchObject({ latestRolledoutRevision: 'churn-predictor-00002' });
    expect(predictor().traffic.find((t: Json) => t.tag === 'prev')).toMatchObject({ revisionName: 'churn-predictor-00002', percent: 100 });
    expect(record().deploy).toMatchObject({ status: 'rolled_back', previous_version: versions.retrained!.version });
    expect(record().deploy.rollback_reason).toContain('prediction shift');
  }, 240_000);

  it('a second deploy while one bakes is refused; SIGTERM mid-bake pins the stable revision again', async () => {
    const driver = driveTraffic(isvc().status.url, 2);
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), 'deploy', '--model', versions.stable!.ref, '--target', 'kserve', '--kubeconfig', cluster.kubeconfig, '--insecure', '--steps', '10,100', '--bake-seconds', '60'], { cwd: cluster.ws.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 180_000;
      while (!/baking 60 s/.test(output)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the first deploy did not reach its bake:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(predictor().traffic.map((t: Json) => [t.revisionName, t.percent])).toEqual([['churn-predictor-00004', 10], ['churn-predictor-00002', 90]]);
      const second = await deploy(versions.flipped!.ref, { 'smoke-data': '' });
      expect(second.code).toBe(1);
      expect(second.stdout).toContain('another deploy of churn is in progress on the cluster: traffic is split between churn-predictor-00004 (10 %25), churn-predictor-00002 (90 %25)');
      child.kill('SIGTERM');
      expect(await exited).toBe(1);
      expect(output).toContain('rolling back: the deploy was cancelled (SIGTERM)');
      // The rollback still waited for KServe to report the traffic back on the stable revision.
      expect(output).toMatch(/roll back: all traffic to churn-predictor-00002: .*traffic: churn-predictor-00004 \[latest\] 0 %, churn-predictor-00002 \[prev\] 100 %/);
      expect(output).toContain(`rolled back: ${versions.retrained!.version} 100 %`);
    } finally {
      child.kill('SIGKILL');
      await driver.stop();
    }
    expect(predictor().traffic.find((t: Json) => t.tag === 'prev')).toMatchObject({ revisionName: 'churn-predictor-00002', percent: 100 });
  }, 300_000);

  it('a version that fails after promotion (all-at-once, 5xx at 100 %) is rolled back by re-applying what served before', async () => {
    const driver = driveTraffic(isvc().status.url);
    let result;
    try {
      result = await deploy(versions.nan!.ref, { strategy: 'all-at-once', 'smoke-data': '' });
    } finally {
      await driver.stop();
    }
    expect(result.code).toBe(1);
    expect(result.outputs['rolled-back']).toBe('true');
    expect(result.stdout).toMatch(/error rate [0-9.]+ % \(\d+\/\d+\) is above max-error-rate 1\.00 %|canary requests failed/);
    expect(result.stdout).toContain('re-apply the previous InferenceService');
    const object = isvc();
    // Not the spec left pinned by the SIGTERM rollback (stable's), but what served: retrained.
    expect(object.spec.predictor.model.storageUri).toBe(retrainedStorage);
    expect(object.spec.predictor.canaryTrafficPercent).toBeUndefined();
    expect(object.metadata.annotations['mlops-actions.github.io/version']).toBe(versions.retrained!.version);
    expect(object.metadata.annotations['mlops-actions.github.io/serving-version']).toBeUndefined();
    expect(predictor()).toMatchObject({ latestRolledoutRevision: 'churn-predictor-00006', traffic: [{ revisionName: 'churn-predictor-00006', percent: 100 }] });
  }, 300_000);
});
