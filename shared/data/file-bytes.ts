/**
 * A data file's bytes in chunks of about 1 MiB, gunzipped when its name ends in `.gz`, for the
 * scans that explain a reader error or map records to lines. The file is closed when the loop
 * over it ends, early (break, return, throw) or not.
 */
import { createReadStream } from 'node:fs';
import { zlib } from '../node/builtins.js';

export async function* fileBytes(file: string): AsyncGenerator<Buffer> {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  const stream: NodeJS.ReadableStream = /\.gz$/i.test(file) ? raw.pipe(zlib().createGunzip()) : raw;
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } finally {
    (stream as unknown as { destroy?: () => void }).destroy?.();
    raw.destroy();
  }
}
