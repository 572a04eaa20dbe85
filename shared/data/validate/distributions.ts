/**
 * The distributions of the profile: a fine histogram (at most 1 000 equal-width bins) for
 * numeric, date and timestamp columns, from which quantiles and skew bins are derived; and
 * exact value counts for columns with at most 1 000 distinct values (top values, categorical
 * skew). Normally both come out of pass 1 (aggregate.ts), on a grid and a column choice taken
 * from the prefix look (prefix.ts); `completeDistributions` folds them and runs one more
 * aggregate pass only for the columns the prefix misjudged, with the min/max of pass 1.
 *
 * The grid: GRID_BINS bins of width (high - low) / GRID_BINS over the prefix's [low, high]; a value
 * x <= high falls in floor((x - low) / width) clamped to [-FAR_BINS, GRID_BINS - 1], a larger one
 * (or NaN) in the same bin clamped to [GRID_BINS, GRID_BINS - 1 + FAR_BINS] (tally.ts counts them;
 * `gridBin` is the same in SQL).
 */
import { FINE_BINS, type FineHistogram } from '../profile.js';
import { sqlDouble } from '../sql.js';
import type { DataScan } from '../scan.js';
import type { ColumnStats } from './aggregate.js';
import type { ColumnPlan } from './column-plan.js';
import type { PrefixLook } from './prefix.js';

export const MAX_CATEGORIES = 1000;
/**
 * Pass 1 bins the prefix's range 4× finer than the profile, so that a grid extended beyond that
 * range still folds into 800–1 000 bins (not 500). Bins beyond the range are kept apart up to
 * FAR_BINS; a value further out sends the column to pass 2.
 */
const SUB_BINS = 4;
export const GRID_BINS = SUB_BINS * FINE_BINS;
export const FAR_BINS = 64 * GRID_BINS;

export interface ColumnDistribution {
  histogram: FineHistogram | null;
  valueCounts: Record<string, number> | null;
}

/** The grid's bin of a value in SQL (for a column whose JS tally could not be used; tally.ts does the same arithmetic). */
export function gridBin(value: string, low: number, high: number): string {
  const width = (high - low) / GRID_BINS;
  const bin = `floor((${value} - ${sqlDouble(low)}) / ${sqlDouble(width)})`;
  // greatest()/least() skip NULLs (greatest(NULL, 0) is 0): a missing value must stay NULL, which histogram() leaves out.
  return `CASE WHEN ${value} IS NULL THEN NULL WHEN ${value} <= ${sqlDouble(high)} THEN greatest(least(${bin}, ${GRID_BINS - 1}), ${-FAR_BINS}) ELSE least(greatest(${bin}, ${GRID_BINS}), ${GRID_BINS - 1 + FAR_BINS}) END::BIGINT`;
}

/**
 * Folds the pass-1 bin counts into a histogram of at most FINE_BINS bins: FINE_BINS over min..max
 * when every value fell inside the prefix's range (its min and max are then the data's), else the
 * grid extended over all bins, merged in groups. undefined: a value lies too far out.
 */
export function foldGrid(bins: Record<string, number>, low: number, high: number): FineHistogram | undefined {
  const keys = Object.keys(bins).map(Number);
  if (keys.length === 0) return undefined;
  const first = Math.min(...keys);
  const last = Math.max(...keys);
  if (first <= -FAR_BINS || last >= GRID_BINS - 1 + FAR_BINS) return undefined;
  const inside = first >= 0 && last <= GRID_BINS - 1;
  const start = inside ? 0 : first;
  const span = (inside ? GRID_BINS : last - first + 1);
  const group = Math.ceil(span / FINE_BINS);
  const counts = new Array<number>(Math.ceil(span / group)).fill(0);
  for (const key of keys) counts[Math.floor((key - start) / group)]! += bins[String(key)]!;
  if (inside) return { low, high, counts };
  const width = (high - low) / GRID_BINS;
  return { low: low + start * width, high: low + (start + counts.length * group) * width, counts };
}

/** The histogram pass 2 would compute (FINE_BINS bins over min..max, same arithmetic), from exact value counts. */
export function histogramOfValues(values: Record<string, number>, low: number, high: number, type: string): FineHistogram | null {
  const width = (high - low) / FINE_BINS;
  const counts = new Array<number>(FINE_BINS).fill(0);
  for (const [key, count] of Object.entries(values)) {
    const x = type === 'date' || type === 'timestamp' ? epochSeconds(key) : Number(key);
    if (!Number.isFinite(x)) return null;
    counts[Math.min(Math.max(Math.floor((x - low) / width), 0), FINE_BINS - 1)]! += count;
  }
  return { low, high, counts };
}

export async function completeDistributions(scan: DataScan, plans: ColumnPlan[], looks: PrefixLook[], stats: ColumnStats[]): Promise<ColumnDistribution[]> {
  const wanted = plans.map(() => ({ histogram: false, values: false }));
  const result: ColumnDistribution[] = plans.map((plan, j) => {
    const s = stats[j]!;
    const look = looks[j]!;
    let valueCounts: Record<string, number> | null = null;
    if (look.categorical && s.valueCounts) {
      // Exact: the number of keys is the distinct count, better than the HyperLogLog estimate.
      s.distinct = Object.keys(s.valueCounts).length;
      if (s.count > 0 && s.distinct <= MAX_CATEGORIES) valueCounts = s.valueCounts;
    } else if (s.distinct !== null && s.distinct <= MAX_CATEGORIES && s.count > 0) {
      wanted[j]!.values = true;
    }
    let histogram: FineHistogram | null = null;
    const bounds = numericExpression(plan) ? numericBounds(s) : undefined;
    if (bounds && s.count > 0) {
      if (bounds.low === bounds.high) histogram = { low: bounds.low, high: bounds.high, counts: [s.count] };
      else if (look.categorical && s.valueCounts) histogram = histogramOfValues(s.valueCounts, bounds.low, bounds.high, plan.type);
      else if (s.bins && look.range) histogram = foldGrid(s.bins, look.range.low, look.range.high) ?? null;
      if (!histogram) wanted[j]!.histogram = true;
    }
    return { histogram, valueCounts };
  });
  if (!wanted.some((w) => w.histogram || w.values)) return result;
  const redone = await distributionPass(scan, plans, stats, wanted);
  return result.map((r, j) => ({ histogram: wanted[j]!.histogram ? redone[j]!.histogram : r.histogram, valueCounts: wanted[j]!.values ? redone[j]!.valueCounts : r.valueCounts }));
}

/** Pass 2: histograms over min..max of pass 1 and value counts, for the wanted columns only. */
async function distributionPass(scan: DataScan, plans: ColumnPlan[], stats: ColumnStats[], wanted: { histogram: boolean; values: boolean }[]): Promise<ColumnDistribution[]> {
  const select: string[] = [];
  const readers: ((row: Record<string, unknown>) => ColumnDistribution)[] = [];
  plans.forEach((plan, j) => {
    const s = stats[j]!;
    let histogram: ((json: string) => FineHistogram) | undefined;
    const numericValue = numericExpression(plan);
    const bounds = numericBounds(s);
    if (wanted[j]!.histogram && numericValue && bounds && s.count > 0) {
      const { low, high } = bounds;
      const width = (high - low) / FINE_BINS;
      // NULL stays NULL (greatest/least would turn it into bin 0): histogram() counts values only.
      const bin = `CASE WHEN ${numericValue} IS NOT NULL THEN ${width > 0 ? `least(greatest(floor((${numericValue} - ${sqlDouble(low)}) / ${sqlDouble(width)})::BIGINT, 0), ${FINE_BINS - 1})` : '0'} END`;
      select.push(`to_json(histogram(${bin})) AS h${j}`);
      histogram = (json) => {
        const counts = new Array<number>(width > 0 ? FINE_BINS : 1).fill(0);
        for (const [key, count] of Object.entries(JSON.parse(json) as Record<string, number>)) counts[Number(key)] = count;
        return { low, high, counts };
      };
    }
    const categorical = wanted[j]!.values;
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

/** DuckDB's text of a date or timestamp (UTC, no zone) as epoch seconds. */
function epochSeconds(text: string): number {
  return Date.parse(text.includes('T') || text.length <= 10 ? text : text.replace(' ', 'T') + 'Z') / 1000;
}

function numericBounds(s: ColumnStats): { low: number; high: number } | undefined {
  const toNumber = (x: number | string | null) => (typeof x === 'number' ? x : typeof x === 'string' ? epochSeconds(x) : Number.NaN);
  const low = toNumber(s.min);
  const high = toNumber(s.max);
  if (!Number.isFinite(low) || !Number.isFinite(high)) return undefined;
  return { low, high };
}
