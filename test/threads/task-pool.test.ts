// The worker-thread pool behind drift-check's columns: order, transfer, failures, close.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledEntry, TaskPool } from '../../shared/threads/task-pool.js';

/** A worker entry in plain JavaScript: sums a Float64Array, or fails, exits or never answers as the task asks. */
const ENTRY = `
import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id, task }) => {
  if (task.exit) process.exit(7);
  if (task.hang) return;
  if (task.exitWhenDone) {
    parentPort.postMessage({ id, result: { sum: 0, length: 0 } });
    process.exit(0);
  }
  if (task.fail) return parentPort.postMessage({ id, error: 'asked to fail' });
  let sum = 0;
  for (const v of task.values) sum += v;
  parentPort.postMessage({ id, result: { sum, length: task.values.length } });
});
`;

const entry = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mlops-pool-'));
  writeFileSync(join(dir, 'worker.mjs'), ENTRY);
  return pathToFileURL(join(dir, 'worker.mjs'));
};

type Task = { values: Float64Array; fail?: boolean; exit?: boolean; exitWhenDone?: boolean; hang?: boolean };
let pool: TaskPool<Task, { sum: number; length: number }> | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('TaskPool', () => {
  it('runs more tasks than threads and answers each in the order asked; transferred buffers move', async () => {
    pool = new TaskPool(entry(), 2, 'test');
    const arrays = Array.from({ length: 7 }, (_, i) => Float64Array.from({ length: 1000 * (i + 1) }, (_, k) => k));
    const results = await Promise.all(arrays.map((values, i) => pool!.run({ values }, `task ${i}`, i % 2 ? [values.buffer] : [])));
    expect(results.map((r) => r.length)).toEqual(arrays.map((_, i) => 1000 * (i + 1)));
    expect(results.map((r) => r.sum)).toEqual(arrays.map((_, i) => ((1000 * (i + 1)) * (1000 * (i + 1) - 1)) / 2));
    expect(arrays[1]!.length).toBe(0); // detached: moved, not copied
    expect(arrays[0]!.length).toBe(1000);
  });

  it('a task that fails rejects with the pool label and the task; the pool goes on', async () => {
    pool = new TaskPool(entry(), 1, 'drift-check');
    await expect(pool.run({ values: new Float64Array(1), fail: true }, 'column "x"')).rejects.toThrow('drift-check: column "x" failed in worker thread 1 of 1: asked to fail');
    await expect(pool.run({ values: Float64Array.of(1, 2) }, 'column "y"')).resolves.toEqual({ sum: 3, length: 2 });
  });

  it('a thread that exits breaks the pool: the running and queued tasks and later ones reject', async () => {
    pool = new TaskPool(entry(), 1, 'drift-check');
    const running = pool.run({ values: new Float64Array(1), exit: true }, 'column "x"');
    const queued = pool.run({ values: new Float64Array(1) }, 'column "y"');
    await expect(running).rejects.toThrow('drift-check: worker thread 1 of 1 stopped (exit code 7) while running column "x"');
    await expect(queued).rejects.toThrow('stopped (exit code 7)');
    await expect(pool.run({ values: new Float64Array(1) }, 'column "z"')).rejects.toThrow('stopped (exit code 7)');
  });

  it('a thread that exits (code 0) after its answer breaks the pool with an error naming it: the next task is not sent to it to wait for ever', async () => {
    pool = new TaskPool(entry(), 1, 'drift-check');
    await expect(pool.run({ values: new Float64Array(1), exitWhenDone: true }, 'column "x"')).resolves.toEqual({ sum: 0, length: 0 });
    // The exit is seen between tasks, or while the next one runs: an error naming the thread either way.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(pool.run({ values: new Float64Array(1) }, 'column "y"')).rejects.toThrow(/^drift-check: worker thread 1 of 1 stopped \(exit code 0\)/);
  }, 10_000);

  it('close() rejects the tasks still running or queued instead of leaving them pending for ever', async () => {
    pool = new TaskPool(entry(), 1, 'drift-check');
    const why = (error: Error) => error.message;
    const running = pool.run({ values: new Float64Array(1), hang: true }, 'column "x"').catch(why);
    const queued = pool.run({ values: new Float64Array(1) }, 'column "y"').catch(why);
    // Let the first task reach its thread, which never answers it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await pool.close();
    expect(await running).toBe('drift-check: the worker threads were closed before column "x" finished');
    expect(await queued).toBe('drift-check: the worker threads were closed before column "y" finished');
    await expect(pool.run({ values: new Float64Array(1) }, 'column "z"')).rejects.toThrow('drift-check: the worker threads were closed before column "z"');
  }, 10_000);

  it('finds no bundled entry from TypeScript sources (callers then run in their own thread)', () => {
    expect(bundledEntry('drift-column-worker', import.meta.url)).toBeUndefined();
  });
});
