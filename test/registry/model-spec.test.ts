// Threat: a file committed under a name that reads as a registry reference is used in place of
// the registered version. Every model input (evaluate-gate's baseline — see
// test/evaluate-gate/baseline-reference.test.ts —, drift-check's model, mlops serve's --model)
// decides file-or-reference from the text alone (shared/registry/model-spec.ts).
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyModelSpec } from '../../shared/registry/model-spec.js';
import { drift, workspace } from '../drift/workspace.js';
import { call } from '../serve/workspace.js';
import { ROOT, runAction } from '../support/run-action.js';
import { startServe } from '../support/serve-process.js';

const rows = (n: number, shift: number) => `x1,x2,x3\n${Array.from({ length: n }, (_, i) => `${(((i * 37) % 100) / 50 - 1 + shift).toFixed(4)},${(((i * 53) % 100) / 50 - 1).toFixed(4)},${i % 2}`).join('\n')}\n`;

/** A workspace with churn:v1 registered as prod, and a decoy file planted where the reference reads as a path. */
async function plantedWorkspace(): Promise<string> {
  const cwd = workspace({ 'mlops.yml': 'model: { name: churn, features: [x1, x2, x3] }\n', 'ref.csv': rows(400, 0), 'cur.csv': rows(400, 0) });
  copyFileSync(join(ROOT, 'test/fixtures/models/binary_proba2.onnx'), join(cwd, 'model.onnx'));
  const registered = await runAction('register', { cwd, inputs: { model: 'model.onnx', aliases: 'prod', 'require-gate': 'false' } });
  expect(registered.code, registered.stdout).toBe(0);
  mkdirSync(join(cwd, '.mlops'), { recursive: true });
  writeFileSync(join(cwd, '.mlops/registry:churn:prod'), 'planted: not the registered model');
  return cwd;
}

describe('model inputs: a reference is never read as a path', () => {
  it('classifies by the text alone', () => {
    expect(classifyModelSpec('.mlops/registry:churn:prod').kind).toBe('registry');
    expect(classifyModelSpec('./.mlops/registry:churn:prod')).toEqual({ kind: 'file', path: './.mlops/registry:churn:prod' });
    expect(classifyModelSpec('file:.mlops/registry:churn:prod')).toEqual({ kind: 'file', path: '.mlops/registry:churn:prod' });
    expect(classifyModelSpec('models/churn.onnx')).toEqual({ kind: 'file', path: 'models/churn.onnx' });
  });

  it('drift-check --model scores the registered version, not a file planted under the reference name', async () => {
    const cwd = await plantedWorkspace();
    const result = await drift(cwd, { current: 'cur.csv', reference: 'ref.csv', model: '.mlops/registry:churn:prod' }, { repository: '' });
    // The planted bytes are not ONNX: reading them as the model would fail the step.
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).not.toMatch(/not an ONNX model|planted/);
    const explicit = await drift(cwd, { current: 'cur.csv', reference: 'ref.csv', model: './.mlops/registry:churn:prod' }, { repository: '' });
    expect(explicit.code).toBe(1);
  });

  it('mlops serve --model serves the registered version, not a file planted under the reference name', async () => {
    const cwd = await plantedWorkspace();
    const server = await startServe({ cwd, args: ['--model', '.mlops/registry:churn:prod'] });
    try {
      const metadata = await call(server.url, 'GET', '/v2/models/churn');
      expect(metadata.status).toBe(200);
      expect(metadata.body).toMatchObject({ name: 'churn', versions: ['v1'] });
    } finally {
      await server.stop();
    }
  });
});
