import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../shared/config/load.js';
import { parseConfig } from '../../shared/config/parse.js';
import { UserError } from '../../shared/errors/user-error.js';

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('mlops.yml', () => {
  it('reads a valid file', () => {
    const config = parseConfig('model: { name: churn, task: classification, label: churned }\nmodel_card:\n  owners: [ml-platform]\n', 'mlops.yml');
    expect(config.model).toEqual({ name: 'churn', task: 'classification', label: 'churned' });
    expect(config.model_card?.owners).toEqual(['ml-platform']);
  });

  it('names the line, column and key path of an unknown key and suggests the near miss', () => {
    const error = errorOf(() => parseConfig('model:\n  name: churn\nmodel_card:\n  owners: [a]\n  intended_uses: x\n', 'mlops.yml'));
    expect(error.where).toMatchObject({ file: 'mlops.yml', line: 5, column: 3, key: 'model_card.intended_uses' });
    expect(error.format()).toBe('mlops.yml:5:3 (model_card.intended_uses): unknown key "intended_uses". Did you mean "intended_use"?');
  });

  it('lists the known keys when nothing is close', () => {
    const error = errorOf(() => parseConfig('zzz: 1\n', 'mlops.yml'));
    expect(error.where.line).toBe(1);
    expect(error.hint).toContain('model_card');
  });

  it('names the key and line of a wrong type', () => {
    const error = errorOf(() => parseConfig('model:\n  name: churn\n  task: clustering\n', 'cfg.yml'));
    expect(error.where).toMatchObject({ file: 'cfg.yml', line: 3, key: 'model.task' });
    expect(error.message).toMatch(/classification|regression/);
  });

  it('reports malformed YAML with its position', () => {
    const error = errorOf(() => parseConfig('model:\n  name: [unclosed\n', 'mlops.yml'));
    expect(error.message).toMatch(/invalid YAML/);
    expect(error.where.line).toBeGreaterThanOrEqual(2);
  });

  it('refuses duplicate keys', () => {
    expect(() => parseConfig('model: { name: a }\nmodel: { name: b }\n', 'mlops.yml')).toThrow(/invalid YAML/);
  });

  it('treats a missing default file as an empty config, and a missing explicit file as an error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlops-config-'));
    await expect(loadConfig(dir, 'mlops.yml')).resolves.toEqual({ config: {} });
    await expect(loadConfig(dir, 'other.yml')).rejects.toThrow(/config file not found/);
    await writeFile(join(dir, 'other.yml'), 'model: { name: ok }\n');
    await expect(loadConfig(dir, 'other.yml')).resolves.toMatchObject({ config: { model: { name: 'ok' } } });
  });
});
