/**
 * Content fingerprint of the data: SHA-256 of each file (streamed), then SHA-256 over the
 * (size, file hash) list in file order. Only content counts: the same bytes under another
 * name or checkout path give the same fingerprint; any changed byte, or reordered files, change it.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { DataSource } from './resolve.js';

export interface FileDigest {
  path: string;
  bytes: number;
  sha256: string;
}

export async function fingerprintData(source: DataSource): Promise<{ fingerprint: string; files: FileDigest[] }> {
  const files: FileDigest[] = [];
  for (let i = 0; i < source.files.length; i++) {
    const file = source.files[i]!;
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
    files.push({ path: source.displayFiles[i]!, bytes: (await stat(file)).size, sha256: hash.digest('hex') });
  }
  const combined = createHash('sha256');
  for (const file of files) combined.update(`${file.bytes}\0${file.sha256}\n`);
  return { fingerprint: `sha256:${combined.digest('hex')}`, files };
}
