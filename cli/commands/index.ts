/**
 * CLI commands that are not stages. Each command module exports a handler; register it here.
 */
import type { ParsedArgs } from '../args.js';
import type { CliIO } from '../run-stage-command.js';
import { dataCommand } from './data.js';
import { lineageCommand } from './lineage.js';
import { registryCommand } from './registry.js';
import { schemaCommand } from './schema.js';
import { serveCommand } from './serve.js';

export interface Command {
  summary: string;
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

export const commands: Record<string, Command> = {
  schema: schemaCommand,
  data: dataCommand,
  registry: registryCommand,
  serve: serveCommand,
  lineage: lineageCommand,
};
