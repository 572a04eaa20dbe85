#!/usr/bin/env node
// Action start: a bundled entry from process start to its first log line, against a bare
// `node -e 0`, in paired, interleaved runs (medians). Each entry runs without inputs, so its first
// line is the "input … is required" error the stage writes right after loading and reading its
// inputs. Two cases per entry: as the entries run (no compile cache), and with Node's compile
// cache warm through NODE_COMPILE_CACHE (what a cache would buy; the entries do not turn it on, see
// RESULTS.md). Run with the Node the runner uses (24): node bench/start/start.mjs
// [rounds] [entries…]; MLOPS_DIST=<dir> measures another build instead of dist/, and
// BASELINE_DIST=<dir> adds that build (e.g. the previous commit's dist/) in the same rounds.
// CPU time (user + system of the whole child process, the growth of this process's children
// totals in /proc/self/stat once the child has exited) is printed too: it moves less than wall
// time on a shared machine.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const rounds = Number(process.argv[2] ?? 15);
const entries = process.argv.slice(3).length ? process.argv.slice(3) : ['data-validate', 'train', 'evaluate-gate', 'model-card', 'index'];
const work = mkdtempSync(join(tmpdir(), 'mlops-start-'));
const cache = join(work, 'compile-cache');
writeFileSync(join(work, 'out'), '');

/** Milliseconds from spawn to the first byte on stdout or stderr (or exit, for node -e 0), and the
 * child's CPU milliseconds (user + system) once it has exited. */
function firstLine(args, env) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: work, env: { PATH: process.env.PATH, GITHUB_OUTPUT: join(work, 'out'), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let wall;
    const first = () => {
      wall ??= Number(process.hrtime.bigint() - started) / 1e6;
    };
    child.stdout.once('data', first);
    child.stderr.once('data', first);
    child.stdout.resume();
    child.stderr.resume();
    child.on('exit', () => {
      first();
      resolve({ wall, cpu: cpuOf() });
    });
  });
}

/** CPU milliseconds of an exited child, read from /proc of this process's children totals. */
const childrenCpu = () => {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // cutime + cstime, USER_HZ = 100
};
let lastChildrenCpu = childrenCpu();
function cpuOf() {
  const now = childrenCpu();
  const spent = now - lastChildrenCpu;
  lastChildrenCpu = now;
  return spent;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ratio = (x, b) => `${median(x).toFixed(0)} (${(median(x) / median(b)).toFixed(2)}×)`;
const rows = [];
const load = [loadavg()[0]];
for (const entry of entries) {
  const script = (dir) => join(dir, `${entry}.js`);
  const ours = script(process.env.MLOPS_DIST ?? join(root, 'dist'));
  const before = process.env.BASELINE_DIST ? script(process.env.BASELINE_DIST) : undefined;
  const runs = { bare: [], before: [], cold: [], warm: [] };
  await firstLine([ours], { NODE_COMPILE_CACHE: cache }); // fill the cache once
  for (let i = 0; i < rounds; i++) {
    runs.bare.push(await firstLine(['-e', '0'], {}));
    if (before) runs.before.push(await firstLine([before], { NODE_DISABLE_COMPILE_CACHE: '1' }));
    runs.cold.push(await firstLine([ours], { NODE_DISABLE_COMPILE_CACHE: '1' }));
    runs.warm.push(await firstLine([ours], { NODE_COMPILE_CACHE: cache }));
  }
  load.push(loadavg()[0]);
  const wall = (k) => runs[k].map((r) => r.wall);
  const cpu = (k) => runs[k].map((r) => r.cpu);
  rows.push(
    `| ${entry} | ${median(wall('bare')).toFixed(0)} / ${median(cpu('bare')).toFixed(0)} | ${before ? `${ratio(wall('before'), wall('bare'))} / ${ratio(cpu('before'), cpu('bare'))}` : '—'} | ${ratio(wall('cold'), wall('bare'))} / ${ratio(cpu('cold'), cpu('bare'))} | ${ratio(wall('warm'), wall('bare'))} |`,
  );
}
console.log(`Node ${process.version}, ${rounds} paired rounds, medians in ms (ratio to node -e 0); wall to the first line / CPU of the whole process; load average ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}\n`);
console.log('| entry | node -e 0 | before (BASELINE_DIST) | first line, no compile cache | first line, warm compile cache (wall) |');
console.log('| --- | --: | --: | --: | --: |');
console.log(rows.join('\n'));
