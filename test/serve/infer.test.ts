// mlops serve on an ONNX file: the protocol's endpoints, outputs equal to an in-process
// onnxruntime run, both input forms, and every bad request answered with one clear 4xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../support/serve-process.js';
import { call, callBinary, exampleModel, holdoutRows, scoreInProcess, tensorRequest, type Call } from './workspace.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let server: ServeProcess;
let model: string;

beforeAll(async () => {
  model = exampleModel(20);
  server = await startServe({ cwd: mkdtempSync(join(tmpdir(), 'mlops-serve-')), args: ['--model', `churn=${model}`, '--max-body', '65536'] });
});
afterAll(async () => {
  await server?.stop();
  expect(server.exitCode()).toBe(0);
});

describe('mlops serve: inference on a file model', () => {
  it('answers health and metadata', async () => {
    expect(await call(server.url, 'GET', '/v2/health/live')).toMatchObject({ status: 200, body: { live: true } });
    expect(await call(server.url, 'GET', '/v2/health/ready')).toMatchObject({ status: 200, body: { ready: true } });
    expect((await call(server.url, 'GET', '/v2')).body).toMatchObject({ name: 'mlops-serve', extensions: expect.arrayContaining(['model_repository', 'traffic_split']) });
    const metadata = await call(server.url, 'GET', '/v2/models/churn');
    expect(metadata.body).toMatchObject({ name: 'churn', versions: ['v0'], platform: 'onnx_onnxv1', inputs: [{ name: 'features', datatype: 'FP32', shape: [-1, 30] }], outputs: [{ name: 'probabilities', datatype: 'FP32', shape: [-1, 2] }] });
    expect((await call(server.url, 'GET', '/v2/models/churn/versions/v0/ready')).body).toEqual({ name: 'churn', ready: true });
    expect(server.logs()).toMatch(/serve: loaded churn v0 \(sha256:[0-9a-f]{64}\)/);
  });

  it('returns exactly what an in-process onnxruntime run returns, for both input forms', async () => {
    const { features, rows } = holdoutRows(model, 50);
    const expected = await scoreInProcess(model, rows);
    const tensor = await call(server.url, 'POST', '/v2/models/churn/infer', tensorRequest(rows, 'req-1'));
    expect(tensor.status).toBe(200);
    expect(tensor.body).toEqual({ model_name: 'churn', model_version: 'v0', id: 'req-1', outputs: [{ name: 'probabilities', datatype: 'FP32', shape: [50, 2], data: expected.probabilities!.data }] });
    // One tensor per feature column, in shuffled order, some as [n, 1].
    const columns = features.map((name, f) => ({ name, shape: f % 2 ? [rows.length] : [rows.length, 1], datatype: f % 3 ? 'FP64' : 'FP32', data: rows.map((r) => r[f]) })).reverse();
    const byFeature = await call(server.url, 'POST', '/v2/models/churn/versions/v0/infer', { inputs: columns });
    expect(byFeature.status, JSON.stringify(byFeature.body)).toBe(200);
    expect(byFeature.body.outputs).toEqual(tensor.body.outputs);
    // Nested data in its natural shape, and only the requested output.
    const nested = await call(server.url, 'POST', '/v2/models/churn/infer', { inputs: [{ name: 'features', shape: [50, 30], datatype: 'FP32', data: rows }], outputs: [{ name: 'probabilities' }] });
    expect(nested.body.outputs).toEqual(tensor.body.outputs);
    expect(nested.body).not.toHaveProperty('id');
  });

  it('takes binary tensor data (Inference-Header-Content-Length) with the same answers as JSON', async () => {
    const { features, rows } = holdoutRows(model, 50);
    const json = await call(server.url, 'POST', '/v2/models/churn/infer', tensorRequest(rows, 'b1'));
    const matrix = Buffer.from(Float32Array.from(rows.flat()).buffer);
    const binary = await callBinary(server.url, '/v2/models/churn/infer', { id: 'b1', inputs: [{ name: 'features', shape: [50, 30], datatype: 'FP32', parameters: { binary_data_size: matrix.length } }] }, matrix);
    expect(binary.status, JSON.stringify(binary.body)).toBe(200);
    expect(binary.body).toEqual(json.body);
    // Per feature column, FP64, binary.
    const columns = features.map((name, f) => ({ name, bytes: Buffer.from(Float64Array.from(rows.map((r) => r[f]!)).buffer) }));
    const perColumn = await callBinary(server.url, '/v2/models/churn/infer', { id: 'b1', inputs: columns.map((c) => ({ name: c.name, shape: [50], datatype: 'FP64', parameters: { binary_data_size: c.bytes.length } })) }, Buffer.concat(columns.map((c) => c.bytes)));
    expect(perColumn.body).toEqual(json.body);

    const header = (size: number) => ({ inputs: [{ name: 'features', shape: [1, 30], datatype: 'FP32', parameters: { binary_data_size: size } }] });
    const row = Buffer.from(Float32Array.from(rows[0]!).buffer);
    const nan = Buffer.from(Float32Array.from([Number.NaN, ...rows[0]!.slice(1)]).buffer);
    const cases: Array<[string, Promise<Call>, RegExp]> = [
      ['size not matching the shape', callBinary(server.url, '/v2/models/churn/infer', header(116), row.subarray(0, 116)), /binary_data_size is 116 bytes, but 30 FP32 elements take 120/],
      ['bytes nobody claims', callBinary(server.url, '/v2/models/churn/infer', header(120), Buffer.concat([row, Buffer.alloc(8)])), /8 binary bytes that no input's binary_data_size claims/],
      ['size past the body', callBinary(server.url, '/v2/models/churn/infer', header(240), row), /runs past the 120 binary bytes left/],
      ['NaN in binary data', callBinary(server.url, '/v2/models/churn/infer', header(120), nan), /element 0: NaN is not accepted/],
      ['header length past the body', callBinary(server.url, '/v2/models/churn/infer', header(120), row, '99999'), /Inference-Header-Content-Length "99999" must be a byte count/],
      ['data and binary both', callBinary(server.url, '/v2/models/churn/infer', { inputs: [{ ...header(120).inputs[0], data: rows[0] }] }, row), /either "data" or parameters.binary_data_size/],
    ];
    for (const [what, pending, message] of cases) {
      const response = await pending;
      expect(response.status, what).toBe(400);
      expect(response.body.error, what).toMatch(message);
    }
  });

  it('answers every bad request with one clear error and keeps serving', async () => {
    const { features, rows } = holdoutRows(model, 2);
    const one = (patch: Record<string, unknown>) => ({ inputs: [{ name: 'features', shape: [2, 30], datatype: 'FP32', data: rows.flat(), ...patch }] });
    const cases: Array<[string, string, unknown, number, RegExp, string?]> = [
      ['unknown model', '/v2/models/nope/infer', one({}), 404, /unknown model "nope"; serving: churn/],
      ['unknown version', '/v2/models/churn/versions/v9/infer', one({}), 404, /model churn has no version "v9"; versions: v0/],
      ['wrong shape', '/v2/models/churn/infer', one({ shape: [2, 29], data: rows.flat().slice(0, 58) }), 400, /has shape \[2, 29\]; the model takes \[N, 30\]/],
      ['data not matching the shape', '/v2/models/churn/infer', one({ data: rows.flat().slice(1) }), 400, /has 59 elements, but its shape \[2, 30\] holds 60/],
      ['wrong datatype', '/v2/models/churn/infer', one({ datatype: 'FP64' }), 400, /datatype FP64; the model takes FP32/],
      ['unknown datatype', '/v2/models/churn/infer', one({ datatype: 'FLOAT' }), 400, /is not an Open Inference datatype/],
      ['unknown tensor', '/v2/models/churn/infer', { inputs: [{ name: 'pixels', shape: [1], datatype: 'FP32', data: [1] }] }, 400, /"pixels" is neither a model input nor a feature/],
      ['missing feature', '/v2/models/churn/infer', { inputs: features.slice(1).map((name, f) => ({ name, shape: [2], datatype: 'FP32', data: [rows[0]![f + 1], rows[1]![f + 1]] })) }, 400, /feature "mean_radius" is missing/],
      ['string for a number', '/v2/models/churn/infer', one({ data: ['12.5', ...rows.flat().slice(1)] }), 400, /element 0: FP32 takes numbers, got the string "12.5"/],
      ['NaN as a string', '/v2/models/churn/infer', one({ data: ['NaN', ...rows.flat().slice(1)] }), 400, /NaN and infinities are not accepted/],
      ['string feature for a numeric column', '/v2/models/churn/infer', { inputs: features.map((name) => ({ name, shape: [1], datatype: 'BYTES', data: ['x'] })) }, 400, /has datatype BYTES, but the model takes numbers/],
      ['empty batch', '/v2/models/churn/infer', one({ shape: [0, 30], data: [] }), 400, /the batch is empty/],
      ['no inputs', '/v2/models/churn/infer', { inputs: [] }, 400, /"inputs" must be a non-empty array/],
      ['unknown requested output', '/v2/models/churn/infer', { ...one({}), outputs: [{ name: 'label' }] }, 400, /no output "label"; its outputs: probabilities/],
      ['numeric id', '/v2/models/churn/infer', { ...one({}), id: 42 }, 400, /"id" must be a string/],
      ['invalid JSON', '/v2/models/churn/infer', undefined, 400, /not valid JSON/, '{"inputs": ['],
      ['NaN literal (Python json.dumps)', '/v2/models/churn/infer', undefined, 400, /NaN and Infinity are not JSON numbers/, '{"inputs":[{"name":"features","shape":[1,30],"datatype":"FP32","data":[NaN]}]}'],
      ['nesting too deep', '/v2/models/churn/infer', undefined, 400, /nested deeper than 32 levels/, `${'['.repeat(40)}${']'.repeat(40)}`],
      ['body over the cap', '/v2/models/churn/infer', undefined, 413, /over the server's cap of 65536 bytes/, JSON.stringify(one({ data: new Array(20_000).fill(0.123456789) }))],
      ['tensor over the cap', '/v2/models/churn/infer', one({ shape: [100_000_000, 30] }), 413, /over the server's tensor cap/],
      ['path traversal in the name', '/v2/models/..%2F..%2Fetc/infer', one({}), 400, /may not contain "\/"/],
    ];
    for (const [what, path, body, status, message, raw] of cases) {
      const response = await call(server.url, 'POST', path, body, undefined, raw);
      expect(response.status, what).toBe(status);
      expect(Object.keys(response.body), what).toEqual(['error']);
      expect(response.body.error, what).toMatch(message);
    }
    expect((await call(server.url, 'GET', '/v2/nothing')).status).toBe(404);
    expect((await call(server.url, 'DELETE', '/v2/models/churn/infer')).status).toBe(405);
    const after = await call(server.url, 'POST', '/v2/models/churn/infer', tensorRequest(rows));
    expect(after.status).toBe(200);
  });

  it('counts requests, rows, batches and predictions in /metrics', async () => {
    const { rows } = holdoutRows(model, 3);
    await call(server.url, 'POST', '/v2/models/churn/infer', tensorRequest(rows));
    const metrics = await call(server.url, 'GET', '/metrics');
    expect(metrics.status).toBe(200);
    const text = metrics.body as string;
    expect(text).toMatch(/^mlops_serve_requests_total\{model="churn",version="v0",code="200"\} \d+$/m);
    expect(text).toMatch(/^mlops_serve_requests_total\{model="churn",version="v0",code="400"\} \d+$/m);
    // A request for an unknown model is counted without inventing series for its name.
    expect(text).toMatch(/^mlops_serve_requests_total\{model="",version="",code="404"\} \d+$/m);
    expect(text).not.toMatch(/model="nope"/);
    expect(text).toMatch(/^mlops_serve_request_duration_seconds_bucket\{le="0.0005",model="churn",version="v0"\} \d+$/m);
    expect(text).toMatch(/^mlops_serve_batch_size_count\{model="churn",version="v0"\} \d+$/m);
    expect(text).toMatch(/^mlops_serve_in_flight 0$/m);
    const instances = Number(/^mlops_serve_instances_total\{model="churn",version="v0"\} (\d+)$/m.exec(text)![1]);
    const predictions = Number(/^mlops_serve_prediction_count\{model="churn",version="v0"\} (\d+)$/m.exec(text)![1]);
    expect(predictions).toBe(instances);
    expect(text).toMatch(/^mlops_serve_prediction_bucket\{model="churn",version="v0",le="0.05"\} \d+$/m);
    expect(text).toMatch(/^mlops_serve_prediction_bucket\{model="churn",version="v0",le="1"\} (\d+)$/m);
    expect(/le="1"\} (\d+)$/m.exec(text)![1]).toBe(String(instances));
  });
});
