/**
 * Loads a native engine (onnxruntime-node, DuckDB). Where the package is installed (the CLI,
 * tests, a repository that has run `npm ci`) it is imported directly. On a runner, where the
 * action's bundle has no node_modules, it is installed on first use into a fresh directory,
 * every package of its tree verified against a pinned integrity (installEngine).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { UserError } from '../errors/user-error.js';
import type { Host } from '../host/host.js';
import { ENGINES, type EngineName } from './versions.js';
import ENGINE_LOCK from './engine-lock.json' with { type: 'json' };
import { childProcess } from '../node/builtins.js';

type EngineHost = Pick<Host, 'info' | 'env' | 'restoreCache' | 'saveCache' | 'group'>;

const loaded = new Map<EngineName, Promise<unknown>>();

export function loadEngine<T>(name: EngineName, host: EngineHost): Promise<T> {
  let engine = loaded.get(name);
  if (!engine) {
    engine = importEngine(name, host);
    loaded.set(name, engine);
  }
  return engine as Promise<T>;
}

async function importEngine(name: EngineName, host: EngineHost): Promise<unknown> {
  const installed = workspacePackage(name, dirname(fileURLToPath(import.meta.url)));
  if (installed) {
    try {
      return await loadPackage(installed);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
    }
  }
  const dir = await installEngine(name, host);
  return loadPackage(join(dir, 'node_modules', name));
}

/**
 * The package folder import() would load `name` from: the first node_modules/<name> in this
 * module's folder or above it. Never NODE_PATH or the global folders ($HOME/.node_modules…)
 * that require() also searches: a package planted there must not be loaded.
 */
export function workspacePackage(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    // import() stops at the first such folder, whatever is in it: so does this (a folder without
    // package.json then fails to load and the engine is installed, as import() would have it).
    const folder = join(dir, 'node_modules', name);
    if (existsSync(folder)) return folder;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Loads a package folder. The engines are CommonJS: require() loads @duckdb/node-api ≈ 0.1 s
 * sooner than import(), which first lexes every module of the package for its named exports.
 * An ES module package is imported.
 */
async function loadPackage(folder: string): Promise<unknown> {
  const require = createRequire(join(folder, 'package.json'));
  try {
    return require(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ERR_REQUIRE_ESM' && code !== 'ERR_REQUIRE_ASYNC_MODULE') throw error;
    return import(pathToFileURL(require.resolve(folder)).href);
  }
}

/**
 * Installs the engine into a fresh private directory for this process, with `npm ci` from a
 * lockfile of the whole dependency tree pinned in engine-lock.json (version and integrity of
 * every package, from this repository's package-lock.json) and lifecycle scripts off. npm checks
 * each tarball against its pinned integrity, whether it comes from the registry or from npm's
 * content cache (kept in the tool cache to save downloads), so nothing planted there — by a
 * training command on a self-hosted runner, or in a restored cache — is ever loaded. Installed
 * files are never reused across processes and never restored from the Actions cache.
 */
export async function installEngine(name: EngineName, host: EngineHost): Promise<string> {
  const { version } = ENGINES[name];
  const base = host.env('RUNNER_TOOL_CACHE') ?? join(homedir(), '.cache');
  const dir = await mkdtemp(join(host.env('RUNNER_TEMP') ?? tmpdir(), 'mlops-engine-'));
  const packages = (ENGINE_LOCK as Record<string, Record<string, unknown>>)[name]!;
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'mlops-engine', version: '0.0.0', private: true, dependencies: { [name]: version } }));
  await writeFile(
    join(dir, 'package-lock.json'),
    JSON.stringify({ name: 'mlops-engine', version: '0.0.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'mlops-engine', version: '0.0.0', dependencies: { [name]: version } }, ...packages } }),
  );
  await host.group(`Installing ${name}@${version} (integrity-pinned, fresh for this step)`, async () => {
    try {
      await promisify(childProcess().execFile)('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--cache', join(base, 'mlops-actions-npm-cache')], {
        cwd: dir,
        // onnxruntime-node's install script would otherwise download CUDA libraries (scripts are off anyway).
        env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'skip' },
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      const message = (error as Error).message;
      const integrity = /EINTEGRITY|integrity checksum failed/i.test(message);
      throw new UserError(
        integrity
          ? `the ${name} engine failed its integrity check: npm served a package whose sha512 differs from the pinned one`
          : `could not install the ${name} engine (${message.split('\n')[0]})`,
        { hint: integrity ? 'Refusing to load it. Clear the npm cache under the tool cache, and check the registry.' : `The runner needs npm and access to the npm registry, or install ${name}@${version} in the workspace with npm.` },
      );
    }
  });
  return dir;
}
