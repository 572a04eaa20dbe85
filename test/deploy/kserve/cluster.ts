/**
 * KServe test setup: a real docker-registry holding registered versions (register action,
 * oci://…/models), a base image for the modelcars (a stand-in for busybox: one gzip layer with
 * /etc/base-release, built here and pushed with skopeo), and the fake Kubernetes API server
 * whose controller runs each revision as an `mlops serve` process.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { skopeo, startRegistry, type TestRegistry } from '../../support/oci-registry.js';
import { startFakeKube, type FakeKube, type FakeKubeOptions } from '../../support/fake-kube/index.js';
import { runAction } from '../../support/run-action.js';
import { deployWorkspace, FIXTURES, type DeployWorkspace } from '../workspace.js';

const sha = (bytes: Buffer | string) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** Pushes a one-layer OCI image to host/base and returns oci://host/base@sha256:…. */
export function pushBaseImage(host: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kserve-base-'));
  mkdirSync(join(dir, 'root/etc'), { recursive: true });
  writeFileSync(join(dir, 'root/etc/base-release'), 'stand-in base image for modelcar tests (a real one is busybox)\n');
  execFileSync('tar', ['--mtime=@0', '--owner=0', '--group=0', '-cf', join(dir, 'layer.tar'), '-C', join(dir, 'root'), 'etc']);
  const tar = readFileSync(join(dir, 'layer.tar'));
  const gz = gzipSync(tar);
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Cmd: ['sh'] }, rootfs: { type: 'layers', diff_ids: [sha(tar)] }, history: [{ created_by: 'test base' }] }));
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha(config), size: config.length }, layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha(gz), size: gz.length }] }));
  const layout = join(dir, 'layout');
  mkdirSync(join(layout, 'blobs/sha256'), { recursive: true });
  for (const blob of [gz, config, manifest]) writeFileSync(join(layout, 'blobs/sha256', sha(blob).slice(7)), blob);
  writeFileSync(join(layout, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  writeFileSync(join(layout, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: sha(manifest), size: manifest.length, annotations: { 'org.opencontainers.image.ref.name': 'base' } }] }));
  skopeo(['copy', '--dest-tls-verify=false', `oci:${layout}:base`, `docker://${host}/base:1`]);
  return `oci://${host}/base@${sha(manifest)}`;
}

export interface KserveCluster {
  registry: TestRegistry;
  kube: FakeKube;
  ws: DeployWorkspace;
  baseImage: string;
  kubeconfig: string;
  register(fixture: string): Promise<{ version: string; digest: string; ref: string }>;
  stop(): Promise<void>;
}

export function kserveConfig(baseImage: string, extra = '', readyTimeoutSeconds = 120): string {
  return [
    'deploy:',
    '  min_requests: 10',
    '  min_predictions: 30',
    // Long enough for a good canary's window to gather the predictions its shift needs on a loaded machine (test/deploy/deploy.test.ts).
    '  hold_factor: 30',
    '  kserve:',
    '    namespace: ml',
    '    poll_seconds: 0.1',
    `    ready_timeout_seconds: ${readyTimeoutSeconds}`,
    '    storage:',
    `      base_image: ${baseImage}`,
    extra,
  ].join('\n');
}

export async function startCluster(options: FakeKubeOptions = {}): Promise<KserveCluster> {
  const registry = await startRegistry();
  const kube = await startFakeKube(options);
  const baseImage = pushBaseImage(registry.host);
  const ws = deployWorkspace(kserveConfig(baseImage));
  return {
    registry,
    kube,
    ws,
    baseImage,
    kubeconfig: kube.kubeconfigFile('ml'),
    async register(fixture) {
      const registered = await registerRemote(ws.cwd, fixture, `oci://${registry.host}/models`);
      return { ...registered, ref: `oci://${registry.host}/models/churn:${registered.version}` };
    },
    async stop() {
      await kube.stop();
      await registry.stop();
    },
  };
}

/** A fixture model registered into a remote registry by the register action, with a passing gate naming it. */
async function registerRemote(cwd: string, fixture: string, registry: string): Promise<{ version: string; digest: string }> {
  const model = join(cwd, 'mlops-out/model.onnx');
  copyFileSync(join(FIXTURES, fixture), model);
  const now = new Date().toISOString();
  const record = {
    schema_version: 1,
    kind: 'mlops-run',
    created_at: now,
    updated_at: now,
    history: [],
    data: { fingerprint: `sha256:${'cd'.repeat(32)}`, files: [], rows: 398, valid: true, errors: 0, warnings: 0 },
    evaluation: {
      task: 'classification',
      model: { path: 'mlops-out/model.onnx', sha256: sha(readFileSync(model)).slice(7) },
      data: { path: 'holdout.csv', rows: 171, fingerprint: 'fp-holdout' },
      baseline: null,
      alpha: 0.05,
      metrics: { accuracy: { candidate: 0.95, verdict: 'pass', rule: 'accuracy >= 0.9' } },
      verdict: 'pass',
      passed: true,
    },
  };
  writeFileSync(join(cwd, 'mlops-out/mlops-run.json'), JSON.stringify(record));
  const result = await runAction('register', { cwd, inputs: { model: 'mlops-out/model.onnx', registry, insecure: 'true' } });
  if (result.code !== 0) throw new Error(`register failed: ${result.stdout}${result.stderr}`);
  return { version: result.outputs.version!, digest: result.outputs.digest! };
}
