// Threat: a run record whose sections were changed outside their stage vouches for the version.
// register annotates such a version, does not take the altered data fingerprint, and refuses an
// altered evaluation section.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendSection } from '../../shared/record/record.js';
import { runAction } from '../support/run-action.js';
import { MODEL, makeWorkspace } from './workspace.js';

const recordFile = (cwd: string) => join(cwd, 'mlops-out/mlops-run.json');

function edit(cwd: string, change: (record: any) => void): void {
  const record = JSON.parse(readFileSync(recordFile(cwd), 'utf8'));
  change(record);
  writeFileSync(recordFile(cwd), JSON.stringify(record));
}

describe('register and run record integrity', () => {
  it('a data section changed after data-validate: the version is annotated and keeps the gate\'s fingerprint', async () => {
    const { cwd } = makeWorkspace({ name: 'flags' });
    await appendSection(recordFile(cwd), 'data', { fingerprint: `sha256:${'1'.repeat(64)}`, files: [], rows: 10, valid: true, errors: 0, warnings: 0 }, { stage: 'data-validate', at: '2026-01-01T00:00:00Z' });
    edit(cwd, (record) => (record.data.fingerprint = `sha256:${'2'.repeat(64)}`));
    const registered = await runAction('register', { cwd, inputs: { model: MODEL } });
    expect(registered.code, registered.stdout).toBe(0);
    expect(registered.stdout).toMatch(/::warning::the run record has sections changed outside their stage \(data\)/);
    const manifest = JSON.parse(readFileSync(join(cwd, '.mlops/registry/blobs/sha256', registered.outputs.digest!.slice(7)), 'utf8'));
    expect(manifest.annotations['io.mlops-actions.record.flags']).toBe('data');
    expect(manifest.annotations['io.mlops-actions.data.fingerprint']).toBe('fp-holdout');
  });

  it('an evaluation section changed after evaluate-gate wrote it is no passed gate', async () => {
    const { cwd, modelSha } = makeWorkspace({ name: 'flags', gate: 'fail' });
    const record = JSON.parse(readFileSync(recordFile(cwd), 'utf8'));
    // evaluate-gate wrote a failing verdict (with its digest) …
    await appendSection(recordFile(cwd), 'evaluation', record.evaluation, { stage: 'evaluate-gate', at: '2026-01-01T00:00:00Z' });
    // … and something flipped it to pass afterwards.
    edit(cwd, (r) => Object.assign(r.evaluation, { verdict: 'pass', passed: true, model: { path: MODEL, sha256: modelSha } }));
    const refused = await runAction('register', { cwd, inputs: { model: MODEL } });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/the run record's evaluation section cannot be trusted: evaluation changed after evaluate-gate wrote it/);
  });
});
