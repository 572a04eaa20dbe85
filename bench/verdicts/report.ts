/**
 * Markdown tables from bench/verdicts/results/*.json (the figures RESULTS.md quotes).
 * Usage: node bench/verdicts/run.mjs report > bench/verdicts/FIGURES.md
 * Rates carry a Wilson 95 % interval (the Monte-Carlo error of that many repetitions).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Run from the repository root (run.mjs bundles this file elsewhere).
const resultsDir = join(process.cwd(), 'bench/verdicts/results');
/** A results file, or undefined while it is missing or still being written. */
function load(name: string): unknown {
  try {
    return existsSync(join(resultsDir, name)) ? JSON.parse(readFileSync(join(resultsDir, name), 'utf8')) : undefined;
  } catch {
    return undefined;
  }
}

function wilson(k: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.959964;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)} %`;
const rate = (k: number, n: number) => {
  const [lo, hi] = wilson(k, n);
  return `${k}/${n} = ${pct(k / n)} [${pct(lo)}, ${pct(hi)}]`;
};
const table = (head: string[], rows: (string | number)[][]) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const out: string[] = [];

interface GateResult {
  n: number;
  drop: number;
  slices: boolean;
  runs: number;
  verdicts: Record<string, number>;
  fails: Record<string, number>;
  sliceTests: number;
  deltaCovered: Record<string, number>;
  deltaDefined: Record<string, number>;
  candidateCovered: Record<string, number>;
  candidateDefined: Record<string, number>;
  mdeSum: Record<string, number>;
  insufficientMetric: Record<string, number>;
  seconds: number;
}

const gateNull = load('gate-null.json') as { reps: number; results: GateResult[] } | undefined;
const gatePower = load('gate-power.json') as { results: GateResult[] } | undefined;
const gateSweep = { results: [load('gate-n-sweep.json'), load('gate-n-sweep-more.json')].flatMap((f) => (f ? (f as { results: GateResult[] }).results : [])) };

if (gateNull) {
  out.push('## Gate under the null (equally good models, default policy, α = 0.05)\n');
  out.push(
    table(
      ['n', 'slices', 'runs', 'fail (false block)', 'fail: accuracy (whole)', 'fail: roc_auc (whole)', 'fail per slice test', 'insufficient-evidence', 'pass', 's'],
      gateNull.results.map((r) => [
        r.n,
        r.slices ? '3 values' : 'none',
        r.runs,
        rate(r.verdicts.fail ?? 0, r.runs),
        rate(r.fails['all:accuracy'] ?? 0, r.runs),
        rate(r.fails['all:roc_auc'] ?? 0, r.runs),
        r.slices ? rate((r.fails['slice:accuracy'] ?? 0) + (r.fails['slice:roc_auc'] ?? 0), r.sliceTests) : '—',
        pct((r.verdicts['insufficient-evidence'] ?? 0) / r.runs),
        pct((r.verdicts.pass ?? 0) / r.runs),
        r.seconds.toFixed(0),
      ]),
    ),
  );
  const runs = gateNull.results.reduce((a, r) => a + r.runs, 0);
  const fails = gateNull.results.reduce((a, r) => a + (r.verdicts.fail ?? 0), 0);
  const tests = gateNull.results.reduce((a, r) => a + 2 * r.runs + r.sliceTests, 0);
  const testFails = gateNull.results.reduce((a, r) => a + Object.values(r.fails).reduce((x, y) => x + y, 0), 0);
  out.push(`\nPooled over the four settings: false block ${rate(fails, runs)} (goal ≤ α = 5 %); per gated test ${rate(testFails, tests)} (goal ≤ α/2 = 2.5 %).\n`);
}

const consistency = [['this branch', load('gate-consistency.json')], ['94686d5 (before the Holm-stop fix)', load('gate-consistency-before.json')]].filter(([, f]) => f) as [string, { results: (GateResult & { consistencyTests: number; contradictions: unknown[] })[] }][];
if (consistency.length) {
  out.push('## Verdict, Holm-adjusted p-value and reported interval agree (issue 13 #4; n = 500, 3-value slice column, 8 tests)\n');
  out.push('A contradiction: a test that fails with an adjusted p above α, or whose reported interval excludes (includes) the boundary while its adjusted p is above (at most) α.\n');
  out.push(
    table(
      ['decide.ts', 'accuracy drop', 'runs', 'gated tests', 'contradictions'],
      consistency.flatMap(([name, f]) => f.results.map((r) => [name, r.drop, r.runs, r.consistencyTests, r.contradictions.length])),
    ),
  );
  out.push('');
}

const allRuns = [...gateSweep.results, ...(gateNull?.results.filter((r) => !r.slices) ?? [])].sort((a, b) => a.n - b.n);
if (allRuns.length) {
  out.push('## Insufficient evidence as a function of n (null, no slices, min_detectable 0.02)\n');
  out.push(
    table(
      ['n', 'runs', 'insufficient-evidence', 'pass', 'fail', 'mean MDE accuracy', 'mean MDE roc_auc'],
      allRuns.map((r) => [r.n, r.runs, rate(r.verdicts['insufficient-evidence'] ?? 0, r.runs), pct((r.verdicts.pass ?? 0) / r.runs), pct((r.verdicts.fail ?? 0) / r.runs), (r.mdeSum.accuracy! / r.runs).toFixed(4), (r.mdeSum.roc_auc! / r.runs).toFixed(4)]),
    ),
  );
  out.push('');
}

if (gatePower) {
  out.push('## Power: the candidate loses d points of accuracy (no slices)\n');
  out.push(
    table(
      ['n', 'accuracy drop d', 'runs', 'gate fails', 'accuracy test fails', 'roc_auc test fails', 'insufficient-evidence'],
      gatePower.results.map((r) => [r.n, r.drop, r.runs, rate(r.verdicts.fail ?? 0, r.runs), rate(r.fails['all:accuracy'] ?? 0, r.runs), rate(r.fails['all:roc_auc'] ?? 0, r.runs), pct((r.verdicts['insufficient-evidence'] ?? 0) / r.runs)]),
    ),
  );
  out.push('');
}

const coverageRuns = [...(gateNull?.results ?? []), ...(gatePower?.results ?? [])];
if (coverageRuns.length) {
  out.push('## Interval coverage, 95 % intervals of the whole holdout (goal 95 % ± Monte-Carlo error)\n');
  const metrics = Object.keys(coverageRuns[0]!.deltaDefined);
  const groups = new Map<string, GateResult[]>();
  for (const r of coverageRuns) {
    const key = `${r.n}|${r.drop}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const rows: string[][] = [];
  for (const [key, rs] of groups) {
    const [n, drop] = key.split('|');
    const sum = (f: (r: GateResult) => number) => rs.reduce((a, r) => a + f(r), 0);
    const cell = (covered: keyof GateResult, defined: keyof GateResult, m: string) => {
      const k = sum((r) => (r[covered] as Record<string, number>)[m] ?? 0);
      const d = sum((r) => (r[defined] as Record<string, number>)[m] ?? 0);
      const [lo, hi] = wilson(k, d);
      return `${pct(k / d)} [${pct(lo)}, ${pct(hi)}]`;
    };
    rows.push([n!, drop!, String(sum((r) => r.runs)), ...metrics.map((m) => `Δ ${cell('deltaCovered', 'deltaDefined', m)}<br>cand. ${cell('candidateCovered', 'candidateDefined', m)}`)]);
  }
  out.push(table(['n', 'drop', 'runs', ...metrics], rows));
  out.push('');
}

const coverage = load('accuracy-coverage.json') as { rows: { n: number; discordant_share: number; delta: number; tango: number; conditional: number; unenumerated: number }[] } | undefined;
if (coverage) {
  out.push('## Δ accuracy: exact coverage of the 95 % interval (enumeration of the trinomial)\n');
  const shares = [...new Set(coverage.rows.map((r) => r.discordant_share))];
  for (const share of shares) {
    const rows = coverage.rows.filter((r) => r.discordant_share === share);
    const deltas = [...new Set(rows.map((r) => r.delta))];
    const ns = [...new Set(rows.map((r) => r.n))];
    out.push(`Discordant share ${share} — Tango (the gate's) / conditional Clopper–Pearson (the former):\n`);
    out.push(table(['n', ...deltas.map((d) => `Δ = ${d}`)], ns.map((n) => [n, ...deltas.map((d) => {
      const r = rows.find((x) => x.n === n && x.delta === d)!;
      return `${pct(r.tango, 2)} / ${pct(r.conditional, 2)}`;
    })])));
    out.push('');
  }
  const worst = coverage.rows.reduce((a, r) => (r.tango < a.tango ? r : a));
  const maxLeft = Math.max(...coverage.rows.map((r) => r.unenumerated));
  out.push(`Lowest Tango coverage over all ${coverage.rows.length} cases: ${pct(worst.tango, 2)} (n = ${worst.n}, share ${worst.discordant_share}, Δ = ${worst.delta}); probability mass not enumerated ≤ ${maxLeft.toExponential(1)}.\n`);
}

const skews = [load('skew-small.json'), load('skew-large.json')].filter(Boolean) as { columns: string[]; sizes: { reference_rows: number; current_rows: number; reps: number; evidently: { per_column: Record<string, number>; any_column: number; share50: number }; ours: { per_column: Record<string, number>; compared: Record<string, number>; any_column: number }; seconds: number }[] }[];
if (skews.length) {
  const columns = skews[0]!.columns;
  out.push('## Skew check under the null: false alarms, ours / Evidently\'s default rule (SciPy)\n');
  out.push('Per column (ours / Evidently):\n');
  const sizes = skews.flatMap((s) => s.sizes);
  out.push(table(['reference, current rows', 'reps', ...columns], sizes.map((s) => [`${s.reference_rows.toLocaleString('en-US')}, ${s.current_rows.toLocaleString('en-US')}`, s.reps, ...columns.map((c) => `${pct(s.ours.per_column[c]! / s.reps)} / ${pct(s.evidently.per_column[c]! / s.reps)}`)])));
  out.push('\nPer data set (5 columns):\n');
  out.push(
    table(
      ['reference, current rows', 'reps', 'ours: any column', 'Evidently: any column', 'Evidently: ≥ 50 % of columns (its data-set rule)', 'our seconds'],
      sizes.map((s) => [`${s.reference_rows.toLocaleString('en-US')}, ${s.current_rows.toLocaleString('en-US')}`, s.reps, rate(s.ours.any_column, s.reps), rate(s.evidently.any_column, s.reps), rate(s.evidently.share50, s.reps), s.seconds.toFixed(0)]),
    ),
  );
  out.push('');
}

process.stdout.write(`${out.join('\n')}\n`);
