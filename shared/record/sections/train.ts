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

export const TrainRecord = z.looseObject({
  command: z.string(),
  working_directory: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  environment: z.looseObject({
    runner: z.string().optional(),
    os: z.string().optional(),
    arch: z.string().optional(),
    labels: z.array(z.string()).optional(),
    cpu: z.string().optional(),
    cpus: z.number().optional(),
    memory_mb: z.number().optional(),
    gpus: z.array(GpuInfo).default([]),
    python: z.string().optional(),
    frameworks: z.record(z.string(), z.string()).optional(),
    git: z.looseObject({ commit: z.string().optional(), dirty: z.boolean().optional() }).optional(),
  }),
  started_at: Timestamp,
  duration_seconds: z.number().nonnegative(),
  exit_code: z.number().int(),
  metrics: MetricMap.default({}),
  series: z.record(z.string(), z.array(z.looseObject({ step: z.number().optional(), value: z.number() }))).optional(),
  model: z.looseObject({ path: z.string(), sha256: Sha256, bytes: z.number().int().nonnegative() }).optional(),
});
