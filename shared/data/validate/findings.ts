/** The findings of a validation, in the results JSON shape the issue fixes. */
import type { Severity } from './column-plan.js';
import type { Location } from './locate.js';

export interface Finding {
  /** null for checks on the whole data (row-count). */
  column: string | null;
  check: string;
  severity: Severity;
  /** Offending rows; 0 for checks on a statistic or the schema (mean, skew, missing-column, ...). */
  count: number;
  /** First offending file line numbers (header = line 1; Parquet: 1-based row numbers). */
  lines: number[];
  /** The same with their file, for globs of several files. */
  locations: Location[];
  message: string;
  /** What each offending line has, for one annotation per line (the message without the finding's totals). */
  line_message?: string;
  observed?: unknown;
  expected?: unknown;
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}
