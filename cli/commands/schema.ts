import { configJsonSchema } from '../../shared/config/json-schema.js';
import type { Command } from './index.js';

export const schemaCommand: Command = {
  summary: 'Print the JSON Schema of mlops.yml (for editor autocompletion).',
  async run(_args, io) {
    io.out(JSON.stringify(configJsonSchema(), null, 2));
    return 0;
  },
};
