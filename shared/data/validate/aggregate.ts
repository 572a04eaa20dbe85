/**
 * Pass 1: ONE aggregate query that computes the row count, every row check's offending-row
 * count and the per-column statistics of the profile. Pass 2 (distributions.ts) needs the
 * min/max found here.
 */
import type { DataScan } from '../scan.js';
import type { ColumnPlan } from './column-plan.js';

export interface ColumnStats {
  count: number;
  nulls: number;
  min: number | string | null;
  max: number | string | null;
  mean: number | null;
  stddev: number | null;
  minLength: number | null;
  maxLength: number | null;
  distinct: number | null;
  /** Offending rows per row check, in plan order. */
  checkCounts: number[];
  /** count(value) - count(DISTINCT value), when the contract asks for unique values. */
  repeats: number | null;
}

export interface AggregateResult {
  rows: number;
  columns: ColumnStats[];
}

type Raw = Record<string, unknown>;

export async function aggregatePass(scan: DataScan, plans: ColumnPlan[]): Promise<AggregateResult> {
  const select: string[] = ['count(*)::DOUBLE AS n'];
  const readers: ((row: Raw) => ColumnStats)[] = [];
  plans.forEach((plan, j) => {
    const a = (name: string) => `c${j}_${name}`;
    const v = plan.value;
    select.push(`count(${plan.raw})::DOUBLE AS ${a('present')}`, `count(${v})::DOUBLE AS ${a('count')}`);
    // HyperLogLog costs about as much as parsing a column; real-valued columns are nearly always all-distinct, so they get none.
    if (plan.type !== 'number' || plan.contract?.distinct) select.push(`approx_count_distinct(${v})::DOUBLE AS ${a('distinct')}`);
    const numeric = plan.type === 'integer' || plan.type === 'number';
    if (numeric) {
      select.push(`min(${v})::DOUBLE AS ${a('min')}`, `max(${v})::DOUBLE AS ${a('max')}`, `avg(${v}::DOUBLE) AS ${a('mean')}`, `stddev_samp(${v}::DOUBLE) AS ${a('stddev')}`);
    } else if (plan.type === 'date' || plan.type === 'timestamp') {
      select.push(`min(${v})::VARCHAR AS ${a('min')}`, `max(${v})::VARCHAR AS ${a('max')}`);
    } else if (plan.type === 'boolean') {
      select.push(`avg(${v}::INTEGER) AS ${a('mean')}`);
    } else if (plan.type === 'string') {
      select.push(`min(length(${v}))::DOUBLE AS ${a('minlen')}`, `max(length(${v}))::DOUBLE AS ${a('maxlen')}`);
    }
    plan.rowChecks.forEach((check, k) => select.push(`count(*) FILTER (WHERE ${check.condition})::DOUBLE AS ${a(`check${k}`)}`));
    if (plan.contract?.unique) select.push(`(count(${v}) - count(DISTINCT ${v}))::DOUBLE AS ${a('repeats')}`);
    readers.push((row) => {
      const num = (name: string) => (typeof row[a(name)] === 'number' ? (row[a(name)] as number) : null);
      const value = (name: string) => {
        const x = row[a(name)];
        return typeof x === 'number' || typeof x === 'string' ? x : null;
      };
      return {
        count: num('count') ?? 0,
        nulls: 0, // filled below, needs the row count
        present: num('present') ?? 0,
        min: value('min'),
        max: value('max'),
        mean: num('mean'),
        stddev: num('stddev'),
        minLength: num('minlen'),
        maxLength: num('maxlen'),
        distinct: num('distinct'),
        checkCounts: plan.rowChecks.map((_, k) => num(`check${k}`) ?? 0),
        repeats: plan.contract?.unique ? (num('repeats') ?? 0) : null,
      } as ColumnStats & { present: number };
    });
  });
  const row = await scan.run(async (from) => {
    const reader = await scan.session.connection.runAndReadAll(`SELECT ${select.join(', ')} FROM ${from}`);
    return reader.getRowObjectsJS()[0] as Raw;
  });
  const rows = typeof row['n'] === 'number' ? row['n'] : 0;
  const columns = readers.map((read) => {
    const stats = read(row) as ColumnStats & { present: number };
    const { present, ...rest } = stats;
    return { ...rest, nulls: rows - present };
  });
  return { rows, columns };
}
