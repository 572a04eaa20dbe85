/**
 * zod's functional build (zod/mini) set up as zod's classic build sets itself up: messages in
 * English and the default memoizer. Every module that builds schemas imports zod as
 * `import * as z from 'zod/mini'` and this module beside it (test/config/schema-messages.test.ts
 * checks both).
 *
 * Why mini: classic zod attaches its methods to every schema, and its module (~390 KB) cost
 * 45-60 ms of CPU at every action start; zod/mini is the same core with functions instead
 * (`z.optional(x)`, `x.check(z.minLength(1))`), of which the bundle keeps only those used.
 * Why this module: classic registers English on its first schema; mini registers no locale, and
 * every issue would read only "Invalid input" (config and run-record errors quote these messages).
 * It imports from zod's core, not from zod/mini, so that the bundle can still leave what only the
 * CLI uses (z.toJSONSchema) out of the stages' shared chunk.
 */
import { config, memoizer } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';

config({ ...en(), memoizer: memoizer() });
