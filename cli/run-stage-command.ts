/** `mlops <stage> --<input> value ...`: exactly the inputs of the stage's action.yml. */
import { LocalHost } from '../shared/host/local-host.js';
import { isExpression, readActionSpec, type StageName } from '../shared/stage/action-metadata.js';
import { runStage } from '../shared/stage/run-stage.js';
import { suggestKey } from '../shared/config/suggest.js';
import { loadStage } from '../actions/stages.js';
import type { ParsedArgs } from './args.js';
import { UsageError } from './usage-error.js';

export async function runStageCommand(stage: StageName, args: ParsedArgs, io: CliIO): Promise<number> {
  const spec = readActionSpec(stage);
  if (args.flags.help === 'true') {
    io.out(stageHelp(stage));
    return 0;
  }
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(spec.inputs)) {
    if (input.default !== undefined && !isExpression(input.default)) inputs[name] = input.default;
  }
  for (const [name, value] of Object.entries(args.flags)) {
    if (!(name in spec.inputs)) {
      const guess = suggestKey(name, Object.keys(spec.inputs));
      throw new UsageError(`mlops ${stage}: unknown option --${name}`, {
        hint: guess ? `Did you mean --${guess}?` : `See \`mlops ${stage} --help\`.`,
      });
    }
    if (args.bare?.includes(name) && !isSwitch(spec.inputs[name]!.default)) {
      throw new UsageError(`mlops ${stage}: option --${name} needs a value`, {
        hint: `Give it as --${name} VALUE or --${name}=VALUE (${spec.inputs[name]!.description.replace(/\.$/, '')}).`,
      });
    }
    inputs[name] = value;
  }
  if (args.positionals.length) throw new UsageError(`mlops ${stage}: unexpected argument "${args.positionals[0]}"`, { hint: 'Inputs are given as --name value.' });
  const host = new LocalHost({ cwd: io.cwd, inputs, env: io.env, summaryPath: `mlops-out/${stage}-summary.md`, out: io.out, err: io.err, live: io.live });
  const code = await runStage(await loadStage[stage](), host);
  const outputs = Object.entries(host.outputs);
  if (outputs.length) {
    io.out('outputs:');
    for (const [name, value] of outputs) io.out(`  ${name}: ${value}`);
  }
  return code;
}

export function stageHelp(stage: StageName): string {
  const spec = readActionSpec(stage);
  const lines = [`mlops ${stage}: ${spec.description}`, '', 'Inputs:'];
  for (const [name, input] of Object.entries(spec.inputs)) {
    const tail = input.required ? ' (required)' : input.default ? cliDefault(input.default) : '';
    lines.push(`  --${name}  ${input.description}${tail}`);
  }
  lines.push('', 'Outputs:');
  for (const [name, output] of Object.entries(spec.outputs)) lines.push(`  ${name}  ${output.description}`);
  return lines.join('\n');
}

/** An input that may be given as a bare `--flag` (read as "true"): one whose values are true/false (or auto). */
function isSwitch(defaultValue: string | undefined): boolean {
  return defaultValue === 'true' || defaultValue === 'false' || defaultValue === 'auto';
}

/** A default as the CLI applies it: an Actions expression means nothing here, so say what the CLI uses. */
function cliDefault(value: string): string {
  if (!isExpression(value)) return ` (default: ${value})`;
  return /^\$\{\{\s*github\.token\s*\}\}$/.test(value) ? ' (default: the GITHUB_TOKEN environment variable; in Actions: the workflow token)' : '';
}

export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  err: (line: string) => void;
  /** A live status line on a terminal (absent when stderr is not a TTY). */
  live?: (text: string | null) => void;
}
