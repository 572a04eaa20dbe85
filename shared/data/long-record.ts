/**
 * Finds the first CSV record longer than the reader's line limit. DuckDB's message for it names
 * no usable line (it reports line 1 when the scan is parallel), so the file is read once more,
 * only on this failure path, to say where the record starts.
 */
import { fileBytes } from './file-bytes.js';

export interface LongRecord {
  /** Physical line (1-based) where the record starts. */
  line: number;
  /** The record's length in bytes, counted up to the limit's first excess (the rest is not read). */
  bytesAtLeast: number;
}

export async function findLongRecord(file: string, limit: number): Promise<LongRecord | undefined> {
  let line = 1;
  let recordLine = 1;
  let length = 0;
  let inQuotes = false;
  for await (const bytes of fileBytes(file)) {
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i]!;
      if (byte === 0x22) inQuotes = !inQuotes;
      if (byte === 0x0a) {
        line += 1;
        if (!inQuotes) {
          recordLine = line;
          length = 0;
          continue;
        }
      }
      if (++length > limit) return { line: recordLine, bytesAtLeast: length };
    }
  }
  return undefined;
}
