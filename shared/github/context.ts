/**
 * What a stage knows about the GitHub run it is part of: the event, the repository and an
 * authenticated client. Built from the runner's environment variables, never from @actions/github.
 */
import { readFileSync } from 'node:fs';
import { createGitHubClient, type GitHubClient } from './client.js';
import { detectForkEvent } from './fork-event.js';

export interface GitHubContext {
  client: GitHubClient;
  owner: string;
  repo: string;
  eventName: string;
  event: Record<string, unknown>;
  serverUrl: string;
  apiUrl: string;
  /** URL of this workflow run, when running in Actions. */
  runUrl?: string;
  sha?: string;
  actor?: string;
  /** Pull request number for pull_request / pull_request_target events. */
  pullRequest?: number;
  /**
   * True when the run acts for a fork (its token is read-only): a fork's pull request, a deleted
   * fork, a workflow_run from a fork or with no head repository, a comment on a pull request, or
   * an event payload that cannot be read.
   */
  fromFork: boolean;
}

export function readGitHubContext(
  env: (name: string) => string | undefined,
  token: string,
  log: (message: string) => void,
): GitHubContext | undefined {
  const repository = env('GITHUB_REPOSITORY');
  if (!repository || !token) return undefined;
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) return undefined;
  const serverUrl = env('GITHUB_SERVER_URL') ?? 'https://github.com';
  const apiUrl = env('GITHUB_API_URL') ?? 'https://api.github.com';
  const eventName = env('GITHUB_EVENT_NAME') ?? '';
  const event = readEvent(env('GITHUB_EVENT_PATH'));
  const pr = asRecord(event.pull_request);
  const prNumber = typeof pr?.number === 'number' ? pr.number : undefined;
  const forkCheck = detectForkEvent(env);
  const fromFork = forkCheck.fork !== undefined || forkCheck.unknown !== undefined;
  const runId = env('GITHUB_RUN_ID');
  return {
    client: createGitHubClient({ token, baseUrl: apiUrl, log }),
    owner,
    repo,
    eventName,
    event,
    serverUrl,
    apiUrl,
    runUrl: runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : undefined,
    sha: env('GITHUB_SHA'),
    actor: env('GITHUB_ACTOR'),
    pullRequest: prNumber,
    fromFork,
  };
}

function readEvent(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  try {
    return asRecord(JSON.parse(readFileSync(path, 'utf8'))) ?? {};
  } catch {
    return {};
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
