/**
 * The gate's paired bootstrap on worker threads, through the bundled action (dist/evaluate-gate.js
 * starting dist/bootstrap-worker.js): with gate.bootstrap.threads: 2 every interval, p-value and
 * verdict of the whole holdout, each slice and each fairness metric equals the single-threaded
 * run's, and the fairness intervals still equal the replayed xoshiro128** resamples of the fixture.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gate, results } from './support.js';

const GOVERNANCE = new URL('../fixtures/governance/', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(join(GOVERNANCE, 'expected.json'), 'utf8'));

const policy = (threads: number) => `model:
  name: anes96-vote
  label: vote
gate:
  bootstrap: { resamples: 301, seed: ${expected.seed}, threads: ${threads} }
  insufficient_evidence: warn
  slices: [age_band]
  fairness:
    attributes: [age_band]
    metrics:
      demographic_parity_difference: { max: 0.3, max_rise: 0.05 }
`;

async function run(threads: number) {
  const cwd = mkdtempSync(join(tmpdir(), 'boot-threads-'));
  cpSync(GOVERNANCE, cwd, { recursive: true });
  writeFileSync(join(cwd, 'mlops.yml'), policy(threads));
  const result = await gate(cwd, { model: 'candidate.onnx', baseline: './baseline.onnx', data: 'anes96_holdout.csv' });
  expect(result.code, result.stdout).toBe(0);
  const out = results(cwd, result);
  // Timings differ from run to run; everything else must not.
  delete out.seconds;
  return { out, log: result.stdout };
}

describe('evaluate-gate bootstrap on worker threads (bundled action)', () => {
  it('two threads give the same results as one, slices and fairness included', async () => {
    const [one, two] = [await run(1), await run(2)];
    expect(one.log).toMatch(/Paired bootstrap: 301 resamples × 5 groups \(seed 0\)/);
    expect(two.log).toMatch(/Paired bootstrap: 301 resamples × 5 groups \(seed 0, up to 2 threads\)/);
    expect(two.out.slices.length).toBe(4);
    expect(two.out.fairness[0].ci).toHaveLength(2);
    expect(JSON.stringify(two.out)).toBe(JSON.stringify(one.out));
  }, 180_000);

  it("the fixture's replayed resamples: fairness intervals on threads equal NumPy's", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'boot-threads-'));
    cpSync(GOVERNANCE, cwd, { recursive: true });
    writeFileSync(join(cwd, 'mlops.yml'), `model:\n  name: anes96-vote\n  label: vote\ngate:\n  bootstrap: { resamples: ${expected.resamples}, seed: ${expected.seed}, threads: 2 }\n  fairness:\n    attributes: [age_band]\n`);
    const result = await gate(cwd, { model: 'candidate.onnx', baseline: './baseline.onnx', data: 'anes96_holdout.csv' });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/up to 2 threads/);
    const byMetric = Object.fromEntries(results(cwd, result).fairness.map((f: any) => [f.metric, f]));
    for (const [metric, m] of Object.entries<any>(expected.fairness.metrics)) {
      expect(byMetric[metric].candidate_ci[0]).toBeCloseTo(m.candidate_ci[0], 12);
      expect(byMetric[metric].candidate_ci[1]).toBeCloseTo(m.candidate_ci[1], 12);
      expect(byMetric[metric].ci[0]).toBeCloseTo(m.delta_ci[0], 12);
      expect(byMetric[metric].ci[1]).toBeCloseTo(m.delta_ci[1], 12);
    }
  }, 120_000);
});
