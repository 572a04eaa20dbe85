#!/usr/bin/env node
// Runs the workflow audit (scripts/audit-workflows.ts) by hand: `node scripts/audit-workflows.mjs
// [files…]` (default: every template in workflows-templates/). esbuild bundles it first, because
// @actions/workflow-parser only loads through a bundler. Exit code 1 when anything is found.
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'mlops-audit-'));
try {
  await build({ entryPoints: [join(root, 'scripts/audit-workflows.ts')], bundle: true, platform: 'node', format: 'esm', outfile: join(out, 'audit.mjs'), logLevel: 'error', banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } });
  const { auditWorkflow, formatFindings } = await import(pathToFileURL(join(out, 'audit.mjs')).href);
  const files = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(join(root, 'workflows-templates')).filter((n) => /\.ya?ml$/.test(n)).map((n) => join(root, 'workflows-templates', n));
  let found = 0;
  for (const file of files) {
    const findings = await auditWorkflow(file, readFileSync(file, 'utf8'));
    found += findings.length;
    if (findings.length) console.log(formatFindings(findings));
  }
  console.log(`${files.length} workflow file(s) audited, ${found} finding(s).`);
  process.exitCode = found ? 1 : 0;
} finally {
  rmSync(out, { recursive: true, force: true });
}
