/**
 * Pass 2: the distributions of the profile in one more aggregate query: a fine histogram
 * (1 000 equal-width bins between the min and max of pass 1) for numeric, date and timestamp
 * columns, from which quantiles and skew bins are derived; and exact value counts for
 * columns with at most 1 000 distinct values (top values, categorical skew).
 */
import { FINE_BINS, type FineHistogram } from '../profile.js';
import type { DataScan } from '../scan.js';
import type { ColumnStats } from './aggregate.js';
import type { ColumnPlan } from './column-plan.js';

export const MAX_CATEGORIES = 1000;

export interface ColumnDistribution {
  histogram: FineHistogram | null;
  valueCounts: Record<string, number> | null;
}

export async function distributionPass(scan: DataScan, plans: ColumnPlan[], stats: ColumnStats[]): Promise<ColumnDistribution[]> {
  const select: string[] = [];
  const readers: ((row: Record<string, unknown>) => ColumnDistribution)[] = [];
  plans.forEach((plan, j) => {
    const s = stats[j]!;
    let histogram: ((json: string) => FineHistogram) | undefined;
    const numericValue = numericExpression(plan);
    const bounds = numericBounds(plan, s);
    if (numericValue && bounds && s.count > 0) {
      const { low, high } = bounds;
      const width = (high - low) / FINE_BINS;
      const bin = width > 0 ? `least(greatest(floor((${numericValue} - ${low}) / ${width})::BIGINT, 0), ${FINE_BINS - 1})` : '0';
      select.push(`to_json(histogram(${bin})) AS h${j}`);
      histogram = (json) => {
        const counts = new Array<number>(width > 0 ? FINE_BINS : 1).fill(0);
        for (const [key, count] of Object.entries(JSON.parse(json) as Record<string, number>)) counts[Number(key)] = count;
        return { low, high, counts };
      };
    }
    const categorical = s.distinct !== null && s.distinct <= MAX_CATEGORIES && s.count > 0;
    if (categorical) select.push(`to_json(histogram(CAST(${plan.value} AS VARCHAR))) AS v${j}`);
    readers.push((row) => ({
      histogram: histogram && typeof row[`h${j}`] === 'string' ? histogram(row[`h${j}`] as string) : null,
      valueCounts: categorical && typeof row[`v${j}`] === 'string' ? (JSON.parse(row[`v${j}`] as string) as Record<string, number>) : null,
    }));
  });
  if (select.length === 0) return readers.map((read) => read({}));
  const row = await scan.run(async (from) => {
    const reader = await scan.session.connection.runAndReadAll(`SELECT ${select.join(', ')} FROM ${from}`);
    return reader.getRowObjectsJS()[0] as Record<string, unknown>;
  });
  return readers.map((read) => read(row));
}

/** The column as a number: epoch seconds for dates and timestamps. */
export function numericExpression(plan: ColumnPlan): string | undefined {
  if (plan.type === 'integer' || plan.type === 'number') return `CAST(${plan.value} AS DOUBLE)`;
  if (plan.type === 'date' || plan.type === 'timestamp') return `epoch(CAST(${plan.value} AS TIMESTAMP))`;
  return undefined;
}

function numericBounds(plan: ColumnPlan, s: ColumnStats): { low: number; high: number } | undefined {
  const toNumber = (x: number | string | null) => (typeof x === 'number' ? x : typeof x === 'string' ? Date.parse(x.includes('T') || x.length <= 10 ? x : x.replace(' ', 'T') + 'Z') / 1000 : Number.NaN);
  const low = toNumber(s.min);
  const high = toNumber(s.max);
  if (!Number.isFinite(low) || !Number.isFinite(high)) return undefined;
  if (plan.type === 'date' || plan.type === 'timestamp') return { low, high };
  return { low, high };
}
