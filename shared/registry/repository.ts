/** What reading a model repository looks like, whether it lives in a layout directory or a remote registry. */
import type { Digest } from './digest.js';
import type { Descriptor, ImageManifest } from './oci-schema.js';

export interface FetchedManifest {
  digest: Digest;
  bytes: Buffer;
  manifest: ImageManifest;
}

export interface RepositoryReader {
  /** Where this repository is, for messages: `.mlops/registry (churn)` or `ghcr.io/org/churn`. */
  readonly display: string;
  tags(): Promise<string[]>;
  /** The manifest a tag or digest points at; undefined when there is none. */
  manifest(reference: string): Promise<FetchedManifest | undefined>;
  /** Reads a small blob, verifying its digest and size. */
  blobBytes(descriptor: Descriptor): Promise<Buffer>;
  /** Streams a blob into a file (written atomically), verifying its digest and size. */
  blobToFile(descriptor: Descriptor, path: string): Promise<void>;
}

/** Where the bytes of a layer come from when pushing. */
export type BlobSource =
  | { kind: 'bytes'; bytes: Buffer; digest: Digest; size: number }
  | { kind: 'file'; path: string; displayPath: string; digest: Digest; size: number };

export interface BlobProgress {
  (sent: number, total: number): void;
}
