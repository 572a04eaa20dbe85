/**
 * Blob uploads (OCI distribution spec): a blob up to one chunk goes in one PUT after the POST
 * that opens the session; bigger blobs go in PATCHes of `chunkBytes`. When a PATCH fails (5xx,
 * dropped connection), the upload's status is asked for (GET on its Location, `Range: 0-N`)
 * and the upload resumes after byte N; when the session is gone, it starts over. The file is
 * hashed as it is sent: if the bytes no longer match the digest taken before the upload, the
 * file changed while uploading and the upload is abandoned before it is committed.
 */
import type { Hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { UserError } from '../../errors/user-error.js';
import type { BlobProgress, BlobSource } from '../repository.js';
import { RegistryHttpError, type RegistryHttp } from './http.js';
import { crypto } from '../../node/builtins.js';

export interface UploadOptions {
  chunkBytes: number;
  /** Failed chunks tolerated per blob before giving up. */
  maxFailures?: number;
  retryDelayMs?: number;
  log?: (message: string) => void;
}

export const DEFAULT_CHUNK_BYTES = 16 * 1024 * 1024;

class FileChanged extends UserError {}

export async function uploadBlob(http: RegistryHttp, repository: string, source: BlobSource, options: UploadOptions, onProgress?: BlobProgress): Promise<void> {
  const maxFailures = options.maxFailures ?? 5;
  const retryDelayMs = options.retryDelayMs ?? 250;
  const handle = source.kind === 'file' ? await open(source.path, 'r') : undefined;
  const read = (offset: number, length: number) => (handle ? readRange(handle, offset, length) : Promise.resolve((source as { bytes: Buffer }).bytes.subarray(offset, offset + length)));
  const what = `upload blob ${source.digest}${source.kind === 'file' ? ` (${source.displayPath})` : ''}`;
  try {
    let failures = 0;
    for (;;) {
      try {
        const location = await startUpload(http, repository, what);
        if (source.size <= options.chunkBytes) {
          await putWhole(http, location, source, read, what);
        } else {
          await sendChunks(http, location, source, read, options, what, onProgress, () => {
            failures++;
            if (failures > maxFailures) return false;
            return true;
          }, retryDelayMs);
        }
        onProgress?.(source.size, source.size);
        return;
      } catch (error) {
        if (error instanceof FileChanged || !isTransient(error)) throw error;
        failures++;
        if (failures > maxFailures) throw error;
        options.log?.(`${what}: ${(error as Error).message}; starting the upload again (${failures}/${maxFailures})`);
        await sleep(retryDelayMs * 2 ** Math.min(failures - 1, 5));
      }
    }
  } finally {
    await handle?.close();
  }
}

function isTransient(error: unknown): boolean {
  if (!(error instanceof RegistryHttpError)) return false;
  return error.status === undefined || error.status >= 500 || error.status === 404 || error.status === 416 || error.status === 400;
}

async function startUpload(http: RegistryHttp, repository: string, what: string): Promise<URL> {
  const response = await http.request('POST', `/v2/${repository}/blobs/uploads/`, { retry: true, what });
  await response.body?.cancel();
  return uploadLocation(http, response, what);
}

function uploadLocation(http: RegistryHttp, response: Response, what: string): URL {
  const location = response.headers.get('location');
  if (!location) throw new RegistryHttpError(`cannot ${what}: the registry gave no upload location`, response.status);
  return http.url(location);
}

function withDigest(location: URL, digest: string): URL {
  const url = new URL(location);
  url.searchParams.set('digest', digest);
  return url;
}

async function readRange(handle: FileHandle, start: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, start + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === length ? buffer : buffer.subarray(0, filled);
}

function changed(source: BlobSource): FileChanged {
  return new FileChanged('the model file changed while it was being uploaded', {
    where: { file: source.kind === 'file' ? source.displayPath : undefined },
    hint: 'Something is still writing it (a training job?). Register it once it is complete; nothing was tagged.',
  });
}

type ReadAt = (offset: number, length: number) => Promise<Buffer>;

async function putWhole(http: RegistryHttp, location: URL, source: BlobSource, read: ReadAt, what: string): Promise<void> {
  const body = await read(0, source.size);
  if (body.length !== source.size || `sha256:${crypto().createHash('sha256').update(body).digest('hex')}` !== source.digest) throw changed(source);
  const response = await http.request('PUT', withDigest(location, source.digest), {
    headers: { 'content-type': 'application/octet-stream' },
    body,
    what,
  });
  await response.body?.cancel();
}

/** Sends [offset, size) in chunks, resuming from the registry's Range after a failure. */
async function sendChunks(
  http: RegistryHttp,
  start: URL,
  source: BlobSource,
  read: ReadAt,
  options: UploadOptions,
  what: string,
  onProgress: BlobProgress | undefined,
  mayRetry: () => boolean,
  retryDelayMs: number,
): Promise<void> {
  let location = start;
  let offset = 0;
  const hash: Hash = crypto().createHash('sha256');
  let hashedTo = 0;
  while (offset < source.size) {
    const length = Math.min(options.chunkBytes, source.size - offset);
    const chunk = await read(offset, length);
    if (chunk.length !== length) throw changed(source);
    // Hash each byte once, in order, however often a chunk is re-sent.
    if (offset + length > hashedTo) {
      hash.update(chunk.subarray(hashedTo - offset));
      hashedTo = offset + length;
    }
    try {
      const response = await http.request('PATCH', location, {
        headers: { 'content-type': 'application/octet-stream', 'content-range': `${offset}-${offset + length - 1}` },
        body: chunk,
        what,
      });
      await response.body?.cancel();
      location = uploadLocation(http, response, what);
      offset += length;
      onProgress?.(offset, source.size);
    } catch (error) {
      if (!isTransient(error) || !mayRetry()) throw error;
      options.log?.(`${what}: chunk at byte ${offset} failed (${(error as Error).message}); asking the registry where to resume`);
      await sleep(retryDelayMs);
      // The registry says how much it has; resume after it. A session it no longer knows
      // throws, and the caller starts the upload again.
      const status = await http.request('GET', location, { what: `${what} (status)` });
      await status.body?.cancel();
      const range = /^(?:bytes=)?0-([0-9]+)$/.exec(status.headers.get('range') ?? '');
      location = uploadLocation(http, status, what);
      const received = range ? Number(range[1]) + 1 : 0;
      if (received > offset + length || received > hashedTo) throw new RegistryHttpError(`cannot ${what}: the registry reports more bytes than were sent`, 400);
      offset = received;
      // Bytes before `received` were hashed already; nothing to redo for the hash.
    }
  }
  if (hashedTo !== source.size || `sha256:${hash.digest('hex')}` !== source.digest) {
    await http.request('DELETE', location, { allow: [400, 404, 405], what: `${what} (cancel)` }).then((r) => r.body?.cancel()).catch(() => undefined);
    throw changed(source);
  }
  const response = await http.request('PUT', withDigest(location, source.digest), { what });
  await response.body?.cancel();
}
