// Threats from the data file itself, each through the bundled data-validate action run as a
// child process under a 2 GiB data-segment limit and a timeout, so a regression fails the test
// instead of taking the machine down:
//   - nested JSON (40 KB of `[[[[…` took 24 GB then OOM; 200 KB crashed DuckDB with SIGSEGV);
//   - a truncated .csv.gz read as a shorter, "valid" file;
//   - repeated CSV column names renamed silently by DuckDB;
//   - a 40 MB CSV line echoed into an annotation;
//   - 150+ columns on a 2-core runner (out of memory before);
//   - ±inf or |x| ≳ 1e154 in a numeric column (DuckDB's stddev_samp "out of range", an unexpected error before).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runAction } from '../support/run-action.js';

const LIMITED = ['prlimit', '--data=2147483648', 'timeout', '-s', 'KILL', '180'];

function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlops-hostile-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

function validate(dir: string, data: string, env: Record<string, string> = {}) {
  return runAction('data-validate', { cwd: dir, inputs: { data, comment: 'false' }, prefix: LIMITED, env });
}

function nested(depth: number): string {
  return `{"id": 1, "x": 2}\n{"id": 2, "x": ${'['.repeat(depth)}${']'.repeat(depth)}}\n`;
}

describe('hostile data files', () => {
  it.each([20_000, 100_000])('JSON Lines nested %i deep: one clear error naming file and line, no crash', async (depth) => {
    const dir = workspace({ 'deep.jsonl': nested(depth) });
    const result = await validate(dir, 'deep.jsonl');
    expect(result.code).toBe(1); // not 137 (killed), not 139 (SIGSEGV)
    expect(result.stdout).toContain('::error file=deep.jsonl,line=2');
    expect(result.stdout).toContain('JSON nested deeper than 64 levels');
  });

  it('shallow nesting is still read', async () => {
    const dir = workspace({ 'ok.jsonl': '{"id": 1, "x": 2, "tags": [[1, 2], [3]]}\n{"id": 2, "x": 3, "tags": [[4]]}\n' });
    const result = await validate(dir, 'ok.jsonl');
    expect(result.stdout).not.toContain('nested deeper');
    expect(result.code).toBe(0);
  });

  it('a truncated .csv.gz fails as corrupt instead of passing with fewer rows', async () => {
    const rows = ['id,x', ...Array.from({ length: 5000 }, (_, i) => `${i},${(i * 7919) % 1000}`)].join('\n');
    const full = gzipSync(rows);
    const dir = workspace({ 'cut.csv.gz': full.subarray(0, Math.floor(full.length * 0.6)), 'whole.csv.gz': full });
    const cut = await validate(dir, 'cut.csv.gz');
    expect(cut.code).toBe(1);
    expect(cut.stdout).toMatch(/::error file=cut\.csv\.gz.*the gzip file is truncated/);
    expect((await validate(dir, 'whole.csv.gz')).code).toBe(0);
  });

  it('repeated CSV column names are an error naming them', async () => {
    const dir = workspace({ 'dup.csv': 'id,x,Age,age,x\n1,2,3,4,5\n' });
    const result = await validate(dir, 'dup.csv');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::error file=dup\.csv,line=1.*repeats column names/);
    expect(result.stdout).toContain('"Age" and "age"');
    expect(result.stdout).toMatch(/repeats column names[^\n]*"x"/);
  });

  it('a 40 MB line is not echoed into the log or an annotation', async () => {
    const huge = 'y'.repeat(40 * 1024 * 1024);
    const dir = workspace({ 'wide.csv': `id,x\n1,2\n2,${huge}\n3,4\n` });
    const result = await validate(dir, 'wide.csv');
    expect(result.stdout.length + result.stderr.length).toBeLessThan(20_000);
    expect(result.stdout).not.toMatch(/y{300}/);
  });

  it('160 columns on 2 threads: one result, not an out-of-memory crash', async () => {
    const columns = Array.from({ length: 160 }, (_, i) => `c${i}`);
    const rows = Array.from({ length: 2000 }, (_, r) => columns.map((_, c) => ((r * 31 + c * 17) % 997) / 10).join(','));
    const dir = workspace({ 'wide.csv': [columns.join(','), ...rows].join('\n') });
    const result = await validate(dir, 'wide.csv', { MLOPS_DUCKDB_THREADS: '2' });
    expect(result.stderr).not.toMatch(/Out of Memory|OutOfMemory/i);
    expect(result.code).toBe(0);
  });

  it('±inf and values whose squares overflow: profiled, stddev over the finite values without overflow', async () => {
    const dir = workspace({ 'huge.csv': 'a,b\n1,2\n1e300,3\n-1e300,4\n5,6\n', 'inf.csv': 'a,b\n1,2\n1e300,3\ninf,4\n5,6\n' });
    for (const [file, expected] of [['huge.csv', Math.sqrt(2 / 3) * 1e300], ['inf.csv', 5.773502691896258e299]] as const) {
      const result = await validate(dir, file);
      expect(result.code, result.stdout).toBe(0);
      expect(result.stdout).not.toMatch(/unexpected error/);
      const profile = JSON.parse(readFileSync(join(dir, result.outputs.profile!), 'utf8'));
      const a = profile.columns.find((c: { name: string }) => c.name === 'a');
      // NumPy's np.std(..., ddof=1) overflows to inf on these; the exact values: sqrt(2e600 / 3),
      // and for the finite 1, 1e300, 5: sqrt(((1e300)² · 2/3) / 2) = 1e300 / sqrt(3).
      expect(a.stddev / expected).toBeCloseTo(1, 9); // the profile keeps 12 significant digits
    }
  });
});
