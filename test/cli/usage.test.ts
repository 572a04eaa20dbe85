/** The CLI's command-line errors and help: one exit code for every usage error, flags that need values, help that reads true on the CLI. */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGES, readActionSpec } from '../../shared/stage/action-metadata.js';
import { ROOT, runCli } from '../support/run-action.js';

describe('mlops usage errors', () => {
  it('an unknown option and an unknown stage exit with the same code (2)', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'mlops-usage-'));
    const option = await runCli(['data-validate', '--dat', 'x.csv'], { cwd });
    const stage = await runCli(['data-validat'], { cwd });
    expect(option.code).toBe(2);
    expect(stage.code).toBe(2);
  });

  it('the other commands give an unknown option the same usage exit code (2)', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'mlops-usage-'));
    for (const args of [['serve', '--bogus'], ['registry', 'list', '.mlops/registry', '--bogus'], ['lineage', '.mlops/registry:m:v1', '--bogus'], ['data', 'infer', 'x.csv', '--bogus']]) {
      const result = await runCli(args, { cwd });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toContain('unknown option --bogus');
    }
  });

  it('a flag given without a value is an error that names the flag, not the value "true"', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'mlops-usage-'));
    const last = await runCli(['data-validate', '--data'], { cwd });
    expect(last.code).toBe(2);
    expect(last.stderr).toContain('option --data needs a value');
    const followed = await runCli(['evaluate-gate', '--model', '--data', 'holdout.csv'], { cwd });
    expect(followed.code).toBe(2);
    expect(followed.stderr).toContain('option --model needs a value');
    expect(followed.stderr).not.toContain('`true`');
  });

  it('a true/false input may still be given as a bare switch', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'mlops-usage-'));
    const result = await runCli(['evaluate-gate', '--model', 'missing.onnx', '--data', 'x.csv', '--insecure'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('needs a value');
  });

  it('a stray argument is a usage error too', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'mlops-usage-'));
    const result = await runCli(['model-card', 'extra'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unexpected argument "extra"');
  });
});

describe('mlops help', () => {
  it('--help lists every stage with the first sentence of its action.yml description', async () => {
    const result = await runCli(['--help'], { cwd: ROOT });
    expect(result.code).toBe(0);
    for (const stage of STAGES) {
      const sentence = readActionSpec(stage).description.split(/\.(\s|$)/)[0]!;
      expect(result.stdout).toContain(`  ${stage.padEnd(14)} ${sentence}.`);
    }
    expect(result.stdout).toContain('npx -p mlops-actions mlops');
  });

  it('no arguments: the usage on stderr and exit code 2', async () => {
    const result = await runCli([], { cwd: ROOT });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: mlops');
  });

  it('--version prints the package version', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = await runCli(['--version'], { cwd: ROOT });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(`mlops-actions ${manifest.version}`);
  });

  it("a stage's help never shows an Actions expression as a CLI default", async () => {
    const result = await runCli(['data-validate', '--help'], { cwd: ROOT });
    expect(result.stdout).not.toContain('${{');
    expect(result.stdout).toMatch(/--github-token .*default: the GITHUB_TOKEN environment variable/);
  });
});
