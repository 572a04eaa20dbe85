/**
 * The smoke comparison against a real server: the served outputs of a version equal an
 * in-process run of the same file, and a server answering with another model (here: the
 * verified file is not the one the server runs) is caught with the row and values.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServeClient } from '../../shared/deploy/serve-client.js';
import { readSmokeRows, smokeTest, featureNames } from '../../shared/deploy/smoke.js';
import { LocalHost } from '../../shared/host/local-host.js';
import { openModel } from '../../shared/onnx/model.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';
import { deployWorkspace, FIXTURES } from './workspace.js';

let server: ServeProcess;
let cwd: string;

beforeAll(async () => {
  cwd = deployWorkspace().cwd;
  server = await startServe({ cwd, adminToken: true, args: ['--model', `churn=${join(FIXTURES, 'stable.onnx')}`] });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe('smoke test', () => {
  const host = () => new LocalHost({ cwd, inputs: {}, env: {}, summaryPath: 'mlops-out/summary.md', out: () => undefined, err: () => undefined });

  it('served outputs equal the in-process run of the same file (1e-5); another file is caught', async () => {
    const client = new ServeClient(server.url, server.adminToken);
    const [entry] = await client.index();
    const stable = await openModel(join(FIXTURES, 'stable.onnx'), 'stable.onnx', host());
    const rows = await readSmokeRows(cwd, 'smoke.csv', featureNames(stable), host());
    const result = await smokeTest(client, 'churn', entry!.version, stable, rows);
    expect(result).toMatchObject({ rows: 171, outputs: ['probabilities'] });
    expect(result.max_abs_difference).toBeLessThanOrEqual(1e-5);

    const retrained = await openModel(join(FIXTURES, 'retrained.onnx'), 'retrained.onnx', host());
    await expect(smokeTest(client, 'churn', entry!.version, retrained, rows)).rejects.toThrow(/smoke test: churn .* answered .* for output "probabilities" on row 1 of smoke.csv, the verified model file gives/);
  }, 60_000);
});
