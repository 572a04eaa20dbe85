// register into the default local registry: an OCI image layout directory.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skopeo } from '../support/oci-registry.js';
import { runAction, runCli } from '../support/run-action.js';
import { bigOnnxModel, MODEL, makeWorkspace, sha256 } from './workspace.js';

const index = (cwd: string) => JSON.parse(readFileSync(join(cwd, '.mlops/registry/index.json'), 'utf8')) as { manifests: Array<{ digest: string; annotations: Record<string, string> }> };
const refNames = (cwd: string) => index(cwd).manifests.map((m) => m.annotations['org.opencontainers.image.ref.name']).sort();

describe('register into a layout directory', () => {
  it('gives five concurrent registrations five distinct versions, none lost', async () => {
    const { cwd } = makeWorkspace({ name: 'churn', gate: 'none' });
    // Five different models, registered by five processes at once.
    for (let i = 0; i < 5; i++) {
      writeFileSync(join(cwd, `mlops-out/model-${i}.onnx`), bigOnnxModel(4096));
      writeFileSync(join(cwd, `mlops-out/record-${i}.json`), readFileSync(join(cwd, 'mlops-out/mlops-run.json')));
    }
    const results = await Promise.all(
      [0, 1, 2, 3, 4].map((i) => runAction('register', { cwd, inputs: { model: `mlops-out/model-${i}.onnx`, 'require-gate': 'false', record: `mlops-out/record-${i}.json` } })),
    );
    for (const result of results) expect(result.code, result.stdout).toBe(0);
    const versions = results.map((r) => r.outputs.version).sort();
    expect(versions).toEqual(['v1', 'v2', 'v3', 'v4', 'v5']);
    expect(new Set(results.map((r) => r.outputs.digest)).size).toBe(5);
    expect(refNames(cwd)).toEqual(['churn:v1', 'churn:v2', 'churn:v3', 'churn:v4', 'churn:v5']);
    // Each version's index entry points at the manifest that process registered, and skopeo reads it.
    for (const result of results) {
      const raw = skopeo(['inspect', '--raw', `oci:${join(cwd, '.mlops/registry')}:churn:${result.outputs.version}`]);
      expect(JSON.parse(raw).annotations['org.opencontainers.image.version']).toBe(result.outputs.version);
      expect(index(cwd).manifests.find((m) => m.annotations['org.opencontainers.image.ref.name'] === `churn:${result.outputs.version}`)!.digest).toBe(result.outputs.digest);
    }
    expect(existsSync(join(cwd, '.mlops/registry/.mlops-lock'))).toBe(false);
  });

  it('moves aliases, keeps versions immutable, and lists them', async () => {
    const { cwd } = makeWorkspace({ name: 'churn' });
    const first = await runAction('register', { cwd, inputs: { model: MODEL, aliases: 'candidate,staging' } });
    expect(first.code, first.stdout).toBe(0);
    const other = makeWorkspace({ name: 'churn', model: bigOnnxModel(512), gate: 'fail' });
    writeFileSync(join(cwd, 'mlops-out/second.onnx'), readFileSync(join(other.cwd, MODEL)));
    const second = await runAction('register', { cwd, inputs: { model: 'mlops-out/second.onnx', aliases: 'candidate', 'force-reason': 'testing aliases' } });
    expect(second.code, second.stdout).toBe(0);
    expect(second.outputs.version).toBe('v2');
    const digestOf = (name: string) => index(cwd).manifests.find((m) => m.annotations['org.opencontainers.image.ref.name'] === name)!.digest;
    expect(digestOf('churn:candidate')).toBe(second.outputs.digest);
    expect(digestOf('churn:staging')).toBe(first.outputs.digest);
    expect(digestOf('churn:v1')).toBe(first.outputs.digest);

    const again = await runAction('register', { cwd, inputs: { model: 'mlops-out/second.onnx', version: 'v1', 'force-reason': 'x' } });
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/churn:v1 already exists/);
    expect(digestOf('churn:v1')).toBe(first.outputs.digest);
    const latest = await runAction('register', { cwd, inputs: { model: MODEL, aliases: 'latest' } });
    expect(latest.stdout).toMatch(/"latest" is reserved/);

    const list = await runCli(['registry', 'list', '.mlops/registry'], { cwd });
    expect(list.code, list.stderr).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^MODEL\s+VERSION\s+ALIASES\s+DIGEST\s+GATE\s+METRICS/);
    expect(lines[1]).toMatch(/^churn\s+v1\s+staging\s+sha256:\S+\s+pass\s+accuracy=0\.953 roc_auc=0\.991/);
    // The record's gate evaluated the first model, not this one: no verdict, no metrics for it.
    expect(lines[2]).toMatch(/^churn\s+v2\s+candidate\s+sha256:\S+\s+none \(forced\)\s+-\s/);
    const show = await runCli(['registry', 'show', '.mlops/registry:latest'], { cwd });
    expect(show.stdout).toContain(`.mlops/registry:churn:v2@${second.outputs.digest}`);
    expect(show.stdout).toContain('io.mlops-actions.force-reason: testing aliases');
  });

  it('refuses pickles and other non-ONNX files by their bytes', async () => {
    const { cwd } = makeWorkspace({ name: 'churn' });
    const cases: Array<[string, Buffer, RegExp]> = [
      ['model.pkl', Buffer.from([0x80, 0x04, 0x95, 0x10, 0, 0, 0, 0, 0, 0, 0, 0x8c]), /Python pickle/],
      ['model.pt', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(40)]), /zip archive/],
      ['model.onnx.txt', Buffer.from('this is not a model\n'), /not a protobuf ModelProto|no ONNX ir_version|no graph/],
      ['empty.onnx', Buffer.alloc(0), /the file is empty/],
      ['model.safetensors', Buffer.concat([Buffer.from([20, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('{"w":{"dtype":"F32"}}')]), /safetensors/],
      ['model.h5', Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), /HDF5/],
    ];
    for (const [file, bytes, message] of cases) {
      writeFileSync(join(cwd, file), bytes);
      const result = await runAction('register', { cwd, inputs: { model: file, 'require-gate': 'false' } });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/the model is not ONNX/);
      expect(result.stdout).toMatch(message);
    }
    expect(existsSync(join(cwd, '.mlops/registry/index.json'))).toBe(false);
  });

  it('breaks a lock left by a process that died, but waits for a live one', async () => {
    const { cwd } = makeWorkspace({ name: 'churn' });
    const first = await runAction('register', { cwd, inputs: { model: MODEL } });
    expect(first.code).toBe(0);
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    writeFileSync(join(cwd, '.mlops/registry/.mlops-lock'), JSON.stringify({ pid: dead, host: hostname(), at: '2026-01-01T00:00:00Z' }));
    writeFileSync(join(cwd, 'mlops-out/other.onnx'), bigOnnxModel(256));
    const second = await runAction('register', { cwd, inputs: { model: 'mlops-out/other.onnx', 'force-reason': 'lock test' } });
    expect(second.code, second.stdout).toBe(0);
    expect(second.outputs.version).toBe('v2');

    // A lock held by a live process (this one): the registration waits until it is released.
    const lockFile = join(cwd, '.mlops/registry/.mlops-lock');
    writeFileSync(lockFile, JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() }));
    const third = makeWorkspace({ model: bigOnnxModel(256) });
    writeFileSync(join(cwd, 'mlops-out/third.onnx'), readFileSync(join(third.cwd, MODEL)));
    const blob = join(cwd, '.mlops/registry/blobs/sha256', sha256(join(cwd, 'mlops-out/third.onnx')));
    const waiting = runAction('register', { cwd, inputs: { model: 'mlops-out/third.onnx', 'force-reason': 'lock test' } });
    let settled = false;
    void waiting.then(() => (settled = true));
    // Its blobs are written before it takes the lock; once they are there, it is at the lock.
    while (!existsSync(blob)) await sleep(20);
    await sleep(300);
    expect(settled).toBe(false);
    expect(refNames(cwd)).toEqual(['churn:v1', 'churn:v2']);
    rmSync(lockFile);
    const result = await waiting;
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs.version).toBe('v3');
  });
});
