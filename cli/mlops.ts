#!/usr/bin/env node
/** The `mlops` CLI: every stage with its action.yml inputs as flags, plus helper commands. */
import { isUserError } from '../shared/errors/user-error.js';
import { isStageName, STAGES } from '../shared/stage/action-metadata.js';
import { suggestKey } from '../shared/config/suggest.js';
import { parseArgs } from './args.js';
import { commands } from './commands/index.js';
import { runStageCommand, type CliIO } from './run-stage-command.js';

function usage(): string {
  const lines = ['Usage: mlops <stage> [--input value ...]   |   mlops <command> ...', '', 'Stages:'];
  for (const stage of STAGES) lines.push(`  ${stage}`);
  lines.push('', 'Commands:');
  for (const [name, command] of Object.entries(commands)) lines.push(`  ${name.padEnd(14)} ${command.summary}`);
  lines.push('', 'Run `mlops <stage> --help` for a stage\'s inputs.');
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const io: CliIO = {
    cwd: process.cwd(),
    env: process.env,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    // On a terminal, progress is one line rewritten in place (carriage return, erase line); never in a redirected log.
    live: process.stderr.isTTY ? (text) => process.stderr.write(text === null ? '\r\x1b[2K' : `\r\x1b[2K${text.slice(0, Math.max(20, (process.stderr.columns || 80) - 1))}`) : undefined,
  };
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  try {
    if (isStageName(name)) return await runStageCommand(name, parseArgs(rest), io);
    const command = commands[name];
    if (command) return await command.run(parseArgs(rest), io);
    const guess = suggestKey(name, [...STAGES, ...Object.keys(commands)]);
    io.err(`mlops: unknown stage or command "${name}".${guess ? ` Did you mean "${guess}"?` : ''} Run \`mlops --help\`.`);
    return 2;
  } catch (error) {
    if (isUserError(error)) {
      io.err(`error: ${error.format()}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
