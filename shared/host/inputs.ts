/** Typed readers for action inputs: every input is parsed, never cast, with one clear error. */
import { UserError } from '../errors/user-error.js';
import type { Host } from './host.js';

function bad(name: string, value: string, expected: string): UserError {
  return new UserError(`input "${name}" is "${value}", expected ${expected}`, { where: { key: name } });
}

export function requiredInput(host: Host, name: string): string {
  const value = host.input(name).trim();
  if (!value) throw new UserError(`input "${name}" is required`, { where: { key: name }, hint: `Set \`${name}\` in the step's \`with:\` (or --${name} on the CLI).` });
  return value;
}

export function optionalInput(host: Host, name: string): string | undefined {
  return host.input(name).trim() || undefined;
}

export function booleanInput(host: Host, name: string, fallback: boolean): boolean {
  const value = host.input(name).trim().toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', '1', 'on'].includes(value)) return true;
  if (['false', 'no', '0', 'off'].includes(value)) return false;
  throw bad(name, value, 'true or false');
}

export function numberInput(host: Host, name: string, options: { min?: number; max?: number; integer?: boolean } = {}): number | undefined {
  const raw = host.input(name).trim();
  if (raw === '') return undefined;
  const value = Number(raw);
  const expected = `${options.integer ? 'an integer' : 'a number'}${options.min !== undefined ? ` >= ${options.min}` : ''}${options.max !== undefined ? ` <= ${options.max}` : ''}`;
  if (!Number.isFinite(value) || (options.integer && !Number.isInteger(value))) throw bad(name, raw, expected);
  if ((options.min !== undefined && value < options.min) || (options.max !== undefined && value > options.max)) throw bad(name, raw, expected);
  return value;
}

export function enumInput<T extends string>(host: Host, name: string, allowed: readonly T[], fallback: T): T {
  const value = host.input(name).trim();
  if (value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw bad(name, value, `one of ${allowed.join(', ')}`);
}

/** A comma- or newline-separated list, trimmed, empties dropped. */
export function listInput(host: Host, name: string): string[] {
  return host
    .input(name)
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}
