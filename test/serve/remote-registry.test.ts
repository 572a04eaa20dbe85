// Serving versions registered into Debian's docker-registry (htpasswd auth, plain HTTP on
// loopback): --model by reference at start, an admin load by digest, credentials from the
// server's environment and never in its log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistry, type TestRegistry } from '../support/oci-registry.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';
import { call, exampleModel, holdoutRows, registeredWorkspace, scoreInProcess, tensorRequest } from './workspace.js';

const credentials = { username: 'serve-test', password: 'a-registry-password-1234' };
let registry: TestRegistry;
let server: ServeProcess | undefined;

beforeAll(async () => {
  registry = await startRegistry({ htpasswd: credentials });
});
afterAll(async () => {
  await server?.stop();
  await registry?.stop();
});

describe('mlops serve: models from an OCI distribution registry', () => {
  it('serves oci:// references, loads another version by digest, and keeps the password out of the log', async () => {
    const { cwd, register } = await registeredWorkspace({ registry: `oci://${registry.host}/team`, credentials });
    const v2 = await register(exampleModel(200));
    const env = { MLOPS_REGISTRY_USERNAME: credentials.username, MLOPS_REGISTRY_PASSWORD: credentials.password };

    const anonymous = await startServe({ cwd, args: ['--model', `oci://${registry.host}/team/churn:v1`, '--insecure'] }).catch((error: Error) => error.message);
    expect(anonymous).toMatch(/exited with 1 before listening:[\s\S]*error: .*cannot serve --model oci:\/\/.*churn:v1: .*(user name and password|401|unauthorized)/i);

    server = await startServe({ cwd, args: ['--model', `oci://${registry.host}/team/churn:v1`, '--insecure'], adminToken: true, env });
    const { rows } = holdoutRows(exampleModel(20), 5);
    const v1 = await call(server.url, 'POST', '/v2/models/churn/infer', tensorRequest(rows));
    expect(v1.body).toMatchObject({ model_name: 'churn', model_version: 'v1' });
    expect(v1.body.outputs[0].data).toEqual((await scoreInProcess(exampleModel(20), rows)).probabilities!.data);

    const loaded = await call(server.url, 'POST', '/v2/repository/models/churn/load', { parameters: { reference: `oci://${registry.host}/team/churn@${v2.digest}`, insecure: true } }, server.adminToken);
    expect(loaded.body).toMatchObject({ name: 'churn', version: 'v2', digest: v2.digest, ready: true, comparison: { against: 'v1', rows: 5 } });
    const answer = await call(server.url, 'POST', '/v2/models/churn/versions/v2/infer', tensorRequest(rows));
    expect(answer.body.outputs[0].data).toEqual((await scoreInProcess(exampleModel(200), rows)).probabilities!.data);
    // Plain HTTP is for loopback registries only.
    const remote = await call(server.url, 'POST', '/v2/repository/models/churn/load', { parameters: { reference: 'oci://registry.example.com/team/churn:v3', insecure: true } }, server.adminToken);
    expect(remote).toMatchObject({ status: 400, body: { error: expect.stringMatching(/loopback registries only/) } });
    expect(server.logs()).not.toContain(credentials.password);
  });
});
