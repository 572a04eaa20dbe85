/**
 * The contract between a stage and the two ways it runs (GitHub Actions host, local CLI host).
 * A stage reads typed options from the host's inputs, runs, and returns a result; the runner
 * (run-stage.ts) writes the outputs and turns a failure into exit code 1.
 */
import type { Host } from '../host/host.js';

export interface StageOutcome {
  /** Step outputs, by the output names in the stage's action.yml. */
  outputs: Record<string, string>;
  /** When set, the step fails with this one-line reason (after outputs are written). */
  failure?: string;
  /** Exit code of a failed step (default 1); the train stage exits with its command's code. */
  exitCode?: number;
}

export interface Stage<Options> {
  /** The stage name, as in actions/<name>/action.yml. */
  name: string;
  /** Parses and validates inputs; throws UserError on bad input, before any work is done. */
  readOptions(host: Host): Options | Promise<Options>;
  run(options: Options, host: Host): Promise<StageOutcome>;
}
