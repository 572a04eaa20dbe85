/** GPU telemetry samples folded into per-GPU statistics and bounded series for the record. */
import type { TelemetrySample } from '../gpu/telemetry.js';
import { BoundedSeries } from './bounded-series.js';

export type GpuTelemetryPoint = {
  t: number;
  utilization?: number;
  memory_used_mb?: number;
  power_w?: number;
  temperature_c?: number;
};

export type GpuTelemetry = {
  index: number;
  samples: number;
  utilization_mean?: number;
  utilization_max?: number;
  memory_used_max_mb?: number;
  power_mean_w?: number;
  power_max_w?: number;
  temperature_max_c?: number;
  series: GpuTelemetryPoint[];
};

class Stat {
  sum = 0;
  n = 0;
  max = -Infinity;
  add(value: number | undefined) {
    if (value === undefined) return;
    this.sum += value;
    this.n++;
    if (value > this.max) this.max = value;
  }
  get mean() {
    return this.n ? round(this.sum / this.n) : undefined;
  }
  get maximum() {
    return this.n ? this.max : undefined;
  }
}

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

interface PerGpu {
  samples: number;
  utilization: Stat;
  memory: Stat;
  power: Stat;
  temperature: Stat;
  series: BoundedSeries<GpuTelemetryPoint>;
}

export class TelemetryCollector {
  private readonly gpus = new Map<number, PerGpu>();

  constructor(private readonly pointsPerGpu = 500) {}

  add(sample: TelemetrySample): void {
    let gpu = this.gpus.get(sample.index);
    if (!gpu) {
      gpu = { samples: 0, utilization: new Stat(), memory: new Stat(), power: new Stat(), temperature: new Stat(), series: new BoundedSeries(this.pointsPerGpu) };
      this.gpus.set(sample.index, gpu);
    }
    gpu.samples++;
    gpu.utilization.add(sample.utilizationPercent);
    gpu.memory.add(sample.memoryUsedMb);
    gpu.power.add(sample.powerWatts);
    gpu.temperature.add(sample.temperatureC);
    const point: GpuTelemetryPoint = { t: round(sample.elapsedSeconds, 3) };
    if (sample.utilizationPercent !== undefined) point.utilization = sample.utilizationPercent;
    if (sample.memoryUsedMb !== undefined) point.memory_used_mb = sample.memoryUsedMb;
    if (sample.powerWatts !== undefined) point.power_w = sample.powerWatts;
    if (sample.temperatureC !== undefined) point.temperature_c = sample.temperatureC;
    gpu.series.push(point);
  }

  get sampleCount(): number {
    let n = 0;
    for (const gpu of this.gpus.values()) n += gpu.samples;
    return n;
  }

  result(): GpuTelemetry[] {
    return [...this.gpus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, gpu]) => {
        const summary: GpuTelemetry = { index, samples: gpu.samples, series: gpu.series.points() };
        if (gpu.utilization.mean !== undefined) summary.utilization_mean = gpu.utilization.mean;
        if (gpu.utilization.maximum !== undefined) summary.utilization_max = gpu.utilization.maximum;
        if (gpu.memory.maximum !== undefined) summary.memory_used_max_mb = gpu.memory.maximum;
        if (gpu.power.mean !== undefined) summary.power_mean_w = gpu.power.mean;
        if (gpu.power.maximum !== undefined) summary.power_max_w = gpu.power.maximum;
        if (gpu.temperature.maximum !== undefined) summary.temperature_max_c = gpu.temperature.maximum;
        return summary;
      });
  }
}
