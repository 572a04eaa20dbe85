/**
 * What went wrong with a GitHub API call, in words. Octokit reports a request that never got an
 * answer (connection refused, DNS failure, reset, timeout) as a RequestError with status 500 and
 * no response; saying "HTTP 500" then would blame GitHub for a network problem. A real answer
 * always carries its response.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { status, response } = error as { status?: unknown; response?: unknown };
  return status === 500 && response === undefined && (error as Error).name === 'HttpError';
}

/** "HTTP 404: Not Found", or "no answer from the GitHub API (connect ECONNREFUSED 127.0.0.1:1)". */
export function describeRequestError(error: unknown): string {
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  if (isConnectionFailure(error)) return `no answer from the GitHub API (${message}): a connection failure, not an HTTP status`;
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? `HTTP ${status}: ${message}` : message;
}
