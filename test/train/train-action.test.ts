// The bundled train action (dist/train.js) run as the runner runs it: a real training command,
// timeouts, the fork guard, GPU checks with the nvidia-smi stand-in, bad metrics and inputs,
// cancellation.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../shared/record/record.js';
import { runAction } from '../support/run-action.js';
import { EXAMPLE, isAlive, pathWithoutNvidiaSmi, pathWithStandIn, scratch } from './support.js';
import { pullRequestEvent } from '../support/fake-github/lifecycle.js';

const TRAIN_COMMAND = 'node train.mjs --data data/train.csv --out out/model.onnx --metrics out/metrics.json --params out/params.json';

function exampleCopy(): string {
  const dir = scratch();
  cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

function readRecord(dir: string, path = 'mlops-out/mlops-run.json') {
  return parseRecord(readFileSync(join(dir, path), 'utf8'), path);
}

describe('train action', () => {
  it('runs a real training command: model and sha256, metrics, series, params and the record', async () => {
    const dir = exampleCopy();
    const result = await runAction('train', {
      cwd: dir,
      inputs: { command: TRAIN_COMMAND, model: 'out/model.onnx', metrics: 'out/metrics.json', params: 'out/params.json', 'artifact-name': 'model' },
      env: { PATH: pathWithoutNvidiaSmi() + ':' + (process.env.PATH ?? '') , RUNNER_NAME: 'gpu-box-1', RUNNER_ENVIRONMENT: 'self-hosted' },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const bytes = readFileSync(join(dir, 'out/model.onnx'));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const metrics = JSON.parse(readFileSync(join(dir, 'out/metrics.json'), 'utf8'));
    expect(result.outputs).toMatchObject({ 'model': 'out/model.onnx', 'model-sha256': sha256, 'exit-code': '0', 'metrics': JSON.stringify(metrics) });
    expect(Number(result.outputs['duration-seconds'])).toBeGreaterThan(0);

    const train = readRecord(dir).train!;
    expect(train).toMatchObject({ command: TRAIN_COMMAND, status: 'succeeded', exit_code: 0, metrics, model: { path: 'out/model.onnx', sha256, bytes: bytes.length } });
    expect(train.params).toEqual(JSON.parse(readFileSync(join(dir, 'out/params.json'), 'utf8')));
    expect(train.environment.runner).toBe('gpu-box-1');
    expect(train.environment.cpus).toBeGreaterThan(0);
    // train.mjs prints `mlops:metric loss=<x> step=<n>` every 10 of its 300 steps, and the last.
    const loss = train.series!.loss!;
    expect(loss.map((p) => p.step)).toEqual(Array.from({ length: 31 }, (_, i) => i * 10));
    expect(loss.at(-1)!.value).toBeLessThan(loss[0]!.value);

    // The output was streamed into a log group, the summary has the model, metrics and charts.
    expect(result.stdout).toMatch(/::group::Training: node train\.mjs[\s\S]*mlops:metric loss=[\s\S]*::endgroup::/);
    expect(result.summary).toContain('## Train — ✅ succeeded');
    expect(result.summary).toContain(sha256);
    expect(result.summary).toContain('| accuracy |');
    expect(result.summary).toContain('```mermaid\nxychart-beta\n  title "loss"');
    expect(result.summary).toContain('No GPU was visible to the command.');
  });

  it('stops the whole process tree at timeout-minutes and fails with a clear message', async () => {
    const dir = scratch();
    const result = await runAction('train', {
      cwd: dir,
      inputs: { command: 'sleep 613 & echo $! > grandchild.pid; echo "training…"; wait', model: 'model.onnx', 'timeout-minutes': '0.05', 'cache-paths': 'ckpt', 'cache-key': 'ckpt-v1' },
      env: { PATH: pathWithoutNvidiaSmi() + ':' + (process.env.PATH ?? '') },
    });
    const grandchild = Number(readFileSync(join(dir, 'grandchild.pid'), 'utf8'));
    expect(isAlive(grandchild, 'sleep 613')).toBe(false);
    expect(result.code).toBe(143); // bash ended by SIGTERM: 128 + 15, the command's status
    expect(result.stdout).toContain('::error::train: the command ran longer than timeout-minutes (0.05) and was stopped: its whole process tree got SIGTERM');
    expect(result.stdout).toContain('saving cache ckpt-v1-4242-1 (ckpt)'); // a partial save a rerun resumes from
    expect(result.outputs['exit-code']).toBe('143');
    expect(readRecord(dir).train).toMatchObject({ status: 'timed_out', exit_code: 143, timeout_minutes: 0.05 });
    expect(result.summary).toContain('## Train — ⏱️ timed out');
    expect(result.summary).toMatch(/### Last lines of output\n\n````?text\ntraining…/);
  });

  it('refuses a fork pull request on a self-hosted runner without running anything', async () => {
    const dir = scratch();
    const event = pullRequestEvent(7, 'mallory/ml-repo', 'octo-org/ml-repo');
    const inputs = { command: 'echo ran > executed.marker', model: 'model.onnx' };
    const refused = await runAction('train', { cwd: dir, inputs, eventName: 'pull_request', event, env: { RUNNER_ENVIRONMENT: 'self-hosted' } });
    expect(refused.code).toBe(1);
    expect(existsSync(join(dir, 'executed.marker'))).toBe(false);
    expect(existsSync(join(dir, 'mlops-out'))).toBe(false);
    expect(refused.stdout).toContain('refusing to run the training command: this pull_request run is for a pull request from the fork mallory/ml-repo on a self-hosted runner');
    expect(refused.stdout).toContain("contains(github.event.pull_request.labels.*.name, 'safe-to-train')");
    expect(refused.stdout).toContain('allow-fork: true');
    expect(refused.summary).toContain('refused');

    // pull_request_target from a fork too; a GitHub-hosted runner or allow-fork lets it run.
    const target = await runAction('train', { cwd: dir, inputs, eventName: 'pull_request_target', event, env: { RUNNER_ENVIRONMENT: 'self-hosted' } });
    expect(target.code).toBe(1);
    expect(existsSync(join(dir, 'executed.marker'))).toBe(false);
    const allowed = await runAction('train', { cwd: dir, inputs: { ...inputs, 'allow-fork': 'true' }, eventName: 'pull_request', event, env: { RUNNER_ENVIRONMENT: 'self-hosted' } });
    expect(existsSync(join(dir, 'executed.marker'))).toBe(true);
    expect(allowed.stdout).toContain('::warning::running the training command for a pull request from the fork mallory/ml-repo because allow-fork is true');
  });

  it('require-gpu fails before anything runs when there is no nvidia-smi, or it sees no GPU', async () => {
    const dir = scratch();
    const inputs = { command: 'echo ran > executed.marker', model: 'model.onnx', 'require-gpu': 'true' };
    const noTool = await runAction('train', { cwd: dir, inputs, env: { PATH: pathWithoutNvidiaSmi() } });
    expect(noTool.code).toBe(1);
    expect(noTool.stdout).toContain('::error::train: require-gpu: no GPU is visible (nvidia-smi was not found on PATH (no NVIDIA driver on this runner)); nothing was run. Run the job on a GPU runner');
    const noDriver = await runAction('train', { cwd: dir, inputs, env: { PATH: pathWithStandIn(), MLOPS_NVIDIA_SMI_RECORDING: 'no-driver' } });
    expect(noDriver.code).toBe(1);
    expect(noDriver.stdout).toContain("no GPU is visible (nvidia-smi failed: NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver");
    expect(existsSync(join(dir, 'executed.marker'))).toBe(false);
    expect(existsSync(join(dir, 'mlops-out'))).toBe(false);
  });

  it('records the GPUs nvidia-smi reports and samples telemetry with one long-running nvidia-smi', async () => {
    const dir = scratch();
    const log = join(dir, 'nvidia-smi.log');
    const sampled = join(dir, 'sampled');
    // The command waits for the stand-in's first telemetry sample (an event, not a sleep).
    const command = `while [ ! -e "${sampled}" ]; do sleep 0.02; done; echo "visible=$CUDA_VISIBLE_DEVICES"; echo onnx > model.onnx; echo '{"loss": 0.5}' > metrics.json`;
    const result = await runAction('train', {
      cwd: dir,
      inputs: { command, model: 'model.onnx', 'require-gpu': 'true', gpus: '1,', 'telemetry-interval': '0.2', 'timeout-minutes': '1' },
      env: { PATH: pathWithStandIn(), MLOPS_NVIDIA_SMI_LOG: log, MLOPS_NVIDIA_SMI_SAMPLED: sampled },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('visible=1');
    expect(result.outputs.gpus).toBe('NVIDIA H100 80GB HBM3');
    const train = readRecord(dir).train!;
    expect(train.environment.gpus).toEqual([{ index: 1, name: 'NVIDIA H100 80GB HBM3', memory_mb: 81559, driver: '550.54.15', cuda: '12.4', uuid: 'GPU-9c8d7e6f-5a4b-4c3d-8e2f-0a1b2c3d4e5f' }]);
    expect(train.environment.cuda_visible_devices).toBe('1');
    const telemetry = train.telemetry!;
    expect(telemetry.interval_seconds).toBe(0.2);
    expect(telemetry.gpus.map((g) => g.index)).toEqual([1]); // only the visible GPU is sampled
    expect(telemetry.gpus[0]!.series![0]).toMatchObject({ utilization: 0, memory_used_mb: 1, power_w: 69.4, temperature_c: 32 });
    const invocations = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as string[]);
    expect(invocations.filter((args) => args.includes('-lms'))).toEqual([[expect.stringMatching(/^--query-gpu=timestamp,/), '--format=csv,noheader,nounits', '-lms', '200', '-i', '1']]);
    expect(result.summary).toMatch(/\| 1 \| NVIDIA H100 80GB HBM3 \| 79\.6 GiB \| 550\.54\.15 \| 12\.4 \|/);
  });

  it('reports bad metrics by key and line, writes a failed record, masks secrets in the output tail', async () => {
    const dir = scratch();
    const command = `echo "token is $API_TOKEN"; echo onnx > model.onnx; printf '{\\n  "accuracy": 0.9,\\n  "loss": NaN\\n}\\n' > metrics.json`;
    const result = await runAction('train', { cwd: dir, inputs: { command, model: 'model.onnx', env: 'API_TOKEN=tok-9f8e7d6c\nEPOCHS=3' }, env: { PATH: pathWithoutNvidiaSmi() + ':' + (process.env.PATH ?? '') } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error::train: metrics.json:3 (loss): metric "loss" is NaN; metrics must be finite numbers');
    expect(result.stdout.indexOf('::add-mask::tok-9f8e7d6c')).toBeGreaterThan(-1);
    expect(result.stdout.indexOf('::add-mask::tok-9f8e7d6c')).toBeLessThan(result.stdout.indexOf('token is'));
    expect(result.stdout).not.toContain('::add-mask::3');
    expect(result.summary).toContain('token is ***');
    expect(result.summary).not.toContain('tok-9f8e7d6c');
    expect(readRecord(dir).train).toMatchObject({ status: 'failed', exit_code: 0, metrics: {} });

    writeFileSync(join(dir, 'bad.json'), '{"accuracy": "high"}');
    const notNumber = await runAction('train', { cwd: dir, inputs: { command: 'true', model: 'model.onnx', metrics: 'bad.json' } });
    expect(notNumber.stdout).toContain('bad.json:1 (accuracy): metric "accuracy" is a string ("high"), not a number');
    const notJson = await runAction('train', { cwd: dir, inputs: { command: 'echo "accuracy=0.9" > m.txt', model: 'model.onnx', metrics: 'm.txt' } });
    expect(notJson.stdout).toContain('m.txt (metrics): metrics file is not valid JSON');
  });

  it('fails clearly on a malformed env line, a missing command and a missing model', async () => {
    const dir = scratch();
    const badEnv = await runAction('train', { cwd: dir, inputs: { command: 'echo ran > executed.marker', model: 'm', env: 'GOOD=1\nthis line is wrong' } });
    expect(badEnv.code).toBe(1);
    expect(badEnv.stdout).toContain('::error::train: env: line 2 of input "env" has no "=" (expected KEY=VALUE)');
    expect(existsSync(join(dir, 'executed.marker'))).toBe(false);

    const notFound = await runAction('train', { cwd: dir, inputs: { command: 'mlops-no-such-trainer --epochs 3', model: 'm' } });
    expect(notFound.code).toBe(127);
    expect(notFound.stdout).toContain('mlops-no-such-trainer: command not found');
    expect(notFound.stdout).toContain('the command failed with exit code 127: a program it runs was not found');
    expect(notFound.outputs['exit-code']).toBe('127');

    const noModel = await runAction('train', { cwd: dir, inputs: { command: 'echo "{}" > metrics.json', model: 'out/model.onnx' } });
    expect(noModel.code).toBe(1);
    expect(noModel.stdout).toContain('out/model.onnx (model): the command finished but did not produce the model file');
    expect(readRecord(dir).train).toMatchObject({ status: 'failed', exit_code: 0 });
    expect(readRecord(dir).train!.model).toBeUndefined();
  });

  it('forwards SIGTERM to the command, then saves the caches', async () => {
    const dir = scratch();
    // The command cancels its own step: $PPID is the action's process.
    const command = `trap 'echo got-term > term.marker; exit 7' TERM; kill -TERM $PPID; while :; do sleep 0.05; done`;
    const result = await runAction('train', { cwd: dir, inputs: { command, model: 'model.onnx', 'cache-paths': 'ckpt', 'cache-key': 'ckpt-v1' } });
    expect(readFileSync(join(dir, 'term.marker'), 'utf8')).toBe('got-term\n');
    expect(result.code).toBe(7);
    const stopping = result.stdout.indexOf('::warning::this step received SIGTERM: stopping the command (SIGTERM to the command\'s process group, SIGKILL after 5 s), then saving caches');
    expect(stopping).toBeGreaterThan(-1);
    expect(result.stdout.indexOf('saving cache ckpt-v1-4242-1 (ckpt)')).toBeGreaterThan(stopping);
    expect(readRecord(dir).train).toMatchObject({ status: 'cancelled', exit_code: 7 });
  });
});
