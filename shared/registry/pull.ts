/** Downloads every blob of a version into a directory, each verified against its digest. */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '../errors/user-error.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { hexOf, type Digest } from './digest.js';
import { ANNOTATION } from './media-types.js';
import type { ResolvedVersion } from './open.js';
import { safeTitle } from './package.js';

export interface PulledFile {
  path: string;
  digest: string;
  mediaType: string;
  size: number;
}

export async function pullVersion(version: ResolvedVersion, cwd: string, dir: string): Promise<PulledFile[]> {
  const target = resolve(cwd, dir);
  await mkdir(target, { recursive: true });
  const { manifest } = version.fetched;
  if (manifest.layers.length === 0) throw new UserError(`${version.ref} has no layers`);
  const names = new Set<string>();
  const files: PulledFile[] = [];
  // Everything lands in a staging folder first and moves in only when every digest matched.
  const staging = join(target, `.pull-${randomBytes(6).toString('hex')}`);
  await mkdir(staging);
  try {
  await version.reader.blobBytes(manifest.config);
  for (const layer of manifest.layers) {
    // Titles come from the registry: only a plain file name is used, never a path.
    let name = safeTitle(layer.annotations?.[ANNOTATION.title] ?? '', hexOf(layer.digest as Digest));
    if (names.has(name)) name = `${hexOf(layer.digest as Digest).slice(0, 12)}-${name}`;
    names.add(name);
    await version.reader.blobToFile(layer, join(staging, name));
    files.push({ path: join(dir, name), digest: layer.digest, mediaType: layer.mediaType, size: layer.size });
  }
  for (const name of names) await rename(join(staging, name), join(target, name));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  await writeFileAtomic(join(target, 'manifest.json'), version.fetched.bytes);
  return files;
}
