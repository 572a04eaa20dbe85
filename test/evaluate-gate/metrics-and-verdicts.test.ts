import { readFileSync, writeFileSync } from 'node:fs';
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
    expect(r.metrics.accuracy.rule).toMatch(/Tango's score test, \d+ discordant of 1200 rows/);
    expect(r.metrics.accuracy.min_detectable).toBeGreaterThan(0);
    // Ungated metrics are reported, never passed.
    expect(r.metrics.precision.gated).toBe(false);
    expect(r.metrics.precision.verdict).toBe('reported');
    expect(r.slices.map((s: { value: string }) => s.value)).toEqual(['north', 'south']);
    // Every metric, overall and in each slice, says whether it was gated; only gated ones carry a verdict of the gate.
    type M = { gated: unknown; verdict: string };
    const all: M[] = [...Object.values(r.metrics as Record<string, M>), ...r.slices.flatMap((s: { metrics: Record<string, M> }) => Object.values(s.metrics))];
    for (const m of all) {
      expect(typeof m.gated).toBe('boolean');
      if (m.gated) expect(['pass', 'fail', 'inconclusive', 'insufficient-evidence']).toContain(m.verdict);
      else expect(m.verdict).toBe('reported');
    }
    expect(all.filter((m) => !m.gated).length).toBeGreaterThan(all.length / 2);
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
    expect(lines.slice(1).some((line) => /^ {2}- accuracy: Δ accuracy ≥ 0 .*significantly worse than the baseline/.test(line))).toBe(true);
    expect(result.summary).toContain('❌ FAIL');
  });

  // Policy (issue 13): max_drop: 0 means "no detected regression"; a noisy tiny difference used to
  // come out inconclusive (the old rule passed only a significantly better candidate).
  it('max_drop: 0 passes a noisy tiny difference when the holdout has the power to see min_detectable', async () => {
    const cwd = workspace(policy('fail'));
    const result = await gate(cwd, { model: 'gate/good_nudged.onnx', baseline: 'gate/good.onnx', data: 'data/holdout.csv' });
    const r = results(cwd, result);
    expect(Math.abs(r.metrics.accuracy.delta)).toBeLessThan(0.01);
    expect(r.metrics.accuracy.verdict).toBe('pass');
    expect(r.metrics.accuracy.rule).toContain('no significant regression');
    expect(r.metrics.accuracy.min_detectable).toBeLessThanOrEqual(0.02);
    expect(r.verdict).toBe('pass');
    expect(result.code, result.stdout).toBe(0);
  });

  it('a holdout too small to detect min_detectable is insufficient evidence: fails by default and names the rows needed', async () => {
    const cwd = workspace(policy('warn'));
    const lines = readFileSync(join(cwd, 'data/holdout.csv'), 'utf8').split('\n');
    writeFileSync(join(cwd, 'data/small.csv'), `${lines.slice(0, 41).join('\n')}\n`);
    const result = await gate(cwd, { model: 'gate/good_nudged.onnx', baseline: 'gate/good.onnx', data: 'data/small.csv' });
    const r = results(cwd, result);
    expect(r.rows).toBe(40);
    expect(r.verdict).toBe('insufficient-evidence');
    expect(r.metrics.accuracy.verdict).toBe('insufficient-evidence');
    expect(r.metrics.accuracy.min_detectable).toBeGreaterThan(0.02);
    expect(r.metrics.accuracy.rows_needed).toBeGreaterThan(40);
    expect(result.code).toBe(1);
    expect(result.outputs.passed).toBe('false');
    expect(errors(result)).toContain('insufficient evidence and gate.insufficient_evidence is fail');
    expect(result.summary).toContain('INSUFFICIENT EVIDENCE');
    expect(result.summary).toMatch(/about [\d,]+ rows/);

    const warned = workspace(policy('warn').replace('gate:\n', 'gate:\n  insufficient_evidence: warn\n'));
    writeFileSync(join(warned, 'data/small.csv'), `${lines.slice(0, 41).join('\n')}\n`);
    const passedWithWarning = await gate(warned, { model: 'gate/good_nudged.onnx', baseline: 'gate/good.onnx', data: 'data/small.csv' });
    expect(passedWithWarning.code, passedWithWarning.stdout).toBe(0);
    expect(passedWithWarning.stdout).toMatch(/::warning::evaluate-gate: insufficient evidence/);
  });

  it('max_drop > 0 is non-inferiority: fails when the interval reaches beyond the allowed drop on a powered holdout', async () => {
    const cwd = workspace('model: { name: gate-test, label: label }\ngate:\n  min_detectable: 0.5\n  metrics:\n    accuracy: { max_drop: 0.001 }\n');
    const result = await gate(cwd, { model: 'gate/good_nudged.onnx', baseline: 'gate/good.onnx', data: 'data/holdout.csv' });
    const r = results(cwd, result);
    expect(r.metrics.accuracy.verdict).toBe('fail');
    expect(r.metrics.accuracy.rule).toContain('non-inferiority not shown');
    expect(r.verdict).toBe('fail');
    expect(result.code).toBe(1);
  });

  it('inconclusive remains for absolute: interval; inconclusive: fail fails the step, warn passes with a warning', async () => {
    const config = (mode: string) => `model: { name: gate-test, label: label }\ngate:\n  inconclusive: ${mode}\n  absolute: interval\n  metrics:\n    accuracy: { min: ACC }\n`;
    const probe = workspace(config('fail').replace('min: ACC', 'min: 0.5'));
    const point = results(probe, await gate(probe, { model: 'gate/good.onnx', data: 'data/holdout.csv' })).metrics.accuracy.candidate as number;
    for (const [mode, code] of [['fail', 1], ['warn', 0]] as const) {
      const cwd = workspace(config(mode).replace('ACC', String(point)));
      const result = await gate(cwd, { model: 'gate/good.onnx', data: 'data/holdout.csv' });
      expect(results(cwd, result).verdict).toBe('inconclusive');
      expect(result.code, result.stdout).toBe(code);
      if (mode === 'fail') expect(errors(result)).toContain('gate inconclusive and gate.inconclusive is fail');
      else expect(result.stdout).toMatch(/::warning::evaluate-gate: inconclusive/);
    }
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
