/**
 * The data-validate action's logic (the actions/typescript-action convention): index.ts calls run(), and so
 * does GitHub's local runner: `npx @github/local-action run actions/data-validate main.ts .env`.
 * The stage's code is imported only when run() is called, so the entry starts quickly.
 */
import { runAsAction } from '../../shared/host/run-as-action.js';

export async function run(): Promise<void> {
  const { dataValidateStage } = await import('./data-validate.js');
  await runAsAction(dataValidateStage);
}
