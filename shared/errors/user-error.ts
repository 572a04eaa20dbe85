/**
 * An error the user can act on: what went wrong, where (file, line, key), and what to do.
 * The stage error boundary prints these as one line (plus a file annotation) and exits 1;
 * any other error is a bug and is printed with its stack.
 */
export interface ErrorLocation {
  file?: string;
  line?: number;
  column?: number;
  /** Dotted key path inside a config or record file, e.g. `gate.metrics.accuracy.min`. */
  key?: string;
}

export class UserError extends Error {
  readonly where: ErrorLocation;
  readonly hint?: string;

  constructor(what: string, options: { where?: ErrorLocation; hint?: string; cause?: unknown } = {}) {
    super(what, { cause: options.cause });
    this.name = 'UserError';
    this.where = options.where ?? {};
    this.hint = options.hint;
  }

  /** `file:line:column (key): what. hint` */
  format(): string {
    const { file, line, column, key } = this.where;
    let place = file ?? '';
    if (file && line !== undefined) place += `:${line}${column !== undefined ? `:${column}` : ''}`;
    if (key) place += place ? ` (${key})` : key;
    const head = place ? `${place}: ${this.message}` : this.message;
    return this.hint ? `${head}. ${this.hint}` : head;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
