import { z } from 'zod';
import { Sha256 } from './common.js';

export const ModelCardRecord = z.looseObject({
  path: z.string(),
  json_path: z.string(),
  sha256: Sha256,
  missing_sections: z.array(z.string()).default([]),
});
