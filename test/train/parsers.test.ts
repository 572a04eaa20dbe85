// The train stage's parsers: metric lines, metrics and params files, env lines, the gpus input,
// nvidia-smi outputs, cache keys, bounded series and the line splitter.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError, type UserError } from '../../shared/errors/user-error.js';
import { parseCudaVersion, parseGpuList } from '../../shared/gpu/inventory.js';
import { parseTelemetryLine, telemetryArgs } from '../../shared/gpu/telemetry.js';
import { parseGpuSelection, resolveVisibleDevices } from '../../shared/gpu/visible-devices.js';
import { parseEnvLines } from '../../shared/process/env-lines.js';
import { LineSplitter } from '../../shared/process/line-splitter.js';
import { SecretMask } from '../../shared/process/secret-mask.js';
import { BoundedSeries, thin } from '../../shared/train/bounded-series.js';
import { planCache, saveKey } from '../../shared/train/cache-plan.js';
import { mermaidString, metricChart } from '../../shared/train/charts.js';
import { MetricCollector, parseMetricLine } from '../../shared/train/metric-lines.js';
import { parseMetrics } from '../../shared/train/metrics-file.js';
import { parseParams } from '../../shared/train/params-file.js';
import { fenced } from '../../shared/train/summary.js';
import { detectForkPullRequest, forkRefusal } from '../../shared/train/fork-guard.js';
import { scratch } from './support.js';

const RECORDINGS = new URL('../fixtures/nvidia-smi/recordings/', import.meta.url).pathname;

function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('metric lines', () => {
  it('parses pairs and the step, with a logger prefix', () => {
    expect(parseMetricLine('mlops:metric loss=0.231 step=120')).toEqual({ values: { loss: 0.231 }, step: 120, problems: [] });
    expect(parseMetricLine('INFO:root: mlops:metric val/acc=0.9 lr=3e-4')).toEqual({ values: { 'val/acc': 0.9, lr: 0.0003 }, problems: [] });
  });
  it('ignores lines without the token as a word', () => {
    expect(parseMetricLine('epoch 3 done')).toBeUndefined();
    expect(parseMetricLine('xmlops:metric loss=1')).toBeUndefined();
    expect(parseMetricLine('mlops:metrics loss=1')).toBeUndefined();
  });
  it('rejects non-finite values, bad names and bad steps, keeping the good pairs', () => {
    const parsed = parseMetricLine('mlops:metric loss=nan acc=0.5 1bad=2 step=-1 junk')!;
    expect(parsed.values).toEqual({ acc: 0.5 });
    expect(parsed.step).toBeUndefined();
    expect(parsed.problems).toEqual(['loss=nan is not a finite number', '"1bad=2" is not name=value', 'step=-1 is not an integer >= 0', '"junk" is not name=value']);
    expect(parseMetricLine('mlops:metric loss=inf')!.problems).toEqual(['loss=inf is not a finite number']);
    expect(parseMetricLine('mlops:metric')!.problems).toEqual(['no name=value pair']);
  });
  it('collects series; a point without a step gets its position', () => {
    const collector = new MetricCollector();
    for (const line of ['mlops:metric loss=3 step=10', 'noise', 'mlops:metric loss=2 acc=0.5 step=20', 'mlops:metric acc=0.7']) collector.add(line);
    expect(collector.result()).toEqual({ acc: [{ step: 20, value: 0.5 }, { step: 1, value: 0.7 }], loss: [{ step: 10, value: 3 }, { step: 20, value: 2 }] });
    expect(collector.lastValues()).toEqual({ loss: 2, acc: 0.7 });
  });
  it('keeps memory bounded on a long run: evenly thinned, last point kept', () => {
    const collector = new MetricCollector(100, 100);
    for (let step = 0; step < 100_000; step++) collector.add(`mlops:metric loss=${1 / (step + 1)} step=${step}`);
    const points = collector.result().loss!;
    expect(points.length).toBeLessThanOrEqual(101);
    expect(points[0]!.step).toBe(0);
    expect(points.at(-1)!.step).toBe(99_999);
    const gaps = new Set(points.slice(1, -1).map((p, i) => p.step! - points[i]!.step!));
    expect(gaps.size).toBe(1);
  });
});

describe('metrics file', () => {
  it('reads numbers and flattens nested objects', () => {
    expect(parseMetrics('{"accuracy": 0.93, "val": {"auc": 0.9, "n": 10}}', 'm.json')).toEqual({ accuracy: 0.93, 'val.auc': 0.9, 'val.n': 10 });
  });
  it('names the key and line of NaN and Infinity (as Python writes them)', () => {
    const nan = userError(() => parseMetrics('{\n  "accuracy": 0.9,\n  "loss": NaN\n}\n', 'out/metrics.json'));
    expect(nan.message).toBe('metric "loss" is NaN; metrics must be finite numbers');
    expect(nan.where).toMatchObject({ file: 'out/metrics.json', line: 3, key: 'loss' });
    expect(userError(() => parseMetrics('{"val": {"auc": -Infinity}}', 'm.json')).where.key).toBe('val.auc');
  });
  it('names the key of a non-number', () => {
    const error = userError(() => parseMetrics('{\n "accuracy": "high",\n "loss": 0.2\n}', 'm.json'));
    expect(error.message).toBe('metric "accuracy" is a string ("high"), not a number');
    expect(error.where).toMatchObject({ line: 2, key: 'accuracy' });
    expect(userError(() => parseMetrics('{"ok": 1, "flag": true}', 'm.json')).message).toContain('"flag" is true');
    expect(userError(() => parseMetrics('{"xs": [1, 2]}', 'm.json')).message).toContain('"xs" is an array');
    expect(userError(() => parseMetrics('{"x": null}', 'm.json')).message).toContain('"x" is null');
  });
  it('rejects a file that is not JSON or not an object', () => {
    expect(userError(() => parseMetrics('accuracy = 0.9', 'm.json')).message).toMatch(/^metrics file is not valid JSON/);
    expect(userError(() => parseMetrics('[0.9]', 'm.json')).message).toBe('metrics file holds an array, not a JSON object of metrics');
  });
});

describe('params file', () => {
  it('reads JSON and YAML mappings', () => {
    expect(parseParams('{"lr": 0.1, "layers": [64, 32]}', 'p.json', '.json')).toEqual({ lr: 0.1, layers: [64, 32] });
    expect(parseParams('lr: 0.1\noptimizer:\n  name: adam\n', 'p.yaml', '.yaml')).toEqual({ lr: 0.1, optimizer: { name: 'adam' } });
    expect(parseParams('epochs: 3\n', 'params', '')).toEqual({ epochs: 3 });
  });
  it('rejects invalid files with their position, and non-mappings', () => {
    expect(userError(() => parseParams('a: [1,\n', 'p.yml', '.yml')).where).toMatchObject({ file: 'p.yml' });
    expect(userError(() => parseParams('- 1\n- 2\n', 'p.yml', '.yml')).message).toContain('must hold a mapping');
    expect(userError(() => parseParams('{"a": }', 'p.json', '.json')).message).toMatch(/not valid JSON/);
  });
});

describe('env lines', () => {
  it('parses KEY=VALUE lines verbatim, skipping blanks and comments', () => {
    expect(parseEnvLines('A=1\n\n# note\nB = x=y \nC=')).toEqual([
      { key: 'A', value: '1', line: 1 },
      { key: 'B', value: ' x=y ', line: 4 },
      { key: 'C', value: '', line: 5 },
    ]);
  });
  it('names the malformed line without echoing it', () => {
    const error = userError(() => parseEnvLines('GOOD=1\nsecret-token-without-key\n'));
    expect(error.message).toBe('line 2 of input "env" has no "=" (expected KEY=VALUE)');
    expect(error.format()).not.toContain('secret-token');
    expect(userError(() => parseEnvLines('1BAD=x')).message).toBe('line 1 of input "env" has an invalid variable name');
    expect(userError(() => parseEnvLines('A=1\nA=2')).message).toContain('sets A again (first set on line 1)');
  });
});

describe('gpus input and CUDA_VISIBLE_DEVICES', () => {
  const inventory = parseGpuList(readFileSync(`${RECORDINGS}h100x2/query-gpu.csv`, 'utf8'));
  it('parses all, counts and ids', () => {
    expect(parseGpuSelection('all')).toEqual({ kind: 'all' });
    expect(parseGpuSelection('2')).toEqual({ kind: 'count', count: 2 });
    expect(parseGpuSelection('0, 1')).toEqual({ kind: 'ids', ids: ['0', '1'] });
    expect(parseGpuSelection('1,')).toEqual({ kind: 'ids', ids: ['1'] });
    expect(parseGpuSelection('GPU-9c8d7e6f-5a4b-4c3d-8e2f-0a1b2c3d4e5f')).toEqual({ kind: 'ids', ids: ['GPU-9c8d7e6f-5a4b-4c3d-8e2f-0a1b2c3d4e5f'] });
    expect(userError(() => parseGpuSelection('two')).where.key).toBe('gpus');
  });
  it('resolves the visible devices', () => {
    expect(resolveVisibleDevices({ kind: 'all' }, inventory, undefined)).toEqual({ gpus: inventory });
    expect(resolveVisibleDevices({ kind: 'count', count: 1 }, inventory, undefined)).toEqual({ cudaVisibleDevices: '0', gpus: [inventory[0]] });
    expect(resolveVisibleDevices({ kind: 'count', count: 0 }, inventory, undefined)).toEqual({ cudaVisibleDevices: '', gpus: [] });
    expect(resolveVisibleDevices({ kind: 'ids', ids: ['GPU-9c8d7e6f-5a4b-4c3d-8e2f-0a1b2c3d4e5f'] }, inventory, undefined).gpus).toEqual([inventory[1]]);
    // A runner restricted to GPU 1 keeps its restriction.
    expect(resolveVisibleDevices({ kind: 'all' }, inventory, '1')).toEqual({ gpus: [inventory[1]] });
    expect(resolveVisibleDevices({ kind: 'count', count: 1 }, inventory, '1')).toEqual({ cudaVisibleDevices: '1', gpus: [inventory[1]] });
  });
  it('refuses more GPUs than there are, and unknown ids', () => {
    expect(userError(() => resolveVisibleDevices({ kind: 'count', count: 3 }, inventory, undefined)).message).toContain('asks for 3 GPUs but only 2 are visible');
    expect(userError(() => resolveVisibleDevices({ kind: 'ids', ids: ['7'] }, inventory, undefined)).message).toContain('names device 7, not on this runner');
    expect(resolveVisibleDevices({ kind: 'count', count: 2 }, [], undefined).warning).toContain('none is visible');
  });
});

describe('nvidia-smi outputs (recordings replayed by the stand-in)', () => {
  it('parses the inventory and the CUDA version', () => {
    expect(parseGpuList(readFileSync(`${RECORDINGS}a100-vgpu/query-gpu.csv`, 'utf8'))).toEqual([
      { index: 0, name: 'NVIDIA A100-SXM4-40GB', uuid: 'GPU-1e2d3c4b-5a69-4788-97a6-b5c4d3e2f1a0', memoryMb: 40960, driver: '535.161.08' },
    ]);
    expect(parseCudaVersion(readFileSync(`${RECORDINGS}h100x2/nvidia-smi.txt`, 'utf8'))).toBe('12.4');
    expect(parseCudaVersion(readFileSync(`${RECORDINGS}a100-vgpu/nvidia-smi.txt`, 'utf8'))).toBe('12.2');
    expect(parseGpuList('0, [N/A], [N/A], [N/A], [N/A]\n')).toEqual([]);
    expect(parseGpuList('1, Tesla T4, [N/A], [N/A], 470.1\n')).toEqual([{ index: 1, name: 'Tesla T4', driver: '470.1' }]);
  });
  it('parses telemetry lines, placeholders as missing', () => {
    expect(parseTelemetryLine('2024/05/14 10:21:35.101, 0, 97, 61234, 645.32, 61', 2)).toEqual({ elapsedSeconds: 2, index: 0, utilizationPercent: 97, memoryUsedMb: 61234, powerWatts: 645.32, temperatureC: 61 });
    expect(parseTelemetryLine('2024/02/07 08:02:13.500, 0, [Not Supported], 30720, [N/A], 44', 1)).toEqual({ elapsedSeconds: 1, index: 0, memoryUsedMb: 30720, temperatureC: 44 });
    expect(parseTelemetryLine('No devices were found', 0)).toBeUndefined();
    expect(telemetryArgs(0.5, ['0', '1'])).toEqual(['--query-gpu=timestamp,index,utilization.gpu,memory.used,power.draw,temperature.gpu', '--format=csv,noheader,nounits', '-lms', '500', '-i', '0,1']);
  });
});

describe('cache keys', () => {
  const env = (values: Record<string, string>) => (name: string) => values[name];
  it('restores the exact key, then partial saves by prefix; saves by outcome', () => {
    const plan = planCache(['data', 'ckpt'], 'train-v1', env({}))!;
    expect(plan).toEqual({ paths: ['data', 'ckpt'], key: 'train-v1', restoreKeys: ['train-v1-'] });
    const runner = env({ GITHUB_RUN_ID: '99', GITHUB_RUN_ATTEMPT: '2' });
    expect(saveKey(plan, true, undefined, runner)).toBe('train-v1');
    expect(saveKey(plan, true, 'train-v1', runner)).toBeUndefined();
    expect(saveKey(plan, true, 'train-v1-98-1', runner)).toBe('train-v1');
    expect(saveKey(plan, false, 'train-v1', runner)).toBe('train-v1-99-2');
    expect(planCache([], 'x', env({}))).toBeUndefined();
    expect(planCache(['a'], undefined, env({ RUNNER_OS: 'Linux' }))!.key).toMatch(/^mlops-train-Linux-[0-9a-f]{16}$/);
  });
});

describe('small pieces', () => {
  it('BoundedSeries and thin', () => {
    const series = new BoundedSeries<number>(4);
    for (let i = 0; i < 10; i++) series.push(i);
    expect(series.points()).toEqual([0, 4, 8, 9]);
    expect(thin([1, 2, 3, 4, 5], 3)).toEqual([1, 3, 5]);
  });
  it('LineSplitter handles \\r\\n across chunks, lone \\r, and a last line', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((l) => lines.push(l), 8);
    for (const chunk of ['a\r', '\nb\rc\n', 'é'.slice(0, 1), 'xxxxxxxxxxx']) splitter.push(Buffer.from(chunk));
    splitter.end();
    expect(lines).toEqual(['a', 'b', 'c', 'éxxxxxxx', 'xxxx']);
  });
  it('SecretMask masks long values only, longest first', () => {
    const mask = new SecretMask();
    expect(mask.add('abc')).toBe(false);
    mask.add('token-1234');
    mask.add('token-1234-extended');
    expect(mask.apply('a token-1234-extended b token-1234 abc')).toBe('a *** b *** abc');
  });
  it('mermaid labels and fenced output cannot break out', () => {
    expect(mermaidString('a"b\n```')).toBe('"a?b????"');
    expect(metricChart('loss', [{ step: 0, value: 1 }, { step: 5, value: 0.5 }])).toContain('x-axis "step" ["0", "5"]');
    expect(fenced('x\n````\ny')).toBe('`````text\nx\n````\ny\n`````');
  });
});

describe('fork guard', () => {
  const envFor = (eventName: string, payload: unknown, extra: Record<string, string> = {}) => {
    const path = join(scratch(), 'event.json');
    writeFileSync(path, JSON.stringify(payload));
    const values: Record<string, string> = { GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: path, ...extra };
    return (name: string) => values[name];
  };
  const pr = (head: unknown, base = 'octo/ml') => ({ pull_request: { head: { repo: head }, base: { repo: { full_name: base } } } });

  it('detects fork pull requests, deleted forks and workflow_run from a fork', () => {
    expect(detectForkPullRequest(envFor('pull_request', pr({ full_name: 'eve/ml' }))).fork).toBe('eve/ml');
    expect(detectForkPullRequest(envFor('pull_request', pr({ full_name: 'octo/ml' }))).fork).toBeUndefined();
    expect(detectForkPullRequest(envFor('pull_request_target', pr(null))).fork).toBe('(deleted fork)');
    expect(detectForkPullRequest(envFor('workflow_run', { repository: { full_name: 'octo/ml' }, workflow_run: { head_repository: { full_name: 'eve/ml' } } })).fork).toBe('eve/ml');
    expect(detectForkPullRequest(envFor('push', pr({ full_name: 'eve/ml' }))).fork).toBeUndefined();
  });
  it('refuses on self-hosted (or unknown) runners unless allowed', () => {
    const fork = pr({ full_name: 'eve/ml' });
    expect(forkRefusal(envFor('pull_request', fork, { RUNNER_ENVIRONMENT: 'self-hosted' }), false)).toContain('from the fork eve/ml on a self-hosted runner');
    expect(forkRefusal(envFor('pull_request', fork), false)).toContain('RUNNER_ENVIRONMENT is not set');
    expect(forkRefusal(envFor('pull_request', fork, { RUNNER_ENVIRONMENT: 'github-hosted' }), false)).toBeUndefined();
    expect(forkRefusal(envFor('pull_request', fork, { RUNNER_ENVIRONMENT: 'self-hosted' }), true)).toBeUndefined();
  });
});
