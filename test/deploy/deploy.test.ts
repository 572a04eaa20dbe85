/**
 * deploy against a real `mlops serve` child process on loopback, versions registered into a
 * local OCI layout by the register action, real traffic during short bakes.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runAction } from '../support/run-action.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';
import { deployWorkspace, driveTraffic, FIXTURES, type DeployWorkspace } from './workspace.js';

// hold_factor 30: a good canary passes the shift check only once its window holds enough
// predictions (several hundred a side); a loaded machine slows the traffic driver, and the
// step must then hold longer, not roll back at a deadline sized for a quiet one.
const CONFIG = 'deploy:\n  min_requests: 10\n  min_predictions: 30\n  hold_factor: 30\n';

async function state(server: ServeProcess): Promise<{ traffic: Record<string, number>; versions: string[] }> {
  const auth = { authorization: `Bearer ${server.adminToken}` };
  const traffic = (await (await fetch(`${server.url}/v2/models/churn/traffic`, { headers: auth })).json()) as Record<string, number>;
  const index = (await (await fetch(`${server.url}/v2/repository/index`, { method: 'POST', headers: auth })).json()) as { name: string; version: string }[];
  return { traffic, versions: index.filter((e) => e.name === 'churn').map((e) => e.version).sort() };
}

async function until(condition: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms:\n${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A loopback port nobody listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function aliasTarget(cwd: string, alias: string): string | undefined {
  const index = JSON.parse(readFileSync(join(cwd, '.mlops/registry/index.json'), 'utf8')) as { manifests: { digest: string; annotations?: Record<string, string> }[] };
  return index.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === `churn:${alias}`)?.digest;
}

describe('deploy to an mlops serve instance', () => {
  let ws: DeployWorkspace;
  let server: ServeProcess;
  const versions: Record<string, { version: string; digest: string }> = {};

  const deploy = async (model: string, inputs: Record<string, string> = {}, traffic = true) => {
    const driver = traffic ? driveTraffic(server.url) : undefined;
    try {
      return await runAction('deploy', { cwd: ws.cwd, inputs: { model, url: server.url, 'admin-token': server.adminToken!, steps: '50,100', 'bake-seconds': '1', 'smoke-data': 'smoke.csv', ...inputs } });
    } finally {
      await driver?.stop();
    }
  };

  beforeAll(async () => {
    ws = deployWorkspace(CONFIG);
    versions.stable = await ws.register('stable.onnx');
    versions.retrained = await ws.register('retrained.onnx');
    versions.flipped = await ws.register('flipped.onnx');
    versions.nan = await ws.register('nan_rows.onnx');
    versions.failed = await ws.register('retrained.onnx', 'fail').catch(() => ws.register('stable.onnx', 'fail'));
    server = await startServe({ cwd: ws.cwd, adminToken: true });
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('first deploy: load, smoke test against in-process onnxruntime, 100 %, alias moved', async () => {
    const result = await deploy(`.mlops/registry:${versions.stable!.version}`, {}, false);
    expect(result.stdout).toContain('smoke test passed: 171 rows');
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs).toMatchObject({ deployed: 'true', version: versions.stable!.version, digest: versions.stable!.digest, 'previous-version': '', 'rolled-back': 'false' });
    expect(await state(server)).toEqual({ traffic: { [versions.stable!.version]: 100 }, versions: [versions.stable!.version] });
    expect(aliasTarget(ws.cwd, 'prod')).toBe(versions.stable!.digest);
    const record = JSON.parse(readFileSync(join(ws.cwd, 'mlops-out/mlops-run.json'), 'utf8'));
    expect(record.deploy).toMatchObject({ target: 'server', environment: 'production', digest: versions.stable!.digest, previous_version: null, status: 'success', alias: 'prod' });
  }, 120_000);

  it('deploying what already serves is a success with nothing to do', async () => {
    const result = await deploy(`.mlops/registry:prod`, {}, false);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('already serves 100 % of the traffic: nothing to do');
    expect(result.outputs.deployed).toBe('false');
  }, 60_000);

  it('a canary that predicts like the stable version is promoted; the old version is unloaded, prod moves', async () => {
    const result = await deploy(`.mlops/registry:${versions.retrained!.version}`);
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs).toMatchObject({ deployed: 'true', 'previous-version': versions.stable!.version, 'rolled-back': 'false' });
    expect(result.stdout).toMatch(/step 50 %: pass/);
    expect(result.stdout).toMatch(/step 100 %: pass/);
    expect(await state(server)).toEqual({ traffic: { [versions.retrained!.version]: 100 }, versions: [versions.retrained!.version] });
    expect(aliasTarget(ws.cwd, 'prod')).toBe(versions.retrained!.digest);
    expect(result.summary).toContain('| 50 % | pass |');
  }, 180_000);

  it('a canary with other weights is rolled back on prediction shift; prod stays', async () => {
    const result = await deploy(`.mlops/registry:${versions.flipped!.version}`, { 'smoke-data': '' });
    expect(result.code).toBe(1);
    expect(result.outputs['rolled-back']).toBe('true');
    expect(result.stdout).toMatch(/prediction shift 0\.\d+ \(Jensen–Shannon distance\) is above max-prediction-shift 0\.1/);
    expect(await state(server)).toEqual({ traffic: { [versions.retrained!.version]: 100 }, versions: [versions.retrained!.version] });
    expect(aliasTarget(ws.cwd, 'prod')).toBe(versions.retrained!.digest);
    const record = JSON.parse(readFileSync(join(ws.cwd, 'mlops-out/mlops-run.json'), 'utf8'));
    expect(record.deploy.status).toBe('rolled_back');
    expect(record.deploy.rollback_reason).toContain('prediction shift');
  }, 180_000);

  it('a canary answering 500 for some rows (NaN outputs) is rolled back on its error rate', async () => {
    const result = await deploy(`.mlops/registry:${versions.nan!.version}`, { 'smoke-data': '' });
    expect(result.code).toBe(1);
    expect(result.outputs['rolled-back']).toBe('true');
    expect(result.stdout).toMatch(/error rate [0-9.]+ % \(\d+\/\d+\) is above max-error-rate 1\.00 %|canary requests failed/);
    expect(await state(server)).toEqual({ traffic: { [versions.retrained!.version]: 100 }, versions: [versions.retrained!.version] });
  }, 180_000);

  it('a canary without traffic stays inconclusive and is rolled back at its deadline, never passed', async () => {
    const result = await deploy(`.mlops/registry:${versions.flipped!.version}`, { 'smoke-data': '', 'bake-seconds': '0.1' }, false);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('step 50 %: holding (only 0 canary requests (need 10)');
    expect(result.stdout).toMatch(/step 50 %25 stayed inconclusive until its deadline \(3 s\)/);
    expect(await state(server)).toEqual({ traffic: { [versions.retrained!.version]: 100 }, versions: [versions.retrained!.version] });
  }, 60_000);

  it('a version whose gate failed is refused unless force-reason is given', async () => {
    const result = await deploy(`.mlops/registry:${versions.failed!.version}`, {}, false);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('refusing to deploy');
    expect(result.stdout).toContain('has gate verdict "fail", not "pass"');
    expect(await state(server)).toEqual({ traffic: { [versions.retrained!.version]: 100 }, versions: [versions.retrained!.version] });
  }, 60_000);

  it('a second deploy while one bakes fails clearly; SIGTERM mid-bake rolls the first back', async () => {
    const driver = driveTraffic(server.url, 2);
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), 'deploy', '--model', `.mlops/registry:${versions.stable!.version}`, '--url', server.url, '--admin-token', server.adminToken!, '--steps', '10,100', '--bake-seconds', '60'], { cwd: ws.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await until(() => /baking 60 s/.test(output), 60_000, () => output);
      expect((await state(server)).traffic).toEqual({ [versions.retrained!.version]: 90, [versions.stable!.version]: 10 });

      const second = await deploy(`.mlops/registry:${versions.flipped!.version}`, {}, false);
      expect(second.code).toBe(1);
      expect(second.stdout).toContain(`another deploy of churn is in progress on the server: ${versions.stable!.version} (10 %25) is loaded beside ${versions.retrained!.version} (90 %25)`);

      child.kill('SIGTERM');
      expect(await exited).toBe(1);
      expect(output).toContain('rolling back: the deploy was cancelled (SIGTERM)');
    } finally {
      child.kill('SIGKILL');
      await driver.stop();
    }
    expect(await state(server)).toEqual({ traffic: { [versions.retrained!.version]: 100 }, versions: [versions.retrained!.version] });
    expect(aliasTarget(ws.cwd, 'prod')).toBe(versions.retrained!.digest);
  }, 180_000);

  describe('bad input: one clear error, serving state unchanged', () => {
    const unchanged = async () => expect(await state(server)).toEqual({ traffic: { [versions.retrained!.version]: 100 }, versions: [versions.retrained!.version] });

    it('wrong admin token', async () => {
      const result = await deploy(`.mlops/registry:${versions.flipped!.version}`, { 'admin-token': 'not-the-token' }, false);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('refused POST /v2/repository/index (401)');
      expect(result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n')).not.toContain('not-the-token');
      await unchanged();
    }, 60_000);

    it('unreachable server', async () => {
      const port = await closedPort();
      const result = await deploy(`.mlops/registry:${versions.flipped!.version}`, { url: `http://127.0.0.1:${port}` }, false);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`cannot reach the server at http://127.0.0.1:${port} (ECONNREFUSED)`);
      await unchanged();
    }, 60_000);

    it('a reference that does not exist', async () => {
      const result = await deploy('.mlops/registry:v99', {}, false);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/no (model in \.mlops\/registry has the tag "v99"|version "v99")/);
      await unchanged();
    }, 60_000);

    it('a digest that does not match the tag', async () => {
      const result = await deploy(`.mlops/registry:churn:${versions.flipped!.version}@${versions.stable!.digest}`, {}, false);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`is ${versions.flipped!.digest}, not ${versions.stable!.digest}`);
      await unchanged();
    }, 60_000);

    it.each([['50,10,100'], ['10,150'], ['10,50']])('steps %s', async (steps) => {
      const result = await deploy(`.mlops/registry:${versions.flipped!.version}`, { steps }, false);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/deploy: steps: (the steps must increase|the last step must be 100|150 percent is outside)/);
      await unchanged();
    }, 60_000);

    it('smoke-data whose columns do not match the model', async () => {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(ws.cwd, 'wrong.csv'), 'a,b,c\n1,2,3\n');
      const result = await deploy(`.mlops/registry:${versions.flipped!.version}`, { 'smoke-data': 'wrong.csv' }, false);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain("smoke-data lacks 30 of the model's 30 feature columns");
      await unchanged();
    }, 60_000);
  });
  it('a tampered model blob is refused before the server is touched', async () => {
    const { createHash } = await import('node:crypto');
    const { writeFileSync } = await import('node:fs');
    const hex = createHash('sha256').update(readFileSync(join(FIXTURES, 'flipped.onnx'))).digest('hex');
    const blob = join(ws.cwd, '.mlops/registry/blobs/sha256', hex);
    const bytes = readFileSync(blob);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    writeFileSync(blob, bytes);
    const result = await deploy(`.mlops/registry:${versions.flipped!.version}`, {}, false);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`sha256:${hex}`));
    expect(await state(server)).toEqual({ traffic: { [versions.retrained!.version]: 100 }, versions: [versions.retrained!.version] });
  }, 60_000);
  it('a failed-gate version deploys with force-reason, which is recorded', async () => {
    const result = await deploy(`.mlops/registry:${versions.failed!.version}`, { 'force-reason': 'incident 42: hotfix approved by on-call' });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('forced: incident 42: hotfix approved by on-call');
    expect(result.outputs).toMatchObject({ deployed: 'true', version: versions.failed!.version, 'previous-version': versions.retrained!.version });
    const record = JSON.parse(readFileSync(join(ws.cwd, 'mlops-out/mlops-run.json'), 'utf8'));
    expect(record.deploy).toMatchObject({ gate_verdict: 'fail', force_reason: 'incident 42: hotfix approved by on-call', status: 'success' });
    expect(record.deploy.steps.map((s: { weight: number; verdict: string }) => [s.weight, s.verdict])).toEqual([[50, 'pass'], [100, 'pass']]);
  }, 180_000);
});
