/**
 * Every entry follows the actions/typescript-action convention (index.ts calls run() from
 * main.ts), and GitHub's own local runner, @github/local-action, runs a stage from its sources
 * with its stubbed toolkit: inputs from a .env file, outputs printed in its table.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../shared/stage/action-metadata.js';
import { ROOT } from '../support/run-action.js';

describe('action entries', () => {
  it.each([...STAGES, 'umbrella'])('%s: index.ts only calls run() from main.ts, which main.ts exports', async (stage) => {
    const dir = stage === 'umbrella' ? join(ROOT, 'actions') : join(ROOT, 'actions', stage);
    const index = readFileSync(join(dir, 'index.ts'), 'utf8');
    expect(index).toMatch(/^import \{ run \} from '\.\/main\.js';$/m);
    expect(index.replace(/\/\*\*[\s\S]*?\*\/\n/, '').trim()).toBe("import { run } from './main.js';\n\nawait run();");
    const main = (await import(join(dir, 'main.ts'))) as { run?: unknown };
    expect(typeof main.run).toBe('function');
  });

  it('@github/local-action runs data-validate on the example from main.ts', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'mlops-local-action-'));
    cpSync(join(ROOT, 'examples', 'breast-cancer'), join(scratch, 'ws'), { recursive: true });
    const summary = join(scratch, 'summary.md');
    writeFileSync(summary, '');
    const env = join(scratch, '.env');
    writeFileSync(
      env,
      [
        `INPUT_DATA=${join(scratch, 'ws', 'data', 'train.csv')}`,
        `INPUT_CONFIG=${join(scratch, 'ws', 'mlops.yml')}`,
        `INPUT_OUT-DIR=${join(scratch, 'out')}`,
        `INPUT_RECORD=${join(scratch, 'out', 'mlops-run.json')}`,
        'INPUT_FAIL-ON=error',
        'INPUT_COMMENT=false',
        `GITHUB_STEP_SUMMARY=${summary}`,
        // local-action runs in this repository (it finds the toolkit to stub with `npm ls` here);
        // the example's files are in a scratch directory outside it.
        'MLOPS_ALLOW_OUTSIDE_WORKSPACE=true',
        '',
      ].join('\n'),
    );
    const bin = join(ROOT, 'node_modules', '@github', 'local-action', 'bin', 'local-action.js');
    const result = spawnSync(process.execPath, [bin, 'run', 'actions/data-validate', 'main.ts', env], {
      cwd: ROOT,
      encoding: 'utf8',
      // Where node_modules is a symlink (a shared install), Node would resolve @actions/core to its
      // real path and miss local-action's stub of it; keeping symlinks makes both paths agree.
      env: { ...process.env, NODE_OPTIONS: '--preserve-symlinks', GITHUB_OUTPUT: '', GITHUB_STEP_SUMMARY: '' },
      timeout: 180_000,
    });
    const log = `${result.stdout}\n${result.stderr}`;
    expect(result.status, log).toBe(0);
    // Outputs reached local-action's stubbed @actions/core (its table), not a runner file.
    const outputs = log.slice(log.indexOf('Action Outputs'));
    expect(outputs).toMatch(/│ 'rows'\s+│ '398'\s+│/);
    expect(outputs).toMatch(/│ 'valid'\s+│ 'true'\s+│/);
    expect(existsSync(join(scratch, 'out', 'profile.json'))).toBe(true);
    expect(readFileSync(summary, 'utf8')).toContain('Data validation');
  });
});
