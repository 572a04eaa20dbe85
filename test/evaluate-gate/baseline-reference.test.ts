// Threat: a file committed under a name that reads as a registry reference replaces the champion.
// A reference that parses as one is never read as a path; the record carries what was scored.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyBaseline } from '../../actions/evaluate-gate/baseline-reference.js';
import { startRegistry } from '../support/oci-registry.js';
import { runAction } from '../support/run-action.js';
import { gate, results, workspace } from './support.js';

const policy = 'model: { name: gate-test, label: label }\ngate:\n  inconclusive: warn\n  metrics:\n    accuracy: { min: 0.5, max_drop: 0 }\n';
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function registerChampion(cwd: string, aliases: string) {
  const registered = await runAction('register', { cwd, inputs: { model: 'gate/good.onnx', name: 'gate-test', aliases, 'require-gate': 'false' } });
  expect(registered.code, registered.stdout).toBe(0);
  return registered.outputs.digest!;
}

describe('the baseline input: file or registry reference', () => {
  it('classifies by a documented rule', () => {
    expect(classifyBaseline('champion.onnx')).toEqual({ kind: 'file', path: 'champion.onnx' });
    expect(classifyBaseline('models/champion.onnx')).toEqual({ kind: 'file', path: 'models/champion.onnx' });
    expect(classifyBaseline('./.mlops/registry:prod')).toEqual({ kind: 'file', path: './.mlops/registry:prod' });
    expect(classifyBaseline('file:.mlops/registry:prod')).toEqual({ kind: 'file', path: '.mlops/registry:prod' });
    expect(classifyBaseline('/abs/x.onnx')).toEqual({ kind: 'file', path: '/abs/x.onnx' });
    expect(classifyBaseline('.mlops/registry:prod').kind).toBe('registry');
    expect(classifyBaseline('dir:champion.onnx').kind).toBe('registry');
    expect(classifyBaseline('oci://ghcr.io/org/models/churn:prod').kind).toBe('registry');
    expect(() => classifyBaseline('oci://ghcr.io/Org/x.onnx')).toThrow(/not a valid registry reference/);
    expect(() => classifyBaseline('champion')).toThrow(/not a valid registry reference/);
    // A mistyped remote reference is an error, never a file of that name.
    expect(() => classifyBaseline('oci:/ghcr.io/org/models/churn:prod')).toThrow(/starts with oci:\/\/ \(two slashes/);
    expect(() => classifyBaseline('oci:/ghcr.io/org/models/churn.onnx')).toThrow(/starts with oci:\/\//);
  });

  it('gate bypass by a file named like the baseline reference: the registry champion is scored, not the planted file', async () => {
    const cwd = workspace(policy);
    const digest = await registerChampion(cwd, 'prod');
    // The attacker commits a weak model where `.mlops/registry:prod` resolves as a path.
    mkdirSync(join(cwd, '.mlops'), { recursive: true });
    copyFileSync(join(cwd, 'gate/weak.onnx'), join(cwd, '.mlops/registry:prod'));
    const scratch = mkdtempSync(join(tmpdir(), 'gate-tmp-'));
    const result = await gate(cwd, { model: 'gate/weak.onnx', baseline: '.mlops/registry:prod', data: 'data/holdout.csv' }, { env: { TMPDIR: scratch } });
    // The fetched copy of the champion is removed once it is loaded.
    expect(readdirSync(scratch).filter((name) => name.startsWith('mlops-model-'))).toEqual([]);
    const r = results(cwd, result);
    expect(r.baseline.sha256).toBe(sha(join(cwd, 'gate/good.onnx')));
    expect(r.baseline.digest).toBe(digest);
    expect(r.baseline.ref).toBe(`.mlops/registry:gate-test:prod@${digest}`);
    const record = JSON.parse(readFileSync(join(cwd, 'mlops-out/mlops-run.json'), 'utf8'));
    expect(record.evaluation.baseline.sha256).toBe(sha(join(cwd, 'gate/good.onnx')));
    expect(result.summary).toContain(sha(join(cwd, 'gate/good.onnx')));
    expect(result.outputs.passed).toBe('false');

    // Named explicitly, the file is a file.
    const explicit = await gate(cwd, { model: 'gate/weak.onnx', baseline: './.mlops/registry:prod', data: 'data/holdout.csv' });
    expect(results(cwd, explicit).baseline).toMatchObject({ ref: './.mlops/registry:prod', sha256: sha(join(cwd, 'gate/weak.onnx')) });
  });

  it('an alias no version carries yet is a first run with a notice; a missing version or registry still fails', async () => {
    const cwd = workspace(policy);
    await registerChampion(cwd, '');
    const first = await gate(cwd, { model: 'gate/good.onnx', baseline: '.mlops/registry:prod', data: 'data/holdout.csv' });
    expect(first.code, first.stdout).toBe(0);
    expect(first.stdout).toMatch(/::notice::first run: .*no version carries the alias yet/);
    const r = results(cwd, first);
    expect(r.baseline).toBeNull();
    expect(r.first_run).toMatch(/prod/);
    expect(r.metrics.accuracy.rule).toContain('max_drop not applied: no baseline');

    const missingVersion = await gate(cwd, { model: 'gate/good.onnx', baseline: '.mlops/registry:gate-test:v7', data: 'data/holdout.csv' });
    expect(missingVersion.code).toBe(1);
    expect(missingVersion.stdout).toMatch(/has no version "v7"/);
    const noRegistry = await gate(cwd, { model: 'gate/good.onnx', baseline: 'nowhere:prod', data: 'data/holdout.csv' });
    expect(noRegistry.code).toBe(1);
    expect(noRegistry.stdout).toMatch(/no OCI image layout at nowhere/);
    const otherModel = await gate(cwd, { model: 'gate/good.onnx', baseline: '.mlops/registry:other:prod', data: 'data/holdout.csv' });
    expect(otherModel.code).toBe(1);
  });

  it('on a remote registry too: a missing alias in an existing repository is a first run; an unknown repository fails', async () => {
    const registry = await startRegistry();
    try {
      const cwd = workspace(policy);
      const registered = await runAction('register', { cwd, inputs: { model: 'gate/good.onnx', name: 'gate-test', registry: `oci://${registry.host}/team`, insecure: 'true', 'require-gate': 'false' } });
      expect(registered.code, registered.stdout).toBe(0);
      const first = await gate(cwd, { model: 'gate/good.onnx', baseline: `oci://${registry.host}/team/gate-test:prod`, insecure: 'true', data: 'data/holdout.csv' });
      expect(first.code, first.stdout).toBe(0);
      expect(first.stdout).toMatch(/::notice::first run: /);
      const pinned = await gate(cwd, { model: 'gate/good.onnx', baseline: `oci://${registry.host}/team/gate-test:v1`, insecure: 'true', data: 'data/holdout.csv' });
      expect(results(cwd, pinned).baseline.ref).toBe(`${registry.host}/team/gate-test:v1@${registered.outputs.digest}`);
      const unknown = await gate(cwd, { model: 'gate/good.onnx', baseline: `oci://${registry.host}/team/nothing:prod`, insecure: 'true', data: 'data/holdout.csv' });
      expect(unknown.code).toBe(1);
      expect(unknown.stdout).toMatch(/has no version "prod"/);
    } finally {
      await registry.stop();
    }
  });
});
