/**
 * The loop, end to end through the CLI, `mlops serve` on loopback and the fake GitHub: v1 is
 * deployed onto a capturing server → production traffic drifts → drift-check opens the issue
 * and dispatches ml-retrain.yml once (a second run within the cooldown updates the issue and
 * does not dispatch) → the retrain steps run on the dispatched inputs, starting from the drift
 * run's record → v2 is gated against :prod, registered and deployed (alias :prod moved) → the
 * next drift-check, on post-retrain traffic, closes the issue. The run record stored with what
 * serves at the end names the drift run that caused it.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE_TOKENS } from '../support/fake-github/index.js';
import { useFakeGitHub } from '../support/fake-github/lifecycle.js';
import { ROOT, runAction, runCli } from '../support/run-action.js';
import { startServe } from '../support/serve-process.js';

// Within the example's data contract (mean_radius ≤ 35, mean_area ≤ 3000), so retraining data still validates.
const SHIFT: Record<string, number> = { mean_radius: 1.2, mean_area: 1.18, mean_perimeter: 1.3 };

function shiftCsv(text: string): string {
  const [header, ...rows] = text.trim().split('\n');
  const names = header!.split(',');
  return `${header}\n${rows.map((row) => row.split(',').map((cell, i) => (SHIFT[names[i]!] ? String(Number((Number(cell) * SHIFT[names[i]!]!).toFixed(4))) : cell)).join(',')).join('\n')}\n`;
}

/** Sends every row of `csv` to the server as one infer request (a tensor per feature). */
async function sendTraffic(url: string, cwd: string, csv: string, keepGoing?: () => boolean): Promise<void> {
  const [header, ...rows] = readFileSync(join(cwd, csv), 'utf8').trim().split('\n');
  const names = header!.split(',');
  const skip = new Set(['id', 'malignant', 'size_band']);
  for (const [r, row] of rows.entries()) {
    if (keepGoing && !keepGoing()) return;
    const values = row.split(',');
    const inputs = names.flatMap((name, i) => (skip.has(name) ? [] : [{ name, shape: [1], datatype: 'FP64', data: [Number(values[i])] }]));
    const response = await fetch(`${url}/v2/models/breast-cancer-classifier/infer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: `req-${r}`, inputs }) });
    // In the background during a deploy, an answer from a version being swapped may fail: not asserted.
    if (!keepGoing) expect(response.status, await response.clone().text()).toBe(200);
    await response.arrayBuffer();
  }
}

/** Keeps sending the rows of `csv` until stopped (deploy judges its canary on live traffic). */
function driveTraffic(url: string, cwd: string, csv: string): { stop(): Promise<void> } {
  let running = true;
  const loop = (async () => {
    while (running) await sendTraffic(url, cwd, csv, () => running);
  })();
  return {
    async stop() {
      running = false;
      await loop;
    },
  };
}

describe('the drift → retrain → redeploy loop', () => {
  const fakeGitHub = useFakeGitHub();

  it('captures drift, opens the issue and dispatches once, retrains on the dispatched inputs, and closes the issue on post-retrain traffic', { timeout: 300_000 }, async () => {
    const gh = fakeGitHub();
    const repo = gh.state.repo(gh.repo);
    const cwd = mkdtempSync(join(tmpdir(), 'mlops-loop-'));
    cpSync(join(ROOT, 'examples/breast-cancer'), cwd, { recursive: true });
    writeFileSync(join(cwd, 'data/production.csv'), shiftCsv(readFileSync(join(cwd, 'data/holdout.csv'), 'utf8')));
    const cli = async (args: string[], env: Record<string, string> = {}) => {
      const result = await runCli(args, { cwd, env });
      expect(result.code, `mlops ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
      return result;
    };
    const trainArgs = (data: string) => ['train', '--command', `node train.mjs --data ${data} --out mlops-out/model.onnx --metrics mlops-out/metrics.json --params mlops-out/params.json`, '--model', 'mlops-out/model.onnx', '--metrics', 'mlops-out/metrics.json', '--params', 'mlops-out/params.json'];

    // Golden rows for deploy's smoke test: a few rows of the (drifted) production traffic.
    writeFileSync(join(cwd, 'smoke.csv'), readFileSync(join(cwd, 'data/production.csv'), 'utf8').split('\n').slice(0, 6).join('\n') + '\n');
    const deploy = async (model: string, url: string, token: string, live: boolean) => {
      const traffic = live ? driveTraffic(url, cwd, 'data/production.csv') : { stop: async () => {} };
      try {
        return await cli(['deploy', '--model', model, '--url', url, '--admin-token', token, '--strategy', 'all-at-once', '--bake-seconds', '2', '--smoke-data', 'smoke.csv']);
      } finally {
        await traffic.stop();
      }
    };

    // v1: the release pipeline, registered, deployed onto a capturing server (alias :prod moved).
    await cli(['data-validate', '--data', 'data/train.csv']);
    await cli(trainArgs('data/train.csv'));
    await cli(['evaluate-gate', '--model', 'mlops-out/model.onnx', '--data', 'data/holdout.csv']);
    await cli(['model-card']);
    await cli(['register', '--model', 'mlops-out/model.onnx']);
    let server = await startServe({ cwd, adminToken: true, args: ['--capture', 'capture'] });
    try {
      await deploy('.mlops/registry:v1', server.url, server.adminToken!, false);
      // Production traffic drifts; the server captures it.
      await sendTraffic(server.url, cwd, 'data/production.csv');
    } finally {
      await server.stop();
    }

    // The scheduled drift check (ml-drift.yml) against the profile stored with :prod.
    const drift = (run: string, current: string) =>
      runAction('drift-check', {
        cwd,
        inputs: { current, dispatch: 'ml-retrain.yml', record: `drift-${run}/mlops-run.json` },
        apiUrl: gh.url,
        repository: gh.repo,
        token: FAKE_TOKENS.actions,
        eventName: 'schedule',
        env: { GITHUB_RUN_ID: run },
      });
    const first = await drift('5001', 'capture/**/*.jsonl');
    expect(first.code, first.stdout).toBe(0);
    expect(first.outputs).toMatchObject({ drifted: 'true', dispatched: 'true' });
    expect(first.outputs['drifted-columns']).toContain('mean_area');
    const issueNumber = Number(first.outputs['issue-number']);
    expect(gh.state.issue(gh.repo, issueNumber)!.state).toBe('open');
    expect(repo.dispatches).toHaveLength(1);
    const { inputs } = repo.dispatches[0]!;
    expect(inputs.drift_run_url).toBe(`https://github.com/${gh.repo}/actions/runs/5001`);

    const second = await drift('5002', 'capture/**/*.jsonl');
    expect(second.outputs).toMatchObject({ drifted: 'true', dispatched: 'false', 'issue-number': String(issueNumber) });
    expect(repo.dispatches).toHaveLength(1);

    // ml-retrain.yml on the dispatched inputs: it starts from the drift run's record (the
    // artifact of the run named by drift_run_url), trains on data that includes the new traffic.
    const driftRun = String(inputs.drift_run_url).split('/').at(-1)!;
    copyFileSync(join(cwd, `drift-${driftRun}/mlops-run.json`), join(cwd, 'mlops-out/mlops-run.json'));
    writeFileSync(join(cwd, 'data/train-v2.csv'), shiftCsv(readFileSync(join(cwd, 'data/train.csv'), 'utf8')));
    writeFileSync(join(cwd, 'data/holdout-v2.csv'), readFileSync(join(cwd, 'data/production.csv')));
    const retrainEnv = { RETRAIN_REASON: String(inputs.reason), DRIFT_RUN_URL: String(inputs.drift_run_url) };
    await cli(['data-validate', '--data', 'data/train-v2.csv'], retrainEnv);
    await cli(trainArgs('data/train-v2.csv'), retrainEnv);
    // The retrain gates on the new traffic, not the champion's holdout: the change is given its reason.
    await cli(['evaluate-gate', '--model', 'mlops-out/model.onnx', '--data', 'data/holdout-v2.csv', '--baseline', '.mlops/registry:prod', '--holdout-change-reason', String(inputs.reason)]);
    await cli(['model-card']);
    const registered = await cli(['register', '--model', 'mlops-out/model.onnx']);
    expect(registered.stdout).toContain('breast-cancer-classifier:v2');

    // deploy v2 onto the server (running :prod = v1, capturing into a new directory), then the
    // same drifted traffic: the next scheduled check finds no drift against the new :prod.
    server = await startServe({ cwd, adminToken: true, args: ['--model', '.mlops/registry:prod', '--capture', 'capture-after'] });
    try {
      await deploy('.mlops/registry:v2', server.url, server.adminToken!, true);
      await sendTraffic(server.url, cwd, 'data/production.csv');
    } finally {
      await server.stop();
    }
    const after = await drift('5003', 'capture-after/**/*.jsonl');
    expect(after.code, after.stdout).toBe(0);
    expect(after.outputs).toMatchObject({ drifted: 'false', dispatched: 'false', 'issue-number': String(issueNumber) });
    expect(gh.state.issue(gh.repo, issueNumber)!.state).toBe('closed');
    expect(repo.dispatches).toHaveLength(1);

    // Lineage: the record stored with what serves now names the drift run that caused it.
    mkdirSync(join(cwd, 'pulled'));
    await cli(['registry', 'pull', '.mlops/registry:prod', 'pulled/prod']);
    const record = JSON.parse(readFileSync(join(cwd, 'pulled/prod/mlops-run.json'), 'utf8'));
    expect(record.drift.run_url).toBe(inputs.drift_run_url);
    expect(record.drift.dispatched).toBe(true);
    expect(record.train).toBeDefined();
    expect(record.evaluation).toBeDefined();
    expect(gh.validationErrors).toEqual([]);
  });
});
