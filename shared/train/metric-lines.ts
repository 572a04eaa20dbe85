/**
 * Metric lines a training command prints, collected into series. The grammar:
 *
 *   line   := anything "mlops:metric" (" " pair)+
 *   pair   := name "=" number
 *   name   := [A-Za-z_][A-Za-z0-9_.\/-]*   (at most 64 characters)
 *   number := a finite decimal, e.g. 0.231, -1, 3e-4   (nan / inf are rejected)
 *
 * `mlops:metric` must start the line or follow whitespace (so logger prefixes such as
 * `INFO:root: ` are fine). `step=<integer ≥ 0>` is reserved: it is the x value of every other
 * pair on the line. Without it, a point's step is its position in its series (0, 1, 2, …).
 * Example: `mlops:metric loss=0.231 accuracy=0.94 step=120`.
 */
import { BoundedSeries } from './bounded-series.js';

export const METRIC_TOKEN = 'mlops:metric';

const NAME = /^[A-Za-z_][A-Za-z0-9_./-]{0,63}$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export type MetricPoint = {
  step?: number;
  value: number;
};

export interface ParsedMetricLine {
  values: Record<string, number>;
  step?: number;
  /** Pairs that did not follow the grammar, described for a warning. */
  problems: string[];
}

/** Undefined when the line holds no metric token. */
export function parseMetricLine(line: string): ParsedMetricLine | undefined {
  const at = line.indexOf(METRIC_TOKEN);
  if (at === -1) return undefined;
  if (at > 0 && !/\s/.test(line[at - 1]!)) return undefined;
  const rest = line.slice(at + METRIC_TOKEN.length);
  if (rest !== '' && !/^\s/.test(rest)) return undefined;
  const result: ParsedMetricLine = { values: {}, problems: [] };
  for (const pair of rest.trim().split(/\s+/).filter(Boolean)) {
    const eq = pair.indexOf('=');
    const name = eq === -1 ? pair : pair.slice(0, eq);
    const text = eq === -1 ? '' : pair.slice(eq + 1);
    if (eq === -1 || !NAME.test(name)) {
      result.problems.push(`"${pair.slice(0, 80)}" is not name=value`);
      continue;
    }
    const value = NUMBER.test(text) ? Number(text) : Number.NaN;
    if (!Number.isFinite(value)) {
      result.problems.push(`${name}=${text.slice(0, 40)} is not a finite number`);
      continue;
    }
    if (name === 'step') {
      if (!Number.isInteger(value) || value < 0) result.problems.push(`step=${text} is not an integer >= 0`);
      else result.step = value;
      continue;
    }
    result.values[name] = value;
  }
  if (Object.keys(result.values).length === 0 && result.problems.length === 0) result.problems.push('no name=value pair');
  return result;
}

/** Collects metric series from output lines, bounded in memory however long the run. */
export class MetricCollector {
  private readonly series = new Map<string, BoundedSeries<MetricPoint>>();
  readonly problems: Array<{ line: number; problem: string }> = [];
  problemCount = 0;
  private lineNumber = 0;

  constructor(
    private readonly maxSeries = 100,
    private readonly pointsPerSeries = 1000,
  ) {}

  /** Feeds one output line; returns the problems found on it (for a warning). */
  add(line: string): string[] {
    this.lineNumber++;
    const parsed = parseMetricLine(line);
    if (!parsed) return [];
    const problems = [...parsed.problems];
    for (const [name, value] of Object.entries(parsed.values)) {
      let series = this.series.get(name);
      if (!series) {
        if (this.series.size >= this.maxSeries) {
          problems.push(`more than ${this.maxSeries} metric names; "${name}" is not collected`);
          continue;
        }
        series = new BoundedSeries<MetricPoint>(this.pointsPerSeries);
        this.series.set(name, series);
      }
      series.push(parsed.step === undefined ? { step: series.count, value } : { step: parsed.step, value });
    }
    this.problemCount += problems.length;
    for (const problem of problems) if (this.problems.length < 20) this.problems.push({ line: this.lineNumber, problem });
    return problems;
  }

  /** Every series, by name (sorted), as points with their steps. */
  result(): Record<string, MetricPoint[]> {
    return Object.fromEntries([...this.series.keys()].sort().map((name) => [name, this.series.get(name)!.points()]));
  }

  /** The last value of each series. */
  lastValues(): Record<string, number> {
    return Object.fromEntries([...this.series.entries()].map(([name, s]) => [name, s.last!.value]));
  }
}
