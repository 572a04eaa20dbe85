/** The server's Prometheus metrics (prom-client, on a registry of its own), plus the prediction histograms. */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { crypto } from '../node/builtins.js';
import { DURATION, INSTANCE_INFO, REQUESTS } from './metric-names.js';
import type { PredictionSummary } from './model-signature.js';
import { PredictionHistograms, rowPredictions } from './prediction-histogram.js';
import type { Outputs } from './tensors.js';

export const DURATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
export const BATCH_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096, 16384];

export class ServeMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({ name: REQUESTS, help: 'Inference requests by model, answering version and HTTP status code.', labelNames: ['model', 'version', 'code'], registers: [this.registry] });
  private readonly duration = new Histogram({ name: DURATION, help: 'Inference request latency, from the first byte read to the response written.', labelNames: ['model', 'version'], buckets: DURATION_BUCKETS, registers: [this.registry] });
  private readonly batches = new Histogram({ name: 'mlops_serve_batch_size', help: 'Rows per session.run (after dynamic batching).', labelNames: ['model', 'version'], buckets: BATCH_BUCKETS, registers: [this.registry] });
  private readonly instances = new Counter({ name: 'mlops_serve_instances_total', help: 'Rows predicted.', labelNames: ['model', 'version'], registers: [this.registry] });
  readonly inFlight = new Gauge({ name: 'mlops_serve_in_flight', help: 'Inference requests being handled.', registers: [this.registry] });
  private readonly predictions = new PredictionHistograms();
  /** Rows the capture writer had to drop; set by the server when capture is on. */
  captureDropped?: () => number;
  /** The versions being served, with their traffic weights; set by the server. */
  versions?: () => Array<{ model: string; version: string; digest: string; weight: number; ready: boolean }>;

  constructor() {
    const metrics = this;
    // One random id per server process: a client that scrapes through a load balancer (a KServe
    // revision's URL) can tell that two scrapes reached different replicas, whose counters
    // cannot be differenced.
    new Gauge({ name: INSTANCE_INFO, help: 'Always 1; instance_id is random per server process.', labelNames: ['instance_id'], registers: [this.registry] }).set({ instance_id: crypto().randomUUID() }, 1);
    new Gauge({
      name: 'mlops_serve_version_weight',
      help: 'Traffic weight (percent) of each loaded version; 1 series per version being served.',
      labelNames: ['model', 'version', 'digest', 'ready'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const v of metrics.versions?.() ?? []) this.set({ model: v.model, version: v.version, digest: v.digest, ready: String(v.ready) }, v.weight);
      },
    });
    let reported = 0;
    new Counter({
      name: 'mlops_serve_capture_dropped_rows_total',
      help: 'Captured rows dropped because the disk fell behind (0 unless it did).',
      registers: [this.registry],
      collect() {
        const dropped = metrics.captureDropped?.() ?? 0;
        if (dropped > reported) this.inc(dropped - reported);
        reported = dropped;
      },
    });
  }

  request(model: string, version: string, code: number, seconds: number): void {
    this.requests.inc({ model, version, code: String(code) });
    this.duration.observe({ model, version }, seconds);
  }

  batch(model: string, version: string, rows: number): void {
    this.batches.observe({ model, version }, rows);
  }

  served(model: string, version: string, rows: number, summary: PredictionSummary | undefined, outputs: Outputs): void {
    this.instances.inc({ model, version }, rows);
    if (summary) this.predictions.observe(model, version, summary, rowPredictions(summary, outputs, rows));
  }

  async text(): Promise<string> {
    return `${await this.registry.metrics()}${this.predictions.render()}`;
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
