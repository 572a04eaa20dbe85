/**
 * The one error boundary every entry goes through: options -> run -> outputs. A UserError
 * becomes one clear line (and an annotation on the file it names); anything else is a bug
 * and keeps its stack.
 */
import type { Host } from '../host/host.js';
import { isUserError } from '../errors/user-error.js';
import type { Stage } from './definition.js';
import { resolve } from 'node:path';
import { allowOutsideWorkspace, requireInWorkspace } from '../fs/workspace.js';

/** Options every stage may carry that name where it writes. */
const OUTPUT_OPTIONS = ['recordPath', 'outDir'] as const;

/**
 * Outputs stay in the workspace: `mlops-out` (where every stage writes by default) and the
 * stage's record and output directory must not resolve, through a committed symlink, elsewhere.
 */
function requireOutputsInWorkspace(host: Host, options: unknown): void {
  const allow = allowOutsideWorkspace((name) => host.env(name));
  requireInWorkspace(host.cwd, resolve(host.cwd, 'mlops-out'), 'mlops-out', 'the output directory', allow);
  for (const key of OUTPUT_OPTIONS) {
    const value = (options as Record<string, unknown> | null)?.[key];
    if (typeof value === 'string' && value) requireInWorkspace(host.cwd, resolve(host.cwd, value), value, key === 'outDir' ? 'the output directory' : 'the run record', allow);
  }
}

/** Returns the process exit code: 0 on success, the outcome's exitCode (default 1) on failure. */
export async function runStage<O>(stage: Stage<O>, host: Host): Promise<number> {
  try {
    const options = await stage.readOptions(host);
    requireOutputsInWorkspace(host, options);
    const outcome = await stage.run(options, host);
    for (const [name, value] of Object.entries(outcome.outputs)) host.setOutput(name, value);
    if (outcome.failure) {
      host.error(`${stage.name}: ${outcome.failure}`);
      return outcome.exitCode !== undefined && outcome.exitCode > 0 && outcome.exitCode < 256 ? outcome.exitCode : 1;
    }
    return 0;
  } catch (error) {
    if (isUserError(error)) {
      const { file, line, column } = error.where;
      host.error(`${stage.name}: ${error.format()}`, file ? { file, startLine: line, startColumn: column } : undefined);
    } else {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      host.error(`${stage.name}: unexpected error (please report it): ${detail}`);
    }
    return 1;
  }
}
