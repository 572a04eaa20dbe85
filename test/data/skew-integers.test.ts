/**
 * Skew on integer columns (issue 13): both samples must be binned on their values, identically,
 * so identical distributions whose min or max differ are not flagged.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Xoshiro128 } from '../../shared/stats/prng.js';
import { runAction } from '../support/run-action.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-skew-int-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface SkewRow {
  psiNoise: number;
  column: string;
  rows: number;
  referenceRows: number;
  psi: number;
  jsd: number;
  psiFlagged: boolean;
  jsdFlagged: boolean;
}

async function skewOf(current: number[], reference: number[], name: string) {
  await writeFile(join(dir, `${name}-cur.csv`), `k\n${current.join('\n')}\n`);
  await writeFile(join(dir, `${name}-ref.csv`), `k\n${reference.join('\n')}\n`);
  const run = await runAction('data-validate', { cwd: dir, inputs: { data: `${name}-cur.csv`, reference: `${name}-ref.csv`, 'out-dir': `out/${name}`, 'fail-on': 'never' } });
  expect(run.code, run.stderr).toBe(0);
  const results = JSON.parse(await readFile(join(dir, run.outputs.results!), 'utf8')) as { skew: SkewRow[]; findings: { check: string }[] };
  return { row: results.skew.find((s) => s.column === 'k')!, findings: results.findings.filter((f) => f.check === 'skew') };
}

/** Knuth's Poisson sampler on the project's seeded generator. */
function poisson(n: number, mean: number, seed: number): number[] {
  const rng = new Xoshiro128(seed);
  const limit = Math.exp(-mean);
  return Array.from({ length: n }, () => {
    let k = 0;
    for (let p = rng.nextDouble(); p > limit; p *= rng.nextDouble()) k++;
    return k;
  });
}

describe('data-validate skew on integer columns', () => {
  it('does not flag 0..4 × 2,000 + one 9 against the same + one 10 (different max)', async () => {
    const base = Array.from({ length: 10000 }, (_, i) => i % 5);
    const { row, findings } = await skewOf([...base, 9], [...base, 10], 'minimal');
    expect(findings).toEqual([]);
    expect(row.psi).toBeLessThan(0.01);
    expect(row.jsd).toBeLessThan(0.01);
    expect(row.rows).toBe(10001);
    expect(row.referenceRows).toBe(10001);
  });

  it('does not flag two Poisson(2) samples of one distribution (null case, differing min/max)', async () => {
    for (const seed of [1, 2, 3]) {
      const current = poisson(5000, 2, seed);
      const reference = poisson(5000, 2, 100 + seed);
      const { row, findings } = await skewOf(current, reference, `poisson-${seed}`);
      expect(findings).toEqual([]);
      expect(row.psi).toBeLessThan(row.psiNoise);
      expect(Number.isInteger(row.rows) && Number.isInteger(row.referenceRows)).toBe(true);
    }
  });

  it('still flags a shifted Poisson column', async () => {
    const { findings } = await skewOf(poisson(5000, 4, 7), poisson(5000, 2, 8), 'poisson-shift');
    expect(findings).toHaveLength(1);
  });
});
