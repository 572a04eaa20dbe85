/**
 * Runs paired bootstraps on worker threads plus the calling thread. Each thread takes a contiguous
 * range of resamples, jumps the seeded generator to the range's start (xoshiro-jump.ts) and runs
 * the same loop (runResamples), workers on metrics rebuilt from shared memory, so the samples are
 * the same bytes whatever the thread count. Small bootstraps, and metrics without a plan, run in the
 * calling thread, where starting threads would cost more than it saves.
 */
import { Worker } from 'node:worker_threads';
import { UserError, type ErrorLocation } from '../errors/user-error.js';
import { emptySamples, pairedBootstrap, runResamples, type BootstrapOptions, type BootstrapSamples } from './bootstrap.js';
import type { BootstrapJob, BootstrapReply } from './bootstrap-protocol.js';
import type { PreparedMetrics } from './classification.js';
import { bundledEntry, defaultThreads } from '../threads/task-pool.js';
import { sharedPlan } from './metrics-plan.js';

/** Below this many rows × resamples (about half a second on one core), a bootstrap runs in the calling thread unless threads are forced: starting a thread costs ~0.05–0.1 s. */
export const MIN_THREADED_WORK = 20_000_000;

export interface BootstrapRunner {
  /** Worker threads used for large bootstraps (1: none). */
  readonly threads: number;
  bootstrap(candidate: PreparedMetrics, baseline: PreparedMetrics | undefined, options: BootstrapOptions): Promise<BootstrapSamples>;
  /** Terminates the worker threads (idempotent). */
  close(): Promise<void>;
}

export interface RunnerOptions {
  /** Threads to use: 1 runs every bootstrap in the calling thread. Default: defaultThreads(). */
  threads?: number;
  /** Use the threads for every bootstrap of at least two resamples, however small (tests, explicit configuration). */
  force?: boolean;
  /** The worker script; default: bootstrap-worker.js beside the bundle. Without one, everything runs in the calling thread. */
  workerUrl?: URL;
  /** Where a thread's failure is reported (e.g. the config key that sets the thread count) and what to do. */
  failure?: { where?: ErrorLocation; hint?: string };
}

const FAILURE_HINT = 'The resamples do not depend on the thread count: one thread runs them in the main thread, with the same results';

/**
 * dist/bootstrap-worker.js, found from the bundle this code was built into (an entry in dist/
 * or a chunk in dist/chunks/); undefined when running from TypeScript sources.
 */
export function bundledWorkerUrl(moduleUrl = import.meta.url): URL | undefined {
  return bundledEntry('bootstrap-worker', moduleUrl);
}

export function bootstrapRunner(options: RunnerOptions = {}): BootstrapRunner {
  const threads = Math.max(1, Math.floor(options.threads ?? defaultThreads()));
  const workerUrl = options.workerUrl ?? bundledWorkerUrl();
  if (threads === 1 || !workerUrl) return inThread;
  return new WorkerPool(threads, workerUrl, options.force ?? false, options.failure ?? {});
}

const inThread: BootstrapRunner = {
  threads: 1,
  bootstrap: async (candidate, baseline, options) => pairedBootstrap(candidate, baseline, options),
  close: async () => {},
};

class WorkerPool implements BootstrapRunner {
  private readonly workers: Worker[] = [];
  private nextJob = 0;
  private failure: UserError | undefined;

  constructor(
    readonly threads: number,
    private readonly workerUrl: URL,
    private readonly force: boolean,
    private readonly failureReport: { where?: ErrorLocation; hint?: string },
  ) {}

  /** One clear error for a failed thread: which thread, which resamples, why, and what to do. */
  private failed(what: string): UserError {
    return new UserError(what, { where: this.failureReport.where, hint: this.failureReport.hint ?? FAILURE_HINT });
  }

  async bootstrap(candidate: PreparedMetrics, baseline: PreparedMetrics | undefined, options: BootstrapOptions): Promise<BootstrapSamples> {
    if (this.failure) throw this.failure;
    const resamples = options.resamples;
    const small = !this.force && candidate.rows * resamples < MIN_THREADED_WORK;
    if (small || resamples < 2 || !candidate.plan || (baseline && !baseline.plan)) return pairedBootstrap(candidate, baseline, options);
    if (baseline && baseline.rows !== candidate.rows) throw new Error('paired bootstrap needs the same rows for both models');

    const samples = emptySamples(candidate, baseline, resamples, true);
    const candidatePlan = sharedPlan(candidate.plan);
    const baselinePlan = baseline ? sharedPlan(baseline.plan!) : undefined;
    // The calling thread takes the first range itself (it would only wait otherwise), worker
    // threads the others: `threads` ranges in all, so one worker fewer to start.
    const parts = Math.min(this.threads, resamples);
    const range = (i: number) => ({ seed: options.seed, from: Math.floor((i * resamples) / parts), to: Math.floor(((i + 1) * resamples) / parts) });
    const workers = parts - 1;
    while (this.workers.length < workers) this.workers.push(this.start());
    const done = new Array<number>(parts).fill(0);
    const report = (part: number, count: number) => {
      done[part] = count;
      options.onProgress?.(done.reduce((a, b) => a + b, 0));
    };
    const detach: (() => void)[] = [];
    try {
      const finished = new Promise<void>((resolve, reject) => {
        let left = workers;
        if (left === 0) resolve();
        const fail = (error: UserError) => {
          this.failure = error;
          reject(error);
        };
        for (let w = 0; w < workers; w++) {
          const worker = this.workers[w]!;
          const part = w + 1;
          const job = this.nextJob++;
          const what = `paired bootstrap: worker thread ${w + 1} of ${workers} (resamples ${range(part).from}–${range(part).to - 1} of ${resamples})`;
          const onMessage = (reply: BootstrapReply) => {
            if (reply.job !== job) return;
            if (reply.type === 'failed') return fail(this.failed(`${what} failed: ${reply.message}`));
            report(part, reply.done);
            if (reply.type === 'done' && --left === 0) resolve();
          };
          const onError = (error: Error) => fail(this.failed(`${what} failed: ${error.message}`));
          const onExit = (code: number) => fail(this.failed(`${what} stopped (exit code ${code}) before finishing`));
          worker.on('message', onMessage);
          worker.on('error', onError);
          worker.on('exit', onExit);
          detach.push(() => {
            worker.off('message', onMessage);
            worker.off('error', onError);
            worker.off('exit', onExit);
          });
          const message: BootstrapJob = { job, candidate: candidatePlan, baseline: baselinePlan, range: range(part), candidateOut: samples.candidate, deltaOut: samples.delta };
          worker.ref();
          worker.postMessage(message);
        }
      });
      // Handled below; a rejection while this thread computes must not count as unhandled.
      finished.catch(() => {});
      runResamples(candidate, baseline, range(0), samples, (count) => report(0, count));
      await finished;
    } finally {
      for (const off of detach) off();
      // Idle threads must not keep the process alive if a caller forgets close().
      for (const worker of this.workers) worker.unref();
      if (this.failure) await this.close();
    }
    return samples;
  }

  private start(): Worker {
    const worker = new Worker(this.workerUrl);
    // A thread that fails between jobs (none should) breaks the pool instead of the process.
    worker.on('error', (error) => (this.failure ??= this.failed(`paired bootstrap: a worker thread failed: ${error.message}`)));
    return worker;
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
