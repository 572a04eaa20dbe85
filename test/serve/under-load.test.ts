// Reliability under traffic: loads, traffic moves and unloads while clients keep sending drop
// no request, and malformed requests mixed in affect no other; an overload is refused with 429 (in-flight cap) and the server recovers.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../support/serve-process.js';
import { call, exampleModel, holdoutRows, registeredWorkspace, tensorRequest } from './workspace.js';

let server: ServeProcess;

beforeAll(async () => {
  const { cwd } = await registeredWorkspace({ two: true });
  server = await startServe({ cwd, adminToken: true, args: ['--model', '.mlops/registry:v1', '--max-in-flight', '6'] });
});
afterAll(() => server?.stop());

const admin = (method: string, path: string, body?: unknown) => call(server.url, method, path, body, server.adminToken);

describe('mlops serve under load', () => {
  it('drops no request while versions are loaded, shifted and unloaded', async () => {
    const { rows } = holdoutRows(exampleModel(20), 2);
    const statuses: number[] = [];
    const versions = new Set<string>();
    let running = true;
    const client = async () => {
      while (running) {
        const response = await call(server.url, 'POST', '/v2/models/churn/infer', tensorRequest(rows));
        statuses.push(response.status);
        versions.add(response.body.model_version);
      }
    };
    // A client sending malformed requests all along: each gets its own 400, nobody else is affected.
    const badStatuses: number[] = [];
    const malformed = async () => {
      const bodies = ['{"inputs": [', JSON.stringify({ inputs: [{ name: 'features', shape: [1, 30], datatype: 'FP32', data: ['x'] }] }), JSON.stringify({ inputs: [{ name: 'features', shape: [1, 29], datatype: 'FP32', data: rows[0]!.slice(1) }] })];
      for (let i = 0; running; i++) badStatuses.push((await call(server.url, 'POST', '/v2/models/churn/infer', undefined, undefined, bodies[i % bodies.length])).status);
    };
    const clients = [client(), client(), client(), client(), malformed()];
    const steps: Array<[string, string, unknown]> = [
      ['POST', '/v2/repository/models/churn/load', { parameters: { reference: '.mlops/registry:v2' } }],
      ['PUT', '/v2/models/churn/traffic', { v1: 50, v2: 50 }],
      ['PUT', '/v2/models/churn/traffic', { v1: 0, v2: 100 }],
      ['POST', '/v2/repository/models/churn/unload', { parameters: { version: 'v1' } }],
      ['POST', '/v2/repository/models/churn/load', { parameters: { reference: '.mlops/registry:v1' } }],
      ['PUT', '/v2/models/churn/traffic', { v1: 100 }],
      ['POST', '/v2/repository/models/churn/unload', { parameters: { version: 'v2' } }],
    ];
    for (const [method, path, body] of steps) {
      const done = statuses.length;
      while (statuses.length < done + 20) await new Promise((resolve) => setTimeout(resolve, 5));
      const response = await admin(method, path, body);
      expect(response.status, `${method} ${path} ${JSON.stringify(response.body)}`).toBe(200);
    }
    const done = statuses.length;
    while (statuses.length < done + 20) await new Promise((resolve) => setTimeout(resolve, 5));
    running = false;
    await Promise.all(clients);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(badStatuses.length).toBeGreaterThan(10);
    expect(badStatuses.filter((s) => s !== 400)).toEqual([]);
    expect(statuses.length).toBeGreaterThan(150);
    expect(versions).toEqual(new Set(['v1', 'v2']));
  });

  it('answers 429 past the in-flight cap, and recovers', async () => {
    const { rows } = holdoutRows(exampleModel(20), 1);
    const body = JSON.stringify(tensorRequest(rows));
    // Six requests whose bodies are still arriving hold the six in-flight places.
    const held = Array.from({ length: 6 }, () => {
      let finish!: () => void;
      const answered = new Promise<number>((resolve, reject) => {
        const req = request(`${server.url}/v2/models/churn/infer`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode!));
        });
        req.on('error', reject);
        req.write(body.slice(0, 10));
        finish = () => req.end(body.slice(10));
      });
      return { answered, finish: () => finish() };
    });
    // Wait until the server has them all.
    for (;;) {
      const metrics = (await call(server.url, 'GET', '/metrics')).body as string;
      if (/^mlops_serve_in_flight 6$/m.test(metrics)) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const refused = await call(server.url, 'POST', '/v2/models/churn/infer', tensorRequest(rows));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body.error).toMatch(/too many requests in flight \(over 6\)/);
    // A burst ten times the cap while the places are held: every one refused, none crashing or dropped.
    const burst = await Promise.all(Array.from({ length: 60 }, () => call(server.url, 'POST', '/v2/models/churn/infer', tensorRequest(rows)).then((r) => r.status)));
    expect(burst.every((s) => s === 429)).toBe(true);
    for (const h of held) h.finish();
    expect(await Promise.all(held.map((h) => h.answered))).toEqual([200, 200, 200, 200, 200, 200]);
    const after = await Promise.all(Array.from({ length: 6 }, () => call(server.url, 'POST', '/v2/models/churn/infer', tensorRequest(rows)).then((r) => r.status)));
    expect(after).toEqual([200, 200, 200, 200, 200, 200]);
    const metrics = (await call(server.url, 'GET', '/metrics')).body as string;
    expect(metrics).toMatch(/^mlops_serve_requests_total\{model="churn",version="",code="429"\} 61$/m);
  });
});
