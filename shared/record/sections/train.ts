import { z } from 'zod';
import { MetricMap, Sha256, Timestamp } from './common.js';

export const GpuInfo = z.looseObject({
  index: z.number().int().optional(),
  name: z.string(),
  memory_mb: z.number().optional(),
  driver: z.string().optional(),
  cuda: z.string().optional(),
  uuid: z.string().optional(),
});

/** Per-GPU telemetry sampled while the command ran (nvidia-smi), with a bounded series. */
export const GpuTelemetryRecord = z.looseObject({
  index: z.number().int(),
  samples: z.number().int().nonnegative(),
  utilization_mean: z.number().optional(),
  utilization_max: z.number().optional(),
  memory_used_max_mb: z.number().optional(),
  power_mean_w: z.number().optional(),
  power_max_w: z.number().optional(),
  temperature_max_c: z.number().optional(),
  series: z
    .array(
      z.looseObject({
        t: z.number().describe('seconds since the sampler started'),
        utilization: z.number().optional(),
        memory_used_mb: z.number().optional(),
        power_w: z.number().optional(),
        temperature_c: z.number().optional(),
      }),
    )
    .optional(),
});

export const TrainRecord = z.looseObject({
  command: z.string(),
  working_directory: z.string().optional(),
  /** How the run ended; absent in records written before the train stage recorded it. */
  status: z.enum(['succeeded', 'failed', 'timed_out', 'cancelled']).optional(),
  /** Why the stage failed, when it did. */
  failure: z.string().optional(),
  timeout_minutes: z.number().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  params_path: z.string().optional(),
  metrics_path: z.string().optional(),
  environment: z.looseObject({
    runner: z.string().optional(),
    runner_environment: z.string().optional(),
    os: z.string().optional(),
    arch: z.string().optional(),
    labels: z.array(z.string()).optional(),
    cpu: z.string().optional(),
    cpus: z.number().optional(),
    memory_mb: z.number().optional(),
    gpus: z.array(GpuInfo).default([]),
    cuda_visible_devices: z.string().optional(),
    python: z.string().optional(),
    frameworks: z.record(z.string(), z.string()).optional(),
    git: z.looseObject({ commit: z.string().optional(), dirty: z.boolean().optional() }).optional(),
  }),
  started_at: Timestamp,
  duration_seconds: z.number().nonnegative(),
  exit_code: z.number().int(),
  metrics: MetricMap.default({}),
  series: z.record(z.string(), z.array(z.looseObject({ step: z.number().optional(), value: z.number() }))).optional(),
  telemetry: z
    .looseObject({
      interval_seconds: z.number().positive(),
      gpus: z.array(GpuTelemetryRecord),
      problem: z.string().optional(),
    })
    .optional(),
  model: z.looseObject({ path: z.string(), sha256: Sha256, bytes: z.number().int().nonnegative() }).optional(),
});
