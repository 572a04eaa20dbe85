// Threat: a pull request commits symlinks — a data file pointing at .git/config (whose remote URL
// may hold a token: it was profiled and shown in the report) or at a file outside the workspace,
// and an `mlops-out` pointing outside (the stage wrote there). Real paths are checked; both are
// refused unless MLOPS_ALLOW_OUTSIDE_WORKSPACE=true. Through the bundled data-validate action.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../support/run-action.js';

const SECRET = 'ghp_SECRETSECRETSECRET0123456789';

function setup() {
  const root = mkdtempSync(join(tmpdir(), 'mlops-escape-'));
  const workspace = join(root, 'workspace');
  const outside = join(root, 'outside');
  mkdirSync(join(workspace, '.git'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(workspace, '.git', 'config'), `[remote "origin"]\n\turl = https://x-access-token:${SECRET}@github.com/o/r\n`);
  writeFileSync(join(outside, 'private.csv'), `key,value\ntoken,${SECRET}\n`);
  writeFileSync(join(workspace, 'good.csv'), 'a,b\n1,2\n3,4\n');
  return { workspace, outside };
}

const validate = (workspace: string, data: string, env: Record<string, string> = {}) => runAction('data-validate', { cwd: workspace, inputs: { data, comment: 'false' }, env });

describe('symlinks and paths out of the workspace', () => {
  it('a data symlink into .git is refused and nothing of the file is shown', async () => {
    const { workspace } = setup();
    symlinkSync(join(workspace, '.git', 'config'), join(workspace, 'data.csv'));
    const result = await validate(workspace, 'data.csv');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("resolves into the repository's .git directory");
    expect(result.stdout + result.summary).not.toContain(SECRET);
  });

  it('a data symlink out of the workspace is refused, unless allowed explicitly', async () => {
    const { workspace, outside } = setup();
    symlinkSync(join(outside, 'private.csv'), join(workspace, 'data.csv'));
    const refused = await validate(workspace, 'data.csv');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('resolves outside the workspace');
    expect(refused.stdout + refused.summary).not.toContain(SECRET);
    expect((await validate(workspace, 'data.csv', { MLOPS_ALLOW_OUTSIDE_WORKSPACE: 'true' })).code).toBe(0);
  });

  it('an mlops-out symlink out of the workspace is refused and nothing is written there', async () => {
    const { workspace, outside } = setup();
    symlinkSync(outside, join(workspace, 'mlops-out'));
    const result = await validate(workspace, 'good.csv');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/the output directory `mlops-out` resolves outside the workspace/);
    expect(readdirSync(outside)).toEqual(['private.csv']);
    expect(existsSync(join(outside, 'data-validate'))).toBe(false);
  });

  it('ordinary paths inside the workspace still work', async () => {
    const { workspace } = setup();
    expect((await validate(workspace, 'good.csv')).code).toBe(0);
  });
});
