/**
 * Deploy test workspaces: models from test/fixtures/deploy (see generate_models.py) registered
 * into a local OCI layout by the register action with a run record whose gate verdict names
 * that exact model; holdout rows as smoke data; a traffic driver for bakes.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspectModelProto } from '../../shared/onnx/model-proto.js';
import { makeWorkspace } from '../register/workspace.js';
import { runAction, ROOT } from '../support/run-action.js';

export const FIXTURES = join(ROOT, 'test/fixtures/deploy');
export const HOLDOUT = join(ROOT, 'examples/breast-cancer/data/holdout.csv');

export interface DeployWorkspace {
  cwd: string;
  register(fixture: string, verdict?: 'pass' | 'fail'): Promise<{ version: string; digest: string }>;
}

export function deployWorkspace(deployConfig = ''): DeployWorkspace {
  const { cwd } = makeWorkspace({ name: 'churn', gate: 'none' });
  writeFileSync(join(cwd, 'mlops.yml'), `model:\n  name: churn\n${deployConfig}`);
  copyFileSync(HOLDOUT, join(cwd, 'smoke.csv'));
  return {
    cwd,
    async register(fixture, verdict = 'pass') {
      const model = join(cwd, 'mlops-out/model.onnx');
      copyFileSync(join(FIXTURES, fixture), model);
      const sha = createHash('sha256').update(readFileSync(model)).digest('hex');
      const now = new Date().toISOString();
      const record = {
        schema_version: 1,
        kind: 'mlops-run',
        created_at: now,
        updated_at: now,
        history: [],
        data: { fingerprint: `sha256:${'cd'.repeat(32)}`, files: [], rows: 398, valid: true, errors: 0, warnings: 0 },
        evaluation: {
          task: 'classification',
          model: { path: 'mlops-out/model.onnx', sha256: sha },
          data: { path: 'holdout.csv', rows: 171, fingerprint: 'fp-holdout' },
          baseline: null,
          alpha: 0.05,
          metrics: { accuracy: { candidate: 0.95, verdict, rule: 'accuracy >= 0.9' } },
          verdict,
          passed: verdict === 'pass',
        },
      };
      writeFileSync(join(cwd, 'mlops-out/mlops-run.json'), JSON.stringify(record));
      const result = await runAction('register', { cwd, inputs: { model: 'mlops-out/model.onnx', ...(verdict === 'fail' ? { 'force-reason': 'test: a failed version in the registry' } : {}) } });
      if (result.code !== 0) throw new Error(`register failed: ${result.stdout}${result.stderr}`);
      return { version: result.outputs.version!, digest: result.outputs.digest! };
    },
  };
}

/** Holdout rows as per-feature objects, in the model's feature order. */
export function holdoutFeatureRows(): { features: string[]; rows: number[][] } {
  const lines = readFileSync(HOLDOUT, 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const features = JSON.parse(inspectModelProto(readFileSync(join(FIXTURES, 'stable.onnx'))).metadata.feature_names!) as string[];
  const index = features.map((f) => header.indexOf(f));
  return { features, rows: lines.slice(1).map((line) => index.map((i) => Number(line.split(',')[i]))) };
}

/**
 * Unversioned single-row infer calls at the server (routed by the traffic weights) from
 * `concurrency` loops, until stop() is called. Answers are counted by status.
 */
export function driveTraffic(url: string, concurrency = 4): { stop(): Promise<Record<number, number>> } {
  const { rows } = holdoutFeatureRows();
  const statuses: Record<number, number> = {};
  let running = true;
  let n = 0;
  const loop = async () => {
    while (running) {
      const row = rows[n++ % rows.length]!;
      try {
        const response = await fetch(`${url}/v2/models/churn/infer`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ inputs: [{ name: 'features', shape: [1, row.length], datatype: 'FP32', data: row }] }),
        });
        await response.arrayBuffer();
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      } catch {
        statuses[0] = (statuses[0] ?? 0) + 1;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  };
  const loops = Array.from({ length: concurrency }, loop);
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return statuses;
    },
  };
}
