/**
 * drift-check's GitHub side, run after the statistics are on disk: the drift issue and the
 * retraining dispatch. Each step reports what it did or why not; a failure is a warning
 * (the report and results are already written) and is said in the report.
 * Outside Actions (no repository or token) nothing is sent: the report shows what would be.
 */
import { describeRequestError } from '../../shared/github/request-error.js';
import { dispatchBlockedByEvent, dispatchRetrain } from '../../shared/github/dispatch.js';
import { syncDriftIssue, type DriftRun } from '../../shared/github/drift-issue.js';
import type { Host } from '../../shared/host/host.js';
import type { DriftCheckOptions } from './options.js';

export interface GitHubOutcome {
  lines: string[];
  issueNumber?: number;
  dispatched: boolean;
  /** Set when a GitHub call failed: the step should warn. */
  failed: boolean;
  /** What would have been sent, when nothing was (local runs). */
  plan?: Record<string, unknown>;
}

const ISSUE_EVENTS = new Set(['schedule', 'workflow_dispatch']);

export async function githubSteps(host: Host, options: DriftCheckOptions, model: string, run: DriftRun, report: string): Promise<GitHubOutcome> {
  const github = await host.github(options.token);
  const eventName = github?.eventName ?? host.env('GITHUB_EVENT_NAME') ?? '';
  const outcome: GitHubOutcome = { lines: [], dispatched: false, failed: false };
  const wantIssue = options.issue === 'true' || (options.issue === 'auto' && ISSUE_EVENTS.has(eventName));
  const reason = `drift in ${run.driftedColumns.join(', ')} (share ${run.share.toFixed(2)})`;

  if (!github) {
    const plan: Record<string, unknown> = {};
    if (wantIssue || options.issue === 'auto') plan.issue = run.drifted ? { action: 'open or update', title: `Data drift: ${model}`, labels: ['model-drift'] } : { action: 'close the open drift issue, if any' };
    if (options.dispatch && run.drifted) plan.dispatch = { workflow: options.dispatch, inputs: { reason, drift_run_url: run.runUrl ?? '' }, cooldown_hours: options.cooldownHours };
    outcome.plan = plan;
    outcome.lines.push('Not in GitHub Actions (no repository or token): nothing was sent. What would be sent is in github-plan.json.');
    if (plan.issue) outcome.lines.push(run.drifted ? `Would open or update the drift issue for ${model}.` : `Would close the open drift issue for ${model}, if there is one.`);
    if (plan.dispatch) outcome.lines.push(`Would dispatch ${options.dispatch} (unless it ran within ${options.cooldownHours} h).`);
    return outcome;
  }

  if (!wantIssue) outcome.lines.push(`Issue: skipped (issue=${options.issue}, event ${eventName || 'none'}).`);
  else {
    try {
      const result = await syncDriftIssue({ github, model, run, report, log: (m) => host.info(m) });
      if (result.action === 'none') outcome.lines.push(`Issue: nothing to do (${result.reason}).`);
      else {
        outcome.issueNumber = result.number;
        outcome.lines.push(`Issue: ${result.action} #${result.number} (${result.url}).`);
      }
    } catch (error) {
      outcome.failed = true;
      outcome.lines.push(`Issue: failed (${describe(error)}); the report and results are on disk.`);
      host.warning(`drift-check could not update the drift issue: ${describe(error)}`);
    }
  }

  if (!options.dispatch) outcome.lines.push('Dispatch: no `dispatch` workflow configured.');
  else if (!run.drifted) outcome.lines.push(`Dispatch: not dispatched: no drift.`);
  else {
    const blocked = dispatchBlockedByEvent(eventName);
    if (blocked) outcome.lines.push(`Dispatch: ${blocked}.`);
    else {
      try {
        const ref = host.env('GITHUB_REF_NAME') || defaultBranch(github.event) || 'main';
        const result = await dispatchRetrain({ github, workflow: options.dispatch, cooldownHours: options.cooldownHours, ref, inputs: { reason, drift_run_url: run.runUrl ?? '' }, log: (m) => host.info(m) });
        outcome.dispatched = result.dispatched;
        outcome.lines.push(`Dispatch: ${result.reason}.`);
      } catch (error) {
        outcome.failed = true;
        outcome.lines.push(`Dispatch: failed (${describe(error)}).`);
        host.warning(`drift-check could not dispatch ${options.dispatch}: ${describe(error)}`);
      }
    }
  }
  return outcome;
}

function defaultBranch(event: Record<string, unknown>): string | undefined {
  const repository = event.repository as { default_branch?: unknown } | undefined;
  return typeof repository?.default_branch === 'string' ? repository.default_branch : undefined;
}

function describe(error: unknown): string {
  return describeRequestError(error);
}
