/** Test workspaces for register: a real trained ONNX model, a run record with a gate verdict, a card. */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/run-action.js';

let trained: string | undefined;

/** A real ONNX logistic regression from the example trainer (trained once per test file). */
export function trainedModel(): string {
  if (!trained) {
    const dir = mkdtempSync(join(tmpdir(), 'mlops-register-model-'));
    execFileSync(process.execPath, [join(ROOT, 'examples/breast-cancer/train.mjs'), '--out', join(dir, 'model.onnx'), '--metrics', join(dir, 'metrics.json'), '--params', join(dir, 'params.json'), '--iterations', '10', '--log-every', '1000'], { stdio: 'ignore' });
    trained = join(dir, 'model.onnx');
  }
  return trained;
}

/**
 * A structurally valid ONNX ModelProto (ir_version + a graph with one raw initializer) of about
 * `bytes` bytes of random weights: big enough to be uploaded in chunks, distinct every call.
 */
export function bigOnnxModel(bytes: number): Buffer {
  const varint = (n: number) => {
    const out: number[] = [];
    while (n > 127) {
      out.push((n & 0x7f) | 0x80);
      n = Math.floor(n / 128);
    }
    out.push(n);
    return Buffer.from(out);
  };
  const field = (number: number, payload: Buffer) => Buffer.concat([varint((number << 3) | 2), varint(payload.length), payload]);
  const tensor = Buffer.concat([field(8, Buffer.from('weights')), field(9, randomBytes(bytes))]);
  const graph = Buffer.concat([field(2, Buffer.from('g')), field(5, tensor)]);
  return Buffer.concat([Buffer.from([0x08, 0x08]), field(7, graph)]);
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export interface WorkspaceOptions {
  /** Gate verdict in the record; 'none' writes a record without evaluation; 'no-record' writes none. */
  gate?: 'pass' | 'fail' | 'none' | 'no-record';
  /** Model file contents (default: the trained model). */
  model?: Buffer;
  name?: string;
  config?: string;
  /** The record's evaluation names another model's sha256. */
  evaluatedSha?: string;
  profile?: boolean;
}

export function makeWorkspace(options: WorkspaceOptions = {}): { cwd: string; modelSha: string } {
  const cwd = mkdtempSync(join(tmpdir(), 'mlops-register-'));
  mkdirSync(join(cwd, 'mlops-out'), { recursive: true });
  if (options.model) writeFileSync(join(cwd, 'mlops-out/model.onnx'), options.model);
  else cpSync(trainedModel(), join(cwd, 'mlops-out/model.onnx'));
  const modelSha = sha256(join(cwd, 'mlops-out/model.onnx'));
  writeFileSync(join(cwd, 'mlops.yml'), options.config ?? `model:\n  name: ${options.name ?? 'churn'}\n`);
  writeFileSync(join(cwd, 'mlops-out/MODEL_CARD.md'), '# churn\n\nA model card.\n');
  const gate = options.gate ?? 'pass';
  if (gate !== 'no-record') {
    const now = new Date('2026-01-01T00:00:00Z').toISOString();
    const record: Record<string, unknown> = { schema_version: 1, kind: 'mlops-run', created_at: now, updated_at: now, history: [] };
    if (options.profile) {
      writeFileSync(join(cwd, 'mlops-out/data-profile.json'), JSON.stringify({ columns: [{ name: 'x', mean: 1 }] }));
      record.data = { fingerprint: 'sha256:' + 'ab'.repeat(32), files: [], rows: 10, valid: true, errors: 0, warnings: 0, profile_path: 'mlops-out/data-profile.json' };
    }
    if (gate !== 'none') {
      record.evaluation = {
        task: 'classification',
        model: { path: 'mlops-out/model.onnx', sha256: options.evaluatedSha ?? modelSha },
        data: { path: 'holdout.csv', rows: 171, fingerprint: 'fp-holdout' },
        baseline: null,
        alpha: 0.05,
        metrics: { accuracy: { candidate: 0.953, verdict: gate, rule: 'accuracy >= 0.9' }, roc_auc: { candidate: 0.991, verdict: 'pass', rule: 'roc_auc >= 0.9' } },
        verdict: gate,
        passed: gate === 'pass',
      };
    }
    writeFileSync(join(cwd, 'mlops-out/mlops-run.json'), JSON.stringify(record, null, 2));
  }
  return { cwd, modelSha };
}

export const MODEL = 'mlops-out/model.onnx';
