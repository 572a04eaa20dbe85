/** `mlops lineage` text for gate evidence with undefined metrics: n/a, as in the reports, never "NaN" or a bare dash. */
import { describe, expect, it } from 'vitest';
import { evidenceRows, type LineageEvidence } from '../../shared/registry/lineage-evidence.js';

describe('lineage evidence rows', () => {
  it('a metric and a fairness result without value or interval read n/a', () => {
    const evidence: LineageEvidence = {
      evaluation: {
        verdict: 'insufficient-evidence',
        baseline: 'champion.onnx',
        metrics: { precision: { candidate: null, baseline: null, delta: null, ci: null, verdict: 'insufficient-evidence' }, recall: { candidate: 0.5, baseline: 0.25, delta: 0.25, ci: null, verdict: 'reported' } },
        fairness: [{ attribute: 'site', metric: 'equalized_odds_difference', candidate: null, baseline: null, ci: null, candidate_ci: null, verdict: 'reported' }],
        checks: [],
      },
      deployments: [],
    };
    const rows = Object.fromEntries(evidenceRows(evidence).map(([label, value]) => [label.trim(), value]));
    expect(rows.precision).toBe('n/a insufficient-evidence');
    expect(rows.recall).toBe('0.5 (baseline 0.25, Δ CI n/a) reported');
    expect(rows.fairness).toBe('equalized_odds_difference over site: n/a CI n/a reported');
  });
});
