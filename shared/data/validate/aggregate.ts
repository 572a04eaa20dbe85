/**
 * Pass 1: ONE aggregate query that computes the row count, every row check's offending-row
 * count, the per-column statistics of the profile and, on the grid and column choice of the
 * prefix look, the histograms and value counts (folded in distributions.ts). The histograms and
 * value counts are tallied in JS from the query's chunks (tally.ts), which keeps the query an
 * ungrouped aggregate; a column whose tally cannot be used is redone with DuckDB's histogram().
 */
import type { DataScan } from '../scan.js';
import { sqlString } from '../sql.js';
import { valueText, type ColumnPlan } from './column-plan.js';
import { gridBin, numericExpression } from './distributions.js';
import { countsDistinct, type PrefixLook } from './prefix.js';
import { registerChunkFunction } from './chunk-function.js';
import { tallyArguments, type ColumnTally, type TallySpec } from './tally.js';
import { hashArguments, type HashCollector } from './unique-hashes.js';

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
  /** Bin -> count on the prefix look's grid (distributions.ts folds it). */
  bins: Record<string, number> | null;
  /** Value -> count, for the columns the prefix look found categorical. */
  valueCounts: Record<string, number> | null;
}

export interface AggregateResult {
  rows: number;
  columns: ColumnStats[];
}

type Raw = Record<string, unknown>;

/**
 * Columns aggregated in one scan. Each column's aggregates hold states per thread; with DuckDB's
 * histogram() (hash tables) 160 columns in one query ran a 2-thread, 192 MB DuckDB out of memory,
 * so 32 columns went in one scan. Tallied in JS, a column's distribution costs DuckDB nothing
 * (32 KB of JS per binned column), so 128 columns share a scan: 100 columns × 356k rows went from
 * 4 scans to 1 (2× faster, same profile, same peak). Wider data is still read in several passes.
 */
export const COLUMNS_PER_PASS = 128;

export async function aggregatePass(scan: DataScan, plans: ColumnPlan[], looks: PrefixLook[], hooks: PassHooks = {}): Promise<AggregateResult> {
  let inSql = new Set<number>();
  let scaledStddev = false;
  for (;;) {
    let pass: Awaited<ReturnType<typeof onePass>>;
    try {
      pass = await onePass(scan, plans, looks, inSql, hooks, scaledStddev);
    } catch (error) {
      if (scaledStddev || !STDDEV_OVERFLOW.test((error as Error).message)) throw error;
      scaledStddev = true;
      continue;
    }
    if (pass.untallied.length === 0) return pass.result;
    inSql = new Set([...inSql, ...pass.untallied]);
  }
}

/**
 * DuckDB's stddev_samp fails ("out of range") when a column holds ±inf or values whose squares
 * overflow (|x| ≳ 1e154). Then the pass runs again with the standard deviation of the finite
 * values scaled by 2⁻⁶⁰⁰ (exact for doubles) and scaled back in JS, where an overflow is
 * Infinity rather than an error.
 */
const STDDEV_OVERFLOW = /STDDEV_SAMP is out of range/i;
const STDDEV_SCALE_EXPONENT = 600;

function stddevSql(value: string, scaled: boolean): string {
  if (!scaled) return `stddev_samp(${value}::DOUBLE)`;
  return `stddev_samp(CASE WHEN isfinite(${value}::DOUBLE) THEN ${value}::DOUBLE * pow(2.0, -${STDDEV_SCALE_EXPONENT}) END)`;
}

export interface PassHooks {
  /** Which of the query's column groups is about to run (several for wide data). */
  onPass?: (pass: { group: number; groups: number }) => void;
  /** Wraps each scan (progress reporting). */
  scanning?: <T>(work: () => Promise<T>) => Promise<T>;
}

interface Tallied {
  spec: TallySpec;
  /** SQL DOUBLE fed to the tally (absent: only unseen texts). */
  value?: string;
  unseen?: string;
  /** SQL counting the values the tally must have seen. */
  counted: string;
  /** The tally's keys are day numbers, turned into the dates' texts after the pass (`dateTexts`). */
  days?: boolean;
}

const SECONDS_PER_DAY = 86_400;

/** How pass 1 tallies a column's distribution in JS, if it has one to compute. */
function tallyOf(plan: ColumnPlan, look: PrefixLook): Tallied | undefined {
  if (look.categorical && plan.type === 'integer') {
    return { spec: { kind: 'integers', low: look.range?.low ?? Number.NaN, high: look.range?.high ?? Number.NaN }, value: `CAST(${plan.value} AS DOUBLE)`, counted: `count(${plan.value})` };
  }
  const numericValue = numericExpression(plan);
  if (look.categorical && plan.type === 'date' && numericValue) {
    // By day number: no text per row (CAST to VARCHAR and an ENUM lookup cost more than the parse of the
    // column). A date epoch() cannot place (NULL) leaves the tally short of count(), so SQL counts the column.
    const day = (seconds: number | undefined) => (seconds === undefined ? Number.NaN : seconds / SECONDS_PER_DAY);
    return { spec: { kind: 'integers', low: day(look.range?.low), high: day(look.range?.high) }, value: `(${numericValue} / ${SECONDS_PER_DAY})`, counted: `count(${plan.value})`, days: true };
  }
  if (look.categorical) {
    const labels = look.labels ?? [];
    const text = valueText(plan);
    if (labels.length === 0) return { spec: { kind: 'codes', labels }, unseen: text, counted: `count(${text})` };
    const code = `TRY_CAST(${text} AS ENUM(${labels.map(sqlString).join(', ')}))`;
    return { spec: { kind: 'codes', labels }, value: `enum_code(${code})::DOUBLE`, unseen: `CASE WHEN ${code} IS NULL THEN ${text} END`, counted: `count(${text})` };
  }
  if (numericValue && look.range && look.range.high > look.range.low) {
    return { spec: { kind: 'bins', low: look.range.low, high: look.range.high }, value: numericValue, counted: `count(${numericValue})` };
  }
  return undefined;
}

async function onePass(scan: DataScan, plans: ColumnPlan[], looks: PrefixLook[], inSql: ReadonlySet<number>, hooks: PassHooks, scaledStddev: boolean): Promise<{ result: AggregateResult; untallied: number[] }> {
  const selects: string[][] = [];
  const talliedBy: (Tallied | undefined)[] = [];
  /** Unique columns whose exact distinct count comes from hashes in JS (unique-hashes.ts) instead of count(DISTINCT). */
  const hashed = new Set<number>();
  const readers: ((row: Raw, counts: Record<string, number> | null) => ColumnStats)[] = [];
  plans.forEach((plan, j) => {
    const select: string[] = [];
    selects.push(select);
    const a = (name: string) => `c${j}_${name}`;
    const v = plan.value;
    const look = looks[j]!;
    const tallied = inSql.has(j) ? undefined : tallyOf(plan, look);
    talliedBy.push(tallied);
    if (tallied) select.push(`${tallied.counted}::DOUBLE AS ${a('tallied')}`);
    // An integer column with value counts gets its count, min, max, mean and stddev from them.
    const fromValues = look.categorical && plan.type === 'integer';
    select.push(`count(${plan.raw})::DOUBLE AS ${a('present')}`);
    if (!fromValues) select.push(`count(${v})::DOUBLE AS ${a('count')}`);
    // Value counts give the exact distinct count, and so does the uniqueness check. Otherwise HyperLogLog,
    // which costs about as much as parsing a column: real-valued columns are nearly always all-distinct, so they get none.
    if (look.categorical) {
      if (!tallied) select.push(`to_json(histogram(${valueKey(plan)})) AS ${a('values')}`);
    } else if (plan.contract?.unique) hashed.add(j);
    else if (countsDistinct(plan)) select.push(`approx_count_distinct(${v})::DOUBLE AS ${a('distinct')}`);
    const numericValue = numericExpression(plan);
    if (!look.categorical && !tallied && numericValue && look.range && look.range.high > look.range.low) select.push(`to_json(histogram(${gridBin(numericValue, look.range.low, look.range.high)})) AS ${a('bins')}`);
    const numeric = plan.type === 'integer' || plan.type === 'number';
    if (numeric && !fromValues) {
      select.push(`min(${v})::DOUBLE AS ${a('min')}`, `max(${v})::DOUBLE AS ${a('max')}`, `avg(${v}::DOUBLE) AS ${a('mean')}`, `${stddevSql(v, scaledStddev)} AS ${a('stddev')}`);
    } else if (plan.type === 'date' || plan.type === 'timestamp') {
      select.push(`min(${v})::VARCHAR AS ${a('min')}`, `max(${v})::VARCHAR AS ${a('max')}`);
    } else if (plan.type === 'boolean') {
      select.push(`avg(${v}::INTEGER) AS ${a('mean')}`);
    } else if (plan.type === 'string') {
      select.push(`min(length(${v}))::DOUBLE AS ${a('minlen')}`, `max(length(${v}))::DOUBLE AS ${a('maxlen')}`);
    }
    plan.rowChecks.forEach((check, k) => select.push(`count(*) FILTER (WHERE ${check.condition})::DOUBLE AS ${a(`check${k}`)}`));
    if (plan.contract?.unique && !hashed.has(j)) select.push(`(count(${v}) - count(DISTINCT ${v}))::DOUBLE AS ${a('repeats')}`);
    readers.push((row, counts) => {
      const num = (name: string) => (typeof row[a(name)] === 'number' ? (row[a(name)] as number) : null);
      const value = (name: string) => {
        const x = row[a(name)];
        return typeof x === 'number' || typeof x === 'string' ? x : null;
      };
      const valueCounts = look.categorical ? (tallied ? counts : jsonMap(row, a('values'))) : null;
      return {
        count: num('count') ?? 0,
        nulls: 0, // filled below, needs the row count
        present: num('present') ?? 0,
        min: value('min'),
        max: value('max'),
        mean: num('mean'),
        stddev: scaledStddev && num('stddev') !== null ? num('stddev')! * 2 ** STDDEV_SCALE_EXPONENT : num('stddev'),
        minLength: num('minlen'),
        maxLength: num('maxlen'),
        distinct: num('distinct'),
        checkCounts: plan.rowChecks.map((_, k) => num(`check${k}`) ?? 0),
        repeats: plan.contract?.unique ? (num('repeats') ?? 0) : null,
        bins: look.categorical ? null : tallied ? counts : jsonMap(row, a('bins')),
        valueCounts,
        ...(fromValues ? integerStats(valueCounts ?? {}) : {}),
      } as ColumnStats & { present: number };
    });
  });
  const row: Raw = {};
  const tallies = new Map<number, ColumnTally>();
  const hashes = new Map<number, HashCollector>();
  const groups = Math.max(1, Math.ceil(selects.length / COLUMNS_PER_PASS));
  for (let group = 0; group < groups; group++) {
    const start = group * COLUMNS_PER_PASS;
    const members = plans.map((_, j) => j).filter((j) => j >= start && j < start + COLUMNS_PER_PASS && talliedBy[j]);
    hooks.onPass?.({ group, groups });
    const scanning = hooks.scanning ?? (<T>(work: () => Promise<T>) => work());
    Object.assign(
      row,
      await scanning(() => scan.run(async (from) => {
        // Fresh tallies on every attempt: a retry after widening a column re-reads everything.
        const fed = tallyArguments(members.map((j) => talliedBy[j]!));
        members.forEach((j, k) => tallies.set(j, fed.tallies[k]!));
        const uniques = [...hashed].filter((j) => j >= start && j < start + COLUMNS_PER_PASS);
        const unique = hashArguments(uniques.map((j) => plans[j]!.value));
        uniques.forEach((j, k) => hashes.set(j, unique.collectors[k]!));
        const chunks = registerChunkFunction(scan.session.engine, scan.session.connection, [...fed.arguments, ...unique.arguments]);
        const select = ['count(*)::DOUBLE AS n', ...selects.slice(start, start + COLUMNS_PER_PASS).flat(), ...chunks];
        const reader = await scan.session.withJsCallThreads(() => scan.session.connection.runAndReadAll(`SELECT ${select.join(', ')} FROM ${from}`));
        return reader.getRowObjectsJS()[0] as Raw;
      })),
    );
  }
  for (const [j, collector] of hashes) {
    const count = row[`c${j}_count`];
    let distinct: number;
    if (collector.total === count && collector.allDistinct()) distinct = count;
    else {
      // A repeated hash (a duplicate, or a rare collision) or too many values to keep: DuckDB counts exactly.
      const value = plans[j]!.value;
      distinct = await scan.run(async (from) => {
        const reader = await scan.session.connection.runAndReadAll(`SELECT count(DISTINCT ${value})::DOUBLE AS d FROM ${from}`);
        return Number(reader.getRowObjectsJS()[0]?.['d'] ?? 0);
      });
    }
    row[`c${j}_distinct`] = distinct;
    row[`c${j}_repeats`] = (typeof count === 'number' ? count : 0) - distinct;
  }
  const rows = typeof row['n'] === 'number' ? row['n'] : 0;
  const untallied: number[] = [];
  const counts = new Map<number, Record<string, number>>();
  for (const [j, tally] of tallies) {
    if (tally.exact && tally.total === row[`c${j}_tallied`]) counts.set(j, tally.counts());
    else untallied.push(j);
  }
  const days = [...counts.keys()].filter((j) => talliedBy[j]?.days);
  const texts = await dateTexts(scan, days.flatMap((j) => Object.keys(counts.get(j)!)));
  for (const j of days) counts.set(j, Object.fromEntries(Object.entries(counts.get(j)!).map(([day, count]) => [texts.get(day)!, count])));
  const columns = readers.map((read, j) => {
    const stats = read(row, counts.get(j) ?? null) as ColumnStats & { present: number };
    const { present, ...rest } = stats;
    return { ...rest, nulls: rows - present };
  });
  return { result: { rows, columns }, untallied };
}

/** DuckDB's text of each day number (days since 1970-01-01, as the tally keys them): the key CAST(date AS VARCHAR) gives. */
async function dateTexts(scan: DataScan, days: readonly string[]): Promise<Map<string, string>> {
  const distinct = [...new Set(days)];
  if (distinct.length === 0) return new Map();
  const reader = await scan.session.connection.runAndReadAll(`SELECT k::VARCHAR AS k, (DATE '1970-01-01' + k)::VARCHAR AS t FROM unnest([${distinct.join(', ')}]::INTEGER[]) u(k)`);
  return new Map(reader.getRowObjectsJS().map((r) => [String(r['k']), String(r['t'])]));
}

/** The value-count key in SQL: the value itself where its JSON key is the same text as CAST(... AS VARCHAR) (cheaper), else that text. */
function valueKey(plan: ColumnPlan): string {
  const native = plan.type === 'integer' || plan.type === 'date' || plan.type === 'boolean' || plan.type === 'string';
  return native ? plan.value : `CAST(${plan.value} AS VARCHAR)`;
}

/** A to_json(histogram(...)) column; histogram() over no values is NULL: then an empty map. */
function jsonMap(row: Raw, key: string): Record<string, number> | null {
  if (!(key in row)) return null;
  return typeof row[key] === 'string' ? (JSON.parse(row[key] as string) as Record<string, number>) : {};
}

/** count, min, max, mean and sample stddev of an integer column from its exact value counts (summed in value order: deterministic). */
export function integerStats(values: Record<string, number>): Pick<ColumnStats, 'count' | 'min' | 'max' | 'mean' | 'stddev'> {
  const entries = Object.entries(values)
    .map(([key, count]) => [Number(key), count] as const)
    .sort((x, y) => x[0] - y[0]);
  const count = entries.reduce((acc, [, c]) => acc + c, 0);
  if (count === 0) return { count: 0, min: null, max: null, mean: null, stddev: null };
  const mean = entries.reduce((acc, [x, c]) => acc + x * c, 0) / count;
  const squares = entries.reduce((acc, [x, c]) => acc + c * (x - mean) ** 2, 0);
  return { count, min: entries[0]![0], max: entries.at(-1)![0], mean, stddev: count > 1 ? Math.sqrt(squares / (count - 1)) : null };
}
