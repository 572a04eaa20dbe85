// Threats: a layer titled `manifest.json` overwrites the pulled manifest while it is listed as
// verified; `registry pull` into a path below a file crashes; control characters in registry
// annotations reach the terminal as escape sequences.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Digest } from '../../shared/registry/digest.js';
import { layerFileName } from '../../shared/registry/pull.js';
import { terminalSafe } from '../../shared/registry/terminal-text.js';
import { runAction, runCli } from '../support/run-action.js';
import { MODEL, makeWorkspace } from '../register/workspace.js';

const digest = `sha256:${'d'.repeat(64)}` as Digest;

/** Adds a version `churn:evil` whose manifest is the registered one with `edit` applied. */
function craftVersion(cwd: string, edit: (manifest: any) => void): void {
  const root = join(cwd, '.mlops/registry');
  const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
  const entry = index.manifests[0];
  const manifest = JSON.parse(readFileSync(join(root, 'blobs/sha256', entry.digest.slice(7)), 'utf8'));
  edit(manifest);
  const bytes = Buffer.from(JSON.stringify(manifest));
  const hex = createHash('sha256').update(bytes).digest('hex');
  writeFileSync(join(root, 'blobs/sha256', hex), bytes);
  index.manifests.push({ ...entry, digest: `sha256:${hex}`, size: bytes.length, annotations: { 'org.opencontainers.image.ref.name': 'churn:evil' } });
  writeFileSync(join(root, 'index.json'), JSON.stringify(index));
}

describe('registry pull against hostile versions', () => {
  it('a layer titled manifest.json cannot overwrite the pulled manifest', async () => {
    expect(layerFileName('manifest.json', digest, new Set())).toBe('d'.repeat(64));
    expect(layerFileName('MANIFEST.JSON', digest, new Set())).toBe('d'.repeat(64));
    expect(layerFileName('Model.onnx', digest, new Set(['model.onnx']))).toBe(`${'d'.repeat(12)}-Model.onnx`);

    const { cwd } = makeWorkspace({ name: 'churn' });
    expect((await runAction('register', { cwd, inputs: { model: MODEL } })).code).toBe(0);
    craftVersion(cwd, (manifest) => {
      manifest.layers[1].annotations['org.opencontainers.image.title'] = 'manifest.json';
    });
    const pulled = await runCli(['registry', 'pull', '.mlops/registry:churn:evil', 'out'], { cwd });
    expect(pulled.code, pulled.stderr).toBe(0);
    const written = JSON.parse(readFileSync(join(cwd, 'out/manifest.json'), 'utf8'));
    expect(written.schemaVersion).toBe(2);
    expect(written.layers[1].annotations['org.opencontainers.image.title']).toBe('manifest.json');
    const layerHex = written.layers[1].digest.slice(7);
    expect(createHash('sha256').update(readFileSync(join(cwd, 'out', layerHex))).digest('hex')).toBe(layerHex);
  });

  it('pulling into a path below a file is one clear error', async () => {
    const { cwd } = makeWorkspace({ name: 'churn' });
    expect((await runAction('register', { cwd, inputs: { model: MODEL } })).code).toBe(0);
    writeFileSync(join(cwd, 'a-file'), 'x');
    const pulled = await runCli(['registry', 'pull', '.mlops/registry:churn:v1', 'a-file/below'], { cwd });
    expect(pulled.code).toBe(1);
    expect(pulled.stderr).toMatch(/cannot pull into a-file\/below: it, or a folder above it, is a file/);
    expect(pulled.stderr).not.toMatch(/unexpected|ENOTDIR/);
  });

  it('annotations with escape sequences are printed escaped by registry show and list', async () => {
    expect(terminalSafe('ok\u001b]0;pwned\u0007\r\u2028\u202e')).toBe('ok\\u{1b}]0;pwned\\u{7}\\u{d}\\u{2028}\\u{202e}');
    const { cwd } = makeWorkspace({ name: 'churn' });
    expect((await runAction('register', { cwd, inputs: { model: MODEL } })).code).toBe(0);
    craftVersion(cwd, (manifest) => {
      manifest.annotations['org.opencontainers.image.description'] = 'nice\u001b[2J\u001b]0;owned\u0007';
      manifest.annotations['io.mlops-actions.gate.verdict'] = 'pass\u009b1A';
      manifest.annotations['org.opencontainers.image.authors'] = 'pass\u001b[1A\u001b[2K';
      manifest.layers[0].annotations['org.opencontainers.image.title'] = 'model\u001b[31m.onnx';
    });
    const shown = await runCli(['registry', 'show', '.mlops/registry:churn:evil'], { cwd });
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).not.toMatch(/\u001b|\u0007/);
    expect(shown.stdout).toContain('nice\\u{1b}[2J\\u{1b}]0;owned\\u{7}');
    expect(shown.stdout).toContain('pass\\u{1b}[1A\\u{1b}[2K');
    const listed = await runCli(['registry', 'list', '.mlops/registry'], { cwd });
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).not.toMatch(/[\u001b\u009b]/);
    expect(listed.stdout).toContain('pass\\u{9b}1A');
    // --json: still JSON, still the same values, no raw control characters (C1 CSI included).
    const json = await runCli(['registry', 'show', '.mlops/registry:churn:evil', '--json'], { cwd });
    expect(json.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
    expect(JSON.parse(json.stdout).annotations['io.mlops-actions.gate.verdict']).toBe('pass\u009b1A');
    // Pretty-printed JSON (registry list, mlops lineage) keeps its line breaks and stays JSON.
    const listedJson = await runCli(['registry', 'list', '.mlops/registry', '--json'], { cwd });
    expect(listedJson.code, listedJson.stderr).toBe(0);
    expect(listedJson.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
    expect(listedJson.stdout).toContain('pass\\u009b1A');
    expect(() => JSON.parse(listedJson.stdout)).not.toThrow();
  });
});
