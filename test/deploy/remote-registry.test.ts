/**
 * deploy from Debian's docker-registry (htpasswd auth, plain HTTP on loopback): the server pulls
 * the pinned digest with its own credentials, deploy verifies every blob with the action's, and
 * the prod alias is moved in the remote registry only after success.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistry, type TestRegistry } from '../support/oci-registry.js';
import { runAction } from '../support/run-action.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';
import { deployWorkspace } from './workspace.js';

const credentials = { username: 'deploy-test', password: 'a-registry-password-5678' };
let registry: TestRegistry;
let server: ServeProcess | undefined;

beforeAll(async () => {
  registry = await startRegistry({ htpasswd: credentials });
});
afterAll(async () => {
  await server?.stop();
  await registry?.stop();
});

async function tagDigest(tag: string): Promise<string | null> {
  const response = await fetch(`${registry.url}/v2/team/churn/manifests/${tag}`, {
    method: 'HEAD',
    headers: { authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`, accept: 'application/vnd.oci.image.manifest.v1+json' },
  });
  return response.status === 200 ? response.headers.get('docker-content-digest') : null;
}

describe('deploy from a remote OCI registry', () => {
  it('first deploy by oci:// reference moves prod in the registry; a wrong password is one clear error', async () => {
    const ws = deployWorkspace('', { registry: `oci://${registry.host}/team`, ...credentials });
    const v1 = await ws.register('stable.onnx');
    server = await startServe({ cwd: ws.cwd, adminToken: true, env: { MLOPS_REGISTRY_USERNAME: credentials.username, MLOPS_REGISTRY_PASSWORD: credentials.password } });
    const inputs = { model: `oci://${registry.host}/team/churn:${v1.version}`, url: server.url, 'admin-token': server.adminToken!, insecure: 'true', 'smoke-data': 'smoke.csv', 'registry-username': credentials.username };

    const wrong = await runAction('deploy', { cwd: ws.cwd, inputs: { ...inputs, 'registry-password': 'not-the-password' } });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('the registry rejected the credentials');
    expect(await tagDigest('prod')).toBeNull();

    const result = await runAction('deploy', { cwd: ws.cwd, inputs: { ...inputs, 'registry-password': credentials.password } });
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs).toMatchObject({ deployed: 'true', version: v1.version, digest: v1.digest });
    expect(result.stdout).toContain('smoke test passed: 171 rows');
    expect(await tagDigest('prod')).toBe(v1.digest);
    expect(server.logs()).not.toContain(credentials.password);
  }, 180_000);
});
