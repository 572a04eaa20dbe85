/**
 * Dispatching the retraining workflow on drift, at most once per cooldown window. The window
 * is decided from GitHub's own record, the dispatched workflow's runs created within the
 * window, never from a local file (which a fresh runner would not have). Never dispatched
 * from pull_request* events (their code is not trusted to start a retrain).
 */
import { UserError } from '../errors/user-error.js';
import type { GitHubContext } from './context.js';

/** A workflow file name in .github/workflows: a path is refused. */
const WORKFLOW_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*\.ya?ml$/;

export function parseWorkflowFile(value: string): string {
  const name = value.trim().replace(/^\.github\/workflows\//, '');
  if (!WORKFLOW_FILE.test(name)) {
    throw new UserError(`input "dispatch" is "${value}", which is not a workflow file name`, {
      where: { key: 'dispatch' },
      hint: 'Give the file name of a workflow in .github/workflows that has a workflow_dispatch trigger, e.g. ml-retrain.yml.',
    });
  }
  return name;
}

export interface DispatchOptions {
  github: GitHubContext;
  workflow: string;
  cooldownHours: number;
  ref: string;
  inputs: { reason: string; drift_run_url: string };
  now?: Date;
  log: (message: string) => void;
}

export interface DispatchResult {
  dispatched: boolean;
  /** Why it did, or why not: one sentence for the report. */
  reason: string;
}

export function dispatchBlockedByEvent(eventName: string): string | undefined {
  return eventName.startsWith('pull_request') ? `not dispatched: ${eventName} events never dispatch retraining` : undefined;
}

export async function dispatchRetrain(options: DispatchOptions): Promise<DispatchResult> {
  const { github, workflow, cooldownHours, log } = options;
  const blocked = dispatchBlockedByEvent(github.eventName);
  if (blocked) return { dispatched: false, reason: blocked };
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - cooldownHours * 3_600_000);
  const recent = await latestRunSince(github, workflow, since);
  if (recent) {
    return { dispatched: false, reason: `not dispatched: ${workflow} already ran at ${recent.created_at} (run ${recent.html_url}), within the ${cooldownHours} h cooldown` };
  }
  // No automatic retry: a dispatch that succeeded but answered 5xx would start a second retrain.
  // After a 5xx (or no answer), GitHub's runs say whether it went through.
  // A minute of slack for the clock difference between this runner and GitHub.
  const before = new Date(Date.now() - 60_000);
  try {
    await github.client.rest.actions.createWorkflowDispatch({
      owner: github.owner,
      repo: github.repo,
      workflow_id: workflow,
      ref: options.ref,
      inputs: options.inputs,
      request: { retries: 0 },
    });
  } catch (error) {
    const status = (error as { status?: unknown } | null)?.status;
    if (typeof status === 'number' && status < 500) throw error;
    const started = await latestRunSince(github, workflow, before);
    if (!started) throw error;
    log(`Dispatching ${workflow} answered ${String(status ?? 'nothing')}, but its run ${started.html_url} exists: not dispatched again.`);
    return { dispatched: true, reason: `dispatched ${workflow} on ${options.ref} (GitHub answered ${String(status ?? 'nothing')}, but the run ${started.html_url} was created; not sent twice)` };
  }
  log(`Dispatched ${workflow} on ${options.ref}`);
  return { dispatched: true, reason: `dispatched ${workflow} on ${options.ref} (no run of it in the last ${cooldownHours} h)` };
}

/**
 * The newest run of the workflow created at or after `since`, if any (any event, any status).
 * GitHub lists runs newest first, so reading stops at the first page that reaches past the
 * window. (The `created` filter would do it server-side, but the published OpenAPI types it
 * as a plain date-time, so the range syntax is not used.)
 */
async function latestRunSince(github: GitHubContext, workflow: string, since: Date): Promise<{ created_at: string; html_url: string } | undefined> {
  const pages = github.client.paginate.iterator(github.client.rest.actions.listWorkflowRuns, {
    owner: github.owner,
    repo: github.repo,
    workflow_id: workflow,
    per_page: 100,
  });
  for await (const { data } of pages) {
    const found = data.find((run) => Date.parse(run.created_at) >= since.getTime());
    if (found) return found;
    if (data.some((run) => Date.parse(run.created_at) < since.getTime())) break;
  }
  return undefined;
}
