/**
 * GPU telemetry while a command runs: ONE long-running `nvidia-smi --query-gpu=... -lms <ms>`
 * process that prints a line per GPU per interval (not a process spawned per sample, which
 * would cost far more than the sampling itself). Lines are parsed as they arrive.
 */
import { LineSplitter } from '../process/line-splitter.js';
import { numberField, splitCsvLine, textField } from './nvidia-smi-fields.js';
import { childProcess } from '../node/builtins.js';

export const TELEMETRY_FIELDS = 'timestamp,index,utilization.gpu,memory.used,power.draw,temperature.gpu';

export interface TelemetrySample {
  /** Seconds since the sampler started, by this process's monotonic clock. */
  elapsedSeconds: number;
  index: number;
  utilizationPercent?: number;
  memoryUsedMb?: number;
  powerWatts?: number;
  temperatureC?: number;
}

export interface TelemetryOptions {
  intervalSeconds: number;
  /** GPU indices or UUIDs to sample (nvidia-smi -i); all when empty. */
  devices: string[];
  env: Record<string, string>;
  onSample: (sample: TelemetrySample) => void;
}

export interface TelemetrySampler {
  /** Stops the sampler; resolves with a reason when it failed on its own, else undefined. */
  stop(): Promise<string | undefined>;
}

export function telemetryArgs(intervalSeconds: number, devices: string[]): string[] {
  const args = [`--query-gpu=${TELEMETRY_FIELDS}`, '--format=csv,noheader,nounits', `-lms`, String(Math.max(1, Math.round(intervalSeconds * 1000)))];
  if (devices.length) args.push('-i', devices.join(','));
  return args;
}

/** Parses one line; undefined for a line that is not a sample (a header, an error message). */
export function parseTelemetryLine(line: string, elapsedSeconds: number): TelemetrySample | undefined {
  const fields = splitCsvLine(line);
  if (fields.length !== 6 || !textField(fields[0])) return undefined;
  const index = numberField(fields[1]);
  if (index === undefined || !Number.isInteger(index)) return undefined;
  const sample: TelemetrySample = { elapsedSeconds, index };
  const utilization = numberField(fields[2]);
  if (utilization !== undefined) sample.utilizationPercent = utilization;
  const memory = numberField(fields[3]);
  if (memory !== undefined) sample.memoryUsedMb = memory;
  const power = numberField(fields[4]);
  if (power !== undefined) sample.powerWatts = power;
  const temperature = numberField(fields[5]);
  if (temperature !== undefined) sample.temperatureC = temperature;
  return sample;
}

export function startTelemetry(options: TelemetryOptions): TelemetrySampler {
  const started = performance.now();
  const child = childProcess().spawn('nvidia-smi', telemetryArgs(options.intervalSeconds, options.devices), {
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stopping = false;
  let failure: string | undefined;
  const errors: string[] = [];
  const splitter = new LineSplitter((line) => {
    const sample = parseTelemetryLine(line, (performance.now() - started) / 1000);
    if (sample) options.onSample(sample);
    else if (line.trim() && errors.length < 3) errors.push(line.trim());
  });
  const stderr = new LineSplitter((line) => {
    if (line.trim() && errors.length < 3) errors.push(line.trim());
  });
  child.stdout.on('data', (chunk: Buffer) => splitter.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const closed = new Promise<void>((resolve) => {
    child.on('error', (error) => {
      failure = error.message;
      resolve();
    });
    child.on('close', (code, signal) => {
      splitter.end();
      stderr.end();
      if (!stopping && !failure) failure = `nvidia-smi exited early (${signal ?? `exit code ${code}`})${errors.length ? `: ${errors.join(' | ')}` : ''}`;
      resolve();
    });
  });
  return {
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 2000).unref();
      }
      await closed;
      return failure;
    },
  };
}
