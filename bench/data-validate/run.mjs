// Benchmark: data-validate (validate + profile through the bundled CLI) vs pandas read_csv+describe
// vs DuckDB's bare aggregate, on one generated CSV; wall time and peak RSS via /usr/bin/time.
// usage: node bench/data-validate/run.mjs [rows=4000000] [repeats=3] [--wide]
//   --wide: 100 columns x rows (default 356000) from generate-wide.mjs, profile only (contract-wide.yml).
// Writes bench/data-validate/results-<narrow|wide>-<rows>.json and prints a table (RESULTS.md is written by hand from them).
// BASELINE_CLI=/path/to/an/older/dist/cli.js adds that build as a "before" row, measured in the same rounds.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, copyFileSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const here = join(root, 'bench/data-validate');
const wide = process.argv.includes('--wide');
const args = process.argv.slice(2).filter((a) => a !== '--wide');
const rows = Number(args[0] ?? (wide ? 356_000 : 4_000_000));
const repeats = Number(args[1] ?? 3);
const baseline = process.env.BASELINE_CLI;
const work = join(tmpdir(), 'mlops-bench-data-validate');
mkdirSync(work, { recursive: true });
const csv = join(work, `${wide ? 'wide' : 'bench'}-${rows}.csv`);
if (!existsSync(csv)) execFileSync(process.execPath, [join(here, wide ? 'generate-wide.mjs' : 'generate.mjs'), csv, String(rows)], { stdio: 'inherit' });
copyFileSync(join(here, wide ? 'contract-wide.yml' : 'contract.yml'), join(work, 'mlops.yml'));

function time(command, args) {
  const result = execSpawn(command, args);
  const match = /TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(result);
  if (!match) throw new Error(`no timing in: ${result.slice(-2000)}`);
  // CPU seconds (user + system) move far less than wall time on a loaded machine.
  return { seconds: Number(match[1]), mb: Number(match[2]) / 1024, cpu: Number(match[3]) + Number(match[4]) };
}

function execSpawn(command, args) {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M %U %S', command, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, NODE_PATH: join(root, 'node_modules') } });
  return `${r.stderr}`;
}

const cli = join(root, 'dist/cli.js');
const results = {};
const rounds = [];
for (let repeat = 0; repeat < repeats; repeat++) {
  const runs = {};
  if (baseline) runs.before = time(process.execPath, [baseline, 'data-validate', '--data', csv, '--comment', 'false', '--fail-on', 'never', '--out-dir', 'mlops-out/before']);
  runs.ours = time(process.execPath, [cli, 'data-validate', '--data', csv, '--comment', 'false', '--fail-on', 'never']);
  runs.bare = time(process.execPath, [join(here, 'bare-duckdb.mjs'), csv]);
  runs.pandas = time('/usr/bin/python3', [join(here, 'pandas_describe.py'), csv]);
  rounds.push(runs);
  console.log(`round ${repeat + 1}: ${Object.entries(runs).map(([name, r]) => `${name} ${r.seconds.toFixed(2)} s (cpu ${r.cpu.toFixed(2)} s) ${r.mb.toFixed(0)} MB`).join(', ')}`);
  for (const [name, value] of Object.entries(runs)) {
    // Keep the best of the rounds (page cache warm for all).
    if (!results[name] || value.seconds < results[name].seconds) results[name] = value;
  }
}
const { ours, bare, pandas } = results;
const mb = (statSync(csv).size / 1e6).toFixed(0);
const before = results.before;
// Each round runs all commands back to back, so ratios within a round share the machine's load.
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function pairedLine() {
  const parts = [
    `data-validate / bare ${median(rounds.map((r) => r.ours.seconds / r.bare.seconds)).toFixed(2)}×`,
    `pandas / data-validate ${median(rounds.map((r) => r.pandas.seconds / r.ours.seconds)).toFixed(2)}×`,
  ];
  if (baseline) parts.push(`before / bare ${median(rounds.map((r) => r.before.seconds / r.bare.seconds)).toFixed(2)}×`, `before / now ${median(rounds.map((r) => r.before.seconds / r.ours.seconds)).toFixed(2)}×`);
  return `${parts.join(', ')}; rounds: ${rounds.map((r) => Object.entries(r).map(([name, x]) => `${name} ${x.seconds.toFixed(1)}`).join(' ')).join(' | ')}.`;
}
const columns = readFileSync(csv, 'utf8').slice(0, 100_000).split('\n')[0].split(',').length;
const summary = {
  rows,
  columns,
  megabytes: Number(mb),
  cpus: availableParallelism(),
  load_average_at_end: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number),
  best: results,
  rounds,
  ratios_best: { ours_over_bare: ours.seconds / bare.seconds, pandas_over_ours: pandas.seconds / ours.seconds, ...(before ? { before_over_ours: before.seconds / ours.seconds, before_over_bare: before.seconds / bare.seconds } : {}) },
  ratios_paired_median: {
    ours_over_bare: median(rounds.map((r) => r.ours.seconds / r.bare.seconds)),
    pandas_over_ours: median(rounds.map((r) => r.pandas.seconds / r.ours.seconds)),
    cpu_ours_over_bare: median(rounds.map((r) => r.ours.cpu / r.bare.cpu)),
    cpu_pandas_over_ours: median(rounds.map((r) => r.pandas.cpu / r.ours.cpu)),
    ...(before ? { cpu_before_over_ours: median(rounds.map((r) => r.before.cpu / r.ours.cpu)) } : {}),
    ...(before ? { before_over_ours: median(rounds.map((r) => r.before.seconds / r.ours.seconds)), before_over_bare: median(rounds.map((r) => r.before.seconds / r.bare.seconds)) } : {}),
  },
};
writeFileSync(join(here, `results-${wide ? 'wide' : 'narrow'}-${rows}.json`), `${JSON.stringify(summary, null, 2)}\n`);
console.log(`${rows.toLocaleString('en-US')} rows × ${columns} columns, ${mb} MB`);
for (const [name, r] of Object.entries(results)) console.log(`${name.padEnd(7)} ${r.seconds.toFixed(2)} s ${r.mb.toFixed(0)} MB`);
console.log(`paired: ${pairedLine()}`);
