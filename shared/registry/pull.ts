/** Downloads every blob of a version into a directory, each verified against its digest. */
import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '../errors/user-error.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { hexOf, type Digest } from './digest.js';
import { ANNOTATION } from './media-types.js';
import type { ResolvedVersion } from './open.js';
import { safeTitle } from './package.js';
import { crypto } from '../node/builtins.js';

export interface PulledFile {
  path: string;
  digest: string;
  mediaType: string;
  size: number;
}

/** Written by the pull itself: a layer may not take these names. */
const RESERVED_NAMES = new Set(['manifest.json']);

async function makeTarget(target: string, dir: string): Promise<void> {
  try {
    await mkdir(target, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOTDIR' || code === 'EEXIST' ? `cannot pull into ${dir}: it, or a folder above it, is a file` : `cannot create the folder ${dir} (${code ?? String(error)})`,
      { where: { file: dir }, hint: 'Pull into a new or existing folder.' },
    );
  }
}

/** The file name a layer is written under: its plain title, unless that is unsafe, reserved or taken. */
export function layerFileName(title: string | undefined, digest: Digest, taken: ReadonlySet<string>): string {
  let name = safeTitle(title ?? '', hexOf(digest));
  if (RESERVED_NAMES.has(name.toLowerCase())) name = hexOf(digest);
  // Case-insensitively distinct, so no layer overwrites another on macOS or Windows either.
  if (taken.has(name.toLowerCase())) name = `${hexOf(digest).slice(0, 12)}-${name}`;
  if (taken.has(name.toLowerCase())) name = hexOf(digest);
  return name;
}

export async function pullVersion(version: ResolvedVersion, cwd: string, dir: string): Promise<PulledFile[]> {
  const target = resolve(cwd, dir);
  await makeTarget(target, dir);
  const { manifest } = version.fetched;
  if (manifest.layers.length === 0) throw new UserError(`${version.ref} has no layers`);
  const names = new Set<string>();
  const files: PulledFile[] = [];
  // Everything lands in a staging folder first and moves in only when every digest matched.
  const staging = join(target, `.pull-${crypto().randomBytes(6).toString('hex')}`);
  await mkdir(staging);
  try {
  await version.reader.blobBytes(manifest.config);
  for (const layer of manifest.layers) {
    // Titles come from the registry: only a plain file name is used, never a path.
    const name = layerFileName(layer.annotations?.[ANNOTATION.title], layer.digest as Digest, new Set([...names].map((n) => n.toLowerCase())));
    if (names.has(name)) throw new UserError(`${version.ref} lists the blob ${layer.digest} twice`, { hint: 'The manifest is malformed; nothing was written.' });
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
