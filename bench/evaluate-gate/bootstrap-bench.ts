/**
 * The gate's paired bootstrap against a vectorised NumPy implementation of the same bootstrap
 * (bootstrap_numpy.py), issue #14 item 3. Synthetic binary holdout: truth ~ Bernoulli(0.37), two
 * models' float32 probabilities (a better candidate, a weaker baseline), so the AUC has ties the
 * way model outputs do. Per size, interleaved rounds of: ours in the calling thread, ours on k
 * worker threads (thread start-up and plan sharing included), NumPy (its setup — sort, per-row
 * losses — and its resample loop, file reading excluded), and "before": the code at an earlier
 * commit (bundled by bootstrap-run.mjs; on k threads too when that commit had the thread pool);
 * each of ours includes preparing the metrics (the AUC sort). Before timing, a small case checks that NumPy, fed our xoshiro128**
 * weights, agrees with our resamples.
 * Run: npm exec -- node bench/evaluate-gate/bootstrap-run.mjs [rows,…] [resamples] [threads,…]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pairedBootstrap } from '../../shared/stats/bootstrap.js';
import { bootstrapRunner } from '../../shared/stats/bootstrap-pool.js';
import { prepareClassification, type ClassificationInput } from '../../shared/stats/classification.js';

const [benchDir, rowsArg, resamplesArg, threadsArg] = process.argv.slice(2);
// The single-threaded code before this work (bootstrap-run.mjs bundles it from git).
const before = (await import(new URL('./before.mjs', import.meta.url).href)) as { pairedBootstrap: typeof pairedBootstrap; prepareClassification: typeof prepareClassification; bootstrapRunner?: typeof bootstrapRunner };
const BEFORE_WORKER = new URL('./before-worker.mjs', import.meta.url);
const SIZES = (rowsArg ?? '1000000').split(',').map(Number);
const RESAMPLES = Number(resamplesArg ?? 100);
const THREADS = (threadsArg ?? '2').split(',').map(Number);
const ROUNDS = Number(process.env.BOOT_BENCH_ROUNDS ?? 2);
// BOOT_BENCH_ONE_THREAD=0 leaves out the single-thread runs (shorter rounds when only the threaded figures are wanted).
const ONE_THREAD = process.env.BOOT_BENCH_ONE_THREAD !== '0';
const SEED = 7;
const WORKER = new URL('./bootstrap-worker.mjs', import.meta.url);
const work = mkdtempSync(join(tmpdir(), 'boot-bench-'));
const numpy = join(benchDir!, 'bootstrap_numpy.py');

let state = 2026;
const uniform = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) + 0.5) / 4294967296;
const gaussian = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());

function holdout(rows: number): { candidate: ClassificationInput; baseline: ClassificationInput } {
  const truth = Int32Array.from({ length: rows }, () => (uniform() < 0.37 ? 1 : 0));
  const model = (strength: number): ClassificationInput => {
    const probabilities = new Float64Array(2 * rows);
    const predicted = new Int32Array(rows);
    for (let i = 0; i < rows; i++) {
      const p = Math.fround(1 / (1 + Math.exp(-(strength * (2 * truth[i]! - 1) + gaussian()))));
      probabilities[2 * i] = 1 - p;
      probabilities[2 * i + 1] = p;
      predicted[i] = p > 0.5 ? 1 : 0;
    }
    return { classes: 2, truth, predicted, probabilities };
  };
  return { candidate: model(1.4), baseline: model(0.9) };
}

function writeHoldout(dir: string, h: ReturnType<typeof holdout>): void {
  writeFileSync(join(dir, 'y.u8'), Uint8Array.from(h.candidate.truth));
  writeFileSync(join(dir, 'candidate.f64'), h.candidate.probabilities!);
  writeFileSync(join(dir, 'baseline.f64'), h.baseline.probabilities!);
}

/** Wall-clock and CPU seconds (the whole process: every thread, ours or V8's). */
const seconds = async (fn: () => unknown): Promise<{ wall: number; cpu: number }> => {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await fn();
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6 };
};
const round3 = (x: number) => Math.round(x * 1000) / 1000;

// 1. Agreement on a small case: NumPy fed our stream's weights.
const small = holdout(3000);
writeHoldout(work, small);
const ours = pairedBootstrap(prepareClassification(small.candidate), prepareClassification(small.baseline), { resamples: 20, seed: SEED });
execFileSync('/usr/bin/python3', [numpy, work, '20', String(SEED), '--replay', join(work, 'replay.json')], { stdio: 'ignore' });
const replay = JSON.parse(readFileSync(join(work, 'replay.json'), 'utf8')) as { candidate: (number | null)[][]; delta: (number | null)[][] };
let agreement = 0;
for (const [key, theirs] of [['candidate', replay.candidate], ['delta', replay.delta]] as const) {
  theirs.forEach((values, m) => values.forEach((value, b) => (agreement = Math.max(agreement, Math.abs(ours[key]![m]![b]! - value!)))));
}
console.log(`agreement with NumPy on our draws (3000 rows, 20 resamples, 6 metrics × 2): max |diff| ${agreement.toExponential(2)}`);

// 2. Timings. The machine is shared: wall-clock times depend on what else runs, so the CPU
// seconds are recorded too (NumPy's from time.process_time(), ours from process.cpuUsage()).
const results: Record<string, unknown>[] = [];
for (const rows of SIZES) {
  const h = holdout(rows);
  writeHoldout(work, h);
  const beforeThreads = before.bootstrapRunner ? THREADS : [];
  const one = (key: string) => (ONE_THREAD ? [key] : []);
  const runs = [...one('before_1_thread'), ...beforeThreads.map((t) => `before_${t}_threads`), ...one('ours_1_thread'), ...THREADS.map((t) => `ours_${t}_threads`), 'numpy'];
  const wall: Record<string, number[]> = Object.fromEntries(runs.map((k) => [k, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(runs.map((k) => [k, []]));
  const record = (key: string, t: { wall: number; cpu: number }) => {
    wall[key]!.push(t.wall);
    cpu[key]!.push(t.cpu);
  };
  const loads: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    loads.push(loadavg()[0]!);
    if (ONE_THREAD) record('before_1_thread', await seconds(() => before.pairedBootstrap(before.prepareClassification(h.candidate), before.prepareClassification(h.baseline), { resamples: RESAMPLES, seed: SEED })));
    for (const threads of beforeThreads) {
      record(
        `before_${threads}_threads`,
        await seconds(async () => {
          const runner = before.bootstrapRunner!({ threads, workerUrl: BEFORE_WORKER, force: true });
          try {
            await runner.bootstrap(before.prepareClassification(h.candidate), before.prepareClassification(h.baseline), { resamples: RESAMPLES, seed: SEED });
          } finally {
            await runner.close();
          }
        }),
      );
    }
    if (ONE_THREAD) record('ours_1_thread', await seconds(() => pairedBootstrap(prepareClassification(h.candidate), prepareClassification(h.baseline), { resamples: RESAMPLES, seed: SEED })));
    for (const threads of THREADS) {
      record(
        `ours_${threads}_threads`,
        await seconds(async () => {
          const runner = bootstrapRunner({ threads, workerUrl: WORKER, force: true });
          try {
            await runner.bootstrap(prepareClassification(h.candidate), prepareClassification(h.baseline), { resamples: RESAMPLES, seed: SEED });
          } finally {
            await runner.close();
          }
        }),
      );
    }
    const out = JSON.parse(execFileSync('/usr/bin/python3', [numpy, work, String(RESAMPLES), String(SEED)], { encoding: 'utf8' })) as { total_s: number; cpu_s: number };
    record('numpy', { wall: out.total_s, cpu: out.cpu_s });
    loads.push(loadavg()[0]!);
  }
  const best = (m: Record<string, number[]>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, round3(Math.min(...v))]));
  const ratio = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).filter(([k]) => k !== 'numpy').map(([k, v]) => [k, round3(m.numpy! / v)]));
  const bestWall = best(wall);
  const bestCpu = best(cpu);
  const row = {
    rows,
    resamples: RESAMPLES,
    best_wall_s: bestWall,
    best_cpu_s: bestCpu,
    numpy_over_ours_wall: ratio(bestWall),
    numpy_over_ours_cpu: ratio(bestCpu),
    all_wall_s: Object.fromEntries(Object.entries(wall).map(([k, v]) => [k, v.map(round3)])),
    load_average_1min: loads.map((l) => Math.round(l * 100) / 100),
  };
  console.log(JSON.stringify(row));
  results.push(row);
}
rmSync(work, { recursive: true, force: true });
writeFileSync(join(benchDir!, 'bootstrap-results.json'), `${JSON.stringify({ when: new Date().toISOString(), cores: (await import('node:os')).availableParallelism(), agreement_max_abs_diff: agreement, results }, null, 2)}\n`);
