/**
 * The card filled from the gate's governance evidence (ANES 1996 fixture): Factors names the
 * attribute and its groups, Quantitative analyses has the fairness and importance tables,
 * the checks that ran are listed, and `require: fairness, explainability` fails without them.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../support/run-action.js';

const GOVERNANCE = new URL('../fixtures/governance/', import.meta.url).pathname;
const MLOPS = `model:
  name: anes96-vote
  label: vote
model_card:
  factors: Age is a protected characteristic; results are broken down by age band.
gate:
  bootstrap: { resamples: 200 }
  fairness:
    attributes: [age_band]
    metrics:
      demographic_parity_ratio: { min: 0.5 }
  explain: { repeats: 3, max_rows: 200 }
`;

function workspace(yml: string): string {
  const cwd = mkdtempSync(join(tmpdir(), 'gov-card-'));
  cpSync(GOVERNANCE, cwd, { recursive: true });
  writeFileSync(join(cwd, 'mlops.yml'), yml);
  return cwd;
}

const card = (cwd: string, require: string) => runAction('model-card', { cwd, inputs: { out: 'MODEL_CARD.md', require, comment: 'false' } });

describe('model card governance evidence', () => {
  it('fills Factors and Quantitative analyses and lists the checks; require fairness/explainability passes', async () => {
    const cwd = workspace(MLOPS);
    const gated = await runAction('evaluate-gate', { cwd, inputs: { model: 'candidate.onnx', baseline: './baseline.onnx', data: 'anes96_holdout.csv', comment: 'false' } });
    expect(gated.code, gated.stdout).toBe(0);
    const result = await card(cwd, 'factors,fairness,explainability');
    expect(result.code, result.stdout).toBe(0);
    const markdown = readFileSync(join(cwd, 'MODEL_CARD.md'), 'utf8');
    const factors = markdown.slice(markdown.indexOf('## Factors'), markdown.indexOf('## Metrics'));
    expect(factors).toContain('Age is a protected characteristic');
    expect(factors).toMatch(/- `age_band`: `18-29` 58, `30-44` 179, `45-64` 151, `65\+` 84/);
    const quantitative = markdown.slice(markdown.indexOf('## Quantitative analyses'), markdown.indexOf('## Ethical considerations'));
    expect(quantitative).toMatch(/\| `age_band` \| `demographic_parity_ratio` \| 0\.7527 \| \[[\d.]+, [\d.]+\] \| 0\.5743 \| .* \| pass \|/);
    expect(quantitative).toMatch(/\*\*Permutation feature importance\*\* \(drop of `accuracy`, 3 seeded permutations on 200 holdout rows; top 8\)/);
    expect(quantitative).toMatch(/\| `PID` \| [\d.]+ \|/);
    const ethics = markdown.slice(markdown.indexOf('## Ethical considerations'), markdown.indexOf('## Caveats'));
    expect(ethics).toMatch(/- fairness: \*\*pass\*\*/);
    expect(ethics).toMatch(/- explainability: \*\*computed\*\* \(permutation importance of 9 features, 3 repeats on 200 rows \(accuracy\)\)/);
    const json = JSON.parse(readFileSync(join(cwd, 'model-card.json'), 'utf8'));
    expect(json.governance.fairness[0].metric).toBe('demographic_parity_ratio');
    expect(json.governance.importance.features).toHaveLength(9);
  }, 120_000);

  it('require: fairness, explainability fails when the record has no such evidence', async () => {
    const cwd = workspace(MLOPS.replace(/gate:[\s\S]*$/, ''));
    const gated = await runAction('evaluate-gate', { cwd, inputs: { model: 'candidate.onnx', baseline: './baseline.onnx', data: 'anes96_holdout.csv', comment: 'false' } });
    expect(gated.code, gated.stdout).toBe(0);
    const result = await card(cwd, 'fairness,explainability');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('required governance evidence is missing from the run record: fairness, explainability (set gate.fairness and gate.explain or the explain input for evaluate-gate)');
    expect(readFileSync(join(cwd, 'MODEL_CARD.md'), 'utf8')).toContain('**Governance checks run:** none');
  }, 120_000);

  it('a require key that is neither a section nor evidence is refused with a suggestion', async () => {
    const result = await card(workspace(MLOPS), 'fairnes');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/input "require" names "fairnes", which is not a model_card key or evidence \(fairness, explainability\).*Did you mean "fairness"\?/);
  });
});
