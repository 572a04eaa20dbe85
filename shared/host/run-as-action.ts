/** What every bundled action entry does: run one stage on the GitHub Actions host. */
import type { Stage } from '../stage/definition.js';
import { runStage } from '../stage/run-stage.js';
import { ActionsHost } from './actions-host.js';

export async function runAsAction<O>(stage: Stage<O>, host = new ActionsHost()): Promise<void> {
  process.exitCode = await runStage(stage, host);
}
