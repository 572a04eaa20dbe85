#!/usr/bin/env node
/** The `mlops` CLI (installed as `mlops-actions` and `mlops`): every stage with its action.yml inputs as flags, plus helper commands. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isUserError } from '../shared/errors/user-error.js';
import { isStageName, packageRoot, readActionSpec, STAGES } from '../shared/stage/action-metadata.js';
import { suggestKey } from '../shared/config/suggest.js';
import { parseArgs } from './args.js';
import { commands } from './commands/index.js';
import { runStageCommand, type CliIO } from './run-stage-command.js';
import { isUsageError, USAGE_EXIT_CODE } from './usage-error.js';

function usage(): string {
  const lines = [
    'Usage: mlops <stage> [--input value ...]   |   mlops <command> ...',
    '       (installed as `mlops-actions` and `mlops`; without installing: npx -p mlops-actions mlops ...)',
    '',
    'Stages (the inputs of actions/<stage>/action.yml as flags):',
  ];
  for (const stage of STAGES) lines.push(`  ${stage.padEnd(14)} ${firstSentence(readActionSpec(stage).description)}`);
  lines.push('', 'Commands:');
  for (const [name, command] of Object.entries(commands)) lines.push(`  ${name.padEnd(14)} ${command.summary}`);
  lines.push('', "Run `mlops <stage> --help` for a stage's inputs, `mlops --version` for the version.");
  return lines.join('\n');
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}

function version(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: unknown };
  return `mlops-actions ${String(manifest.version)}`;
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
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.out : io.err)(usage());
    return name ? 0 : USAGE_EXIT_CODE;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    io.out(version());
    return 0;
  }
  try {
    if (isStageName(name)) return await runStageCommand(name, parseArgs(rest), io);
    const command = commands[name];
    if (command) return await (await command.load()).run(parseArgs(rest), io);
    const guess = suggestKey(name, [...STAGES, ...Object.keys(commands)]);
    io.err(`mlops: unknown stage or command "${name}".${guess ? ` Did you mean "${guess}"?` : ''} Run \`mlops --help\`.`);
    return USAGE_EXIT_CODE;
  } catch (error) {
    if (isUserError(error)) {
      io.err(`error: ${error.format()}`);
      return isUsageError(error) ? error.exitCode : 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
