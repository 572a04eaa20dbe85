/**
 * A stateful fake of GitHub's REST API on a loopback port, for tests. Every request is
 * checked against GitHub's OpenAPI description before it is served; a request to a route
 * GitHub does not have, or with invalid parameters or body, is answered 404/400 and
 * recorded in `validationErrors`, which tests assert is empty.
 *
 *   const gh = await startFakeGitHub();              // repository octo-org/ml-project
 *   const pr = gh.state.addPullRequest(gh.repo);
 *   gh.faults.serverError('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', { afterWrite: true });
 *   ... point octokit at gh.url with token FAKE_TOKENS.actions ...
 *   expect(gh.validationErrors).toEqual([]);
 *   await gh.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultQueue, SECONDARY_RATE_LIMIT_MESSAGE, type Fault } from './faults.js';
import { matchRoute, validateRequest, validateResponse } from './openapi.js';
import { handlerFor, HttpError, type FakeResponse } from './routes.js';
import { FakeState } from './state.js';
import { FakeTokens, type TokenIdentity } from './tokens.js';

export { FAKE_APP_LOGIN, FAKE_TOKENS, type TokenIdentity } from './tokens.js';
export { ACTIONS_BOT_LOGIN, FakeState } from './state.js';
export { SECONDARY_RATE_LIMIT_MESSAGE, type Fault } from './faults.js';

export interface RecordedRequest {
  method: string;
  /** Path as requested, without the query. */
  path: string;
  /** The OpenAPI path template it matched, when it matched one. */
  route?: string;
  operationId?: string;
  query: Record<string, string>;
  body: unknown;
  /** Login of the token's identity, when the token was known. */
  login?: string;
  status: number;
  /** The fault that answered this request, if one did. */
  fault?: Fault['kind'];
}

export interface ValidationError {
  method: string;
  path: string;
  message: string;
}

export interface FakeGitHubOptions {
  /** Repositories to create, "owner/name". Default: ["octo-org/ml-project"]. */
  repos?: string[];
  /** Web root used in html_url fields. Default https://github.com. */
  serverUrl?: string;
}

export interface FakeGitHub {
  /** API root to give octokit as baseUrl (and GITHUB_API_URL). */
  url: string;
  /** The first repository, "owner/name". */
  repo: string;
  state: FakeState;
  requests: RecordedRequest[];
  validationErrors: ValidationError[];
  faults: FaultQueue;
  tokens: FakeTokens;
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const state = new FakeState();
  const repos = options.repos ?? ['octo-org/ml-project'];
  for (const name of repos) state.addRepo(name);
  const requests: RecordedRequest[] = [];
  const validationErrors: ValidationError[] = [];
  const faults = new FaultQueue();
  const tokens = new FakeTokens();
  const urls = { api: '', web: options.serverUrl ?? 'https://github.com' };

  const server = createServer((req, res) => {
    readBody(req)
      .then((raw) => {
        const out = serve(req, raw);
        send(res, out.response);
        requests.push(out.record);
      })
      .catch((error: unknown) => {
        validationErrors.push({ method: req.method ?? '', path: req.url ?? '', message: `fake GitHub crashed: ${String(error)}` });
        send(res, { status: 500, body: { message: 'fake GitHub internal error' } });
      });
  });

  function serve(req: IncomingMessage, raw: string): { response: FakeResponse; record: RecordedRequest } {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', urls.api);
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      status: 0,
    };
    const finish = (response: FakeResponse) => {
      record.status = response.status;
      return { response, record };
    };
    const invalid = (status: number, message: string) => {
      validationErrors.push({ method, path: url.pathname + url.search, message });
      return finish({ status, body: { message, documentation_url: DOCS } });
    };

    let body: unknown;
    if (raw.trim() !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        return invalid(400, 'Problems parsing JSON');
      }
    }
    record.body = body;
    const match = matchRoute(method, url.pathname);
    if (!match) return invalid(404, `No ${method} ${url.pathname} in GitHub's OpenAPI description`);
    record.route = match.operation.route;
    record.operationId = match.operation.operationId;
    const problems = validateRequest(match, url.searchParams, body);
    if (problems.length > 0) {
      return invalid(400, `Invalid request to ${method} ${match.operation.route}: ${problems.join('; ')}`);
    }

    const identity = authenticate(req.headers.authorization);
    if (typeof identity === 'string') return finish({ status: 401, body: { message: identity, documentation_url: DOCS } });
    record.login = identity.login;
    if (identity.readOnly && method !== 'GET' && method !== 'HEAD') {
      return finish(errorResponse(new HttpError(403, 'Resource not accessible by integration')));
    }

    const handler = handlerFor(method, match.operation.route);
    if (!handler) return invalid(501, `The fake does not implement ${method} ${match.operation.route}`);
    const fault = faults.take(method, match.operation.route);
    if (fault) record.fault = fault.kind;
    if (fault && !(fault.kind === 'server-error' && fault.afterWrite)) return finish(faultResponse(fault));

    let response: FakeResponse;
    try {
      response = handler({ state, urls, url, params: match.params, query: url.searchParams, body, identity });
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      response = errorResponse(error);
    }
    for (const problem of validateResponse(match.operation, response.status, response.body)) {
      validationErrors.push({ method, path: url.pathname, message: `fake GitHub's own response is invalid: ${problem}` });
    }
    return finish(fault ? faultResponse(fault) : response);
  }

  function authenticate(header: string | undefined): TokenIdentity | string {
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(header ?? '')?.[1];
    if (!token) return 'Requires authentication';
    return tokens.get(token) ?? 'Bad credentials';
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  urls.api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: urls.api,
    repo: repos[0] ?? '',
    state,
    requests,
    validationErrors,
    faults,
    tokens,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function errorResponse(error: HttpError): FakeResponse {
  return { status: error.status, body: { message: error.message, ...error.extra, documentation_url: DOCS, status: String(error.status) } };
}

function faultResponse(fault: Fault): FakeResponse {
  switch (fault.kind) {
    case 'server-error':
      return { status: fault.status, body: { message: 'Server Error' } };
    case 'secondary-rate-limit':
      return {
        status: 403,
        headers: { 'retry-after': String(fault.retryAfter) },
        body: { message: SECONDARY_RATE_LIMIT_MESSAGE, documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits` },
      };
    case 'too-many-requests':
      return { status: 429, headers: { 'retry-after': fault.retryAfter }, body: { message: 'Too Many Requests', documentation_url: DOCS } };
    case 'unprocessable':
      return { status: 422, body: { message: fault.message, errors: fault.errors, documentation_url: DOCS, status: '422' } };
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

let requestCounter = 0;

function send(res: ServerResponse, response: FakeResponse): void {
  const headers: Record<string, string> = {
    'x-github-request-id': `FAKE:${(++requestCounter).toString(16).padStart(8, '0')}`,
    'x-github-api-version-selected': '2022-11-28',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-used': '1',
    'x-ratelimit-resource': 'core',
    ...response.headers,
  };
  if (response.status === 204 || response.body === undefined) {
    res.writeHead(response.status, headers).end();
    return;
  }
  headers['content-type'] = 'application/json; charset=utf-8';
  res.writeHead(response.status, headers).end(JSON.stringify(response.body));
}
