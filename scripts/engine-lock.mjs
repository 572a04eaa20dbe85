#!/usr/bin/env node
// Writes shared/engines/engine-lock.json: for each native engine, the package-lock entries of its
// whole dependency tree (version, resolved URL, integrity), taken from this repository's
// package-lock.json. On a runner the engine is installed with `npm ci` from exactly these
// entries, so npm checks every tarball — from the registry or from its cache — against a pinned
// integrity. test/engines/engine-lock.test.ts fails when this file is stale.
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
export const ENGINE_NAMES = ['onnxruntime-node', '@duckdb/node-api'];

export function engineLock(packageLock) {
  const packages = packageLock.packages;
  const out = {};
  for (const name of ENGINE_NAMES) {
    const tree = {};
    const visit = (dep) => {
      const key = `node_modules/${dep}`;
      if (tree[key] || !packages[key]) return;
      const { version, resolved, integrity, dependencies, optionalDependencies, os, cpu, libc, optional, license } = packages[key];
      tree[key] = Object.fromEntries(Object.entries({ version, resolved, integrity, dependencies, optionalDependencies, os, cpu, libc, optional, license }).filter(([, v]) => v !== undefined));
      for (const d of [...Object.keys(dependencies ?? {}), ...Object.keys(optionalDependencies ?? {})]) visit(d);
    };
    visit(name);
    out[name] = Object.fromEntries(Object.entries(tree).sort(([a], [b]) => a.localeCompare(b)));
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lock = JSON.parse(readFileSync(`${root}package-lock.json`, 'utf8'));
  const text = `${JSON.stringify(engineLock(lock), null, 2)}\n`;
  const target = `${root}shared/engines/engine-lock.json`;
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== text) {
      console.error('shared/engines/engine-lock.json is stale: run node scripts/engine-lock.mjs');
      process.exit(1);
    }
  } else writeFileSync(target, text);
}
