/**
 * A GitHubContext whose client talks to a fake GitHub, as a stage would get it from the host
 * in a workflow run. Each context gets its own throttling queue so tests don't wait on each
 * other's writes, and a short 5xx back-off (rate-limit waits still honour retry-after).
 */
import { createGitHubClient } from '../../../shared/github/client.js';
import type { GitHubContext } from '../../../shared/github/context.js';
import type { FakeGitHub } from './index.js';
import { FAKE_TOKENS } from './tokens.js';

export interface FakeContextOptions {
  token?: string;
  /** Default pull_request. */
  eventName?: string;
  /** Pull request number for pull_request* events. */
  pullRequest?: number;
  fromFork?: boolean;
  /** "owner/name"; default the fake's first repository. */
  repository?: string;
  log?: (message: string) => void;
  /** Base of the 5xx retry back-off; default 10 ms so retried tests stay quick. */
  retryBaseMs?: number;
}

let contexts = 0;

export function fakeGitHubContext(fake: FakeGitHub, options: FakeContextOptions = {}): GitHubContext {
  const [owner = '', repo = ''] = (options.repository ?? fake.repo).split('/');
  const token = options.token ?? FAKE_TOKENS.actions;
  const pullRequest = options.pullRequest;
  return {
    client: createGitHubClient({
      token,
      baseUrl: fake.url,
      log: options.log,
      throttleId: `fake-github-${++contexts}`,
      retryBaseMs: options.retryBaseMs ?? 10,
    }),
    owner,
    repo,
    eventName: options.eventName ?? 'pull_request',
    event: pullRequest !== undefined ? { pull_request: { number: pullRequest } } : {},
    serverUrl: 'https://github.com',
    apiUrl: fake.url,
    runUrl: `https://github.com/${owner}/${repo}/actions/runs/1`,
    pullRequest,
    fromFork: options.fromFork ?? false,
  };
}
