/**
 * What a bundled entry loads before its stage starts (issue #14, item 5). Every module on the
 * static import graph of dist/<entry>.js is parsed and run before the first log line, so the heavy
 * dependencies only some runs need must sit behind dynamic imports: the HTTP stack (undici,
 * through @actions/core's OIDC client), Octokit (only when a stage talks to GitHub), and zod's
 * translations (never used; zod/mini's namespace import lets the bundle drop them). The schemas are written against zod's functional build (zod/mini), so
 * zod's classic build, whose ~390 KB module alone cost 45-60 ms of CPU at every start, is in no
 * bundle at all. Node's slower built-ins (node:crypto ~16 ms, child_process, zlib, readline,
 * worker_threads) load on first use (shared/node/builtins.ts), and the YAML parser only when there
 * is YAML to read. The time itself is measured in bench/start, never asserted.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../shared/stage/action-metadata.js';
import { ROOT, runCli } from '../support/run-action.js';

/** The files a module loads before it runs: its static imports, transitively (not import()). */
function staticGraph(entry: string): Map<string, string> {
  return importGraph(entry, false);
}

/** Every file a module can ever load: its static imports and its import() calls, transitively. */
function fullGraph(entry: string): Map<string, string> {
  return importGraph(entry, true);
}

function importGraph(entry: string, dynamic: boolean): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    const source = readFileSync(file, 'utf8');
    files.set(file, source);
    for (const match of source.matchAll(/^(?:import|export)\s[^;]*?from\s*"(\.[^"]+)"|^import\s*"(\.[^"]+)"/gm)) {
      visit(resolve(dirname(file), match[1] ?? match[2]!));
    }
    if (dynamic) for (const match of source.matchAll(/\bimport\(\s*"(\.[^"]+)"\s*\)/g)) visit(resolve(dirname(file), match[1]!));
  };
  visit(entry);
  return files;
}

/** The packages esbuild notes (`// node_modules/<package>/…`) in a bundled file. */
function bundledPackages(source: string): Set<string> {
  const packages = new Set<string>();
  for (const match of source.matchAll(/^\/\/ (?:\.\.\/)*(?:[^\s/]+\/)*node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\/(\S*)/gm)) {
    // English (locales/en.js) is zod's own default; the other translations are what is left out.
    const translation = match[1] === 'zod' && match[2]!.startsWith('v4/locales/') && match[2] !== 'v4/locales/en.js';
    // zod's classic build (methods on every schema) is told apart from the core and zod/mini.
    const classic = match[1] === 'zod' && match[2]!.startsWith('v4/classic/');
    packages.add(translation ? 'zod/v4/locales' : classic ? 'zod/v4/classic' : match[1]!);
  }
  return packages;
}

/**
 * A stage's start path: its entry's static graph, then (run() imports it first thing) the stage
 * module's static graph.
 */
function startPath(entry: string): Map<string, string> {
  const file = join(ROOT, 'dist', `${entry}.js`);
  const path = staticGraph(file);
  for (const match of readFileSync(file, 'utf8').matchAll(/\bimport\(\s*"(\.[^"]+)"\s*\)/g)) {
    for (const [name, source] of staticGraph(resolve(dirname(file), match[1]!))) path.set(name, source);
  }
  return path;
}

/** The Node built-ins a bundled file imports or requires at load. */
function builtinImports(source: string): Set<string> {
  const builtins = new Set<string>();
  for (const match of source.matchAll(/^(?:import|export)\s[^;]*?from\s*"(?:node:)?([a-z_/]+)"|\brequire\("(?:node:)?([a-z_/]+)"\)/gm)) builtins.add(match[1] ?? match[2]!);
  return builtins;
}

/** Built-ins that cost start time (node:crypto alone ~16 ms), loaded on first use (shared/node/builtins.ts). */
const SLOW_BUILTINS = ['crypto', 'child_process', 'zlib', 'readline', 'worker_threads', 'assert'];
/** Stages that read YAML only when there is some to read (an mlops.yml, a kserve-resources input). */
const YAML_ON_DEMAND = ['data-validate', 'evaluate-gate', 'register', 'deploy', 'drift-check'];

const HEAVY = ['undici', '@actions/http-client', '@octokit/core', '@octokit/plugin-rest-endpoint-methods', 'zod/v4/locales', 'zod/v4/classic', 'zod', 'yaml'];
const ENTRIES = readdirSync(join(ROOT, 'dist')).filter((name) => name.endsWith('.js')).map((name) => name.slice(0, -'.js'.length));

describe('bundled entries load little before their stage', () => {
  it.each([...STAGES, 'index'])('dist/%s.js: nothing heavy on its static import graph', (entry) => {
    const graph = staticGraph(join(ROOT, 'dist', `${entry}.js`));
    const loaded = new Set([...graph.values()].flatMap((source) => [...bundledPackages(source)]));
    // The umbrella reads the chosen stage's action.yml (yaml, checked by zod) before anything else.
    const heavy = entry === 'index' ? HEAVY.filter((name) => name !== 'zod' && name !== 'yaml') : HEAVY;
    expect(heavy.filter((name) => loaded.has(name))).toEqual([]);
    // @actions/core itself stays (the runner's I/O), without its OIDC client's HTTP stack; that it
    // is seen shows the walk reached the bundled packages (the check above cannot pass for nothing).
    expect(loaded.has('@actions/core')).toBe(true);
  });

  it.each(STAGES)('%s: no slow built-in on its start path (entry and stage module), and YAML only on demand', (entry) => {
    const path = startPath(entry);
    const builtins = new Set([...path.values()].flatMap((source) => [...builtinImports(source)]));
    expect(SLOW_BUILTINS.filter((name) => builtins.has(name))).toEqual([]);
    // The walk does see built-ins (node:fs, node:path) and the stage module's own chunks.
    expect(builtins.has('fs') || builtins.has('fs/promises')).toBe(true);
    expect([...path.keys()].some((name) => name.includes(`${entry}-`))).toBe(true);
    if (YAML_ON_DEMAND.includes(entry)) {
      const loaded = new Set([...path.values()].flatMap((source) => [...bundledPackages(source)]));
      expect(loaded.has('yaml')).toBe(false);
    }
  });

  it("dist/cli.js: a command's dependencies load only when that command runs", () => {
    const packagesOf = (graph: Map<string, string>) => new Set([...graph.values()].flatMap((source) => [...bundledPackages(source)]));
    const atStart = packagesOf(staticGraph(join(ROOT, 'dist', 'cli.js')));
    // `mlops serve` (prom-client, OpenTelemetry) used to load before `mlops data-validate` printed a line.
    expect(['prom-client', '@opentelemetry/api', '@kubernetes/client-node'].filter((name) => atStart.has(name))).toEqual([]);
    // The walk sees what the CLI itself needs at start (action.yml's inputs as flags) and the commands behind import().
    expect(atStart.has('yaml')).toBe(true);
    expect(packagesOf(fullGraph(join(ROOT, 'dist', 'cli.js'))).has('prom-client')).toBe(true);
  });

  it('the built-in check sees a static import and a require', () => {
    expect(builtinImports('import { createHash } from "node:crypto";\nconst z = require("zlib");\n')).toEqual(new Set(['crypto', 'zlib']));
  });

  it('deploy loads the Kubernetes client only for target: kserve', () => {
    const chunks = join(ROOT, 'dist', 'chunks');
    const stage = readdirSync(chunks).find((name) => /^deploy-[A-Z0-9]+\.js$/.test(name));
    expect(stage).toBeDefined();
    const loaded = new Set([...staticGraph(join(chunks, stage!)).values()].flatMap((source) => [...bundledPackages(source)]));
    expect(loaded.has('@kubernetes/client-node')).toBe(false);
    expect(loaded.has('zod')).toBe(true); // the graph walk does see the stage's own dependencies
  });

  it.each(ENTRIES)('dist/%s.js: zod classic is nowhere on its graph, dynamic imports included', (entry) => {
    const graph = fullGraph(join(ROOT, 'dist', `${entry}.js`));
    const loaded = new Set([...graph.values()].flatMap((source) => [...bundledPackages(source)]));
    expect(loaded.has('zod/v4/classic')).toBe(false);
  });

  it('the walks see zod/mini where the schemas are, and zod classic where it is bundled', () => {
    // The graph of the CLI reaches every stage, and with them the schemas (written with zod/mini).
    const sources = [...fullGraph(join(ROOT, 'dist', 'cli.js')).values()];
    expect(sources.some((source) => /node_modules\/zod\/v4\/mini\//.test(source))).toBe(true);
    expect(ENTRIES).toEqual(expect.arrayContaining([...STAGES, 'index', 'cli']));
    expect(bundledPackages('// node_modules/zod/v4/classic/schemas.js\n')).toEqual(new Set(['zod/v4/classic']));
  });

  it('zod is bundled without its translations, and its messages stay English', async () => {
    const sources = [...staticGraph(join(ROOT, 'dist', 'cli.js')).values()];
    expect(sources.some((source) => bundledPackages(source).has('zod'))).toBe(true);
    expect(sources.some((source) => bundledPackages(source).has('zod/v4/locales'))).toBe(false);
    // A zod message reaches the user in English through the bundled CLI.
    const scratch = mkdtempSync(join(tmpdir(), 'mlops-zod-english-'));
    writeFileSync(join(scratch, 'mlops.yml'), 'gate:\n  bootstrap:\n    resamples: "many"\n');
    const result = await runCli(['model-card', '--config', 'mlops.yml', '--out', 'card.md'], { cwd: scratch });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('(gate.bootstrap.resamples): Invalid input: expected number, received string.');
  });
});
