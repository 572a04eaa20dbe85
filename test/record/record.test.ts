import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendSection, readRecord } from '../../shared/record/record.js';

const context = (stage: string) => ({ stage, at: '2026-11-23T10:00:00.000Z', commit: 'abc', run_url: 'https://github.com/o/r/actions/runs/1' });
const card = { path: 'MODEL_CARD.md', json_path: 'model-card.json', sha256: 'a'.repeat(64) };

describe('run record', () => {
  it('starts a record, appends sections and keeps the history', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlops-record-'));
    const path = join(dir, 'out', 'mlops-run.json');
    await appendSection(path, 'model_card', card, context('model-card'));
    await appendSection(path, 'registry', { registry: '.mlops/registry', name: 'm', version: 'v1', digest: `sha256:${'b'.repeat(64)}`, reference: 'x' }, context('register'));
    const record = await readRecord(path);
    expect(record?.schema_version).toBe(1);
    expect(record?.model_card?.path).toBe('MODEL_CARD.md');
    expect(record?.registry?.version).toBe('v1');
    expect(record?.history.map((entry) => entry.stage)).toEqual(['model-card', 'register']);
    // Written atomically: no temporary files left beside it.
    expect(await readdir(join(dir, 'out'))).toEqual(['mlops-run.json']);
  });

  it('keeps fields it does not know', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlops-record-'));
    const path = join(dir, 'mlops-run.json');
    await appendSection(path, 'model_card', card, context('model-card'));
    const raw = JSON.parse(await readFile(path, 'utf8'));
    raw.custom_team_field = { keep: true };
    raw.model_card.extra = 1;
    await writeFile(path, JSON.stringify(raw));
    await appendSection(path, 'model_card', card, context('model-card'));
    const again = JSON.parse(await readFile(path, 'utf8'));
    expect(again.custom_team_field).toEqual({ keep: true });
  });

  it('refuses a corrupt record and one from a newer schema, and leaves them untouched', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlops-record-'));
    const corrupt = join(dir, 'corrupt.json');
    await writeFile(corrupt, '{"schema_version": 1, "kind": "mlops-run",');
    await expect(appendSection(corrupt, 'model_card', card, context('model-card'))).rejects.toThrow(/not valid JSON/);
    expect(await readFile(corrupt, 'utf8')).toBe('{"schema_version": 1, "kind": "mlops-run",');

    const newer = join(dir, 'newer.json');
    await writeFile(newer, JSON.stringify({ schema_version: 2, kind: 'mlops-run' }));
    await expect(readRecord(newer)).rejects.toThrow(/schema_version 2, newer than/);

    const wrong = join(dir, 'wrong.json');
    await writeFile(wrong, JSON.stringify({ schema_version: 1, kind: 'mlops-run', created_at: 'x', updated_at: 'x', history: [], model_card: { path: 1 } }));
    await expect(readRecord(wrong)).rejects.toMatchObject({ where: { key: 'model_card.path' } });
  });
});
