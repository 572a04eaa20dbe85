/**
 * The audit trail end to end on the ANES fixture: evaluate-gate (fairness, importance) →
 * model-card → register into a local OCI layout → `mlops lineage` shows the gate evidence, the
 * card and the deployments of the digest, as text and as JSON; the version's annotations carry
 * the headline figures.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendSection } from '../../shared/record/record.js';
import { runAction, runCli } from '../support/run-action.js';

const GOVERNANCE = new URL('../fixtures/governance/', import.meta.url).pathname;

describe('mlops lineage with governance evidence', () => {
  it('commit → data → training → gate evidence (fairness, importance) → card → digest → deployments', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'gov-lineage-'));
    cpSync(GOVERNANCE, cwd, { recursive: true });
    writeFileSync(
      join(cwd, 'mlops.yml'),
      'model:\n  name: anes96-vote\n  label: vote\ngate:\n  bootstrap: { resamples: 200 }\n  fairness:\n    attributes: [age_band]\n    metrics:\n      demographic_parity_ratio: { min: 0.5 }\n  explain: { repeats: 3, max_rows: 200 }\n',
    );
    const env = { GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567', GITHUB_REPOSITORY: 'octo-org/ml-repo' };
    expect((await runAction('evaluate-gate', { cwd, env, inputs: { model: 'candidate.onnx', baseline: './baseline.onnx', data: 'anes96_holdout.csv', comment: 'false' } })).code).toBe(0);
    expect((await runAction('model-card', { cwd, env, inputs: { out: 'MODEL_CARD.md', comment: 'false' } })).code).toBe(0);
    const registered = await runAction('register', { cwd, env, inputs: { model: 'candidate.onnx' } });
    expect(registered.code, registered.stdout).toBe(0);
    const { version, digest } = registered.outputs as { version: string; digest: string };

    // Headline figures in the manifest annotations (the full figures are in the stored run record).
    const layout = join(cwd, '.mlops/registry');
    const manifest = JSON.parse(readFileSync(join(layout, 'blobs/sha256', digest.replace('sha256:', '')), 'utf8'));
    expect(JSON.parse(manifest.annotations['io.mlops-actions.fairness'])).toEqual([{ attribute: 'age_band', metric: 'demographic_parity_ratio', value: 0.7527, verdict: 'pass' }]);
    const importance = JSON.parse(manifest.annotations['io.mlops-actions.importance']);
    expect(importance[0]).toEqual({ metric: 'accuracy' });
    expect(importance[1].feature).toBe('PID');
    expect(importance).toHaveLength(6);

    // A deployment of this digest, as deploy records it, in the local run record.
    await appendSection(join(cwd, 'mlops-out/mlops-run.json'), 'deploy', { environment: 'production', url: 'http://127.0.0.1:9/v2', digest, status: 'success' }, { stage: 'deploy', at: '2026-12-01T02:00:00.000Z' } as never, 'mlops-out/mlops-run.json');

    const text = await runCli(['lineage', `.mlops/registry:anes96-vote:${version}`, '--record', 'mlops-out/mlops-run.json'], { cwd });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('  commit          0123456789abcdef0123456789abcdef01234567');
    expect(text.stdout).toMatch(/ {2}gate evidence {3}pass against \.\/baseline\.onnx on 472 rows of sha256:[0-9a-f]{64}/);
    expect(text.stdout).toMatch(/ {4}fairness {6}demographic_parity_ratio over age_band: 0\.7527 CI \[[\d.]+, [\d.]+\] \(baseline 0\.5743\) pass/);
    expect(text.stdout).toMatch(/ {4}importance {4}drop of accuracy \(3 repeats, 200 rows\): PID [\d.]+, /);
    expect(text.stdout).toContain('    checks        fairness pass, explainability computed');
    expect(text.stdout).toMatch(/ {2}card {12}MODEL_CARD\.md sha256:[0-9a-f]{64}/);
    expect(text.stdout).toContain('  deployments     production success http://127.0.0.1:9/v2 at 2026-12-01T02:00:00.000Z (mlops-out/mlops-run.json)');

    const json = JSON.parse((await runCli(['lineage', `.mlops/registry:anes96-vote:${version}`, '--format', 'json'], { cwd })).stdout);
    expect(json.digest).toBe(digest);
    expect(json.evidence.evaluation.fairness[0]).toMatchObject({ attribute: 'age_band', metric: 'demographic_parity_ratio', verdict: 'pass' });
    expect(json.evidence.evaluation.importance.top[0].feature).toBe('PID');
    expect(json.evidence.card.path).toBe('MODEL_CARD.md');
    expect(json.evidence.deployments).toEqual([]);

    const bad = await runCli(['lineage', `.mlops/registry:anes96-vote:${version}`, '--format', 'yaml'], { cwd });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('mlops lineage: --format is "yaml"; it takes text or json');
  }, 180_000);
});
