/**
 * The package as a stranger gets it: `npm pack` of this repository, installed into an empty
 * directory, and the CLI run there from node_modules/.bin (mlops-actions and its alias mlops).
 *
 * The install is `npm ci --prefer-offline` from a lockfile that pins the tarball and its runtime
 * dependency tree at the versions and integrities of this repository's package-lock.json: npm
 * takes every package from its cache (warm after the repository's own `npm ci`) and goes to the
 * registry only for one it lacks. The tree is the one CI tested, and a registry that changed
 * since cannot make this test pass or fail.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-action.js';

interface LockEntry {
  version?: string;
  resolved?: string;
  dev?: boolean;
  link?: boolean;
  [key: string]: unknown;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  bin: Record<string, string>;
};

let scratch: string;
let app: string;
let tarball: string;
let packedFiles: string[];

function sh(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '', ...env }, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
}

/** The runtime part of the repository's lockfile, relocated under an app that depends on the tarball. */
function appLockfile(tarballPath: string): unknown {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const packages: Record<string, LockEntry> = {};
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path.startsWith('node_modules/') || entry.dev || entry.link) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    // Lockfiles written without resolved URLs: give the registry's tarball URL, so npm can fetch
    // by integrity (from its cache) without asking the registry for the package's metadata.
    packages[path] = { ...entry, resolved: entry.resolved ?? `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${entry.version}.tgz` };
  }
  const spec = `file:${tarballPath}`;
  return {
    name: 'empty-app',
    version: '0.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'empty-app', version: '0.0.0', dependencies: { [manifest.name]: spec } },
      [`node_modules/${manifest.name}`]: { version: manifest.version, resolved: spec, license: 'Apache-2.0', dependencies: manifest.dependencies, bin: manifest.bin },
      ...packages,
    },
  };
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'mlops-pack-'));
  const packed = sh('npm', ['pack', '--json', '--pack-destination', scratch], ROOT);
  expect(packed.status, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string; mode: number }[] }];
  tarball = join(scratch, info.filename);
  packedFiles = info.files.map((file) => file.path);

  app = join(scratch, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'empty-app', version: '0.0.0', private: true, dependencies: { [manifest.name]: `file:${tarball}` } }));
  writeFileSync(join(app, 'package-lock.json'), JSON.stringify(appLockfile(tarball)));
  // onnxruntime-node's install script would download CUDA libraries; the CPU build is in the package.
  const installed = sh('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], app, { ONNXRUNTIME_NODE_INSTALL: 'skip' });
  expect(installed.status, `${installed.stdout}\n${installed.stderr}`).toBe(0);
  cpSync(join(ROOT, 'examples', 'breast-cancer'), join(app, 'project'), { recursive: true });
}, 600_000);

describe('the packed package', () => {
  it('holds the bundles, every action.yml, the licence and changelog, and no sources or tests', () => {
    for (const path of ['dist/cli.js', 'dist/index.js', 'action.yml', 'LICENSE', 'CHANGELOG.md', 'README.md', 'package.json', 'workflows-templates/ml-pull-request.yml']) {
      expect(packedFiles).toContain(path);
    }
    for (const stage of ['data-validate', 'train', 'evaluate-gate', 'model-card', 'register', 'deploy', 'drift-check']) {
      expect(packedFiles).toContain(`actions/${stage}/action.yml`);
      expect(packedFiles).toContain(`dist/${stage}.js`);
    }
    expect(packedFiles.filter((path) => /^(test|shared|cli|bench|scripts|examples|node_modules)\//.test(path) || path.endsWith('.ts'))).toEqual([]);
  });

  it('installs both bin names, executable', () => {
    for (const bin of ['mlops-actions', 'mlops']) {
      const path = join(app, 'node_modules', '.bin', bin);
      expect(existsSync(path), bin).toBe(true);
      expect(statSync(path).mode & 0o111, bin).not.toBe(0);
    }
  });

  it('mlops --help lists every stage with its description; --version prints the version', () => {
    const help = sh(join(app, 'node_modules', '.bin', 'mlops'), ['--help'], app);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^ {2}data-validate +Check data files/m);
    expect(help.stdout).toMatch(/^ {2}evaluate-gate +Re-score candidate/m);
    const version = sh(join(app, 'node_modules', '.bin', 'mlops-actions'), ['--version'], app);
    expect(version.stdout.trim()).toBe(`mlops-actions ${manifest.version}`);
  });

  it('exports the CLI and package.json, and nothing else', async () => {
    const probe = join(app, 'probe.mjs');
    writeFileSync(
      probe,
      [
        `import { createRequire } from 'node:module';`,
        `const require = createRequire(import.meta.url);`,
        `console.log(require.resolve('${manifest.name}/package.json'));`,
        `console.log(require.resolve('${manifest.name}/cli'));`,
        `for (const deep of ['dist/data-validate.js', 'shared/stage/run-stage.js']) { try { require.resolve('${manifest.name}/' + deep); console.log('deep import resolved'); } catch (e) { console.log(e.code); } }`,
      ].join('\n'),
    );
    const result = sh(process.execPath, [probe], app);
    expect(result.stdout).toContain(join('node_modules', manifest.name, 'package.json'));
    expect(result.stdout).toContain(join('node_modules', manifest.name, 'dist', 'cli.js'));
    expect(result.stdout.match(/ERR_PACKAGE_PATH_NOT_EXPORTED/g)).toHaveLength(2);
    expect(result.stdout).not.toContain('deep import resolved');
  });

  it('mlops data-validate and mlops evaluate-gate run in the installed package, engines included', () => {
    const project = join(app, 'project');
    const mlops = join(app, 'node_modules', '.bin', 'mlops');
    const validated = sh(mlops, ['data-validate', '--data', 'data/train.csv'], project);
    expect(validated.status, `${validated.stdout}\n${validated.stderr}`).toBe(0);
    expect(validated.stdout).toContain('rows: 398');

    const trained = sh(process.execPath, ['train.mjs', '--data', 'data/train.csv', '--out', 'mlops-out/model.onnx', '--metrics', 'mlops-out/metrics.json', '--params', 'mlops-out/params.json', '--log-every', '1000'], project);
    expect(trained.status, trained.stderr).toBe(0);
    const gated = sh(mlops, ['evaluate-gate', '--model', 'mlops-out/model.onnx', '--data', 'data/holdout.csv'], project);
    expect(gated.status, `${gated.stdout}\n${gated.stderr}`).toBe(0);
    expect(gated.stdout).toContain('passed: true');
    expect(existsSync(join(project, 'mlops-out', 'evaluate-gate', 'report.md'))).toBe(true);
  });
});

// The repository's own bin is executable in git's index too, so `npm ci` leaves the tree clean.
describe('dist/cli.js in the repository', () => {
  it('is recorded executable by git and is executable on disk after a build', () => {
    const staged = sh('git', ['ls-files', '-s', 'dist/cli.js'], ROOT);
    expect(staged.stdout).toMatch(/^100755 /);
    expect(statSync(join(ROOT, 'dist', 'cli.js')).mode & 0o111).not.toBe(0);
  });
});
