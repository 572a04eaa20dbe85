// Threat: untrusted text (a column name, a slice value, an ONNX name, a registry annotation, the
// training command's output) reaches the log and a line of it becomes a runner command:
// `::add-mask::`, `::stop-commands::` (which switches off every later command), `##[error]`.
// The Actions Host neutralises every line itself; tested with the bundled train action, whose
// command prints hostile lines, reading its stdout the way the runner does.
import { describe, expect, it } from 'vitest';
import { neutraliseWorkflowCommands } from '../../shared/host/workflow-commands.js';
import { runAction } from '../support/run-action.js';
import { pathWithoutNvidiaSmi, scratch } from '../train/support.js';

/**
 * The lines the runner would act on: split like .NET ReadLine, trimmed like TryParseV2 (a line
 * starting with `::`); otherwise the legacy `##[` form anywhere in the line.
 */
function runnerCommands(stdout: string): string[] {
  return stdout.split(/\r\n|\r|\n/).filter((line) => line.trim().startsWith('::') || line.includes('##['));
}

/** The command names of those lines (`group`, `add-mask`, …). */
function commandNames(stdout: string): string[] {
  return runnerCommands(stdout).map((line) => /^::([\w-]+)/.exec(line.trim())?.[1] ?? /##\[([\w-]+)/.exec(line)![1]!);
}

describe('workflow-command injection through the log', () => {
  it('no line of a hostile message can start a command', () => {
    const hostile = ['::add-mask::x', '  \t::stop-commands::tok', 'ok\r::set-output name=a::b', 'ok\n::warning::w', 'a ##[error]e', 'ok\r\n ::endgroup::'];
    for (const text of hostile) {
      const safe = neutraliseWorkflowCommands(text);
      expect(runnerCommands(safe)).toEqual([]);
      expect(safe.replaceAll('\u2060', '').split('\n')).toEqual(text.split(/\r\n|\r|\n/)); // reads the same
    }
    expect(neutraliseWorkflowCommands('a::b and ## not commands')).toBe('a::b and ## not commands');
  });

  it('the bundled action neutralises the training command output; its own commands still work', async () => {
    const dir = scratch();
    const command = String.raw`printf '::add-mask::hunter2\n   ::stop-commands::pwned\nline\r::set-output name=model-sha256::forged\nsee ##[error]bad\n'; touch model.onnx`;
    const result = await runAction('train', { cwd: dir, inputs: { command, model: 'model.onnx' }, env: { PATH: pathWithoutNvidiaSmi() + ':' + (process.env.PATH ?? '') } });
    // Only the stage's own commands: its groups and its warning about the missing metrics file.
    expect([...new Set(commandNames(result.stdout))].sort()).toEqual(['endgroup', 'group', 'warning']);
    expect(runnerCommands(result.stdout).some((line) => line.startsWith('::group::Training'))).toBe(true);
    expect(result.stdout).toContain(':\u2060:stop-commands::pwned'); // still readable in the log
    expect(result.outputs['model-sha256']).not.toBe('forged');
  });
});
