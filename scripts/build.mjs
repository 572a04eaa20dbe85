#!/usr/bin/env node
// One command builds everything the runner executes: generated docs/metadata, then the bundles.
// The output is deterministic: CI rebuilds and fails when dist/ differs from what is committed.
import { build } from 'esbuild';
import { chmodSync, readdirSync, rmSync, existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join, sep } from 'node:path';
import { execFileSync } from 'node:child_process';
import { generate, generateConfigReference } from './generate.mjs';

const root = new URL('..', import.meta.url).pathname;
generate(root);

const stages = readdirSync(join(root, 'actions'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, 'actions', entry.name, 'index.ts')))
  .map((entry) => entry.name)
  .sort();

const entryPoints = [
  ...stages.map((stage) => ({ in: `actions/${stage}/index.ts`, out: stage })),
  { in: 'actions/index.ts', out: 'index' },
  { in: 'cli/mlops.ts', out: 'cli' },
  // Worker threads of the gate's paired bootstrap (found beside the bundle at run time).
  { in: 'shared/stats/bootstrap-worker.ts', out: 'bootstrap-worker' },
  // Worker threads of drift-check's numeric columns (found beside the bundle at run time).
  { in: 'shared/drift/column-worker.ts', out: 'drift-column-worker' },
];

// Build beside dist/ and then sync, so a test reading dist/ never sees it half-deleted.
const staging = mkdtempSync(join(root, '.dist-build-'));
try {
await build({
  absWorkingDir: root,
  entryPoints,
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // Native engines are installed on the runner on first use (shared/engines), never bundled.
  external: ['onnxruntime-node', '@duckdb/node-api', '@duckdb/node-bindings', '@duckdb/node-bindings-*'],
  banner: {
    js: "import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);",
  },
  plugins: [lazyActionsCoreOidc(), lazyActionsCoreImports()],
  legalComments: 'eof',
  sourcemap: false,
  logLevel: 'warning',
});
syncDir(staging, join(root, 'dist'));
// The package's bin (mlops-actions, mlops): executable in the tree, as git records it, so that
// `npm ci` (which sets the bit on bins) leaves the working tree clean.
chmodSync(join(root, 'dist', 'cli.js'), 0o755);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
// The config reference in README.md comes from the JSON Schema the CLI prints.
const schema = JSON.parse(execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'schema'], { encoding: 'utf8' }));
generateConfigReference(root, schema);
console.log(`built ${entryPoints.length} entries into dist/`);

/**
 * @actions/core imports its OIDC client at load, and with it @actions/http-client and undici
 * (~0.9 MB, most of an entry's start), for getIDToken only. The bundle gives core a stand-in that
 * imports the real client on the first getIDToken call, so every entry starts without it.
 */
function lazyActionsCoreOidc() {
  const real = join(root, 'node_modules', '@actions', 'core', 'lib', 'oidc-utils.js');
  return {
    name: 'lazy-actions-core-oidc',
    setup(builder) {
      const applied = mustApply(builder, 'lazy-actions-core-oidc', "@actions/core's lib/core.js no longer imports './oidc-utils.js'");
      builder.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, (args) => {
        if (!args.importer.endsWith(`${sep}@actions${sep}core${sep}lib${sep}core.js`)) return undefined;
        applied();
        return { path: real, namespace: 'lazy-oidc' };
      });
      builder.onLoad({ filter: /.*/, namespace: 'lazy-oidc' }, () => ({
        contents: `export const OidcClient = {\n  async getIDToken(audience) {\n    const { OidcClient } = await import(${JSON.stringify(real)});\n    return OidcClient.getIDToken(audience);\n  },\n};\n`,
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
}

/**
 * Two more of @actions/core's imports load at start what it uses late or never: `crypto`
 * (~16 ms of Node start, for the random delimiter of a file command: setOutput, exportVariable)
 * and `@actions/exec` (child_process, @actions/io, assert; for platform.getDetails, which no stage
 * calls). Each gets a stand-in that loads the real module on first use; the same functions, the
 * same results. Our own modules load these built-ins on first use too (shared/node/builtins.ts).
 */
function lazyActionsCoreImports() {
  const core = `${sep}@actions${sep}core${sep}lib${sep}`;
  const standIns = [
    {
      importer: `${core}file-command.js`,
      specifier: 'crypto',
      contents: "export const randomUUID = () => process.getBuiltinModule('node:crypto').randomUUID();\n",
    },
    {
      importer: `${core}platform.js`,
      specifier: '@actions/exec',
      contents: `export async function getExecOutput(...args) {\n  const exec = await import(${JSON.stringify(join(root, 'node_modules', '@actions', 'exec', 'lib', 'exec.js'))});\n  return exec.getExecOutput(...args);\n}\n`,
    },
  ];
  return {
    name: 'lazy-actions-core-imports',
    setup(builder) {
      for (const standIn of standIns) {
        const applied = mustApply(builder, 'lazy-actions-core-imports', `@actions/core's ${standIn.importer.split(sep).pop()} no longer imports '${standIn.specifier}'`);
        const filter = new RegExp(`^${standIn.specifier.replace(/[/@]/g, '\\$&')}$`);
        builder.onResolve({ filter }, (args) => {
          if (!args.importer.endsWith(standIn.importer)) return undefined;
          applied();
          return { path: standIn.specifier, namespace: 'lazy-core-import' };
        });
      }
      builder.onLoad({ filter: /.*/, namespace: 'lazy-core-import' }, (args) => ({
        contents: standIns.find((standIn) => standIn.specifier === args.path).contents,
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
}

/**
 * Fails the build when a plugin that rewrites a package's imports never applied: the package's
 * file layout changed, and the bundle would silently carry what the plugin exists to leave out.
 * Returns what the plugin calls each time it applies.
 */
function mustApply(builder, name, layoutChange) {
  let applied = false;
  builder.onStart(() => {
    applied = false;
  });
  builder.onEnd((result) => {
    if (applied || result.errors.length > 0) return undefined;
    return { errors: [{ text: `${name} did not apply: ${layoutChange} (package updated?). Update or remove the plugin in scripts/build.mjs; test/actions/start-path.test.ts checks what it keeps out of the start path.` }] };
  });
  return () => {
    applied = true;
  };
}

/** Makes `to` hold exactly the files of `from`, rewriting only files whose bytes changed. */
function syncDir(from, to) {
  mkdirSync(to, { recursive: true });
  const wanted = new Set(readdirSync(from));
  for (const name of readdirSync(to)) if (!wanted.has(name)) rmSync(join(to, name), { recursive: true, force: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      if (existsSync(target) && !readdirSync(to, { withFileTypes: true }).find((e) => e.name === entry.name)?.isDirectory()) rmSync(target, { force: true });
      syncDir(source, target);
    } else {
      const bytes = readFileSync(source);
      if (existsSync(target) && readFileSync(target).equals(bytes)) continue;
      const temporary = `${target}.${process.pid}.tmp`;
      writeFileSync(temporary, bytes);
      renameSync(temporary, target);
    }
  }
}
