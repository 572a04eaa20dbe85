import * as z from 'zod/mini';
import '../../zod/setup.js';
import { Sha256 } from './common.js';

export const ModelCardRecord = z.looseObject({
  path: z.string(),
  json_path: z.string(),
  sha256: Sha256,
  missing_sections: z._default(z.array(z.string()), []),
});
