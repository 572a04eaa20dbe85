/**
 * The client side of the `mlops serve` admin and data-plane API that deploy drives: model
 * index, load/unload, traffic weights, versioned inference and the Prometheus scrape. Every
 * failure becomes one UserError naming the server, the call and what to do; the admin token
 * never appears in a message.
 */
import { UserError } from '../errors/user-error.js';
import { isLoopbackHost } from '../registry/reference.js';
import { networkCause, readCapped } from './http-body.js';
import { INSTANCE_INFO } from '../serve/metric-names.js';
import { MAX_SCRAPE_BYTES, parseMetrics, withInstance, type Sample } from './prometheus.js';

export interface IndexEntry {
  name: string;
  version: string;
  state: string;
  reason?: string;
  digest?: string;
  reference?: string;
  weight?: number;
}

export type Weights = Record<string, number>;

const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export class ServeClient {
  private readonly base: string;

  private readonly timeoutMs: number;

  constructor(url: string, private readonly adminToken: string | undefined, options: { timeoutMs?: number; allowPlainHttp?: boolean } = {}) {
    this.timeoutMs = options.timeoutMs ?? 120_000;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new UserError(`url "${url}" is not a URL`, { where: { key: 'url' }, hint: 'Give the base URL of the `mlops serve` instance, e.g. http://127.0.0.1:8080.' });
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UserError(`url "${url}" is not http(s)`, { where: { key: 'url' } });
    if (adminToken && parsed.protocol === 'http:' && !isLoopbackHost(parsed.host) && !options.allowPlainHttp) {
      throw new UserError(`${parsed.origin} is plain http:// on another host: the admin token would cross the network unencrypted`, {
        where: { key: 'url' },
        hint: 'Put a TLS proxy in front of mlops serve and use https://, or reach it through an SSH tunnel on 127.0.0.1; set allow-plain-http: true only on a network you trust.',
      });
    }
    this.base = parsed.toString().replace(/\/$/, '');
  }

  get url(): string {
    return this.base;
  }

  async index(): Promise<IndexEntry[]> {
    const body = await this.json('POST', '/v2/repository/index', {}, true);
    if (!Array.isArray(body)) throw this.protocol('/v2/repository/index', 'an array');
    return body.filter((e): e is IndexEntry => typeof e === 'object' && e !== null && typeof e.name === 'string' && typeof e.version === 'string');
  }

  async load(name: string, reference: string, insecure: boolean): Promise<{ version: string; digest?: string }> {
    const body = (await this.json('POST', `/v2/repository/models/${encodeURIComponent(name)}/load`, { parameters: { reference, insecure } }, true)) as { version?: unknown; digest?: unknown };
    if (typeof body?.version !== 'string') throw this.protocol('load', 'a version');
    return { version: body.version, digest: typeof body.digest === 'string' ? body.digest : undefined };
  }

  async unload(name: string, version: string): Promise<void> {
    await this.json('POST', `/v2/repository/models/${encodeURIComponent(name)}/unload`, { parameters: { version } }, true);
  }

  async traffic(name: string): Promise<Weights> {
    return parseWeights(await this.json('GET', `/v2/models/${encodeURIComponent(name)}/traffic`, undefined, true));
  }

  async setTraffic(name: string, weights: Weights): Promise<void> {
    await this.json('PUT', `/v2/models/${encodeURIComponent(name)}/traffic`, weights, true);
  }

  /** Versioned inference (no routing): the raw response body. */
  async infer(name: string, version: string | undefined, body: unknown): Promise<unknown> {
    const path = version === undefined ? `/v2/models/${encodeURIComponent(name)}/infer` : `/v2/models/${encodeURIComponent(name)}/versions/${encodeURIComponent(version)}/infer`;
    return this.json('POST', path, body, true);
  }

  /** The server's metrics, each sample labelled `instance` with the server process that answered (so a window across a restart is seen as one). */
  async scrape(): Promise<Sample[]> {
    const response = await this.request('GET', '/metrics', undefined, false);
    const text = await readCapped(response, MAX_SCRAPE_BYTES, `${this.base}/metrics`);
    if (!response.ok) throw this.httpError('GET /metrics', response.status, text);
    return withInstance(parseMetrics(text, `${this.base}/metrics`), INSTANCE_INFO);
  }

  private async json(method: string, path: string, body: unknown, admin: boolean): Promise<unknown> {
    const response = await this.request(method, path, body, admin);
    const text = await readCapped(response, MAX_RESPONSE_BYTES, `${this.base}${path}`);
    if (!response.ok) throw this.httpError(`${method} ${path}`, response.status, text);
    try {
      return JSON.parse(text);
    } catch {
      throw this.protocol(path, 'JSON');
    }
  }

  private async request(method: string, path: string, body: unknown, admin: boolean): Promise<Response> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (admin && this.adminToken) headers.authorization = `Bearer ${this.adminToken}`;
    try {
      return await fetch(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const cause = networkCause(error);
      throw new UserError(`cannot reach the server at ${this.base} (${cause})`, { where: { key: 'url' }, hint: 'Is `mlops serve` running there, and reachable from this runner?' });
    }
  }

  private httpError(call: string, status: number, text: string): UserError {
    let message = text.slice(0, 500);
    try {
      const parsed = JSON.parse(text) as { error?: unknown };
      if (typeof parsed.error === 'string') message = parsed.error.slice(0, 500);
    } catch {
      // not JSON: the first 500 characters as they are
    }
    if (status === 401 || status === 403) {
      return new UserError(`the server at ${this.base} refused ${call} (${status}): ${message}`, { where: { key: 'admin-token' }, hint: 'Pass the admin token the server was started with (--admin-token-file).' });
    }
    return new UserError(`${call} on ${this.base} failed (${status}): ${message}`);
  }

  private protocol(path: string, expected: string): UserError {
    return new UserError(`${this.base}${path} did not answer with ${expected}`, { where: { key: 'url' }, hint: 'Is the URL an `mlops serve` instance?' });
  }
}

function parseWeights(body: unknown): Weights {
  const weights: Weights = {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return weights;
  for (const [version, weight] of Object.entries(body)) if (typeof weight === 'number') weights[version] = weight;
  return weights;
}
