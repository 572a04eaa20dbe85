import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errors, gate, workspace } from './support.js';

/** Each bad input fails with one clear error naming the file and what to fix, before any scoring. */
async function expectError(inputs: Record<string, string>, pattern: RegExp, setup?: (cwd: string) => void) {
  const cwd = workspace();
  setup?.(cwd);
  const result = await gate(cwd, { data: 'data/holdout.csv', label: 'label', ...inputs });
  expect(result.code).toBe(1);
  const error = errors(result);
  expect(error).toMatch(pattern);
  expect(error).not.toContain('unexpected error');
  expect(result.stdout).not.toMatch(/Scoring \d/);
  return error;
}

describe('evaluate-gate bad input', () => {
  it('model input names that are not columns', async () => {
    await expectError({ model: 'per_column.onnx' }, /per_column\.onnx \(model\): model input "x1" has no column of that name in the data/, (cwd) =>
      writeFileSync(join(cwd, 'data/holdout.csv'), 'a,b,c,label\n1,2,3,0\n2,3,4,1\n'),
    );
  });

  it('per-column inputs fed by name work when the columns exist', async () => {
    const cwd = workspace();
    const result = await gate(cwd, { model: 'per_column.onnx', data: 'data/holdout.csv', label: 'label' });
    expect(result.code, result.stdout).toBe(0);
  });

  it('feature count that does not match the model input', async () => {
    await expectError({ model: 'binary_proba2.onnx', features: 'x1,x2' }, /binary_proba2\.onnx \(model\): model input "features" takes 3 features, but 2 were given \(the features input: x1, x2\)/);
  });

  it('a feature that is not in the data, with a near-miss suggestion', async () => {
    await expectError({ model: 'binary_proba2.onnx', features: 'x1,x2,x4' }, /data\/holdout\.csv \(model\): feature column "x4" .* is not in the data\. Did you mean "x1"\?/);
  });

  it('a model input of a dtype the data cannot feed', async () => {
    await expectError({ model: 'int_input.onnx' }, /int_input\.onnx \(model\): model input "features" takes int64 values; only float32 and float64/);
  });

  it('a label column that is missing', async () => {
    await expectError({ model: 'binary_proba2.onnx', label: 'labl' }, /data\/holdout\.csv \(label\): column "labl" \(from input "label"\) is not in the holdout\. Did you mean "label"\?/);
  });

  it('label values the model cannot produce', async () => {
    await expectError({ model: 'binary_proba2.onnx' }, /label column "label" has 3 distinct values .* can only produce 2 classes; values it cannot produce: "2"/, (cwd) =>
      writeFileSync(join(cwd, 'data/holdout.csv'), 'x1,x2,x3,label\n1,2,3,0\n2,3,4,1\n0,0,0,2\n'),
    );
  });

  it('a corrupt ONNX file', async () => {
    await expectError({ model: 'corrupt.onnx' }, /corrupt\.onnx \(model\): the model is not ONNX/);
  });

  it('a pickle named .onnx', async () => {
    await expectError({ model: 'pickle.onnx' }, /pickle\.onnx \(model\): the model is not ONNX: it is a Python pickle/);
  });

  it('external data that escapes the model folder', async () => {
    await expectError({ model: 'external_escape.onnx' }, /external_escape\.onnx \(model\): the model's external data location "\.\.\/\.\.\/\.\.\/etc\/passwd" points outside/);
  });

  it('a ZipMap (seq(map)) probability output', async () => {
    await expectError({ model: 'zipmap.onnx', 'output-name': 'output_probability' }, /zipmap\.onnx \(model\): model output "output_probability" is not a tensor .*zipmap/);
  });

  it('an empty holdout', async () => {
    await expectError({ model: 'binary_proba2.onnx' }, /holdout\.csv \(data\): the holdout has no rows/, (cwd) => writeFileSync(join(cwd, 'data/holdout.csv'), 'x1,x2,x3,label\n'));
  });

  it('NaN scores name the model, the output and the row', async () => {
    const cwd = workspace();
    const result = await gate(cwd, { model: 'nan_scores.onnx', data: 'data/holdout.csv', label: 'label', task: 'classification' });
    expect(result.code).toBe(1);
    expect(errors(result)).toMatch(/nan_scores\.onnx \(model\): output "probability" is NaN at row 1 of the holdout/);
  });

  it('a baseline of a different task', async () => {
    await expectError({ model: 'binary_proba2.onnx', baseline: 'regressor.onnx' }, /regressor\.onnx \(baseline\): .*(regression|variable)/);
  });

  it('a baseline path that does not exist', async () => {
    await expectError({ model: 'binary_proba2.onnx', baseline: 'champion.onnx' }, /champion\.onnx \(baseline\): baseline model file not found/);
  });

  it('a gate metric that does not exist for the task', async () => {
    await expectError({ model: 'binary_proba2.onnx' }, /gate\.metrics\.f1_macro: gate metric "f1_macro" does not exist for a binary model/, (cwd) =>
      writeFileSync(join(cwd, 'mlops.yml'), 'gate:\n  metrics:\n    f1_macro: { min: 0.5 }\n'),
    );
  });

  it('an unknown gate key in mlops.yml, with its line', async () => {
    await expectError({ model: 'binary_proba2.onnx' }, /mlops\.yml:2:3 \(gate\.inconclusiv\): unknown key "inconclusiv"\. Did you mean "inconclusive"\?/, (cwd) =>
      writeFileSync(join(cwd, 'mlops.yml'), 'gate:\n  inconclusiv: fail\n'),
    );
  });
});
