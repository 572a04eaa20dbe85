/**
 * Worker thread entry (bundled as dist/bootstrap-worker.js): runs chunks of a paired bootstrap's
 * resamples, claimed from a counter all the bootstrap's threads share, until none is left. It
 * rebuilds the prepared metrics from their plans (typed arrays in memory shared with the main
 * thread), jumps the generator to each chunk's first resample, and writes each resample's values
 * at its own index into the shared sample arrays.
 */
import { parentPort } from 'node:worker_threads';
import type { TaskMessage, TaskReply } from '../threads/task-pool.js';
import { runClaimedResamples } from './bootstrap.js';
import type { BootstrapJob, ResamplesDone } from './bootstrap-protocol.js';
import { metricsFromPlan } from './plan-registry.js';

/** At most one progress message per this many milliseconds (and one at the end). */
const PROGRESS_EVERY_MS = 200;

if (!parentPort) throw new Error('bootstrap-worker.js is a worker thread entry; the bootstrap pool starts it');
const port = parentPort;

port.on('message', ({ id, task: job }: TaskMessage<BootstrapJob>) => {
  const reply = (message: TaskReply<ResamplesDone, ResamplesDone>) => port.postMessage(message);
  try {
    const candidate = metricsFromPlan(job.candidate);
    const baseline = job.baseline ? metricsFromPlan(job.baseline) : undefined;
    let last = performance.now();
    const done = runClaimedResamples(candidate, baseline, job.claims, { candidate: job.candidateOut, delta: job.deltaOut }, (done) => {
      const now = performance.now();
      if (now - last < PROGRESS_EVERY_MS) return;
      last = now;
      reply({ id, progress: done });
    });
    reply({ id, result: done });
  } catch (error) {
    reply({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
