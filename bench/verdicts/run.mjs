#!/usr/bin/env node
// Bundles one simulation with esbuild and runs it in process (no CLI per run).
//   node bench/verdicts/run.mjs gate null|power|n-sweep <reps> [seed] > bench/verdicts/results/gate-<part>.json
//   node bench/verdicts/run.mjs coverage > bench/verdicts/results/accuracy-coverage.json
//   python3 bench/verdicts/skew_samples.py <dir> <reps-spec>   (samples + Evidently's rule with SciPy), then
//   node bench/verdicts/run.mjs skew <dir> > bench/verdicts/results/skew-<size>.json
//   node bench/verdicts/run.mjs report > bench/verdicts/FIGURES.md      (tables from results/*.json)
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('../..', import.meta.url).pathname;
const [which, ...args] = process.argv.slice(2);
const entry = { gate: 'gate-sim.ts', coverage: 'accuracy-coverage.ts', skew: 'skew-sim.ts', report: 'report.ts' }[which];
if (!entry) throw new Error('usage: run.mjs gate|coverage|skew|report …');
// Bundled under node_modules so that the external DuckDB package resolves from the project.
const outDir = join(root, 'node_modules/.cache/mlops-bench');
mkdirSync(outDir, { recursive: true });
const out = join(outDir, `verdicts-${which}.mjs`);
await build({ entryPoints: [join(root, 'bench/verdicts', entry)], bundle: true, platform: 'node', format: 'esm', outfile: out, external: ['onnxruntime-node', '@duckdb/node-api'], logLevel: 'warning' });
const result = spawnSync(process.execPath, [out, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
