import { z } from 'zod';

export const RegistrySection = z
  .strictObject({
    url: z
      .string()
      .min(1)
      .optional()
      .describe('Where register stores versions when its `registry` input is empty: a local OCI image layout directory (default .mlops/registry) or oci://host[:port]/path (the repository is <path>/<model name>).'),
    upload_chunk_bytes: z
      .number()
      .int()
      .min(65_536)
      .max(1_073_741_824)
      .optional()
      .describe('Blobs larger than this are uploaded in chunks of this many bytes, each retried and resumed on failure (default 16 MiB).'),
  })
  .describe('Settings for the register stage and the `mlops registry` commands.');
