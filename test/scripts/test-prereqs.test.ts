/** `npm test` (scripts/test-prereqs.mjs) installs every Debian package CI (.ci/run) installs, so the two run the same tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-action.js';

describe('test prerequisites', () => {
  it('every package .ci/run installs is one scripts/test-prereqs.mjs installs', () => {
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    const prereqs = readFileSync(join(ROOT, 'scripts', 'test-prereqs.mjs'), 'utf8');
    const installedByCi = [...ci.matchAll(/need\+=\(([^)]*)\)/g)].flatMap((m) => m[1]!.trim().split(/\s+/));
    expect(installedByCi).toEqual(expect.arrayContaining(['docker-registry', 'skopeo', 'apache2-utils', 'openssl', 'python3-torch', 'python3-onnx']));
    const quoted = new Set([...prereqs.matchAll(/'([a-z0-9][a-z0-9.+-]*)'/g)].map((m) => m[1]!));
    expect(installedByCi.filter((pkg) => !quoted.has(pkg))).toEqual([]);
  });

  it('npm test runs the prerequisites first', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts.test).toMatch(/^node scripts\/test-prereqs\.mjs && vitest run/);
  });
});
