/**
 * The train stage's job summary: outcome, duration, model, runner, a GPU table with telemetry,
 * final metrics, mermaid charts of the metric series and GPU utilisation, and on failure the
 * tail of the output. Everything from the user or the command is escaped; the output tail is
 * masked and fenced so it cannot break out of its block.
 */
import type * as z from 'zod/mini';
import { code, escapeCell, escapeText, formatNumber, table } from '../report/markdown.js';
import type { TrainRecord } from '../record/sections/train.js';
import { metricChart, utilisationChart } from './charts.js';

export type TrainSection = z.input<typeof TrainRecord>;

/** At most this many metric charts; the rest are listed. */
export const MAX_METRIC_CHARTS = 8;

const STATUS_TEXT: Record<string, string> = {
  succeeded: '✅ succeeded',
  failed: '❌ failed',
  timed_out: '⏱️ timed out',
  cancelled: '🛑 cancelled',
};

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${formatNumber(seconds, 3)} s`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round(seconds % 60);
  return h ? `${h} h ${m} min ${s} s` : `${m} min ${s} s`;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit ? formatNumber(value, 3) : value} ${units[unit]}`;
}

/** A fenced block whose fence is longer than any backtick run inside. */
export function fenced(text: string, info = 'text'): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${text}\n${fence}`;
}

export function renderTrainSummary(section: TrainSection, extra: { outputTail?: string; artifactId?: number } = {}): string {
  const status = section.status ?? (section.exit_code === 0 ? 'succeeded' : 'failed');
  const env = section.environment;
  const parts: string[] = [`## Train — ${STATUS_TEXT[status] ?? status}`];
  if (section.failure) parts.push(`> ${escapeText(section.failure).replace(/\n/g, '\n> ')}`);

  const facts: string[][] = [
    ['command', code(section.command)],
    ['duration', formatDuration(section.duration_seconds)],
    ['exit code', String(section.exit_code)],
  ];
  if (section.working_directory && section.working_directory !== '.') facts.push(['working directory', code(section.working_directory)]);
  if (section.model) facts.push(['model', `${code(section.model.path)} · ${formatBytes(section.model.bytes)} · sha256 ${code(section.model.sha256)}`]);
  const runner = [env.runner, env.runner_environment, env.os].filter(Boolean).map((v) => escapeCell(String(v))).join(' · ');
  if (runner) facts.push(['runner', runner]);
  const machine = [env.cpu && escapeCell(env.cpu), env.cpus !== undefined && `${env.cpus} CPUs`, env.memory_mb !== undefined && `${formatBytes(env.memory_mb * 2 ** 20)} memory`].filter(Boolean);
  if (machine.length) facts.push(['machine', machine.join(' · ')]);
  const software = [
    ...(typeof env.runtime === 'string' && env.runtime ? [escapeCell(env.runtime)] : []),
    ...(env.python ? [`Python ${escapeCell(env.python)}`, ...Object.entries(env.frameworks ?? {}).map(([n, v]) => `${escapeCell(n)} ${escapeCell(v)}`)] : []),
  ];
  if (software.length) facts.push(['software', software.join(' · ')]);
  if (env.git?.commit) facts.push(['git', `${code(env.git.commit.slice(0, 12))}${env.git.dirty ? ' (uncommitted changes)' : ''}`]);
  if (extra.artifactId !== undefined) facts.push(['artifact', `id ${extra.artifactId}`]);
  parts.push(table(['', ''], facts, ['l', 'l']));

  const gpus = env.gpus ?? [];
  const telemetry = section.telemetry?.gpus ?? [];
  if (gpus.length) {
    const rows = gpus.map((gpu) => {
      const t = telemetry.find((g) => g.index === gpu.index);
      return [
        String(gpu.index ?? ''),
        escapeCell(gpu.name),
        gpu.memory_mb !== undefined ? formatBytes(gpu.memory_mb * 2 ** 20) : '—',
        escapeCell(gpu.driver ?? '—'),
        escapeCell(gpu.cuda ?? '—'),
        t?.utilization_mean !== undefined ? `${formatNumber(t.utilization_mean, 3)} %` : '—',
        t?.utilization_max !== undefined ? `${formatNumber(t.utilization_max, 3)} %` : '—',
        t?.memory_used_max_mb !== undefined ? formatBytes(t.memory_used_max_mb * 2 ** 20) : '—',
        t?.power_mean_w !== undefined ? `${formatNumber(t.power_mean_w, 3)} W` : '—',
        t?.temperature_max_c !== undefined ? `${formatNumber(t.temperature_max_c, 3)} °C` : '—',
      ];
    });
    parts.push('### GPUs', table(['#', 'GPU', 'memory', 'driver', 'CUDA', 'util. mean', 'util. max', 'memory peak', 'power mean', 'temp. max'], rows, ['r', 'l', 'r', 'l', 'l', 'r', 'r', 'r', 'r', 'r']));
    if (section.telemetry?.problem) parts.push(`Telemetry: ${escapeText(section.telemetry.problem)}`);
  } else {
    parts.push('### GPUs', 'No GPU was visible to the command.');
  }

  const metrics = Object.entries(section.metrics ?? {});
  if (metrics.length) {
    parts.push('### Final metrics', table(['metric', 'value'], metrics.map(([name, value]) => [escapeCell(name), formatNumber(value, 6)]), ['l', 'r']));
  }

  const series = Object.entries(section.series ?? {}).filter(([, points]) => points.length > 1);
  if (series.length) {
    parts.push('### Metric series');
    for (const [name, points] of series.slice(0, MAX_METRIC_CHARTS)) parts.push(metricChart(name, points));
    if (series.length > MAX_METRIC_CHARTS) parts.push(`Not charted: ${series.slice(MAX_METRIC_CHARTS).map(([n]) => code(n)).join(', ')} (the run record has every series).`);
  }

  const utilisation = utilisationChart(telemetry.map((g) => ({ index: g.index, series: g.series ?? [] })));
  if (utilisation) parts.push('### GPU utilisation', utilisation);

  if (extra.outputTail) parts.push('### Last lines of output', fenced(extra.outputTail));
  return `${parts.join('\n\n')}\n`;
}
