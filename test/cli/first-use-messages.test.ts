/** Messages a new user meets first: each says what is wrong and what to do, in the user's terms. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/parse.js';
import { ROOT, runCli } from '../support/run-action.js';

const TRAIN = join(ROOT, 'examples', 'breast-cancer', 'data', 'train.csv');

function project(): string {
  const cwd = mkdtempSync(join(tmpdir(), 'mlops-first-use-'));
  copyFileSync(TRAIN, join(cwd, 'train.csv'));
  return cwd;
}

describe('first-use messages', () => {
  it('a YAML merge key is named as unsupported, with its line, wherever it is (even where any key is a column name)', () => {
    const text = ['model: { name: m, task: classification, label: malignant }', 'base: &base { type: number }', 'data:', '  columns:', '    <<: *base', ''].join('\n');
    expect(() => parseConfig(text, 'mlops.yml')).toThrow(/^YAML merge keys \(`<<: \*anchor`\) are not supported in mlops\.yml$/);
    try {
      parseConfig(text, 'mlops.yml');
    } catch (error) {
      expect((error as { format(): string }).format()).toMatch(/^mlops\.yml:5:5: YAML merge keys .*an alias of a whole value \(`key: \*anchor`\) does work\.$/);
    }
  });

  it('without mlops.yml, data-validate says there is no mlops.yml, not that it lacks a data: section', async () => {
    const cwd = project();
    const result = await runCli(['data-validate', '--data', 'train.csv'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning: no mlops.yml (so no data contract): only profiling and skew checks run');
    expect(result.stderr).not.toContain('no data: section');
    writeFileSync(join(cwd, 'mlops.yml'), 'model: { name: m, task: classification, label: malignant }\n');
    const withFile = await runCli(['data-validate', '--data', 'train.csv'], { cwd });
    expect(withFile.stderr).toContain('warning: no data: section in mlops.yml');
  });

  it('a gzip-compressed file named .csv is told to be named .csv.gz, and reads under that name', async () => {
    const cwd = project();
    writeFileSync(join(cwd, 'data.csv'), gzipSync(readFileSync(TRAIN)));
    const wrong = await runCli(['data-validate', '--data', 'data.csv'], { cwd });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Rename it to data.csv.gz');
    writeFileSync(join(cwd, 'data.csv.gz'), gzipSync(readFileSync(TRAIN)));
    const renamed = await runCli(['data-validate', '--data', 'data.csv.gz'], { cwd });
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(renamed.stdout).toContain('rows: 398');
  });
});
