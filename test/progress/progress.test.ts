// Progress lines: format, and throttling driven by an injected clock (no real time).
import { describe, expect, it } from 'vitest';
import { bytesDone } from '../../shared/data/query-progress.js';
import { LocalHost } from '../../shared/host/local-host.js';
import { duration, formatProgress, Progress, type ProgressSink } from '../../shared/progress/progress.js';

function clock(start = 1_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function logSink(): ProgressSink & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (message) => lines.push(message) };
}

describe('progress line format', () => {
  it('states done, total, percent, rate and time left', () => {
    expect(formatProgress({ label: 'scoring', unit: 'rows', done: 250_000, total: 1_000_000, elapsedMs: 5_000 })).toBe('scoring: 250,000 of 1,000,000 rows (25.0 %), 50,000 rows/s, about 15 s left');
    expect(formatProgress({ label: 'scan', unit: 'bytes', done: 120_500_000, total: 358_000_000, elapsedMs: 3_000 })).toBe('scan: 120.5 of 358.0 MB (33.7 %), 40.2 MB/s, about 6 s left');
  });

  it('leaves out the percentage and time left when the total is unknown', () => {
    expect(formatProgress({ label: 'reading', unit: 'rows', done: 1_234_567, elapsedMs: 2_000 })).toBe('reading: 1,234,567 rows, 617,284 rows/s');
  });

  it('says nothing of a rate before anything is done, and "finishing" at the total', () => {
    expect(formatProgress({ label: 'x', unit: 'resamples', done: 0, total: 1_000, elapsedMs: 0 })).toBe('x: 0 of 1,000 resamples (0.0 %)');
    expect(formatProgress({ label: 'x', unit: 'resamples', done: 1_000, total: 1_000, elapsedMs: 4_000 })).toBe('x: 1,000 of 1,000 resamples (100.0 %), 250 resamples/s, finishing');
  });

  it('writes durations in seconds, minutes and hours', () => {
    expect([duration(0.4), duration(42), duration(185), duration(7_620), duration(Number.NaN)]).toEqual(['0 s', '42 s', '3 min 05 s', '2 h 07 min', 'unknown']);
  });
});

describe('progress in a log (GitHub Actions, redirected CLI)', () => {
  it('writes nothing for work shorter than the interval, then at most one line per interval', () => {
    const time = clock();
    const sink = logSink();
    const progress = new Progress(sink, { label: 'scan', unit: 'rows', total: 100, now: time.now });
    for (let step = 1; step <= 49; step++) {
      time.advance(100);
      progress.update(step);
    }
    expect(sink.lines).toEqual([]); // 4.9 s
    time.advance(100);
    progress.update(50); // 5.0 s
    expect(sink.lines).toEqual(['scan: 50 of 100 rows (50.0 %), 10 rows/s, about 5 s left']);
    for (let step = 0; step < 49; step++) {
      time.advance(100);
      progress.update(51);
    }
    expect(sink.lines).toHaveLength(1); // 9.9 s
    time.advance(100);
    progress.update(80);
    expect(sink.lines).toHaveLength(2);
    progress.finish();
    expect(sink.lines).toHaveLength(2);
    expect(sink.lines.join('')).not.toMatch(/[\r\x1b]/);
  });

  it('takes its interval from the options and a total that becomes known later', () => {
    const time = clock();
    const sink = logSink();
    const progress = new Progress(sink, { label: 'p', unit: 'rows', now: time.now, logEveryMs: 2_000 });
    time.advance(2_000);
    progress.update(10);
    time.advance(2_000);
    progress.update(20, 40);
    expect(sink.lines).toEqual(['p: 10 rows, 5 rows/s', 'p: 20 of 40 rows (50.0 %), 5 rows/s, about 4 s left']);
    expect(progress.linesWritten).toBe(2);
  });
});

describe('progress on a terminal', () => {
  it('rewrites one live line at most every 250 ms and clears it at the end', () => {
    const time = clock();
    const live: (string | null)[] = [];
    const sink = { info: () => expect.fail('no log lines on a terminal'), liveLine: (text: string | null) => live.push(text) };
    const progress = new Progress(sink, { label: 's', unit: 'rows', total: 10, now: time.now });
    time.advance(100);
    progress.update(1);
    time.advance(150);
    progress.update(2);
    time.advance(100);
    progress.update(3);
    time.advance(150);
    progress.update(4);
    progress.finish();
    expect(live).toEqual(['s: 2 of 10 rows (20.0 %), 8 rows/s, about 1 s left', 's: 4 of 10 rows (40.0 %), 8 rows/s, about 1 s left', null]);
  });

  it('clears nothing when no live line was shown', () => {
    const live: (string | null)[] = [];
    const progress = new Progress({ info: () => undefined, liveLine: (t) => live.push(t) }, { label: 's', unit: 'rows', now: () => 0 });
    progress.finish();
    expect(live).toEqual([]);
  });

  it('the CLI host has a live line only when given one (a TTY), and masks secrets in it', () => {
    const plain = new LocalHost({ cwd: '/', inputs: {}, env: {}, summaryPath: 's.md', out: () => undefined, err: () => undefined });
    expect(plain.liveLine).toBeUndefined();
    const written: (string | null)[] = [];
    const tty = new LocalHost({ cwd: '/', inputs: {}, env: {}, summaryPath: 's.md', out: () => undefined, err: () => undefined, live: (t) => written.push(t) });
    tty.setSecret('hunter2');
    tty.liveLine!('reading hunter2.csv');
    tty.liveLine!(null);
    expect(written).toEqual(['reading ***.csv', null]);
  });
});

describe("DuckDB's query progress", () => {
  it('becomes bytes of the input; -1 (not started) is no figure', () => {
    expect(bytesDone({ percentage: -1 }, 1_000)).toBeUndefined();
    expect(bytesDone({ percentage: 25 }, 1_000)).toBe(250);
    expect(bytesDone({ percentage: 100.4 }, 1_000)).toBe(1_000);
  });
});
