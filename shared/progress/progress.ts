/**
 * Progress of long work (a data scan, a scoring loop): what is done, the percentage where the
 * total is known, the rate and the time left. In a log (GitHub Actions, a redirected CLI) it
 * writes at most one plain line every few seconds and nothing at all for work that ends before
 * the first interval; on a terminal it keeps one live line up to date and clears it at the end.
 * The clock is injected, so tests drive it without real time.
 */
export type ProgressUnit = 'rows' | 'bytes' | 'resamples';

export interface ProgressSink {
  info(message: string): void;
  /** A transient line replaced in place (terminals only); null clears it. */
  liveLine?(text: string | null): void;
}

export interface ProgressOptions {
  label: string;
  unit: ProgressUnit;
  /** Known total in `unit`, if any. */
  total?: number;
  /** Milliseconds, monotonic; default performance.now. */
  now?: () => number;
  /** Least interval between two log lines (default 5 s). */
  logEveryMs?: number;
  /** Least interval between two updates of a live line (default 0.25 s). */
  liveEveryMs?: number;
}

export const LOG_EVERY_MS = 5_000;
export const LIVE_EVERY_MS = 250;

export class Progress {
  private readonly started: number;
  private last: number;
  private lines = 0;
  private shown = false;
  private readonly now: () => number;
  private total: number | undefined;

  constructor(
    private readonly sink: ProgressSink,
    private readonly options: ProgressOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
    this.last = this.started;
    this.total = options.total;
  }

  /** Reports `done` units (and the total, when it became known); writes only when the interval has passed. */
  update(done: number, total?: number): void {
    if (total !== undefined) this.total = total;
    const now = this.now();
    const live = this.sink.liveLine !== undefined;
    const every = live ? (this.options.liveEveryMs ?? LIVE_EVERY_MS) : (this.options.logEveryMs ?? LOG_EVERY_MS);
    if (now - this.last < every) return;
    this.last = now;
    const text = formatProgress({ label: this.options.label, unit: this.options.unit, done, total: this.total, elapsedMs: now - this.started });
    if (live) {
      this.sink.liveLine!(text);
      this.shown = true;
    } else {
      this.sink.info(text);
      this.lines += 1;
    }
  }

  /** Ends the report: clears a live line. Log lines already written stay (the caller logs the outcome). */
  finish(): void {
    if (this.shown) this.sink.liveLine?.(null);
    this.shown = false;
  }

  /** Log lines written so far. */
  get linesWritten(): number {
    return this.lines;
  }
}

export interface ProgressState {
  label: string;
  unit: ProgressUnit;
  done: number;
  total?: number;
  elapsedMs: number;
}

/** "scanning data.csv: 120.5 of 358.0 MB (33.7 %), 40.2 MB/s, about 6 s left". */
export function formatProgress(state: ProgressState): string {
  const { label, unit, done, total, elapsedMs } = state;
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? done / seconds : 0;
  const parts: string[] = [];
  if (total !== undefined && total > 0) {
    const share = Math.min(1, Math.max(0, done / total));
    parts.push(`${amount(done, unit)} of ${amount(total, unit)} ${unitName(unit)} (${(share * 100).toFixed(1)} %)`);
  } else {
    parts.push(`${amount(done, unit)} ${unitName(unit)}`);
  }
  if (rate > 0) parts.push(`${amount(rate, unit)} ${unitName(unit)}/s`);
  if (total !== undefined && total > 0 && rate > 0 && done < total) parts.push(`about ${duration((total - done) / rate)} left`);
  else if (total !== undefined && total > 0 && done >= total) parts.push('finishing');
  return `${label}: ${parts.join(', ')}`;
}

function unitName(unit: ProgressUnit): string {
  return unit === 'bytes' ? 'MB' : unit;
}

/** Counts with thousands separators; bytes in MB (one decimal), scaled to the reference figure. */
function amount(value: number, unit: ProgressUnit): string {
  if (unit === 'bytes') return (value / 1e6).toFixed(1);
  return Math.round(value).toLocaleString('en-US');
}

/** "0 s", "42 s", "3 min 05 s", "2 h 07 min". */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return 'unknown';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  const minutes = Math.round(s / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
