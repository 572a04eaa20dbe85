/**
 * The Prometheus text exposition format (what `mlops serve` answers on /metrics), parsed into
 * samples, and the histogram and counter views the canary analysis needs. Two scrapes are
 * differenced series by series to get what happened in between (a bake window).
 */
import { UserError } from '../errors/user-error.js';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The most text a scrape may hold before it is refused (the server's is a few KiB per version). */
export const MAX_SCRAPE_BYTES = 8 * 1024 * 1024;

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?[0-9]+)?$/;
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?/y;

export function parseMetrics(text: string, source = '/metrics'): Sample[] {
  if (text.length > MAX_SCRAPE_BYTES) throw new UserError(`${source} is ${text.length} bytes, over the ${MAX_SCRAPE_BYTES}-byte cap`);
  const samples: Sample[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line || line.startsWith('#')) continue;
    const match = SAMPLE.exec(line);
    if (!match) throw new UserError(`${source} line ${i + 1} is not a Prometheus sample`, { hint: 'Is the URL an `mlops serve` instance?' });
    samples.push({ name: match[1]!, labels: parseLabels(match[2] ?? '', source, i + 1), value: parseValue(match[3]!) });
  }
  return samples;
}

function parseLabels(text: string, source: string, line: number): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const start = LABEL.lastIndex;
    const match = LABEL.exec(text);
    if (!match) {
      if (text.slice(start).trim() === '') break;
      throw new UserError(`${source} line ${line}: bad label set`);
    }
    labels[match[1]!] = match[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
  }
  return labels;
}

function parseValue(text: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}

function matches(sample: Sample, labels: Record<string, string>): boolean {
  for (const [key, value] of Object.entries(labels)) if (sample.labels[key] !== value) return false;
  return true;
}

/** The sum of a counter's samples whose labels match (and pass `keep`). */
export function counterTotal(samples: readonly Sample[], name: string, labels: Record<string, string>, keep: (labels: Record<string, string>) => boolean = () => true): number {
  let total = 0;
  for (const sample of samples) if (sample.name === name && matches(sample, labels) && keep(sample.labels)) total += sample.value;
  return total;
}

/** A histogram as upper bounds and per-bucket (not cumulative) counts; the last bound is +Inf. */
export interface Histogram {
  bounds: number[];
  counts: number[];
}

/** The histogram `name` for the matching labels, from its cumulative `_bucket` series; empty when absent. */
export function histogram(samples: readonly Sample[], name: string, labels: Record<string, string>): Histogram {
  const cumulative = new Map<number, number>();
  for (const sample of samples) {
    if (sample.name !== `${name}_bucket` || !matches(sample, labels)) continue;
    const le = parseValue(sample.labels.le ?? '');
    if (Number.isNaN(le)) continue;
    cumulative.set(le, (cumulative.get(le) ?? 0) + sample.value);
  }
  const bounds = [...cumulative.keys()].sort((a, b) => a - b);
  const counts: number[] = [];
  let previous = 0;
  for (const bound of bounds) {
    const value = cumulative.get(bound)!;
    counts.push(Math.max(0, value - previous));
    previous = value;
  }
  return { bounds, counts };
}

export function histogramTotal(h: Histogram): number {
  return h.counts.reduce((sum, c) => sum + c, 0);
}

/** Labels every sample of one server's scrape with the process that answered (its mlops_serve_instance_info), so windows tell processes apart. */
export function withInstance(samples: Sample[], infoName: string): Sample[] {
  const instance = samples.find((s) => s.name === infoName)?.labels.instance_id;
  if (instance === undefined) return samples;
  return samples.map((s) => ({ ...s, labels: { ...s.labels, instance } }));
}

export interface WindowSamples {
  /** Per series (name and labels): after − before, or after where the counter was reset in between. */
  samples: Sample[];
  /** Series present before and missing after: their process stopped reporting (restarted, replaced, another replica answered). */
  vanished: number;
}

/**
 * What happened between two snapshots of counters, series by series: after − before, or `after`
 * where a series went down (a restarted process counts again from 0: Prometheus's reset rule).
 * Only series passing `keep` are compared.
 */
export function windowSamples(before: readonly Sample[], after: readonly Sample[], keep: (sample: Sample) => boolean): WindowSamples {
  const earlier = new Map<string, number>();
  for (const sample of before) if (keep(sample)) earlier.set(seriesKey(sample), sample.value);
  const samples: Sample[] = [];
  const seen = new Set<string>();
  for (const sample of after) {
    if (!keep(sample)) continue;
    const key = seriesKey(sample);
    seen.add(key);
    const start = earlier.get(key) ?? 0;
    samples.push({ ...sample, value: sample.value >= start ? sample.value - start : sample.value });
  }
  let vanished = 0;
  for (const key of earlier.keys()) if (!seen.has(key)) vanished++;
  return { samples, vanished };
}

function seriesKey(sample: Sample): string {
  return JSON.stringify([sample.name, ...Object.entries(sample.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
}
