import * as z from 'zod/mini';
import '../../zod/setup.js';
import { MetricMap, Sha256, Timestamp } from './common.js';

export const GpuInfo = z.looseObject({
  index: z.optional(z.number().check(z.int())),
  name: z.string(),
  memory_mb: z.optional(z.number()),
  driver: z.optional(z.string()),
  cuda: z.optional(z.string()),
  uuid: z.optional(z.string()),
});

/** Per-GPU telemetry sampled while the command ran (nvidia-smi), with a bounded series. */
export const GpuTelemetryRecord = z.looseObject({
  index: z.number().check(z.int()),
  samples: z.number().check(z.int(), z.gte(0)),
  utilization_mean: z.optional(z.number()),
  utilization_max: z.optional(z.number()),
  memory_used_max_mb: z.optional(z.number()),
  power_mean_w: z.optional(z.number()),
  power_max_w: z.optional(z.number()),
  temperature_max_c: z.optional(z.number()),
  series: z.optional(z.array(z.looseObject({
    t: z.number().check(z.describe('seconds since the sampler started')),
    utilization: z.optional(z.number()),
    memory_used_mb: z.optional(z.number()),
    power_w: z.optional(z.number()),
    temperature_c: z.optional(z.number()),
  }))),
});

export const TrainRecord = z.looseObject({
  command: z.string(),
  working_directory: z.optional(z.string()),
  /** How the run ended; absent in records written before the train stage recorded it. */
  status: z.optional(z.enum(['succeeded', 'failed', 'timed_out', 'cancelled'])),
  /** Why the stage failed, when it did. */
  failure: z.optional(z.string()),
  timeout_minutes: z.optional(z.number()),
  params: z.optional(z.record(z.string(), z.unknown())),
  params_path: z.optional(z.string()),
  metrics_path: z.optional(z.string()),
  environment: z.looseObject({
    runner: z.optional(z.string()),
    runner_environment: z.optional(z.string()),
    os: z.optional(z.string()),
    arch: z.optional(z.string()),
    labels: z.optional(z.array(z.string())),
    cpu: z.optional(z.string()),
    cpus: z.optional(z.number()),
    memory_mb: z.optional(z.number()),
    gpus: z._default(z.array(GpuInfo), []),
    cuda_visible_devices: z.optional(z.string()),
    python: z.optional(z.string()),
    frameworks: z.optional(z.record(z.string(), z.string())),
    git: z.optional(z.looseObject({ commit: z.optional(z.string()), dirty: z.optional(z.boolean()) })),
  }),
  started_at: Timestamp,
  duration_seconds: z.number().check(z.gte(0)),
  exit_code: z.number().check(z.int()),
  metrics: z._default(MetricMap, {}),
  series: z.optional(z.record(z.string(), z.array(z.looseObject({ step: z.optional(z.number()), value: z.number() })))),
  telemetry: z.optional(z.looseObject({
    interval_seconds: z.number().check(z.gt(0)),
    gpus: z.array(GpuTelemetryRecord),
    problem: z.optional(z.string()),
  })),
  model: z.optional(z.looseObject({ path: z.string(), sha256: Sha256, bytes: z.number().check(z.int(), z.gte(0)) })),
});
