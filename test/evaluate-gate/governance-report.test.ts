/** The governance report sections escape every data string and draw bars from 0. */
import { describe, expect, it } from 'vitest';
import { importanceChart, importanceTable, rankChanges, fairnessTable } from '../../actions/evaluate-gate/governance-report.js';
import type { FairnessOutcome } from '../../actions/evaluate-gate/fairness-gate.js';
import type { ImportanceEntry, ImportanceResult } from '../../actions/evaluate-gate/importance.js';

const summary = (mean: number) => ({ mean, std: 0.01, ci: [mean - 0.01, mean + 0.01] as [number, number], repeats: [mean] });
const HOSTILE = 'x|y`z\n## <img src=x onerror=alert(1)> @admin "q" [a](b)';
const entries: ImportanceEntry[] = [
  { feature: HOSTILE, candidate: summary(0.3), baseline: summary(0.1), candidate_rank: 1, baseline_rank: 2 },
  { feature: 'b', candidate: summary(0.2), baseline: summary(0.2), candidate_rank: 2, baseline_rank: 1 },
  { feature: 'noise', candidate: summary(-0.05), baseline: null, candidate_rank: 3, baseline_rank: null },
  { feature: 'gone', candidate: null, baseline: summary(0.05), candidate_rank: null, baseline_rank: 3 },
];
const importance: ImportanceResult = { metric: 'accuracy', direction: 'higher', repeats: 5, rows: 100, holdout_rows: 100, seed: 0, ci_level: 0.95, candidate_score: 0.9, baseline_score: 0.8, features: entries, seconds: 0.1 };

describe('governance report sections', () => {
  it('escapes feature names in the table and the chart; the chart starts at 0 and draws negatives as 0', () => {
    const rendered = importanceTable(entries, true);
    expect(rendered.split('\n')).toHaveLength(2 + 3);
    // Inside a code span (the fence longer than any backtick run), on one line, the pipe escaped: inert.
    expect(rendered).toContain('| 1 | ``x\\|y`z ## <img src=x onerror=alert(1)> @admin "q" [a](b)`` | 0.3 |');
    expect(rendered).not.toMatch(/\n## /);
    const chart = importanceChart(importance, true);
    expect(chart).toContain('x-axis ["x?y?z??? ?img src=x onerror=alert(1)? ?a", "b", "noise"]');
    expect(chart).toContain('y-axis "drop of accuracy" 0 --> 0.33');
    expect(chart).toContain('bar [0.3, 0.2, 0]');
    expect(chart).toContain('bar [0.1, 0.2, 0]');
  });

  it('rank changes: features one model does not read first, then the largest shifts', () => {
    expect(rankChanges(entries).map((c) => [c.feature, c.from, c.to])).toEqual([
      ['noise', null, 3],
      ['gone', 3, null],
      [HOSTILE, 2, 1],
      ['b', 1, 2],
    ]);
  });

  it('escapes attribute names in the fairness table', () => {
    const outcome = { attribute: HOSTILE, metric: 'demographic_parity_difference', groups: {}, untested_groups: [], candidate: 0.1, baseline: 0.2, delta: -0.1, ci: [-0.2, 0], ci_level: 0.95, candidate_ci: [0.05, 0.15], verdict: 'pass', rule: 'r', gated: true, direction: 'lower' } as FairnessOutcome;
    const rendered = fairnessTable([outcome], true);
    expect(rendered.split('\n')).toHaveLength(3);
    expect(rendered).toContain('| ``x\\|y`z ## <img src=x onerror=alert(1)> @admin "q" [a](b)`` | `demographic_parity_difference` ↓ | 0.1 | [0.05, 0.15] | 0.2 | -0.1 | [-0.2, 0] | ✅ pass |');
  });
});
