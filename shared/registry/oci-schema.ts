/** zod schemas for the OCI documents we read: descriptors, image manifests, the layout's index.json. */
import { z } from 'zod';
import { DIGEST_PATTERN } from './digest.js';

export const Annotations = z.record(z.string(), z.string());

export const Descriptor = z.looseObject({
  mediaType: z.string().min(1),
  digest: z.string().regex(DIGEST_PATTERN, 'a sha256 digest'),
  size: z.number().int().nonnegative(),
  artifactType: z.string().optional(),
  annotations: Annotations.optional(),
});
export type Descriptor = z.infer<typeof Descriptor>;

export const ImageManifest = z.looseObject({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  artifactType: z.string().optional(),
  config: Descriptor,
  layers: z.array(Descriptor),
  annotations: Annotations.optional(),
});
export type ImageManifest = z.infer<typeof ImageManifest>;

export const ImageIndex = z.looseObject({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  manifests: z.array(Descriptor),
  annotations: Annotations.optional(),
});
export type ImageIndex = z.infer<typeof ImageIndex>;

export const OciLayoutFile = z.looseObject({ imageLayoutVersion: z.string() });

export const TagList = z.looseObject({ name: z.string().optional(), tags: z.array(z.string()).nullable().optional() });
