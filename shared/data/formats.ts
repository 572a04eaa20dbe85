/**
 * Which reader a data file needs, decided by its extension and confirmed by its first bytes,
 * so that a Parquet file named .csv (or a gzip named .jsonl) is refused with a clear message
 * instead of surfacing as a DuckDB parse error deep inside a query.
 */
import { open } from 'node:fs/promises';
import { UserError } from '../errors/user-error.js';

export type DataFormat = 'csv' | 'parquet' | 'jsonl';

const EXTENSIONS: readonly { suffix: string; format: DataFormat; gzip: boolean }[] = [
  { suffix: '.csv', format: 'csv', gzip: false },
  { suffix: '.tsv', format: 'csv', gzip: false },
  { suffix: '.csv.gz', format: 'csv', gzip: true },
  { suffix: '.tsv.gz', format: 'csv', gzip: true },
  { suffix: '.parquet', format: 'parquet', gzip: false },
  { suffix: '.pq', format: 'parquet', gzip: false },
  { suffix: '.jsonl', format: 'jsonl', gzip: false },
  { suffix: '.ndjson', format: 'jsonl', gzip: false },
  { suffix: '.jsonl.gz', format: 'jsonl', gzip: true },
  { suffix: '.ndjson.gz', format: 'jsonl', gzip: true },
];

export const SUPPORTED_EXTENSIONS = EXTENSIONS.map((e) => e.suffix);

export function formatOfPath(path: string): { format: DataFormat; gzip: boolean } | undefined {
  const lower = path.toLowerCase();
  // Longest suffix first, so `.csv.gz` wins over a bare `.gz`.
  const match = [...EXTENSIONS].sort((a, b) => b.suffix.length - a.suffix.length).find((e) => lower.endsWith(e.suffix));
  return match && { format: match.format, gzip: match.gzip };
}

const PARQUET_MAGIC = Buffer.from('PAR1');
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
const SNIFF_BYTES = 4096;

/** The name a gzip-compressed file should have: `data.csv` → `data.csv.gz`. */
function gzipName(displayPath: string): string {
  return `${displayPath.split('/').pop()}.gz`;
}

/** Throws a UserError when the file's first bytes contradict its extension, or it is empty. */
export async function checkContent(path: string, displayPath: string, kind: { format: DataFormat; gzip: boolean }): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) throw new UserError('the data file is empty (0 bytes)', { where: { file: displayPath }, hint: 'Write the data before validating it, or fix the path.' });
    const head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    await handle.read(head, 0, head.length, 0);
    const describe = (what: string) =>
      new UserError(`the file is named like ${kind.gzip ? 'gzip-compressed ' : ''}${kind.format.toUpperCase()} but its content is ${what}`, {
        where: { file: displayPath, line: 1 },
        hint:
          what === 'gzip-compressed' && !kind.gzip && kind.format !== 'parquet'
            ? `Rename it to ${gzipName(displayPath)}: gzip-compressed ${kind.format.toUpperCase()} is read as such when its name ends in .gz.`
            : 'Rename it with the extension of its real format (.csv, .parquet, .jsonl), or regenerate it.',
      });
    if (kind.format === 'parquet') {
      const tail = Buffer.alloc(4);
      if (size >= 8) await handle.read(tail, 0, 4, size - 4);
      if (!head.subarray(0, 4).equals(PARQUET_MAGIC) || !tail.equals(PARQUET_MAGIC)) {
        throw describe(head.subarray(0, 4).equals(PARQUET_MAGIC) ? 'a truncated Parquet file (no footer)' : guessContent(head));
      }
      return size;
    }
    if (kind.gzip) {
      if (!head.subarray(0, 2).equals(GZIP_MAGIC)) throw describe(guessContent(head));
      return size;
    }
    if (head.subarray(0, 4).equals(PARQUET_MAGIC) || head.subarray(0, 2).equals(GZIP_MAGIC) || head.includes(0)) {
      // UTF-16 text also has NUL bytes: say so, it is the usual cause.
      throw head.includes(0) && !head.subarray(0, 4).equals(PARQUET_MAGIC) && !head.subarray(0, 2).equals(GZIP_MAGIC)
        ? new UserError('the file contains NUL bytes: it is binary, or text in UTF-16/UTF-32 rather than UTF-8', {
            where: { file: displayPath, line: 1 },
            hint: 'Save the file as UTF-8 text.',
          })
        : describe(guessContent(head));
    }
    if (kind.format === 'jsonl') {
      const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
      if (text.length === 0) throw new UserError('the data file holds only whitespace', { where: { file: displayPath } });
      if (!text.startsWith('{')) throw describe(text.startsWith('[') ? 'a JSON array, not one JSON object per line' : 'not JSON objects (the first character is not "{")');
    } else if (head.toString('utf8').trim().length === 0) {
      throw new UserError('the data file holds only whitespace', { where: { file: displayPath } });
    }
    return size;
  } finally {
    await handle.close();
  }
}

function guessContent(head: Buffer): string {
  if (head.subarray(0, 4).equals(PARQUET_MAGIC)) return 'Parquet';
  if (head.subarray(0, 2).equals(GZIP_MAGIC)) return 'gzip-compressed';
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'a ZIP archive (an Excel workbook?)';
  const text = head.toString('utf8').trimStart();
  if (text.startsWith('{')) return 'JSON';
  if (head.includes(0)) return 'binary';
  return 'text';
}
