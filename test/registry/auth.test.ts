// Registry authentication against the real docker-registry: htpasswd (Basic) and token (Bearer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skopeo, skopeoAsync, startRegistry, type TestRegistry } from '../support/oci-registry.js';
import { runAction } from '../support/run-action.js';
import { bigOnnxModel, MODEL, makeWorkspace } from '../register/workspace.js';
import { startTokenServer, type TokenServer } from './token-server.js';

const USER = 'ci-bot';
const PASSWORD = 's3cret-Pa55word';

/** stdout without the runner's own ::add-mask:: command, which necessarily names the secret. */
const visible = (stdout: string) => stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');

describe('registry authentication', () => {
  let basic: TestRegistry;
  let token: TokenServer;
  let bearer: TestRegistry;
  beforeAll(async () => {
    basic = await startRegistry({ htpasswd: { username: USER, password: PASSWORD } });
    token = await startTokenServer(USER, PASSWORD);
    bearer = await startRegistry({ token });
  });
  afterAll(async () => {
    await basic?.stop();
    await bearer?.stop();
    await token?.stop();
  });

  const register = (cwd: string, host: string, credentials: Record<string, string>) =>
    runAction('register', { cwd, inputs: { model: MODEL, registry: `oci://${host}/team`, insecure: 'true', ...credentials } });

  it('uses Basic credentials with an htpasswd registry, and masks the password', async () => {
    const { cwd } = makeWorkspace({ name: 'basic-model', model: bigOnnxModel(2000) });
    const anonymous = await register(cwd, basic.host, {});
    expect(anonymous.code).toBe(1);
    expect(anonymous.stdout).toMatch(/requires a user name and password/);
    const wrong = await register(cwd, basic.host, { 'registry-username': USER, 'registry-password': 'nope' });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/rejected the credentials/);

    const ok = await register(cwd, basic.host, { 'registry-username': USER, 'registry-password': PASSWORD });
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.stdout).toContain(`::add-mask::${PASSWORD}`);
    expect(visible(ok.stdout)).not.toContain(PASSWORD);
    const raw = skopeo(['inspect', '--raw', '--tls-verify=false', '--creds', `${USER}:${PASSWORD}`, `docker://${basic.host}/team/basic-model:v1`]);
    expect(JSON.parse(raw).annotations['org.opencontainers.image.version']).toBe('v1');
  });

  it('exchanges credentials for a Bearer token after a 401 challenge, as GHCR does', async () => {
    const { cwd } = makeWorkspace({ name: 'bearer-model', model: bigOnnxModel(3000) });
    const wrong = await register(cwd, bearer.host, { 'registry-username': USER, 'registry-password': 'nope' });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/token service 127\.0\.0\.1:[0-9]+ answered 401 \(credentials rejected\)/);

    const ok = await register(cwd, bearer.host, { 'registry-username': USER, 'registry-password': PASSWORD });
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.outputs.version).toBe('v1');
    // docker-registry lists a scope's actions in Go map order (random): compare them as sets.
    const sortedActions = (scope: string) => scope.replace(/:([a-z,*]+)$/, (_, actions: string) => `:${actions.split(',').sort().join(',')}`);
    const granted = token.requests.filter((r) => !r.denied).flatMap((r) => r.scope.map(sortedActions));
    expect(granted).toContain('repository:team/bearer-model:pull');
    expect(granted).toContain('repository:team/bearer-model:pull,push');
    // Async: skopeo asks this very process's token server for its own token.
    const raw = await skopeoAsync(['inspect', '--raw', '--tls-verify=false', '--creds', `${USER}:${PASSWORD}`, `docker://${bearer.host}/team/bearer-model:v1`]);
    expect(JSON.parse(raw).layers[0].mediaType).toBe('application/vnd.cncf.model.weight.v1.raw');
  });
});
