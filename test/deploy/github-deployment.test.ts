/**
 * deploy's GitHub Deployment and statuses, against the OpenAPI-validating fake GitHub and a
 * real `mlops serve`: in_progress → success with environment_url (earlier deployments of the
 * environment become inactive), in_progress → failure on a rollback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_TOKENS } from '../support/fake-github/index.js';
import { useFakeGitHub } from '../support/fake-github/lifecycle.js';
import { runAction } from '../support/run-action.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';
import { deployWorkspace, driveTraffic, type DeployWorkspace } from './workspace.js';

const REGISTER_SHA = '0123456789abcdef0123456789abcdef01234567';

describe('GitHub Deployments', () => {
  const gh = useFakeGitHub();
  let ws: DeployWorkspace;
  let server: ServeProcess;
  let stable: { version: string; digest: string };
  let flipped: { version: string; digest: string };

  beforeAll(async () => {
    ws = deployWorkspace('deploy:\n  min_requests: 10\n  min_predictions: 30\n  hold_factor: 30\n');
    stable = await ws.register('stable.onnx');
    flipped = await ws.register('flipped.onnx');
    server = await startServe({ cwd: ws.cwd, adminToken: true });
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('a deployment per attempt with statuses; a rollback is a failure and leaves the earlier one active', async () => {
    const fake = gh();
    const run = async (model: string) => {
      const driver = driveTraffic(server.url);
      try {
        return await runAction('deploy', { cwd: ws.cwd, apiUrl: fake.url, repository: fake.repo, token: FAKE_TOKENS.actions, inputs: { model, url: server.url, 'admin-token': server.adminToken!, steps: '50,100', 'bake-seconds': '1', environment: 'production' } });
      } finally {
        await driver.stop();
      }
    };
    const first = await run(`.mlops/registry:${stable.version}`);
    expect(first.code, first.stdout).toBe(0);
    const second = await run(`.mlops/registry:${flipped.version}`);
    expect(second.code).toBe(1);

    const [owner, name] = fake.repo.split('/');
    const repo = fake.state.findRepo(owner!, name!)!;
    expect(repo.deployments.map((d) => String(d.id))).toEqual([first.outputs['deployment-id'], second.outputs['deployment-id']]);
    const [a, b] = repo.deployments;
    expect(a).toMatchObject({ environment: 'production', ref: REGISTER_SHA, payload: { model: 'churn', version: stable.version, digest: stable.digest }, production: true });
    expect(a!.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    expect(a!.statuses[1]).toMatchObject({ environmentUrl: server.url });
    expect(b).toMatchObject({ payload: { version: flipped.version, digest: flipped.digest } });
    expect(b!.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
    expect(b!.statuses[1]!.description).toContain('rolled back');
    const create = fake.requests.find((r) => r.method === 'POST' && r.path.endsWith('/deployments'));
    expect(create?.body).toMatchObject({ auto_merge: false, required_contexts: [] });
  }, 180_000);
});
