// Placeholder until the `mlops registry` commands land.
import { UserError } from '../../shared/errors/user-error.js';
import type { Command } from './index.js';

export const registryCommand: Command = {
  summary: '(not available in this version)',
  async run() {
    throw new UserError('`mlops registry` is not available in this version of mlops-actions');
  },
};
