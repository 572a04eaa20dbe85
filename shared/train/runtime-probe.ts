/**
 * The runtime of the training command itself: the interpreter its first word names (after any
 * `NAME=value` assignments), with its version, e.g. "Node.js 24.21.0" for `node train.mjs` or
 * "Python 3.11.7" for `python train.py`. The summary names this runtime; Python facts appear only
 * when the command runs Python (or names no interpreter we know, when Python on its PATH may be
 * what it runs).
 */
import { basename } from 'node:path';
import { childProcess } from '../node/builtins.js';

export type RuntimeKind = 'node' | 'python' | 'bun' | 'deno' | 'other';

export interface RuntimeFacts {
  kind: RuntimeKind;
  /** e.g. "Node.js 24.21.0"; undefined when the version could not be read. */
  name?: string;
}

const VERSIONED: Record<Exclude<RuntimeKind, 'python' | 'other'>, { label: string; pattern: RegExp }> = {
  node: { label: 'Node.js', pattern: /^v?(\d+\.\d+\.\d+\S*)/ },
  bun: { label: 'Bun', pattern: /^(\d+\.\d+\.\d+\S*)/ },
  deno: { label: 'Deno', pattern: /^deno (\d+\.\d+\.\d+\S*)/ },
};

/** The first word of a command that is not an environment assignment. */
export function commandExecutable(command: string): string {
  const words = command.trim().split(/\s+/);
  return words.find((word) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) ?? '';
}

export function runtimeKind(command: string): RuntimeKind {
  const name = basename(commandExecutable(command).replace(/^["']|["']$/g, ''));
  if (/^node(js)?$/.test(name)) return 'node';
  if (/^python[0-9.]*$/.test(name)) return 'python';
  if (name === 'bun' || name === 'deno') return name;
  return 'other';
}

export async function probeRuntime(command: string, env: Record<string, string>, cwd: string): Promise<RuntimeFacts> {
  const kind = runtimeKind(command);
  if (kind === 'python' || kind === 'other') return { kind };
  const { label, pattern } = VERSIONED[kind];
  const version = await new Promise<string | undefined>((resolve) => {
    childProcess().execFile(commandExecutable(command), ['--version'], { env, cwd, timeout: 20_000, encoding: 'utf8' }, (error, stdout) => {
      resolve(error ? undefined : pattern.exec(stdout.trim())?.[1]);
    });
  });
  return { kind, name: version ? `${label} ${version}` : label };
}
