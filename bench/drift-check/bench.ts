/**
 * drift-check benchmarks (bundled and run by run.mjs):
 *   stats <rows> <cols> <out.json>     KS + Wasserstein + PSI per column on the synthetic recipe
 *                                      (the same values scipy_ref.py builds)
 *   null <dir> <out.json>              our decision on the samples null.py wrote (float64 files)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decide, DEFAULT_RULE } from '../../shared/drift/decide.js';
import type { ColumnPool } from '../../shared/drift/column-pool.js';
import { TaskPool } from '../../shared/threads/task-pool.js';
import { numericMeasure } from '../../shared/drift/numeric.js';
import { splitNaN } from '../../shared/drift/sample.js';
import { shareBins } from '../../shared/stats/binning.js';
import { psi } from '../../shared/stats/divergence.js';
import { ks2Samp } from '../../shared/stats/ks.js';
import { ksAndWasserstein } from '../../shared/stats/ecdf-walk.js';

const SHAPES = ['uniform', 'square', 'cubic'] as const;

function synthetic(n: number, seed: number, shape: (typeof SHAPES)[number], shift: number): Float64Array {
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const u = ((k + seed) * 2654435761) % 2 ** 32 / 2 ** 32;
    let x: number;
    if (shape === 'uniform') x = u;
    else if (shape === 'square') x = u * u * 4.0;
    else {
      const c = u - 0.5;
      x = c * c * c * 8.0;
    }
    out[k] = x + shift;
  }
  return out;
}

let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

function stats(rows: number, cols: number, outPath: string) {
  const results = [];
  let seconds = 0;
  const cpu0 = process.cpuUsage();
  for (let c = 0; c < cols; c++) {
    const shape = SHAPES[c % 3]!;
    const ref = synthetic(rows, 1 + c, shape, 0);
    const cur = synthetic(rows, 7919 * (c + 1), shape, c % 2 ? 0.01 : 0);
    sampleRss();
    const t0 = performance.now();
    const a = splitNaN(ref);
    const b = splitNaN(cur);
    const walk = ksAndWasserstein(a.sorted, b.sorted);
    const ks = ks2Samp(a.sorted, b.sorted, walk.ks);
    const w = walk.wasserstein;
    const bins = shareBins(a.sorted, b.sorted);
    const p = psi(bins.reference, bins.current);
    seconds += (performance.now() - t0) / 1000;
    sampleRss();
    results.push({ column: c, ks: ks.statistic, p: ks.pValue, wasserstein: w, psi: p });
  }
  const cpu = process.cpuUsage(cpu0);
  writeFileSync(outPath, JSON.stringify({ seconds, peak_rss_mb: peakRss / 2 ** 20, results }, null, 1));
  console.log(`ours: ${rows} rows x ${cols} columns: ${seconds.toFixed(2)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s incl. data generation (statistics only, data in memory), peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
}

/** null.py writes <dir>/meta.json and per simulation a float64 file [ref cols..., cur cols...]. */
function nullRates(dir: string, outPath: string) {
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { cases: { size: number; shift: number; sims: number; file: string }[]; cols: number };
  const out = [];
  for (const c of meta.cases) {
    const bytes = readFileSync(join(dir, c.file));
    const all = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
    let alarms = 0;
    const t0 = performance.now();
    for (let s = 0; s < c.sims; s++) {
      const base = s * 2 * meta.cols * c.size;
      const measures = [];
      for (let j = 0; j < meta.cols; j++) {
        const ref = splitNaN(all.subarray(base + j * c.size, base + (j + 1) * c.size));
        const cur = splitNaN(all.subarray(base + (meta.cols + j) * c.size, base + (meta.cols + j + 1) * c.size));
        measures.push(numericMeasure(`c${j}`, 'feature', 'ks', ref, cur));
      }
      if (decide(measures, DEFAULT_RULE).drifted) alarms++;
    }
    out.push({ size: c.size, shift: c.shift, sims: c.sims, ours: alarms / c.sims, seconds: (performance.now() - t0) / 1000 });
    console.log(`size ${c.size} shift ${c.shift}: ours ${alarms}/${c.sims}`);
  }
  writeFileSync(outPath, JSON.stringify(out, null, 1));
}

/**
 * The same columns measured the way drift-check does with drift.threads (numeric-column.ts on
 * the bundled worker threads, every column handed out at once); time from the first task to the
 * last answer, data already in memory as in stats().
 */
async function statsThreads(rows: number, cols: number, threads: number, outPath: string, workerPath: string) {
  const entry = pathToFileURL(workerPath);
  const tasks = Array.from({ length: cols }, (_, c) => {
    const shape = SHAPES[c % 3]!;
    return { name: `c${c}`, role: 'feature' as const, requested: 'ks' as const, reference: synthetic(rows, 1 + c, shape, 0), current: synthetic(rows, 7919 * (c + 1), shape, c % 2 ? 0.01 : 0) };
  });
  sampleRss();
  const pool: ColumnPool = new TaskPool(entry, threads, 'bench');
  // Start the threads before timing, as drift-check's reading of the data would.
  await Promise.all(Array.from({ length: pool.threads }, () => pool.run({ ...tasks[0]!, reference: Float64Array.of(1, 2), current: Float64Array.of(1, 3) }, 'warm-up')));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const answers = await Promise.all(tasks.map((task) => pool.run(task, task.name, [task.reference.buffer as ArrayBuffer, task.current.buffer as ArrayBuffer])));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  sampleRss();
  await pool.close();
  const results = answers.map((answer, c) => {
    if (!('measure' in answer)) throw new Error(`column ${c} empty`);
    const m = answer.measure;
    return { column: c, ks: m.statistic, p: m.p_value, wasserstein: m.wasserstein, psi: m.psi };
  });
  writeFileSync(outPath, JSON.stringify({ seconds, cpu_seconds: cpuSeconds, threads: pool.threads, peak_rss_mb: peakRss / 2 ** 20, results }, null, 1));
  console.log(`ours on ${pool.threads} worker threads: ${rows} rows x ${cols} columns: ${seconds.toFixed(2)} s, CPU ${cpuSeconds.toFixed(2)} s (statistics only, data in memory; RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB)`);
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'stats') stats(Number(args[0]), Number(args[1]), args[2]!);
else if (mode === 'stats-threads') await statsThreads(Number(args[0]), Number(args[1]), Number(args[2]), args[3]!, args[4]!);
else if (mode === 'null') nullRates(args[0]!, args[1]!);
else throw new Error('usage: bench stats <rows> <cols> <out> | stats-threads <rows> <cols> <threads> <out> <dist/drift-column-worker.js> | null <dir> <out>');
