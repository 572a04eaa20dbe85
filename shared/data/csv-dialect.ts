/**
 * The CSV delimiter, decided from the header line. DuckDB's sniffer alone can be fooled by a
 * ragged row near the end of a small file (it then skips rows, or picks no delimiter and
 * reads one column) and returns wrong data silently; with the delimiter, the header and
 * skip=0 fixed, a ragged row is an error at its line instead.
 */
import { open } from 'node:fs/promises';
import { zlib } from '../node/builtins.js';

const CANDIDATES = [',', '\t', ';', '|'] as const;
const HEAD_BYTES = 64 * 1024;

export async function detectDelimiter(file: string): Promise<string> {
  const header = firstRecord(await headText(file));
  let best: string = /\.tsv(\.gz)?$/i.test(file) ? '\t' : ',';
  let bestCount = countOutsideQuotes(header, best);
  for (const candidate of CANDIDATES) {
    const count = countOutsideQuotes(header, candidate);
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The header's column names, unquoted. DuckDB silently renames a repeated name (`a`, `a_1`)
 * and compares names without case, so `Age` and `age` collide too: the caller refuses those.
 */
export async function csvHeaderNames(file: string, delimiter: string): Promise<string[]> {
  const header = firstRecord(await headText(file)).replace(/\r$/, '').replace(/^\uFEFF/, '');
  const names: string[] = [];
  let current = '';
  let inQuotes = false;
  for (let i = 0; i < header.length; i++) {
    const ch = header[i]!;
    if (ch === '"') {
      if (inQuotes && header[i + 1] === '"') {
        current += '"';
        i++;
      } else inQuotes = !inQuotes;
    } else if (ch === delimiter && !inQuotes) {
      names.push(current);
      current = '';
    } else current += ch;
  }
  names.push(current);
  return names;
}

async function headText(file: string): Promise<string> {
  const handle = await open(file, 'r');
  let head: Buffer;
  try {
    head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    head = head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (/\.gz$/i.test(file)) {
    try {
      head = zlib().gunzipSync(head, { finishFlush: 2 /* Z_SYNC_FLUSH: a truncated stream is fine */ });
    } catch {
      return '';
    }
  }
  return head.toString('utf8');
}

function firstRecord(text: string): string {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === '\n' && !inQuotes) return text.slice(0, i);
  }
  return text;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === delimiter && !inQuotes) count += 1;
  }
  return count;
}
