/**
 * `mlops serve` as a child process for tests: `node dist/cli.js serve --port 0` on 127.0.0.1,
 * ready once it logs "serve: listening on http://127.0.0.1:<port>", stopped with SIGTERM (and
 * SIGKILL if it has not exited 15 s later). Tokens are written to files the server reads.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './run-action.js';

export interface StartServeOptions {
  cwd: string;
  args?: string[];
  /** Admin token (a random one with `true`); enables the admin endpoints. */
  adminToken?: string | true;
  inferToken?: string;
  env?: Record<string, string>;
}

export interface ServeProcess {
  url: string;
  port: number;
  adminToken?: string;
  inferToken?: string;
  stop(): Promise<void>;
  /** stdout and stderr so far. */
  logs(): string;
  /** The exit code once stop() resolved (null while running). */
  exitCode(): number | null;
}

export async function startServe(options: StartServeOptions): Promise<ServeProcess> {
  const secrets = mkdtempSync(join(tmpdir(), 'mlops-serve-tokens-'));
  const args = [join(ROOT, 'dist', 'cli.js'), 'serve', '--host', '127.0.0.1', '--port', '0', ...(options.args ?? [])];
  const adminToken = options.adminToken === true ? randomBytes(24).toString('hex') : options.adminToken;
  if (adminToken !== undefined) {
    writeFileSync(join(secrets, 'admin-token'), `${adminToken}\n`, { mode: 0o600 });
    args.push('--admin-token-file', join(secrets, 'admin-token'));
  }
  if (options.inferToken !== undefined) {
    writeFileSync(join(secrets, 'infer-token'), `${options.inferToken}\n`, { mode: 0o600 });
    args.push('--infer-token-file', join(secrets, 'infer-token'));
  }
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: { ...process.env, GITHUB_ACTIONS: '', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serve: listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`mlops serve exited with ${code} before listening:\n${output}`)));
    setTimeout(() => reject(new Error(`mlops serve did not start within 60 s:\n${output}`)), 60_000).unref();
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    url,
    port: Number(new URL(url).port),
    adminToken,
    inferToken: options.inferToken,
    logs: () => output,
    exitCode: () => child.exitCode,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
