// Models beyond the example: a regression whose output can be NaN (a 500 the deploy judge
// counts), the protocol prose's UINT32/BOOL example, and a per-column model with a string
// (BYTES) feature. Fixtures: test/fixtures/serve/make_models.py.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-action.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';
import { call, callBinary, holdoutRows, scoreInProcess, tensorRequest } from './workspace.js';

const FIXTURES = join(ROOT, 'test/fixtures/serve');
let server: ServeProcess;

beforeAll(async () => {
  server = await startServe({
    cwd: mkdtempSync(join(tmpdir(), 'mlops-serve-')),
    args: ['--model', join(FIXTURES, 'sqrt_regressor.onnx'), '--model', `prose=${join(FIXTURES, 'prose_example.onnx')}`, '--model', `mixed=${join(FIXTURES, 'mixed_columns.onnx')}`, '--model', join(FIXTURES, 'three_classes.onnx')],
  });
});
afterAll(() => server?.stop());

describe('mlops serve: model kinds', () => {
  it('answers 500 for a non-finite output and counts it as a server error', async () => {
    const ok = await call(server.url, 'POST', '/v2/models/sqrt_regressor/infer', { inputs: [{ name: 'x', shape: [3, 1], datatype: 'FP32', data: [4, 0, 2.25] }] });
    expect(ok.body.outputs).toEqual([{ name: 'y', datatype: 'FP32', shape: [3, 1], data: [2, 0, 1.5] }]);
    const nan = await call(server.url, 'POST', '/v2/models/sqrt_regressor/infer', { inputs: [{ name: 'x', shape: [3], datatype: 'FP32', data: [4, 9, -1] }] });
    expect(nan.status).toBe(500);
    expect(nan.body).toEqual({ error: 'model sqrt_regressor version v0 produced a non-finite output: "y" is NaN at row 3; check the request\'s feature values for that row' });
    const metrics = (await call(server.url, 'GET', '/metrics')).body as string;
    expect(metrics).toMatch(/^mlops_serve_requests_total\{model="sqrt_regressor",version="v0",code="500"\} 1$/m);
    // Regression predictions: the symmetric log-spaced buckets.
    expect(metrics).toMatch(/^mlops_serve_prediction_bucket\{model="sqrt_regressor",version="v0",le="-1000000"\} 0$/m);
    expect(metrics).toMatch(/^mlops_serve_prediction_bucket\{model="sqrt_regressor",version="v0",le="0"\} 1$/m);
    expect(metrics).toMatch(/^mlops_serve_prediction_bucket\{model="sqrt_regressor",version="v0",le="1"\} 1$/m);
    expect(metrics).toMatch(/^mlops_serve_prediction_bucket\{model="sqrt_regressor",version="v0",le="10"\} 3$/m);
  });

  it('serves the prose example signature (UINT32 and BOOL inputs)', async () => {
    const response = await call(server.url, 'POST', '/v2/models/prose/infer', {
      id: '42',
      inputs: [
        { name: 'input0', shape: [2, 2], datatype: 'UINT32', data: [1, 2, 3, 4] },
        { name: 'input1', shape: [2], datatype: 'BOOL', data: [true, false] },
      ],
      outputs: [{ name: 'output0' }],
    });
    expect(response.body).toEqual({ model_name: 'prose', model_version: 'v0', id: '42', outputs: [{ name: 'output0', datatype: 'FP32', shape: [2, 2], data: [2, 3, 3, 4] }] });
    const negative = await call(server.url, 'POST', '/v2/models/prose/infer', { inputs: [{ name: 'input0', shape: [1, 2], datatype: 'UINT32', data: [-1, 2] }, { name: 'input1', shape: [1], datatype: 'BOOL', data: [true] }] });
    expect(negative).toMatchObject({ status: 400, body: { error: expect.stringMatching(/-1 is out of range for UINT32/) } });
    const notBool = await call(server.url, 'POST', '/v2/models/prose/infer', { inputs: [{ name: 'input0', shape: [1, 2], datatype: 'UINT32', data: [1, 2] }, { name: 'input1', shape: [1], datatype: 'BOOL', data: [1] }] });
    expect(notBool).toMatchObject({ status: 400, body: { error: expect.stringMatching(/BOOL takes true or false, got number 1/) } });
  });

  it('returns integer labels as numbers and counts multiclass predictions by class index', async () => {
    const response = await call(server.url, 'POST', '/v2/models/three_classes/infer', { inputs: [{ name: 'x', shape: [4, 3], datatype: 'FP32', data: [[3, 1, 0], [0, 5, 1], [0, 0, 2], [1, 9, 2]] }] });
    expect(response.body.outputs.map((o: any) => [o.name, o.datatype, o.shape])).toEqual([['label', 'INT64', [4]], ['probabilities', 'FP32', [4, 3]]]);
    expect(response.body.outputs[0].data).toEqual([0, 1, 2, 1]);
    const metrics = (await call(server.url, 'GET', '/metrics')).body as string;
    const bucket = (le: number) => Number(new RegExp(`^mlops_serve_prediction_bucket\\{model="three_classes",version="v0",le="${le}"\\} (\\d+)$`, 'm').exec(metrics)![1]);
    expect([bucket(0), bucket(1), bucket(2)]).toEqual([1, 3, 4]);
    expect(metrics).not.toMatch(/model="three_classes",version="v0",le="3"/);
  });

  it('takes one tensor per feature column, strings as BYTES', async () => {
    const response = await call(server.url, 'POST', '/v2/models/mixed/infer', {
      inputs: [
        { name: 'area', shape: [3], datatype: 'FP64', data: [1.5, 2, 0] },
        { name: 'size', shape: [3], datatype: 'BYTES', data: ['large', 'small', 'large'] },
      ],
    });
    expect(response.body.outputs).toEqual([{ name: 'score', datatype: 'FP32', shape: [3, 1], data: [4, 4, 1] }]);
    const numeric = await call(server.url, 'POST', '/v2/models/mixed/infer', { inputs: [{ name: 'area', shape: [1], datatype: 'FP32', data: [1] }, { name: 'size', shape: [1], datatype: 'FP32', data: [3] }] });
    expect(numeric).toMatchObject({ status: 400, body: { error: 'feature "size" is a string feature; send it as BYTES' } });
    // BYTES as binary tensor data: each element a 4-byte little-endian length, then its bytes.
    const sizes = ['large', 'médium'].map((v) => Buffer.from(v));
    const strings = Buffer.concat(sizes.flatMap((b) => [Buffer.from(Uint32Array.of(b.length).buffer), b]));
    const areas = Buffer.from(Float32Array.of(1, 2).buffer);
    const binary = await callBinary(server.url, '/v2/models/mixed/infer', { inputs: [{ name: 'size', shape: [2, 1], datatype: 'BYTES', parameters: { binary_data_size: strings.length } }, { name: 'area', shape: [2, 1], datatype: 'FP32', parameters: { binary_data_size: areas.length } }] }, Buffer.concat([strings, areas]));
    expect(binary.body.outputs[0].data).toEqual([3, 4]);
    const metadata = await call(server.url, 'GET', '/v2/models/mixed');
    expect(metadata.body.inputs).toEqual([{ name: 'size', datatype: 'BYTES', shape: [-1, 1] }, { name: 'area', datatype: 'FP32', shape: [-1, 1] }]);
  });
});

describe('mlops serve: dynamic batching', () => {
  it('merges concurrent single-row requests and answers each with the floats of its own in-process run', async () => {
    const model = join(FIXTURES, 'small_mlp.onnx');
    // A batch runs when 8 rows wait (or after 1 s): 8 requests sent at once go as one run.
    const batching = await startServe({ cwd: mkdtempSync(join(tmpdir(), 'mlops-serve-')), args: ['--model', `mlp=${model}`, '--max-batch', '8', '--batch-wait-ms', '1000'] });
    try {
      const { rows } = holdoutRows(model, 32);
      const answers = [];
      for (let i = 0; i < 32; i += 8) {
        answers.push(...(await Promise.all(rows.slice(i, i + 8).map((row, k) => call(batching.url, 'POST', '/v2/models/mlp/infer', tensorRequest([row], `row-${i + k}`))))));
      }
      for (let r = 0; r < rows.length; r++) {
        expect(answers[r]!.body.id).toBe(`row-${r}`);
        expect(answers[r]!.body.outputs[0].data).toEqual((await scoreInProcess(model, [rows[r]!])).probabilities!.data);
      }
      const metrics = (await call(batching.url, 'GET', '/metrics')).body as string;
      expect(metrics).toMatch(/^mlops_serve_batch_size_sum\{model="mlp",version="v0"\} 32$/m);
      expect(Number(/^mlops_serve_batch_size_count\{model="mlp",version="v0"\} (\d+)$/m.exec(metrics)![1])).toBeLessThan(32);
    } finally {
      await batching.stop();
    }
  });
});

describe('mlops serve: half precision', () => {
  it('serves FP16 tensors where onnxruntime-node can feed them, else refuses the model at warm-up with a clear line', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mlops-serve-'));
    const started = await startServe({ cwd, args: ['--model', join(FIXTURES, 'half.onnx')] }).catch((error: Error) => error);
    if (started instanceof Error) {
      // onnxruntime-node 1.30 on a Node with a global Float16Array cannot take float16 inputs.
      expect(typeof (globalThis as { Float16Array?: unknown }).Float16Array).toBe('function');
      expect(started.message).toMatch(/error: .*cannot serve --model .*half\.onnx: model half version v0 failed its warm-up inference on zeros: /);
      return;
    }
    try {
      const response = await call(started.url, 'POST', '/v2/models/half/infer', { inputs: [{ name: 'x', shape: [2, 2], datatype: 'FP16', data: [1, 0.5, -3, 1000.3] }] });
      // 1000.3 rounds to the half 1000.5; doubled, 2001.
      expect(response.body.outputs).toEqual([{ name: 'y', datatype: 'FP16', shape: [2, 2], data: [2, 1, -6, 2001] }]);
    } finally {
      await started.stop();
    }
  });
});
