/**
 * A cheap first look at the first rows (DuckDB stops reading once it has them), so that the
 * distributions can be computed in the same aggregate pass as the checks: the numeric range
 * gives the histogram grid, and a small, saturated set of distinct values marks a column whose
 * value counts are worth computing. The look only steers the work: every number in the
 * profile still comes from the full data, and a column the look misjudged is redone exactly.
 */
import type { DataScan } from '../scan.js';
import { valueText, type ColumnPlan } from './column-plan.js';
import { MAX_CATEGORIES, numericExpression } from './distributions.js';

export const PREFIX_ROWS = 65_536;
/** A prefix column is taken as categorical only when each of its values repeats this often on average (or the prefix is the whole data). */
const SATURATION = 20;

export interface PrefixLook {
  /** Range of the numeric value (epoch seconds for dates/timestamps) in the prefix, when it has one. */
  range: { low: number; high: number } | null;
  /** Compute exact value counts in the main pass. */
  categorical: boolean;
  /** The prefix's distinct value texts (sorted), for a categorical column that is not an integer or a date: the pass tallies values by their index here. */
  labels: string[] | null;
}

/** Columns whose value counts can be asked for: the ones the old rule gave a distinct count. */
export function countsDistinct(plan: ColumnPlan): boolean {
  return plan.type !== 'number' || plan.contract?.distinct !== undefined;
}

export async function prefixLook(scan: DataScan, plans: ColumnPlan[]): Promise<PrefixLook[]> {
  const select = ['count(*)::DOUBLE AS n'];
  plans.forEach((plan, j) => {
    const numeric = numericExpression(plan);
    if (numeric) select.push(`min(${numeric})::DOUBLE AS lo${j}`, `max(${numeric})::DOUBLE AS hi${j}`);
    if (countsDistinct(plan)) select.push(`count(DISTINCT ${plan.value})::DOUBLE AS d${j}`);
    // Integers and dates are tallied by number (aggregate.ts), so only other columns need their texts.
    if (countsDistinct(plan) && plan.type !== 'integer' && plan.type !== 'date') {
      select.push(`CASE WHEN count(DISTINCT ${plan.value}) <= ${MAX_CATEGORIES} THEN list(DISTINCT ${valueText(plan)}) FILTER (WHERE ${valueText(plan)} IS NOT NULL) END AS l${j}`);
    }
  });
  const row = await scan.run(async (from) => {
    const reader = await scan.session.connection.runAndReadAll(`SELECT ${select.join(', ')} FROM (SELECT * FROM ${from} LIMIT ${PREFIX_ROWS})`);
    return reader.getRowObjectsJS()[0] as Record<string, unknown>;
  });
  const num = (key: string) => (typeof row[key] === 'number' && Number.isFinite(row[key]) ? (row[key] as number) : null);
  const rows = num('n') ?? 0;
  const whole = rows < PREFIX_ROWS;
  return plans.map((_, j) => {
    const low = num(`lo${j}`);
    const high = num(`hi${j}`);
    const distinct = num(`d${j}`);
    const categorical = distinct !== null && distinct <= MAX_CATEGORIES && (whole || distinct * SATURATION <= rows);
    const list = row[`l${j}`];
    const labels = categorical && Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string').sort() : null;
    return { range: low !== null && high !== null ? { low, high } : null, categorical, labels };
  });
}
