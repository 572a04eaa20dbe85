/**
 * A streaming pass over a data file before DuckDB parses it, for what DuckDB cannot be trusted
 * with: its JSON reader allocates without bound on deep nesting (40 KB of `[[[[…` took 24 GB of
 * memory, 200 KB crashed the process with SIGSEGV) and its gzip reader accepts a truncated
 * stream as a short file. Reads 64 KiB at a time, whatever the file holds:
 *   - JSON Lines: nesting deeper than MAX_JSON_DEPTH, or a line longer than MAX_JSON_LINE_BYTES,
 *     is refused naming the file and line;
 *   - gzip (any format): the whole stream is decompressed and its trailer checked, so a truncated
 *     or corrupt `.csv.gz` / `.jsonl.gz` is refused instead of read as fewer rows.
 */
import { createReadStream } from 'node:fs';
import { UserError } from '../errors/user-error.js';
import type { DataFormat } from './formats.js';
import { zlib } from '../node/builtins.js';

/** Deeper than any tabular record needs; far below what DuckDB survives. */
export const MAX_JSON_DEPTH = 64;
/** DuckDB's own default `maximum_object_size` (16 MiB): one record never needs more. */
export const MAX_JSON_LINE_BYTES = 16 * 1024 * 1024;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/** Tracks JSON nesting across chunks, one document per line. */
class JsonLinesDepth {
  private line = 1;
  private depth = 0;
  private lineBytes = 0;
  private inString = false;
  private escaped = false;

  constructor(private readonly displayPath: string) {}

  push(chunk: Buffer): void {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (byte === NEWLINE) {
        this.line++;
        this.depth = 0;
        this.lineBytes = 0;
        this.inString = false;
        this.escaped = false;
        continue;
      }
      if (++this.lineBytes > MAX_JSON_LINE_BYTES) {
        throw new UserError(`a JSON Lines record is longer than ${MAX_JSON_LINE_BYTES / 1048576} MiB`, {
          where: { file: this.displayPath, line: this.line },
          hint: 'One line holds one record; split the data into one object per line, or store large values elsewhere.',
        });
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) this.inString = false;
      } else if (byte === QUOTE) {
        this.inString = true;
      } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        if (++this.depth > MAX_JSON_DEPTH) {
          throw new UserError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`, {
            where: { file: this.displayPath, line: this.line },
            hint: 'Data records are flat or shallow; this nesting is either a broken export or a hostile file. Flatten the record.',
          });
        }
      } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        if (this.depth > 0) this.depth--;
      }
    }
  }
}

export function needsPrescan(kind: { format: DataFormat; gzip: boolean }): boolean {
  return kind.gzip || kind.format === 'jsonl';
}

export async function prescanFile(path: string, displayPath: string, kind: { format: DataFormat; gzip: boolean }): Promise<void> {
  if (!needsPrescan(kind)) return;
  const depth = kind.format === 'jsonl' ? new JsonLinesDepth(displayPath) : undefined;
  const raw = createReadStream(path, { highWaterMark: 64 * 1024 });
  const stream = kind.gzip ? raw.pipe(zlib().createGunzip({ chunkSize: 64 * 1024 })) : raw;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) depth?.push(chunk);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (kind.gzip && /^Z_|ERR_/.test(code)) {
      const truncated = /unexpected end/i.test((error as Error).message);
      throw new UserError(truncated ? 'the gzip file is truncated: it ends before its last block' : `the gzip file is corrupt (${(error as Error).message})`, {
        where: { file: displayPath },
        hint: 'Copy or download the file again; `gzip -t` checks it.',
      });
    }
    throw error;
  } finally {
    raw.destroy();
  }
}
