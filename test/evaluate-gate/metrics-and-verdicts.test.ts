import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errors, FIXTURES, gate, results, workspace } from './support.js';

const expected = JSON.parse(readFileSync(join(FIXTURES, 'data/expected_metrics.json'), 'utf8')) as Record<string, Record<string, number>>;

function expectMetrics(actual: Record<string, number>, reference: Record<string, number>) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(reference).sort());
  for (const [name, value] of Object.entries(reference)) expect(Math.abs(actual[name]! - value), `${name}: ${actual[name]} vs sklearn ${value}`).toBeLessThanOrEqual(1e-9);
}

describe('evaluate-gate metrics equal scikit-learn on the same predictions (bundled action, real ONNX)', () => {
  it('binary: [N] probability output, tied scores, probabilities of exactly 0 and 1', async () => {
    const cwd = workspace();
    const result = await gate(cwd, { model: 'passthrough_binary.onnx', data: 'data/scores_binary.csv', label: 'label' });
    expect(result.code, result.stdout).toBe(0);
    expectMetrics(JSON.parse(result.outputs.metrics!), expected.binary!);
    expect(JSON.parse(result.outputs['baseline-metrics']!)).toEqual({});
  });

  it('multiclass: [N, 3] probabilities, macro and weighted averages', async () => {
    const cwd = workspace();
    const result = await gate(cwd, { model: 'passthrough_multiclass.onnx', data: 'data/scores_multiclass.csv', label: 'label' });
    expect(result.code, result.stdout).toBe(0);
    expectMetrics(JSON.parse(result.outputs.metrics!), expected.multiclass!);
    expect(results(cwd, result).confusion_matrix.candidate).toHaveLength(3);
  });

  it('regression: rmse, mae, r2', async () => {
    const cwd = workspace();
    const result = await gate(cwd, { model: 'passthrough_regression.onnx', data: 'data/scores_regression.csv', label: 'target', task: 'regression' });
    expect(result.code, result.stdout).toBe(0);
    expectMetrics(JSON.parse(result.outputs.metrics!), expected.regression!);
  });
});

describe('evaluate-gate verdicts', () => {
  const policy = (inconclusive: string) => `model: { name: gate-test, label: label }\ngate:\n  inconclusive: ${inconclusive}\n  metrics:\n    accuracy: { min: 0.6, max_drop: 0 }\n    roc_auc: { max_drop: 0.0 }\n`;

  it('a clearly better candidate passes, with a run record section and a report', async () => {
    const cwd = workspace(policy('fail'));
    const result = await gate(cwd, { model: 'gate/good.onnx', baseline: 'gate/weak.onnx', data: 'data/holdout.csv', slices: 'segment' });
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs.passed).toBe('true');
    const r = results(cwd, result);
    expect(r.verdict).toBe('pass');
    expect(r.rows).toBe(1200);
    expect(r.metrics.accuracy.verdict).toBe('pass');
    expect(r.metrics.accuracy.ci[0]).toBeGreaterThan(0);
    expect(r.metrics.accuracy.rule).toMatch(/exact test on \d+ discordant rows/);
    expect(r.slices.map((s: { value: string }) => s.value)).toEqual(['north', 'south']);
    const record = JSON.parse(readFileSync(join(cwd, 'mlops-out/mlops-run.json'), 'utf8'));
    expect(record.evaluation.verdict).toBe('pass');
    expect(record.evaluation.baseline.ref).toBe('gate/weak.onnx');
    expect(record.evaluation.metrics.roc_auc.ci).toHaveLength(2);
    expect(record.evaluation.data.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(result.summary).toContain('✅ PASS');
    expect(result.summary).toContain('```mermaid');
    expect(result.summary).toContain('<details><summary>Slices (2)</summary>');
  });

  it('a clearly worse candidate fails: exit 1, passed=false, one error: a short first line, then one line per failed check', async () => {
    const cwd = workspace(policy('warn'));
    const result = await gate(cwd, { model: 'gate/weak.onnx', baseline: 'gate/good.onnx', data: 'data/holdout.csv' });
    expect(result.code).toBe(1);
    expect(result.outputs.passed).toBe('false');
    expect(results(cwd, result).verdict).toBe('fail');
    const error = errors(result);
    expect(error.split('\n')).toHaveLength(1); // one ::error command; its lines are %0A-encoded
    const lines = error.replace(/^::error[^:]*::/, '').split('%0A');
    expect(lines[0]).toMatch(/^evaluate-gate: gate failed: \d+ checks? did not hold \(the report has the details\):$/);
    expect(lines[0]!.length).toBeLessThan(100);
    expect(lines.slice(1).some((line) => /^ {2}- accuracy: Δ accuracy ≥ 0 .*wholly beyond/.test(line))).toBe(true);
    expect(result.summary).toContain('❌ FAIL');
  });

  it('a noisy tiny difference is inconclusive; inconclusive: fail fails the step', async () => {
    const cwd = workspace(policy('fail'));
    const result = await gate(cwd, { model: 'gate/good_nudged.onnx', baseline: 'gate/good.onnx', data: 'data/holdout.csv' });
    const r = results(cwd, result);
    expect(r.verdict).toBe('inconclusive');
    expect(r.metrics.accuracy.verdict).toBe('inconclusive');
    expect(Math.abs(r.metrics.accuracy.delta)).toBeLessThan(0.01);
    expect(result.code).toBe(1);
    expect(result.outputs.passed).toBe('false');
    expect(errors(result)).toContain('gate inconclusive and gate.inconclusive is fail');
  });

  it('the same inconclusive result passes with a warning under inconclusive: warn', async () => {
    const cwd = workspace(policy('warn'));
    const result = await gate(cwd, { model: 'gate/good_nudged.onnx', baseline: 'gate/good.onnx', data: 'data/holdout.csv' });
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs.passed).toBe('true');
    expect(results(cwd, result).verdict).toBe('inconclusive');
    expect(result.stdout).toMatch(/::warning::evaluate-gate: inconclusive/);
  });

  it('is reproducible: the same seed gives the same results', async () => {
    const cwd = workspace(policy('warn'));
    const inputs = { model: 'gate/good_nudged.onnx', baseline: 'gate/good.onnx', data: 'data/holdout.csv' };
    const a = results(cwd, await gate(cwd, inputs));
    const b = results(cwd, await gate(cwd, inputs));
    expect(b.metrics).toEqual(a.metrics);
  });

  it('first run without a baseline applies absolute thresholds only and says so', async () => {
    const cwd = workspace(`model: { name: gate-test, label: label }\ngate:\n  metrics:\n    accuracy: { min: 0.9, max_drop: 0.01 }\n`);
    const result = await gate(cwd, { model: 'gate/good.onnx', data: 'data/holdout.csv' });
    expect(result.code).toBe(1);
    const r = results(cwd, result);
    expect(r.metrics.accuracy.rule).toContain('max_drop not applied: no baseline');
    expect(r.reasons[0]).toMatch(/accuracy: accuracy ≥ 0.9 \(point estimate 0.81/);
    expect(result.summary).toContain('no baseline');
  });

  it('an override lets a failing gate pass and records the reason', async () => {
    const cwd = workspace(`${policy('fail')}  override: { reason: "accepted regression for the v2 launch, see ticket 42" }\n`);
    const result = await gate(cwd, { model: 'gate/weak.onnx', baseline: 'gate/good.onnx', data: 'data/holdout.csv' });
    expect(result.code).toBe(0);
    expect(result.outputs.passed).toBe('true');
    const record = JSON.parse(readFileSync(join(cwd, 'mlops-out/mlops-run.json'), 'utf8'));
    expect(record.evaluation.verdict).toBe('fail');
    expect(record.evaluation.override.reason).toContain('ticket 42');
    expect(result.summary).toContain('overridden');
  });
});
