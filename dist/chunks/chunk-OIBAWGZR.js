import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);

// shared/errors/user-error.ts
var UserError = class extends Error {
  where;
  hint;
  constructor(what, options = {}) {
    super(what, { cause: options.cause });
    this.name = "UserError";
    this.where = options.where ?? {};
    this.hint = options.hint;
  }
  /** `file:line:column (key): what. hint` */
  format() {
    const { file, line, column, key } = this.where;
    let place = file ?? "";
    if (file && line !== void 0) place += `:${line}${column !== void 0 ? `:${column}` : ""}`;
    if (key) place += place ? ` (${key})` : key;
    const head = place ? `${place}: ${this.message}` : this.message;
    return this.hint ? `${head}. ${this.hint}` : head;
  }
};
function isUserError(error) {
  return error instanceof UserError;
}

export {
  UserError,
  isUserError
};
