// The one-pass profile takes its histogram grid and categorical columns from the first rows;
// data that contradicts that look later on must still get an exact, complete profile.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldGrid, histogramOfValues } from '../../shared/data/validate/distributions.js';
import { PREFIX_ROWS } from '../../shared/data/validate/prefix.js';
import { runAction } from '../support/run-action.js';

let dir: string;
const ROWS = PREFIX_ROWS + 4_000;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-dv-prefix-'));
  const lines = ['x,code,far'];
  for (let i = 0; i < ROWS; i++) {
    const late = i >= PREFIX_ROWS;
    // x: in [0, 1) in the prefix, then a little beyond on both sides; code: 10 values, then 2 000 more; far: one huge value at the end.
    const x = late ? (i % 2 === 0 ? -0.25 : 1.5) : (i % 1000) / 1000;
    const code = late && i < PREFIX_ROWS + 2_000 ? 1000 + i - PREFIX_ROWS : i % 10;
    const far = i === ROWS - 1 ? 1e9 : (i % 7) / 7;
    lines.push(`${x},${code},${far}`);
  }
  await writeFile(join(dir, 'late.csv'), `${lines.join('\n')}\n`);
  await writeFile(join(dir, 'mlops.yml'), 'data:\n  columns:\n    x: { type: number }\n    code: { type: integer }\n    far: { type: number }\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Column {
  name: string;
  count: number;
  min: number;
  max: number;
  distinct: number | null;
  value_counts: Record<string, number> | null;
  histogram: { low: number; high: number; counts: number[] } | null;
}

describe('profile when the first rows misjudge the data', () => {
  it('covers values beyond the first rows, and counts distinct values exactly', async () => {
    const run = await runAction('data-validate', { cwd: dir, inputs: { data: 'late.csv', 'fail-on': 'never' } });
    expect(run.code).toBe(0);
    const profile = JSON.parse(await readFile(join(dir, run.outputs.profile!), 'utf8')) as { rows: number; columns: Column[] };
    expect(profile.rows).toBe(ROWS);
    const byName = Object.fromEntries(profile.columns.map((c) => [c.name, c]));
    const total = (c: Column) => c.histogram!.counts.reduce((a, b) => a + b, 0);

    const x = byName['x']!;
    expect([x.min, x.max]).toEqual([-0.25, 1.5]);
    expect(x.histogram!.low).toBeLessThanOrEqual(-0.25);
    expect(x.histogram!.high).toBeGreaterThanOrEqual(1.5);
    expect(x.histogram!.counts.length).toBeLessThanOrEqual(1000);
    expect(total(x)).toBe(ROWS);

    const far = byName['far']!;
    expect(far.histogram).toMatchObject({ low: 0, high: 1e9 });
    expect(far.histogram!.counts).toHaveLength(1000);
    expect(total(far)).toBe(ROWS);

    const code = byName['code']!;
    expect(code.distinct).toBe(2_010);
    expect(code.value_counts).toBeNull();
    expect(total(code)).toBe(ROWS);
  });
});

describe('histogram folding', () => {
  it('keeps the min..max grid when every value fell inside the first rows’ range', () => {
    // Pass 1 bins 4× finer: bins 0–3 fold into bin 0, 3 999 into 999.
    expect(foldGrid({ '0': 2, '3': 1, '3999': 1, '2000': 4 }, 0, 10)).toEqual({ low: 0, high: 10, counts: Object.assign(new Array(1000).fill(0), { 0: 3, 500: 4, 999: 1 }) });
  });

  it('extends the grid beyond the range, merging bins to at most 1 000', () => {
    const folded = foldGrid({ '-8': 1, '0': 3, '4003': 5 }, 0, 4000)!;
    // 4 012 fine bins of width 1 from -8, merged by 5: 803 bins.
    expect(folded.counts).toHaveLength(803);
    expect(folded.low).toBe(-8);
    expect(folded.high).toBe(-8 + 803 * 5);
    expect([folded.counts[0], folded.counts[1], folded.counts[802]]).toEqual([1, 3, 5]);
  });

  it('gives up on a value far outside the range', () => {
    expect(foldGrid({ '0': 1, '259999': 1 }, 0, 1)).toBeUndefined();
  });

  it('bins exact value counts like the SQL histogram over min..max', () => {
    const h = histogramOfValues({ '18': 3, '87': 1, '50': 2 }, 18, 87, 'integer')!;
    expect(h.counts[0]).toBe(3);
    expect(h.counts[999]).toBe(1);
    expect(h.counts[Math.floor((50 - 18) / ((87 - 18) / 1000))]).toBe(2);
    const dates = histogramOfValues({ '2024-01-01': 1, '2024-01-03': 1 }, Date.UTC(2024, 0, 1) / 1000, Date.UTC(2024, 0, 3) / 1000, 'date')!;
    expect([dates.counts[0], dates.counts[999]]).toEqual([1, 1]);
  });
});
