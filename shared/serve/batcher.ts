/**
 * Dynamic batching: requests for one model version queue here and run together in one
 * session.run of up to `maxBatch` rows. While a run is in progress new requests wait and go in
 * the next batch; an idle batcher waits at most `batchWaitMs` for company (0: the next tick).
 * A full queue refuses with 503 at once rather than letting latency grow without bound.
 */
import type { TypedData } from './datatypes.js';
import { HttpError } from './http-error.js';
import type { Feeds, Outputs, Tensor } from './tensors.js';

export interface BatcherOptions {
  maxBatch: number;
  batchWaitMs: number;
  /** Rows allowed to wait; beyond it requests get 503. */
  maxQueueRows: number;
  /** Outputs have the batch as their first dimension, so a merged run can be split back. */
  splittable: boolean;
  run(feeds: Feeds): Promise<Outputs>;
  onBatch?(rows: number): void;
}

interface Pending {
  feeds: Feeds;
  key: string;
  resolve(outputs: Outputs): void;
  reject(error: unknown): void;
}

export class Batcher {
  private readonly queue: Pending[] = [];
  private queuedRows = 0;
  private running = false;
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  /** The pending timer is a batch-wait timeout (a full batch cuts it short). */
  private waiting = false;

  constructor(private readonly options: BatcherOptions) {}

  submit(feeds: Feeds): Promise<Outputs> {
    if (this.queuedRows > 0 && this.queuedRows + feeds.rows > this.options.maxQueueRows) {
      return Promise.reject(new HttpError(503, `overloaded: ${this.queuedRows} rows are already waiting for this model version; retry shortly`, { 'retry-after': '1' }));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ feeds, key: mergeKey(feeds), resolve, reject });
      this.queuedRows += feeds.rows;
      this.schedule();
    });
  }

  /** Requests waiting or running. */
  get idle(): boolean {
    return !this.running && this.queue.length === 0;
  }

  private schedule(): void {
    if (this.running) return;
    const full = this.queuedRows >= this.options.maxBatch || !this.options.splittable;
    if (this.timer && !(full && this.waiting)) return;
    if (this.timer) clearTimeout(this.timer as NodeJS.Timeout);
    this.waiting = !(full || this.options.batchWaitMs <= 0);
    this.timer = this.waiting ? setTimeout(() => this.flush(), this.options.batchWaitMs) : setImmediate(() => this.flush());
  }

  private flush(): void {
    this.timer = undefined;
    this.waiting = false;
    if (this.running || this.queue.length === 0) return;
    const batch = this.take();
    this.running = true;
    void this.runBatch(batch).finally(() => {
      this.running = false;
      if (this.queue.length) {
        // Whatever queued during the run has waited long enough: go at once.
        if (this.timer && this.waiting) clearTimeout(this.timer as NodeJS.Timeout);
        this.waiting = false;
        this.timer = setImmediate(() => this.flush());
      }
    });
  }

  /** The first request, then following ones with the same tensor layout, up to maxBatch rows. */
  private take(): Pending[] {
    const first = this.queue.shift()!;
    const batch = [first];
    let rows = first.feeds.rows;
    if (this.options.splittable) {
      while (this.queue.length && this.queue[0]!.key === first.key && rows + this.queue[0]!.feeds.rows <= this.options.maxBatch) {
        const next = this.queue.shift()!;
        rows += next.feeds.rows;
        batch.push(next);
      }
    }
    this.queuedRows -= rows;
    return batch;
  }

  private async runBatch(batch: Pending[]): Promise<void> {
    try {
      const feeds = batch.length === 1 ? batch[0]!.feeds : merge(batch.map((p) => p.feeds));
      this.options.onBatch?.(feeds.rows);
      const outputs = await this.options.run(feeds);
      if (batch.length === 1) {
        batch[0]!.resolve(outputs);
        return;
      }
      let offset = 0;
      for (const pending of batch) {
        pending.resolve(slice(outputs, offset, pending.feeds.rows, feeds.rows));
        offset += pending.feeds.rows;
      }
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // One request's rows must not fail its neighbours: run each alone to find the culprit.
      for (const pending of batch) {
        this.options.onBatch?.(pending.feeds.rows);
        await this.options.run(pending.feeds).then(pending.resolve, pending.reject);
      }
    }
  }
}

function mergeKey(feeds: Feeds): string {
  return Object.entries(feeds.tensors)
    .map(([name, t]) => `${name}:${t.dims.slice(1).join('x')}:${Array.isArray(t.data) ? 's' : t.data.constructor.name}`)
    .join('|');
}

/** Concatenates requests along the batch dimension. */
export function merge(all: Feeds[]): Feeds {
  const rows = all.reduce((sum, f) => sum + f.rows, 0);
  const tensors: Record<string, Tensor> = {};
  for (const name of Object.keys(all[0]!.tensors)) {
    const parts = all.map((f) => f.tensors[name]!);
    const first = parts[0]!;
    const length = parts.reduce((sum, t) => sum + t.data.length, 0);
    let data: TypedData;
    if (Array.isArray(first.data)) {
      data = ([] as string[]).concat(...parts.map((t) => t.data as string[]));
    } else {
      const out = new (first.data.constructor as new (n: number) => Exclude<TypedData, string[]>)(length);
      let offset = 0;
      for (const part of parts) {
        out.set(part.data as never, offset);
        offset += part.data.length;
      }
      data = out;
    }
    tensors[name] = { data, dims: [rows, ...first.dims.slice(1)] };
  }
  return { rows, tensors };
}

function slice(outputs: Outputs, offset: number, rows: number, total: number): Outputs {
  const result: Outputs = {};
  for (const [name, tensor] of Object.entries(outputs)) {
    const width = tensor.data.length / total;
    const start = offset * width;
    const end = start + rows * width;
    const data = Array.isArray(tensor.data) ? tensor.data.slice(start, end) : (tensor.data.slice(start, end) as TypedData);
    result[name] = { data, dims: [rows, ...tensor.dims.slice(1)] };
  }
  return result;
}
