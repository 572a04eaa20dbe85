/**
 * Fork pull requests must not run code on self-hosted runners: a fork's author controls the
 * training command's inputs (code, data, scripts) and the runner is a persistent machine with
 * network access, credentials and caches. Decided from the event payload itself
 * (GITHUB_EVENT_PATH), before anything runs.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const Repo = z.looseObject({ full_name: z.string() }).nullish();
const EventPayload = z.looseObject({
  repository: Repo,
  pull_request: z.looseObject({ head: z.looseObject({ repo: Repo }).optional(), base: z.looseObject({ repo: Repo }).optional() }).optional(),
  workflow_run: z.looseObject({ event: z.string().optional(), head_repository: Repo }).optional(),
});

/** Events whose payload carries a pull request whose head may come from a fork. */
export const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment'];

export interface ForkCheck {
  /** The fork's repository when the run is for a fork's pull request. */
  fork?: string;
  base?: string;
  event: string;
}

export function detectForkPullRequest(env: (name: string) => string | undefined): ForkCheck {
  const event = env('GITHUB_EVENT_NAME') ?? '';
  const payloadPath = env('GITHUB_EVENT_PATH');
  let payload: z.infer<typeof EventPayload> = {};
  if (payloadPath) {
    try {
      const parsed = EventPayload.safeParse(JSON.parse(readFileSync(payloadPath, 'utf8')));
      if (parsed.success) payload = parsed.data;
    } catch {
      payload = {};
    }
  }
  if (PULL_REQUEST_EVENTS.includes(event)) {
    const head = payload.pull_request?.head?.repo;
    const base = payload.pull_request?.base?.repo?.full_name ?? payload.repository?.full_name;
    // A deleted fork has head.repo null: still a fork.
    if (payload.pull_request && (head === null || (head && base && head.full_name !== base))) {
      return { event, fork: head?.full_name ?? '(deleted fork)', ...(base ? { base } : {}) };
    }
  }
  if (event === 'workflow_run' && payload.workflow_run) {
    const head = payload.workflow_run.head_repository?.full_name;
    const base = payload.repository?.full_name;
    if (head && base && head !== base) return { event, fork: head, base };
  }
  return { event };
}

/** The refusal message, or undefined when the command may run. */
export function forkRefusal(env: (name: string) => string | undefined, allowFork: boolean): string | undefined {
  const check = detectForkPullRequest(env);
  if (!check.fork || allowFork) return undefined;
  const runnerEnvironment = env('RUNNER_ENVIRONMENT');
  // An older runner does not say where it runs: treat it as self-hosted, the unsafe case.
  if (runnerEnvironment === 'github-hosted') return undefined;
  return [
    `refusing to run the training command: this ${check.event} run is for a pull request from the fork ${check.fork}`,
    `on a self-hosted runner${runnerEnvironment ? '' : ' (RUNNER_ENVIRONMENT is not set, so it is treated as one)'}.`,
    "Code from a fork would run with this machine's network, credentials, caches and GPUs. Nothing was run.",
    'To train fork pull requests, gate the job so a maintainer approves each run first — run it only when a trusted',
    "label is present (`if: contains(github.event.pull_request.labels.*.name, 'safe-to-train')`) or put it behind a",
    'GitHub Environment with required reviewers (`environment: gpu-training`) — and then set `allow-fork: true`.',
  ].join(' ');
}
