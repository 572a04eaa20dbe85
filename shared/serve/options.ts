/** The server's settings after flags, mlops.yml's `serve:` section and defaults are merged. */
export interface ServeOptions {
  host: string;
  port: number;
  /** --model values: REF or NAME=REF. */
  models: string[];
  adminTokenFile?: string;
  inferTokenFile?: string;
  capture?: { dir: string; sample: number; maxFileBytes: number };
  maxBatch: number;
  batchWaitMs: number;
  maxBody: number;
  maxTensorBytes: number;
  maxJsonDepth: number;
  /** Concurrent inference requests; beyond it, 429. */
  maxInFlight: number;
  /** Rows waiting per version in the batcher; beyond it, 503. */
  maxQueueRows: number;
  /** Seconds SIGTERM waits for in-flight requests before closing anyway. */
  drainSeconds: number;
  /** Plain HTTP to loopback registries for --model references. */
  insecure?: boolean;
}

export const MIB = 1024 * 1024;

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 8080,
  maxBatch: 64,
  batchWaitMs: 0,
  maxBody: 64 * MIB,
  maxTensorBytes: 256 * MIB,
  maxJsonDepth: 32,
  maxInFlight: 1024,
  maxQueueRows: 16_384,
  drainSeconds: 30,
  captureSample: 1,
  captureMaxFileBytes: 64 * MIB,
} as const;
