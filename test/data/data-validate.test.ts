import { cp, mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, runCli } from '../support/run-action.js';
import { cleanRows, csvLine, DEFECTS, toCsv, writeFixtures } from '../fixtures/data/customers.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-dv-'));
  await writeFixtures(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Results {
  valid: boolean;
  rows: number;
  findings: { column: string | null; check: string; severity: string; count: number; lines: number[] }[];
}

async function validate(inputs: Record<string, string>) {
  const outDir = `out/${Object.values(inputs).join('-').replace(/[^a-z0-9]+/gi, '_')}`;
  const result = await runAction('data-validate', { cwd: dir, inputs: { 'out-dir': outDir, ...inputs } });
  const results = result.outputs.results ? (JSON.parse(await readFile(join(dir, result.outputs.results), 'utf8')) as Results) : undefined;
  return { ...result, results };
}

const rowFindings = (results: Results | undefined) =>
  results!.findings.filter((f) => f.count > 0).map(({ column, check, severity, count, lines }) => ({ column, check, severity, count, lines }));

describe('data-validate on seeded defects', () => {
  const expectedCsv = [
    { column: 'id', check: 'pattern', severity: 'error', count: 1, lines: [csvLine(DEFECTS.pattern)] },
    { column: 'id', check: 'unique', severity: 'error', count: 2, lines: [csvLine(DEFECTS.uniqueFirst), csvLine(DEFECTS.uniqueRepeat)] },
    { column: 'age', check: 'type', severity: 'error', count: 1, lines: [csvLine(DEFECTS.type)] },
    { column: 'age', check: 'range', severity: 'error', count: 1, lines: [csvLine(DEFECTS.range)] },
    { column: 'income', check: 'nullable', severity: 'error', count: 1, lines: [csvLine(DEFECTS.nullable)] },
    { column: 'plan', check: 'values', severity: 'error', count: 1, lines: [csvLine(DEFECTS.values)] },
  ];

  it('CSV: exact counts and physical line numbers, annotations, exit 1', async () => {
    const { code, outputs, results, stdout } = await validate({ data: 'defects.csv' });
    expect(code).toBe(1);
    expect(rowFindings(results)).toEqual(expectedCsv);
    expect(results!.findings.find((f) => f.check === 'unexpected-column')).toMatchObject({ column: 'note', severity: 'warning' });
    expect(outputs).toMatchObject({ valid: 'false', rows: '50', errors: '6', warnings: '1' });
    expect(stdout).toContain(`::error title=data-validate%3A type (age),file=defects.csv,line=${csvLine(DEFECTS.type)}::age: value is not an integer`); // what the line has; the finding's totals are in the report
  });

  it('JSONL: the same findings at JSONL lines (no header)', async () => {
    const { results } = await validate({ data: 'defects.jsonl' });
    const line = (record: number) => record + 1;
    expect(rowFindings(results)).toEqual(expectedCsv.map((f) => ({ ...f, lines: f.lines.map((l) => line(l - 2 - (l > 4 ? 1 : 0))) })));
  });

  it('Parquet: the same findings at 1-based row numbers', async () => {
    const { results } = await validate({ data: 'defects.parquet' });
    expect(rowFindings(results)).toEqual(expectedCsv.map((f) => ({ ...f, lines: f.lines.map((l) => l - 1 - (l > 4 ? 1 : 0)) })));
  });
});

describe('data-validate verdicts', () => {
  it('a clean file passes; the unexpected column is a warning', async () => {
    const { code, outputs, results } = await validate({ data: 'clean.csv' });
    expect(code).toBe(0);
    expect(outputs).toMatchObject({ valid: 'true', errors: '0', warnings: '1', rows: '50' });
    expect(results!.findings.map((f) => f.check)).toEqual(['unexpected-column']);
  });

  it('fail-on warning fails on the warning; fail-on never passes the defects', async () => {
    expect((await validate({ data: 'clean.csv', 'fail-on': 'warning' })).code).toBe(1);
    const never = await validate({ data: 'defects.csv', 'fail-on': 'never' });
    expect(never.code).toBe(0);
    expect(never.outputs.valid).toBe('false');
  });

  it('profile and fingerprint are stable across runs and change when one value changes', async () => {
    const first = await validate({ data: 'clean.csv', 'out-dir': 'out/stable-1' });
    const second = await validate({ data: 'clean.csv', 'out-dir': 'out/stable-2' });
    expect(first.outputs.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(second.outputs.fingerprint).toBe(first.outputs.fingerprint);
    const profile = (run: { outputs: Record<string, string> }) => readFile(join(dir, run.outputs.profile!), 'utf8');
    expect(await profile(second)).toBe(await profile(first));

    const rows = cleanRows();
    rows[7]![2] = 123456.75;
    await writeFile(join(dir, 'changed.csv'), toCsv(rows));
    const changed = await validate({ data: 'changed.csv', 'out-dir': 'out/stable-3' });
    expect(changed.outputs.fingerprint).not.toBe(first.outputs.fingerprint);
    expect(JSON.parse(await profile(changed)).columns[2].max).toBe(123456.75);
  });
});

describe('data-validate skew', () => {
  it('flags a shifted column against a reference profile, and not the unchanged ones', async () => {
    const reference = await validate({ data: 'clean.csv', 'out-dir': 'out/reference' });
    const big = (shift: number) => toCsv(Array.from({ length: 40 }, () => cleanRows(shift)).flat().map((r, i) => [`C${String(200000 + i)}`, ...r.slice(1)]));
    await writeFile(join(dir, 'ref-big.csv'), big(0));
    await writeFile(join(dir, 'shifted.csv'), big(25));
    const { results, outputs } = await validate({ data: 'shifted.csv', reference: 'ref-big.csv', 'fail-on': 'never' });
    const skewed = results!.findings.filter((f) => f.check === 'skew');
    expect(skewed.map((f) => f.column)).toEqual(['age']);
    expect(skewed[0]!.severity).toBe('warning');
    expect(outputs.warnings).toBe(String(2 + 0)); // age skew + the unexpected column
    expect(reference.outputs.profile).toBeDefined();
  });

  it('does not flag two small samples of the same distribution (sample-size aware)', async () => {
    const rows = cleanRows();
    await writeFile(join(dir, 'small-a.csv'), toCsv(rows.filter((_, i) => i % 5 === 0)));
    await writeFile(join(dir, 'small-b.csv'), toCsv(rows.filter((_, i) => i % 5 === 1)));
    const reference = await validate({ data: 'small-a.csv', 'out-dir': 'out/small-a', 'fail-on': 'never' });
    const { results } = await validate({ data: 'small-b.csv', reference: reference.outputs.profile!, 'fail-on': 'never' });
    expect(results!.findings.filter((f) => f.check === 'skew')).toEqual([]);
  });
});

describe('data-validate bad input', () => {
  const failure = async (inputs: Record<string, string>) => {
    const result = await validate(inputs);
    expect(result.code).toBe(1);
    expect(result.stderr + result.stdout).not.toMatch(/\n\s+at /); // no stack trace
    return result.stdout + result.stderr;
  };

  it('names each bad input with its file and line', async () => {
    await writeFile(join(dir, 'ragged.csv'), 'a,b\n1,2\n3,4,5\n6,7\n');
    await writeFile(join(dir, 'latin1.csv'), Buffer.concat([Buffer.from('name,x\nab,1\n'), Buffer.from([0x63, 0xe9, 0x2c, 0x32, 0x0a])]));
    await writeFile(join(dir, 'empty.csv'), '');
    await cp(join(dir, 'defects.parquet'), join(dir, 'parquet-named.csv'));
    expect(await failure({ data: 'nope.csv' })).toMatch(/nope\.csv: data file `nope\.csv` does not exist/);
    expect(await failure({ data: 'missing/*.parquet' })).toMatch(/the glob `missing\/\*\.parquet` matches no files/);
    expect(await failure({ data: 'parquet-named.csv' })).toMatch(/parquet-named\.csv:1: the file is named like CSV but its content is Parquet/);
    expect(await failure({ data: 'ragged.csv' })).toMatch(/ragged\.csv:3: ragged CSV row: expected 2 columns, found 3/);
    expect(await failure({ data: 'latin1.csv' })).toMatch(/latin1\.csv:3: the file is not valid UTF-8/);
    expect(await failure({ data: 'empty.csv' })).toMatch(/empty\.csv: the data file is empty/);
  });

  it('a reference profile larger than 64 MiB is refused before it is read (sparse file)', async () => {
    await writeFile(join(dir, 'huge-profile.json'), '');
    await truncate(join(dir, 'huge-profile.json'), 64 * 1024 * 1024 + 1);
    const output = await failure({ data: 'clean.csv', reference: 'huge-profile.json' });
    expect(output).toMatch(/huge-profile\.json \(reference\): the reference profile huge-profile\.json is larger than 64 MiB\. A data-validate profile holds summaries only/);
  });

  it('a reference profile that cannot be read is named as such, one that is not JSON as invalid JSON', async () => {
    await mkdir(join(dir, 'folder-profile.json'), { recursive: true });
    await writeFile(join(dir, 'broken-profile.json'), '{"kind": ');
    expect(await failure({ data: 'clean.csv', reference: 'folder-profile.json' })).toMatch(/folder-profile\.json \(reference\): cannot read the reference profile \(EISDIR/);
    expect(await failure({ data: 'clean.csv', reference: 'broken-profile.json' })).toMatch(/broken-profile\.json \(reference\): reference profile is not valid JSON \(/);
  });

  it('a contract column the data lacks is a missing-column finding', async () => {
    await writeFile(join(dir, 'no-plan.csv'), toCsv(cleanRows()).replace('plan', 'tier'));
    const { results, code } = await validate({ data: 'no-plan.csv' });
    expect(code).toBe(1);
    expect(results!.findings.find((f) => f.check === 'missing-column')).toMatchObject({ column: 'plan', severity: 'error', count: 0 });
  });
});

describe('mlops data infer', () => {
  it('writes a contract the same data meets and the defects break', async () => {
    const { code, stdout } = await runCli(['data', 'infer', 'clean.csv', '--out', 'inferred.yml'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toMatch(/wrote inferred\.yml: a contract for 7 columns/);
    const text = await readFile(join(dir, 'inferred.yml'), 'utf8');
    expect(text).toMatch(/plan:\n\s+type: string\n\s+nullable: false\n\s+values:\n\s+- basic\n\s+- plus\n\s+- pro/);
    expect(text).toMatch(/id:\n\s+type: string\n\s+nullable: false\n\s+unique: true/);
    expect((await validate({ data: 'clean.csv', config: 'inferred.yml' })).code).toBe(0);
    const broken = await validate({ data: 'defects.csv', config: 'inferred.yml' });
    expect(broken.code).toBe(1);
    expect(new Set(broken.results!.findings.map((f) => f.check))).toEqual(new Set(['type', 'range', 'unique', 'values', 'nullable']));
  });
});

describe('data-validate with a JSON Schema for records', () => {
  it('counts the records that break the schema, at their file lines, and passes the clean file', async () => {
    await writeFile(join(dir, 'record.schema.json'), JSON.stringify({ type: 'object', required: ['plan'], properties: { plan: { enum: ['basic', 'plus', 'pro'] } } }));
    const clean = await validate({ data: 'clean.csv', schema: 'record.schema.json' });
    expect(clean.code, clean.stdout).toBe(0);
    expect(clean.results!.findings.filter((f) => f.check === 'schema')).toEqual([]);

    const defects = await validate({ data: 'defects.csv', schema: 'record.schema.json' });
    expect(defects.code).toBe(1);
    expect(defects.results!.findings.find((f) => f.check === 'schema')).toMatchObject({ severity: 'error', count: 1, lines: [csvLine(DEFECTS.values)] });
  });

  it('names a schema file that is missing or not JSON', async () => {
    const missing = await validate({ data: 'clean.csv', schema: 'nope.schema.json' });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('nope.schema.json (schema): JSON Schema file not found');
    await writeFile(join(dir, 'broken.schema.json'), '{ "type": ');
    const broken = await validate({ data: 'clean.csv', schema: 'broken.schema.json' });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('JSON Schema is not valid JSON');
  });
});
