import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, runAction, runCli } from '../support/run-action.js';

describe('mlops CLI', () => {
  it('prints a JSON Schema that validates the example mlops.yml and rejects a misspelt key', async () => {
    const result = await runCli(['schema'], { cwd: ROOT });
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout);
    const validate = new Ajv2020({ strict: false }).compile(schema);
    const example = parse(await readFile(join(ROOT, 'examples/breast-cancer/mlops.yml'), 'utf8'));
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    const misspelt = { ...example, model_card: { ...example.model_card, intended_uses: 'x' } };
    expect(validate(misspelt)).toBe(false);
    expect(JSON.stringify(validate.errors)).toContain('intended_uses');
  });

  it('takes exactly the inputs of the stage action.yml, and suggests the near miss', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'mlops-cli-'));
    const result = await runCli(['model-card', '--requir', 'intended_use'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown option --requir. Did you mean --require?');
    const help = await runCli(['model-card', '--help'], { cwd });
    expect(help.stdout).toContain('--require');
    expect(help.stdout).toContain('--github-token');
  });

  it('names an unknown stage', async () => {
    const result = await runCli(['modle-card'], { cwd: ROOT });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Did you mean "model-card"?');
  });
});

describe('stages that used to be unavailable', () => {
  it('drift-check is built: bad input gets its own clear error, not "not available"', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'mlops-unavailable-'));
    const drift = await runAction('drift-check', { cwd, inputs: { current: 'x.csv', reference: 'x.csv' } });
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain('data file `x.csv` does not exist');
    expect(drift.stdout).not.toContain('not available in this version');
  });

  it('deploy is available: it asks for the version to deploy, not "not available"', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'mlops-deploy-'));
    const result = await runAction('deploy', { cwd, inputs: {} });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('not available');
    expect(result.stdout).toContain('input "model" is required');
  });

  it('the umbrella refuses an unknown stage with a suggestion', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'mlops-umbrella-'));
    const result = await runAction('index', { cwd, inputs: { stage: 'evaluate-gat' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('unknown stage "evaluate-gat". Did you mean "evaluate-gate"?');
  });
});

describe('the umbrella action', () => {
  it('runs the chosen stage with that stage\'s defaults and warns about inputs of other stages', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'mlops-umbrella-'));
    const result = await runAction('index', { cwd, inputs: { stage: 'model-card', threshold: '0.7' } });
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs.path).toBe('mlops-out/MODEL_CARD.md');
    expect(result.stdout).toContain('input "threshold" is not an input of the model-card stage and is ignored');
  });
});
