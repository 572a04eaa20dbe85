/**
 * train: runs the user's training command on this runner, with a fork-PR guard, GPU checks,
 * environment capture, live output, metric series, GPU telemetry, caches, the model's hash,
 * the run record's `train` section, an artifact and a job summary. The step exits with the
 * command's exit code.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { UserError, isUserError } from '../../shared/errors/user-error.js';
import { readGpuInventory } from '../../shared/gpu/inventory.js';
import { resolveVisibleDevices } from '../../shared/gpu/visible-devices.js';
import type { Host } from '../../shared/host/host.js';
import { Cancellation } from '../../shared/process/cancellation.js';
import { childEnvironment } from '../../shared/process/child-environment.js';
import type { CommandResult } from '../../shared/process/run-command.js';
import { SecretMask } from '../../shared/process/secret-mask.js';
import { onTerminationSignals } from '../../shared/process/termination-signals.js';
import { runContext } from '../../shared/record/context.js';
import { compareSnapshots } from '../../shared/record/integrity.js';
import { appendSection, readSnapshot } from '../../shared/record/record.js';
import { escapeText } from '../../shared/report/markdown.js';
import type { Stage } from '../../shared/stage/definition.js';
import { planCache } from '../../shared/train/cache-plan.js';
import { captureEnvironment, type TrainEnvironment } from '../../shared/train/environment.js';
import { detectForkPullRequest, forkRefusal } from '../../shared/train/fork-guard.js';
import { readMetricsFile } from '../../shared/train/metrics-file.js';
import { describeModelFile, type ModelFacts } from '../../shared/train/model-file.js';
import { readParamsFile } from '../../shared/train/params-file.js';
import { renderTrainSummary, type TrainSection } from '../../shared/train/summary.js';
import { restoreTrainingCache, saveTrainingCache } from './caches.js';
import { executeTraining, TIMEOUT_GRACE_MS, type Execution } from './execute.js';
import { readTrainOptions, type TrainOptions } from './options.js';

type Status = 'succeeded' | 'failed' | 'timed_out' | 'cancelled';

export const trainStage: Stage<TrainOptions> = {
  name: 'train',
  readOptions: readTrainOptions,

  async run(options, host) {
    // Before anything else: nothing of a fork's pull request runs on a self-hosted runner.
    const refusal = forkRefusal((name) => host.env(name), options.allowFork);
    if (refusal) {
      await host.appendSummary(`## Train — 🚫 refused\n\n${escapeText(refusal)}\n`);
      return { outputs: {}, failure: refusal };
    }
    const check = detectForkPullRequest((name) => host.env(name));
    if (check.fork) host.warning(`running the training command for a pull request from the fork ${check.fork} because allow-fork is true`);
    else if (check.unknown && options.allowFork) host.warning(`running the training command although the event cannot be trusted (${check.unknown}) because allow-fork is true`);

    const mask = new SecretMask();
    for (const { key, value } of options.env) {
      if (mask.add(value)) host.setSecret(value);
      else if (value) host.info(`env: the value of ${key} is shorter than 4 characters and is not masked in logs`);
    }

    const cwd = resolve(host.cwd, options.workingDirectory);
    if (!existsSync(cwd) || !statSync(cwd).isDirectory()) {
      throw new UserError('working directory does not exist', { where: { file: options.workingDirectory, key: 'working-directory' } });
    }
    const commandEnv = childEnvironment(Object.fromEntries(options.env.map(({ key, value }) => [key, value])));

    const inventory = await readGpuInventory(commandEnv);
    const visible = resolveVisibleDevices(options.gpus, inventory.gpus, commandEnv.CUDA_VISIBLE_DEVICES);
    if (options.requireGpu && !visible.gpus.length) {
      throw new UserError(`no GPU is visible (${inventory.unavailable ?? `CUDA_VISIBLE_DEVICES=${commandEnv.CUDA_VISIBLE_DEVICES ?? ''} hides every GPU`}); nothing was run`, {
        where: { key: 'require-gpu' },
        hint: 'Run the job on a GPU runner (e.g. `runs-on: [self-hosted, gpu]`), check the driver with `nvidia-smi`, or set `require-gpu: false` to allow training on CPU',
      });
    }
    if (visible.warning) host.warning(visible.warning);
    if (visible.cudaVisibleDevices !== undefined) commandEnv.CUDA_VISIBLE_DEVICES = visible.cudaVisibleDevices;

    const environment = await host.group('Environment', async () => {
      const captured = await captureEnvironment({
        env: (name) => host.env(name),
        commandEnv,
        cwd,
        command: options.command,
        gpus: visible.gpus,
        cuda: inventory.cuda,
        cudaVisibleDevices: commandEnv.CUDA_VISIBLE_DEVICES,
      });
      logEnvironment(host, captured, inventory.unavailable);
      return captured;
    });

    const cancellation = new Cancellation();
    const disposeSignals = onTerminationSignals((signal) => cancellation.request(signal));
    try {
      const cache = planCache(options.cachePaths, options.cacheKey, (name) => host.env(name));
      const restoredKey = cache ? await host.group('Restore cache', () => restoreTrainingCache(host, cache)) : undefined;

      // The user's command can write anywhere in the workspace: what it does to the run record is flagged.
      const recordBefore = await readSnapshot(resolve(host.cwd, options.record), options.record);
      const execution = await host.group(`Training: ${firstLine(options.command)}`, () => {
        host.info(`$ ${options.command}`);
        return executeTraining({
          host,
          command: options.command,
          cwd,
          env: commandEnv,
          timeoutMinutes: options.timeoutMinutes,
          telemetry: options.telemetryIntervalSeconds > 0 && visible.gpus.length ? { intervalSeconds: options.telemetryIntervalSeconds, devices: visible.gpus.map((g) => String(g.index)) } : undefined,
          cancellation,
        });
      });
      let status = commandStatus(execution.result);
      const failures: string[] = status === 'succeeded' ? [] : [commandFailure(execution.result, options)];

      if (cache) await host.group('Save cache', () => saveTrainingCache(host, cache, status === 'succeeded', restoredKey));

      const display = (file: string) => displayPath(host.cwd, file);
      const modelFile = resolve(cwd, options.model);
      const metricsFile = resolve(cwd, options.metrics);
      const paramsFile = options.params ? resolve(cwd, options.params) : undefined;
      const collect = async <T>(read: () => Promise<T>): Promise<T | undefined> => {
        try {
          return await read();
        } catch (error) {
          if (!isUserError(error)) throw error;
          failures.push(error.format());
          return undefined;
        }
      };

      let model: ModelFacts | undefined;
      let metrics: Record<string, number> = {};
      let params: Record<string, unknown> | undefined;
      if (status === 'succeeded') {
        model = await collect(() => describeModelFile(modelFile, display(modelFile)));
        if (!options.metricsExplicit && !existsSync(metricsFile)) {
          metrics = execution.metrics.lastValues();
          host.warning(`no metrics file at ${display(metricsFile)}: ${Object.keys(metrics).length ? 'the final metrics are the last mlops:metric values' : 'no final metrics recorded'}`);
        } else {
          metrics = (await collect(() => readMetricsFile(metricsFile, display(metricsFile)))) ?? {};
        }
        if (paramsFile) params = await collect(() => readParamsFile(paramsFile, display(paramsFile)));
        if (failures.length) status = 'failed';
      } else if (paramsFile) {
        params = await readParamsFile(paramsFile, display(paramsFile)).catch(() => undefined);
      }

      const section: TrainSection = {
        command: options.command,
        working_directory: displayPath(host.cwd, cwd) || '.',
        status,
        ...(failures.length ? { failure: failures.join('; ') } : {}),
        ...(options.timeoutMinutes !== undefined ? { timeout_minutes: options.timeoutMinutes } : {}),
        ...(params ? { params, params_path: display(paramsFile!) } : {}),
        metrics_path: display(metricsFile),
        environment,
        started_at: execution.result.startedAt.toISOString(),
        duration_seconds: round(execution.result.durationSeconds, 3),
        exit_code: execution.result.exitCode,
        metrics,
        series: execution.metrics.result(),
        ...telemetrySection(options, execution),
        ...(model ? { model: { path: display(modelFile), sha256: model.sha256, bytes: model.bytes } } : {}),
      };

      const recordFile = resolve(host.cwd, options.record);
      try {
        const context = runContext(host, 'train');
        const rewritten = compareSnapshots(recordBefore, await readSnapshot(recordFile, options.record), 'train', context.at, 'while the training command ran');
        for (const flag of rewritten) host.warning(`run record: the ${flag.section} section was ${flag.why}; flagged in the record`);
        await appendSection(recordFile, 'train', section, context, options.record, rewritten);
        host.info(`run record: train section written to ${options.record}`);
      } catch (error) {
        if (!isUserError(error)) throw error;
        failures.push(`run record not written: ${error.format()}`);
      }

      let artifactId: number | undefined;
      if (options.artifactName) {
        const files = [model ? modelFile : undefined, metricsFile, paramsFile, recordFile].filter((f): f is string => !!f && existsSync(f));
        try {
          if (!files.length) throw new Error('none of the model, metrics, params or run record exists');
          artifactId = (await host.uploadArtifact(options.artifactName, files, commonDirectory(files)))?.id;
        } catch (error) {
          host.warning(`artifact "${options.artifactName}" not uploaded: ${(error as Error).message}`);
        }
      }

      const failed = failures.length > 0;
      await host.appendSummary(renderTrainSummary({ ...section, ...(failures.length ? { failure: failures.join('\n') } : {}) }, {
        ...(failed ? { outputTail: mask.apply(execution.tail.text()) } : {}),
        ...(artifactId !== undefined ? { artifactId } : {}),
      }));

      const outputs: Record<string, string> = {
        'metrics': JSON.stringify(metrics),
        'duration-seconds': String(section.duration_seconds),
        'gpus': visible.gpus.map((g) => g.name).join(', '),
        'exit-code': String(execution.result.exitCode),
      };
      if (model) Object.assign(outputs, { 'model': display(modelFile), 'model-sha256': model.sha256 });
      if (artifactId !== undefined) outputs['artifact-id'] = String(artifactId);
      return { outputs, ...(failed ? { failure: failures.join('; '), exitCode: execution.result.exitCode || 1 } : {}) };
    } finally {
      disposeSignals();
    }
  },
};

function commandStatus(result: CommandResult): Status {
  if (result.timedOut) return 'timed_out';
  if (result.cancelledBy) return 'cancelled';
  return result.exitCode === 0 && !result.spawnError ? 'succeeded' : 'failed';
}

function commandFailure(result: CommandResult, options: TrainOptions): string {
  if (result.spawnError) return `could not start bash: ${result.spawnError}`;
  if (result.timedOut) {
    return `the command ran longer than timeout-minutes (${options.timeoutMinutes}) and was stopped: its whole process tree got SIGTERM, then SIGKILL ${TIMEOUT_GRACE_MS / 1000} s later if still running (exit code ${result.exitCode})`;
  }
  if (result.cancelledBy) return `the run was cancelled (${result.cancelledBy}): the command's process tree was stopped and the caches saved (exit code ${result.exitCode})`;
  if (result.exitCode === 127) return 'the command failed with exit code 127: a program it runs was not found (check the command, the working directory and PATH; the output above names it)';
  if (result.exitCode === 126) return 'the command failed with exit code 126: a program it runs is not executable (chmod +x, or run it through its interpreter)';
  if (result.signal) return `the command was killed by ${result.signal} (exit code ${result.exitCode})`;
  return `the command failed with exit code ${result.exitCode}`;
}

function telemetrySection(options: TrainOptions, execution: Execution): Partial<TrainSection> {
  const gpus = execution.telemetry.result();
  if (!gpus.length && !execution.telemetryProblem) return {};
  return { telemetry: { interval_seconds: options.telemetryIntervalSeconds, gpus, ...(execution.telemetryProblem ? { problem: execution.telemetryProblem } : {}) } };
}

function logEnvironment(host: Host, env: TrainEnvironment, noGpuReason: string | undefined): void {
  if (env.runner) host.info(`runner: ${env.runner}${env.runner_environment ? ` (${env.runner_environment})` : ''}`);
  host.info(`os: ${env.os ?? '?'} · ${env.arch ?? '?'}`);
  host.info(`cpu: ${env.cpu ?? '?'} × ${env.cpus ?? '?'} · memory ${env.memory_mb ?? '?'} MiB`);
  if (env.gpus.length) for (const gpu of env.gpus) host.info(`gpu ${gpu.index}: ${gpu.name} · ${gpu.memory_mb ?? '?'} MiB · driver ${gpu.driver ?? '?'} · CUDA ${gpu.cuda ?? '?'}`);
  else host.info(`gpu: none visible${noGpuReason ? ` (${noGpuReason})` : ''}`);
  if (env.cuda_visible_devices !== undefined) host.info(`CUDA_VISIBLE_DEVICES=${env.cuda_visible_devices}`);
  if (env.runtime) host.info(`runtime: ${env.runtime}`);
  if (env.python) host.info(`python ${env.python}${Object.entries(env.frameworks ?? {}).map(([n, v]) => ` · ${n} ${v}`).join('')}`);
  if (env.git?.commit) host.info(`git ${env.git.commit}${env.git.dirty ? ' (uncommitted changes)' : ''}`);
}

function firstLine(command: string): string {
  const line = command.split('\n')[0]!.trim();
  return line.length > 100 || command.includes('\n') ? `${line.slice(0, 100)} …` : line;
}

/** Relative to the workspace when inside it, else absolute. */
function displayPath(root: string, file: string): string {
  const rel = relative(root, file);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

function commonDirectory(files: string[]): string {
  if (!files.length) return '.';
  let common = dirname(files[0]!);
  for (const file of files.slice(1)) {
    while (!(file.startsWith(common.endsWith(sep) ? common : common + sep))) common = dirname(common);
  }
  return common;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
