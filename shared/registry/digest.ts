/** sha256 digests as OCI writes them (`sha256:<64 hex>`): parsing, hashing buffers and files. */
import { createReadStream } from 'node:fs';
import { crypto } from '../node/builtins.js';

export const DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;

export type Digest = `sha256:${string}`;

export function isDigest(value: string): value is Digest {
  return DIGEST_PATTERN.test(value);
}

export function digestOf(bytes: Uint8Array | string): Digest {
  return `sha256:${crypto().createHash('sha256').update(bytes).digest('hex')}`;
}

export function hexOf(digest: Digest): string {
  return digest.slice('sha256:'.length);
}

export interface FileDigest {
  digest: Digest;
  size: number;
}

/** Streams a file through sha256. */
export async function digestFile(path: string): Promise<FileDigest> {
  const hash = crypto().createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { digest: `sha256:${hash.digest('hex')}`, size };
}
