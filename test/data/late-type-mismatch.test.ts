// DuckDB types a CSV column from a sample of its first rows (20 480). A value past the sample
// that does not fit — text in a column sampled as numbers — made data-validate fail with
// "could not read the data: Conversion Error …": the reader widened the column to text and
// retried, but the scans' SQL was still planned for numbers. Now the columns are planned again
// for their new types and the scans rerun: the value is a finding at its line, or, without a
// contract, the column is profiled as text.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../support/run-action.js';

/** `rows` rows of id,n,label with `x` in n at 0-based row `at` (file line at + 2). */
function lateText(dir: string, name: string, rows: number, at: number): void {
  const lines = ['id,n,label'];
  for (let i = 0; i < rows; i++) lines.push(`${i},${i === at ? 'x' : ((i * 7919) % 1000) / 1000},${i % 2}`);
  writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
}

describe('a value past the type sniffer\'s sample that does not fit the sampled type', () => {
  // 30 000: past the sniffer's sample, inside the prefix look's first 65 536 rows; 80 000: past both (the aggregate pass meets it).
  for (const [rows, at] of [[40_000, 30_000], [90_000, 80_000]] as const) {
    it(`row ${at} of ${rows}: a type finding at its line with a contract, the column profiled as text without one`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mlops-late-type-'));
      lateText(dir, 'late.csv', rows, at);
      writeFileSync(join(dir, 'mlops.yml'), 'data:\n  columns:\n    id: { type: integer }\n    n: { type: number }\n    label: { type: integer }\n');
      const result = await runAction('data-validate', { cwd: dir, inputs: { data: 'late.csv', 'out-dir': 'out', comment: 'false' } });
      expect(result.stdout).not.toContain('could not read the data');
      expect(result.code, result.stdout).toBe(1);
      const findings = JSON.parse(readFileSync(join(dir, 'out/results.json'), 'utf8')).findings as { column: string; check: string; count: number; lines: number[] }[];
      expect(findings).toEqual([expect.objectContaining({ column: 'n', check: 'type', count: 1, lines: [at + 2] })]);

      writeFileSync(join(dir, 'mlops.yml'), 'data: {}\n');
      const profiled = await runAction('data-validate', { cwd: dir, inputs: { data: 'late.csv', 'out-dir': 'out2', comment: 'false' } });
      expect(profiled.code, profiled.stdout).toBe(0);
      const profile = JSON.parse(readFileSync(join(dir, 'out2/profile.json'), 'utf8')) as { rows: number; columns: { name: string; type: string }[] };
      expect(profile.rows).toBe(rows);
      expect(profile.columns.find((c) => c.name === 'n')?.type).toBe('string');
    }, 120_000);
  }
});
