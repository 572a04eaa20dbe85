/**
 * Loads a native engine (onnxruntime-node, DuckDB). Where the package is installed (the CLI,
 * tests, a repository that has run `npm ci`) it is imported directly. On a runner, where the
 * action's bundle has no node_modules, it is installed on first use into the tool cache,
 * pinned by version and verified against its npm integrity, and kept in the Actions cache.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { UserError } from '../errors/user-error.js';
import type { Host } from '../host/host.js';
import { ENGINES, type EngineName } from './versions.js';

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
  try {
    return await import(name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
  }
  const dir = await installEngine(name, host);
  const require = createRequire(join(dir, 'package.json'));
  return import(pathToFileURL(require.resolve(name)).href);
}

async function installEngine(name: EngineName, host: EngineHost): Promise<string> {
  const { version, integrity } = ENGINES[name];
  const base = host.env('RUNNER_TOOL_CACHE') ?? join(homedir(), '.cache');
  const dir = join(base, 'mlops-actions-engines', `${name.replace('/', '__')}@${version}-${process.platform}-${process.arch}`);
  const cacheKey = `mlops-engine-${name}@${version}-${process.platform}-${process.arch}-node${process.versions.modules}`;
  if (!installed(dir, name, integrity)) await host.restoreCache([dir], cacheKey).catch(() => undefined);
  if (installed(dir, name, integrity)) return dir;

  await host.group(`Installing ${name}@${version} (first use on this runner)`, async () => {
    await mkdir(dir, { recursive: true });
    try {
      await promisify(execFile)('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', dir, `${name}@${version}`], {
        // onnxruntime-node's install script would otherwise download CUDA libraries.
        env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'skip' },
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      throw new UserError(`could not install the ${name} engine (${(error as Error).message.split('\n')[0]})`, {
        hint: `The runner needs npm and access to the npm registry, or install ${name}@${version} in the workspace with npm.`,
      });
    }
  });
  if (!installed(dir, name, integrity)) {
    throw new UserError(`the installed ${name} does not match its pinned integrity ${integrity}`, { hint: 'The npm registry served a different package; refusing to load it.' });
  }
  await host.saveCache([dir], cacheKey).catch(() => undefined);
  return dir;
}

function installed(dir: string, name: string, integrity: string): boolean {
  const lock = join(dir, 'node_modules', '.package-lock.json');
  if (!existsSync(lock)) return false;
  try {
    const packages = (JSON.parse(readFileSync(lock, 'utf8')) as { packages?: Record<string, { integrity?: string }> }).packages ?? {};
    return packages[`node_modules/${name}`]?.integrity === integrity;
  } catch {
    return false;
  }
}
