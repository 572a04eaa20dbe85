// Conformance with the Open Inference Protocol: the checker every serve test runs on its
// exchanges (test/serve/conformance.ts) rejects what the spec rejects, and the examples of the
// protocol's prose and OpenAPI document run against a model with their signature.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-action.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';
import { assertSchema, checkExchange, specFile } from './conformance.js';
import { call } from './workspace.js';

let server: ServeProcess;

beforeAll(async () => {
  server = await startServe({ cwd: mkdtempSync(join(tmpdir(), 'mlops-serve-')), args: ['--model', `mymodel=${join(ROOT, 'test/fixtures/serve/prose_example.onnx')}`] });
});
afterAll(() => server?.stop());

/** The JSON request of the prose's "Inference Request Examples" section, as printed there. */
function proseExampleRequest(): Record<string, any> {
  const prose = readFileSync(specFile('open_inference_rest.md'), 'utf8');
  const section = prose.slice(prose.indexOf('### **Inference Request Examples**'));
  const start = section.indexOf('{');
  const end = section.indexOf('For the above request');
  return JSON.parse(section.slice(start, end).replace(/\n {4}/g, '\n'));
}

describe('Open Inference Protocol conformance', () => {
  it('the exchange checker rejects what the specification rejects', () => {
    expect(() => assertSchema('inference_response', { outputs: [] }, 'x')).toThrow(/model_name/);
    expect(() => assertSchema('inference_response', { model_name: 'm', outputs: [{ name: 'o', shape: [1], data: [1] }] }, 'x')).toThrow(/datatype/);
    expect(() => assertSchema('inference_request', { inputs: [{ name: 'i', shape: [1.5], datatype: 'FP32', data: [1] }] }, 'x')).toThrow(/integer/);
    expect(() => assertSchema('metadata_model_response', { name: 'm' }, 'x')).toThrow(/platform/);
    expect(() => checkExchange('POST', '/v2/models/m/infer', { inputs: [] }, 400, { message: 'no' }, )).toThrow(/error/);
    expect(() => checkExchange('GET', '/v2/health/live', undefined, 200, { ok: true })).toThrow(/live/);
    expect(() => checkExchange('POST', '/v2/models/m/infer', { id: 42, inputs: [] }, 200, { model_name: 'm', outputs: [] })).toThrow(/request of/);
  });

  it('runs the prose example: rejects it as printed (input1 holds 1 element for shape [3]), answers the consistent form', async () => {
    const example = proseExampleRequest();
    assertSchema('inference_request', example, 'the prose example');
    const asPrinted = await call(server.url, 'POST', '/v2/models/mymodel/infer', example);
    expect(asPrinted.status).toBe(400);
    expect(asPrinted.body.error).toMatch(/input "input1": the model takes|input "input1" has 3 rows, but the other inputs have 2|has 1 elements, but its shape \[3\] holds 3/);

    const consistent = { ...example, inputs: [example.inputs[0], { ...example.inputs[1], shape: [2], data: [true, false] }] };
    const response = await call(server.url, 'POST', '/v2/models/mymodel/infer', consistent);
    expect(response.status).toBe(200);
    // The prose: the "id" is echoed, and the requested output0 comes back as FP32.
    expect(response.body).toEqual({ model_name: 'mymodel', model_version: 'v0', id: '42', outputs: [{ name: 'output0', datatype: 'FP32', shape: [2, 2], data: [2, 3, 3, 4] }] });
  });

  it('runs the OpenAPI document\'s request example, and takes tensor data flat or in its natural shape', async () => {
    const document = parse(readFileSync(specFile('open_inference_rest.yaml'), 'utf8'));
    const example = document.components.schemas.inference_request['x-examples']['Example 1'];
    expect((await call(server.url, 'POST', '/v2/models/mymodel/infer', example)).status).toBe(400);
    const input1 = { name: 'input1', shape: [2], datatype: 'BOOL', data: [false, true] };
    // "data": [[1, 2], [4, 5]] and "data": [1, 2, 4, 5] are the same tensor.
    const natural = await call(server.url, 'POST', '/v2/models/mymodel/infer', { inputs: [{ name: 'input0', shape: [2, 2], datatype: 'UINT32', data: [[1, 2], [4, 5]] }, input1] });
    const flat = await call(server.url, 'POST', '/v2/models/mymodel/infer', { inputs: [{ name: 'input0', shape: [2, 2], datatype: 'UINT32', data: [1, 2, 4, 5] }, input1] });
    expect(natural.status).toBe(200);
    expect(natural.body).toEqual(flat.body);
    expect(natural.body.outputs[0].data).toEqual([1, 2, 5, 6]);
  });

  it('answers every endpoint of the OpenAPI document with its schema', async () => {
    const document = parse(readFileSync(specFile('open_inference_rest.yaml'), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
    const paths = Object.keys(document.paths).map((p) => p.replace('${MODEL_NAME}', 'mymodel').replace('${MODEL_VERSION}', 'v0').replace(/\/$/, ''));
    expect(paths.sort()).toEqual(['/v2', '/v2/health/live', '/v2/health/ready', '/v2/models/mymodel/versions/v0', '/v2/models/mymodel/versions/v0/infer', '/v2/models/mymodel/versions/v0/ready']);
    for (const path of paths) {
      const method = Object.keys(document.paths[Object.keys(document.paths).find((p) => p.replace('${MODEL_NAME}', 'mymodel').replace('${MODEL_VERSION}', 'v0').replace(/\/$/, '') === path)!]!).find((m) => m === 'get' || m === 'post')!.toUpperCase();
      const body = method === 'POST' ? { inputs: [{ name: 'input0', shape: [1, 2], datatype: 'UINT32', data: [7, 8] }, { name: 'input1', shape: [1], datatype: 'BOOL', data: [true] }] } : undefined;
      const response = await call(server.url, method, path, body);
      expect(response.status, path).toBe(200);
    }
    // The optional forms the prose allows: no version, and a trailing slash on /v2/.
    for (const path of ['/v2/', '/v2/models/mymodel', '/v2/models/mymodel/ready']) expect((await call(server.url, 'GET', path)).status, path).toBe(200);
  });
});
