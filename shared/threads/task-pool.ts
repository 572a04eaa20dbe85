/**
 * A fixed set of worker threads running one bundled entry script (dist/<name>.js), each taking
 * one task at a time from a shared queue. Results come back in the order asked for whatever
 * thread ran them. A thread that fails breaks the pool with one error naming the task; the
 * threads never keep the process alive between tasks.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, type Transferable } from 'node:worker_threads';

/** The default thread count never exceeds this (memory: each thread holds its own working copies). */
export const MAX_DEFAULT_THREADS = 8;

export function defaultThreads(): number {
  return Math.max(1, Math.min(MAX_DEFAULT_THREADS, availableParallelism()));
}

/**
 * dist/<name>.js, found from the bundle this code was built into (an entry in dist/ or a chunk in
 * dist/chunks/); undefined when running from TypeScript sources (the caller then runs in-thread).
 */
export function bundledEntry(name: string, moduleUrl: string): URL | undefined {
  if (!/\.m?js$/.test(moduleUrl)) return undefined;
  for (const relative of [`./${name}.js`, `../${name}.js`]) {
    const url = new URL(relative, moduleUrl);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

/** What a worker entry posts back for each task. */
export type TaskReply<Result> = { id: number; result: Result } | { id: number; error: string };

interface Pending<Result> {
  id: number;
  message: unknown;
  transfer: Transferable[];
  what: string;
  resolve(result: Result): void;
  reject(error: Error): void;
}

export class TaskPool<Task, Result> {
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Pending<Result>>();
  private readonly queue: Pending<Result>[] = [];
  private started = 0;
  private nextId = 0;
  private failure: Error | undefined;

  constructor(
    private readonly entry: URL,
    readonly threads: number,
    private readonly label: string,
  ) {}

  /** Runs one task on the next free thread; `transfer` moves buffers instead of copying them. */
  run(task: Task, what: string, transfer: Transferable[] = []): Promise<Result> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, message: task, transfer, what, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    const workers = [...this.idle.splice(0), ...this.running.keys()];
    this.running.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.started < this.threads ? this.start() : undefined);
      if (!worker) return;
      const task = this.queue.shift()!;
      this.running.set(worker, task);
      worker.ref();
      worker.postMessage({ id: task.id, task: task.message }, task.transfer);
    }
  }

  private start(): Worker {
    this.started++;
    const worker = new Worker(this.entry);
    worker.on('message', (reply: TaskReply<Result>) => {
      const task = this.running.get(worker);
      if (!task || task.id !== reply.id) return;
      this.running.delete(worker);
      worker.unref();
      this.idle.push(worker);
      if ('error' in reply) task.reject(new Error(`${this.label}: ${task.what} failed in a worker thread: ${reply.error}`));
      else task.resolve(reply.result);
      this.dispatch();
    });
    const broken = (why: string) => {
      const task = this.running.get(worker);
      this.running.delete(worker);
      this.failure ??= new Error(`${this.label}: a worker thread ${why}${task ? ` while running ${task.what}` : ''}`);
      task?.reject(this.failure);
      for (const queued of this.queue.splice(0)) queued.reject(this.failure);
    };
    worker.on('error', (error) => broken(`failed (${error.message})`));
    worker.on('exit', (code) => {
      if (this.running.has(worker)) broken(`stopped (exit code ${code})`);
    });
    return worker;
  }
}
