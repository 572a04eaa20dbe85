import { describe, expect, it } from 'vitest';
import { deployWorkspace } from '../deploy/workspace.js';
import { runCli } from '../support/run-action.js';

describe('mlops lineage', () => {
  it('prints digest → run record → data fingerprint → commit of a registered version', async () => {
    const ws = deployWorkspace();
    const registered = await ws.register('stable.onnx');
    const result = await runCli(['lineage', `.mlops/registry:${registered.version}`], { cwd: ws.cwd });
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe(`.mlops/registry:churn:${registered.version}@${registered.digest}`);
    expect(result.stdout).toContain(`  digest          ${registered.digest}`);
    expect(result.stdout).toMatch(/ {2}run record {6}sha256:[0-9a-f]{64} \(stages: —\)/);
    expect(result.stdout).toContain(`  data            sha256:${'cd'.repeat(32)} (398 rows)`);
    expect(result.stdout).toContain('  gate            pass');
    expect(result.stdout).toContain('  commit          0123456789abcdef0123456789abcdef01234567 in https://github.com/octo-org/ml-repo');
    expect(result.stdout).toContain('  record ↔ model  the record names this model file');

    const json = JSON.parse((await runCli(['lineage', `.mlops/registry:${registered.version}`, '--json'], { cwd: ws.cwd })).stdout);
    expect(json).toMatchObject({ name: 'churn', version: registered.version, digest: registered.digest, gate: { verdict: 'pass' } });
  }, 120_000);

  it('a reference that does not exist is one clear error', async () => {
    const ws = deployWorkspace();
    await ws.register('stable.onnx');
    const result = await runCli(['lineage', '.mlops/registry:prod'], { cwd: ws.cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/prod/);
  }, 120_000);
});
