import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);

// shared/progress/progress.ts
var LOG_EVERY_MS = 5e3;
var LIVE_EVERY_MS = 250;
var Progress = class {
  constructor(sink, options) {
    this.sink = sink;
    this.options = options;
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
    this.last = this.started;
    this.total = options.total;
  }
  sink;
  options;
  started;
  last;
  lines = 0;
  shown = false;
  now;
  total;
  /** Reports `done` units (and the total, when it became known); writes only when the interval has passed. */
  update(done, total) {
    if (total !== void 0) this.total = total;
    const now = this.now();
    const live = this.sink.liveLine !== void 0;
    const every = live ? this.options.liveEveryMs ?? LIVE_EVERY_MS : this.options.logEveryMs ?? LOG_EVERY_MS;
    if (now - this.last < every) return;
    this.last = now;
    const text = formatProgress({ label: this.options.label, unit: this.options.unit, done, total: this.total, elapsedMs: now - this.started });
    if (live) {
      this.sink.liveLine(text);
      this.shown = true;
    } else {
      this.sink.info(text);
      this.lines += 1;
    }
  }
  /** Ends the report: clears a live line. Log lines already written stay (the caller logs the outcome). */
  finish() {
    if (this.shown) this.sink.liveLine?.(null);
    this.shown = false;
  }
  /** Log lines written so far. */
  get linesWritten() {
    return this.lines;
  }
};
function formatProgress(state) {
  const { label, unit, done, total, elapsedMs } = state;
  const seconds = elapsedMs / 1e3;
  const rate = seconds > 0 ? done / seconds : 0;
  const parts = [];
  if (total !== void 0 && total > 0) {
    const share = Math.min(1, Math.max(0, done / total));
    parts.push(`${amount(done, unit)} of ${amount(total, unit)} ${unitName(unit)} (${(share * 100).toFixed(1)} %)`);
  } else {
    parts.push(`${amount(done, unit)} ${unitName(unit)}`);
  }
  if (rate > 0) parts.push(`${amount(rate, unit)} ${unitName(unit)}/s`);
  if (total !== void 0 && total > 0 && rate > 0 && done < total) parts.push(`about ${duration((total - done) / rate)} left`);
  else if (total !== void 0 && total > 0 && done >= total) parts.push("finishing");
  return `${label}: ${parts.join(", ")}`;
}
function unitName(unit) {
  return unit === "bytes" ? "MB" : unit;
}
function amount(value, unit) {
  if (unit === "bytes") return (value / 1e6).toFixed(1);
  return Math.round(value).toLocaleString("en-US");
}
function duration(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return "unknown";
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
  const minutes = Math.round(s / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

export {
  Progress
};
