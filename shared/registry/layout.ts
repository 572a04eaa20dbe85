/**
 * A local registry: one OCI image layout directory (oci-layout, index.json, blobs/sha256/…)
 * shared by every model registered into it. Each tag is an index.json entry whose
 * `org.opencontainers.image.ref.name` is `<model name>:<tag>`; skopeo and other OCI tools read
 * it as `oci:<dir>:<name>:<tag>`. Blobs are content-addressed and written before the index
 * that references them, and index.json is replaced atomically, so a reader never sees a tag
 * whose blobs are missing.
 */
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { open, rename } from 'node:fs/promises';
import { UserError } from '../errors/user-error.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { hexOf, isDigest, type Digest } from './digest.js';
import { withDirectoryLock, type LockOptions } from './lock.js';
import { currentProcess, ownerState } from './process-identity.js';

/** Temporary uploads without an owner in their name (older versions) are removed after a day. */
const ABANDONED_UPLOAD_MS = 24 * 60 * 60 * 1000;
import { ANNOTATION, INDEX_MEDIA_TYPE, MANIFEST_MEDIA_TYPE } from './media-types.js';
import { Descriptor, ImageIndex, ImageManifest, OciLayoutFile } from './oci-schema.js';
import type { BlobProgress, BlobSource, FetchedManifest, RepositoryReader } from './repository.js';
import { MAX_IN_MEMORY_BLOB_BYTES, MAX_MANIFEST_BYTES } from './remote/bounded-body.js';
import { digestMismatch, verifyBytes, writeVerified } from './verify.js';
import { crypto } from '../node/builtins.js';

/** index.json of a layout: thousands of versions fit in a few MiB. */
const MAX_INDEX_BYTES = 64 * 1024 * 1024;

export interface TagEntry {
  name: string;
  tag: string;
  descriptor: Descriptor;
}

export class OciLayout {
  private constructor(
    /** Absolute path of the layout directory. */
    readonly root: string,
    /** The directory as the user wrote it. */
    readonly display: string,
  ) {}

  /** Opens an existing layout; with `create`, makes an empty one where there is none. */
  static async open(cwd: string, dir: string, options: { create?: boolean } = {}): Promise<OciLayout> {
    const layout = new OciLayout(resolve(cwd, dir), dir);
    const marker = join(layout.root, 'oci-layout');
    if (!existsSync(marker)) {
      if (!options.create) {
        throw new UserError(`no OCI image layout at ${dir}`, {
          where: { file: dir },
          hint: existsSync(layout.root)
            ? 'The directory exists but has no oci-layout file: it is not a registry.'
            : 'Register a model first (the register stage creates the layout), or for a remote registry write oci://host/repository.',
        });
      }
      await mkdir(join(layout.root, 'blobs', 'sha256'), { recursive: true });
      // Under the lock: a concurrent first registration may already have written index.json
      // with its version, which an unlocked "create if absent" could overwrite.
      await layout.withLock(async () => {
        if (!existsSync(join(layout.root, 'index.json'))) await layout.writeIndex({ schemaVersion: 2, mediaType: INDEX_MEDIA_TYPE, manifests: [] });
        if (!existsSync(marker)) await writeFileAtomic(marker, `${JSON.stringify({ imageLayoutVersion: '1.0.0' })}\n`);
      });
    } else {
      let text: string;
      try {
        text = await readFile(marker, 'utf8');
      } catch (error) {
        throw new UserError(`cannot read ${join(dir, 'oci-layout')} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { where: { file: join(dir, 'oci-layout') } });
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      const result = OciLayoutFile.safeParse(parsed);
      if (!result.success || !result.data.imageLayoutVersion.startsWith('1.')) {
        throw new UserError('oci-layout is not an OCI image layout 1.x marker', { where: { file: join(dir, 'oci-layout') }, hint: 'The directory is not a registry written by an OCI tool.' });
      }
    }
    return layout;
  }

  withLock<T>(fn: () => Promise<T>, options?: LockOptions): Promise<T> {
    return withDirectoryLock(join(this.root, '.mlops-lock'), fn, options);
  }

  async readIndex(): Promise<ImageIndex> {
    const file = join(this.display, 'index.json');
    let text: string;
    try {
      // A layout may come from a pull request: its index is capped before it is read.
      const { size } = await stat(join(this.root, 'index.json'));
      if (size > MAX_INDEX_BYTES) {
        throw new UserError(`index.json is ${size.toLocaleString('en-US')} bytes, more than the ${MAX_INDEX_BYTES.toLocaleString('en-US')} an index of this suite can reach`, { where: { file }, hint: 'The layout is corrupt or crafted; restore index.json from a backup.' });
      }
      text = await readFile(join(this.root, 'index.json'), 'utf8');
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError(`cannot read the layout's index (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { where: { file } });
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new UserError(`index.json is not valid JSON (${(error as Error).message})`, { where: { file }, hint: 'The layout is corrupt; restore index.json from a backup.' });
    }
    const result = ImageIndex.safeParse(data);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new UserError(`index.json is not an OCI image index: ${issue.message}`, { where: { file, key: issue.path.map(String).join('.') } });
    }
    return result.data;
  }

  async writeIndex(index: ImageIndex): Promise<void> {
    await writeFileAtomic(join(this.root, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  }

  /** Every `<name>:<tag>` entry of the index. Entries of other tools (no name part) are skipped. */
  async tagEntries(): Promise<TagEntry[]> {
    const index = await this.readIndex();
    const entries: TagEntry[] = [];
    for (const descriptor of index.manifests) {
      const ref = descriptor.annotations?.[ANNOTATION.refName];
      const colon = ref?.indexOf(':') ?? -1;
      if (!ref || colon <= 0) continue;
      entries.push({ name: ref.slice(0, colon), tag: ref.slice(colon + 1), descriptor });
    }
    return entries;
  }

  /** Model names in this layout, sorted. */
  async names(): Promise<string[]> {
    return [...new Set((await this.tagEntries()).map((entry) => entry.name))].sort();
  }

  blobPath(digest: Digest): string {
    return join(this.root, 'blobs', 'sha256', hexOf(digest));
  }

  async hasBlob(digest: Digest, size: number): Promise<boolean> {
    try {
      return (await stat(this.blobPath(digest))).size === size;
    } catch {
      return false;
    }
  }

  /**
   * Stores a blob unless it is already there. A file is hashed again while it is copied: if it
   * no longer matches the digest taken earlier, it changed during registration and is refused.
   */
  async putBlob(source: BlobSource, onProgress?: BlobProgress): Promise<void> {
    if (await this.hasBlob(source.digest, source.size)) return;
    const target = this.blobPath(source.digest);
    if (source.kind === 'bytes') {
      await writeFileAtomic(target, source.bytes);
      return;
    }
    // The name says whose it is, so an upload abandoned by a killed process can be told from a live one.
    const me = currentProcess();
    const temporary = join(this.root, 'blobs', 'sha256', `.upload-${me.pid}-${me.start_time ?? 'x'}-${crypto().randomBytes(6).toString('hex')}.tmp`);
    const hash = crypto().createHash('sha256');
    let size = 0;
    const handle = await open(temporary, 'w');
    try {
      for await (const chunk of createReadStream(source.path)) {
        const bytes = chunk as Buffer;
        hash.update(bytes);
        size += bytes.length;
        await handle.write(bytes);
        onProgress?.(size, source.size);
      }
      await handle.sync();
      await handle.close();
      const actual = `sha256:${hash.digest('hex')}`;
      if (actual !== source.digest || size !== source.size) {
        throw new UserError('the file changed while it was being registered', {
          where: { file: source.displayPath },
          hint: 'Something is still writing it (a training job?). Register it once it is complete; nothing was registered.',
        });
      }
      await rename(temporary, target);
    } catch (error) {
      await handle.close().catch(() => undefined);
      await rm(temporary, { force: true });
      throw error;
    }
  }

  /**
   * Removes temporary uploads left by registrations that were killed (kill -9, a cancelled job):
   * those whose process is gone or was replaced (pid reused), and unnamed ones older than a day.
   */
  async removeAbandonedUploads(): Promise<string[]> {
    const folder = join(this.root, 'blobs', 'sha256');
    const removed: string[] = [];
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      return removed;
    }
    const host = hostname();
    for (const name of names) {
      if (!name.startsWith('.upload-') || !name.endsWith('.tmp')) continue;
      const owned = /^\.upload-([0-9]+)-([0-9]+|x)-[0-9a-f]+\.tmp$/.exec(name);
      let abandoned: boolean;
      if (owned) {
        abandoned = ownerState({ pid: Number(owned[1]), host, ...(owned[2] !== 'x' ? { start_time: owned[2] } : {}) }) === 'gone';
      } else {
        abandoned = await stat(join(folder, name)).then((s) => Date.now() - s.mtimeMs > ABANDONED_UPLOAD_MS, () => false);
      }
      if (abandoned) {
        await rm(join(folder, name), { force: true });
        removed.push(name);
      }
    }
    return removed;
  }

  /** A read view on one model's tags. */
  repository(name: string): RepositoryReader {
    return new LayoutRepository(this, name);
  }

  async readBlob(descriptor: Descriptor, what: string): Promise<Buffer> {
    const digest = descriptor.digest as Digest;
    const where = `${this.display}/blobs/sha256/${hexOf(digest)}`;
    const cap = what === 'manifest' ? MAX_MANIFEST_BYTES : MAX_IN_MEMORY_BLOB_BYTES;
    if (descriptor.size > cap) throw new UserError(`${what} ${digest} declares ${descriptor.size} bytes, more than the ${cap} read into memory`, { where: { file: where }, hint: 'The layout is corrupt or crafted.' });
    const found = await stat(this.blobPath(digest)).then((s) => s.size, () => undefined);
    if (found !== undefined && found !== descriptor.size) throw digestMismatch(what, digest, `${found} bytes instead of ${descriptor.size}`, where);
    let bytes: Buffer;
    try {
      bytes = await readFile(this.blobPath(digest));
    } catch {
      throw new UserError(`${what} ${digest} is missing from the layout`, { where: { file: this.display }, hint: 'The layout is incomplete or corrupt.' });
    }
    verifyBytes(bytes, digest, descriptor.size, what, `${this.display}/blobs/sha256/${hexOf(digest)}`);
    return bytes;
  }
}

class LayoutRepository implements RepositoryReader {
  readonly display: string;
  constructor(private readonly layout: OciLayout, private readonly name: string) {
    this.display = `${layout.display} (${name})`;
  }

  async tags(): Promise<string[]> {
    return (await this.layout.tagEntries()).filter((entry) => entry.name === this.name).map((entry) => entry.tag);
  }

  async manifest(reference: string): Promise<FetchedManifest | undefined> {
    let descriptor: Descriptor | undefined;
    if (isDigest(reference)) {
      const entries = await this.layout.tagEntries();
      descriptor = entries.find((entry) => entry.descriptor.digest === reference)?.descriptor;
      // An untagged manifest is still addressable by digest, as in a registry.
      if (!descriptor && existsSync(this.layout.blobPath(reference))) {
        descriptor = { mediaType: MANIFEST_MEDIA_TYPE, digest: reference, size: (await stat(this.layout.blobPath(reference))).size };
      }
    } else {
      descriptor = (await this.layout.tagEntries()).find((entry) => entry.name === this.name && entry.tag === reference)?.descriptor;
    }
    if (!descriptor) return undefined;
    const bytes = await this.layout.readBlob(descriptor, 'manifest');
    return { digest: descriptor.digest as Digest, bytes, manifest: parseManifest(bytes, `${this.layout.display}@${descriptor.digest}`) };
  }

  blobBytes(descriptor: Descriptor): Promise<Buffer> {
    return this.layout.readBlob(descriptor, 'blob');
  }

  async blobToFile(descriptor: Descriptor, path: string): Promise<void> {
    const digest = descriptor.digest as Digest;
    const source = this.layout.blobPath(digest);
    if (!existsSync(source)) throw new UserError(`blob ${digest} is missing from the layout`, { where: { file: this.layout.display }, hint: 'The layout is incomplete or corrupt.' });
    await writeVerified(createReadStream(source), path, digest, descriptor.size, `blob ${descriptor.annotations?.[ANNOTATION.title] ?? ''}`.trim(), `${this.layout.display}/blobs/sha256/${hexOf(digest)}`);
  }
}

export function parseManifest(bytes: Buffer, where: string): ImageManifest {
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new UserError('the manifest is not JSON', { where: { file: where } });
  }
  const result = ImageManifest.safeParse(data);
  if (!result.success) throw new UserError(`not an OCI image manifest: ${result.error.issues[0]!.message}`, { where: { file: where, key: result.error.issues[0]!.path.map(String).join('.') } });
  return result.data;
}
