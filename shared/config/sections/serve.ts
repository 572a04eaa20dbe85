import * as z from 'zod/mini';
import '../../zod/setup.js';

const bytes = (what: string, min: number) => z.optional(z.number().check(z.int(), z.gte(min), z.lte(4 * 1024 * 1024 * 1024))).check(z.describe(what));

export const ServeSection = z.strictObject({
  host: z.optional(z.string().check(z.minLength(1))).check(z.describe('Address to bind (default 127.0.0.1). Binding another address without an infer token logs a warning.')),
  port: z.optional(z.number().check(z.int(), z.gte(0), z.lte(65_535))).check(z.describe('Port (default 8080; 0 picks a free one).')),
  models: z.optional(z.array(z.string().check(z.minLength(1)))).check(z.describe('Models served at start: ONNX files or registry references (.mlops/registry:prod, oci://host/repo:tag), each optionally NAME=REF. --model flags replace this list.')),
  admin_token_file: z.optional(z.string().check(z.minLength(1))).check(z.describe('File holding the admin bearer token; admin endpoints (load, unload, index, traffic) are disabled without it.')),
  infer_token_file: z.optional(z.string().check(z.minLength(1))).check(z.describe('File holding a bearer token required for data-plane calls (infer, metadata, metrics).')),
  capture: z.optional(z.strictObject({
    dir: z.string().check(z.minLength(1), z.describe('Folder for request capture: <dir>/<model>/<YYYY-MM-DD>/capture-*.jsonl.')),
    sample: z.optional(z.number().check(z.gte(0), z.lte(1))).check(z.describe('Fraction of requests captured (default 1).')),
    max_file_bytes: bytes('Start a new capture file past this size (default 64 MiB).', 1024),
  })).check(z.describe('Request capture as JSON Lines, one row per instance (features by name and every output).')),
  max_batch: z.optional(z.number().check(z.int(), z.gte(1), z.lte(65_536))).check(z.describe('Most rows per session.run when merging requests (dynamic batching; default 64).')),
  batch_wait_ms: z.optional(z.number().check(z.gte(0), z.lte(1000))).check(z.describe('How long an idle model waits for more requests to batch (default 0: next tick).')),
  max_body: bytes('Largest request body in bytes (default 64 MiB).', 1024),
  max_tensor_bytes: bytes('Largest input tensor, elements × element size, checked before allocating (default 256 MiB).', 1024),
  max_json_depth: z.optional(z.number().check(z.int(), z.gte(4), z.lte(1024))).check(z.describe('Deepest JSON nesting accepted (default 32).')),
  max_in_flight: z.optional(z.number().check(z.int(), z.gte(1))).check(z.describe('Concurrent inference requests; more get 429 (default 1024).')),
  max_queue_rows: z.optional(z.number().check(z.int(), z.gte(1))).check(z.describe('Rows waiting per model version; more get 503 (default 16384).')),
  drain_seconds: z.optional(z.number().check(z.gte(0), z.lte(3600))).check(z.describe('On SIGTERM, how long to wait for in-flight requests (default 30).')),
}).check(z.describe('Settings for `mlops serve`, the Open Inference Protocol server.'));
