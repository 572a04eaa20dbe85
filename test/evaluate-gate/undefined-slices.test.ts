/**
 * Slices where a metric is undefined, through the bundled actions: a slice with no predicted
 * positives (precision), a slice with one class (recall, ROC AUC, equalized odds). The results and
 * record carry null (never NaN or 0), the report and the model card read "n/a" with the reason,
 * the gate does not decide on them, and a gated metric undefined on the whole holdout is
 * insufficient evidence.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { governanceRecord, governanceResults } from '../../actions/evaluate-gate/governance-results.js';
import { ImportanceRecord } from '../../shared/record/sections/governance.js';
import { runAction, type ActionResult } from '../support/run-action.js';
import { gate, results, workspace } from './support.js';

/** score (the passthrough model's P(positive)), label, site. */
function holdout(): string {
  const rows: string[] = ['score,label,site'];
  // mixed: both classes, predictions on both sides of 0.5.
  for (let i = 0; i < 80; i++) {
    const label = i % 2;
    rows.push(`${(0.2 + 0.5 * label + 0.003 * (i % 29)).toFixed(3)},${label},mixed`);
  }
  // no-predicted: both classes, every score below 0.5 (no predicted positives), still ranked by class.
  for (let i = 0; i < 40; i++) {
    const label = i % 2;
    rows.push(`${(0.05 + 0.2 * label + 0.004 * i).toFixed(3)},${label},no-predicted`);
  }
  // one-class: negatives only, a quarter of them predicted positive.
  for (let i = 0; i < 40; i++) rows.push(`${(i % 4 === 0 ? 0.7 : 0.2) + 0.001 * i},0,one-class`);
  return `${rows.join('\n')}\n`;
}

const CONFIG = [
  'model: { name: undefined-slices, label: label }',
  'gate:',
  '  min_detectable: 1',
  '  metrics:',
  '    accuracy: { max_drop: 0 }',
  '    precision: { max_drop: 0 }',
  '    recall: { max_drop: 0 }',
  '    roc_auc: { max_drop: 0 }',
  '  fairness:',
  '    attributes: [site]',
  '',
].join('\n');

let cwd: string;
let run: ActionResult;
const read = (path: string) => readFileSync(join(cwd, path), 'utf8');
const text = (markdown: string) => marked.parse(markdown, { async: false, gfm: true }).replace(/<[^>]+>/g, '');

beforeAll(async () => {
  cwd = workspace(CONFIG);
  writeFileSync(join(cwd, 'data/sites.csv'), holdout());
  run = await gate(cwd, { model: 'passthrough_binary.onnx', baseline: 'passthrough_binary.onnx', data: 'data/sites.csv', slices: 'site', record: 'mlops-run.json' });
}, 300_000);

describe('slices where a metric is undefined', () => {
  it('results and record: null with the reason, no interval, insufficient evidence that does not gate; never NaN', () => {
    expect(run.code, run.stdout).toBe(0);
    const r = results(cwd, run);
    expect(r.verdict).toBe('pass');
    const slice = (value: string) => r.slices.find((s: { value: string }) => s.value === value).metrics;
    const precision = slice('no-predicted').precision;
    expect(precision).toMatchObject({ candidate: null, baseline: null, delta: null, ci: null, candidate_ci: null, verdict: 'insufficient-evidence', undefined_reason: 'undefined on these rows (no predicted positives)' });
    expect(precision.p_value).toBeUndefined();
    expect(slice('no-predicted').recall).toMatchObject({ candidate: 0, candidate_ci: [0, 0] });
    for (const metric of ['recall', 'roc_auc']) {
      expect(slice('one-class')[metric], metric).toMatchObject({ candidate: null, ci: null, candidate_ci: null, undefined_reason: expect.stringContaining('undefined on these rows') });
    }
    expect(slice('one-class').recall.verdict).toBe('insufficient-evidence');
    expect(slice('one-class').precision).toMatchObject({ candidate: 0 });
    expect(slice('mixed').precision.undefined_reason).toBeUndefined();
    // Holm's family: the defined tests only (4 whole-holdout + 4 mixed + 3 no-predicted + 2 one-class; 16 with the undefined ones).
    expect(r.metrics.accuracy.rule).toMatch(/rank \d+\/13\)/);
    const odds = r.fairness.find((f: { metric: string }) => f.metric === 'equalized_odds_difference');
    expect(odds).toMatchObject({ candidate: null, candidate_ci: null, undefined_reason: 'undefined on these rows (a group without positives or without negatives)' });
    expect(odds.groups['one-class'].tpr).toBeNull();
    for (const file of [run.outputs.results!, 'mlops-run.json']) expect(read(file)).not.toMatch(/NaN|Infinity/);
  });

  it('the report reads n/a with the reason, not 0 or [0, 1]', () => {
    const markdown = read(results(cwd, run).report);
    expect(markdown).toContain('| `precision` ↑ | n/a | n/a | n/a | n/a | n/a | ⛔ insufficient evidence |');
    const report = text(markdown);
    const noPredicted = report.slice(report.indexOf('site = no-predicted'), report.indexOf('site = one-class'));
    expect(noPredicted).toContain('n/a: precision undefined on these rows (no predicted positives)');
    const oneClass = report.slice(report.indexOf('site = one-class'));
    expect(oneClass).toContain('recall undefined on these rows (no positives)');
    expect(oneClass).toContain('roc_auc undefined on these rows (only one class)');
    expect(report).toContain('equalized_odds_difference(site) undefined on these rows (a group without positives or without negatives)');
    expect(report).not.toMatch(/\[0, 1\]/);
  });

  it('the model card shows the same n/a and reasons from the record', async () => {
    const card = await runAction('model-card', { cwd, inputs: { record: 'mlops-run.json', out: 'MODEL_CARD.md', comment: 'false' } });
    expect(card.code, card.stdout).toBe(0);
    const markdown = read('MODEL_CARD.md');
    const rendered = text(markdown);
    expect(rendered).toContain('n/a: precision undefined on these rows (no predicted positives)');
    expect(rendered).toContain('n/a: recall undefined on these rows (no positives)');
    expect(rendered).toContain('equalized_odds_difference(site) undefined on these rows');
    const json = JSON.parse(read(card.outputs.json!));
    const slice = json.evaluation.slices.find((s: { value: string }) => s.value === 'no-predicted');
    expect(slice.metrics.find((m: { name: string }) => m.name === 'precision')).toMatchObject({ value: null, undefinedReason: 'undefined on these rows (no predicted positives)' });
  });

  it('a gated metric undefined on the whole holdout is insufficient evidence: the step fails by default and says why', async () => {
    const only = workspace('model: { name: undefined-holdout, label: label }\ngate:\n  metrics:\n    precision: { min: 0.5 }\n');
    writeFileSync(join(only, 'data/none.csv'), ['score,label', ...holdout().trim().split('\n').filter((l) => l.endsWith(',no-predicted')).map((l) => l.split(',').slice(0, 2).join(','))].join('\n') + '\n');
    const result = await gate(only, { model: 'passthrough_binary.onnx', data: 'data/none.csv' });
    const r = results(only, result);
    expect(r.verdict).toBe('insufficient-evidence');
    expect(r.metrics.precision).toMatchObject({ candidate: null, verdict: 'insufficient-evidence' });
    expect(r.metrics.precision.rule).toContain('precision ≥ 0.5: n/a, undefined on this holdout (no predicted positives); not decidable');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('insufficient evidence and gate.insufficient_evidence is fail: precision (n/a: undefined on these rows (no predicted positives)) cannot be judged on 40 rows');
    expect(text(readFileSync(join(only, r.report), 'utf8'))).toContain('precision is n/a: undefined on these rows (no predicted positives)');
  });
});

describe('permutation importance of a metric undefined on the explained rows', () => {
  it('the metric undefined before any shuffle is one clear error naming gate.explain.metric, not a crash', async () => {
    const only = workspace('model: { name: undefined-importance, label: label }\ngate:\n  explain: { metric: precision, repeats: 3 }\n');
    writeFileSync(join(only, 'data/none.csv'), ['score,label', ...holdout().trim().split('\n').filter((l) => l.endsWith(',no-predicted')).map((l) => l.split(',').slice(0, 2).join(','))].join('\n') + '\n');
    const result = await gate(only, { model: 'passthrough_binary.onnx', data: 'data/none.csv' });
    expect(result.code).toBe(1);
    const error = result.stdout.split('\n').filter((l) => l.startsWith('::error')).join('\n');
    expect(error).toContain('gate.explain.metric: the explained metric "precision" is undefined for the candidate on the 40 rows explained (no predicted positives), so its drop cannot be measured. Explain with a metric these rows define');
    expect(error).not.toMatch(/unexpected error/i);
  });

  it('a shuffle that leaves the metric undefined is left out; a feature none of whose shuffles define it has null, not NaN, in results and record', () => {
    const summary = { mean: Number.NaN, std: Number.NaN, ci: [Number.NaN, Number.NaN] as [number, number], repeats: [Number.NaN, Number.NaN], undefined_repeats: 2 };
    const importance = { metric: 'precision', direction: 'higher' as const, repeats: 2, rows: 40, holdout_rows: 40, seed: 0, ci_level: 0.95, candidate_score: 0.5, baseline_score: null, seconds: 0, features: [{ feature: 'x', candidate: summary, baseline: null, candidate_rank: 1, baseline_rank: null }] };
    const record = governanceRecord({ importance } as unknown as Parameters<typeof governanceRecord>[0]);
    expect(ImportanceRecord.parse(record.importance).features[0]!.candidate).toMatchObject({ mean: null, ci: [null, null] });
    expect(JSON.stringify(governanceResults({ importance } as unknown as Parameters<typeof governanceResults>[0]))).not.toMatch(/NaN/);
  });
});
