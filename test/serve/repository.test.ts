// The model repository and traffic extensions on versions registered into a local OCI layout:
// tokens, load by reference, idempotent and conflicting loads, failing loads that leave the
// running version serving, traffic weights honoured within binomial tolerance and
// deterministic by request id, unload rules.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../support/serve-process.js';
import { ROOT } from '../support/run-action.js';
import { call, exampleModel, holdoutRows, plantVersion, registeredWorkspace, scoreInProcess, tensorRequest } from './workspace.js';

let server: ServeProcess;
let cwd: string;
const INFER = 'i'.repeat(32);

beforeAll(async () => {
  ({ cwd } = await registeredWorkspace({ two: true }));
  server = await startServe({ cwd, adminToken: true, inferToken: INFER });
});
afterAll(async () => {
  await server?.stop();
});

const admin = (method: string, path: string, body?: unknown) => call(server.url, method, path, body, server.adminToken);
const load = (reference: string) => admin('POST', '/v2/repository/models/churn/load', { parameters: { reference } });

describe('mlops serve: repository and traffic', () => {
  it('starts empty: live, not ready, waiting for a load', async () => {
    expect((await call(server.url, 'GET', '/v2/health/live')).status).toBe(200);
    expect(await call(server.url, 'GET', '/v2/health/ready', undefined, INFER)).toMatchObject({ status: 503, body: { ready: false } });
    // Health probes need no token.
    expect(await call(server.url, 'GET', '/v2/health/ready')).toMatchObject({ status: 503, body: { ready: false } });
    expect(server.logs()).toMatch(/no models yet/);
    // The helper writes token files with mode 600: no permission warning.
    expect(server.logs()).not.toMatch(/readable by other users/);
  });

  it('checks tokens: 401 without or with a wrong one, 403 for the infer token on admin endpoints', async () => {
    expect((await call(server.url, 'POST', '/v2/repository/index')).status).toBe(401);
    expect((await call(server.url, 'POST', '/v2/repository/index', undefined, 'wrong-token')).status).toBe(401);
    const forbidden = await call(server.url, 'POST', '/v2/repository/index', undefined, INFER);
    expect(forbidden).toMatchObject({ status: 403, body: { error: expect.stringMatching(/needs the admin token/) } });
    expect((await call(server.url, 'GET', '/v2', undefined)).status).toBe(401);
    expect((await call(server.url, 'GET', '/metrics', undefined, 'nope')).status).toBe(401);
    expect((await call(server.url, 'GET', '/v2', undefined, INFER)).status).toBe(200);
    expect((await admin('POST', '/v2/repository/index')).body).toEqual([]);
    expect(server.logs()).not.toContain(INFER);
    expect(server.logs()).not.toContain(server.adminToken);
  });

  it('loads v1 by reference, warmed up and ready, taking all the traffic; a repeat load is idempotent', async () => {
    const loaded = await load('.mlops/registry:v1');
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(200);
    expect(loaded.body).toMatchObject({ name: 'churn', version: 'v1', digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), ready: true });
    expect((await load('.mlops/registry:v1')).body).toEqual(loaded.body);
    expect((await call(server.url, 'GET', '/v2/health/ready', undefined, INFER)).status).toBe(200);
    expect((await admin('GET', '/v2/models/churn/traffic')).body).toEqual({ v1: 100 });
    const index = (await admin('POST', '/v2/repository/index')).body;
    expect(index).toEqual([{ name: 'churn', version: 'v1', state: 'READY', reason: '', digest: loaded.body.digest, reference: `.mlops/registry:churn:v1@${loaded.body.digest}`, weight: 100 }]);
    expect(server.logs()).toMatch(/serve: loaded churn v1 \(sha256:[0-9a-f]{64}\) from \.mlops\/registry:churn:v1@sha256:[0-9a-f]{64}; weight 100%/);
  });

  it('refuses failing loads and keeps v1 serving untouched', async () => {
    const { rows } = holdoutRows(exampleModel(20), 4);
    const before = await call(server.url, 'POST', '/v2/models/churn/infer', tensorRequest(rows), INFER);
    expect(before.status).toBe(200);
    const failures: Array<[string, () => Promise<{ status: number; body: any }>, number, RegExp]> = [
      ['unknown tag', () => load('.mlops/registry:v7'), 404, /has no version "v7"/],
      ['bad reference', () => load('oci://'), 400, /not a valid registry reference/],
      ['a file path, not a reference', () => load('/etc/passwd'), 400, /not a valid registry reference/],
      ['bad model name', () => admin('POST', '/v2/repository/models/Bad..Name/load', { parameters: { reference: '.mlops/registry:v1' } }), 400, /model name "Bad..Name"/],
      ['no reference', () => admin('POST', '/v2/repository/models/churn/load', { parameters: {} }), 400, /"reference"/],
    ];
    for (const [what, attempt, status, message] of failures) {
      const response = await attempt();
      expect(response.status, what).toBe(status);
      expect(response.body.error, what).toMatch(message);
    }
    const after = await call(server.url, 'POST', '/v2/models/churn/infer', tensorRequest(rows), INFER);
    expect(after.body).toEqual(before.body);
    expect((await admin('GET', '/v2/models/churn/traffic')).body).toEqual({ v1: 100 });
  });

  it('refuses a tampered blob', async () => {
    // A tampered blob: flip a byte of v2's model layer in the layout, load, expect a digest error, restore.
    const manifestDigest = (tag: string) => JSON.parse(readFileSync(join(cwd, '.mlops/registry/index.json'), 'utf8')).manifests.find((m: any) => m.annotations['org.opencontainers.image.ref.name'] === `churn:${tag}`).digest as string;
    const blob = (digest: string) => join(cwd, '.mlops/registry/blobs/sha256', digest.slice(7));
    const manifest = JSON.parse(readFileSync(blob(manifestDigest('v2')), 'utf8'));
    const layer = manifest.layers.find((l: any) => l.mediaType === 'application/vnd.cncf.model.weight.v1.raw');
    const original = readFileSync(blob(layer.digest));
    const tampered = Buffer.from(original);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 1) ^ 0xff, tampered.length - 1);
    writeFileSync(blob(layer.digest), tampered);
    const refused = await load('.mlops/registry:v2');
    writeFileSync(blob(layer.digest), original);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatch(/does not match its digest/);
    expect(readdirSync(join(cwd, '.mlops/registry/blobs/sha256')).length).toBeGreaterThan(0);
    const index = (await admin('POST', '/v2/repository/index')).body;
    expect(index.map((e: any) => `${e.version}:${e.state}:${e.weight}`)).toEqual(['v1:READY:100']);
  });

  it('refuses a pickle, a file that is not ONNX, and a model of another task, keeping v1 serving', async () => {
    plantVersion(cwd, 'v11', Buffer.from([0x80, 0x04, 0x95, 0x10, 0, 0, 0, 0, 0, 0, 0, 0x8c]));
    plantVersion(cwd, 'v12', Buffer.from('not a model at all\n'));
    plantVersion(cwd, 'v13', readFileSync(join(ROOT, 'test/fixtures/serve/sqrt_regressor.onnx')));
    const cases: Array<[string, RegExp]> = [
      ['v11', /Python pickle/],
      ['v12', /not a protobuf ModelProto|no ONNX ir_version|no graph|not a valid ONNX/],
      ['v13', /cannot load .* as a version of churn: its task is regression, but the running versions are classification models/],
    ];
    for (const [tag, message] of cases) {
      const refused = await load(`.mlops/registry:${tag}`);
      expect(refused.status, tag).toBe(422);
      expect(refused.body.error, tag).toMatch(message);
    }
    // Versions are immutable: another model calling itself v1 is a conflict.
    plantVersion(cwd, 'impostor', readFileSync(exampleModel(200)), 'v1');
    const conflict = await load('.mlops/registry:impostor');
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toMatch(/already serves version v1 with digest sha256:[0-9a-f]{64}, not sha256:/);
    const index = (await admin('POST', '/v2/repository/index')).body;
    expect(index.map((e: any) => `${e.version}:${e.state}:${e.weight}`)).toEqual(['v1:READY:100']);
    expect((await call(server.url, 'POST', '/v2/models/churn/infer', tensorRequest(holdoutRows(exampleModel(20), 2).rows), INFER)).status).toBe(200);
  });

  it('loads v2 at 0 %, splits traffic by weight within binomial tolerance, deterministically by id', async () => {
    // Before it takes traffic, a new version is compared with v1 on the rows recent requests sent.
    const twin = readFileSync(exampleModel(20));
    plantVersion(cwd, 'twin', twin, 'v10');
    const identical = await load('.mlops/registry:twin');
    expect(identical.body).toMatchObject({ version: 'v10', comparison: { against: 'v1', rows: expect.any(Number), mean_abs_diff: 0, max_abs_diff: 0, agreement: 1 } });
    expect(identical.body.comparison.rows).toBeGreaterThan(0);
    expect(identical.body.comparison.rows).toBeLessThanOrEqual(256);
    expect((await admin('POST', '/v2/repository/models/churn/unload', { parameters: { version: 'v10' } })).status).toBe(200);

    const loaded = await load('.mlops/registry:v2');
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(200);
    expect(loaded.body.comparison).toMatchObject({ against: 'v1', rows: identical.body.comparison.rows });
    expect(loaded.body.comparison.max_abs_diff).toBeGreaterThan(0);
    expect(loaded.body.comparison.agreement).toBeGreaterThanOrEqual(0);
    expect(loaded.body.comparison.agreement).toBeLessThanOrEqual(1);
    expect(server.logs()).toMatch(/serve: loaded churn v2 .*; weight 0%; beside v1 on \d+ recent rows: agreement [01]\.\d{4}/);
    expect((await admin('GET', '/v2/models/churn/traffic')).body).toEqual({ v1: 100, v2: 0 });
    // A digest alone names the version it is (from the manifest's version annotation).
    const { comparison: _, ...plain } = loaded.body;
    expect((await load(`.mlops/registry@${loaded.body.digest}`)).body).toEqual(plain);
    const { rows } = holdoutRows(exampleModel(20), 1);
    const first = await call(server.url, 'POST', '/v2/models/churn/infer', tensorRequest(rows), INFER);
    expect(first.body.model_version).toBe('v1');

    const bad = [{ v1: 50, v2: 40 }, { v1: 50.5, v2: 49.5 }, { v1: 100, v3: 0 }, { v1: -10, v2: 110 }, [1, 2]];
    for (const body of bad) expect((await admin('PUT', '/v2/models/churn/traffic', body)).status, JSON.stringify(body)).toBe(400);
    expect((await admin('PUT', '/v2/models/churn/traffic', { v1: 70, v2: 30 })).body).toEqual({ v1: 70, v2: 30 });
    expect(server.logs()).toMatch(/serve: traffic churn v1=70% v2=30%/);
    const metrics = (await call(server.url, 'GET', '/metrics', undefined, INFER)).body as string;
    expect(metrics).toMatch(/^mlops_serve_version_weight\{model="churn",version="v1",digest="sha256:[0-9a-f]{64}",ready="true"\} 70$/m);
    expect(metrics).toMatch(/^mlops_serve_version_weight\{model="churn",version="v2",digest="sha256:[0-9a-f]{64}",ready="true"\} 30$/m);

    // 600 requests without an id: v2's share is binomial(600, 0.3); 4.5 standard deviations is ±0.084.
    const n = 600;
    const versions = await Promise.all(Array.from({ length: n }, () => call(server.url, 'POST', '/v2/models/churn/infer', tensorRequest(rows), INFER).then((r) => r.body.model_version as string)));
    const share = versions.filter((v) => v === 'v2').length / n;
    expect(Math.abs(share - 0.3)).toBeLessThan(4.5 * Math.sqrt((0.3 * 0.7) / n));
    // With an id, the same version every time; and ids spread over both versions.
    const byId = new Map<string, string>();
    for (let i = 0; i < 40; i++) {
      const id = `customer-${i}`;
      const answers = await Promise.all([0, 1, 2].map(() => call(server.url, 'POST', '/v2/models/churn/infer', tensorRequest(rows, id), INFER).then((r) => r.body.model_version as string)));
      expect(new Set(answers).size, id).toBe(1);
      byId.set(id, answers[0]!);
    }
    expect(new Set(byId.values())).toEqual(new Set(['v1', 'v2']));
    // A versioned call goes to that version, and each version answers with its own model.
    const v2 = await call(server.url, 'POST', '/v2/models/churn/versions/v2/infer', tensorRequest(rows), INFER);
    expect(v2.body.model_version).toBe('v2');
    expect(v2.body.outputs[0].data).toEqual((await scoreInProcess(exampleModel(200), rows)).probabilities!.data);
  });

  it('refuses to unload a version that still has traffic, then unloads once traffic moved', async () => {
    const refused = await admin('POST', '/v2/repository/models/churn/unload', { parameters: { version: 'v1' } });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/still has 70% of the traffic/);
    expect((await admin('PUT', '/v2/models/churn/traffic', { v2: 100 })).body).toEqual({ v1: 0, v2: 100 });
    const unloaded = await admin('POST', '/v2/repository/models/churn/unload', { parameters: { version: 'v1' } });
    expect(unloaded).toMatchObject({ status: 200, body: { unloaded: ['v1'] } });
    expect((await call(server.url, 'POST', '/v2/models/churn/versions/v1/infer', tensorRequest(holdoutRows(exampleModel(20), 1).rows), INFER)).status).toBe(404);
    expect((await admin('GET', '/v2/models/churn/traffic')).body).toEqual({ v2: 100 });
    expect(server.logs()).toMatch(/serve: unloaded churn v1/);
    expect((await admin('POST', '/v2/repository/models/churn/unload')).body).toEqual({ name: 'churn', unloaded: ['v2'] });
    expect((await call(server.url, 'GET', '/v2/health/ready', undefined, INFER)).status).toBe(503);
    // A model whose only load failed shows in the index as UNAVAILABLE, with the reason.
    expect((await admin('POST', '/v2/repository/models/other/load', { parameters: { reference: '.mlops/registry:other:v1' } })).status).toBe(404);
    expect((await admin('POST', '/v2/repository/index')).body).toEqual([{ name: 'other', version: '', state: 'UNAVAILABLE', reason: expect.stringMatching(/^load failed: .*has no version "v1"|^load failed: .*other/), digest: '', reference: '.mlops/registry:other:v1', weight: 0 }]);
  });
});
