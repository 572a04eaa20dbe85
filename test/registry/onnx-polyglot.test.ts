// Threat: a pickle/ONNX (or zip/ONNX) polyglot passes the protobuf walk, and pickle.load or
// torch.load on the same file runs code. Fixtures: test/fixtures/models/hostile/generate.py
// (which checks that pickle.load really executes them and onnx.load really accepts them).
import { closeSync, mkdtempSync, openSync, readFileSync, writeSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../shared/errors/user-error.js';
import { openModel } from '../../shared/onnx/model.js';
import { assertOnnxModel } from '../../shared/registry/onnx-check.js';
import { createRecordingHost } from '../support/recording-host.js';

const HOSTILE = new URL('../fixtures/models/hostile/', import.meta.url).pathname;
const MODELS = new URL('../fixtures/models/', import.meta.url).pathname;

async function refusal(path: string): Promise<string> {
  const error = await assertOnnxModel(path, 'model.onnx').then(() => undefined, (e: unknown) => e);
  expect(isUserError(error), `accepted ${path}`).toBe(true);
  return (error as Error).message;
}

describe('polyglot model files', () => {
  it('a pickle/ONNX polyglot (PROTO 1, hidden in unknown fields) is refused by its first bytes', async () => {
    expect(await refusal(join(HOSTILE, 'polyglot_pickle.onnx'))).toMatch(/pickle/);
  });

  it('a pickle opcode stream without a PROTO marker is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polyglot-'));
    const file = join(dir, 'model.onnx');
    // Protocol 0: cbuiltins\nlen\n(S'abc'\ntR.  followed by a genuine model.
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, Buffer.concat([Buffer.from("cbuiltins\nlen\n(S'abc'\ntR.", 'latin1'), readFileSync(join(MODELS, 'binary_proba2.onnx'))]));
    expect(await refusal(file)).toMatch(/pickle/);
  });

  it('a zip appended to a ModelProto (found by zipfile and torch.load at the end) is refused', async () => {
    expect(await refusal(join(HOSTILE, 'polyglot_zip.onnx'))).toMatch(/ends with a zip archive/);
  });

  it('a ModelProto with an unknown top-level field carrying bytes is refused', async () => {
    expect(await refusal(join(HOSTILE, 'unknown_bytes_field.onnx'))).toMatch(/carries bytes in field 12/);
  });

  it('genuine models still pass', async () => {
    for (const name of ['binary_proba2.onnx', 'label_proba.onnx', 'zipmap.onnx', 'regressor.onnx', 'gate/good.onnx']) {
      await expect(assertOnnxModel(join(MODELS, name), name)).resolves.toMatchObject({ irVersion: expect.any(Number) });
    }
    // As PyTorch's exporter writes it (generate.py).
    await expect(assertOnnxModel(join(HOSTILE, 'torch_export.onnx'), 'torch_export.onnx')).resolves.toMatchObject({ irVersion: expect.any(Number) });
    const model = await openModel(join(HOSTILE, 'torch_export.onnx'), 'torch_export.onnx', createRecordingHost({ cwd: HOSTILE }));
    expect(model.outputs.map((o) => o.name)).toEqual(['probabilities']);
  });

  it('an ONNX file over 2 GiB is one clear error before anything is read (sparse file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'huge-onnx-'));
    const file = join(dir, 'huge.onnx');
    const fd = openSync(file, 'w');
    writeSync(fd, readFileSync(join(MODELS, 'binary_proba2.onnx')));
    ftruncateSync(fd, 2 ** 31 + 1);
    closeSync(fd);
    expect(await refusal(file)).toMatch(/2\.00 GiB: an ONNX file cannot exceed 2 GiB/);
    const error = await openModel(file, 'huge.onnx', createRecordingHost({ cwd: dir })).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(/cannot exceed 2 GiB/);
  });
});
