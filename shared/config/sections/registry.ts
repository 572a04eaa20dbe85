import * as z from 'zod/mini';
import '../../zod/setup.js';

export const RegistrySection = z.strictObject({
  url: z.optional(z.string().check(z.minLength(1))).check(z.describe('Where register stores versions when its `registry` input is empty: a local OCI image layout directory (default .mlops/registry) or oci://host[:port]/path (the repository is <path>/<model name>).')),
  upload_chunk_bytes: z.optional(z.number().check(z.int(), z.gte(65_536), z.lte(1_073_741_824))).check(z.describe('Blobs larger than this are uploaded in chunks of this many bytes, each retried and resumed on failure (default 16 MiB).')),
}).check(z.describe('Settings for the register stage and the `mlops registry` commands.'));
