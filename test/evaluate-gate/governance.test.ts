/**
 * Governance evidence end to end through the bundled action, on a real holdout with a sensitive
 * attribute (ANES 1996, age_band; test/fixtures/governance/SOURCE.md): fairness figures equal
 * NumPy's per-group confusion matrices to 1e-12, their bootstrap intervals equal the replayed
 * xoshiro128** resamples, permutation importance equals scikit-learn's metrics on the stored
 * permutation index sequences to 1e-9 and agrees with sklearn.inspection.permutation_importance
 * within Monte-Carlo error; bad input gets one clear error each.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errors, gate, results, workspace } from './support.js';

const GOVERNANCE = new URL('../fixtures/governance/', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(join(GOVERNANCE, 'expected.json'), 'utf8'));

const POLICY = `model:
  name: anes96-vote
  label: vote
gate:
  bootstrap: { resamples: ${expected.resamples}, seed: ${expected.seed} }
  fairness:
    attributes: [age_band]
    metrics:
      demographic_parity_difference: { max: 0.3, max_rise: 0.05 }
      equalized_odds_difference: { max: 0.3 }
      demographic_parity_ratio: { min: 0.5 }
  explain: { metric: accuracy, repeats: ${expected.importance.repeats}, max_rows: ${expected.importance.max_rows} }
`;

function governanceWorkspace(mlopsYml: string): string {
  const cwd = mkdtempSync(join(tmpdir(), 'gov-'));
  cpSync(GOVERNANCE, cwd, { recursive: true });
  writeFileSync(join(cwd, 'mlops.yml'), mlopsYml);
  return cwd;
}

const close = (actual: number | null, want: number | null, tolerance: number) => {
  if (want === null) expect(actual).toBeNull();
  else expect(Math.abs(actual! - want), `${actual} vs ${want}`).toBeLessThanOrEqual(tolerance);
};

describe('evaluate-gate governance evidence (ANES 1996 holdout, age_band)', () => {
  let cwd: string;
  let out: Record<string, any>;
  let report: string;

  it('gates fairness and computes importance; the step passes', async () => {
    cwd = governanceWorkspace(POLICY);
    const result = await gate(cwd, { model: 'candidate.onnx', baseline: './baseline.onnx', data: 'anes96_holdout.csv' });
    expect(result.code, result.stdout).toBe(0);
    out = results(cwd, result);
    report = readFileSync(join(cwd, out.report), 'utf8');
    expect(out.verdict).not.toBe('fail');
  }, 120_000);

  it('fairness per group equals NumPy confusion matrices to 1e-12', () => {
    const want = expected.fairness;
    expect(out.fairness.map((f: any) => f.metric)).toEqual(['demographic_parity_difference', 'equalized_odds_difference', 'demographic_parity_ratio']);
    for (const f of out.fairness) {
      expect(f.attribute).toBe('age_band');
      expect(Object.keys(f.groups)).toEqual(Object.keys(want.groups));
      for (const [group, rates] of Object.entries<any>(want.groups)) {
        for (const key of ['rows', 'selection_rate', 'tpr', 'fpr', 'precision']) close(f.groups[group][key], rates[key], 1e-12);
        for (const key of ['rows', 'selection_rate', 'tpr', 'fpr', 'precision']) close(f.baseline_groups[group][key], want.baseline_groups[group][key], 1e-12);
      }
      const m = want.metrics[f.metric];
      close(f.candidate, m.candidate, 1e-12);
      close(f.baseline, m.baseline, 1e-12);
      close(f.delta, m.candidate - m.baseline, 1e-12);
      expect(f.untested_groups).toEqual([]);
    }
  });

  it('bootstrap intervals equal the replayed resamples; the change test is Holm-corrected with the metric tests', () => {
    const byMetric = Object.fromEntries(out.fairness.map((f: any) => [f.metric, f]));
    for (const [metric, m] of Object.entries<any>(expected.fairness.metrics)) {
      expect(byMetric[metric].candidate_ci[0]).toBeCloseTo(m.candidate_ci[0], 12);
      expect(byMetric[metric].candidate_ci[1]).toBeCloseTo(m.candidate_ci[1], 12);
    }
    // Not tested against the baseline: the delta interval is the plain 95 % one.
    for (const metric of ['equalized_odds_difference', 'demographic_parity_ratio']) {
      expect(byMetric[metric].ci[0]).toBeCloseTo(expected.fairness.metrics[metric].delta_ci[0], 12);
      expect(byMetric[metric].ci[1]).toBeCloseTo(expected.fairness.metrics[metric].delta_ci[1], 12);
      expect(byMetric[metric].ci_level).toBe(0.95);
    }
    const dp = byMetric.demographic_parity_difference;
    expect(dp.p_value).toBeCloseTo(expected.fairness.metrics.demographic_parity_difference['delta_p_at_0.05'], 12);
    expect(dp.p_adjusted).toBeGreaterThanOrEqual(dp.p_value);
    // The family: accuracy and roc_auc (the default metric rules) plus this one test.
    expect(dp.rule).toMatch(/rank \d\/3\)/);
    expect(dp.gated).toBe(true);
    expect(dp.verdict).toBe('pass');
    expect(byMetric.demographic_parity_ratio.rule).toMatch(/demographic_parity_ratio\(age_band\) ≥ 0\.5 \(point estimate 0\.7527\)/);
  });

  it('permutation importance equals the reference on the stored permutations to 1e-9', () => {
    const want = expected.importance.accuracy;
    expect(out.importance_method).toMatchObject({ metric: 'accuracy', repeats: 5, rows: 300, holdout_rows: 472, seed: 0 });
    close(out.importance_method.candidate_score, want.candidate.unpermuted, 1e-12);
    close(out.importance_method.baseline_score, want.baseline.unpermuted, 1e-12);
    const union = [...new Set([...expected.candidate_features, ...expected.baseline_features])];
    expect(out.importance.map((f: any) => f.feature).sort()).toEqual(union.sort());
    for (const entry of out.importance) {
      for (const key of ['candidate', 'baseline'] as const) {
        const drops = want[key].features[entry.feature];
        if (!drops) {
          expect(entry[key]).toBeNull();
          continue;
        }
        entry[key].repeats.forEach((value: number, r: number) => close(value, drops[r], 1e-9));
        close(entry[key].mean, drops.reduce((a: number, b: number) => a + b, 0) / drops.length, 1e-9);
      }
    }
    // Sorted by the candidate's mean; baseline-only features last.
    const means = out.importance.filter((f: any) => f.candidate).map((f: any) => f.candidate.mean);
    expect([...means].sort((a, b) => b - a)).toEqual(means);
    expect(out.importance.at(-1).candidate).toBeNull();
  });

  it("agrees with sklearn.inspection.permutation_importance within Monte-Carlo error", () => {
    const sk = expected.importance.sklearn_accuracy;
    for (const entry of out.importance) {
      for (const key of ['candidate', 'baseline'] as const) {
        const reference = sk[key][entry.feature];
        if (!reference) continue;
        const error = 4 * reference.std * Math.sqrt(1 / 5 + 1 / sk.n_repeats) + 1e-9;
        expect(Math.abs(entry[key].mean - reference.mean), `${key} ${entry.feature}`).toBeLessThanOrEqual(error);
      }
    }
  });

  it('reports fairness and importance, escaped, with the chart from 0 and the governance checks', () => {
    expect(report).toContain('### Fairness across groups');
    expect(report).toContain('### Feature importance (permutation)');
    expect(report).toMatch(/y-axis "drop of accuracy" 0 --> [\d.]+\n  bar \[0\.3093, 0\.028, [^\]-]*\]\n  bar \[0, 0\.14, /);
    expect(report).toContain('**Biggest rank changes** (baseline → candidate):');
    expect(report).toMatch(/`PID`: not read → 1/);
    expect(out.governance).toEqual([
      { check: 'fairness', outcome: 'pass', detail: expect.stringContaining('age_band') },
      { check: 'explainability', outcome: 'computed', detail: expect.stringContaining('9 features') },
    ]);
    const record = JSON.parse(readFileSync(join(cwd, 'mlops-out/mlops-run.json'), 'utf8'));
    expect(record.evaluation.fairness).toHaveLength(3);
    expect(record.evaluation.importance.features).toHaveLength(9);
  });

  it('log_loss importance equals scikit-learn log_loss on the same permutations to 1e-9', async () => {
    const dir = governanceWorkspace(POLICY.replace('metric: accuracy', 'metric: log_loss'));
    const result = await gate(dir, { model: 'candidate.onnx', baseline: './baseline.onnx', data: 'anes96_holdout.csv' });
    expect(result.code, result.stdout).toBe(0);
    const want = expected.importance.log_loss;
    for (const entry of results(dir, result).importance) {
      for (const key of ['candidate', 'baseline'] as const) {
        const drops = want[key].features[entry.feature];
        if (drops) entry[key].repeats.forEach((value: number, r: number) => close(value, drops[r], 1e-9));
      }
    }
  }, 120_000);

  it('a less fair candidate fails its ceiling; its rise is judged insufficient evidence on 472 rows', async () => {
    const dir = governanceWorkspace(POLICY.replace('{ max: 0.3, max_rise: 0.05 }', '{ max: 0.15, max_rise: 0 }').replace(/ {2}explain:.*\n/, ''));
    // The baseline model as the candidate: its demographic parity difference is 0.19, 0.078 above the other's.
    const result = await gate(dir, { model: 'baseline.onnx', baseline: './candidate.onnx', data: 'anes96_holdout.csv' });
    expect(result.code).toBe(1);
    const out = results(dir, result);
    const dp = out.fairness.find((f: any) => f.metric === 'demographic_parity_difference');
    const want = expected.fairness.metrics.demographic_parity_difference;
    close(dp.delta, want.baseline - want.candidate, 1e-12);
    expect(dp.verdict).toBe('fail');
    expect(dp.failed_rules).toEqual(['demographic_parity_difference(age_band) ≤ 0.15 (point estimate 0.1917)']);
    // The rise test joined Holm's family (rank among 3: accuracy, roc_auc, this) and lacks power: 0.02 is the default target.
    expect(dp.rule).toMatch(/Δ demographic_parity_difference\(age_band\) ≤ 0 \(paired bootstrap\): the holdout detects a change of 0\.15\d+ with 80 % power, more than 0\.02; about \d+ rows needed .*rank 3\/3/);
    expect(dp.rows_needed).toBeGreaterThan(10_000);
    expect(out.reasons).toContain('demographic_parity_difference across age_band: demographic_parity_difference(age_band) ≤ 0.15 (point estimate 0.1917)');
    expect(out.importance).toBeUndefined();
  }, 120_000);

  it('groups under min_slice_rows are reported, not tested', async () => {
    const dir = governanceWorkspace(POLICY.replace('gate:\n', 'gate:\n  min_slice_rows: 100\n').replace('max_rise: 0.05', 'max_rise: 0.2'));
    const result = await gate(dir, { model: 'candidate.onnx', baseline: './baseline.onnx', data: 'anes96_holdout.csv' });
    expect(result.code, result.stdout).toBe(0);
    const out = results(dir, result);
    for (const f of out.fairness) {
      expect(f.untested_groups).toEqual(['18-29', '65+']);
      expect(f.groups['18-29'].rows).toBe(58);
    }
  }, 120_000);
});

describe('evaluate-gate permutation importance: the explain input and both feed paths', () => {
  it('a matrix-fed model (prebuilt buffers) and the same function fed per column (Scorer) get identical importances', async () => {
    // binary_proba2.onnx and per_column.onnx compute the same logistic function of x1, x2, x3.
    const cwd = workspace('gate:\n  explain: { metric: log_loss, repeats: 4 }\n');
    const result = await gate(cwd, { model: 'binary_proba2.onnx', baseline: './per_column.onnx', data: 'data/holdout.csv', label: 'label' });
    expect(result.code, result.stdout).toBe(0);
    const out = results(cwd, result);
    expect(out.importance.map((f: any) => f.feature).sort()).toEqual(['x1', 'x2', 'x3']);
    for (const entry of out.importance) {
      expect(entry.candidate.repeats).toHaveLength(4);
      expect(entry.candidate.repeats).toEqual(entry.baseline.repeats);
      expect(entry.candidate_rank).toBe(entry.baseline_rank);
    }
    // |weight| 2 > 1.5 > 1: x1 matters most.
    expect(out.importance[0].feature).toBe('x1');
    expect(out.importance[0].candidate.mean).toBeGreaterThan(0);
  }, 120_000);

  it('regression: the rise of rmse when a feature is shuffled, largest for the largest weight (3, −2, 0.5)', async () => {
    const cwd = workspace('gate:\n  explain: { repeats: 3 }\n');
    const result = await gate(cwd, { model: 'regressor.onnx', data: 'data/holdout_regression.csv', label: 'target' });
    expect(result.code, result.stdout).toBe(0);
    const out = results(cwd, result);
    expect(out.importance_method).toMatchObject({ metric: 'rmse', direction: 'lower', repeats: 3 });
    expect(out.importance.map((f: any) => f.feature)).toEqual(['x1', 'x2', 'x3']);
    expect(out.importance[2].candidate.mean).toBeGreaterThan(0);
  }, 120_000);

  it('explain: true turns it on with the defaults (accuracy, 5 repeats, up to 20000 rows)', async () => {
    const cwd = workspace();
    const result = await gate(cwd, { model: 'binary_proba2.onnx', data: 'data/holdout.csv', label: 'label', explain: 'true' });
    expect(result.code, result.stdout).toBe(0);
    const out = results(cwd, result);
    expect(out.importance_method).toMatchObject({ metric: 'accuracy', repeats: 5, sample: 'whole holdout' });
    expect(out.importance.every((f: any) => f.baseline === null && f.candidate.repeats.length === 5)).toBe(true);
    expect(out.governance).toEqual([{ check: 'explainability', outcome: 'computed', detail: expect.any(String) }]);
    const plain = workspace();
    const off = await gate(plain, { model: 'binary_proba2.onnx', data: 'data/holdout.csv', label: 'label' });
    expect(results(plain, off).importance).toBeUndefined();
  }, 120_000);
});

describe('evaluate-gate governance bad input', () => {
  async function expectError(mlopsYml: string, inputs: Record<string, string>, pattern: RegExp, dir?: string) {
    const cwd = dir ?? governanceWorkspace(mlopsYml);
    if (dir) writeFileSync(join(cwd, 'mlops.yml'), mlopsYml);
    const result = await gate(cwd, inputs);
    expect(result.code).toBe(1);
    const error = errors(result);
    expect(error).toMatch(pattern);
    expect(error).not.toContain('unexpected error');
    expect(result.stdout).not.toMatch(/Scoring \d/);
  }
  const anes = { model: 'candidate.onnx', data: 'anes96_holdout.csv' };

  it('an attribute column that does not exist', async () => {
    await expectError(POLICY.replace('[age_band]', '[age_bnd]'), anes, /anes96_holdout\.csv \(gate\.fairness\.attributes\): column "age_bnd" \(from gate\.fairness\.attributes in mlops\.yml\) is not in the holdout\. Did you mean "age_band"\?/);
  });

  it('a fairness metric unknown for the task', async () => {
    await expectError(POLICY.replace('equalized_odds_difference: { max: 0.3 }', 'equal_opportunity_difference: { max: 0.3 }'), anes, /gate\.fairness\.metrics\.equal_opportunity_difference: fairness metric "equal_opportunity_difference" does not exist for a binary classifier\. Fairness metrics: demographic_parity_difference, equalized_odds_difference, demographic_parity_ratio\./);
    await expectError(POLICY.replace('equalized_odds_difference: { max: 0.3 }', 'equalised_odds_difference: { max: 0.3 }'), anes, /Did you mean "equalized_odds_difference"\?/);
  });

  it('a bound on the wrong side of a metric', async () => {
    await expectError(POLICY.replace('demographic_parity_ratio: { min: 0.5 }', 'demographic_parity_ratio: { max: 0.5 }'), anes, /demographic_parity_ratio is better when higher, so it takes min and max_drop, not max/);
  });

  it('a regression model with classification fairness metrics', async () => {
    const cwd = workspace();
    await expectError('gate:\n  fairness:\n    attributes: [x1]\n', { model: 'regressor.onnx', data: 'data/holdout_regression.csv', label: 'target' }, /gate\.fairness: gate\.fairness needs a binary classifier, but the task is regression/, cwd);
  });

  it('an explain metric unknown for the task', async () => {
    await expectError(POLICY.replace('metric: accuracy', 'metric: accuracyy'), anes, /gate\.explain\.metric "accuracyy" does not exist for a binary model\. Did you mean "accuracy"\?/);
  });
});
