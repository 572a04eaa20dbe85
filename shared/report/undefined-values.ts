/**
 * How reports show values and intervals that are undefined (null in the results and the run
 * record): "n/a", never "0" or "[0, 1]". A table with such cells gets one line under it naming
 * each metric's reason (the `undefined_reason` of its result), so the reader learns why.
 */
import { code, escapeCell, formatNumber } from './markdown.js';

export const NOT_AVAILABLE = 'n/a';

/** A value, or n/a when it is undefined (null, NaN). */
export function valueCell(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? NOT_AVAILABLE : formatNumber(value);
}

/** A change with its sign, or n/a. */
export function signedCell(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return NOT_AVAILABLE;
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}

/** An interval, or n/a when there is none (undefined on too many resamples, or none computed). */
export function intervalCell(ci: readonly (number | null)[] | null | undefined): string {
  return ci && ci.length === 2 && ci[0] !== null && ci[1] !== null && Number.isFinite(ci[0]) && Number.isFinite(ci[1]) ? `[${formatNumber(ci[0])}, ${formatNumber(ci[1])}]` : NOT_AVAILABLE;
}

/** "<sub>n/a: `precision` undefined on these rows (no predicted positives); …</sub>", or '' when no reason is given. */
export function undefinedNote(reasons: readonly { name: string; reason?: string }[]): string {
  const given = reasons.filter((r): r is { name: string; reason: string } => Boolean(r.reason));
  if (!given.length) return '';
  return `<sub>${NOT_AVAILABLE}: ${given.map((r) => `${code(r.name)} ${escapeCell(r.reason)}`).join('; ')}.</sub>`;
}
