/**
 * Scores a model batch by batch: builds the input tensors from column arrays (or feeds the
 * reader's row-major buffer as is, row-major.ts), runs the session,
 * and gathers the outputs the plan names into preallocated arrays. NaN or infinite scores are
 * an error naming the model, the output and the first row.
 *
 * Pipelined: `score(batch)` builds the batch's input while the previous batch's session.run is
 * still running (onnxruntime runs off the JS thread), then starts this batch and checks and copies
 * the previous batch's outputs while it runs. Two input buffers alternate, so a running batch's
 * input is never overwritten. `finish()` waits for the last batch. Every batch runs on exactly the
 * same input as before, so the outputs are bit-identical to scoring one batch at a time.
 */
import type * as ort from 'onnxruntime-node';
import { UserError } from '../errors/user-error.js';
import type { FeedPlan } from './feed.js';
import { firstLine, type OnnxModel } from './model.js';
import type { OutputPlan } from './outputs.js';
import { feedsAsIs, gatherRows } from './row-major.js';

export interface ColumnBatch {
  /** Index of the first row of this batch in the data (0-based). */
  rowOffset: number;
  rows: number;
  column(name: string): Float64Array;
  /**
   * The batch's rows as the reader wrote them, row-major (row-major.ts). A matrix input over
   * exactly these columns in this float type is fed this buffer as is, so it must stay unchanged
   * until the scorer is done with the batch (the reader writes each batch into a fresh buffer).
   */
  rowMajor?: RowMajor;
}

/** Row i, column c at data[i * columns.length + c]. */
export interface RowMajor {
  columns: readonly string[];
  data: Float32Array | Float64Array;
}

export interface Predictions {
  rows: number;
  /** Row-major [rows × probabilityColumns]. */
  probabilities?: Float64Array;
  probabilityColumns?: number;
  /** Predicted labels as canonical strings (numbers via String(Number(x))). */
  labels?: string[];
  values?: Float64Array;
}

/**
 * Rows per session.run call. At 16 384 rows the per-call cost (tensor objects, the native call,
 * output allocation) is already small beside the work; a sweep (bench/evaluate-gate/RESULTS.md)
 * found 32 768 no faster and 65 536 slower for a cheap model (a 7.5 MiB input falls out of cache).
 */
export const SCORING_BATCH_ROWS = 16_384;

interface BatchRows {
  rowOffset: number;
  rows: number;
}

export class Scorer {
  private readonly result: Predictions;
  private filled = 0;
  private inFlight: { batch: BatchRows; run: Promise<ort.InferenceSession.ReturnType> } | undefined;
  /** Which of the two input buffer sets the next batch fills. */
  private slot = 0;

  constructor(
    private readonly model: OnnxModel,
    private readonly feed: FeedPlan,
    private readonly outputs: OutputPlan,
    private readonly totalRows: number,
    private readonly key: string,
  ) {
    this.result = { rows: totalRows };
    if (outputs.probability && outputs.probability.columns !== undefined) {
      this.result.probabilityColumns = outputs.probability.columns;
      this.result.probabilities = new Float64Array(totalRows * outputs.probability.columns);
    }
    if (outputs.label) this.result.labels = new Array<string>(totalRows);
    if (outputs.value) this.result.values = new Float64Array(totalRows);
  }

  /**
   * The input tensors for one batch. With `reuse`, the float buffers are kept and refilled for
   * the next batch of the same size (safe: score() awaits session.run before the next batch);
   * without it (the benchmark prebuilding tensors), each call gets fresh buffers.
   */
  feeds(batch: ColumnBatch, reuse = false): Record<string, ort.Tensor> {
    const { Tensor } = this.model.ort;
    if (this.feed.mode === 'matrix') {
      const width = this.feed.features.length;
      const rows = batch.rowMajor;
      if (rows && feedsAsIs(rows, this.feed.features, this.feed.type)) return { [this.feed.input]: new Tensor(this.feed.type, rows.data, [batch.rows, width]) };
      const data = this.inputBuffer(this.feed.input, this.feed.type, batch.rows * width, reuse);
      if (rows) gatherRows(rows, this.feed.features, batch.rows, data);
      else interleave(this.feed.features.map((name) => batch.column(name)), batch.rows, data);
      return { [this.feed.input]: new Tensor(this.feed.type, data, [batch.rows, width]) };
    }
    const feeds: Record<string, ort.Tensor> = {};
    for (const input of this.feed.inputs) {
      const data = this.inputBuffer(input.input, input.type, batch.rows, reuse);
      data.set(batch.column(input.column).subarray(0, batch.rows));
      feeds[input.input] = new Tensor(input.type, data, input.rank === 1 ? [batch.rows] : [batch.rows, 1]);
    }
    return feeds;
  }

  private readonly buffers = new Map<string, Float32Array | Float64Array>();

  private inputBuffer(input: string, type: 'float32' | 'float64', size: number, reuse: boolean): Float32Array | Float64Array {
    const key = `${this.slot}:${input}`;
    const kept = reuse ? this.buffers.get(key) : undefined;
    if (kept && kept.length === size) return kept;
    const fresh = type === 'float32' ? new Float32Array(size) : new Float64Array(size);
    if (reuse) this.buffers.set(key, fresh);
    return fresh;
  }

  outputNames(): string[] {
    return [this.outputs.probability?.name, this.outputs.label?.name, this.outputs.value?.name].filter((n): n is string => n !== undefined);
  }

  /** Starts scoring `batch` (its columns are read before this returns) and completes the previous batch. */
  async score(batch: ColumnBatch): Promise<void> {
    if (batch.rows === 0) return;
    const feeds = this.feeds(batch, true);
    this.slot ^= 1;
    const previous = this.inFlight;
    this.inFlight = undefined;
    const previousResults = previous ? await this.outcome(previous) : undefined;
    const run = this.model.session.run(feeds, this.outputNames());
    // Awaited by the next score() or finish(); until then a rejection must not count as unhandled.
    run.catch(() => undefined);
    this.inFlight = { batch: { rowOffset: batch.rowOffset, rows: batch.rows }, run };
    if (previous) this.take(previousResults!, previous.batch);
  }

  /** Waits for the batch still running and takes its outputs; call before predictions(). */
  async finish(): Promise<void> {
    const last = this.inFlight;
    if (!last) return;
    this.inFlight = undefined;
    this.take(await this.outcome(last), last.batch);
  }

  private async outcome(inFlight: { batch: BatchRows; run: Promise<ort.InferenceSession.ReturnType> }): Promise<ort.InferenceSession.ReturnType> {
    const { batch } = inFlight;
    try {
      return await inFlight.run;
    } catch (error) {
      throw new UserError(`onnxruntime failed to score rows ${batch.rowOffset + 1}–${batch.rowOffset + batch.rows}: ${firstLine(error)}`, {
        where: { file: this.model.displayPath, key: this.key },
        hint: 'Check that the features and their order match what the model was trained on.',
      });
    }
  }

  private take(results: ort.InferenceSession.ReturnType, batch: BatchRows): void {
    const offset = batch.rowOffset;
    if (this.outputs.probability) this.takeProbabilities(results[this.outputs.probability.name]!, batch);
    if (this.outputs.label) {
      const tensor = results[this.outputs.label.name]!;
      this.checkRows(tensor, batch, this.outputs.label.name);
      if (tensor.data.length !== batch.rows) this.badShape(tensor, this.outputs.label.name, 'one label per row');
      const labels = this.result.labels!;
      const data = tensor.data as ArrayLike<unknown>;
      for (let i = 0; i < batch.rows; i++) labels[offset + i] = canonicalLabel(data[i]);
    }
    if (this.outputs.value) {
      const tensor = results[this.outputs.value.name]!;
      this.checkRows(tensor, batch, this.outputs.value.name);
      if (tensor.data.length !== batch.rows) this.badShape(tensor, this.outputs.value.name, 'one value per row');
      const data = tensor.data as Float32Array | Float64Array;
      this.checkFinite(data, batch, this.outputs.value.name);
      this.result.values!.set(data, offset);
    }
    this.filled += batch.rows;
  }

  private takeProbabilities(tensor: ort.Tensor, batch: BatchRows): void {
    const name = this.outputs.probability!.name;
    this.checkRows(tensor, batch, name);
    if (tensor.dims.length > 2) this.badShape(tensor, name, '[rows] or [rows, classes]');
    const columns = tensor.dims.length < 2 ? 1 : tensor.dims[1]!;
    if (this.result.probabilityColumns === undefined) {
      this.result.probabilityColumns = columns;
      this.result.probabilities = new Float64Array(this.totalRows * columns);
    }
    if (columns !== this.result.probabilityColumns || tensor.data.length !== batch.rows * columns) this.badShape(tensor, name, `[rows, ${this.result.probabilityColumns}]`);
    const data = tensor.data as Float32Array | Float64Array;
    // One pass checks every value is a probability (NaN and ±Infinity fail the comparison too);
    // Float32 softmax/sigmoid outputs stray past [0, 1] by an ulp or so; logits do not.
    let valid = true;
    for (let k = 0; k < data.length; k++) {
      const p = data[k]!;
      if (!(p >= -1e-6 && p <= 1 + 1e-6)) {
        valid = false;
        break;
      }
    }
    if (!valid) this.rejectProbabilities(data, batch, name, columns);
    this.result.probabilities!.set(data, batch.rowOffset * columns);
  }

  /** The error for a batch that failed the probability check: the first non-finite value, else the first out of range. */
  private rejectProbabilities(data: Float32Array | Float64Array, batch: BatchRows, name: string, columns: number): never {
    this.checkFinite(data, batch, name, columns);
    const k = data.findIndex((p) => p < -1e-6 || p > 1 + 1e-6);
    throw new UserError(`output "${name}" is ${data[k]} at row ${batch.rowOffset + Math.floor(k / columns) + 1}, which is not a probability`, {
      where: { file: this.model.displayPath, key: this.key },
      hint: 'Pick the probability output with output-name, or set task: regression if the model predicts values.',
    });
  }

  private checkRows(tensor: ort.Tensor, batch: BatchRows, name: string): void {
    if (tensor.dims[0] !== batch.rows) this.badShape(tensor, name, `${batch.rows} rows`);
  }

  private badShape(tensor: ort.Tensor, name: string, expected: string): never {
    throw new UserError(`output "${name}" has shape [${tensor.dims.join(', ')}], expected ${expected}`, {
      where: { file: this.model.displayPath, key: this.key },
      hint: 'The output must have one row per input row.',
    });
  }

  private checkFinite(data: Float32Array | Float64Array, batch: BatchRows, name: string, columns = 1): void {
    for (let k = 0; k < data.length; k++) {
      if (!Number.isFinite(data[k]!)) {
        throw new UserError(`output "${name}" is ${data[k]} at row ${batch.rowOffset + Math.floor(k / columns) + 1} of the holdout`, {
          where: { file: this.model.displayPath, key: this.key },
          hint: 'The model produced NaN or infinite scores; check for missing or extreme feature values in that row.',
        });
      }
    }
  }

  predictions(): Predictions {
    if (this.filled !== this.totalRows) throw new Error(`scored ${this.filled} of ${this.totalRows} rows${this.inFlight ? ' (a batch is still running: await finish() first)' : ''}`);
    return this.result;
  }
}

/**
 * Columns → row-major [rows, columns.length], converting to the tensor's float type as it writes.
 * Four columns per strided pass: each pass writes 16 adjacent bytes per row instead of 4, which
 * is about twice as fast as one pass per column (the transpose is most of our scoring overhead).
 */
export function interleave(columns: Float64Array[], rows: number, out: Float32Array | Float64Array): void {
  const width = columns.length;
  let f = 0;
  for (; f + 4 <= width; f += 4) {
    const c0 = columns[f]!;
    const c1 = columns[f + 1]!;
    const c2 = columns[f + 2]!;
    const c3 = columns[f + 3]!;
    for (let i = 0, k = f; i < rows; i++, k += width) {
      out[k] = c0[i]!;
      out[k + 1] = c1[i]!;
      out[k + 2] = c2[i]!;
      out[k + 3] = c3[i]!;
    }
  }
  for (; f < width; f++) {
    const c = columns[f]!;
    for (let i = 0, k = f; i < rows; i++, k += width) out[k] = c[i]!;
  }
}

export function canonicalLabel(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}
