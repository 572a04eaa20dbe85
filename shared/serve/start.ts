/**
 * Starting and stopping the server: tokens read from their files, models loaded (a failing
 * --model is fatal at start), the port bound (a port in use is one clear error), and a stop
 * that drains requests, writes every captured row and frees the sessions.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../errors/user-error.js';
import type { Host } from '../host/host.js';
import { isLoopbackHost } from '../registry/reference.js';
import { CaptureWriter } from './capture.js';
import type { Tokens } from './http/auth.js';
import { InferenceServer } from './http/server.js';
import { HttpError } from './http-error.js';
import { Loader } from './loader.js';
import { ServeMetrics } from './metrics.js';
import { splitModelArgument } from './model-source.js';
import { ModelTable } from './model-table.js';
import type { ServeOptions } from './options.js';

export interface RunningServer {
  url: string;
  port: number;
  table: ModelTable;
  stop(): Promise<void>;
}

export interface StartContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  host: Host;
  log(line: string): void;
  serverVersion: string;
}

async function readToken(cwd: string, file: string | undefined, key: string, log: (line: string) => void): Promise<string | undefined> {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
    if ((await stat(resolve(cwd, file))).mode & 0o044) log(`serve: warning: the ${key} ${file} is readable by other users; restrict it with chmod 600`);
  } catch (error) {
    throw new UserError(`cannot read the token file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { where: { file, key }, hint: 'Give a file holding the token on its first line.' });
  }
  const token = text.split(/\r?\n/)[0]!.trim();
  if (token.length < 16) throw new UserError('the token file holds fewer than 16 characters on its first line', { where: { file, key }, hint: 'Generate one with: openssl rand -hex 32 > token' });
  return token;
}

export async function startServer(options: ServeOptions, context: StartContext): Promise<RunningServer> {
  const tokens: Tokens = {
    admin: await readToken(context.cwd, options.adminTokenFile, 'admin-token-file', context.log),
    infer: await readToken(context.cwd, options.inferTokenFile, 'infer-token-file', context.log),
  };
  for (const token of [tokens.admin, tokens.infer]) if (token) context.host.setSecret(token);
  const table = new ModelTable();
  const metrics = new ServeMetrics();
  const password = context.env.MLOPS_REGISTRY_PASSWORD;
  if (password) context.host.setSecret(password);
  const loader = new Loader(
    table,
    { cwd: context.cwd, host: context.host, access: { username: context.env.MLOPS_REGISTRY_USERNAME, password } },
    { maxBatch: options.maxBatch, batchWaitMs: options.batchWaitMs, maxQueueRows: options.maxQueueRows },
    (model, version, rows) => metrics.batch(model, version, rows),
  );
  for (const value of options.models) {
    const { name, reference } = splitModelArgument(value);
    try {
      const { version } = await loader.load({ reference, name, allowFiles: true, insecure: options.insecure });
      context.log(`serve: loaded ${version.model} ${version.version} (${version.identity.digest}) from ${version.identity.reference}`);
    } catch (error) {
      if (error instanceof HttpError) throw new UserError(`cannot serve --model ${value}: ${error.message.replace(/^load failed: /, '')}`, { where: { key: 'model' } });
      throw error;
    }
  }
  const capture = options.capture ? new CaptureWriter({ ...options.capture, dir: resolve(context.cwd, options.capture.dir) }, context.log) : undefined;
  if (capture) metrics.captureDropped = () => capture.dropped;
  metrics.versions = () => table.index().filter((e) => e.version !== '').map((e) => ({ model: e.name, version: e.version, digest: e.digest, weight: e.weight, ready: e.state === 'READY' }));
  const server = new InferenceServer({ table, loader, metrics, capture, options, serverVersion: context.serverVersion, log: context.log }, tokens);
  let port: number;
  try {
    port = await server.listen(options.port, options.host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    await Promise.all(table.names().flatMap((name) => table.versions(name).map((v) => v.close())));
    if (code === 'EADDRINUSE') throw new UserError(`port ${options.port} on ${options.host} is already in use`, { hint: 'Stop the other server or pick another port with --port.' });
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UserError(`cannot bind ${options.host}: no such local address`, { hint: 'Use 127.0.0.1, 0.0.0.0 or an address of this machine.' });
    if (code === 'EACCES') throw new UserError(`not allowed to bind port ${options.port}`, { hint: 'Ports below 1024 need privileges; use 8080 or another high port.' });
    throw error;
  }
  const shown = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${shown}:${port}`;
  const warning = bindWarning(options.host, tokens.infer !== undefined);
  if (warning) context.log(warning);
  context.log(`serve: listening on ${url} (${table.names().length ? table.names().map((n) => `${n} ${table.versions(n).map((v) => v.version).join(',')}`).join('; ') : 'no models yet: not ready until one is loaded'}; admin endpoints ${tokens.admin ? 'enabled' : 'disabled'})`);
  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    table,
    stop() {
      stopping ??= (async () => {
        await server.drain(options.drainSeconds);
        await capture?.close();
        await Promise.all(table.names().flatMap((name) => table.versions(name).map((v) => v.close())));
      })();
      return stopping;
    },
  };
}

/** The warning for an address other machines can reach, served without an infer token. */
export function bindWarning(host: string, hasInferToken: boolean): string | undefined {
  if (hasInferToken || isLoopbackHost(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host)) return undefined;
  return `serve: warning: listening on ${host}, which other machines can reach, without an infer token: anyone who reaches it can call the models. Give --infer-token-file, or bind 127.0.0.1 behind a proxy.`;
}
