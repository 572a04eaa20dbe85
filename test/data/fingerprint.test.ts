// The data fingerprint is hashed on a worker thread (shared/data/fingerprint.ts) while DuckDB scans:
// it must be the plain SHA-256 of each file's bytes, the same as hashing in-thread, and a file
// that cannot be read must still fail with the read error.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintData, hashFiles } from '../../shared/data/fingerprint.js';
import type { DataSource } from '../../shared/data/resolve.js';

let dir: string;
const contents: Buffer[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-fingerprint-'));
  // 2.5 MB (several 1 MB reads, the last one partial) and an empty file.
  const big = Buffer.alloc(2.5 * (1 << 20));
  for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251;
  contents.push(big, Buffer.alloc(0));
  await writeFile(join(dir, 'a.csv'), contents[0]!);
  await writeFile(join(dir, 'b.csv'), contents[1]!);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function source(names: string[]): DataSource {
  return { spec: names.join(','), format: 'csv', files: names.map((n) => join(dir, n)), displayFiles: names };
}

describe('data fingerprint', () => {
  it('is SHA-256 of each file, then of the (size, hash) list, as hashed in-thread', async () => {
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const { fingerprint, files } = await fingerprintData(source(['a.csv', 'b.csv']));
    expect(files).toEqual([
      { path: 'a.csv', bytes: contents[0]!.length, sha256: sha(contents[0]!) },
      { path: 'b.csv', bytes: 0, sha256: sha(contents[1]!) },
    ]);
    expect(await hashFiles(source(['a.csv', 'b.csv']).files)).toEqual(files.map((f) => f.sha256));
    const combined = createHash('sha256').update(`${contents[0]!.length}\0${sha(contents[0]!)}\n0\0${sha(contents[1]!)}\n`).digest('hex');
    expect(fingerprint).toBe(`sha256:${combined}`);
  });

  it('fails with the read error for a missing file', async () => {
    await expect(fingerprintData(source(['missing.csv']))).rejects.toThrow(/ENOENT/);
  });
});
