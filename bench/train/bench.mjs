#!/usr/bin/env node
// Overhead of the train stage against running the same command bare: wall time and CPU time
// (user + system of the whole process tree, from /usr/bin/time), with GPU telemetry off and
// on (the nvidia-smi stand-in from test/fixtures, at 1 s and at 0.1 s). Runs are interleaved;
// medians are reported, as ratios to the bare run. Writes bench/train/results.json.
//
//   npm run build && node bench/train/bench.mjs [--runs 7] [--iterations 12000]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('../..', import.meta.url).pathname;
const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, iterations: { type: 'string', default: '12000' } } });
const runs = Number(values.runs);
const work = mkdtempSync(join(tmpdir(), 'mlops-bench-train-'));
const example = join(root, 'examples', 'breast-cancer');
const command = `node ${example}/train.mjs --data ${example}/data/train.csv --iterations ${values.iterations} --log-every 10 --out out/model.onnx --metrics out/metrics.json --params out/params.json`;
const standIn = join(root, 'test', 'fixtures', 'nvidia-smi', 'bin');
const noGpuPath = process.env.PATH; // this machine has no nvidia-smi
// A snapshot of dist/ (inside the repository, so node_modules resolve), safe from rebuilds.
const dist = mkdtempSync(join(root, '.bench-train-dist-'));
cpSync(join(root, 'dist'), dist, { recursive: true });
process.on('exit', () => rmSync(dist, { recursive: true, force: true }));
const cli = (interval) => [process.execPath, join(dist, 'cli.js'), 'train', '--command', command, '--model', 'out/model.onnx', '--metrics', 'out/metrics.json', '--params', 'out/params.json', '--telemetry-interval', interval];

const modes = {
  bare: { argv: ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '-c', command], path: noGpuPath },
  'stage, no GPU (telemetry off)': { argv: cli('5'), path: noGpuPath },
  'stage, stand-in GPU, telemetry 1 s': { argv: cli('1'), path: `${standIn}:${noGpuPath}` },
  'stage, stand-in GPU, telemetry 0.1 s': { argv: cli('0.1'), path: `${standIn}:${noGpuPath}` },
};

function measure(argv, path) {
  const timeFile = join(work, 'time.txt');
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S', '-o', timeFile, ...argv], {
    cwd: work,
    env: { ...process.env, PATH: path, GITHUB_ACTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${argv.slice(0, 3).join(' ')} exited ${result.status}: ${result.stderr}`);
  const [wall, user, system] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).map(Number);
  return { wall, cpu: user + system, lines: result.stdout.toString().split('\n').length };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const samples = Object.fromEntries(Object.keys(modes).map((m) => [m, []]));
measure(modes.bare.argv, modes.bare.path); // warm the file cache
for (let i = 0; i < runs; i++) for (const [name, mode] of Object.entries(modes)) samples[name].push(measure(mode.argv, mode.path));

const bare = { wall: median(samples.bare.map((s) => s.wall)), cpu: median(samples.bare.map((s) => s.cpu)) };
const rows = Object.entries(samples).map(([name, list]) => {
  const wall = median(list.map((s) => s.wall));
  const cpu = median(list.map((s) => s.cpu));
  return { mode: name, wall_s: wall, cpu_s: Number(cpu.toFixed(2)), wall_ratio: Number((wall / bare.wall).toFixed(3)), cpu_ratio: Number((cpu / bare.cpu).toFixed(3)), extra_wall_s: Number((wall - bare.wall).toFixed(2)), extra_cpu_s: Number((cpu - bare.cpu).toFixed(2)), output_lines: list[0].lines };
});
const out = { runs, iterations: Number(values.iterations), command: command.replaceAll(root.replace(/\/$/, ''), '<repo>'), machine: { cpus: (await import('node:os')).availableParallelism(), node: process.version }, results: rows };
writeFileSync(join(root, 'bench', 'train', 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
console.table(rows);
