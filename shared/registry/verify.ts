/** Digest checks on everything read back from a registry or layout. */
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors/user-error.js';
import type { Digest } from './digest.js';
import { crypto } from '../node/builtins.js';

export class DigestMismatchError extends UserError {}

export function digestMismatch(what: string, expected: Digest, actual: string, where: string): DigestMismatchError {
  return new DigestMismatchError(`${what} does not match its digest: expected ${expected}, got ${actual}`, {
    where: { file: where },
    hint: 'The stored content was altered or corrupted; nothing was written. Re-register the version or restore the registry storage.',
  });
}

export function verifyBytes(bytes: Uint8Array, expected: Digest, expectedSize: number | undefined, what: string, where: string): void {
  const actual = `sha256:${crypto().createHash('sha256').update(bytes).digest('hex')}`;
  if (actual !== expected) throw digestMismatch(what, expected, actual, where);
  if (expectedSize !== undefined && bytes.length !== expectedSize) throw digestMismatch(what, expected, `${bytes.length} bytes instead of ${expectedSize}`, where);
}

/**
 * Writes chunks to `path` through a temporary sibling while hashing them; renames into place
 * only when the digest and size match, so a tampered blob never leaves a file behind.
 */
export async function writeVerified(
  chunks: AsyncIterable<Uint8Array>,
  path: string,
  expected: Digest,
  expectedSize: number | undefined,
  what: string,
  where: string,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${crypto().randomBytes(6).toString('hex')}.tmp`);
  const hash = crypto().createHash('sha256');
  let size = 0;
  const handle = await open(temporary, 'w');
  try {
    for await (const chunk of chunks) {
      hash.update(chunk);
      size += chunk.length;
      // Stop at the declared size: a longer stream is never written out in full.
      if (expectedSize !== undefined && size > expectedSize) throw digestMismatch(what, expected, `more than the declared ${expectedSize} bytes`, where);
      await handle.write(chunk);
    }
    await handle.sync();
    await handle.close();
    const actual = `sha256:${hash.digest('hex')}`;
    if (actual !== expected) throw digestMismatch(what, expected, actual, where);
    if (expectedSize !== undefined && size !== expectedSize) throw digestMismatch(what, expected, `${size} bytes instead of ${expectedSize}`, where);
    await rename(temporary, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}
