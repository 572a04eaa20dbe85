/**
 * deploy, target kserve, with a GitHub Deployment (OpenAPI-validating fake GitHub): the success
 * status points at the InferenceService's status.url; a deploy that fails says so.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_TOKENS } from '../../support/fake-github/index.js';
import { useFakeGitHub } from '../../support/fake-github/lifecycle.js';
import { runAction } from '../../support/run-action.js';
import { kserveConfig, startCluster, type KserveCluster } from './cluster.js';

describe('GitHub Deployments for the KServe target', () => {
  const gh = useFakeGitHub();
  let cluster: KserveCluster;
  let stable: { version: string; digest: string; ref: string };

  beforeAll(async () => {
    cluster = await startCluster();
    stable = await cluster.register('stable.onnx');
  }, 240_000);

  afterAll(async () => {
    cluster.kube.options.neverReady = false;
    await cluster?.stop();
  });

  it('success names the InferenceService URL; a first deploy that never becomes ready is a failure', async () => {
    const fake = gh();
    const run = (inputs: Record<string, string>) =>
      runAction('deploy', { cwd: cluster.ws.cwd, apiUrl: fake.url, repository: fake.repo, token: FAKE_TOKENS.actions, inputs: { model: stable.ref, target: 'kserve', kubeconfig: cluster.kubeconfig, insecure: 'true', environment: 'production', ...inputs } });
    const first = await run({});
    expect(first.code, first.stdout).toBe(0);
    const url = cluster.kube.object('ml', 'churn')!.status.url as string;
    expect(first.outputs.url).toBe(url);

    writeFileSync(join(cluster.ws.cwd, 'short.yml'), `model:\n  name: churn\n${kserveConfig(cluster.baseImage, '', 2)}\n`);
    cluster.kube.options.neverReady = true;
    const second = await run({ config: 'short.yml', 'kserve-name': 'churn-us' });
    cluster.kube.options.neverReady = false;
    expect(second.code).toBe(1);

    const [owner, name] = fake.repo.split('/');
    const [a, b] = fake.state.findRepo(owner!, name!)!.deployments;
    expect(a!.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    expect(a!.statuses[1]).toMatchObject({ environmentUrl: url });
    expect(b!.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
    expect(b!.statuses[1]!.description).toMatch(/^failed: InferenceService churn-us: not ready within 2 s/);
  }, 240_000);
});
