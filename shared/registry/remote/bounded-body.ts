/**
 * Reading a registry's answer without trusting it: a body is read up to a stated cap (and never
 * buffered beyond it, whatever Content-Length says), and a blob stream stops at the size its
 * descriptor declares.
 */
import { UserError } from '../../errors/user-error.js';

/** The distribution spec's own manifest limit (registries refuse bigger ones on push). */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** A tag list page, a token answer or an error body. */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
/** A blob read into memory (config, card, record); models are streamed to files instead. */
export const MAX_IN_MEMORY_BLOB_BYTES = 64 * 1024 * 1024;

export class BodyTooLargeError extends UserError {}

function tooLarge(what: string, limit: number, where: string): BodyTooLargeError {
  return new BodyTooLargeError(`${what} from ${where} is larger than ${limit.toLocaleString('en-US')} bytes; refusing to read it`, {
    hint: 'The registry answered with more than such a document may hold: it is misbehaving or hostile. Nothing was written.',
  });
}

/** The whole body, refusing (and cancelling the download) past `limit` bytes. */
export async function readBounded(response: Response, limit: number, what: string, where: string): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    throw tooLarge(what, limit, where);
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of boundedChunks(response.body, limit, () => tooLarge(what, limit, where))) {
    chunks.push(Buffer.from(chunk));
    size += chunk.length;
  }
  return Buffer.concat(chunks, size);
}

/** Passes chunks through until more than `limit` bytes arrived, then cancels the stream and throws. */
export async function* boundedChunks(stream: ReadableStream<Uint8Array>, limit: number, error: () => Error): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.length;
      if (size > limit) throw error();
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
