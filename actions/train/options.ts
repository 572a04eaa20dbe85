/** The train stage's inputs, all parsed and checked before anything runs. */
import { UserError } from '../../shared/errors/user-error.js';
import { parseGpuSelection, type GpuSelection } from '../../shared/gpu/visible-devices.js';
import type { Host } from '../../shared/host/host.js';
import { booleanInput, listInput, numberInput, optionalInput, requiredInput } from '../../shared/host/inputs.js';
import { parseEnvLines, type EnvLine } from '../../shared/process/env-lines.js';
import { DEFAULT_RECORD_PATH } from '../../shared/record/record.js';

export const DEFAULT_METRICS_PATH = 'metrics.json';

export interface TrainOptions {
  command: string;
  workingDirectory: string;
  env: EnvLine[];
  /** Paths relative to the working directory. */
  model: string;
  metrics: string;
  /** `metrics` was given (a missing file is then an error, not a warning). */
  metricsExplicit: boolean;
  params?: string;
  timeoutMinutes?: number;
  requireGpu: boolean;
  gpus: GpuSelection;
  /** 0 turns telemetry off. */
  telemetryIntervalSeconds: number;
  cachePaths: string[];
  cacheKey?: string;
  artifactName?: string;
  allowFork: boolean;
  /** Relative to the workspace, like every stage's record. */
  record: string;
}

export function readTrainOptions(host: Host): TrainOptions {
  const command = requiredInput(host, 'command');
  const timeoutMinutes = numberInput(host, 'timeout-minutes', { min: 0 });
  if (timeoutMinutes !== undefined && timeoutMinutes <= 0) {
    throw new UserError('input "timeout-minutes" must be greater than 0', { where: { key: 'timeout-minutes' }, hint: 'Leave it empty for no limit; fractions are allowed (0.5 = 30 s).' });
  }
  const interval = numberInput(host, 'telemetry-interval', { min: 0 }) ?? 5;
  if (interval > 0 && interval < 0.1) {
    throw new UserError(`input "telemetry-interval" is ${interval}, expected 0 (off) or at least 0.1 seconds`, { where: { key: 'telemetry-interval' } });
  }
  const metrics = optionalInput(host, 'metrics') ?? DEFAULT_METRICS_PATH;
  const cacheKey = optionalInput(host, 'cache-key');
  const cachePaths = listInput(host, 'cache-paths');
  if (cacheKey && !cachePaths.length) {
    throw new UserError('input "cache-key" is set but "cache-paths" is empty', { where: { key: 'cache-paths' }, hint: 'List the directories to cache (datasets, pip cache, checkpoints), one per line.' });
  }
  return {
    command,
    workingDirectory: optionalInput(host, 'working-directory') ?? '.',
    env: parseEnvLines(host.input('env')),
    model: requiredInput(host, 'model'),
    metrics,
    metricsExplicit: metrics !== DEFAULT_METRICS_PATH,
    params: optionalInput(host, 'params'),
    timeoutMinutes,
    requireGpu: booleanInput(host, 'require-gpu', false),
    gpus: parseGpuSelection(host.input('gpus')),
    telemetryIntervalSeconds: interval,
    cachePaths,
    cacheKey,
    artifactName: optionalInput(host, 'artifact-name'),
    allowFork: booleanInput(host, 'allow-fork', false),
    record: optionalInput(host, 'record') ?? DEFAULT_RECORD_PATH,
  };
}
