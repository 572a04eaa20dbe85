import { describe, expect, it } from 'vitest';
import { decide, DEFAULT_RULE } from '../../shared/drift/decide.js';
import { renderDriftReport } from '../../shared/drift/report.js';
import type { ColumnMeasure } from '../../shared/drift/result.js';

const NASTY = '<img src=x onerror=alert(1)>|`@org/team` ## "x"\n- [link](javascript:alert(1))';

function measure(column: string, p: number, effect: number): ColumnMeasure {
  return {
    column,
    role: 'feature',
    type: 'categorical',
    test: 'chi2',
    statistic: 12.5,
    p_value: p,
    effect: { measure: 'js', value: effect },
    psi: 0.3,
    js: effect,
    reference_values: 100,
    current_values: 100,
    reference_missing: 2,
    current_missing: 0,
    merged_categories: [NASTY],
    histogram: { labels: [NASTY, 'b'], reference: [0.5, 0.5], current: [0.9, 0.1] },
  };
}

describe('drift report', () => {
  it('escapes every user string in the table, notes and mermaid charts; bars start at 0', () => {
    const markdown = renderDriftReport({
      current: 'cur`.csv',
      reference: 'ref.csv',
      referenceIsProfile: false,
      currentRows: 100,
      referenceRows: 100,
      rule: DEFAULT_RULE,
      decision: decide([measure(NASTY, 1e-9, 0.4)], DEFAULT_RULE),
      skipped: [{ column: '@someone', reason: 'identifier-like' }],
      github: [],
    });
    expect(markdown).not.toContain('<img');
    const prose = markdown.replace(/```mermaid[\s\S]*?```/g, '');
    expect(prose).not.toMatch(/@org|@someone/);
    // Every line that names the column is one line: the newline in the name cannot start a list.
    expect(markdown).not.toMatch(/^- /m);
    expect(markdown).not.toMatch(/[^\\]\]\(javascript:/);
    const mermaid = markdown.slice(markdown.indexOf('```mermaid'), markdown.indexOf('```', markdown.indexOf('```mermaid') + 3));
    const labels = [...mermaid.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
    expect(labels.length).toBeGreaterThan(2);
    for (const label of labels) expect(label).not.toMatch(/[<>`;#{}[\]\n]/);
    // The top of the axis is the round ceiling every bar chart of the reports uses (niceCeiling of 90 %).
    expect(mermaid).toMatch(/y-axis "% of rows" 0 --> 100\n/);
    expect(mermaid).toContain('bar [50, 50]');
    expect(mermaid).toContain('bar [90, 10]');
    // Table rows stay one line each: the newline in the name does not break the table.
    const rows = markdown.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(3);
    expect(rows[2]).toContain('🔴 drift');
  });

  it('an undefined performance estimate reads n/a', () => {
    const markdown = renderDriftReport({
      current: 'cur.csv',
      reference: 'ref.csv',
      referenceIsProfile: false,
      currentRows: 100,
      referenceRows: 100,
      rule: DEFAULT_RULE,
      decision: decide([measure('x', 0.5, 0.01)], DEFAULT_RULE),
      skipped: [],
      github: [],
      performance: { source: 'model.onnx', current: { rows: 100, accuracy: 1, rocAuc: Number.NaN } },
    });
    expect(markdown).toContain('| expected ROC AUC | n/a | n/a |');
    expect(markdown).toContain('| expected accuracy | n/a | 1 |');
  });
});
