/**
 * Fork pull requests must not run code on self-hosted runners: a fork's author controls the
 * training command's inputs (code, data, scripts) and the runner is a persistent machine with
 * network access, credentials and caches. Decided from the event payload itself
 * (GITHUB_EVENT_PATH), before anything runs.
 */
import { detectForkEvent, PULL_REQUEST_EVENTS, type ForkCheck } from '../github/fork-event.js';

export { PULL_REQUEST_EVENTS, type ForkCheck };

/** The check the guard makes (the name train and its tests use). */
export const detectForkPullRequest = detectForkEvent;

/** The refusal message, or undefined when the command may run. */
export function forkRefusal(env: (name: string) => string | undefined, allowFork: boolean): string | undefined {
  const check = detectForkEvent(env);
  if ((!check.fork && !check.unknown) || allowFork) return undefined;
  const runnerEnvironment = env('RUNNER_ENVIRONMENT');
  // An older runner does not say where it runs: treat it as self-hosted, the unsafe case.
  if (runnerEnvironment === 'github-hosted') return undefined;
  const what = check.fork
    ? `this ${check.event} run is for a pull request from the fork ${check.fork}`
    : `this ${check.event || 'unnamed'} run's event cannot be trusted (${check.unknown}), so it is treated as a fork's`;
  return [
    `refusing to run the training command: ${what}`,
    `on a self-hosted runner${runnerEnvironment ? '' : ' (RUNNER_ENVIRONMENT is not set, so it is treated as one)'}.`,
    "Code from a fork would run with this machine's network, credentials, caches and GPUs. Nothing was run.",
    'To train fork pull requests, gate the job so a maintainer approves each run first — run it only when a trusted',
    "label is present (`if: contains(github.event.pull_request.labels.*.name, 'safe-to-train')`) or put it behind a",
    'GitHub Environment with required reviewers (`environment: gpu-training`) — and then set `allow-fork: true`.',
  ].join(' ');
}
