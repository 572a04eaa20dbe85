import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  MAX_RECORD_BYTES
} from "./chunk-QRSX6AL5.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";

// shared/data/profile-size.ts
import { stat } from "node:fs/promises";
var MAX_PROFILE_BYTES = MAX_RECORD_BYTES;
async function refuseOversizedProfile(file, display, where) {
  if ((await stat(file)).size <= MAX_PROFILE_BYTES) return;
  throw new UserError(`the reference profile ${display} is larger than ${MAX_PROFILE_BYTES / 1048576} MiB`, {
    where,
    hint: "A data-validate profile holds summaries only; pass data files as data (e.g. a .jsonl or .csv) rather than a .json profile."
  });
}

export {
  refuseOversizedProfile
};
