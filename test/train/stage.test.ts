// The train stage on a recording host: which files go into the artifact, which cache keys are
// saved after a success and after a failure, and that the record stays valid JSON throughout.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trainStage } from '../../actions/train/train.js';
import { parseRecord } from '../../shared/record/record.js';
import { runStage } from '../../shared/stage/run-stage.js';
import { createRecordingHost } from '../support/recording-host.js';
import { scratch } from './support.js';

const env = { GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: '3', RUNNER_OS: 'Linux' };

describe('train stage', () => {
  it('uploads model, metrics, params and record from their common folder, and saves the cache under the key', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'work'));
    const host = createRecordingHost({
      cwd: dir,
      env,
      inputs: {
        'command': `mkdir -p out && echo onnx > out/model.onnx && echo '{"acc": 1}' > out/metrics.json && echo 'lr: 0.1' > params.yaml`,
        'working-directory': 'work',
        'model': 'out/model.onnx',
        'metrics': 'out/metrics.json',
        'params': 'params.yaml',
        'gpus': 'all',
        'telemetry-interval': '5',
        'cache-paths': 'ckpt',
        'cache-key': 'ckpt-v2',
        'artifact-name': 'trained',
        'record': 'mlops-out/mlops-run.json',
      },
    });
    expect(await runStage(trainStage, host)).toBe(0);
    expect(host.artifacts).toEqual([
      { name: 'trained', rootDirectory: dir, files: ['work/out/model.onnx', 'work/out/metrics.json', 'work/params.yaml', 'mlops-out/mlops-run.json'].map((f) => join(dir, f)) },
    ]);
    expect(host.outputs).toMatchObject({ 'model': 'work/out/model.onnx', 'artifact-id': '1', 'metrics': '{"acc":1}' });
    expect(host.savedCaches).toEqual([{ paths: ['ckpt'], key: 'ckpt-v2' }]);
    const train = parseRecord(readFileSync(join(dir, 'mlops-out/mlops-run.json'), 'utf8'), 'record').train!;
    expect(train).toMatchObject({ working_directory: 'work', params: { lr: 0.1 }, params_path: 'work/params.yaml', model: { path: 'work/out/model.onnx', bytes: 5 } });
  });

  it('after a failure saves a partial cache for the rerun, keeps the earlier record sections, exits with the command status', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'mlops-out'));
    const earlier = { schema_version: 1, kind: 'mlops-run', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z', history: [], model: { name: 'churn' } };
    writeFileSync(join(dir, 'mlops-out/mlops-run.json'), JSON.stringify(earlier));
    const host = createRecordingHost({
      cwd: dir,
      env,
      inputs: { 'command': 'echo "epoch 1"; exit 5', 'model': 'model.onnx', 'metrics': 'metrics.json', 'gpus': 'all', 'telemetry-interval': '5', 'cache-paths': 'ckpt\nhf-cache', 'record': 'mlops-out/mlops-run.json' },
    });
    expect(await runStage(trainStage, host)).toBe(5);
    expect(host.savedCaches).toEqual([{ paths: ['ckpt', 'hf-cache'], key: expect.stringMatching(/^mlops-train-Linux-[0-9a-f]{16}-77-3$/) }]);
    expect(host.messages('error')).toEqual(['train: the command failed with exit code 5']);
    const record = parseRecord(readFileSync(join(dir, 'mlops-out/mlops-run.json'), 'utf8'), 'record');
    expect(record.model).toEqual({ name: 'churn' });
    expect(record.train).toMatchObject({ status: 'failed', exit_code: 5, failure: 'the command failed with exit code 5' });
    expect(host.summary).toContain('epoch 1');
    expect(host.outputs['exit-code']).toBe('5');
  });

  it('leaves a corrupt run record untouched and says so, after saving the cache', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'mlops-out'));
    writeFileSync(join(dir, 'mlops-out/mlops-run.json'), '{"schema_version": 1, "kin');
    const host = createRecordingHost({ cwd: dir, env, inputs: { command: 'echo onnx > model.onnx', model: 'model.onnx', gpus: 'all', 'cache-paths': 'ckpt', record: 'mlops-out/mlops-run.json' } });
    expect(await runStage(trainStage, host)).toBe(1);
    expect(host.messages('error')[0]).toMatch(/^train: run record not written: mlops-out\/mlops-run.json: run record is not valid JSON/);
    expect(readFileSync(join(dir, 'mlops-out/mlops-run.json'), 'utf8')).toBe('{"schema_version": 1, "kin');
    expect(host.savedCaches).toHaveLength(1);
  });

  it('rejects bad inputs before running anything', async () => {
    const host = createRecordingHost({ cwd: scratch(), inputs: { command: 'true', model: 'm', 'timeout-minutes': '0', gpus: 'all' } });
    expect(await runStage(trainStage, host)).toBe(1);
    expect(host.messages('error')[0]).toContain('input "timeout-minutes" must be greater than 0');
    const badGpus = createRecordingHost({ cwd: scratch(), inputs: { command: 'true', model: 'm', gpus: 'first two' } });
    expect(await runStage(trainStage, badGpus)).toBe(1);
    expect(badGpus.messages('error')[0]).toContain('input "gpus" is "first two"');
  });
});
