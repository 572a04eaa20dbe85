#!/usr/bin/env node
// Bundles bench.ts with esbuild, trains the example model, and runs the governance benchmark.
// Usage: npm exec -- node bench/governance/run.mjs [rows] [repeats]   (by hand, not part of npm test)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'gov-bench-'));
// Bundled under node_modules so that the external onnxruntime-node resolves from the project.
const outDir = join(root, 'node_modules/.cache/mlops-bench');
mkdirSync(outDir, { recursive: true });
const out = join(outDir, 'governance.mjs');
await build({ entryPoints: [join(root, 'bench/governance/bench.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, external: ['onnxruntime-node', '@duckdb/node-api'] });
const model = join(work, 'model.onnx');
execFileSync(process.execPath, [join(root, 'examples/breast-cancer/train.mjs'), '--data', join(root, 'examples/breast-cancer/data/train.csv'), '--out', model, '--metrics', join(work, 'm.json'), '--params', join(work, 'p.json'), '--log-every', '100000'], { stdio: 'ignore' });
execFileSync(process.execPath, [out, model, work, process.argv[2] ?? '100000', process.argv[3] ?? '5', join(root, 'bench')], { stdio: 'inherit' });
