// drift-check, and the loop it starts: v1 is deployed onto a capturing `mlops serve`, production
// traffic drifts (three features scaled), drift-check reports it with histograms and, outside
// Actions, shows what it would send to GitHub (the model-drift issue, the dispatch of
// ml-retrain.yml). Then the retrain ml-retrain.yml would run — validate, train, gate against
// :prod, card, register — and deploy v2; drift-check on post-retrain traffic finds no drift
// (and would close the issue).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SHIFT = { mean_radius: 1.2, mean_area: 1.18, mean_perimeter: 1.3 };
const SKIP = new Set(['id', 'malignant', 'size_band']);

function shiftCsv(text) {
  const [header, ...rows] = text.trim().split('\n');
  const names = header.split(',');
  return `${header}\n${rows.map((row) => row.split(',').map((cell, i) => (SHIFT[names[i]] ? String(Number((Number(cell) * SHIFT[names[i]]).toFixed(4))) : cell)).join(',')).join('\n')}\n`;
}

async function startServer(ctx, args) {
  console.log(`\n${ctx.commandLine('mlops', ['serve', ...args])} &`);
  const server = spawn(process.execPath, [join(ctx.root, 'dist', 'cli.js'), 'serve', '--port', '0', '--admin-token-file', 'mlops-out/admin-token', ...args], { cwd: ctx.work, stdio: ['ignore', 'pipe', 'inherit'] });
  let log = '';
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const url = await new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      log += chunk;
      const match = /serve: listening on (http:\/\/\S+)/.exec(log);
      if (match) resolve(match[1]);
    });
    exited.then((code) => reject(new Error(`mlops serve exited with ${code} before listening`)));
  });
  console.log(`serve: listening on ${url}`);
  return {
    url,
    async stop() {
      server.kill('SIGTERM');
      const code = await exited;
      if (code !== 0) throw new Error(`mlops serve exited with ${code}`);
    },
  };
}

async function send(url, csv, keepGoing) {
  const [header, ...rows] = csv.trim().split('\n');
  const names = header.split(',');
  let sent = 0;
  for (const row of rows) {
    if (keepGoing && !keepGoing()) break;
    const values = row.split(',');
    const inputs = names.flatMap((name, i) => (SKIP.has(name) ? [] : [{ name, shape: [1], datatype: 'FP64', data: [Number(values[i])] }]));
    const response = await fetch(`${url}/v2/models/breast-cancer-classifier/infer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ inputs }) });
    await response.arrayBuffer();
    sent += 1;
  }
  return sent;
}

/** `mlops deploy` as a child process while production traffic keeps flowing (the canary is judged on it). */
async function deploy(ctx, url, model, live) {
  const token = readFileSync(join(ctx.work, 'mlops-out/admin-token'), 'utf8').trim();
  const args = ['deploy', '--model', model, '--url', url, '--admin-token', token, '--strategy', 'all-at-once', '--bake-seconds', '2', '--smoke-data', 'data/smoke.csv'];
  console.log(`\n${ctx.commandLine('mlops', args.map((arg) => (arg === token ? '***' : arg)))}`);
  let running = true;
  const traffic = live ? (async () => { while (running) await send(url, readFileSync(join(ctx.work, 'data/production.csv'), 'utf8'), () => running); })() : Promise.resolve();
  const child = spawn(process.execPath, [join(ctx.root, 'dist', 'cli.js'), ...args], { cwd: ctx.work, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, GITHUB_ACTIONS: '' } });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  running = false;
  await traffic;
  if (code !== 0) throw new Error(`mlops deploy exited with ${code}`);
}

export default async function driftCheck(ctx) {
  writeFileSync(join(ctx.work, 'mlops-out/admin-token'), `demo-${process.pid}-${Date.now()}\n`, { mode: 0o600 });
  const production = shiftCsv(readFileSync(join(ctx.work, 'data/holdout.csv'), 'utf8'));
  writeFileSync(join(ctx.work, 'data/production.csv'), production);
  writeFileSync(join(ctx.work, 'data/smoke.csv'), production.split('\n').slice(0, 6).join('\n') + '\n');

  console.log('\n--- v1 in production on a capturing server; the traffic drifts (mean_radius ×1.2, mean_area ×1.18, mean_perimeter ×1.3) ---');
  let server = await startServer(ctx, ['--capture', 'mlops-out/capture']);
  try {
    await deploy(ctx, server.url, '.mlops/registry:v1', false);
    console.log(`sent ${await send(server.url, production)} requests`);
  } finally {
    await server.stop();
  }
  ctx.mlops(['drift-check', '--current', 'mlops-out/capture/**/*.jsonl', '--dispatch', 'ml-retrain.yml', '--record', 'mlops-out/drift-run.json']);
  ctx.show('drift report (histograms of the drifted columns)', 'mlops-out/drift-check/report.md');
  ctx.show('what would be sent to GitHub (issue, dispatch)', 'mlops-out/drift-check/github-plan.json');

  console.log('\n--- ml-retrain.yml, as the dispatch would run it: new data, train, gate against :prod, card, register, deploy ---');
  writeFileSync(join(ctx.work, 'data/train-v2.csv'), shiftCsv(readFileSync(join(ctx.work, 'data/train.csv'), 'utf8')));
  const record = ['--record', 'mlops-out/retrain-run.json'];
  writeFileSync(join(ctx.work, 'mlops-out/retrain-run.json'), readFileSync(join(ctx.work, 'mlops-out/drift-run.json')));
  ctx.mlops(['data-validate', '--data', 'data/train-v2.csv', '--out-dir', 'mlops-out/data-validate/train-v2', ...record], { quiet: true });
  ctx.mlops(['train', '--command', 'node train.mjs --data data/train-v2.csv --out mlops-out/model-v2.onnx --metrics mlops-out/metrics-v2.json --params mlops-out/params-v2.json', '--model', 'mlops-out/model-v2.onnx', '--metrics', 'mlops-out/metrics-v2.json', '--params', 'mlops-out/params-v2.json', ...record], { quiet: true });
  ctx.mlops(['evaluate-gate', '--model', 'mlops-out/model-v2.onnx', '--baseline', '.mlops/registry:prod', '--data', 'data/production.csv', '--holdout-change-reason', 'Retraining after drift; the holdout includes recent production data', ...record], { quiet: true });
  ctx.mlops(['model-card', ...record, '--out', 'mlops-out/MODEL_CARD-v2.md'], { quiet: true });
  // The deploy step registered versions of its own: the retrained one is found by an alias.
  ctx.mlops(['register', '--model', 'mlops-out/model-v2.onnx', '--aliases', 'retrained', ...record]);
  server = await startServer(ctx, ['--model', '.mlops/registry:prod', '--capture', 'mlops-out/capture-after']);
  try {
    await deploy(ctx, server.url, '.mlops/registry:retrained', true);
    console.log(`sent ${await send(server.url, production)} requests`);
  } finally {
    await server.stop();
  }
  ctx.mlops(['drift-check', '--current', 'mlops-out/capture-after/**/*.jsonl', '--record', 'mlops-out/drift-run-after.json']);
  ctx.show('drift report after the retrain (no drift: the issue would be closed)', 'mlops-out/drift-check/report.md');
}
