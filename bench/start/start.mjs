#!/usr/bin/env node
// Action start: a bundled entry from process start to its first log line, against a bare
// `node -e 0`, in paired, interleaved runs (medians). Each entry runs without inputs, so its first
// line is the "input … is required" error the stage writes right after loading and reading its
// inputs. Two cases per entry: as the entries run (no compile cache), and with Node's compile
// cache warm through NODE_COMPILE_CACHE (what a cache would buy; the entries do not turn it on, see
// RESULTS.md). Run with the Node the runner uses (24): node bench/start/start.mjs
// [rounds] [entries…]; MLOPS_DIST=<dir> measures another build (e.g. the previous commit's dist/).
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const rounds = Number(process.argv[2] ?? 15);
const entries = process.argv.slice(3).length ? process.argv.slice(3) : ['data-validate', 'train', 'evaluate-gate', 'model-card', 'index'];
const work = mkdtempSync(join(tmpdir(), 'mlops-start-'));
const cache = join(work, 'compile-cache');
writeFileSync(join(work, 'out'), '');

/** Milliseconds from spawn to the first byte on stdout or stderr (or exit, for node -e 0). */
function firstLine(args, env) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: work, env: { PATH: process.env.PATH, GITHUB_OUTPUT: join(work, 'out'), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve(Number(process.hrtime.bigint() - started) / 1e6);
    };
    child.stdout.once('data', finish);
    child.stderr.once('data', finish);
    child.on('exit', finish);
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const entry of entries) {
  const script = join(process.env.MLOPS_DIST ?? join(root, 'dist'), `${entry}.js`);
  const bare = [];
  const cold = [];
  const warm = [];
  await firstLine([script], { NODE_COMPILE_CACHE: cache }); // fill the cache once
  for (let i = 0; i < rounds; i++) {
    bare.push(await firstLine(['-e', '0'], {}));
    cold.push(await firstLine([script], { NODE_DISABLE_COMPILE_CACHE: '1' }));
    warm.push(await firstLine([script], { NODE_COMPILE_CACHE: cache }));
  }
  const b = median(bare);
  rows.push(`| ${entry} | ${b.toFixed(0)} | ${median(cold).toFixed(0)} (${(median(cold) / b).toFixed(2)}×) | ${median(warm).toFixed(0)} (${(median(warm) / b).toFixed(2)}×) |`);
}
console.log(`Node ${process.version}, ${rounds} paired rounds, medians in ms (ratio to node -e 0)\n`);
console.log('| entry | node -e 0 | first line, no compile cache | first line, warm compile cache |');
console.log('| --- | --: | --: | --: |');
console.log(rows.join('\n'));
