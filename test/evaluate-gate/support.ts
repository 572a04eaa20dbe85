import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, type ActionResult } from '../support/run-action.js';

export const FIXTURES = new URL('../fixtures/models/', import.meta.url).pathname;

/** A fresh workspace holding the fixture models and data, with an optional mlops.yml. */
export function workspace(mlopsYml?: string): string {
  const cwd = mkdtempSync(join(tmpdir(), 'eg-'));
  cpSync(FIXTURES, cwd, { recursive: true });
  if (mlopsYml !== undefined) writeFileSync(join(cwd, 'mlops.yml'), mlopsYml);
  return cwd;
}

export function gate(cwd: string, inputs: Record<string, string>, extra: Partial<Parameters<typeof runAction>[1]> = {}): Promise<ActionResult> {
  return runAction('evaluate-gate', { cwd, inputs: { comment: 'false', ...inputs }, ...extra });
}

export function results(cwd: string, result: ActionResult): Record<string, any> {
  return JSON.parse(readFileSync(join(cwd, result.outputs.results!), 'utf8'));
}

/** The step's error lines (the runner's ::error:: commands). */
export function errors(result: ActionResult): string {
  return result.stdout.split('\n').filter((l) => l.startsWith('::error')).join('\n');
}
