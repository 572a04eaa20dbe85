/**
 * Runs paired bootstraps on worker threads plus the calling thread. The threads claim chunks of
 * resamples from a shared counter until none is left (so a thread that starts late or shares its
 * core does less, and none waits for another's fixed share), jump the seeded generator to each
 * chunk's start (xoshiro-jump.ts) and run the same loop (runResamples), workers on metrics rebuilt
 * from shared memory, so the samples are the same bytes whatever the thread count or split. Small
 * bootstraps, and metrics without a plan, run in the calling thread, where starting threads would
 * cost more than it saves. The threads are a TaskPool
 * (shared/threads/task-pool.ts); a failure of one ends the pool with one clear error.
 */
import { UserError, type ErrorLocation } from '../errors/user-error.js';
import { emptySamples, pairedBootstrap, resampleClaims, runClaimedResamples, type BootstrapOptions, type BootstrapSamples } from './bootstrap.js';
import type { BootstrapJob, ResamplesDone } from './bootstrap-protocol.js';
import type { PreparedMetrics } from './classification.js';
import { bundledEntry, defaultThreads, TaskPool } from '../threads/task-pool.js';
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
  /** The calling thread runs one range itself: one worker thread fewer. */
  private readonly pool: TaskPool<BootstrapJob, ResamplesDone, ResamplesDone>;
  private failure: UserError | undefined;

  constructor(
    readonly threads: number,
    workerUrl: URL,
    private readonly force: boolean,
    private readonly failureReport: { where?: ErrorLocation; hint?: string },
  ) {
    this.pool = new TaskPool(workerUrl, threads - 1, 'paired bootstrap');
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
    // The calling thread claims chunks too (it would only wait otherwise): `threads` threads in all.
    const parts = Math.min(this.threads, resamples);
    const claims = resampleClaims(options.seed, resamples, parts);
    const done = new Array<number>(parts).fill(0);
    const report = (part: number, count: number) => {
      done[part] = count;
      options.onProgress?.(done.reduce((a, b) => a + b, 0));
    };
    const jobs: Promise<void>[] = [];
    for (let part = 1; part < parts; part++) {
      const job: BootstrapJob = { candidate: candidatePlan, baseline: baselinePlan, claims, candidateOut: samples.candidate, deltaOut: samples.delta };
      const progress = (count: ResamplesDone) => report(part, count);
      jobs.push(this.pool.run(job, `its share of the ${resamples} resamples`, [], progress).then(progress));
    }
    const finished = Promise.all(jobs);
    // Handled below; a rejection while this thread computes must not count as unhandled.
    finished.catch(() => {});
    runClaimedResamples(candidate, baseline, claims, samples, (count) => report(0, count));
    try {
      await finished;
    } catch (error) {
      // One clear error for a failed thread: which thread, which resamples, why, and what to do.
      this.failure = new UserError(error instanceof Error ? error.message : String(error), { where: this.failureReport.where, hint: this.failureReport.hint ?? FAILURE_HINT });
      await this.close();
      throw this.failure;
    }
    return samples;
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
