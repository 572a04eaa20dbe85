// Threat: the gate is passed by controlling the holdout (a PR brings an easier one), and an
// inconclusive verdict lets register move aliases. The holdout's fingerprint is stored in every
// registered version and must match the champion's (or the pinned one) unless a reason is given.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../support/run-action.js';
import { gate, results, workspace } from './support.js';

const policy = (extra = '') => `model: { name: gate-test, label: label }\ngate:\n  inconclusive: warn\n  metrics:\n    accuracy: { min: 0.5, max_drop: 0.5 }\n${extra}`;

async function gateAndRegister(cwd: string, inputs: Record<string, string>, aliases: string) {
  const gated = await gate(cwd, { data: 'data/holdout.csv', ...inputs });
  expect(gated.code, gated.stdout).toBe(0);
  const registered = await runAction('register', { cwd, inputs: { model: inputs.model!, name: 'gate-test', aliases } });
  expect(registered.code, registered.stdout).toBe(0);
  return { gated, registered };
}

function easierHoldout(cwd: string): void {
  // The PR's own holdout: the same file with its hardest half of rows dropped.
  const lines = readFileSync(join(cwd, 'data/holdout.csv'), 'utf8').trim().split('\n');
  writeFileSync(join(cwd, 'data/holdout.csv'), `${[lines[0], ...lines.slice(1, 600)].join('\n')}\n`);
}

describe('holdout trust', () => {
  it('records the holdout fingerprint in the registered version', async () => {
    const cwd = workspace(policy());
    const { gated, registered } = await gateAndRegister(cwd, { model: 'gate/good.onnx' }, 'prod');
    const fingerprint = results(cwd, gated).data.fingerprint;
    const manifest = JSON.parse(readFileSync(join(cwd, '.mlops/registry/blobs/sha256', registered.outputs.digest!.slice(7)), 'utf8'));
    expect(manifest.annotations['io.mlops-actions.holdout.fingerprint']).toBe(fingerprint);
  });

  it('a candidate gated on another holdout than the champion is refused unless a reason is given, which is recorded', async () => {
    const cwd = workspace(policy());
    await gateAndRegister(cwd, { model: 'gate/good.onnx' }, 'prod');
    easierHoldout(cwd);
    const refused = await gate(cwd, { model: 'gate/good.onnx', baseline: '.mlops/registry:prod', data: 'data/holdout.csv' });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/the holdout's fingerprint sha256:[0-9a-f]{64} differs from the one .*gate-test:prod@sha256:[0-9a-f]{64} was gated on/);

    const reason = 'holdout refreshed with the Q3 labels';
    const accepted = await gate(cwd, { model: 'gate/good.onnx', baseline: '.mlops/registry:prod', data: 'data/holdout.csv', 'holdout-change-reason': reason });
    expect(accepted.code, accepted.stdout).toBe(0);
    expect(accepted.stdout).toMatch(/::warning::the holdout differs from the baseline version/);
    const record = JSON.parse(readFileSync(join(cwd, 'mlops-out/mlops-run.json'), 'utf8'));
    expect(record.evaluation.holdout).toMatchObject({ status: 'changed', reason });
    const registered = await runAction('register', { cwd, inputs: { model: 'gate/good.onnx', name: 'gate-test', 'force-reason': 'same model re-registered for the test' } });
    expect(registered.code, registered.stdout).toBe(0);
    const manifest = JSON.parse(readFileSync(join(cwd, '.mlops/registry/blobs/sha256', registered.outputs.digest!.slice(7)), 'utf8'));
    expect(manifest.annotations['io.mlops-actions.holdout.change-reason']).toBe(reason);
  });

  it('a fingerprint pinned in gate.holdout_fingerprint is enforced for any baseline', async () => {
    const cwd = workspace(policy(`  holdout_fingerprint: sha256:${'0'.repeat(64)}\n`));
    const refused = await gate(cwd, { model: 'gate/good.onnx', baseline: 'gate/weak.onnx', data: 'data/holdout.csv' });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/differs from the one pinned in gate\.holdout_fingerprint/);
  });

  it('a champion registered before the annotation existed is checked against the holdout in its stored run record', async () => {
    const cwd = workspace(policy());
    const { registered } = await gateAndRegister(cwd, { model: 'gate/good.onnx' }, '');
    // Re-tag the version as `prod` without the holdout annotation, as an older register wrote it.
    const root = join(cwd, '.mlops/registry');
    const manifest = JSON.parse(readFileSync(join(root, 'blobs/sha256', registered.outputs.digest!.slice(7)), 'utf8'));
    delete manifest.annotations['io.mlops-actions.holdout.fingerprint'];
    const bytes = Buffer.from(JSON.stringify(manifest));
    const hex = createHash('sha256').update(bytes).digest('hex');
    writeFileSync(join(root, 'blobs/sha256', hex), bytes);
    const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
    index.manifests.push({ ...index.manifests[0], digest: `sha256:${hex}`, size: bytes.length, annotations: { 'org.opencontainers.image.ref.name': 'gate-test:prod' } });
    writeFileSync(join(root, 'index.json'), JSON.stringify(index));

    easierHoldout(cwd);
    const refused = await gate(cwd, { model: 'gate/good.onnx', baseline: '.mlops/registry:prod', data: 'data/holdout.csv' });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/the holdout's fingerprint sha256:[0-9a-f]{64} differs/);
  });
});
