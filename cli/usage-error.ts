/**
 * A command line the CLI cannot read (unknown stage, command or option, a flag without its
 * value, a stray argument): exit code 2, the usual code for usage errors, for every such case.
 * Errors met while a stage runs keep exit code 1.
 */
import { UserError } from '../shared/errors/user-error.js';

export const USAGE_EXIT_CODE = 2;

export class UsageError extends UserError {
  readonly exitCode = USAGE_EXIT_CODE;
}

export function isUsageError(error: unknown): error is UsageError {
  return error instanceof UsageError;
}
