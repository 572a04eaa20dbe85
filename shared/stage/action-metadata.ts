/**
 * Reads actions/<stage>/action.yml: the single source of truth for a stage's inputs and outputs.
 * The CLI takes exactly these inputs as flags, the umbrella action applies these defaults, and
 * the README tables are generated from them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import * as z from 'zod/mini';
import '../zod/setup.js';

const InputSpec = z.looseObject({
  description: z.string(),
  required: z.optional(z.boolean()),
  default: z.optional(z.string()),
});
const OutputSpec = z.looseObject({ description: z.string() });
const ActionSpec = z.looseObject({
  name: z.string(),
  description: z.string(),
  inputs: z._default(z.record(z.string(), InputSpec), {}),
  outputs: z._default(z.record(z.string(), OutputSpec), {}),
  runs: z.looseObject({ using: z.string(), main: z.string() }),
});
export type ActionSpec = z.infer<typeof ActionSpec>;

export const STAGES = ['data-validate', 'train', 'evaluate-gate', 'model-card', 'register', 'deploy', 'drift-check'] as const;
export type StageName = (typeof STAGES)[number];

export function isStageName(name: string): name is StageName {
  return (STAGES as readonly string[]).includes(name);
}

/** The package root: the nearest folder above this file holding action.yml and package.json. */
export function packageRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'action.yml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`mlops-actions: cannot find the package root above ${from}`);
  }
}

export function actionYamlPath(stage: StageName | 'umbrella', root = packageRoot()): string {
  return stage === 'umbrella' ? join(root, 'action.yml') : join(root, 'actions', stage, 'action.yml');
}

const cache = new Map<string, ActionSpec>();

export function readActionSpec(stage: StageName | 'umbrella', root = packageRoot()): ActionSpec {
  const path = actionYamlPath(stage, root);
  let spec = cache.get(path);
  if (!spec) {
    spec = ActionSpec.parse(parse(readFileSync(path, 'utf8')));
    cache.set(path, spec);
  }
  return spec;
}

/** A default that is a workflow expression (e.g. `${{ github.token }}`) only the runner can evaluate. */
export function isExpression(value: string): boolean {
  return value.includes('${{');
}
