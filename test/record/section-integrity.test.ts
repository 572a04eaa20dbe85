// Threats: training code rewrites the run record's `data` section (or reports its own metrics as
// the version's headline); a section changed outside the stage that wrote it must be flagged,
// and only the gate's re-measured figures become headline metrics.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headlineMetrics, untrustedSections } from '../../actions/register/gate.js';
import { appendSection, readRecord } from '../../shared/record/record.js';
import { runAction } from '../support/run-action.js';
import { pathWithoutNvidiaSmi } from '../train/support.js';

const context = (stage: string, at = '2026-11-23T10:00:00.000Z') => ({ stage, at });
const data = { fingerprint: `sha256:${'a'.repeat(64)}`, files: [], rows: 10, valid: true, errors: 0, warnings: 0 };

describe('run record section integrity', () => {
  it('stores a digest per section and flags a section changed after its stage wrote it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'record-integrity-')), 'mlops-run.json');
    await appendSection(path, 'data', data, context('data-validate'));
    const written = JSON.parse(readFileSync(path, 'utf8'));
    expect(written.integrity.sections.data).toMatchObject({ digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), stage: 'data-validate' });

    written.data.rows = 1_000_000; // someone edits the data section by hand
    writeFileSync(path, JSON.stringify(written));
    await appendSection(path, 'model_card', { path: 'MODEL_CARD.md', json_path: 'model-card.json', sha256: 'b'.repeat(64) }, context('model-card'));
    const record = (await readRecord(path))!;
    expect(record.integrity!.flags).toEqual([expect.objectContaining({ section: 'data', stage: 'model-card', why: 'changed after data-validate wrote it' })]);
    expect(untrustedSections(record).map((s) => s.section)).toContain('data');
  });

  it('a section rewritten by the training command (digest and all) is flagged by the train stage', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'record-train-'));
    const path = join(cwd, 'mlops-out/mlops-run.json');
    await appendSection(path, 'data', data, context('data-validate'));
    // The training command rewrites the data section and drops the stored digests, so the
    // record alone could not show it: the train stage's before/after comparison does.
    const forge = `
      const fs = require('fs');
      const r = JSON.parse(fs.readFileSync('mlops-out/mlops-run.json', 'utf8'));
      r.data.rows = 999999; delete r.integrity;
      fs.writeFileSync('mlops-out/mlops-run.json', JSON.stringify(r));
      fs.writeFileSync('model.onnx', 'x');`;
    const result = await runAction('train', { cwd, inputs: { command: `node -e "${forge.replaceAll('"', '\\"').replaceAll('\n', ' ')}"`, model: 'model.onnx' }, env: { PATH: `${pathWithoutNvidiaSmi()}:${process.env.PATH ?? ''}` } });
    expect(result.stdout).toMatch(/::warning::run record: the data section was rewritten while the training command ran/);
    const record = (await readRecord(path))!;
    expect(record.integrity!.flags).toEqual(expect.arrayContaining([expect.objectContaining({ section: 'data', stage: 'train', why: 'rewritten while the training command ran' })]));
  });

  it('only the gate\'s re-measured figures become headline metrics, never the training code\'s own', () => {
    const sha = 'c'.repeat(64);
    const now = '2026-11-23T10:00:00.000Z';
    const record = {
      schema_version: 1 as const,
      kind: 'mlops-run' as const,
      created_at: now,
      updated_at: now,
      history: [],
      train: { command: 'python train.py', status: 'succeeded', metrics: { accuracy: 0.999 }, model: { path: 'm.onnx', sha256: sha, bytes: 1 } },
    } as unknown as Parameters<typeof headlineMetrics>[0];
    expect(headlineMetrics(record, sha)).toEqual({});
  });
});
