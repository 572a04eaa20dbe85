/**
 * Content fingerprint of the data: SHA-256 of each file (streamed), then SHA-256 over the
 * (size, file hash) list in file order. Only content counts: the same bytes under another
 * name or checkout path give the same fingerprint; any changed byte, or reordered files, change it.
 *
 * The files are hashed on a worker thread: data-validate fingerprints while DuckDB scans the same
 * files, and DuckDB's threads call into the JS thread with every chunk (tally.ts); a 1 MB
 * `hash.update` there (≈ 1 s of CPU for 358 MB) would keep them waiting.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { crypto, workerThreads } from '../node/builtins.js';
import type { DataSource } from './resolve.js';

export interface FileDigest {
  path: string;
  bytes: number;
  sha256: string;
}

export async function fingerprintData(source: DataSource): Promise<{ fingerprint: string; files: FileDigest[] }> {
  const digests = await hashOnWorker(source.files).catch(() => hashFiles(source.files));
  const files: FileDigest[] = [];
  for (let i = 0; i < source.files.length; i++) {
    files.push({ path: source.displayFiles[i]!, bytes: (await stat(source.files[i]!)).size, sha256: digests[i]! });
  }
  const combined = crypto().createHash('sha256');
  for (const file of files) combined.update(`${file.bytes}\0${file.sha256}\n`);
  return { fingerprint: `sha256:${combined.digest('hex')}`, files };
}

/** SHA-256 (hex) of each file, streamed in 1 MB chunks. */
export async function hashFiles(paths: readonly string[]): Promise<string[]> {
  const digests: string[] = [];
  for (const file of paths) {
    const hash = crypto().createHash('sha256');
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
    digests.push(hash.digest('hex'));
  }
  return digests;
}

/** hashFiles on a worker thread (CommonJS source, so it runs alike from the bundle and from sources). Rejects if the worker fails; the caller then hashes here, and a read error surfaces there as it always did. */
function hashOnWorker(paths: readonly string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new (workerThreads().Worker)(WORKER_SOURCE, { eval: true, workerData: { paths } });
    worker.once('message', (digests: string[]) => resolve(digests));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the fingerprint worker exited (${code})`)));
  });
}

/** One 1 MB buffer read into again and again: nothing for the worker's heap to collect, so it stays small. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const buffer = Buffer.allocUnsafe(1 << 20);
const digests = [];
for (const file of workerData.paths) {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  digests.push(hash.digest('hex'));
}
parentPort.postMessage(digests);
`;
