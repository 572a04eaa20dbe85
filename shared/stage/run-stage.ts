/**
 * The one error boundary every entry goes through: options -> run -> outputs. A UserError
 * becomes one clear line (and an annotation on the file it names); anything else is a bug
 * and keeps its stack.
 */
import type { Host } from '../host/host.js';
import { isUserError } from '../errors/user-error.js';
import type { Stage } from './definition.js';

/** Returns the process exit code: 0 on success, the outcome's exitCode (default 1) on failure. */
export async function runStage<O>(stage: Stage<O>, host: Host): Promise<number> {
  try {
    const options = await stage.readOptions(host);
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
