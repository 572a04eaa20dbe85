/** zod schemas for the OCI documents we read: descriptors, image manifests, the layout's index.json. */
import * as z from 'zod/mini';
import '../zod/setup.js';
import { DIGEST_PATTERN } from './digest.js';

export const Annotations = z.record(z.string(), z.string());

export const Descriptor = z.looseObject({
  mediaType: z.string().check(z.minLength(1)),
  digest: z.string().check(z.regex(DIGEST_PATTERN, 'a sha256 digest')),
  size: z.number().check(z.int(), z.gte(0)),
  artifactType: z.optional(z.string()),
  annotations: z.optional(Annotations),
});
export type Descriptor = z.infer<typeof Descriptor>;

export const ImageManifest = z.looseObject({
  schemaVersion: z.literal(2),
  mediaType: z.optional(z.string()),
  artifactType: z.optional(z.string()),
  config: Descriptor,
  layers: z.array(Descriptor),
  annotations: z.optional(Annotations),
});
export type ImageManifest = z.infer<typeof ImageManifest>;

export const ImageIndex = z.looseObject({
  schemaVersion: z.literal(2),
  mediaType: z.optional(z.string()),
  manifests: z.array(Descriptor),
  annotations: z.optional(Annotations),
});
export type ImageIndex = z.infer<typeof ImageIndex>;

export const OciLayoutFile = z.looseObject({ imageLayoutVersion: z.string() });

export const TagList = z.looseObject({ name: z.optional(z.string()), tags: z.optional(z.nullable(z.array(z.string()))) });
