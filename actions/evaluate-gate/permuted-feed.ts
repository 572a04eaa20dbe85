/**
 * Input tensors for permutation importance without rebuilding them: for a model fed one
 * [rows, features] matrix, each batch's row-major buffer is built once from the unpermuted
 * columns; a permutation writes only the shuffled column into it (strided), the batches are
 * scored, and the column is written back. Rebuilding all 30 columns per permutation cost more
 * than onnxruntime itself for a cheap model (bench/governance). The values are the ones Scorer's
 * own interleave would write (the same float conversion), so the scores are identical.
 */
import type * as ort from 'onnxruntime-node';
import type { FeedPlan } from '../../shared/onnx/feed.js';
import { interleave, Scorer, type ColumnBatch } from '../../shared/onnx/scorer.js';
import type { ScoredModel } from './importance.js';

type MatrixPlan = Extract<FeedPlan, { mode: 'matrix' }>;

/** A Scorer whose input tensors come from the prebuilt buffers. */
class PrebuiltScorer extends Scorer {
  constructor(
    model: ScoredModel,
    rows: number,
    private readonly tensorFor: (batch: ColumnBatch) => Record<string, ort.Tensor>,
  ) {
    super(model.opened.model, model.feed, model.outputs, rows, model.key);
  }

  override feeds(batch: ColumnBatch): Record<string, ort.Tensor> {
    return this.tensorFor(batch);
  }
}

export class PermutedMatrix {
  private readonly buffers: (Float32Array | Float64Array)[] = [];
  private readonly plan: MatrixPlan;

  constructor(
    private readonly model: ScoredModel,
    private readonly base: Map<string, Float64Array>,
    private readonly rows: number,
    private readonly batchRows: number,
  ) {
    this.plan = model.feed as MatrixPlan;
    const width = this.plan.features.length;
    for (let offset = 0; offset < rows; offset += batchRows) {
      const n = Math.min(batchRows, rows - offset);
      const buffer = this.plan.type === 'float32' ? new Float32Array(n * width) : new Float64Array(n * width);
      interleave(
        this.plan.features.map((name) => base.get(name)!.subarray(offset, offset + n)),
        n,
        buffer,
      );
      this.buffers.push(buffer);
    }
  }

  static applies(model: ScoredModel): boolean {
    return model.feed.mode === 'matrix';
  }

  /** Scores the rows with `feature` shuffled by `permutation` (undefined: unpermuted). */
  async score(replaced: { feature: string; permutation: Uint32Array } | undefined) {
    const column = replaced ? this.plan.features.indexOf(replaced.feature) : -1;
    if (column >= 0) this.write(column, this.base.get(replaced!.feature)!, replaced!.permutation);
    try {
      const { Tensor } = this.model.opened.model.ort;
      const width = this.plan.features.length;
      const scorer = new PrebuiltScorer(this.model, this.rows, (batch) => {
        const buffer = this.buffers[batch.rowOffset / this.batchRows]!;
        return { [this.plan.input]: new Tensor(this.plan.type, buffer, [batch.rows, width]) };
      });
      for (let offset = 0; offset < this.rows; offset += this.batchRows) {
        const rows = Math.min(this.batchRows, this.rows - offset);
        await scorer.score({ rowOffset: offset, rows, column: () => new Float64Array(0) });
      }
      await scorer.finish();
      return scorer.predictions();
    } finally {
      if (column >= 0) this.write(column, this.base.get(replaced!.feature)!);
    }
  }

  /** Column `column` of every batch buffer := values[permutation[row]] (or values[row]). */
  private write(column: number, values: Float64Array, permutation?: Uint32Array): void {
    const width = this.plan.features.length;
    for (let b = 0; b < this.buffers.length; b++) {
      const buffer = this.buffers[b]!;
      const offset = b * this.batchRows;
      const n = buffer.length / width;
      if (permutation) for (let i = 0, k = column; i < n; i++, k += width) buffer[k] = values[permutation[offset + i]!]!;
      else for (let i = 0, k = column; i < n; i++, k += width) buffer[k] = values[offset + i]!;
    }
  }
}
