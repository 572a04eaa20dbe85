// Threat: the Actions runtime token (cache and artifact writes), the OIDC request token (a cloud
// identity) and the action's inputs reach the user's training command. The command must get what
// a `run:` step gets: no runner-internal variables, plus the user's `env`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnvironment, isRunnerInternal } from '../../shared/process/child-environment.js';
import { runAction } from '../support/run-action.js';
import { pathWithoutNvidiaSmi, scratch } from '../train/support.js';

const RUNNER_INTERNAL = {
  ACTIONS_RUNTIME_TOKEN: 'runtime-token-secret',
  ACTIONS_RUNTIME_URL: 'https://pipelines.example/',
  ACTIONS_CACHE_URL: 'https://cache.example/',
  ACTIONS_CACHE_SERVICE_V2: 'true',
  ACTIONS_RESULTS_URL: 'https://results.example/',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-secret',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example/',
  STATE_saved: 'pre-step state',
  GITHUB_ACTION_PATH: '/runner/_work/_actions/x/y',
  GITHUB_ACTION_REPOSITORY: 'x/y',
  GITHUB_ACTION_REF: 'v1',
  GITHUB_STATE: '/runner/_temp/state',
};

describe('runner-internal variables never reach the training command', () => {
  it('drops every variable the runner gives only to actions, keeps the rest and adds the user env', () => {
    const env = childEnvironment({ USER_VAR: 'mine' }, { ...RUNNER_INTERNAL, INPUT_GITHUB_TOKEN: 'ghs_x', GITHUB_SHA: 'abc', RUNNER_TEMP: '/t', CI: 'true', PATH: '/bin' });
    expect(env).toEqual({ GITHUB_SHA: 'abc', RUNNER_TEMP: '/t', CI: 'true', PATH: '/bin', USER_VAR: 'mine' });
    expect(isRunnerInternal('actions_runtime_token')).toBe(true); // names are case-insensitive on Windows runners
    expect(isRunnerInternal('ACTIONS_STEP_DEBUG')).toBe(false); // a run: step sees the debug switch too
  });

  it('the command cannot write the action\'s outputs through GITHUB_OUTPUT', async () => {
    const dir = scratch();
    const forge = 'touch model.onnx; if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "artifact-id=999" >> "$GITHUB_OUTPUT"; fi';
    const result = await runAction('train', { cwd: dir, inputs: { command: forge, model: 'model.onnx' }, env: { PATH: pathWithoutNvidiaSmi() + ':' + (process.env.PATH ?? '') } });
    expect(result.code).toBe(0);
    expect(result.outputs['model-sha256']).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(result.outputs['artifact-id']).toBeUndefined(); // no artifact was uploaded: only a forgery could set it
  });

  it('through the bundled train action: the command sees a run: step environment', async () => {
    const dir = scratch();
    const result = await runAction('train', {
      cwd: dir,
      inputs: { command: 'env > seen.env', model: 'seen.env', env: 'USER_VAR=mine' },
      env: { PATH: pathWithoutNvidiaSmi() + ':' + (process.env.PATH ?? ''), ...RUNNER_INTERNAL },
    });
    expect(result.code).toBe(0);
    const seen = readFileSync(join(dir, 'seen.env'), 'utf8');
    for (const name of [...Object.keys(RUNNER_INTERNAL), 'INPUT_COMMAND', 'INPUT_ENV', 'GITHUB_OUTPUT']) expect(seen).not.toMatch(new RegExp(`^${name}=`, 'm'));
    expect(seen).not.toContain('runtime-token-secret');
    expect(seen).not.toContain('oidc-request-secret');
    expect(seen).toMatch(/^USER_VAR=mine$/m);
    expect(seen).toMatch(/^GITHUB_RUN_ID=4242$/m);
  });
});
