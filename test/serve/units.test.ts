// The server's pure parts: routing by weight and id, dynamic batching (merge, split, refuse
// when the queue is full), the bind warning, JSON depth scanning, URL path safety.
import { describe, expect, it } from 'vitest';
import { Batcher, merge } from '../../shared/serve/batcher.js';
import { jsonDepthExceeds } from '../../shared/serve/http/body.js';
import { route } from '../../shared/serve/http/routes.js';
import { bucketOf, parseWeights, pick } from '../../shared/serve/routing.js';
import { bindWarning } from '../../shared/serve/start.js';
import type { Feeds, Outputs } from '../../shared/serve/tensors.js';

const feeds = (values: number[]): Feeds => ({ rows: values.length, tensors: { x: { data: Float32Array.from(values), dims: [values.length, 1] } } });

describe('routing', () => {
  it('deals buckets 0..99 to versions in name order by weight', () => {
    const weights = { v2: 10, v1: 90 };
    expect(pick(weights, 0)).toBe('v1');
    expect(pick(weights, 89)).toBe('v1');
    expect(pick(weights, 90)).toBe('v2');
    expect(pick(weights, 99)).toBe('v2');
    expect(pick({ v1: 0, v2: 100 }, 0)).toBe('v2');
  });

  it('puts an id in the same bucket every time, and ids spread evenly', () => {
    expect(bucketOf('customer-7')).toBe(bucketOf('customer-7'));
    const counts = new Array(100).fill(0);
    for (let i = 0; i < 20_000; i++) counts[bucketOf(`id-${i}`)]++;
    // 200 expected per bucket; a chi-square over 99 degrees of freedom stays far below 200.
    const chi = counts.reduce((sum, c) => sum + (c - 200) ** 2 / 200, 0);
    expect(chi).toBeLessThan(200);
  });

  it('parses traffic bodies strictly', () => {
    expect(parseWeights({ v1: 90, v2: 10 }, ['v1', 'v2', 'v3'])).toEqual({ v1: 90, v2: 10, v3: 0 });
    expect(() => parseWeights({ v1: 90 }, ['v1'])).toThrow(/sum to 90/);
    expect(() => parseWeights({ v4: 100 }, ['v1'])).toThrow(/"v4" is not loaded and ready/);
    expect(() => parseWeights({ v1: '100' }, ['v1'])).toThrow(/integer from 0 to 100/);
  });
});

describe('dynamic batching', () => {
  it('merges requests queued during a run into one batch and gives each its own rows back', async () => {
    const runs: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const batcher = new Batcher({
      maxBatch: 8,
      batchWaitMs: 0,
      maxQueueRows: 100,
      splittable: true,
      async run(input) {
        runs.push(Array.from(input.tensors.x!.data as Float32Array));
        if (runs.length === 1) await gate;
        const data = Float32Array.from(input.tensors.x!.data as Float32Array, (v) => v * 10);
        return { y: { data, dims: [input.rows, 1] } } as Outputs;
      },
    });
    const first = batcher.submit(feeds([1]));
    await new Promise((resolve) => setImmediate(resolve));
    const rest = [batcher.submit(feeds([2, 3])), batcher.submit(feeds([4])), batcher.submit(feeds([5, 6, 7, 8, 9, 10]))];
    release();
    const answers = await Promise.all([first, ...rest]);
    expect(answers.map((a) => Array.from(a.y!.data as Float32Array))).toEqual([[10], [20, 30], [40], [50, 60, 70, 80, 90, 100]]);
    expect(answers.map((a) => a.y!.dims)).toEqual([[1, 1], [2, 1], [1, 1], [6, 1]]);
    // [1] alone, then [2,3]+[4] (the next would pass 8 rows), then the 6 rows.
    expect(runs).toEqual([[1], [2, 3, 4], [5, 6, 7, 8, 9, 10]]);
  });

  it('retries a failed merged batch request by request, so only the culprit fails', async () => {
    const runs: number[] = [];
    const batcher = new Batcher({
      maxBatch: 8,
      batchWaitMs: 60_000,
      maxQueueRows: 100,
      splittable: true,
      async run(input) {
        runs.push(input.rows);
        const data = input.tensors.x!.data as Float32Array;
        if (data.some((v) => v < 0)) throw new Error('negative input');
        return { y: input.tensors.x! };
      },
    });
    const results = await Promise.allSettled([batcher.submit(feeds([1, 2, 3])), batcher.submit(feeds([-1, 4])), batcher.submit(feeds([5, 6, 7]))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(Array.from((results[2] as PromiseFulfilledResult<Outputs>).value.y!.data as Float32Array)).toEqual([5, 6, 7]);
    expect(runs).toEqual([8, 3, 2, 3]);
  }, 10_000);

  it('refuses with 503 when the queue is full, and fails a request whose run fails', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const batcher = new Batcher({ maxBatch: 4, batchWaitMs: 0, maxQueueRows: 3, splittable: true, run: async () => { await gate; throw new Error('session failed'); } });
    const running = batcher.submit(feeds([1]));
    await new Promise((resolve) => setImmediate(resolve));
    const queued = batcher.submit(feeds([1, 2]));
    await expect(batcher.submit(feeds([1, 2]))).rejects.toMatchObject({ status: 503, message: expect.stringMatching(/overloaded: 2 rows are already waiting/) });
    release();
    await expect(running).rejects.toThrow('session failed');
    await expect(queued).rejects.toThrow('session failed');
  });

  it('runs a full batch at once instead of waiting out --batch-wait-ms', async () => {
    const runs: number[] = [];
    // A one-minute wait: were the full batch not cut short, this test would time out.
    const batcher = new Batcher({ maxBatch: 3, batchWaitMs: 60_000, maxQueueRows: 100, splittable: true, run: async (input) => (runs.push(input.rows), { y: input.tensors.x! }) });
    const answers = await Promise.all([batcher.submit(feeds([1])), batcher.submit(feeds([2])), batcher.submit(feeds([3]))]);
    expect(answers.map((a) => Array.from(a.y!.data as Float32Array))).toEqual([[1], [2], [3]]);
    expect(runs).toEqual([3]);
  }, 10_000);

  it('concatenates string tensors too', () => {
    const a: Feeds = { rows: 1, tensors: { s: { data: ['a'], dims: [1, 1] } } };
    const b: Feeds = { rows: 2, tensors: { s: { data: ['b', 'c'], dims: [2, 1] } } };
    expect(merge([a, b])).toEqual({ rows: 3, tensors: { s: { data: ['a', 'b', 'c'], dims: [3, 1] } } });
  });
});

describe('safety checks', () => {
  it('warns about reachable addresses without an infer token only', () => {
    expect(bindWarning('127.0.0.1', false)).toBeUndefined();
    expect(bindWarning('::1', false)).toBeUndefined();
    expect(bindWarning('localhost', false)).toBeUndefined();
    expect(bindWarning('0.0.0.0', false)).toMatch(/listening on 0\.0\.0\.0, which other machines can reach, without an infer token/);
    expect(bindWarning('::', false)).toMatch(/without an infer token/);
    expect(bindWarning('0.0.0.0', true)).toBeUndefined();
  });

  it('measures JSON depth outside strings', () => {
    expect(jsonDepthExceeds(Buffer.from('{"a":[[1]]}'), 3)).toBe(false);
    expect(jsonDepthExceeds(Buffer.from('{"a":[[[1]]]}'), 3)).toBe(true);
    expect(jsonDepthExceeds(Buffer.from('{"a":"[[[[[[\\"[[[["}'), 1)).toBe(false);
  });

  it('never lets a URL name a path', () => {
    expect(route('/v2/models/churn/versions/v2/infer')).toEqual({ kind: 'infer', name: 'churn', version: 'v2' });
    expect(() => route('/v2/models/a%2Fb/infer')).toThrow(/may not contain/);
    expect(() => route('/v2/models/%2E%2E/infer')).toThrow(/may not contain/);
    expect(() => route('/v2/models/a%00b')).toThrow(/may not contain/);
    expect(() => route('/v2/models/%E0%A4%A')).toThrow(/percent-encoding/);
    expect(route('/v2/models/churn/traffic/extra')).toEqual({ kind: 'not-found' });
  });
});

describe('capture writer', () => {
  it('drops and counts rows past its queue bound instead of growing without limit', async () => {
    const { mkdtempSync, readdirSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { CaptureWriter } = await import('../../shared/serve/capture.js');
    const dir = mkdtempSync(join(tmpdir(), 'mlops-capture-'));
    const warnings: string[] = [];
    const writer = new CaptureWriter({ dir, sample: 1, maxFileBytes: 1 << 20, maxQueuedRows: 5 }, (line) => warnings.push(line));
    const signature = { inputs: [{ name: 'x', datatype: 'FP32' as const, shape: [-1, 1] }], outputs: [{ name: 'y', datatype: 'FP32' as const, shape: [-1, 1] }], task: 'regression' as const, features: { mode: 'columns' as const, features: ['x'] } };
    const entry = (values: number[], id: string) => ({ model: 'm', version: 'v1', requestId: id, signature, feeds: feeds(values), outputs: { y: { data: Float32Array.from(values), dims: [values.length, 1] } } });
    writer.record(entry([1, 2, 3], 'a'));
    writer.record(entry([4, 5, 6], 'b'));
    writer.record(entry([7, 8], 'c'));
    await writer.close();
    expect(writer.dropped).toBe(3);
    expect(warnings).toHaveLength(1);
    const [day] = readdirSync(join(dir, 'm'));
    const [file] = readdirSync(join(dir, 'm', day!));
    const rows = readFileSync(join(dir, 'm', day!, file!), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => [r.request_id, r.x, r['output.y']])).toEqual([['a', 1, 1], ['a', 2, 2], ['a', 3, 3], ['c', 7, 7], ['c', 8, 8]]);
  });
});

describe('model sources', () => {
  it('names file models from their file name, or from NAME=', async () => {
    const { fileModelName, splitModelArgument } = await import('../../shared/serve/model-source.js');
    expect(fileModelName('models/Churn Model.onnx')).toBe('churn-model');
    expect(fileModelName('/tmp/x/model.ONNX')).toBe('model');
    expect(fileModelName('a__b--c.onnx')).toBe('a_b-c');
    expect(() => fileModelName('___.onnx')).toThrow(/cannot make a model name/);
    expect(splitModelArgument('churn=.mlops/registry:v1')).toEqual({ name: 'churn', reference: '.mlops/registry:v1' });
    expect(splitModelArgument('oci://host/repo:v1')).toEqual({ reference: 'oci://host/repo:v1' });
    expect(splitModelArgument('data/a=b.onnx')).toEqual({ reference: 'data/a=b.onnx' });
  });
});

describe('request decoding caps', () => {
  it('caps the feature matrix assembled from per-column tensors before allocating it', async () => {
    const { decodeRequest } = await import('../../shared/serve/decode-request.js');
    const signature = { inputs: [{ name: 'features', datatype: 'FP32' as const, shape: [-1, 3] }], outputs: [], task: 'classification' as const, features: { mode: 'matrix' as const, input: 'features', features: ['a', 'b', 'c'] } };
    const column = (name: string) => ({ name, shape: [100], datatype: 'FP32', data: new Array(100).fill(1) });
    const body = { inputs: [column('a'), column('b'), column('c')] };
    expect(decodeRequest(body, signature, 1200).feeds.rows).toBe(100);
    expect(() => decodeRequest(body, signature, 1199)).toThrow(/100 rows of 3 features make a 1200-byte input "features", over the server's tensor cap of 1199 bytes/);
  });
});

describe('comparing versions', () => {
  it('keeps the last rows up to its bound, and compares decisions per task', async () => {
    const { RecentRows, compareOutputs } = await import('../../shared/serve/compare-versions.js');
    const recent = new RecentRows(5);
    expect(recent.snapshot()).toBeUndefined();
    recent.add(feeds([1, 2]));
    recent.add(feeds([3, 4]));
    recent.add(feeds([5, 6]));
    recent.add(feeds([1, 2, 3, 4, 5, 6, 7])); // bigger than the bound: not kept
    expect(Array.from(recent.snapshot()!.tensors.x!.data as Float32Array)).toEqual([3, 4, 5, 6]);
    const out = (values: number[]) => ({ p: { data: Float32Array.from(values.flatMap((v) => [1 - v, v])), dims: [values.length, 2] } });
    const binary = { kind: 'binary' as const, output: 'p', column: 1, columns: 2 };
    const c = compareOutputs(binary, 'v1', out([0.25, 0.75, 0.5, 0.125]), out([0.25, 0.25, 0.625, 0.125]), 4);
    expect(c).toEqual({ against: 'v1', rows: 4, mean_abs_diff: (0 + 0.5 + 0.125 + 0) / 4, max_abs_diff: 0.5, agreement: 0.75 });
  });
});
