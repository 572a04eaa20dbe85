#!/usr/bin/env node
// The demo pipeline on the bundled example: each stage through the `mlops` CLI, on the
// example's embedded defaults. Every step lives in scripts/demo-steps/<name>.mjs.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { commandLine, fromBase } from './demo-format.mjs';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const example = join(root, 'examples', 'breast-cancer');
const work = join(root, 'mlops-out', 'demo');

// Steps in pipeline order; a step file that does not exist yet is skipped.
const STEPS = ['data-validate', 'train', 'evaluate-gate', 'model-card', 'register', 'serve', 'deploy', 'drift-check'];

if (!existsSync(join(root, 'dist', 'cli.js'))) {
  console.log('dist/ is missing: building …');
  spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
}
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync(example, work, { recursive: true });

console.log(`Working in ${relative(root, work)}/ (a copy of ${relative(root, example)}/); every path printed below is relative to it.`);

const context = {
  root,
  work,
  example,
  commandLine,
  /** Runs `mlops <args>` in the demo folder; throws unless the exit code is one of `expect`. */
  mlops(args, { expect = [0], quiet = false } = {}) {
    console.log(`\n${commandLine('mlops', args)}`);
    const result = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
    if (!quiet) process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    if (!expect.includes(result.status)) throw new Error(`mlops ${args[0]} exited with ${result.status}, expected ${expect.join(' or ')}`);
    return result;
  },
  /** Runs a plain command (no shell) in the demo folder. */
  run(command, args) {
    console.log(`\n${commandLine(command, args)}`);
    const result = spawnSync(command, args, { cwd: work, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`${command} exited with ${result.status}`);
  },
  show(label, path) {
    console.log(`  → ${label}: ${fromBase(work, path)}`);
  },
};

for (const step of STEPS) {
  const file = join(root, 'scripts', 'demo-steps', `${step}.mjs`);
  if (!existsSync(file)) continue;
  console.log(`\n=== ${step} ===`);
  const { default: run } = await import(file);
  await run(context);
}
console.log(`\nDemo finished. Everything it wrote is under ${relative(root, work)}/ (the paths above are relative to it).`);
