// The PyTorch example (examples/torch-tabular) trained through the bundled train action on CPU,
// with Debian's python3-torch / python3-onnx; the model is scored on the holdout with
// onnxruntime-node. Skipped where /usr/bin/python3 has no torch and onnx.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../shared/record/record.js';
import { ROOT, runAction } from '../support/run-action.js';
import { pathWithoutNvidiaSmi, scratch } from './support.js';

const PYTHON = '/usr/bin/python3';
const hasTorch = spawnSync(PYTHON, ['-c', 'import torch, onnx'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!hasTorch)('torch-tabular example through the train stage [needs Debian python3-torch, python3-onnx]', () => {
  it('trains on CPU, exports an ONNX model with the suite interface, records metrics and series', async () => {
    const dir = scratch();
    const script = join(ROOT, 'examples/torch-tabular/train.py');
    const data = join(ROOT, 'examples/breast-cancer/data/train.csv');
    const command = `${PYTHON} ${script} --data ${data} --device auto --out out/model.onnx --metrics out/metrics.json --params out/params.json`;
    const result = await runAction('train', {
      cwd: dir,
      inputs: { command, model: 'out/model.onnx', metrics: 'out/metrics.json', params: 'out/params.json' },
      env: { PATH: `${pathWithoutNvidiaSmi()}:${process.env.PATH ?? ''}` },
    });
    expect(result.code).toBe(0);
    const model = readFileSync(join(dir, 'out/model.onnx'));
    expect(result.outputs['model-sha256']).toBe(createHash('sha256').update(model).digest('hex'));

    const train = parseRecord(readFileSync(join(dir, 'mlops-out/mlops-run.json'), 'utf8'), 'record').train!;
    expect(train.environment.frameworks).toMatchObject({ torch: expect.any(String), onnx: expect.any(String) });
    expect(train.params).toMatchObject({ model: 'mlp', device: 'cpu', epochs: 20, label: 'malignant' });
    expect(train.series!.loss!.map((p) => p.step)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(train.series!.accuracy!.at(-1)!.value).toBeGreaterThan(0.95);
    expect(train.metrics.roc_auc).toBeGreaterThan(0.98);

    // Score the holdout: the same interface as the breast-cancer example.
    const features = train.params!.features as string[];
    const [header, ...rows] = readFileSync(join(ROOT, 'examples/breast-cancer/data/holdout.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const columns = features.map((f) => header!.indexOf(f));
    const labels = rows.map((r) => Number(r[header!.indexOf('malignant')]));
    const session = await ort.InferenceSession.create(model);
    expect(session.inputNames).toEqual(['features']);
    expect(session.outputNames).toEqual(['probabilities']);
    const out = await session.run({ features: new ort.Tensor('float32', Float32Array.from(rows.flatMap((r) => columns.map((j) => Number(r[j])))), [rows.length, features.length]) });
    const probabilities = out.probabilities!.data as Float32Array;
    let correct = 0;
    for (let i = 0; i < labels.length; i++) {
      expect(probabilities[2 * i]! + probabilities[2 * i + 1]!).toBeCloseTo(1, 5);
      if ((probabilities[2 * i + 1]! >= 0.5 ? 1 : 0) === labels[i]) correct++;
    }
    expect(correct / labels.length).toBeGreaterThan(0.95);
    await session.release();
  });
});
