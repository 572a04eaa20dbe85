// The ceiling for 1,024-row requests: a bare onnxruntime-node session.run loop on one prebuilt
// [1024, 30] float32 batch (the bench's rows), in a process of its own like the server.
// Usage: node bench/serve/bare-session.mjs MODEL ROWS_JSON SECONDS → prints rows/s.
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';

const [model, rowsFile, seconds] = process.argv.slice(2);
const rows = JSON.parse(readFileSync(rowsFile, 'utf8'));
const session = await ort.InferenceSession.create(model, { executionProviders: ['cpu'], graphOptimizationLevel: 'all' });
const input = new ort.Tensor('float32', Float32Array.from(rows.flat()), [rows.length, rows[0].length]);
for (let i = 0; i < 20; i++) await session.run({ features: input });
let runs = 0;
const started = performance.now();
while (performance.now() - started < Number(seconds) * 1000) {
  await session.run({ features: input });
  runs++;
}
console.log(JSON.stringify({ rowsPerSecond: (runs * rows.length) / ((performance.now() - started) / 1000) }));
