// Threat: native engines trusted on a lockfile string. The engine directory in the tool cache
// (or restored from the Actions cache) was loaded whenever its .package-lock.json held the pinned
// integrity string, so a file planted there by a training command on a self-hosted runner ran
// with the next stage's tokens. Now every install is fresh, private to the step, and `npm ci`
// checks each package of the tree against integrities pinned in engine-lock.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installEngine } from '../../shared/engines/load.js';
import { ENGINES } from '../../shared/engines/versions.js';
import { ROOT } from '../support/run-action.js';

const saved = { ...process.env };
beforeEach(() => {
  // From npm's own cache on this machine (npm still checks each tarball's integrity): no network.
  process.env.npm_config_offline = 'true';
});
afterEach(() => {
  process.env = { ...saved };
});

function hostWith(env: Record<string, string>) {
  return {
    info: () => {},
    env: (name: string) => env[name],
    restoreCache: async () => {
      throw new Error('engines must not be restored from the Actions cache');
    },
    saveCache: async () => {
      throw new Error('engines must not be saved to the Actions cache');
    },
    group: <T>(_title: string, fn: () => Promise<T>) => fn(),
  };
}

describe('planted native engine', () => {
  it('a planted engine in the tool cache is never loaded: a fresh, integrity-checked install is', async () => {
    const toolCache = mkdtempSync(join(tmpdir(), 'mlops-toolcache-'));
    const runnerTemp = mkdtempSync(join(tmpdir(), 'mlops-runnertemp-'));
    const marker = join(toolCache, 'planted-code-ran');
    const { version, integrity } = ENGINES['onnxruntime-node'];
    // What the old loader accepted: the right integrity string in .package-lock.json, any code.
    const planted = join(toolCache, 'mlops-actions-engines', `onnxruntime-node@${version}-${process.platform}-${process.arch}`);
    mkdirSync(join(planted, 'node_modules', 'onnxruntime-node'), { recursive: true });
    writeFileSync(join(planted, 'node_modules', '.package-lock.json'), JSON.stringify({ packages: { 'node_modules/onnxruntime-node': { version, integrity } } }));
    writeFileSync(join(planted, 'node_modules', 'onnxruntime-node', 'package.json'), JSON.stringify({ name: 'onnxruntime-node', version, main: 'index.js' }));
    writeFileSync(join(planted, 'node_modules', 'onnxruntime-node', 'index.js'), `require('fs').writeFileSync(${JSON.stringify(marker)}, 'pwned')`);
    symlinkSync(join(homedir(), '.npm'), join(toolCache, 'mlops-actions-npm-cache'));

    const dir = await installEngine('onnxruntime-node', hostWith({ RUNNER_TOOL_CACHE: toolCache, RUNNER_TEMP: runnerTemp }));
    expect(dir.startsWith(runnerTemp)).toBe(true);
    const installed = JSON.parse(readFileSync(join(dir, 'node_modules', 'onnxruntime-node', 'package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(version);
    expect(existsSync(marker)).toBe(false);
  });

  it('fails with one clear error when the pinned packages cannot be had', async () => {
    const toolCache = mkdtempSync(join(tmpdir(), 'mlops-toolcache-')); // an empty npm cache, offline
    const error = await installEngine('@duckdb/node-api', hostWith({ RUNNER_TOOL_CACHE: toolCache, RUNNER_TEMP: toolCache })).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/could not install the @duckdb\/node-api engine/);
  });

  it('engine-lock.json pins exactly the trees package-lock.json installs', () => {
    expect(() => execFileSync(process.execPath, [join(ROOT, 'scripts', 'engine-lock.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
