/**
 * drift-check's numeric columns measured on worker threads (the bundled action, drift.threads)
 * give exactly the results of one thread: same tests, statistics, p-values, histograms, same
 * order, same first error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Xoshiro128 } from '../../shared/stats/prng.js';
import { drift, workspace } from './workspace.js';

/** Columns that exercise every numeric path: NaN (empty cells), −0.0 and 0, ties, a low-cardinality integer (χ²), a shift. */
function csv(n: number, seed: number, shift: number): string {
  const rng = new Xoshiro128(seed);
  const lines = ['x_normal,x_ties,x_zero,x_small_int,x_shifted,label,x_empty'];
  for (let i = 0; i < n; i++) {
    const normal = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    const missing = rng.nextDouble() < 0.05;
    lines.push([
      missing ? '' : normal.toFixed(6),
      Math.round(normal * 2) / 2,
      i % 3 === 0 ? '-0.0' : i % 3 === 1 ? '0' : (rng.nextDouble() * 1e-300).toExponential(3),
      Math.floor(rng.nextDouble() * 4),
      (normal + shift).toFixed(4),
      rng.nextDouble() < 0.5 ? 'a' : 'b',
      seed === 1 ? 'nan' : '1',
    ].join(','));
  }
  return `${lines.join('\n')}\n`;
}

const COLUMNS = 'x_normal,x_ties,x_zero,x_small_int,x_shifted,label';
const comparable = (cwd: string, path: string) => {
  const results = JSON.parse(readFileSync(join(cwd, path), 'utf8')) as Record<string, unknown>;
  delete results.seconds;
  delete results.created_at;
  return results;
};

describe('drift-check on worker threads', () => {
  it('gives byte-identical column results with 1 and 2 threads', async () => {
    const cwd = workspace({ 'ref.csv': csv(3000, 1, 0), 'cur.csv': csv(2500, 2, 0.3) });
    const run = async (threads: number) => {
      writeFileSync(join(cwd, 'mlops.yml'), `model: { name: churn }\ndrift: { threads: ${threads} }\n`);
      const result = await drift(cwd, { current: 'cur.csv', reference: 'ref.csv', columns: COLUMNS }, { repository: '' });
      expect(result.code, result.stdout).toBe(0);
      return result;
    };
    const one = await run(1);
    const two = await run(2);
    expect(one.stdout).not.toContain('worker threads');
    expect(two.stdout).toContain('numeric columns measured on 2 worker threads');
    const a = comparable(cwd, one.outputs.results!);
    const b = comparable(cwd, two.outputs.results!);
    expect(JSON.stringify(b.columns)).toBe(JSON.stringify(a.columns));
    expect((a.columns as { column: string; test: string }[]).map((c) => `${c.column}:${c.test}`)).toEqual(['x_normal:ks', 'x_ties:ks', 'x_zero:ks', 'x_small_int:chi2', 'x_shifted:ks', 'label:z']);
    expect(two.outputs['drifted-columns']).toBe(one.outputs['drifted-columns']);
    expect(one.outputs['drifted-columns']).toContain('x_shifted');
  });

  it('an all-missing column is the same one clear error on threads', async () => {
    const cwd = workspace({ 'ref.csv': csv(500, 1, 0), 'cur.csv': csv(400, 2, 0) });
    for (const threads of [1, 3]) {
      writeFileSync(join(cwd, 'mlops.yml'), `model: { name: churn }\ndrift: { threads: ${threads} }\n`);
      const result = await drift(cwd, { current: 'cur.csv', reference: 'ref.csv', columns: `${COLUMNS},x_empty` }, { repository: '' });
      expect(result.code, result.stdout).toBe(1);
      expect(result.stdout).toMatch(/::error::.*column "x_empty" has no values in the reference \(all missing\)/);
    }
  });
});
