// The engines load with require() (≈ 0.1 s sooner than import(), which lexes every module of a
// CommonJS package for its named exports), from the folder import() would resolve: node_modules in
// the code's folder or above it, never NODE_PATH or $HOME/.node_modules, where a training command on
// a self-hosted runner could plant a package that require() alone would load.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { workspacePackage } from '../../shared/engines/load.js';

const root = mkdtempSync(join(tmpdir(), 'mlops-engine-path-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function plant(folder: string, name: string): string {
  const packageFolder = join(folder, 'node_modules', name);
  mkdirSync(packageFolder, { recursive: true });
  writeFileSync(join(packageFolder, 'package.json'), JSON.stringify({ name, main: 'index.js' }));
  return packageFolder;
}

describe('the engine package folder', () => {
  it('is the nearest node_modules/<name> in the code’s folder or above it', () => {
    const outer = plant(root, '@scope/engine');
    const code = join(root, 'app', 'dist', 'chunks');
    mkdirSync(code, { recursive: true });
    expect(workspacePackage('@scope/engine', code)).toBe(outer);
    const inner = plant(join(root, 'app'), '@scope/engine');
    expect(workspacePackage('@scope/engine', code)).toBe(inner);
  });

  it('is never taken from NODE_PATH or the home folder’s node_modules', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'mlops-engine-elsewhere-'));
    plant(elsewhere, 'planted-engine');
    const saved = process.env.NODE_PATH;
    process.env.NODE_PATH = join(elsewhere, 'node_modules');
    try {
      expect(workspacePackage('planted-engine', join(root, 'app'))).toBeUndefined();
    } finally {
      process.env.NODE_PATH = saved;
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
