// Process lifecycle: a port in use is one clear line and exit 1; SIGTERM lets a request that is
// still arriving finish, writes every captured row, and exits 0; captured rows are exactly what
// was served.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-action.js';
import { startServe } from '../support/serve-process.js';
import { call, exampleModel, holdoutRows, tensorRequest } from './workspace.js';

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()).sort();
}

describe('mlops serve: lifecycle', () => {
  it('exits 1 with one clear line when the port is in use, and on a model it cannot serve', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mlops-serve-'));
    const server = await startServe({ cwd, args: ['--model', exampleModel(20)] });
    try {
      const busy = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'serve', '--port', String(server.port), '--model', exampleModel(20)], { cwd, encoding: 'utf8' });
      expect(busy.status).toBe(1);
      expect(busy.stderr.trim()).toBe(`error: port ${server.port} on 127.0.0.1 is already in use. Stop the other server or pick another port with --port.`);
      const pickle = join(cwd, 'model.pkl');
      writeFileSync(pickle, Buffer.from([0x80, 0x04, 0x95, 0x10, 0, 0, 0, 0, 0, 0, 0, 0x8c]));
      const refused = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'serve', '--port', '0', '--model', pickle], { cwd, encoding: 'utf8' });
      expect(refused.status).toBe(1);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(refused.stderr).toMatch(/^error: .*cannot serve --model .*model\.pkl: .*Python pickle/);
      const badFlag = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'serve', '--max-batch', 'lots'], { cwd, encoding: 'utf8' });
      expect(badFlag.stderr.trim()).toBe('error: --max-batch "lots" is not an integer from 1 to 65536. Run `mlops serve --help`.');
      writeFileSync(join(cwd, 'short-token'), 'abc\n', { mode: 0o600 });
      const shortToken = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'serve', '--port', '0', '--admin-token-file', 'short-token'], { cwd, encoding: 'utf8' });
      expect(shortToken.stderr.trim()).toBe('error: short-token (admin-token-file): the token file holds fewer than 16 characters on its first line. Generate one with: openssl rand -hex 32 > token');
      writeFileSync(join(cwd, 'mlops.yml'), 'serve:\n  prot: 8080\n');
      const badConfig = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'serve'], { cwd, encoding: 'utf8' });
      expect(badConfig.status).toBe(1);
      expect(badConfig.stderr).toMatch(/^error: mlops\.yml:2:3 \(serve\.prot\): .*Did you mean "port"\?/);
    } finally {
      await server.stop();
    }
  });

  it('drains a request still arriving on SIGTERM, writes every captured row, and exits 0', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mlops-serve-'));
    const model = exampleModel(20);
    const server = await startServe({ cwd, args: ['--model', `churn=${model}`, '--capture', 'capture'] });
    const { features, rows } = holdoutRows(model, 40);
    const served: Array<{ id: string; rows: number[][]; outputs: number[] }> = [];
    for (let i = 0; i < 8; i++) {
      const batch = rows.slice(i * 5, i * 5 + 5);
      const response = await call(server.url, 'POST', '/v2/models/churn/infer', tensorRequest(batch, `r${i}`));
      served.push({ id: `r${i}`, rows: batch, outputs: response.body.outputs[0].data });
    }
    // A request whose body is half sent when SIGTERM arrives.
    const body = JSON.stringify(tensorRequest(rows.slice(0, 3), 'late'));
    const late = new Promise<{ status: number; body: any }>((resolve, reject) => {
      const req = request(`${server.url}/v2/models/churn/infer`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 40));
      void (async () => {
        while (!server.logs().includes('draining')) await sleep(20);
        req.end(body.slice(40));
      })();
    });
    await sleep(100);
    const stopped = server.stop();
    const answer = await late;
    await stopped;
    expect(answer.status).toBe(200);
    expect(answer.body.id).toBe('late');
    served.push({ id: 'late', rows: rows.slice(0, 3), outputs: answer.body.outputs[0].data });
    expect(server.exitCode()).toBe(0);
    expect(server.logs()).toMatch(/serve: SIGTERM: draining in-flight requests\nserve: stopped/);

    const captured = files(join(cwd, 'capture'));
    expect(captured.length).toBe(1);
    expect(captured[0]).toMatch(/^churn\/\d{4}-\d{2}-\d{2}\/capture-\d{8}T\d{6}Z-\d{6}\.jsonl$/);
    const lines = readFileSync(join(cwd, 'capture', captured[0]!), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const expected = served.flatMap((s) => s.rows.map((row, r) => ({ id: s.id, row, output: s.outputs.slice(r * 2, r * 2 + 2) })));
    expect(lines).toHaveLength(expected.length);
    lines.forEach((line, k) => {
      const want = expected[k]!;
      expect(Object.keys(line)).toEqual(['timestamp', 'model', 'version', 'request_id', ...features, 'output.probabilities']);
      expect(line).toMatchObject({ model: 'churn', version: 'v0', request_id: want.id, 'output.probabilities': want.output });
      expect(Number.isNaN(Date.parse(line.timestamp))).toBe(false);
      // Features as the model saw them: float32.
      features.forEach((f, j) => expect(line[f], `${relative(cwd, captured[0]!)} ${f}`).toBe(Math.fround(want.row[j]!)));
    });
  });
});

describe('mlops serve: token files', () => {
  it('warns when a token file is readable by other users, without printing the token', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mlops-serve-'));
    const token = 'a-shared-token-0123456789abcdef';
    writeFileSync(join(cwd, 'infer-token'), `${token}\n`, { mode: 0o644 });
    const server = await startServe({ cwd, args: ['--infer-token-file', 'infer-token'] });
    await server.stop();
    expect(server.logs()).toMatch(/serve: warning: the infer-token-file infer-token is readable by other users; restrict it with chmod 600/);
    expect(server.logs()).not.toContain(token);
  });
});

describe('mlops serve: clients that go away', () => {
  it('shrugs off a client that closes mid-body: no internal error, still serving', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mlops-serve-'));
    const server = await startServe({ cwd, args: ['--model', `churn=${exampleModel(20)}`] });
    try {
      const { rows } = holdoutRows(exampleModel(20), 1);
      const body = JSON.stringify(tensorRequest(rows));
      await new Promise<void>((resolve) => {
        const req = request(`${server.url}/v2/models/churn/infer`, { method: 'POST', headers: { 'content-length': Buffer.byteLength(body) } });
        req.on('error', () => resolve());
        req.write(body.slice(0, 20), () => setTimeout(() => req.destroy(), 50));
      });
      const metrics = async () => (await call(server.url, 'GET', '/metrics')).body as string;
      while (!/code="400"/.test(await metrics())) await sleep(20);
      expect(await metrics()).toMatch(/^mlops_serve_requests_total\{model="churn",version="",code="400"\} 1$/m);
      expect(server.logs()).not.toMatch(/internal error/);
      expect((await call(server.url, 'POST', '/v2/models/churn/infer', tensorRequest(rows))).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
