#!/usr/bin/env node
// Bundles bench.ts with esbuild, trains the example model, and runs the benchmark.
// Usage: node bench/evaluate-gate/run.mjs [rows]   (needs Node 24: npm exec -- node …)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'eg-bench-'));
// Bundled under node_modules so that the external onnxruntime-node resolves from the project.
const outDir = join(root, 'node_modules/.cache/mlops-bench');
mkdirSync(outDir, { recursive: true });
// One bundle per run: several worktrees share node_modules.
const out = join(outDir, `evaluate-gate-${process.pid}.mjs`);
const readScore = join(outDir, `read-score-${process.pid}.mjs`);
const bundle = (entry, outfile) => build({ entryPoints: [join(root, entry)], bundle: true, platform: 'node', format: 'esm', outfile, external: ['onnxruntime-node', '@duckdb/node-api'] });
await bundle('bench/evaluate-gate/bench.ts', out);
await bundle('bench/evaluate-gate/read-score.ts', readScore);
const model = join(work, 'model.onnx');
execFileSync(process.execPath, [join(root, 'examples/breast-cancer/train.mjs'), '--data', join(root, 'examples/breast-cancer/data/train.csv'), '--out', model, '--metrics', join(work, 'm.json'), '--params', join(work, 'p.json'), '--log-every', '100000'], { stdio: 'ignore' });
try {
  if (!process.env.EG_BENCH_END_TO_END_ONLY) execFileSync(process.execPath, [out, model, work, process.argv[2] ?? '1000000', join(root, 'bench/evaluate-gate')], { stdio: 'inherit' });
  // End to end through DuckDB (read-score.ts), in its own process.
  execFileSync(process.execPath, [readScore, model, work, process.argv[2] ?? '1000000'], { stdio: 'inherit' });
} finally {
  rmSync(out, { force: true });
  rmSync(readScore, { force: true });
  rmSync(work, { recursive: true, force: true });
}
