/**
 * A fixed set of worker threads running one bundled entry script (dist/<name>.js), each taking
 * one task at a time from a shared queue. Results come back in the order asked for whatever
 * thread ran them; a task may report progress before its result. A thread that fails or exits,
 * while running a task or between tasks, breaks the pool with one error naming the thread (and
 * the task); the threads never keep the process alive between tasks.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Transferable, Worker } from 'node:worker_threads';
import { workerThreads } from '../node/builtins.js';

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

/** What a worker entry receives for each task. */
export interface TaskMessage<Task> {
  id: number;
  task: Task;
}

/** What a worker entry posts back for a task: any number of progress reports, then its result or its error. */
export type TaskReply<Result, Progress = never> = { id: number; result: Result } | { id: number; error: string } | { id: number; progress: Progress };

interface Pending<Result, Progress> {
  id: number;
  message: unknown;
  transfer: Transferable[];
  what: string;
  onProgress?: (progress: Progress) => void;
  resolve(result: Result): void;
  reject(error: Error): void;
}

export class TaskPool<Task, Result, Progress = never> {
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Pending<Result, Progress>>();
  private readonly queue: Pending<Result, Progress>[] = [];
  private started = 0;
  private nextId = 0;
  private failure: Error | undefined;
  private closed = false;

  constructor(
    private readonly entry: URL,
    readonly threads: number,
    private readonly label: string,
  ) {}

  /** Threads started and neither ended nor closed (a thread that failed or exited is not counted; 0 once closed). */
  get liveThreads(): number {
    return this.idle.length + this.running.size;
  }

  /**
   * Runs one task on the next free thread; `transfer` moves buffers instead of copying them;
   * `onProgress` receives the task's progress reports.
   */
  run(task: Task, what: string, transfer: Transferable[] = [], onProgress?: (progress: Progress) => void): Promise<Result> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error(`${this.label}: the worker threads were closed before ${what}`));
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, message: task, transfer, what, onProgress, resolve, reject });
      this.dispatch();
    });
  }

  /** Ends the threads; a task still running or queued rejects (none is left waiting for ever). */
  async close(): Promise<void> {
    this.closed = true;
    const unfinished = [...this.running.values(), ...this.queue.splice(0)];
    const workers = [...this.idle.splice(0), ...this.running.keys()];
    this.running.clear();
    for (const task of unfinished) task.reject(new Error(`${this.label}: the worker threads were closed before ${task.what} finished`));
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.started < this.threads ? this.start() : undefined);
      if (!worker) return;
      const task = this.queue.shift()!;
      this.running.set(worker, task);
      worker.ref();
      const message: TaskMessage<unknown> = { id: task.id, task: task.message };
      worker.postMessage(message, task.transfer);
    }
  }

  private start(): Worker {
    const name = `worker thread ${++this.started} of ${this.threads}`;
    const worker = new (workerThreads().Worker)(this.entry);
    worker.on('message', (reply: TaskReply<Result, Progress>) => {
      const task = this.running.get(worker);
      if (!task || task.id !== reply.id) return;
      if ('progress' in reply) return task.onProgress?.(reply.progress);
      this.running.delete(worker);
      worker.unref();
      this.idle.push(worker);
      if ('error' in reply) task.reject(new Error(`${this.label}: ${task.what} failed in ${name}: ${reply.error}`));
      else task.resolve(reply.result);
      this.dispatch();
    });
    // A thread that fails or exits, even with code 0 between tasks, is gone: the task it runs, the
    // queued ones and every later one reject (none is sent to it to wait for ever).
    const broken = (why: string) => {
      const task = this.running.get(worker);
      this.running.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      this.failure ??= new Error(`${this.label}: ${name} ${why}${task ? ` while running ${task.what}` : ' between tasks'}`);
      task?.reject(this.failure);
      for (const queued of this.queue.splice(0)) queued.reject(this.failure);
    };
    worker.on('error', (error) => broken(`failed (${error.message})`));
    worker.on('exit', (code) => {
      if (!this.closed) broken(`stopped (exit code ${code})`);
    });
    return worker;
  }
}
