/**
 * HTTP to one OCI distribution registry: URLs, authentication (Basic, and the Bearer token
 * exchange after a 401 with `WWW-Authenticate: Bearer realm=…,service=…,scope=…`, as GHCR,
 * Docker Hub, ECR and Harbor do), retries of idempotent requests on 5xx and network errors,
 * and one clear UserError for every failure the user can act on.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import * as z from 'zod/mini';
import '../../zod/setup.js';
import { UserError } from '../../errors/user-error.js';
import { isLoopbackHost } from '../reference.js';
import { terminalSafe } from '../terminal-text.js';
import { MAX_DOCUMENT_BYTES, readBounded } from './bounded-body.js';
import { parseChallenge, type Challenge } from './challenge.js';

export interface Credentials {
  username?: string;
  password?: string;
}

export interface RegistryHttpOptions {
  /** host[:port] */
  host: string;
  /** Plain HTTP; only for loopback hosts (checked by the caller and again here). */
  insecure: boolean;
  credentials?: Credentials;
  /** Attempts for idempotent requests (first try included). */
  attempts?: number;
  /** First retry delay; doubles each attempt. */
  retryDelayMs?: number;
  /** Per-request time limit. */
  timeoutMs?: number;
  log?: (message: string) => void;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  body?: Buffer;
  /** Retry on 5xx and network errors (only for requests that are safe to repeat). */
  retry?: boolean;
  /** Statuses returned to the caller instead of raising (e.g. 404 for "absent"). */
  allow?: number[];
  /** What this request does, for error messages: "upload the model blob". */
  what: string;
}

const TokenResponse = z.looseObject({ token: z.optional(z.string()), access_token: z.optional(z.string()) });
const ErrorBody = z.looseObject({ errors: z.optional(z.array(z.looseObject({ code: z.optional(z.string()), message: z.optional(z.string()) }))) });

/** The longest Retry-After honoured; a registry asking for more fails the step instead. */
export const MAX_RETRY_AFTER_MS = 60_000;

export class RegistryHttpError extends UserError {
  constructor(
    message: string,
    readonly status: number | undefined,
    options: { hint?: string; where?: { file?: string } } = {},
    /** The registry's error code (distribution spec), e.g. DIGEST_INVALID, MANIFEST_BLOB_UNKNOWN. */
    readonly code?: string,
  ) {
    super(message, options);
  }
}

export class RegistryHttp {
  readonly base: string;
  private authorization: string | undefined;
  private sentBasic = false;
  private readonly attempts: number;
  private readonly retryDelayMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: RegistryHttpOptions) {
    if (options.insecure && !isLoopbackHost(options.host)) {
      throw new UserError(`insecure (plain HTTP) is allowed for loopback registries only, not ${options.host}`, { where: { key: 'insecure' }, hint: 'Remove `insecure`; remote registries are reached over HTTPS.' });
    }
    this.base = `${options.insecure ? 'http' : 'https'}://${options.host}`;
    this.attempts = options.attempts ?? 4;
    this.retryDelayMs = options.retryDelayMs ?? 250;
    this.timeoutMs = options.timeoutMs ?? 10 * 60_000;
  }

  get host(): string {
    return this.options.host;
  }

  url(pathOrUrl: string): URL {
    return new URL(pathOrUrl, this.base);
  }

  /** One request with authentication; retried when `retry` is set and the failure is transient. */
  async request(method: string, pathOrUrl: string | URL, options: RequestOptions): Promise<Response> {
    const url = typeof pathOrUrl === 'string' ? this.url(pathOrUrl) : pathOrUrl;
    // 429 means the request was not processed: any request may be repeated after it.
    const attempts = this.attempts;
    let lastError: unknown;
    let waitMs: number | undefined;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) await sleep(waitMs ?? this.retryDelayMs * 2 ** (attempt - 2));
      waitMs = undefined;
      try {
        const response = await this.authenticated(method, url, options);
        if (response.status === 429 && attempt < attempts) {
          waitMs = this.retryAfter(response, options);
          this.options.log?.(`cannot ${options.what}: HTTP 429 (too many requests), retrying in ${(waitMs / 1000).toFixed(1)} s (${attempt}/${attempts - 1})`);
          await response.body?.cancel();
          continue;
        }
        if (!options.retry && response.status >= 500) throw await this.failure(response, options);
        if (response.status >= 500 && attempt < attempts) {
          this.options.log?.(`cannot ${options.what}: HTTP ${response.status}, retrying (${attempt}/${attempts - 1})`);
          await response.body?.cancel();
          lastError = await this.failure(response, options);
          continue;
        }
        if (response.ok || options.allow?.includes(response.status)) return response;
        throw await this.failure(response, options);
      } catch (error) {
        if (error instanceof UserError) throw error;
        lastError = this.networkFailure(error, options);
        if (!options.retry) throw lastError;
        if (attempt < attempts) this.options.log?.(`${(lastError as Error).message}, retrying (${attempt}/${attempts - 1})`);
      }
    }
    throw lastError;
  }

  /** How long a 429 asks us to wait: Retry-After in seconds or as a date, bounded; else the backoff. */
  private retryAfter(response: Response, options: RequestOptions): number {
    const header = response.headers.get('retry-after')?.trim();
    if (!header) return this.retryDelayMs;
    const seconds = /^[0-9]+$/.test(header) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
    if (!Number.isFinite(seconds)) return this.retryDelayMs;
    const ms = Math.max(0, seconds * 1000);
    if (ms > MAX_RETRY_AFTER_MS) {
      throw new RegistryHttpError(`cannot ${options.what} on ${this.options.host}: HTTP 429, and the registry asks to wait ${Math.round(ms / 1000)} s (more than the ${MAX_RETRY_AFTER_MS / 1000} s this step waits)`, 429, {
        hint: 'The registry is rate-limiting these credentials; run the step again later.',
      });
    }
    return ms;
  }

  private async send(method: string, url: URL, options: RequestOptions, authorization: string | undefined): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (authorization) headers.authorization = authorization;
    return fetch(url, {
      method,
      headers,
      body: options.body,
      redirect: 'follow',
      signal: AbortSignal.timeout(this.timeoutMs),
    });
  }

  private async authenticated(method: string, url: URL, options: RequestOptions): Promise<Response> {
    const first = await this.send(method, url, options, this.authorization);
    if (first.status !== 401) return first;
    const challenge = parseChallenge(first.headers.get('www-authenticate'));
    await first.body?.cancel();
    if (!challenge || challenge.scheme === 'other') throw this.unauthorized(options, 'the registry answered 401 without a usable WWW-Authenticate challenge');
    if (challenge.scheme === 'basic') {
      if (!this.options.credentials?.username) throw this.unauthorized(options, 'the registry requires a user name and password');
      if (this.sentBasic && this.authorization?.startsWith('Basic ')) throw this.unauthorized(options, 'the registry rejected the user name and password');
      this.authorization = basic(this.options.credentials);
      this.sentBasic = true;
    } else {
      this.authorization = `Bearer ${await this.token(challenge, options)}`;
    }
    const second = await this.send(method, url, options, this.authorization);
    if (second.status === 401) {
      await second.body?.cancel();
      throw this.unauthorized(options, this.options.credentials?.username ? 'the registry rejected the credentials' : 'the registry requires credentials');
    }
    return second;
  }

  /** The Bearer token exchange: GET realm?service=…&scope=… (with Basic credentials when we have them). */
  private async token(challenge: Challenge, options: RequestOptions): Promise<string> {
    const realm = challenge.params.realm;
    if (!realm) throw this.unauthorized(options, 'the Bearer challenge has no realm');
    let realmUrl: URL;
    try {
      realmUrl = new URL(realm);
    } catch {
      throw this.unauthorized(options, `the token realm "${realm}" is not a URL`);
    }
    if (realmUrl.protocol !== 'https:' && !(realmUrl.protocol === 'http:' && isLoopbackHost(realmUrl.host))) {
      throw this.unauthorized(options, `the token realm ${realmUrl.origin} is not HTTPS; credentials are not sent there`);
    }
    // A 401 means the token we hold (if any) does not cover this request: always exchange again.
    const scope = challenge.params.scope ?? '';
    if (challenge.params.service) realmUrl.searchParams.set('service', challenge.params.service);
    for (const one of scope.split(' ').filter(Boolean)) realmUrl.searchParams.append('scope', one);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.credentials?.username) headers.authorization = basic(this.options.credentials);
    let response: Response;
    try {
      response = await fetch(realmUrl, { headers, signal: AbortSignal.timeout(60_000) });
    } catch (error) {
      throw this.networkFailure(error, { ...options, what: `get a registry token from ${realmUrl.host}` });
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw this.unauthorized(options, `the token service ${realmUrl.host} answered ${response.status}${response.status === 401 ? ' (credentials rejected)' : ''}`);
    }
    const parsed = TokenResponse.safeParse(
      await readBounded(response, MAX_DOCUMENT_BYTES, 'a token answer', realmUrl.host)
        .then((body) => JSON.parse(body.toString('utf8')) as unknown)
        .catch(() => undefined),
    );
    const token = parsed.success ? (parsed.data.token ?? parsed.data.access_token) : undefined;
    if (!token) throw this.unauthorized(options, `the token service ${realmUrl.host} returned no token`);
    return token;
  }

  private unauthorized(options: RequestOptions, why: string): RegistryHttpError {
    return new RegistryHttpError(`cannot ${options.what} on ${this.options.host}: ${why}`, 401, {
      hint: 'Set registry-username and registry-password (GHCR: github.actor and a GITHUB_TOKEN with `packages: write`).',
    });
  }

  private async failure(response: Response, options: RequestOptions): Promise<RegistryHttpError> {
    let detail = '';
    let code: string | undefined;
    try {
      const body = ErrorBody.safeParse(JSON.parse((await readBounded(response, 64 * 1024, 'an error body', this.options.host)).toString('utf8')));
      const first = body.success ? body.data.errors?.[0] : undefined;
      code = first?.code;
      if (first) detail = `: ${terminalSafe([first.code, first.message].filter(Boolean).join(' ').slice(0, 500))}`;
    } catch {
      // not a JSON error body
    }
    const status = response.status;
    const hint =
      status === 403
        ? 'The credentials are valid but may not write here (GHCR: `permissions: packages: write`, and the package must grant this repository access).'
        : status >= 500
          ? 'The registry failed; nothing was tagged. Run the step again.'
          : undefined;
    return new RegistryHttpError(`cannot ${options.what} on ${this.options.host}: HTTP ${status}${detail}`, status, { hint }, code);
  }

  private networkFailure(error: unknown, options: RequestOptions): RegistryHttpError {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
    return new RegistryHttpError(`cannot ${options.what}: ${this.options.host} is unreachable (${why})`, undefined, {
      hint: 'Check the registry address and that it is up; nothing was tagged.',
    });
  }
}

function basic(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.username ?? ''}:${credentials.password ?? ''}`).toString('base64')}`;
}
