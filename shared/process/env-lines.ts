/**
 * The `env` input of a step that runs a command: one `KEY=VALUE` per line. Blank lines and
 * lines starting with `#` are skipped; the value is everything after the first `=`, kept
 * verbatim (no quotes removed, nothing expanded). A malformed line is an error naming it.
 */
import { UserError } from '../errors/user-error.js';

export interface EnvLine {
  key: string;
  value: string;
  /** 1-based line number in the input. */
  line: number;
}

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseEnvLines(text: string, inputName = 'env'): EnvLine[] {
  const entries: EnvLine[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const eq = raw.indexOf('=');
    const key = eq === -1 ? trimmed : raw.slice(0, eq).trim();
    if (eq === -1 || !KEY.test(key)) {
      // Never echo the line: it may hold a secret.
      throw new UserError(
        eq === -1 ? `line ${line} of input "${inputName}" has no "=" (expected KEY=VALUE)` : `line ${line} of input "${inputName}" has an invalid variable name`,
        {
          where: { key: inputName, line },
          hint: 'Write one KEY=VALUE per line; KEY is letters, digits and "_", not starting with a digit.',
        },
      );
    }
    const previous = seen.get(key);
    if (previous !== undefined) {
      throw new UserError(`line ${line} of input "${inputName}" sets ${key} again (first set on line ${previous})`, {
        where: { key: inputName, line },
        hint: 'Set each variable once.',
      });
    }
    seen.set(key, line);
    entries.push({ key, value: raw.slice(eq + 1), line });
  });
  return entries;
}
