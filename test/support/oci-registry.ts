/**
 * A real OCI distribution registry for tests: Debian's `docker-registry` on a free loopback
 * port with a temporary storage directory, optionally behind htpasswd (Basic) or token
 * (Bearer) auth. Missing tools fail the test with the command that installs them: tests that
 * need a registry never skip.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { randomBytes } from 'node:crypto';

export function requireTool(command: string, debianPackage: string): string {
  try {
    return execFileSync('sh', ['-c', 'command -v "$0"', command], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`${command} is not installed; these tests need it. Install it with: apt-get install ${debianPackage} (or run npm test, whose pretest installs it).`);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface TokenAuthConfig {
  realm: string;
  service: string;
  issuer: string;
  /** PEM file with the certificate that signs tokens. */
  rootCertBundle: string;
}

export interface StartRegistryOptions {
  htpasswd?: { username: string; password: string };
  token?: TokenAuthConfig;
}

export interface TestRegistry {
  /** 127.0.0.1:port */
  host: string;
  url: string;
  /** Storage root (blobs under docker/registry/v2/blobs/sha256/<2>/<hex>/data). */
  storage: string;
  blobDataPath(hex: string): string;
  stop(): Promise<void>;
}

export async function startRegistry(options: StartRegistryOptions = {}): Promise<TestRegistry> {
  const binary = requireTool('docker-registry', 'docker-registry');
  const dir = await mkdtemp(join(tmpdir(), 'mlops-registry-'));
  const storage = join(dir, 'storage');
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const lines = [
    'version: 0.1',
    'log: { level: error, accesslog: { disabled: true } }',
    'storage:',
    `  filesystem: { rootdirectory: "${storage}" }`,
    '  delete: { enabled: true }',
    `http: { addr: "${host}", secret: "${randomBytes(16).toString('hex')}" }`,
  ];
  if (options.htpasswd) {
    requireTool('htpasswd', 'apache2-utils');
    const entry = execFileSync('htpasswd', ['-Bbn', options.htpasswd.username, options.htpasswd.password], { encoding: 'utf8' }).trim();
    const file = join(dir, 'htpasswd');
    await writeFile(file, `${entry}\n`);
    lines.push('auth:', `  htpasswd: { realm: mlops-test, path: "${file}" }`);
  } else if (options.token) {
    const t = options.token;
    lines.push('auth:', `  token: { realm: "${t.realm}", service: "${t.service}", issuer: "${t.issuer}", rootcertbundle: "${t.rootCertBundle}" }`);
  }
  const config = join(dir, 'config.yml');
  await writeFile(config, `${lines.join('\n')}\n`);
  const child = spawn(binary, ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await waitUntilUp(child, `http://${host}/v2/`, () => stderr);
  return {
    host,
    url: `http://${host}`,
    storage,
    blobDataPath: (hex) => join(storage, 'docker', 'registry', 'v2', 'blobs', 'sha256', hex.slice(0, 2), hex, 'data'),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(5000)]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function waitUntilUp(child: ChildProcess, url: string, stderr: () => string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited with ${child.exitCode}: ${stderr()}`);
    try {
      const response = await fetch(url);
      await response.body?.cancel();
      if (response.status === 200 || response.status === 401) return;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`docker-registry did not start: ${stderr()}`);
}

/** Runs skopeo (an independent OCI client) and returns stdout; throws with stderr on failure. */
export function skopeo(args: string[]): string {
  requireTool('skopeo', 'skopeo');
  try {
    return execFileSync('skopeo', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`skopeo ${args.join(' ')} failed: ${e.stderr ?? e.message}`);
  }
}

/** skopeo without blocking the event loop: needed when the test process itself serves the token endpoint. */
export async function skopeoAsync(args: string[]): Promise<string> {
  requireTool('skopeo', 'skopeo');
  const { execFile } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    execFile('skopeo', args, { encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`skopeo ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}
