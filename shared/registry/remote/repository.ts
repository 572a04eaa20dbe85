/** One repository on an OCI distribution registry: tags, manifests and blobs, read and written. */
import { UserError } from '../../errors/user-error.js';
import { digestOf, isDigest, type Digest } from '../digest.js';
import { parseManifest } from '../layout.js';
import { INDEX_MEDIA_TYPE, MANIFEST_MEDIA_TYPE } from '../media-types.js';
import { TagList, type Descriptor } from '../oci-schema.js';
import type { BlobProgress, BlobSource, FetchedManifest, RepositoryReader } from '../repository.js';
import { digestMismatch, verifyBytes, writeVerified } from '../verify.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { RegistryHttpError, type RegistryHttp } from './http.js';

/** Manifest PUT errors that mean "a referenced blob is still being written". */
const BLOB_SETTLING_CODES = new Set(['DIGEST_INVALID', 'MANIFEST_BLOB_UNKNOWN', 'BLOB_UNKNOWN']);
import { uploadBlob, type UploadOptions } from './upload.js';
import { boundedChunks, MAX_DOCUMENT_BYTES, MAX_IN_MEMORY_BLOB_BYTES, MAX_MANIFEST_BYTES, readBounded } from './bounded-body.js';

/** Tag list pages followed at most (each up to 1000 tags); an endless `Link: rel=next` chain stops here. */
export const MAX_TAG_PAGES = 1000;

const MANIFEST_ACCEPT = [MANIFEST_MEDIA_TYPE, INDEX_MEDIA_TYPE].join(', ');

export class RemoteRepository implements RepositoryReader {
  readonly display: string;

  constructor(
    readonly http: RegistryHttp,
    readonly repository: string,
  ) {
    this.display = `${http.host}/${repository}`;
  }

  private path(suffix: string): string {
    return `/v2/${this.repository}/${suffix}`;
  }

  async tags(): Promise<string[]> {
    const tags: string[] = [];
    const visited = new Set<string>();
    let next: string | undefined = this.path('tags/list?n=1000');
    for (let page = 1; next; page++) {
      const url = this.http.url(next);
      if (url.origin !== this.http.url('/').origin) throw new UserError(`the registry's tag list for ${this.display} links to another origin (${url.origin}); not following it`, { hint: 'Pagination links must stay on the registry.' });
      if (visited.has(url.href)) throw new UserError(`the registry's tag list for ${this.display} links back to a page it already sent (${url.pathname}${url.search}); stopping`, { hint: 'The registry paginates in a loop: it is misbehaving.' });
      if (page > MAX_TAG_PAGES) throw new UserError(`the registry's tag list for ${this.display} goes on for more than ${MAX_TAG_PAGES} pages; stopping`, { hint: 'The registry paginates without end, or the repository holds more tags than this suite reads.' });
      visited.add(url.href);
      const response = await this.http.request('GET', url, { retry: true, allow: [404], what: `list the tags of ${this.repository}` });
      if (response.status === 404) {
        await response.body?.cancel();
        return [];
      }
      const body = await readBounded(response, MAX_DOCUMENT_BYTES, 'a tag list page', this.display);
      let json: unknown;
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        json = undefined;
      }
      const parsed = TagList.safeParse(json);
      if (!parsed.success) throw new UserError(`the registry returned a malformed tag list for ${this.display}`, { hint: 'Is this an OCI distribution registry?' });
      tags.push(...(parsed.data.tags ?? []));
      next = nextLink(response.headers.get('link'));
    }
    return tags;
  }

  /** The digest a tag points at, or undefined when the tag does not exist. */
  async resolveTag(tag: string): Promise<Digest | undefined> {
    const response = await this.http.request('HEAD', this.path(`manifests/${tag}`), { headers: { accept: MANIFEST_ACCEPT }, retry: true, allow: [404], what: `look up ${this.repository}:${tag}` });
    if (response.status === 404) return undefined;
    const digest = response.headers.get('docker-content-digest');
    if (digest && isDigest(digest)) return digest;
    // Registries without the header: fetch the manifest and hash it.
    return (await this.manifest(tag))?.digest;
  }

  async manifest(reference: string): Promise<FetchedManifest | undefined> {
    const response = await this.http.request('GET', this.path(`manifests/${reference}`), { headers: { accept: MANIFEST_ACCEPT }, retry: true, allow: [404], what: `read the manifest ${this.repository}:${reference}` });
    if (response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    const bytes = await readBounded(response, MAX_MANIFEST_BYTES, `the manifest ${this.repository}:${reference}`, this.display);
    const digest = digestOf(bytes);
    const expected = isDigest(reference) ? reference : response.headers.get('docker-content-digest');
    if (expected && expected !== digest) throw digestMismatch('manifest', expected as Digest, digest, `${this.display}@${reference}`);
    return { digest, bytes, manifest: parseManifest(bytes, `${this.display}@${digest}`) };
  }

  /**
   * Stores a manifest under a tag or digest. With `ifAbsent`, asks the registry not to overwrite
   * an existing tag (`If-None-Match: *`): registries that honour it answer 412 and this returns
   * 'taken'; the others ignore the header (the caller's claim and read-back cover them).
   */
  async putManifest(reference: string, bytes: Buffer, options: { ifAbsent?: boolean } = {}): Promise<'stored' | 'taken'> {
    let response: Response;
    for (let attempt = 1; ; attempt++) {
      try {
        response = await this.http.request('PUT', this.path(`manifests/${reference}`), {
          headers: { 'content-type': MANIFEST_MEDIA_TYPE, ...(options.ifAbsent ? { 'if-none-match': '*' } : {}) },
          body: bytes,
          retry: true,
          allow: options.ifAbsent ? [412] : undefined,
          what: `store the manifest ${this.repository}:${reference}`,
        });
        break;
      } catch (error) {
        // While another registration uploads the same blob (a card, a config), docker-registry
        // can briefly answer that the manifest references a blob it cannot verify yet.
        if (!(error instanceof RegistryHttpError) || !BLOB_SETTLING_CODES.has(error.code ?? '') || attempt >= 4) throw error;
        await sleep(100 * attempt);
      }
    }
    await response.body?.cancel();
    if (response.status === 412) return 'taken';
    const returned = response.headers.get('docker-content-digest');
    if (returned && returned !== digestOf(bytes)) throw digestMismatch('the stored manifest', digestOf(bytes), returned, `${this.display}:${reference}`);
    return 'stored';
  }

  /** Deletes a manifest by digest (and, on most registries, every tag on it); false where deletes are not allowed. */
  /**
   * 'unsupported' when the registry refuses deletes (405, 501, or distribution's 400
   * UNSUPPORTED); 'missing' on a 404, which distribution also answers when a concurrent tag
   * write changed the tags it walks while deleting — so the caller looks again.
   */
  async deleteManifest(digest: Digest): Promise<'deleted' | 'missing' | 'unsupported'> {
    // Idempotent: retried on 5xx and network errors like reads.
    const response = await this.http.request('DELETE', this.path(`manifests/${digest}`), { retry: true, allow: [400, 404, 405, 501], what: `delete the manifest ${digest}` });
    await response.body?.cancel();
    if (response.ok) return 'deleted';
    return response.status === 404 ? 'missing' : 'unsupported';
  }

  async hasBlob(digest: Digest): Promise<boolean> {
    const response = await this.http.request('HEAD', this.path(`blobs/${digest}`), { retry: true, allow: [404], what: `check for blob ${digest}` });
    return response.status !== 404;
  }

  /** Uploads a blob unless the registry already has it. */
  async putBlob(source: BlobSource, options: UploadOptions, onProgress?: BlobProgress): Promise<'exists' | 'uploaded'> {
    if (await this.hasBlob(source.digest)) return 'exists';
    await uploadBlob(this.http, this.repository, source, options, onProgress);
    return 'uploaded';
  }

  private async blobResponse(descriptor: Descriptor): Promise<Response> {
    return this.http.request('GET', this.path(`blobs/${descriptor.digest}`), { retry: true, what: `download blob ${descriptor.digest}` });
  }

  async blobBytes(descriptor: Descriptor): Promise<Buffer> {
    if (descriptor.size > MAX_IN_MEMORY_BLOB_BYTES) {
      throw new UserError(`blob ${descriptor.digest} of ${this.display} declares ${descriptor.size} bytes, more than the ${MAX_IN_MEMORY_BLOB_BYTES} read into memory`, { hint: 'Configs, cards and run records are small: the manifest is not one this suite wrote.' });
    }
    const bytes = await readBounded(await this.blobResponse(descriptor), descriptor.size, `blob ${descriptor.digest} (declared ${descriptor.size} bytes)`, this.display);
    verifyBytes(bytes, descriptor.digest as Digest, descriptor.size, 'blob', `${this.display}@${descriptor.digest}`);
    return bytes;
  }

  async blobToFile(descriptor: Descriptor, path: string): Promise<void> {
    const response = await this.blobResponse(descriptor);
    if (!response.body) throw new UserError(`the registry returned an empty body for blob ${descriptor.digest}`);
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > descriptor.size) {
      await response.body.cancel();
      throw new UserError(`blob ${descriptor.digest} of ${this.display} is sent as ${declared} bytes, more than the ${descriptor.size} its descriptor declares`, { hint: 'The registry is misbehaving or hostile; nothing was written.' });
    }
    const overflow = () => new UserError(`blob ${descriptor.digest} of ${this.display} is longer than the ${descriptor.size} bytes its descriptor declares; stopped reading`, { hint: 'The registry is misbehaving or hostile; nothing was written.' });
    await writeVerified(boundedChunks(response.body as ReadableStream<Uint8Array>, descriptor.size, overflow), path, descriptor.digest as Digest, descriptor.size, 'blob', `${this.display}@${descriptor.digest}`);
  }
}

/** RFC 8288 `Link: </v2/…?last=x&n=…>; rel="next"`. */
function nextLink(header: string | null): string | undefined {
  const match = header ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(header) : null;
  return match?.[1];
}
