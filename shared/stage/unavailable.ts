/** A stage that is declared in action.yml but not built yet: fails clearly, never fakes success. */
import { UserError } from '../errors/user-error.js';
import type { Stage } from './definition.js';

export function unavailableStage(name: string): Stage<void> {
  return {
    name,
    readOptions() {
      throw new UserError(`the ${name} stage is not available in this version of mlops-actions`, {
        hint: 'Remove this step or pin a version that has it; see the README for the stages that are available.',
      });
    },
    async run() {
      return { outputs: {} };
    },
  };
}
