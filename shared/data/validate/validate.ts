/**
 * Validates data against its contract and profiles it in one aggregate pass over the files
 * (checks, statistics and distributions), steered by a look at the first rows; a second pass
 * only for columns that look misjudged, and a filtered pass only when rows need line numbers.
 * Memory stays bounded: DuckDB streams the files under its memory limit and only aggregates
 * (and at most max_lines offending rows per check) reach JS.
 */
import type { DataContract } from '../../config/sections/data.js';
import { UserError } from '../../errors/user-error.js';
import { openDuckSession, type EngineHost } from '../duckdb-session.js';
import { fingerprintData } from '../fingerprint.js';
import { DataProfile, histogramQuantile, PROFILE_QUANTILES, PROFILE_VERSION, stable, valueCountsQuantile, type ColumnProfile } from '../profile.js';
import type { DataSource } from '../resolve.js';
import { DataScan } from '../scan.js';
import { columnSkew, DEFAULT_SKEW, type SkewResult } from '../skew.js';
import { sqlString } from '../sql.js';
import type { ProgressSink } from '../../progress/progress.js';
import { totalBytes, withQueryProgress } from '../query-progress.js';
import { aggregatePass, type ColumnStats } from './aggregate.js';
import { forcedReadType, planColumn, type ColumnPlan } from './column-plan.js';
import { completeDistributions, type ColumnDistribution } from './distributions.js';
import type { Finding } from './findings.js';
import { locateRows, type LocateTarget } from './locate.js';
import { prefixLook } from './prefix.js';

export interface ValidationResult {
  rows: number;
  findings: Finding[];
  profile: DataProfile;
  skew: SkewResult[];
}

export interface ValidateOptions {
  host: EngineHost;
  /** Display name of the config file, for errors in the contract. */
  configFile: string;
  reference?: DataProfile;
  onPhase?: (phase: string) => void;
  /** Where progress of the long scans goes (the stage's host); none when absent. */
  progress?: ProgressSink;
}

const DEFAULT_MAX_LINES = 10;

export async function validateData(source: DataSource, contract: DataContract, options: ValidateOptions): Promise<ValidationResult> {
  const fingerprint = fingerprintData(source);
  fingerprint.catch(() => undefined);
  const session = await openDuckSession(options.host);
  try {
    const forced = new Map<string, string>();
    for (const [name, column] of Object.entries(contract.columns ?? {})) {
      const type = forcedReadType(column.type, source.format);
      if (type) forced.set(name, type);
    }
    const scan = await DataScan.open(source, session, forced);
    await checkPatterns(scan, contract, options.configFile);
    const bytes = await totalBytes(source.files);
    const scanning = (label: string) => <T>(work: () => Promise<T>) => withQueryProgress(session.connection, options.progress, label, bytes, work);
    options.onPhase?.('checks, statistics and distributions');
    const { plans, aggregate, distributions } = await planAndScan(scan, contract, scanning);
    const { fingerprint: hash, files } = await fingerprint;
    const profile: DataProfile = {
      kind: 'mlops-data-profile',
      version: PROFILE_VERSION,
      fingerprint: hash,
      files,
      rows: aggregate.rows,
      columns: plans.map((plan, j) => columnProfile(plan, aggregate.columns[j]!, distributions[j]!, aggregate.rows)),
    };

    const pending: { finding: Finding; target?: LocateTarget }[] = [];
    schemaFindings(scan, contract, pending);
    if (contract.rows) {
      const { min, max } = contract.rows;
      if ((min !== undefined && aggregate.rows < min) || (max !== undefined && aggregate.rows > max)) {
        pending.push({ finding: finding(null, 'row-count', 'error', 0, `${aggregate.rows} rows; expected ${bounds(min, max)}`, aggregate.rows, { min, max }) });
      }
    }
    for (const [j, plan] of plans.entries()) await columnFindings(scan, plan, aggregate.columns[j]!, profile.columns[j]!, aggregate.rows, pending);

    const skew: SkewResult[] = [];
    if (options.reference) {
      const settings = { ...DEFAULT_SKEW, ...definedOnly(contract.skew ?? {}) };
      for (const column of profile.columns) {
        if (contract.columns?.[column.name]?.skew === false) continue;
        const reference = options.reference.columns.find((c) => c.name === column.name);
        const result = reference && columnSkew(column, reference, settings);
        if (!result) continue;
        skew.push(result);
        if (result.psiFlagged || result.jsdFlagged) {
          const stats = `PSI ${result.psi.toFixed(3)} (limit ${settings.psi}, noise ${result.psiNoise.toFixed(3)}), JS distance ${result.jsd.toFixed(3)} (limit ${settings.jsd}, noise ${result.jsdNoise.toFixed(3)})`;
          pending.push({
            finding: finding(column.name, 'skew', contract.skew?.severity ?? 'warning', 0, `distribution differs from the reference: ${stats}`, { psi: stable(result.psi), jsd: stable(result.jsd) }, { psi: settings.psi, jsd: settings.jsd }),
          });
        }
      }
    }

    const toLocate = pending.filter((p) => p.target && p.finding.count > 0);
    if (toLocate.length > 0) {
      options.onPhase?.('locating offending rows');
      const locations = await scanning('locating offending rows')(() => locateRows(scan, toLocate.map((p) => p.target!), contract.max_lines ?? DEFAULT_MAX_LINES));
      toLocate.forEach((p, i) => {
        p.finding.locations = locations[i]!;
        p.finding.lines = locations[i]!.map((l) => l.line);
      });
    }
    return { rows: aggregate.rows, findings: pending.map((p) => p.finding), profile, skew };
  } finally {
    session.close();
  }
}

function schemaFindings(scan: DataScan, contract: DataContract, pending: { finding: Finding }[]): void {
  const names = new Set(scan.columns.map((c) => c.name));
  for (const [name, column] of Object.entries(contract.columns ?? {})) {
    if (!names.has(name)) {
      pending.push({ finding: finding(name, 'missing-column', 'error', 0, `the contract names column "${name}", which the data lacks`, null, column.type ?? 'present') });
    }
  }
  const policy = contract.unexpected_columns ?? 'warn';
  if (!contract.columns || policy === 'allow') return;
  for (const column of scan.columns) {
    if (!(column.name in contract.columns)) {
      pending.push({ finding: finding(column.name, 'unexpected-column', policy === 'error' ? 'error' : 'warning', 0, `column "${column.name}" is not in the contract`, column.duckdbType, null) });
    }
  }
}

async function columnFindings(scan: DataScan, plan: ColumnPlan, stats: ColumnStats, profile: ColumnProfile, rows: number, pending: { finding: Finding; target?: LocateTarget }[]): Promise<void> {
  const name = plan.column.name;
  const severity = plan.severity;
  const contract = plan.contract;
  plan.rowChecks.forEach((check, k) => {
    const count = stats.checkCounts[k]!;
    if (count > 0) {
      const found = finding(name, check.check, severity, count, `${count} row${count === 1 ? '' : 's'}: ${check.message}`);
      found.line_message = check.message;
      pending.push({ finding: found, target: { condition: check.condition } });
    }
  });
  if (!contract) return;
  if (contract.unique && stats.repeats) {
    const duplicated = `SELECT ${plan.value} FROM ${scan.from()} WHERE ${plan.value} IS NOT NULL GROUP BY 1 HAVING count(*) > 1`;
    const count = await scan.run(async (from) => {
      const reader = await scan.session.connection.runAndReadAll(`SELECT coalesce(sum(c), 0)::DOUBLE AS n FROM (SELECT count(*) AS c FROM ${from} WHERE ${plan.value} IS NOT NULL GROUP BY ${plan.value} HAVING count(*) > 1)`);
      return Number(reader.getRowObjectsJS()[0]?.['n'] ?? 0);
    });
    const repeated = await scan.run(async (from) => {
      const reader = await scan.session.connection.runAndReadAll(
        `SELECT CAST(${plan.value} AS VARCHAR) AS v, count(*)::DOUBLE AS c, count(*) OVER ()::DOUBLE AS k FROM ${from} WHERE ${plan.value} IS NOT NULL GROUP BY ${plan.value} HAVING count(*) > 1 ORDER BY c DESC, v LIMIT ${SHOWN_DUPLICATES}`,
      );
      return reader.getRowObjectsJS().map((row) => ({ value: String(row['v']), rows: Number(row['c']), values: Number(row['k']) }));
    });
    const values = repeated[0]?.values ?? 0;
    const shown = repeated.map((r) => `${JSON.stringify(r.value.length > 40 ? `${r.value.slice(0, 40)}…` : r.value)} ×${r.rows}`).join(', ');
    const list = `${shown}${values > repeated.length ? `, … (${values} repeated values in all)` : ''}`;
    const found = finding(name, 'unique', severity, count, `${count} rows share a value with another row: ${list}`, repeated.map(({ value, rows: n }) => ({ value, rows: n })));
    found.line_message = `the value repeats on another row (${values === 1 ? `the repeated value: ${shown}` : `repeated values: ${list}`})`;
    pending.push({ finding: found, target: { condition: `(${plan.value} IN (${duplicated}))`, scansData: true } });
  }
  if (contract.max_null_fraction !== undefined && rows > 0 && stats.nulls / rows > contract.max_null_fraction) {
    pending.push({
      finding: finding(name, 'null-fraction', severity, stats.nulls, `${formatShare(stats.nulls / rows)} of values are missing (at most ${formatShare(contract.max_null_fraction)} allowed)`, stable(stats.nulls / rows), contract.max_null_fraction),
      target: { condition: `(${plan.raw} IS NULL)` },
    });
  }
  const statistic = (check: string, label: string, value: number | null, range: { min?: number; max?: number } | undefined) => {
    if (!range || value === null) return;
    if ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max)) {
      pending.push({ finding: finding(name, check, severity, 0, `${label} is ${stable(value)}; expected ${bounds(range.min, range.max)}`, stable(value), range) });
    }
  };
  statistic('mean', 'the mean', stats.mean, contract.mean);
  statistic('stddev', 'the standard deviation', stats.stddev, contract.stddev);
  statistic('distinct', 'the number of distinct values', stats.distinct, contract.distinct);
  for (const bound of contract.quantiles ?? []) {
    const value = columnQuantile(profile.value_counts, profile.histogram, bound.q, profile.min, profile.max, profile.count);
    statistic('quantile', `the ${bound.q} quantile`, value, bound);
  }
}

/** How many duplicated values a unique finding names (the most repeated first). */
const SHOWN_DUPLICATES = 5;

function columnProfile(plan: ColumnPlan, stats: ColumnStats, distribution: ColumnDistribution, rows: number): ColumnProfile {
  const numeric = plan.type === 'integer' || plan.type === 'number';
  const histogram = distribution.histogram;
  let quantiles: Record<string, number> | null = null;
  if (numeric && histogram && typeof stats.min === 'number' && typeof stats.max === 'number') {
    quantiles = Object.fromEntries(PROFILE_QUANTILES.map((q) => [String(q), stable(columnQuantile(distribution.valueCounts, histogram, q, stats.min, stats.max, stats.count))!]));
  }
  const counts = distribution.valueCounts;
  const top = counts
    ? Object.entries(counts)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, 10)
        .map(([value, count]) => ({ value, count }))
    : null;
  return {
    name: plan.column.name,
    type: plan.type,
    duckdb_type: plan.column.duckdbType,
    count: stats.count,
    nulls: stats.nulls,
    null_fraction: rows > 0 ? stable(stats.nulls / rows)! : 0,
    distinct: stats.distinct,
    min: typeof stats.min === 'number' ? stable(stats.min) : stats.min,
    max: typeof stats.max === 'number' ? stable(stats.max) : stats.max,
    mean: stable(stats.mean),
    stddev: stable(stats.stddev),
    quantiles,
    min_length: stats.minLength,
    max_length: stats.maxLength,
    top_values: top,
    value_counts: counts ? Object.fromEntries(Object.entries(counts).sort((a, b) => (a[0] < b[0] ? -1 : 1))) : null,
    histogram,
  };
}

/** An invalid regular expression is a contract error, reported at its key before any data is read. */
async function checkPatterns(scan: DataScan, contract: DataContract, configFile: string): Promise<void> {
  for (const [name, column] of Object.entries(contract.columns ?? {})) {
    if (column.pattern === undefined) continue;
    try {
      await scan.session.connection.run(`SELECT regexp_full_match('', ${sqlString(column.pattern)})`);
    } catch (error) {
      throw new UserError(`invalid regular expression ${JSON.stringify(column.pattern)}: ${(error as Error).message.split('\n')[0]}`, {
        where: { file: configFile, key: `data.columns.${name}.pattern` },
        hint: 'Patterns use RE2 syntax (no lookarounds or backreferences) and must match the whole value.',
      });
    }
  }
}

/**
 * A numeric column's quantile: exact from its value counts when every value is counted (few
 * distinct values: a 0/1 column's quantiles are 0 or 1), else from the fine histogram.
 */
function columnQuantile(counts: Record<string, number> | null | undefined, histogram: ColumnProfile['histogram'], q: number, min: unknown, max: unknown, count: number): number | null {
  if (counts && Object.values(counts).reduce((a, b) => a + b, 0) === count) {
    const exact = valueCountsQuantile(counts, q);
    if (exact !== null) return exact;
  }
  return histogram && typeof min === 'number' && typeof max === 'number' ? histogramQuantile(histogram, q, min, max) : null;
}

function finding(column: string | null, check: string, severity: Finding['severity'], count: number, message: string, observed?: unknown, expected?: unknown): Finding {
  const result: Finding = { column, check, severity, count, lines: [], locations: [], message };
  if (observed !== undefined) result.observed = observed;
  if (expected !== undefined) result.expected = expected;
  return result;
}

function bounds(min: number | undefined, max: number | undefined): string {
  return [min !== undefined ? `≥ ${min}` : '', max !== undefined ? `≤ ${max}` : ''].filter(Boolean).join(' and ');
}

function formatShare(value: number): string {
  return `${Number((value * 100).toPrecision(3))}%`;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export { DataProfile };

/**
 * Plans the columns and runs the scans that read every row. DuckDB types a CSV column from a
 * sample of its first rows; a value past it that does not fit (text in a number column) makes
 * scan.run widen the column to text, but the scan's SQL was planned for the old type and fails
 * again: then the columns are planned again, for their new types, and the scans rerun (at most
 * once per column).
 */
async function planAndScan(scan: DataScan, contract: DataContract, scanning: Scanning) {
  for (;;) {
    const widenings = scan.widenings;
    const plans = scan.columns.map((column) => planColumn(column, contract.columns?.[column.name], column.name));
    try {
      const result = await scanPasses(scan, plans, scanning);
      // A widened column whose retry happened to succeed was still scanned as planned for its old type.
      if (scan.widenings === widenings) return { ...result, plans };
    } catch (error) {
      if (scan.widenings === widenings) throw error;
    }
  }
}

type Scanning = (label: string) => <T>(work: () => Promise<T>) => Promise<T>;

/** The prefix look, the aggregate pass and any distribution the look misjudged. */
async function scanPasses(scan: DataScan, plans: ColumnPlan[], scanning: Scanning) {
  const looks = await prefixLook(scan, plans);
  let passLabel = 'checks, statistics and distributions';
  const aggregate = await aggregatePass(scan, plans, looks, {
    onPass: ({ group, groups }) => (passLabel = groups > 1 ? `checks, statistics and distributions (columns group ${group + 1} of ${groups})` : passLabel),
    scanning: (work) => scanning(passLabel)(work),
  });
  const distributions = await scanning('distributions the first rows misjudged')(() => completeDistributions(scan, plans, looks, aggregate.columns));
  return { aggregate, distributions };
}
