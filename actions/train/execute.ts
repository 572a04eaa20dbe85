/**
 * Runs the training command: output streamed live into the log (and a bounded tail kept for
 * the summary), metric lines collected, GPU telemetry sampled by one nvidia-smi process, and
 * SIGTERM / SIGINT to this process forwarded to the command's whole process tree.
 */
import { startTelemetry } from '../../shared/gpu/telemetry.js';
import type { Host } from '../../shared/host/host.js';
import { OutputTail } from '../../shared/process/output-tail.js';
import { startCommand, type CommandResult } from '../../shared/process/run-command.js';
import type { Cancellation } from '../../shared/process/cancellation.js';
import { MetricCollector } from '../../shared/train/metric-lines.js';
import { TelemetryCollector } from '../../shared/train/telemetry-collector.js';

/** Time a command gets to exit after SIGTERM at its timeout (to write a last checkpoint). */
export const TIMEOUT_GRACE_MS = 10_000;
/**
 * Time a command gets after a forwarded cancellation signal. The runner sends SIGINT, then
 * SIGTERM 7.5 s later, then kills: 5 s leaves time to save the caches.
 */
export const CANCEL_GRACE_MS = 5_000;
/** Metric-line problems shown as warnings; the rest are counted. */
const MAX_METRIC_WARNINGS = 5;

export interface ExecutionInput {
  host: Host;
  command: string;
  cwd: string;
  env: Record<string, string>;
  timeoutMinutes?: number;
  /** Sample these GPUs (indices) every intervalSeconds; no telemetry when undefined. */
  telemetry?: { intervalSeconds: number; devices: string[] };
  /** Requests (forwarded signals) stop the command's whole tree, gracefully. */
  cancellation: Cancellation;
}

export interface Execution {
  result: CommandResult;
  metrics: MetricCollector;
  telemetry: TelemetryCollector;
  telemetryProblem?: string;
  tail: OutputTail;
}

export async function executeTraining(input: ExecutionInput): Promise<Execution> {
  const { host } = input;
  const metrics = new MetricCollector();
  const telemetry = new TelemetryCollector();
  const tail = new OutputTail();
  let warned = 0;

  const sampler = input.telemetry
    ? startTelemetry({ intervalSeconds: input.telemetry.intervalSeconds, devices: input.telemetry.devices, env: input.env, onSample: (sample) => telemetry.add(sample) })
    : undefined;

  const running = startCommand({
    command: input.command,
    cwd: input.cwd,
    env: input.env,
    timeoutMs: input.timeoutMinutes === undefined ? undefined : input.timeoutMinutes * 60_000,
    graceMs: TIMEOUT_GRACE_MS,
    onLine(line) {
      host.info(line);
      tail.push(line);
      for (const problem of metrics.add(line)) {
        if (warned++ < MAX_METRIC_WARNINGS) host.warning(`ignored part of a metric line: ${problem} (the grammar is in docs/train.md)`);
      }
    },
    onStopping(reason, signal, graceMs) {
      const how = `${signal} to the command's process group, SIGKILL after ${graceMs / 1000} s`;
      if (reason === 'timeout') host.warning(`timeout-minutes (${input.timeoutMinutes}) reached: stopping the command (${how})`);
      else if (reason === 'cancelled') host.warning(`this step received ${signal}: stopping the command (${how}), then saving caches`);
      else host.warning(`the command exited but left processes running in its process group: stopping them (${how})`);
    },
  });

  const unsubscribe = input.cancellation.subscribe((signal) => running.stop(signal, CANCEL_GRACE_MS));
  if (input.cancellation.signal) running.stop(input.cancellation.signal, CANCEL_GRACE_MS);
  try {
    const result = await running.done;
    const telemetryProblem = sampler ? await sampler.stop() : undefined;
    if (warned > MAX_METRIC_WARNINGS) host.warning(`${warned - MAX_METRIC_WARNINGS} more metric-line problems were not shown`);
    return { result, metrics, telemetry, tail, ...(telemetryProblem ? { telemetryProblem } : {}) };
  } finally {
    unsubscribe();
  }
}
