/**
 * Maps record positions to physical file lines. DuckDB numbers CSV records, not lines: a
 * quoted field holding a newline shifts every later line number, so we find lines ourselves
 * by scanning the bytes (quote-aware for CSV), stopping as soon as every wanted record is
 * found. Only the first few offending rows of a finding are ever asked for, so the scan is
 * usually short; its worst case is one sequential read of the file, in constant memory.
 *
 * Line numbers are 1-based and count the CSV header as line 1. Blank lines are skipped as
 * readers skip them. JSONL records are the non-blank lines. Parquet has no lines: its
 * "line" is the 1-based row number.
 */
import type { DataFormat } from './formats.js';
import { fileBytes } from './file-bytes.js';

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const CARRIAGE_RETURN = 0x0d;

/** recordIndices: 0-based data-row positions inside one file. Returns index -> line. */
export async function linesOfRecords(file: string, format: DataFormat, recordIndices: readonly number[]): Promise<Map<number, number>> {
  const result = new Map<number, number>();
  if (recordIndices.length === 0) return result;
  if (format === 'parquet') {
    for (const index of recordIndices) result.set(index, index + 1);
    return result;
  }
  const wanted = new Set(recordIndices);
  const last = Math.max(...recordIndices);
  const scanner = new RecordScanner(format === 'csv', format === 'csv' ? -1 : 0, (record, line) => {
    if (wanted.has(record)) result.set(record, line);
    return record < last;
  });
  for await (const chunk of fileBytes(file)) {
    if (!scanner.feed(chunk)) break;
  }
  scanner.end();
  return result;
}

class RecordScanner {
  private line = 1;
  private inQuotes = false;
  private recordStartLine = 1;
  private recordHasContent = false;
  private record: number;
  private done = false;

  constructor(
    private readonly quoted: boolean,
    firstRecord: number,
    /** Called for each non-blank record with its first line; return false to stop. */
    private readonly onRecord: (record: number, line: number) => boolean,
  ) {
    this.record = firstRecord;
  }

  feed(chunk: Buffer): boolean {
    if (this.done) return false;
    let pos = 0;
    while (pos < chunk.length) {
      if (this.inQuotes) {
        const close = chunk.indexOf(QUOTE, pos);
        const stop = close === -1 ? chunk.length : close;
        this.line += countNewlines(chunk, pos, stop);
        if (close === -1) return true;
        this.inQuotes = false;
        pos = close + 1;
        continue;
      }
      const newline = chunk.indexOf(NEWLINE, pos);
      const stop = newline === -1 ? chunk.length : newline;
      const quote = this.quoted ? chunk.indexOf(QUOTE, pos) : -1;
      if (quote !== -1 && quote < stop) {
        this.recordHasContent = true;
        this.inQuotes = true;
        pos = quote + 1;
        continue;
      }
      if (!this.recordHasContent && hasContent(chunk, pos, stop)) this.recordHasContent = true;
      if (newline === -1) return true;
      if (!this.finishRecord()) return false;
      this.line += 1;
      this.recordStartLine = this.line;
      pos = newline + 1;
    }
    return true;
  }

  end(): void {
    if (!this.done) this.finishRecord();
  }

  private finishRecord(): boolean {
    if (!this.recordHasContent) return true;
    this.recordHasContent = false;
    const record = this.record++;
    if (record >= 0 && !this.onRecord(record, this.recordStartLine)) {
      this.done = true;
      return false;
    }
    return true;
  }
}

function countNewlines(chunk: Buffer, from: number, to: number): number {
  let count = 0;
  let at = chunk.indexOf(NEWLINE, from);
  while (at !== -1 && at < to) {
    count += 1;
    at = chunk.indexOf(NEWLINE, at + 1);
  }
  return count;
}

function hasContent(chunk: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const byte = chunk[i];
    if (byte !== CARRIAGE_RETURN && byte !== 0x20 && byte !== 0x09) return true;
  }
  return false;
}
