/**
 * Request capture: sampled requests and responses appended as JSON Lines, one row per instance,
 * to DIR/<model>/<YYYY-MM-DD>/capture-<timestamp>-<seq>.jsonl, a new file when one reaches the
 * size cap or the day changes. Rows are built and written after the response has gone, in the
 * order requests completed; close() writes everything still queued (SIGTERM loses no row).
 *
 * A row: {"timestamp", "model", "version", "request_id", <feature>: value, …, "output.<name>": value or array}.
 * Features are named as the model's feature_names; a model without them contributes its input
 * tensors by name (a row's slice: a value, or an array for a wide input).
 */
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { plain } from './encode-response.js';
import type { ModelSignature } from './model-signature.js';
import type { Feeds, Outputs, Tensor } from './tensors.js';
import { crypto } from '../node/builtins.js';

export interface CaptureOptions {
  dir: string;
  /** Fraction of requests captured (0..1). */
  sample: number;
  /** Rotate a file once it holds this many bytes. */
  maxFileBytes: number;
  /** Rows allowed to wait for the disk; past it rows are dropped and counted, so a slow disk cannot exhaust memory. */
  maxQueuedRows?: number;
}

export const DEFAULT_MAX_QUEUED_ROWS = 1_000_000;

interface Captured {
  at: Date;
  model: string;
  version: string;
  requestId: string;
  signature: ModelSignature;
  feeds: Feeds;
  outputs: Outputs;
}

interface OpenFile {
  handle: FileHandle;
  day: string;
  bytes: number;
}

export class CaptureWriter {
  private queue: Captured[] = [];
  private queuedRows = 0;
  /** Rows dropped because the queue was full. */
  dropped = 0;
  private files = new Map<string, OpenFile>();
  private writing: Promise<void> | undefined;
  private sequence = 0;
  private failed: unknown;

  constructor(
    private readonly options: CaptureOptions,
    private readonly warn: (line: string) => void,
  ) {}

  sampled(): boolean {
    return this.options.sample >= 1 || Math.random() < this.options.sample;
  }

  /** Queues one request's rows; never waits. */
  record(entry: Omit<Captured, 'at' | 'requestId'> & { requestId?: string }): void {
    if (this.queuedRows + entry.feeds.rows > (this.options.maxQueuedRows ?? DEFAULT_MAX_QUEUED_ROWS)) {
      if (this.dropped === 0) this.warn(`serve: capture: ${this.queuedRows} rows are waiting for the disk; dropping rows until it catches up (counted in mlops_serve_capture_dropped_rows_total)`);
      this.dropped += entry.feeds.rows;
      return;
    }
    this.queuedRows += entry.feeds.rows;
    this.queue.push({ ...entry, at: new Date(), requestId: entry.requestId ?? crypto().randomUUID() });
    this.writing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.drain());
  }

  /** Writes what is queued and closes the files. */
  async close(): Promise<void> {
    while (this.writing) await this.writing;
    await this.drain();
    for (const file of this.files.values()) await file.handle.close();
    this.files.clear();
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length) {
        const batch = this.queue;
        this.queue = [];
        this.queuedRows = 0;
        const byModel = new Map<string, string[]>();
        for (const entry of batch) {
          const lines = byModel.get(entry.model) ?? [];
          for (const row of captureRows(entry)) lines.push(JSON.stringify(row));
          byModel.set(entry.model, lines);
        }
        for (const [model, lines] of byModel) await this.append(model, lines);
      }
    } catch (error) {
      if (!this.failed) this.warn(`serve: capture: cannot write to ${this.options.dir}: ${error instanceof Error ? error.message : String(error)}; capturing stops`);
      this.failed = error;
    } finally {
      this.writing = undefined;
    }
  }

  private async append(model: string, lines: string[]): Promise<void> {
    if (this.failed) return;
    let chunk = '';
    for (const line of lines) {
      chunk += `${line}\n`;
      if (chunk.length >= 1 << 20) {
        await this.write(model, chunk);
        chunk = '';
      }
    }
    if (chunk) await this.write(model, chunk);
  }

  private async write(model: string, chunk: string): Promise<void> {
    const now = new Date();
    const day = now.toISOString().slice(0, 10);
    let file = this.files.get(model);
    if (file && (file.day !== day || file.bytes >= this.options.maxFileBytes)) {
      await file.handle.close();
      file = undefined;
    }
    if (!file) {
      const folder = join(this.options.dir, model, day);
      await mkdir(folder, { recursive: true });
      const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
      const name = `capture-${stamp}-${String(++this.sequence).padStart(6, '0')}.jsonl`;
      file = { handle: await open(join(folder, name), 'a', 0o640), day, bytes: 0 };
      this.files.set(model, file);
    }
    const bytes = Buffer.from(chunk);
    await file.handle.write(bytes);
    file.bytes += bytes.length;
  }
}

export function captureRows(entry: Captured): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  const { feeds, outputs, signature } = entry;
  const n = feeds.rows;
  const layout = signature.features;
  const timestamp = entry.at.toISOString();
  const outputValues = signature.outputs.filter((o) => outputs[o.name]).map((o) => ({ key: `output.${o.name}`, values: rowValues(outputs[o.name]!, n, o.datatype) }));
  const inputValues =
    layout?.mode === 'matrix'
      ? undefined
      : signature.inputs.map((i) => ({ key: i.name, values: rowValues(feeds.tensors[i.name]!, n, i.datatype) }));
  for (let r = 0; r < n; r++) {
    const row: Record<string, unknown> = { timestamp, model: entry.model, version: entry.version, request_id: entry.requestId };
    if (layout?.mode === 'matrix') {
      const tensor = feeds.tensors[layout.input]!;
      const width = layout.features.length;
      const data = tensor.data as Float32Array | Float64Array;
      layout.features.forEach((feature, f) => (row[feature] = data[r * width + f]));
    } else {
      for (const { key, values } of inputValues!) row[key] = values(r);
    }
    for (const { key, values } of outputValues) row[key] = values(r);
    rows.push(row);
  }
  return rows;
}

/** Row r of a batch-first tensor: a scalar when a row holds one value, else an array. */
function rowValues(tensor: Tensor, rows: number, datatype: string): (r: number) => unknown {
  const all = plain(tensor.data, datatype);
  const width = all.length / rows;
  return width === 1 ? (r) => all[r] : (r) => all.slice(r * width, (r + 1) * width);
}
