/**
 * The size limit of a reference profile JSON (data-validate's and drift-check's `reference`),
 * checked before the file is read: a profile holds summaries (kilobytes), so a file near a run
 * record's cap is not one, and reading it would allocate that much for nothing.
 */
import { stat } from 'node:fs/promises';
import { UserError, type ErrorLocation } from '../errors/user-error.js';
import { MAX_RECORD_BYTES } from '../record/json-limits.js';

export const MAX_PROFILE_BYTES = MAX_RECORD_BYTES;

/** Throws one clear error when the profile file at `file` is larger than MAX_PROFILE_BYTES; errors of stat() pass through. */
export async function refuseOversizedProfile(file: string, display: string, where: ErrorLocation): Promise<void> {
  if ((await stat(file)).size <= MAX_PROFILE_BYTES) return;
  throw new UserError(`the reference profile ${display} is larger than ${MAX_PROFILE_BYTES / 1048576} MiB`, {
    where,
    hint: 'A data-validate profile holds summaries only; pass data files as data (e.g. a .jsonl or .csv) rather than a .json profile.',
  });
}
