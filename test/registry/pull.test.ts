// `mlops registry pull` verifies every digest; resolveModelReference fetches a version's model.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveModelReference } from '../../shared/registry/resolve.js';
import { createRecordingHost } from '../support/recording-host.js';
import { startRegistry, type TestRegistry } from '../support/oci-registry.js';
import { runAction, runCli } from '../support/run-action.js';
import { bigOnnxModel, MODEL, makeWorkspace, sha256 } from '../register/workspace.js';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await startRegistry();
});
afterAll(async () => {
  await registry?.stop();
});

const hashOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('mlops registry pull', () => {
  it('pulls every layer of a local version, verified, and rejects a tampered blob', async () => {
    const { cwd, modelSha } = makeWorkspace({ name: 'churn', profile: true });
    const registered = await runAction('register', { cwd, inputs: { model: MODEL, aliases: 'prod' } });
    expect(registered.code, registered.stdout).toBe(0);

    const pulled = await runCli(['registry', 'pull', '.mlops/registry:prod', 'pulled'], { cwd });
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(pulled.stdout).toContain(`pulled .mlops/registry:churn:prod@${registered.outputs.digest}`);
    expect(hashOf(join(cwd, 'pulled/model.onnx'))).toBe(modelSha);
    expect(readFileSync(join(cwd, 'pulled/MODEL_CARD.md'), 'utf8')).toBe(readFileSync(join(cwd, 'mlops-out/MODEL_CARD.md'), 'utf8'));
    expect(existsSync(join(cwd, 'pulled/mlops-run.json'))).toBe(true);
    expect(existsSync(join(cwd, 'pulled/data-profile.json'))).toBe(true);

    // Flip one byte of the model blob: pull fails and writes no model file.
    const blob = join(cwd, '.mlops/registry/blobs/sha256', modelSha);
    const bytes = readFileSync(blob);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    writeFileSync(blob, bytes);
    const tampered = await runCli(['registry', 'pull', '.mlops/registry:churn:v1', 'again'], { cwd });
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/does not match its digest: expected sha256:[0-9a-f]{64}, got sha256:[0-9a-f]{64}/);
    expect(existsSync(join(cwd, 'again/model.onnx'))).toBe(false);
  });

  it('pulls from a remote registry and rejects a blob altered in the registry\'s storage', async () => {
    const { cwd, modelSha } = makeWorkspace({ name: 'remote-pull' });
    const registered = await runAction('register', { cwd, inputs: { model: MODEL, registry: `oci://${registry.host}/ml`, insecure: 'true' } });
    expect(registered.code, registered.stdout).toBe(0);
    const ref = `oci://${registry.host}/ml/remote-pull:v1`;
    const pulled = await runCli(['registry', 'pull', ref, 'out', '--insecure'], { cwd });
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(hashOf(join(cwd, 'out/model.onnx'))).toBe(modelSha);

    const list = await runCli(['registry', 'list', `oci://${registry.host}/ml/remote-pull`, '--insecure'], { cwd });
    expect(list.stdout).toMatch(/remote-pull\s+v1\s+-\s+sha256:/);

    const data = registry.blobDataPath(modelSha);
    const bytes = readFileSync(data);
    bytes.writeUInt8(bytes.readUInt8(0) ^ 0x01, 0);
    writeFileSync(data, bytes);
    const tampered = await runCli(['registry', 'pull', ref, 'out2', '--insecure'], { cwd });
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/does not match its digest/);
    expect(existsSync(join(cwd, 'out2/model.onnx'))).toBe(false);
  });
});

describe('resolveModelReference', () => {
  it('fetches the model of a local or remote version into a temporary file', async () => {
    // Its own model: the earlier test corrupted the trained model's blob in the registry's storage.
    const { cwd, modelSha } = makeWorkspace({ name: 'resolved', model: bigOnnxModel(1000) });
    const local = await runAction('register', { cwd, inputs: { model: MODEL, aliases: 'prod' } });
    const remote = await runAction('register', { cwd, inputs: { model: MODEL, registry: `oci://${registry.host}/ml`, insecure: 'true', aliases: 'prod' } });
    expect(remote.code, remote.stdout).toBe(0);
    const host = createRecordingHost({ cwd });

    for (const ref of ['.mlops/registry:v1', '.mlops/registry:prod', '.mlops/registry:resolved:latest', `.mlops/registry@${local.outputs.digest}`]) {
      const model = await resolveModelReference(cwd, ref, host);
      expect(model.digest).toBe(local.outputs.digest);
      expect(model.modelSha256).toBe(modelSha);
      expect(sha256(model.path)).toBe(modelSha);
      expect(model.ref).toMatch(/^\.mlops\/registry:resolved[:@]/);
    }
    const fromRemote = await resolveModelReference(cwd, `oci://${registry.host}/ml/resolved:prod`, host, undefined, { insecure: true });
    expect(fromRemote.digest).toBe(remote.outputs.digest);
    expect(fromRemote.ref).toBe(`${registry.host}/ml/resolved:prod@${remote.outputs.digest}`);
    expect(sha256(fromRemote.path)).toBe(modelSha);

    await expect(resolveModelReference(cwd, '.mlops/registry:v9', host)).rejects.toThrow(/no model in \.mlops\/registry has the tag "v9"/);
    await expect(resolveModelReference(cwd, '.mlops/registry:resolved:v9', host)).rejects.toThrow(/has no version "v9"/);
    await expect(resolveModelReference(cwd, 'nowhere:v1', host)).rejects.toThrow(/no OCI image layout at nowhere/);
    await expect(resolveModelReference(cwd, `oci://${registry.host}/ml/resolved:prod@sha256:${'0'.repeat(64)}`, host, undefined, { insecure: true })).rejects.toThrow(/has no version "sha256:0000/);
  });
});
