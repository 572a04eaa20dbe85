/**
 * Finds the first CSV record whose field count differs from the header's. Used only to
 * explain a failed DuckDB dialect sniff, whose message does not say where the problem is.
 */
import { fileBytes } from './file-bytes.js';

export interface RaggedRow {
  line: number;
  expected: number;
  found: number;
}

export async function findRaggedRow(file: string, delimiter: string): Promise<RaggedRow | undefined> {
  const delim = delimiter.charCodeAt(0);
  let line = 1;
  let recordLine = 1;
  let fields = 1;
  let hasContent = false;
  let inQuotes = false;
  let expected: number | undefined;
  const finish = (): RaggedRow | undefined => {
    if (!hasContent) return undefined;
    if (expected === undefined) expected = fields;
    else if (fields !== expected) return { line: recordLine, expected, found: fields };
    return undefined;
  };
  for await (const bytes of fileBytes(file)) {
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i]!;
      if (byte === 0x0a) line += 1;
      if (byte === 0x22) {
        inQuotes = !inQuotes;
        hasContent = true;
      } else if (inQuotes) {
        continue;
      } else if (byte === delim) {
        fields += 1;
        hasContent = true;
      } else if (byte === 0x0a) {
        const ragged = finish();
        if (ragged) return ragged;
        recordLine = line;
        fields = 1;
        hasContent = false;
      } else if (byte !== 0x0d) {
        hasContent = true;
      }
    }
  }
  return finish();
}
