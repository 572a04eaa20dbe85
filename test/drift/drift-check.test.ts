import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runAction } from '../support/run-action.js';
import { drift, sampleRows, toCapture, toCsv, workspace } from './workspace.js';

const CONFIG = 'model: { name: churn }\n';
const read = (cwd: string, path: string) => JSON.parse(readFileSync(join(cwd, path), 'utf8'));

describe('drift-check on files', () => {
  it('finds no drift between two samples of one distribution, and writes report, results and record', async () => {
    const cwd = workspace({ 'mlops.yml': CONFIG, 'ref.csv': toCsv(sampleRows(3000, 1)), 'cur.csv': toCsv(sampleRows(2000, 2)) });
    const result = await drift(cwd, { current: 'cur.csv', reference: 'ref.csv' }, { repository: '' });
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs.drifted).toBe('false');
    expect(result.outputs['drifted-columns']).toBe('');
    expect(result.outputs.share).toBe('0');
    expect(result.outputs.dispatched).toBe('false');
    const results = read(cwd, result.outputs.results!);
    expect(results.columns.map((c: { column: string; test: string }) => `${c.column}:${c.test}`)).toEqual(['age:ks', 'income:ks', 'plan:chi2', 'churned:z']);
    // A unique identifier has no distribution to compare: left out, and said so.
    expect(results.skipped_columns).toEqual([{ column: 'id', reason: expect.stringContaining('identifier-like') }]);
    expect(result.summary).toContain('id: not compared (identifier-like');
    expect(existsSync(join(cwd, result.outputs.report!))).toBe(true);
    expect(result.summary).toContain('**No drift**');
    const record = read(cwd, 'mlops-out/mlops-run.json');
    expect(record.drift).toMatchObject({ drifted: false, current: 'cur.csv', reference: 'ref.csv', share: 0 });
    expect(record.drift.columns).toHaveLength(4);
  });

  it('flags a shifted numeric column and a changed category mix, with histograms of the drifted columns', async () => {
    const cwd = workspace({ 'mlops.yml': CONFIG, 'ref.csv': toCsv(sampleRows(3000, 1)), 'cur.csv': toCsv(sampleRows(2000, 3, { income: 0.5, planC: 0.45 })) });
    const result = await drift(cwd, { current: 'cur.csv', reference: 'ref.csv', 'fail-on-drift': 'true' }, { repository: '' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('drift detected in income, plan (fail-on-drift is true');
    expect(result.outputs.drifted).toBe('true');
    expect(result.outputs['drifted-columns']).toBe('income,plan');
    expect(result.outputs.share).toBe('0.5');
    const report = readFileSync(join(cwd, result.outputs.report!), 'utf8');
    expect(report).toContain('```mermaid');
    expect(report.match(/```mermaid/g)).toHaveLength(2);
    expect(report).toMatch(/y-axis "% of rows" 0 --> /);
    // Outside Actions nothing is sent: the plan says what would be.
    expect(report).toContain('nothing was sent');
    const results = read(cwd, result.outputs.results!);
    const income = results.columns.find((c: { column: string }) => c.column === 'income');
    expect(income.effect.measure).toBe('wasserstein_normed');
    expect(income.effect.value).toBeGreaterThan(0.4);
    expect(income.adjusted_p).toBeLessThan(1e-10);
  });

  it('reads mlops serve capture files as they are: features, and captured class probabilities as prediction drift with a label-free estimate', async () => {
    const reference = sampleRows(1500, 4);
    const current = sampleRows(1500, 5, { income: 0.6 });
    const cwd = workspace({
      'mlops.yml': CONFIG,
      'capture/churn/2026-11-30/capture-1-0.jsonl': toCapture(reference),
      'capture/churn/2026-12-01/capture-1-0.jsonl': toCapture(current.slice(0, 700)),
      'capture/churn/2026-12-01/capture-2-1.jsonl': toCapture(current.slice(700)),
    });
    const result = await drift(cwd, { current: 'capture/churn/2026-12-01/*.jsonl', reference: 'capture/churn/2026-11-30/*.jsonl' }, { repository: '' });
    expect(result.code, result.stdout).toBe(0);
    const results = read(cwd, result.outputs.results!);
    const names = results.columns.map((c: { column: string }) => c.column);
    expect(names).toEqual(['age', 'income', 'plan', 'churned', 'output.label', 'output.probabilities[1]']);
    expect(results.columns.find((c: { column: string }) => c.column === 'output.probabilities[1]')).toMatchObject({ role: 'prediction', test: 'ks', drifted: true });
    expect(results.performance.source).toBe('output.probabilities');
    expect(results.performance.current.accuracy).toBeGreaterThan(0.5);
    expect(results.performance.reference.rocAuc).toBeGreaterThan(0.5);
    expect(readFileSync(join(cwd, result.outputs.report!), 'utf8')).toContain('assumes the model is calibrated');
  });

  it('compares against a data-validate profile, says so and gives error bounds, and agrees with the raw verdicts', async () => {
    const cwd = workspace({ 'mlops.yml': CONFIG, 'ref.csv': toCsv(sampleRows(3000, 1)), 'cur.csv': toCsv(sampleRows(2000, 3, { income: 0.5, planC: 0.45 })) });
    const validate = await runAction('data-validate', { cwd, inputs: { data: 'ref.csv', comment: 'false', 'out-dir': 'mlops-out/ref' } });
    expect(validate.code, validate.stdout).toBe(0);
    const viaProfile = await drift(cwd, { current: 'cur.csv', reference: 'mlops-out/ref/profile.json' }, { repository: '' });
    expect(viaProfile.code, viaProfile.stdout).toBe(0);
    const raw = read(cwd, viaProfile.outputs.results!);
    expect(raw.reference_is_profile).toBe(true);
    expect(viaProfile.outputs['drifted-columns']).toBe('income,plan');
    const income = raw.columns.find((c: { column: string }) => c.column === 'income');
    expect(income.from_profile.bounds.statistic).toBeGreaterThan(0);
    const report = readFileSync(join(cwd, viaProfile.outputs.report!), 'utf8');
    expect(report).toContain('The reference is a profile, not raw data');
    expect(report).toContain('error bound');
    const direct = await drift(cwd, { current: 'cur.csv', reference: 'ref.csv' }, { repository: '' });
    const exact = read(cwd, direct.outputs.results!);
    const exactIncome = exact.columns.find((c: { column: string }) => c.column === 'income');
    // Each figure from the profile lies within its stated bound of the raw-data figure.
    expect(Math.abs(income.statistic - exactIncome.statistic)).toBeLessThanOrEqual(income.from_profile.bounds.statistic);
    expect(Math.abs(income.wasserstein - exactIncome.wasserstein)).toBeLessThanOrEqual(income.from_profile.bounds.wasserstein);
  });
});

describe('drift-check against the registry', () => {
  it('defaults to the data profile stored with <model>:prod, and refuses a version registered without one', async () => {
    const cwd = workspace({ 'mlops.yml': CONFIG, 'ref.csv': toCsv(sampleRows(1500, 1)), 'cur.csv': toCsv(sampleRows(1000, 3, { income: 0.5 })) });
    copyFileSync(join(ROOT, 'test/fixtures/models/binary_proba2.onnx'), join(cwd, 'model.onnx'));
    expect((await runAction('data-validate', { cwd, inputs: { data: 'ref.csv', comment: 'false' } })).code).toBe(0);
    const registered = await runAction('register', { cwd, inputs: { model: 'model.onnx', aliases: 'prod', 'require-gate': 'false' } });
    expect(registered.code, registered.stdout).toBe(0);
    const result = await drift(cwd, { current: 'cur.csv' }, { repository: '' });
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs['drifted-columns']).toBe('income');
    const results = read(cwd, result.outputs.results!);
    expect(results.reference).toBe('.mlops/registry:churn:prod');
    expect(results.reference_is_profile).toBe(true);

    // A reference that reads as a registry version is never a file, whatever it ends with: a file
    // committed under that name (here an empty "profile") does not replace the registry's profile.
    expect((await runAction('register', { cwd, inputs: { model: 'model.onnx', aliases: 'prod.json', 'require-gate': 'false' } })).code).toBe(0);
    writeFileSync(join(cwd, '.mlops/registry:churn:prod.json'), '{}');
    const lookalike = await drift(cwd, { current: 'cur.csv', reference: '.mlops/registry:churn:prod.json' }, { repository: '' });
    expect(lookalike.code, lookalike.stdout).toBe(0);
    expect(lookalike.outputs['drifted-columns']).toBe('income');
    expect(read(cwd, lookalike.outputs.results!).reference_is_profile).toBe(true);

    // A version registered from a record without a data section has no profile to compare with.
    writeFileSync(join(cwd, 'other-run.json'), JSON.stringify({ schema_version: 1, kind: 'mlops-run', created_at: '2026-12-01T00:00:00Z', updated_at: '2026-12-01T00:00:00Z', history: [] }));
    const bare = await runAction('register', { cwd, inputs: { model: 'model.onnx', aliases: 'bare', 'require-gate': 'false', record: 'other-run.json' } });
    expect(bare.code, bare.stdout).toBe(0);
    const refused = await drift(cwd, { current: 'cur.csv', reference: '.mlops/registry:churn:bare' }, { repository: '' });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/::error::.*was registered without a data profile/);
  });
});

describe('drift-check with a model', () => {
  it('scores both samples through the ONNX scorer: prediction drift and the label-free estimate beside the reference', async () => {
    const rows = (n: number, seed: number, shift: number) => {
      const base = sampleRows(n, seed);
      return `x1,x2,x3\n${base.map((r) => `${((r.income - 50) / 10 + shift).toFixed(4)},${((r.age - 40) / 12).toFixed(4)},${r.churned}`).join('\n')}\n`;
    };
    const cwd = workspace({
      'mlops.yml': 'model: { name: churn, features: [x1, x2, x3] }\n',
      'model.onnx': '',
      'ref.csv': rows(2000, 8, 0),
      'cur.csv': rows(2000, 9, 0.8),
    });
    copyFileSync(join(ROOT, 'test/fixtures/models/binary_proba2.onnx'), join(cwd, 'model.onnx'));
    const result = await drift(cwd, { current: 'cur.csv', reference: 'ref.csv', model: 'model.onnx' }, { repository: '' });
    expect(result.code, result.stdout).toBe(0);
    const results = read(cwd, result.outputs.results!);
    const prediction = results.columns.find((c: { role: string }) => c.role === 'prediction');
    expect(prediction).toMatchObject({ column: 'prediction (P(class 1))', test: 'ks', drifted: true });
    expect(result.outputs['drifted-columns']).toBe('x1,prediction (P(class 1))');
    expect(results.performance.source).toBe('model.onnx (scored)');
    expect(results.performance.current.rows).toBe(2000);
    expect(results.performance.reference.rows).toBe(2000);
  });
});

describe('drift-check bad input: one clear error each', () => {
  const cases: Array<[string, Record<string, string>, Record<string, string>, string]> = [
    ['no shared columns', { 'a.csv': 'x,y\n1,2\n', 'b.csv': 'p,q\n1,2\n' }, { current: 'a.csv', reference: 'b.csv' }, 'the current sample and the reference share no columns to compare'],
    ['numeric in one sample, text in the other', { 'a.csv': 'x\nlow\nhigh\n', 'b.csv': 'x\n1\n2\n' }, { current: 'a.csv', reference: 'b.csv' }, 'column "x" is text in the current sample but numeric in the reference'],
    ['an empty current sample', { 'a.csv': 'x\n', 'b.csv': 'x\n1\n2\n' }, { current: 'a.csv', reference: 'b.csv' }, 'the current sample has no rows'],
    ['a profile of another schema version', { 'a.csv': 'x\n1\n', 'p.json': '{"kind":"mlops-data-profile","version":7,"columns":[]}' }, { current: 'a.csv', reference: 'p.json' }, 'the reference profile has schema version 7; this drift-check reads version 1'],
    ['a reference that does not exist', { 'a.csv': 'x\n1\n' }, { current: 'a.csv', reference: 'missing.csv' }, 'reference: data file `missing.csv` does not exist'],
    ['a profile that does not exist', { 'a.csv': 'x\n1\n' }, { current: 'a.csv', reference: 'missing.json' }, 'the reference missing.json does not exist'],
    ['a dispatch target that is not a workflow file', { 'a.csv': 'x\n1\n' }, { current: 'a.csv', reference: 'a.csv', dispatch: '../evil.sh' }, 'input "dispatch" is "../evil.sh", which is not a workflow file name'],
  ];
  for (const [name, files, inputs, message] of cases) {
    it(name, async () => {
      const cwd = workspace(files);
      const result = await drift(cwd, inputs, { repository: '' });
      expect(result.code).toBe(1);
      const errors = result.stdout.split('\n').filter((l) => l.startsWith('::error'));
      expect(errors, result.stdout).toHaveLength(1);
      expect(errors[0]).toContain(message);
      expect(result.stdout).not.toMatch(/unexpected error|at .*\.js:\d+/);
    });
  }
});
