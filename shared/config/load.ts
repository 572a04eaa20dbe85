/**
 * Reads mlops.yml (parse.ts parses and checks it). The YAML parser and the config schema are
 * imported only when there is a file to parse: a stage's start path does not carry them (~260 KB,
 * bench/start), and a repository without mlops.yml never loads them.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../errors/user-error.js';
import type { Config } from './schema.js';

export const DEFAULT_CONFIG_PATH = 'mlops.yml';

export interface LoadedConfig {
  config: Config;
  /** Absolute path of the file read, or undefined when none existed at the default path. */
  path?: string;
}

/**
 * @param path the `config` input; '' or the default name means "mlops.yml if it exists".
 *   A path given explicitly must exist.
 */
export async function loadConfig(cwd: string, path: string): Promise<LoadedConfig> {
  const explicit = path !== '' && path !== DEFAULT_CONFIG_PATH;
  const absolute = resolve(cwd, path || DEFAULT_CONFIG_PATH);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !explicit) return { config: {} };
    throw new UserError(code === 'ENOENT' ? 'config file not found' : `cannot read config file (${code ?? String(error)})`, {
      where: { file: path || DEFAULT_CONFIG_PATH },
      hint: 'Check the `config` input, or remove it to use mlops.yml when present.',
    });
  }
  const { parseConfig } = await import('./parse.js');
  return { config: parseConfig(text, path || DEFAULT_CONFIG_PATH), path: absolute };
}
