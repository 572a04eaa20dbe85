// Placeholder until the `mlops data` commands land.
import { UserError } from '../../shared/errors/user-error.js';
import type { Command } from './index.js';

export const dataCommand: Command = {
  summary: '(not available in this version)',
  async run() {
    throw new UserError('`mlops data` is not available in this version of mlops-actions');
  },
};
