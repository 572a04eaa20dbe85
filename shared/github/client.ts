/**
 * Octokit with retry (5xx), throttling (primary and secondary rate limits, honouring
 * retry-after) and pagination. One place builds it so every stage behaves the same.
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
