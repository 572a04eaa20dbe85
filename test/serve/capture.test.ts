// Capture through mlops.yml's serve: section: files rotated by size, rows in order and equal to
// what was served (matrix and per-column models, strings included), sampling off writes nothing.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-action.js';
import { startServe } from '../support/serve-process.js';
import { call, exampleModel, holdoutRows, tensorRequest } from './workspace.js';

function captured(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()).sort();
}

describe('mlops serve: request capture', () => {
  it('rotates files by size and writes every row that was served, from the serve: section of mlops.yml', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mlops-serve-'));
    const model = exampleModel(20);
    writeFileSync(
      join(cwd, 'serve.yml'),
      `serve:\n  models:\n    - churn=${model}\n    - mixed=${join(ROOT, 'test/fixtures/serve/mixed_columns.onnx')}\n  capture: { dir: captured, max_file_bytes: 4096 }\n  max_batch: 8\n`,
    );
    const server = await startServe({ cwd, args: ['--config', 'serve.yml'] });
    const { features, rows } = holdoutRows(model, 30);
    const served: number[][] = [];
    for (let i = 0; i < 6; i++) {
      const batch = rows.slice(i * 5, i * 5 + 5);
      const response = await call(server.url, 'POST', '/v2/models/churn/infer', tensorRequest(batch, `q${i}`));
      for (let r = 0; r < 5; r++) served.push(response.body.outputs[0].data.slice(r * 2, r * 2 + 2));
    }
    const mixed = await call(server.url, 'POST', '/v2/models/mixed/infer', { id: 'm1', inputs: [{ name: 'size', shape: [2], datatype: 'BYTES', data: ['large', 'tiny "quoted"'] }, { name: 'area', shape: [2, 1], datatype: 'FP32', data: [1, 2.5] }] });
    expect(mixed.status).toBe(200);
    await server.stop();

    const files = captured(join(cwd, 'captured'));
    const churnFiles = files.filter((f) => f.startsWith('churn/'));
    // How many files depends on how writes coalesce under load; that it rotates, and where, is checked below.
    expect(churnFiles.length).toBeGreaterThan(1);
    const rowsRead = churnFiles.flatMap((f) => readFileSync(join(cwd, 'captured', f), 'utf8').trim().split('\n').map((l) => JSON.parse(l)));
    expect(rowsRead).toHaveLength(30);
    rowsRead.forEach((row, k) => {
      expect(row.request_id).toBe(`q${Math.floor(k / 5)}`);
      expect(row['output.probabilities']).toEqual(served[k]);
      expect(features.map((f) => row[f])).toEqual(rows[k]!.map((v) => Math.fround(v)));
    });
    // Rotation: a file is closed once it passes the cap, so none holds more than the cap plus one write.
    const sizes = churnFiles.map((f) => statSync(join(cwd, 'captured', f)).size);
    expect(Math.max(...sizes.slice(0, -1))).toBeGreaterThanOrEqual(4096);

    const mixedRows = files.filter((f) => f.startsWith('mixed/')).flatMap((f) => readFileSync(join(cwd, 'captured', f), 'utf8').trim().split('\n').map((l) => JSON.parse(l)));
    expect(mixedRows.map(({ timestamp, ...rest }) => rest)).toEqual([
      { model: 'mixed', version: 'v0', request_id: 'm1', size: 'large', area: 1, 'output.score': 3 },
      { model: 'mixed', version: 'v0', request_id: 'm1', size: 'tiny "quoted"', area: 2.5, 'output.score': 5 },
    ]);
  });

  it('captures nothing with --capture-sample 0', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mlops-serve-'));
    const server = await startServe({ cwd, args: ['--model', `churn=${exampleModel(20)}`, '--capture', 'captured', '--capture-sample', '0'] });
    await call(server.url, 'POST', '/v2/models/churn/infer', tensorRequest(holdoutRows(exampleModel(20), 3).rows));
    await server.stop();
    expect(() => readdirSync(join(cwd, 'captured'))).toThrow(/ENOENT/);
  });
});
