// serve: the registered example model behind the Open Inference Protocol on a loopback port,
// one request with a tensor per feature column (first holdout row), the response printed, then
// SIGTERM: the server drains and exits 0.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export default async function serve(ctx) {
  const args = ['serve', '--model', '.mlops/registry:v1', '--port', '0'];
  console.log(`\n${ctx.commandLine('mlops', args)} &`);
  const server = spawn(process.execPath, [join(ctx.root, 'dist', 'cli.js'), ...args], { cwd: ctx.work, stdio: ['ignore', 'pipe', 'inherit'] });
  let log = '';
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const url = await new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      log += chunk;
      const match = /serve: listening on (http:\/\/\S+)/.exec(log);
      if (match) resolve(match[1]);
    });
    exited.then((code) => reject(new Error(`mlops serve exited with ${code} before listening`)));
  });
  try {
    const [header, first] = readFileSync(join(ctx.work, 'data', 'holdout.csv'), 'utf8').split('\n');
    const names = header.split(',');
    const values = first.split(',');
    const model = /serve: loaded (\S+) /.exec(log)[1];
    const skip = new Set(['id', 'malignant', 'size_band']);
    const inputs = names.flatMap((name, i) => (skip.has(name) ? [] : [{ name, shape: [1], datatype: 'FP64', data: [Number(values[i])] }]));
    const path = `/v2/models/${model}/infer`;
    console.log(`\n$ curl -s ${url}${path} -d '{"id": "demo-1", "inputs": [{"name": "mean_radius", "shape": [1], "datatype": "FP64", "data": [${values[names.indexOf('mean_radius')]}]}, … ${inputs.length} features]}'`);
    const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'demo-1', inputs }) });
    const body = await response.text();
    console.log(`HTTP ${response.status} ${body}`);
    if (response.status !== 200) throw new Error('the server did not answer the demo request');
  } finally {
    console.log('\n$ kill -TERM <serve>');
    server.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) throw new Error(`mlops serve exited with ${code} after SIGTERM`);
  }
}
