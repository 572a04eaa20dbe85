/**
 * One loaded model version: its ONNX session, its signature, and the batcher requests go
 * through. It is ready only after a warm-up inference on zeros has run; a warm-up with two rows
 * also tells whether outputs are batch-first, so that requests can be merged.
 */
import type * as ort from 'onnxruntime-node';
import { firstLine, type OnnxModel } from '../onnx/model.js';
import { allocate, DATATYPES } from './datatypes.js';
import { Batcher } from './batcher.js';
import { HttpError } from './http-error.js';
import type { ModelSignature } from './model-signature.js';
import { elementCount, type Feeds, type Outputs } from './tensors.js';

export type VersionState = 'LOADING' | 'READY' | 'UNAVAILABLE';

export interface BatchingOptions {
  maxBatch: number;
  batchWaitMs: number;
  maxQueueRows: number;
}

export interface VersionIdentity {
  model: string;
  version: string;
  /** Manifest digest for registry versions, sha256 of the file for files. */
  digest: string;
  reference: string;
}

export class ServedVersion {
  state: VersionState = 'LOADING';
  reason = '';
  private batcher: Batcher | undefined;
  private inFlight = 0;
  private drained: Array<() => void> = [];

  constructor(
    readonly identity: VersionIdentity,
    readonly onnx: OnnxModel,
    readonly signature: ModelSignature,
    private readonly batching: BatchingOptions,
    private readonly onBatch: (rows: number) => void,
  ) {}

  get model(): string {
    return this.identity.model;
  }

  get version(): string {
    return this.identity.version;
  }

  /** Runs a zero-filled inference of one row, then two; only then is the version ready. */
  async warmUp(): Promise<void> {
    try {
      await this.run(zeroFeeds(this.signature, 1));
    } catch (error) {
      const why = error instanceof Error ? error.message.replace(/^model .* could not run on this input: /, '') : String(error);
      throw new HttpError(422, `model ${this.model} version ${this.version} failed its warm-up inference on zeros: ${why}`);
    }
    let splittable = false;
    try {
      const outputs = await this.run(zeroFeeds(this.signature, 2));
      splittable = Object.values(outputs).every((t) => t.dims[0] === 2);
    } catch {
      splittable = false;
    }
    this.batcher = new Batcher({ ...this.batching, splittable, run: (feeds) => this.run(feeds), onBatch: this.onBatch });
    this.state = 'READY';
  }

  async predict(feeds: Feeds): Promise<Outputs> {
    if (!this.batcher || this.state !== 'READY') throw new HttpError(503, `model ${this.model} version ${this.version} is not ready`);
    this.inFlight++;
    try {
      return await this.batcher.submit(feeds);
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) for (const resolve of this.drained.splice(0)) resolve();
    }
  }

  /** Stops taking requests, waits for the ones in flight, then frees the session. */
  async close(): Promise<void> {
    this.state = 'UNAVAILABLE';
    this.reason = 'unloaded';
    if (this.inFlight > 0) await new Promise<void>((resolve) => this.drained.push(resolve));
    await this.onnx.session.release().catch(() => undefined);
  }

  private async run(feeds: Feeds): Promise<Outputs> {
    const { Tensor } = this.onnx.ort;
    const inputs: Record<string, ort.Tensor> = {};
    for (const spec of this.signature.inputs) {
      const tensor = feeds.tensors[spec.name]!;
      inputs[spec.name] = new Tensor(DATATYPES[spec.datatype].ort as 'float32', tensor.data as Float32Array, tensor.dims);
    }
    let results: ort.InferenceSession.ReturnType;
    try {
      results = await this.onnx.session.run(inputs, this.signature.outputs.map((o) => o.name));
    } catch (error) {
      throw new HttpError(400, `model ${this.model} version ${this.version} could not run on this input: ${firstLine(error)}`);
    }
    const outputs: Outputs = {};
    for (const spec of this.signature.outputs) {
      const tensor = results[spec.name]!;
      outputs[spec.name] = { data: tensor.data as Float32Array, dims: [...tensor.dims] };
    }
    return outputs;
  }
}

/** Inputs of `rows` rows filled with zeros (empty strings for BYTES); free dimensions other than the batch are 1. */
export function zeroFeeds(signature: ModelSignature, rows: number): Feeds {
  const tensors: Feeds['tensors'] = {};
  for (const spec of signature.inputs) {
    const dims = spec.shape.map((d, i) => (i === 0 ? rows : d === -1 ? 1 : d));
    if (dims.length === 0) dims.push(rows);
    tensors[spec.name] = { data: allocate(spec.datatype, elementCount(dims)), dims };
  }
  return { rows, tensors };
}
