/** One repository on an OCI distribution registry: tags, manifests and blobs, read and written. */
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { UserError } from '../../errors/user-error.js';
import { digestOf, isDigest, type Digest } from '../digest.js';
import { parseManifest } from '../layout.js';
import { INDEX_MEDIA_TYPE, MANIFEST_MEDIA_TYPE } from '../media-types.js';
import { TagList, type Descriptor } from '../oci-schema.js';
import type { BlobProgress, BlobSource, FetchedManifest, RepositoryReader } from '../repository.js';
import { digestMismatch, verifyBytes, writeVerified } from '../verify.js';
import type { RegistryHttp } from './http.js';
import { uploadBlob, type UploadOptions } from './upload.js';

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
    let next: string | undefined = this.path('tags/list?n=1000');
    while (next) {
      const response = await this.http.request('GET', next, { retry: true, allow: [404], what: `list the tags of ${this.repository}` });
      if (response.status === 404) {
        await response.body?.cancel();
        return [];
      }
      const parsed = TagList.safeParse(await response.json().catch(() => undefined));
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
    const bytes = Buffer.from(await response.arrayBuffer());
    const digest = digestOf(bytes);
    const expected = isDigest(reference) ? reference : response.headers.get('docker-content-digest');
    if (expected && expected !== digest) throw digestMismatch('manifest', expected as Digest, digest, `${this.display}@${reference}`);
    return { digest, bytes, manifest: parseManifest(bytes, `${this.display}@${digest}`) };
  }

  async putManifest(reference: string, bytes: Buffer): Promise<void> {
    const response = await this.http.request('PUT', this.path(`manifests/${reference}`), {
      headers: { 'content-type': MANIFEST_MEDIA_TYPE },
      body: bytes,
      retry: true,
      what: `store the manifest ${this.repository}:${reference}`,
    });
    await response.body?.cancel();
    const returned = response.headers.get('docker-content-digest');
    if (returned && returned !== digestOf(bytes)) throw digestMismatch('the stored manifest', digestOf(bytes), returned, `${this.display}:${reference}`);
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
    const bytes = Buffer.from(await (await this.blobResponse(descriptor)).arrayBuffer());
    verifyBytes(bytes, descriptor.digest as Digest, descriptor.size, 'blob', `${this.display}@${descriptor.digest}`);
    return bytes;
  }

  async blobToFile(descriptor: Descriptor, path: string): Promise<void> {
    const response = await this.blobResponse(descriptor);
    if (!response.body) throw new UserError(`the registry returned an empty body for blob ${descriptor.digest}`);
    await writeVerified(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), path, descriptor.digest as Digest, descriptor.size, 'blob', `${this.display}@${descriptor.digest}`);
  }
}

/** RFC 8288 `Link: </v2/…?last=x&n=…>; rel="next"`. */
function nextLink(header: string | null): string | undefined {
  const match = header ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(header) : null;
  return match?.[1];
}
