#!/usr/bin/env node
// Benchmarks mlops serve (see RESULTS.md for what each number means):
//   (a) single-row requests at concurrency 64, against a bare node:http constant-JSON server;
//   (b) 1,024-row requests, against a bare in-process session.run loop on the same batches;
//   (c) p50/p99 latency at 50 % of the single-row peak;
// for the example's logistic regression and bench/evaluate-gate's MLP; then RSS over a soak.
// Usage: node bench/serve/run.mjs [--seconds 5] [--soak-seconds 60]   (build dist/ first)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const root = new URL('../..', import.meta.url).pathname;
const flag = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = flag('seconds', 5);
const SOAK_SECONDS = flag('soak-seconds', 60);
const work = mkdtempSync(join(tmpdir(), 'mlops-bench-serve-'));

// The models: the example's trained logistic regression and the evaluate-gate MLP (30→256→256→2).
const example = join(work, 'example.onnx');
execFileSync(process.execPath, [join(root, 'examples/breast-cancer/train.mjs'), '--out', example, '--metrics', join(work, 'm.json'), '--params', join(work, 'p.json'), '--log-every', '100000'], { stdio: 'ignore' });
const holdout = readFileSync(join(root, 'examples/breast-cancer/data/holdout.csv'), 'utf8').trim().split('\n');
const header = holdout[0].split(',');
const features = header.filter((h) => !['id', 'malignant', 'size_band'].includes(h));
const mlp = join(work, 'mlp.onnx');
execFileSync('/usr/bin/python3', [join(root, 'bench/evaluate-gate/make_mlp.py'), mlp, JSON.stringify(features)], { stdio: 'ignore' });
const rows = holdout.slice(1).map((line) => {
  const cells = line.split(',');
  return features.map((f) => Number(cells[header.indexOf(f)]));
});
const batchRows = Array.from({ length: 1024 }, (_, i) => rows[i % rows.length]);
const batchFile = join(work, 'batch.json');
writeFileSync(batchFile, JSON.stringify(batchRows));
// --parts single,batched,burst,soak (default all): what to measure this run.
const partsArg = process.argv.indexOf('--parts');
const parts = new Set(partsArg >= 0 ? process.argv[partsArg + 1].split(',') : ['single', 'batched', 'burst', 'soak']);
const oneRowBody = JSON.stringify({ inputs: [{ name: 'features', shape: [1, 30], datatype: 'FP32', data: rows[0] }] });
const batchBody = JSON.stringify({ inputs: [{ name: 'features', shape: [1024, 30], datatype: 'FP32', data: batchRows.flat() }] });
// The same batch with the binary tensor data extension.
const batchTensor = Buffer.from(Float32Array.from(batchRows.flat()).buffer);
const batchHeader = Buffer.from(JSON.stringify({ inputs: [{ name: 'features', shape: [1024, 30], datatype: 'FP32', parameters: { binary_data_size: batchTensor.length } }] }));
const batchBinary = Buffer.concat([batchHeader, batchTensor]);

function start(command, args, pattern) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = pattern.exec(out);
      if (match) resolve({ child, url: match[1].startsWith('http') ? match[1] : `http://127.0.0.1:${match[1]}` });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${out}`)));
  });
}

async function stop(child) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function load(url, options) {
  const result = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, duration: SECONDS, ...options });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, total: result.requests.total };
}

function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

/** The bare session.run loop in a process of its own (like the server), on the same batch. */
function bareSessionRowsPerSecond(model) {
  const out = execFileSync(process.execPath, [join(root, 'bench/serve/bare-session.mjs'), model, batchFile, String(SECONDS)], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()).rowsPerSecond;
}

const results = { seconds: SECONDS, soakSeconds: SOAK_SECONDS, cpus: (await import('node:os')).cpus().length, node: process.version, models: {} };
// The bare server stays up (idle, costing nothing) and is measured right before each model's
// single-row run, so the machine's load drifts as little as possible between the two.
const bare = await start(process.execPath, [join(root, 'bench/serve/bare-server.mjs')], /listening (\d+)/);
await load(bare.url, { connections: 64, body: oneRowBody, duration: 1 }); // warm-up

for (const [name, model] of [['example', example], ['mlp', mlp]]) {
  const serve = await start(process.execPath, [join(root, 'dist/cli.js'), 'serve', '--model', `churn=${model}`, '--port', '0', '--max-batch', '64', '--max-body', String(64 * 1024 * 1024)], /serve: listening on (http:\/\/\S+)/);
  const url = `${serve.url}/v2/models/churn/infer`;
  await load(url, { connections: 64, body: oneRowBody, duration: 1 }); // warm-up
  const entry = (results.models[name] = { ratios: {} });
  if (parts.has('single')) {
    const bareRun = await load(bare.url, { connections: 64, body: oneRowBody });
    const single = await load(url, { connections: 64, body: oneRowBody });
    const half = await load(url, { connections: 64, body: oneRowBody, overallRate: Math.max(1, Math.round(single.rps / 2)) });
    Object.assign(entry, { bare: bareRun, single, half });
    entry.ratios.a = single.rps / bareRun.rps;
    console.log(`${name}: (a) ${single.rps.toFixed(0)} req/s = ${entry.ratios.a.toFixed(2)}× bare ${bareRun.rps.toFixed(0)} req/s; (c) at ${Math.round(single.rps / 2)} req/s p50 ${half.p50} ms p99 ${half.p99} ms`);
  }
  if (parts.has('batched')) {
    // The ceiling measured before and after the server's runs (server idle meanwhile); the higher counts.
    const before = bareSessionRowsPerSecond(model);
    const batched = await load(url, { connections: 4, body: batchBody });
    const batchedBinary = await load(url, { connections: 4, body: batchBinary, headers: { 'content-type': 'application/octet-stream', 'inference-header-content-length': String(batchHeader.length) } });
    const after = bareSessionRowsPerSecond(model);
    const session = Math.max(before, after);
    Object.assign(entry, { batched, batchedBinary, sessionRowsPerSecond: { before, after } });
    entry.ratios.b = (batched.rps * 1024) / session;
    entry.ratios.bBinary = (batchedBinary.rps * 1024) / session;
    console.log(`${name}: (b) JSON ${(batched.rps * 1024).toFixed(0)} rows/s, binary ${(batchedBinary.rps * 1024).toFixed(0)} rows/s vs session.run ${before.toFixed(0)} / ${after.toFixed(0)} rows/s = ${entry.ratios.b.toFixed(2)}× / ${entry.ratios.bBinary.toFixed(2)}×`);
  }
  await stop(serve.child);
}

await stop(bare.child);

// Burst: ten times the concurrency (640 connections) on a server capped at 256 in flight, then
// the normal load again: the burst must end in 200s and 429s (no errors), the recovery in 200s.
if (parts.has('burst')) {
  const serve = await start(process.execPath, [join(root, 'dist/cli.js'), 'serve', '--model', `churn=${example}`, '--port', '0', '--max-in-flight', '256'], /serve: listening on (http:\/\/\S+)/);
  const url = `${serve.url}/v2/models/churn/infer`;
  const burst = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body: oneRowBody, connections: 640, duration: SECONDS });
  const after = await load(url, { connections: 64, body: oneRowBody, duration: Math.max(2, Math.round(SECONDS / 2)) });
  await stop(serve.child);
  results.burst = { connections: 640, maxInFlight: 256, rps: burst.requests.average, statusCodes: burst.statusCodeStats, errors: burst.errors, timeouts: burst.timeouts, p99: burst.latency.p99, after };
  console.log(`burst: ${JSON.stringify(burst.statusCodeStats)} errors ${burst.errors} timeouts ${burst.timeouts}; after: ${after.rps.toFixed(0)} req/s, non-2xx ${after.non2xx}`);
}

// Soak: the example model at 50 % of its peak, RSS of the server sampled every 5 s.
if (SOAK_SECONDS > 0 && parts.has('soak')) {
  const serve = await start(process.execPath, [join(root, 'dist/cli.js'), 'serve', '--model', `churn=${example}`, '--port', '0'], /serve: listening on (http:\/\/\S+)/);
  const pid = serve.child.pid;
  const samples = [{ t: 0, rssMiB: rssMiB(pid) }];
  const rate = Math.max(1, Math.round((results.models.example.single?.rps ?? 15_000) / 2));
  const started = Date.now();
  const timer = setInterval(() => samples.push({ t: Math.round((Date.now() - started) / 1000), rssMiB: rssMiB(pid) }), 5000);
  const soak = await autocannon({ url: `${serve.url}/v2/models/churn/infer`, method: 'POST', headers: { 'content-type': 'application/json' }, body: oneRowBody, connections: 64, overallRate: rate, duration: SOAK_SECONDS });
  clearInterval(timer);
  samples.push({ t: SOAK_SECONDS, rssMiB: rssMiB(pid) });
  await stop(serve.child);
  results.soak = { rate, requests: soak.requests.total, non2xx: soak.non2xx, errors: soak.errors, samples };
  console.log(`soak: ${soak.requests.total} requests at ${rate} req/s; RSS ${samples.map((s) => `${s.t}s ${s.rssMiB.toFixed(0)}`).join(', ')} MiB`);
}
const out = join(root, 'bench/serve', parts.size === 4 ? 'results.json' : `results-${[...parts].join('-')}.json`);
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`wrote ${out}`);
