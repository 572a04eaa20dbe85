/**
 * Octokit with retry (5xx), throttling (primary and secondary rate limits, honouring
 * retry-after) and pagination. One place builds it so every stage behaves the same.
 *
 * Why @octokit/core with its plugins rather than @actions/github's getOctokit (in Actions) and
 * @octokit/rest (in the CLI): one client serves both hosts, so a stage talks to GitHub the same
 * way on a runner, on a laptop and against the OpenAPI-validating fake server; @actions/github
 * pins other majors of the same plugins (paginate-rest 14, rest-endpoint-methods 17 beside our
 * 16 and 18) and would bundle them twice; its `context` reads process.env and the event file at
 * import, where stages read both through the Host (shared/github/context.ts); and @octokit/rest
 * is exactly core + paginate + endpoint methods, to which retry and throttling would still be
 * added. The cost: @github/local-action's stub of getOctokit does not apply, so a local-action
 * run calls the GitHub API its GITHUB_API_URL names (set comment: false to stay offline).
 */
import { Octokit as Core } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { retryOnTooManyRequests } from './retry-after.js';

const Octokit = Core.plugin(restEndpointMethods, paginateRest, retry, throttling);
export type GitHubClient = InstanceType<typeof Octokit>;

export interface ClientOptions {
  token: string;
  baseUrl: string;
  /** How often a rate-limited request is retried before giving up. */
  rateLimitRetries?: number;
  log?: (message: string) => void;
  /** Throttling queue id: clients with different ids do not wait on each other's writes (tests). */
  throttleId?: string;
  /** Base of the 5xx retry back-off (1 s, 4 s, 9 s at the default 1000); tests shorten it. */
  retryBaseMs?: number;
  /** The longest wait a plain 429's Retry-After may impose (seconds; default 60). */
  maxRetryAfterSeconds?: number;
}

export function createGitHubClient(options: ClientOptions): GitHubClient {
  const retries = options.rateLimitRetries ?? 3;
  const log = options.log ?? (() => {});
  const maxRetryAfter = options.maxRetryAfterSeconds ?? 60;
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: 'mlops-actions',
    retry: {
      // 429 is retried below, after the server's Retry-After rather than a fixed back-off.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
      ...(options.retryBaseMs !== undefined ? { retryAfterBaseValue: options.retryBaseMs } : {}),
    },
    throttle: {
      ...(options.throttleId ? { id: options.throttleId } : {}),
      onRateLimit: (retryAfter: number, request: { method: string; url: string }, _o: unknown, retryCount: number) => {
        log(`GitHub rate limit on ${request.method} ${request.url}; retrying in ${retryAfter}s (${retryCount + 1}/${retries}).`);
        return retryCount < retries;
      },
      onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _o: unknown, retryCount: number) => {
        log(`GitHub secondary rate limit on ${request.method} ${request.url}; retrying in ${retryAfter}s (${retryCount + 1}/${retries}).`);
        return retryCount < retries;
      },
    },
    log: { debug: () => {}, info: () => {}, warn: log, error: log },
  });
  // Outermost: sees a 429 only after the throttling plugin has declined it (a plain 429).
  octokit.hook.wrap('request', (request, options) =>
    retryOnTooManyRequests(async () => request(options), `${options.method} ${options.url}`, {
      attempts: retries,
      maxWaitSeconds: maxRetryAfter,
      log,
    }),
  );
  return octokit;
}
