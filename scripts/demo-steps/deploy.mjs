// deploy: an `mlops serve` on a loopback port with an admin token; v1 deployed (first deploy:
// smoke test, 100 %, prod alias); a second model (a retrain: another seed) trained, gated against prod and registered,
// then deployed as a canary under simulated traffic and promoted; a bad version (same inputs,
// negated weights, pushed past the gate with a recorded force-reason) rolled back by the
// canary analysis; finally the lineage of what is serving.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export default async function deploy(ctx) {
  const tokenFile = join(ctx.work, 'mlops-out', 'admin-token');
  const token = randomBytes(24).toString('hex');
  writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
  const args = ['serve', '--port', '0', '--admin-token-file', 'mlops-out/admin-token'];
  console.log(`\n${ctx.commandLine('mlops', args)} &`);
  const server = spawn(process.execPath, [join(ctx.root, 'dist', 'cli.js'), ...args], { cwd: ctx.work, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const url = await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      log += chunk;
      const match = /serve: listening on (http:\/\/\S+)/.exec(log);
      if (match) resolve(match[1]);
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    exited.then((code) => reject(new Error(`mlops serve exited with ${code} before listening:\n${log}`)));
  });
  console.log(`serve: listening on ${url}`);
  const common = ['--url', url, '--admin-token', token, '--smoke-data', 'data/holdout.csv'];
  const canary = ['--steps', '25,100', '--bake-seconds', '2'];
  try {
    console.log('\n--- first deploy: v1 (smoke test against an in-process run, then 100 %, then the prod alias) ---');
    await deployUnderTraffic(ctx, url, ['deploy', '--model', '.mlops/registry:v1', ...common]);

    // A retrain: the same recipe from another seed, so its predictions move a little (a canary
    // with other hyperparameters moves them past max-prediction-shift and is rolled back).
    console.log('\n--- a second model (the same recipe, another seed): trained, gated against prod, registered ---');
    ctx.run(process.execPath, ['train.mjs', '--data', 'data/train.csv', '--out', 'mlops-out/v2.onnx', '--metrics', 'mlops-out/v2-metrics.json', '--params', 'mlops-out/v2-params.json', '--seed', '7', '--log-every', '100000']);
    ctx.mlops(['evaluate-gate', '--model', 'mlops-out/v2.onnx', '--baseline', '.mlops/registry:prod', '--data', 'data/holdout.csv', '--record', 'mlops-out/v2-run.json'], { quiet: true });
    ctx.mlops(['register', '--model', 'mlops-out/v2.onnx', '--record', 'mlops-out/v2-run.json']);

    console.log('\n--- canary v2 under simulated traffic: 25 % then 100 %, judged at each step ---');
    await deployUnderTraffic(ctx, url, ['deploy', '--model', '.mlops/registry:v2', ...common, ...canary, '--record', 'mlops-out/v2-run.json']);

    console.log('\n--- a bad version: same inputs, negated weights (test/fixtures/deploy/flipped.onnx), forced past the gate ---');
    copyFileSync(join(ctx.root, 'test', 'fixtures', 'deploy', 'flipped.onnx'), join(ctx.work, 'mlops-out', 'bad.onnx'));
    ctx.mlops(['evaluate-gate', '--model', 'mlops-out/bad.onnx', '--baseline', '.mlops/registry:prod', '--data', 'data/holdout.csv', '--record', 'mlops-out/bad-run.json'], { expect: [1], quiet: true });
    console.log('  (the gate failed, as it should)');
    ctx.mlops(['register', '--model', 'mlops-out/bad.onnx', '--record', 'mlops-out/bad-run.json', '--force-reason', 'demo: show the canary judge'], { quiet: true });
    await deployUnderTraffic(ctx, url, ['deploy', '--model', '.mlops/registry:v3', ...common, ...canary, '--force-reason', 'demo: show the canary judge', '--record', 'mlops-out/bad-run.json'], [1]);

    console.log('\n--- what is serving, back to its data and commit ---');
    ctx.mlops(['lineage', '.mlops/registry:prod']);
    ctx.show('deploy record (v2)', 'mlops-out/v2-run.json');
  } finally {
    console.log('\n$ kill -TERM <serve>');
    server.kill('SIGTERM');
    await exited;
  }
}

/** `mlops <args>` as an asynchronous child process while this process sends single-row requests. */
async function deployUnderTraffic(ctx, url, args, expect = [0]) {
  const [header, ...lines] = readFileSync(join(ctx.work, 'data', 'holdout.csv'), 'utf8').trim().split('\n');
  const names = header.split(',');
  const skip = new Set(['id', 'malignant', 'size_band']);
  const bodies = lines.map((line) => {
    const values = line.split(',');
    return JSON.stringify({ inputs: names.flatMap((name, i) => (skip.has(name) ? [] : [{ name, shape: [1], datatype: 'FP64', data: [Number(values[i])] }])) });
  });
  let running = true;
  let sent = 0;
  const loop = async () => {
    while (running) {
      const body = bodies[sent++ % bodies.length];
      await fetch(`${url}/v2/models/breast-cancer-classifier/infer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.arrayBuffer()).catch(() => undefined);
    }
  };
  const loops = Array.from({ length: 4 }, loop);
  console.log(`\n${ctx.commandLine('mlops', args.map((a) => (a.length === 48 && /^[0-9a-f]+$/.test(a) ? '***' : a)))}   # while 4 clients send requests`);
  try {
    const child = spawn(process.execPath, [join(ctx.root, 'dist', 'cli.js'), ...args], { cwd: ctx.work, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, GITHUB_ACTIONS: '' } });
    const code = await new Promise((resolve) => child.once('exit', resolve));
    if (!expect.includes(code)) throw new Error(`mlops ${args[0]} exited with ${code}, expected ${expect.join(' or ')}`);
  } finally {
    running = false;
    await Promise.all(loops);
    console.log(`  (simulated traffic: ${sent} requests)`);
  }
}
