#!/usr/bin/env node
// drift-check benchmarks in one run: node bench/drift-check/run.mjs [stats|wide|null|all]
// Writes bench/drift-check/results-*.json; RESULTS.md is written by hand from them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('../..', import.meta.url).pathname;
const here = join(root, 'bench/drift-check');
const outDir = join(root, 'node_modules/.cache/mlops-bench');
mkdirSync(outDir, { recursive: true });
const bundle = join(outDir, 'drift-check-bench.mjs');
await build({ entryPoints: [join(here, 'bench.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, external: ['onnxruntime-node', '@duckdb/node-api'] });
const mode = process.argv[2] ?? 'all';
const py = '/usr/bin/python3';
const run = (cmd, args, cwd) => execFileSync(cmd, args, { stdio: 'inherit', maxBuffer: 1 << 26, cwd });

if (mode === 'stats' || mode === 'all') {
  const rows = process.argv[3] ?? '2000000';
  run(process.execPath, ['--max-old-space-size=4096', bundle, 'stats', rows, '10', join(here, 'results-stats-ours.json')]);
  const threads = process.env.DRIFT_BENCH_THREADS ?? '2';
  run(process.execPath, ['--max-old-space-size=4096', bundle, 'stats-threads', rows, '10', threads, join(here, 'results-stats-threads.json'), join(root, 'dist/drift-column-worker.js')]);
  run(py, [join(here, 'scipy_ref.py'), 'stats', rows, '10', join(here, 'results-stats-scipy.json')]);
  const ours = JSON.parse(readFileSync(join(here, 'results-stats-ours.json'), 'utf8'));
  const threaded = JSON.parse(readFileSync(join(here, 'results-stats-threads.json'), 'utf8'));
  const scipy = JSON.parse(readFileSync(join(here, 'results-stats-scipy.json'), 'utf8'));
  let maxDiff = 0;
  ours.results.forEach((o, i) => {
    for (const k of ['ks', 'p', 'wasserstein', 'psi']) maxDiff = Math.max(maxDiff, Math.abs(o[k] - scipy.results[i][k]) / Math.max(1, Math.abs(scipy.results[i][k])));
    for (const k of ['ks', 'p', 'wasserstein', 'psi']) if (!Object.is(o[k], threaded.results[i][k])) throw new Error(`column ${i} ${k}: threads gave ${threaded.results[i][k]}, one thread ${o[k]}`);
  });
  console.log(`stats: ours ${ours.seconds.toFixed(2)} s (1 thread), ${threaded.seconds.toFixed(2)} s (${threaded.threads} threads) vs SciPy ${scipy.seconds.toFixed(2)} s = ${(scipy.seconds / ours.seconds).toFixed(1)}x / ${(scipy.seconds / threaded.seconds).toFixed(1)}x; largest difference ${maxDiff.toExponential(2)}; threads equal one thread`);
}

if (mode === 'wide' || mode === 'all') {
  const rows = Number(process.argv[3] ?? 356_000);
  const work = mkdtempSync(join(tmpdir(), 'drift-wide-'));
  // 100 numeric columns, reference and a current sample with 10 columns shifted, via DuckDB.
  const cols = Array.from({ length: 100 }, (_, j) => `(random() * 2 - 1 + random() * 2 - 1 + random() * 2 - 1) * 10 + ${j}${''} AS c${j}`);
  const shifted = Array.from({ length: 100 }, (_, j) => `(random() * 2 - 1 + random() * 2 - 1 + random() * 2 - 1) * 10 + ${j}${j < 10 ? ' + 3' : ''} AS c${j}`);
  const gen = join(work, 'gen.mjs');
  writeFileSync(gen, `import { DuckDBInstance } from '${join(root, 'node_modules/@duckdb/node-api/lib/index.js')}';
const db = await DuckDBInstance.create(':memory:'); const c = await db.connect();
await c.run("SELECT setseed(0.42)");
await c.run(\`COPY (SELECT ${cols.join(', ')} FROM range(${rows})) TO '${join(work, 'ref.parquet')}' (FORMAT parquet)\`);
await c.run(\`COPY (SELECT ${shifted.join(', ')} FROM range(${rows})) TO '${join(work, 'cur.parquet')}' (FORMAT parquet)\`);
await c.run(\`COPY (SELECT * FROM '${join(work, 'ref.parquet')}') TO '${join(work, 'ref.csv')}'\`);
await c.run(\`COPY (SELECT * FROM '${join(work, 'cur.parquet')}') TO '${join(work, 'cur.csv')}'\`);
`);
  run(process.execPath, [gen]);
  const t0 = performance.now();
  run(process.execPath, [join(root, 'dist/cli.js'), 'drift-check', '--current', join(work, 'cur.parquet'), '--reference', join(work, 'ref.parquet'), '--record', join(work, 'run.json')], work);
  const oursSeconds = (performance.now() - t0) / 1000;
  run(py, ['-c', `
import time, numpy as np, json
from scipy import stats
import pandas as pd
t=time.perf_counter(); ref=pd.read_csv('${join(work, 'ref.csv')}').to_numpy(); cur=pd.read_csv('${join(work, 'cur.csv')}').to_numpy(); read=time.perf_counter()-t
t=time.perf_counter(); ev=[stats.wasserstein_distance(ref[:,j],cur[:,j])/max(np.std(ref[:,j]),0.001)>=0.1 for j in range(ref.shape[1])]; ev_s=time.perf_counter()-t
t=time.perf_counter(); ks=[stats.ks_2samp(ref[:,j],cur[:,j]).pvalue for j in range(ref.shape[1])]; ks_s=time.perf_counter()-t
json.dump({'read_seconds':read,'evidently_wasserstein_loop_seconds':ev_s,'ks_loop_seconds':ks_s,'evidently_drifted':int(sum(ev))}, open('${join(here, 'results-wide-scipy.json')}','w'))
print(f'scipy: read {read:.1f} s, Evidently rule (normed Wasserstein) loop {ev_s:.1f} s ({sum(ev)} drifted), ks_2samp loop {ks_s:.1f} s')
`]);
  writeFileSync(join(here, 'results-wide-ours.json'), JSON.stringify({ rows, columns: 100, seconds_end_to_end: oursSeconds }, null, 1));
  console.log(`wide: drift-check end to end (DuckDB read of two Parquet files, 100 columns x 2 samples, statistics, report) ${oursSeconds.toFixed(1)} s`);
  rmSync(work, { recursive: true, force: true });
}

if (mode === 'null' || mode === 'all') {
  const work = mkdtempSync(join(tmpdir(), 'drift-null-'));
  const plan = process.argv[3] ?? '[[100, 1000], [1000, 1000], [10000, 200], [200000, 10]]';
  run(py, [join(here, 'null.py'), work, plan]);
  run(process.execPath, ['--max-old-space-size=4096', bundle, 'null', work, join(work, 'ours.json')]);
  const meta = JSON.parse(readFileSync(join(work, 'meta.json'), 'utf8'));
  const ours = JSON.parse(readFileSync(join(work, 'ours.json'), 'utf8'));
  const rows = meta.cases.map((c, i) => ({ ...c, ours: ours[i].ours }));
  writeFileSync(join(here, 'results-null.json'), JSON.stringify(rows, null, 1));
  for (const r of rows) console.log(`n=${r.size} shift=${r.shift} sd sims=${r.sims}: ours ${r.ours.toFixed(3)}  evidently(any) ${r.evidently_any.toFixed(3)}  evidently(>=50%) ${r.evidently_share50.toFixed(3)}`);
  rmSync(work, { recursive: true, force: true });
}
