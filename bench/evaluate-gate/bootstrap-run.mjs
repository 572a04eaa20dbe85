#!/usr/bin/env node
// Bundles bootstrap-bench.ts and the bootstrap worker with esbuild and runs the paired bootstrap
// benchmark: ours on 1 and more threads against the vectorised NumPy version, in one process.
// Usage: npm exec -- node bench/evaluate-gate/bootstrap-run.mjs [rows,rows…] [resamples] [threads,threads…]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('../..', import.meta.url).pathname;
const outDir = join(root, 'node_modules/.cache/mlops-bench/bootstrap');
mkdirSync(outDir, { recursive: true });
await build({
  entryPoints: [
    { in: join(root, 'bench/evaluate-gate/bootstrap-bench.ts'), out: 'bootstrap-bench' },
    { in: join(root, 'shared/stats/bootstrap-worker.ts'), out: 'bootstrap-worker' },
  ],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outdir: outDir,
  outExtension: { '.js': '.mjs' },
});
// "Before": the bootstrap as it was at commit BEFORE (default: before issue #14 item 3, single-
// threaded), exported from git and bundled beside the bench, so both run in one process.
const BEFORE = process.env.BOOT_BENCH_BEFORE ?? 'cb8a2b2';
const beforeDir = join(outDir, 'before');
rmSync(beforeDir, { recursive: true, force: true });
mkdirSync(beforeDir, { recursive: true });
execFileSync('sh', ['-c', `git -C "${root}" archive ${BEFORE} shared | tar -x -C "${beforeDir}"`]);
// A commit that already had the threaded pool is also timed on threads, with its own worker.
const beforeThreads = existsSync(join(beforeDir, 'shared/stats/bootstrap-pool.ts'));
writeFileSync(
  join(beforeDir, 'entry.ts'),
  "export { pairedBootstrap } from './shared/stats/bootstrap.js';\nexport { prepareClassification } from './shared/stats/classification.js';\n" +
    (beforeThreads ? "export { bootstrapRunner } from './shared/stats/bootstrap-pool.js';\n" : ''),
);
await build({ entryPoints: [join(beforeDir, 'entry.ts')], bundle: true, platform: 'node', format: 'esm', outfile: join(outDir, 'before.mjs') });
rmSync(join(outDir, 'before-worker.mjs'), { force: true });
if (beforeThreads) await build({ entryPoints: [join(beforeDir, 'shared/stats/bootstrap-worker.ts')], bundle: true, platform: 'node', format: 'esm', outfile: join(outDir, 'before-worker.mjs') });
execFileSync(process.execPath, [join(outDir, 'bootstrap-bench.mjs'), join(root, 'bench/evaluate-gate'), ...process.argv.slice(2)], { stdio: 'inherit' });
