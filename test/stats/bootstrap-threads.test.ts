/**
 * The threaded paired bootstrap: xoshiro128**'s jump-ahead equals stepping the generator, and
 * worker threads (the bundled dist/bootstrap-worker.js, built by the global setup) produce the
 * same sample bytes as one thread, for every metric kind, however the resamples are split; a
 * failing thread gives one clear error and leaves no thread running.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareFairness } from '../../shared/governance/fairness-metrics.js';
import { drawResample, emptySamples, pairedBootstrap, resampleClaims, runClaimedResamples, runResamples, streamAt, type BootstrapSamples } from '../../shared/stats/bootstrap.js';
import { bootstrapRunner, bundledWorkerUrl, MIN_THREADED_WORK, type BootstrapRunner } from '../../shared/stats/bootstrap-pool.js';
import { prepareClassification, type ClassificationInput, type PreparedMetrics } from '../../shared/stats/classification.js';
import { multiclassInput } from './synthetic.js';
import { deriveSeed, Xoshiro128 } from '../../shared/stats/prng.js';
import { prepareRegression } from '../../shared/stats/regression.js';
import { jumpState } from '../../shared/stats/xoshiro-jump.js';
import { isUserError } from '../../shared/errors/user-error.js';
import type { TaskPool } from '../../shared/threads/task-pool.js';

const WORKER = new URL('../../dist/bootstrap-worker.js', import.meta.url);

let state = 5;
const uniform = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) + 0.5) / 4294967296;

/** Binary input with heavy ties (scores on a 1/10 grid), −0.0 and +0.0 scores, and a weak model. */
function binary(n: number, flip: number): ClassificationInput {
  const truth = Int32Array.from({ length: n }, () => (uniform() < 0.35 ? 1 : 0));
  const p1 = Float64Array.from(truth, (t, i) => (i % 13 === 0 ? -0 : i % 17 === 0 ? 0 : Math.round((0.3 * t + 0.7 * uniform()) * 10) / 10));
  const probabilities = new Float64Array(2 * n);
  p1.forEach((p, i) => {
    probabilities[2 * i] = 1 - p;
    probabilities[2 * i + 1] = p;
  });
  return { classes: 2, truth, predicted: Int32Array.from(p1, (p, i) => ((p > 0.5 ? 1 : 0) ^ (i % flip === 0 ? 1 : 0))), probabilities };
}

const multiclass = (n: number, classes: number) => multiclassInput(uniform, n, classes, 5);

/** Worker threads the runner still holds (none once a failure has ended its pool). */
const liveThreads = (runner: BootstrapRunner) => (runner as unknown as { pool: TaskPool<unknown, unknown> }).pool.liveThreads;

function rowsOf(input: ClassificationInput, rows: number[]): ClassificationInput {
  const c = input.classes;
  const probabilities = new Float64Array(rows.length * c);
  rows.forEach((r, i) => probabilities.set(input.probabilities!.subarray(r * c, r * c + c), i * c));
  return { classes: c, truth: Int32Array.from(rows, (r) => input.truth[r]!), predicted: Int32Array.from(rows, (r) => input.predicted[r]!), probabilities };
}

const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

function expectSameBytes(threaded: BootstrapSamples, single: BootstrapSamples): void {
  expect(threaded.names).toEqual(single.names);
  expect(threaded.candidate.length).toBe(single.candidate.length);
  single.candidate.forEach((values, m) => expect(bytes(threaded.candidate[m]!).equals(bytes(values)), `candidate ${single.names[m]}`).toBe(true));
  expect(Boolean(threaded.delta)).toBe(Boolean(single.delta));
  single.delta?.forEach((values, m) => expect(bytes(threaded.delta![m]!).equals(bytes(values)), `delta ${single.names[m]}`).toBe(true));
}

describe('xoshiro128** jump-ahead', () => {
  it('equals stepping the generator one output at a time', () => {
    for (const [rows, b] of [[1, 0], [1, 1], [7, 3], [1000, 1], [1000, 7], [2500, 600]] as const) {
      const steps = 2 * rows * b;
      const stepped = new Xoshiro128(99);
      for (let k = 0; k < steps; k++) stepped.nextUint32();
      expect([...jumpState(new Xoshiro128(99).state(), steps)], `${rows} rows, resample ${b}`).toEqual([...stepped.state()]);
      expect([...streamAt(99, rows, b).state()]).toEqual([...stepped.state()]);
    }
  });

  it('composes: jumping a then b lands where jumping a + b does, up to 2^52', () => {
    const start = new Xoshiro128(4).state();
    for (const [a, b] of [[0, 0], [1, 2 ** 40], [2 ** 52 - 12345, 12345], [3_000_000_000, 2 ** 45 + 17]] as const) {
      expect([...jumpState(jumpState(start, a), b)]).toEqual([...jumpState(start, a + b)]);
    }
    // A non-zero jump moves the state; 2^128 − 1 steps would be the period, far beyond 2^53.
    expect([...jumpState(start, 2 ** 52)]).not.toEqual([...start]);
    expect(() => jumpState(start, -1)).toThrow(/non-negative safe integer/);
    expect(() => jumpState(start, 2 ** 53)).toThrow(/non-negative safe integer/);
  });

  it('the generator at resample b draws what the b-th resample of one stream draws', () => {
    const rows = 333;
    const one = new Xoshiro128(8);
    const counts = new Int32Array(rows);
    for (let b = 0; b < 5; b++) drawResample(one, counts);
    const jumped = new Int32Array(rows);
    drawResample(streamAt(8, rows, 4), jumped);
    expect(jumped).toEqual(counts);
  });
});

describe('threaded paired bootstrap', () => {
  let runner: BootstrapRunner | undefined;
  afterEach(async () => {
    await runner?.close();
    runner = undefined;
  });

  const n = 1500;
  const candidateBinary = binary(n, 11);
  const baselineBinary = { ...candidateBinary, predicted: Int32Array.from(candidateBinary.predicted, (p, i) => (i % 7 === 0 ? 1 - p : p)), probabilities: Float64Array.from(candidateBinary.probabilities!, (p, j) => (j % 2 ? Math.round(p * 4) / 4 : 1 - Math.round((1 - p) * 4) / 4)) };
  const sliceRows = Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 !== 1);
  const multi = multiclass(n, 4);
  const multiBaseline = { ...multi, predicted: Int32Array.from(multi.predicted, (p, i) => (i % 5 === 0 ? (p + 1) % 4 : p)) };
  const truthValues = Float64Array.from({ length: n }, () => uniform() * 10 - 5);
  const group = Int32Array.from({ length: n }, (_, i) => (i % 10 === 0 ? -1 : i % 3));
  const toBinary = (input: ClassificationInput) => ({ groups: 3, group, truth: Uint8Array.from(input.truth), predicted: Uint8Array.from(input.predicted) });

  const cases: [string, () => [PreparedMetrics, PreparedMetrics | undefined], number][] = [
    ['binary with ties and −0.0 scores', () => [prepareClassification(candidateBinary), prepareClassification(baselineBinary)], 1],
    ['binary, no baseline', () => [prepareClassification(candidateBinary), undefined], 2],
    ['binary labels only', () => [prepareClassification({ ...candidateBinary, probabilities: undefined }), prepareClassification({ ...baselineBinary, probabilities: undefined })], 3],
    ['a slice of the rows (its own seed)', () => [prepareClassification(rowsOf(candidateBinary, sliceRows)), prepareClassification(rowsOf(baselineBinary, sliceRows))], deriveSeed(1, 'band=a')],
    ['multiclass', () => [prepareClassification(multi), prepareClassification(multiBaseline)], 4],
    ['regression', () => [prepareRegression(truthValues, Float64Array.from(truthValues, (y, i) => y + ((i % 5) - 2) * 0.1)), prepareRegression(truthValues, Float64Array.from(truthValues, (y, i) => (i % 4 === 0 ? -0 : y * 0.9)))], 5],
    ['fairness across groups', () => [prepareFairness(toBinary(candidateBinary), ['demographic_parity_difference', 'equalized_odds_difference', 'demographic_parity_ratio'], [0, 1, 2]), prepareFairness(toBinary(baselineBinary), ['demographic_parity_difference', 'equalized_odds_difference', 'demographic_parity_ratio'], [0, 1, 2])], 6],
  ];

  it.each(cases)('%s: the same bytes as one thread for 2 and 3 threads and resample counts they do not divide', async (_, prepare, seed) => {
    const [candidate, baseline] = prepare();
    for (const threads of [2, 3]) {
      runner = bootstrapRunner({ threads, force: true, workerUrl: WORKER });
      expect(runner.threads).toBe(threads);
      for (const resamples of [2, 7, 101]) {
        const single = pairedBootstrap(candidate, baseline, { resamples, seed });
        const threaded = await runner.bootstrap(candidate, baseline, { resamples, seed });
        expect(threaded.candidate[0]!.buffer).toBeInstanceOf(SharedArrayBuffer);
        expectSameBytes(threaded, single);
      }
      await runner.close();
    }
  }, 60_000);

  it('chunks claimed in any order and size, from any point, give the single-threaded bytes', () => {
    const candidate = prepareClassification(binary(700, 6));
    const baseline = prepareClassification(binary(700, 4));
    for (const resamples of [1, 7, 101]) {
      const single = pairedBootstrap(candidate, baseline, { resamples, seed: 9 });
      for (const chunk of [1, 3, 64]) {
        for (const taken of [0, 1, Math.floor(resamples / 2)]) {
          // Another thread claimed (and ran) the first `taken` resamples; this one claims the rest.
          const claims = { ...resampleClaims(9, resamples, 2), chunk };
          claims.next[0] = taken;
          const samples = emptySamples(candidate, baseline, resamples);
          runResamples(candidate, baseline, { seed: 9, from: 0, to: taken }, samples);
          const counts: number[] = [];
          expect(runClaimedResamples(candidate, baseline, claims, samples, (done) => counts.push(done))).toBe(resamples - taken);
          expect(counts).toEqual(Array.from({ length: resamples - taken }, (_, i) => i + 1));
          expectSameBytes(samples, single);
          // Nothing left: a thread that comes late claims nothing.
          expect(runClaimedResamples(candidate, baseline, claims, samples)).toBe(0);
        }
      }
    }
    expect(resampleClaims(1, 1000, 2).chunk).toBe(8);
    expect(resampleClaims(1, 3, 4).chunk).toBe(1);
  });

  it('progress counts the resamples of every thread and ends at the total', async () => {
    runner = bootstrapRunner({ threads: 2, force: true, workerUrl: WORKER });
    const seen: number[] = [];
    await runner.bootstrap(prepareClassification(candidateBinary), prepareClassification(baselineBinary), { resamples: 41, seed: 9, onProgress: (done) => seen.push(done) });
    expect(seen.at(-1)).toBe(41);
    expect(seen.every((done, i) => i === 0 || done >= seen[i - 1]!)).toBe(true);
  });

  it('small bootstraps stay in the calling thread unless threads are forced; large ones use the threads; one thread never starts any', async () => {
    runner = bootstrapRunner({ threads: 2, workerUrl: WORKER });
    const small = await runner.bootstrap(prepareClassification(candidateBinary), undefined, { resamples: 100, seed: 1 });
    expect(small.candidate[0]!.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    const rows = 20_000;
    const y = Float64Array.from({ length: rows }, (_, i) => Math.sin(i));
    const large = prepareRegression(y, Float64Array.from(y, (v, i) => v + (i % 7) * 0.01));
    expect(rows * 1000).toBeGreaterThanOrEqual(MIN_THREADED_WORK);
    const threaded = await runner.bootstrap(large, undefined, { resamples: 1000, seed: 2 });
    expect(threaded.candidate[0]!.buffer).toBeInstanceOf(SharedArrayBuffer);
    expectSameBytes(threaded, pairedBootstrap(large, undefined, { resamples: 1000, seed: 2 }));
    expect(bootstrapRunner({ threads: 1, workerUrl: WORKER }).threads).toBe(1);
  });

  it('finds the worker beside a bundle (entry or chunk), not beside TypeScript sources', () => {
    const dist = new URL('../../dist/', import.meta.url);
    expect(bundledWorkerUrl(new URL('evaluate-gate.js', dist).href)?.href).toBe(WORKER.href);
    expect(bundledWorkerUrl(new URL('chunks/any-chunk.js', dist).href)?.href).toBe(WORKER.href);
    expect(bundledWorkerUrl(new URL('../../shared/stats/bootstrap-pool.ts', import.meta.url).href)).toBeUndefined();
    expect(bootstrapRunner({ threads: 4 }).threads).toBe(1);
  });

  it('a thread that throws gives one clear error, ends the pool and leaves no thread running', async () => {
    runner = bootstrapRunner({ threads: 2, force: true, workerUrl: WORKER });
    const candidate = prepareClassification(candidateBinary);
    const broken: PreparedMetrics = { ...candidate, plan: { ...candidate.plan!, kind: 'no-such-kind' } };
    await expect(runner.bootstrap(broken, undefined, { resamples: 10, seed: 1 })).rejects.toThrow(/^paired bootstrap: its share of the 10 resamples failed in worker thread 1 of 1: metrics plan of unknown kind "no-such-kind"/);
    await expect(runner.bootstrap(candidate, undefined, { resamples: 10, seed: 1 })).rejects.toThrow(/worker thread 1 of 1/);
    const error = await runner.bootstrap(candidate, undefined, { resamples: 10, seed: 1 }).catch((e: unknown) => e);
    expect(isUserError(error) && error.format()).toMatch(/failed in worker thread 1 of 1: metrics plan of unknown kind "no-such-kind".*\. The resamples do not depend on the thread count: one thread runs them in the main thread, with the same results$/);
    expect(liveThreads(runner)).toBe(0);
  });

  it('a thread that fails to load or exits early gives one clear error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'boot-worker-'));
    writeFileSync(join(dir, 'throws.mjs'), "throw new Error('cannot start here');\n");
    writeFileSync(join(dir, 'exits.mjs'), "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n");
    const candidate = prepareClassification(candidateBinary);
    runner = bootstrapRunner({ threads: 3, force: true, workerUrl: pathToFileURL(join(dir, 'throws.mjs')) });
    await expect(runner.bootstrap(candidate, undefined, { resamples: 10, seed: 1 })).rejects.toThrow(/^paired bootstrap: worker thread [12] of 2 failed \(cannot start here\) while running its share of the 10 resamples/);
    runner = bootstrapRunner({ threads: 2, force: true, workerUrl: pathToFileURL(join(dir, 'exits.mjs')) });
    await expect(runner.bootstrap(candidate, undefined, { resamples: 10, seed: 1 })).rejects.toThrow(/^paired bootstrap: worker thread 1 of 1 stopped \(exit code 3\) while running its share of the 10 resamples/);
    expect(liveThreads(runner)).toBe(0);
  });
  it('a thread that exits (code 0) after answering its job is an error naming it on the next bootstrap, not a wait for ever', async () => {
    // The real worker, except that it ends its thread after its first answer that is not progress.
    const dir = mkdtempSync(join(tmpdir(), 'boot-worker-'));
    writeFileSync(
      join(dir, 'exits-after-one.mjs'),
      `import { parentPort } from 'node:worker_threads';
const post = parentPort.postMessage.bind(parentPort);
parentPort.postMessage = (message, transfer) => {
  post(message, transfer);
  if (!('progress' in message)) process.exit(0);
};
await import(${JSON.stringify(WORKER.href)});
`,
    );
    const candidate = prepareClassification(candidateBinary);
    runner = bootstrapRunner({ threads: 2, force: true, workerUrl: pathToFileURL(join(dir, 'exits-after-one.mjs')) });
    expectSameBytes(await runner.bootstrap(candidate, undefined, { resamples: 10, seed: 1 }), pairedBootstrap(candidate, undefined, { resamples: 10, seed: 1 }));
    // Let the thread's exit be seen (it may also come while the next bootstrap waits: the same error).
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(runner.bootstrap(candidate, undefined, { resamples: 10, seed: 1 })).rejects.toThrow(/worker thread 1 of 1 stopped \(exit code 0\)/);
  }, 20_000);
});
