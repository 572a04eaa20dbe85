import { z } from 'zod';

const bytes = (what: string, min: number) => z.number().int().min(min).max(4 * 1024 * 1024 * 1024).optional().describe(what);

export const ServeSection = z
  .strictObject({
    host: z.string().min(1).optional().describe('Address to bind (default 127.0.0.1). Binding another address without an infer token logs a warning.'),
    port: z.number().int().min(0).max(65_535).optional().describe('Port (default 8080; 0 picks a free one).'),
    models: z.array(z.string().min(1)).optional().describe('Models served at start: ONNX files or registry references (.mlops/registry:prod, oci://host/repo:tag), each optionally NAME=REF. --model flags replace this list.'),
    admin_token_file: z.string().min(1).optional().describe('File holding the admin bearer token; admin endpoints (load, unload, index, traffic) are disabled without it.'),
    infer_token_file: z.string().min(1).optional().describe('File holding a bearer token required for data-plane calls (infer, metadata, metrics).'),
    capture: z
      .strictObject({
        dir: z.string().min(1).describe('Folder for request capture: <dir>/<model>/<YYYY-MM-DD>/capture-*.jsonl.'),
        sample: z.number().min(0).max(1).optional().describe('Fraction of requests captured (default 1).'),
        max_file_bytes: bytes('Start a new capture file past this size (default 64 MiB).', 1024),
      })
      .optional()
      .describe('Request capture as JSON Lines, one row per instance (features by name and every output).'),
    max_batch: z.number().int().min(1).max(65_536).optional().describe('Most rows per session.run when merging requests (dynamic batching; default 64).'),
    batch_wait_ms: z.number().min(0).max(1000).optional().describe('How long an idle model waits for more requests to batch (default 0: next tick).'),
    max_body: bytes('Largest request body in bytes (default 64 MiB).', 1024),
    max_tensor_bytes: bytes('Largest input tensor, elements × element size, checked before allocating (default 256 MiB).', 1024),
    max_json_depth: z.number().int().min(4).max(1024).optional().describe('Deepest JSON nesting accepted (default 32).'),
    max_in_flight: z.number().int().min(1).optional().describe('Concurrent inference requests; more get 429 (default 1024).'),
    max_queue_rows: z.number().int().min(1).optional().describe('Rows waiting per model version; more get 503 (default 16384).'),
    drain_seconds: z.number().min(0).max(3600).optional().describe('On SIGTERM, how long to wait for in-flight requests (default 30).'),
  })
  .describe('Settings for `mlops serve`, the Open Inference Protocol server.');
