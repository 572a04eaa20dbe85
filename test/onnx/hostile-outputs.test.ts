// Threats: a model without outputs crashes the gate; a [N, 2] label output is read flat, so
// labels land on the wrong rows. Every output the gate reads must hold one value per row.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../shared/errors/user-error.js';
import { planFeed } from '../../shared/onnx/feed.js';
import { openModel } from '../../shared/onnx/model.js';
import { planOutputs } from '../../shared/onnx/outputs.js';
import { Scorer } from '../../shared/onnx/scorer.js';
import { createRecordingHost } from '../support/recording-host.js';

const HOSTILE = new URL('../fixtures/models/hostile/', import.meta.url).pathname;
const host = createRecordingHost({ cwd: HOSTILE });
const open = (name: string) => openModel(join(HOSTILE, name), name, host);
const columns = ['x1', 'x2', 'x3', 'label'].map((name) => ({ name, numeric: true }));

describe('model outputs the gate cannot read row by row', () => {
  it('an ONNX model with no outputs is one clear error', async () => {
    const error = await open('no_outputs.onnx').catch((e: unknown) => e);
    expect(isUserError(error), String(error)).toBe(true);
    expect((error as Error).message).toMatch(/the model has no outputs/);
  });

  it('a [N, 2] label output read flat and misaligned: refused from its declared shape', async () => {
    const model = await open('label_n2.onnx');
    expect(() => planOutputs(model, { key: 'model' })).toThrow(/output "label" has shape \[N, 2\]; labels and values must be one per row/);
    expect(() => planOutputs(model, { outputName: 'label', key: 'model' })).toThrow(/one per row/);
  });

  it('a label output whose width is symbolic is refused when the scored tensor is [rows, 2]', async () => {
    const model = await open('label_symbolic_width.onnx');
    // The plan as it would be made from a declared [N, M] (onnxruntime may infer the width).
    const outputs = { task: 'classification' as const, label: { name: 'label', type: 'int64' } };
    const scorer = new Scorer(model, planFeed(model, columns, { label: 'label', dataFile: 'holdout.csv', key: 'model' }), outputs, 3, 'model');
    const values = Float64Array.from([0.1, 0.2, 0.3]);
    await scorer.score({ rowOffset: 0, rows: 3, column: () => values });
    await expect(scorer.finish()).rejects.toThrow(/output "label" has shape \[3, 2\], expected one label per row/);
  });
});
