import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../shared/engines/versions.js';
import { loadEngine } from '../../shared/engines/load.js';
import { ROOT } from '../support/run-action.js';

describe('native engines', () => {
  it('are pinned to exactly what package-lock.json installs', async () => {
    const lock = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string; integrity: string }> };
    for (const [name, pin] of Object.entries(ENGINES)) {
      expect(lock.packages[`node_modules/${name}`], name).toMatchObject({ version: pin.version, integrity: pin.integrity });
    }
  });

  it('load from the workspace when installed, once per process', async () => {
    const host = {
      info: () => {},
      env: () => undefined,
      restoreCache: async () => undefined,
      saveCache: async () => {},
      group: <T>(_title: string, fn: () => Promise<T>) => fn(),
    };
    const ort = await loadEngine<{ InferenceSession: unknown }>('onnxruntime-node', host);
    expect(ort.InferenceSession).toBeDefined();
    expect(await loadEngine('onnxruntime-node', host)).toBe(ort);
  });
});
