import { configJsonSchema } from '../../shared/config/json-schema.js';
import type { Command } from './index.js';

export const schemaCommand: Command = {
  async run(_args, io) {
    io.out(JSON.stringify(configJsonSchema(), null, 2));
    return 0;
  },
};
