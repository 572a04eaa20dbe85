// Threat: outside code runs on a self-hosted runner through an event the fork guard did not
// recognise — a workflow_run whose head_repository is null, a comment on a pull request (the job
// may check out its head), or an event payload that is empty, unreadable or malformed (nothing
// is known, so nothing is trusted). Each is refused unless allow-fork; a GitHub-hosted runner
// runs it.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectForkEvent } from '../../shared/github/fork-event.js';
import { forkRefusal } from '../../shared/train/fork-guard.js';
import { readGitHubContext } from '../../shared/github/context.js';
import { runAction } from '../support/run-action.js';
import { scratch } from '../train/support.js';

function envFor(eventName: string, payload: string | undefined, extra: Record<string, string> = {}) {
  const values: Record<string, string> = { GITHUB_EVENT_NAME: eventName, GITHUB_ACTIONS: 'true', ...extra };
  if (payload !== undefined) {
    values.GITHUB_EVENT_PATH = join(scratch(), 'event.json');
    writeFileSync(values.GITHUB_EVENT_PATH, payload);
  }
  return (name: string) => values[name];
}
const json = (value: unknown) => JSON.stringify(value);
const REPO = { full_name: 'octo/ml' };

describe('fork guard gaps', () => {
  it('treats as outside code: workflow_run with a null head, a comment on a PR, empty or unreadable payloads', () => {
    expect(detectForkEvent(envFor('workflow_run', json({ repository: REPO, workflow_run: { head_repository: null } }))).fork).toBe('(unknown head repository)');
    expect(detectForkEvent(envFor('issue_comment', json({ repository: REPO, issue: { number: 3, pull_request: { url: 'x' } } }))).fork).toMatch(/pull request commented on/);
    for (const [payload, why] of [
      ['', /empty/],
      ['{"pull_request": ', /not JSON/],
      ['[1, 2]', /shape/],
      [json({ repository: 'octo/ml' }), /shape/],
    ] as const) {
      expect(detectForkEvent(envFor('pull_request', payload)).unknown).toMatch(why);
    }
    expect(detectForkEvent(envFor('pull_request', json({ repository: REPO }))).unknown).toMatch(/no pull_request/);
    expect(detectForkEvent(envFor('workflow_run', json({ repository: REPO }))).unknown).toMatch(/no workflow_run/);
    expect(detectForkEvent(envFor('push', undefined)).unknown).toMatch(/GITHUB_EVENT_PATH is not set/);
    expect(detectForkEvent(envFor('push', undefined, { GITHUB_EVENT_PATH: '/nonexistent/event.json' })).unknown).toMatch(/cannot be read/);
  });

  it('still trusts the base repository\'s own events', () => {
    expect(detectForkEvent(envFor('workflow_run', json({ repository: REPO, workflow_run: { head_repository: REPO } })))).toEqual({ event: 'workflow_run' });
    expect(detectForkEvent(envFor('issue_comment', json({ repository: REPO, issue: { number: 3 } })))).toEqual({ event: 'issue_comment' });
    expect(detectForkEvent(envFor('push', json({ repository: REPO })))).toEqual({ event: 'push' });
  });

  it('refuses them on self-hosted runners unless allow-fork; runs them on GitHub-hosted ones', () => {
    const comment = json({ repository: REPO, issue: { number: 3, pull_request: {} } });
    expect(forkRefusal(envFor('issue_comment', comment, { RUNNER_ENVIRONMENT: 'self-hosted' }), false)).toContain('refusing to run the training command');
    expect(forkRefusal(envFor('pull_request', '', { RUNNER_ENVIRONMENT: 'self-hosted' }), false)).toMatch(/cannot be trusted \(the event payload file is empty\)/);
    expect(forkRefusal(envFor('issue_comment', comment, { RUNNER_ENVIRONMENT: 'self-hosted' }), true)).toBeUndefined();
    expect(forkRefusal(envFor('pull_request', '', { RUNNER_ENVIRONMENT: 'github-hosted' }), false)).toBeUndefined();
  });

  it('the GitHub context counts them as forks (read-only token: report to the summary)', () => {
    const context = (eventName: string, payload: string) => readGitHubContext(envFor(eventName, payload, { GITHUB_REPOSITORY: 'octo/ml' }), 't', () => {});
    expect(context('workflow_run', json({ repository: REPO, workflow_run: { head_repository: null } }))!.fromFork).toBe(true);
    expect(context('pull_request', '')!.fromFork).toBe(true);
    expect(context('pull_request', json({ repository: REPO, pull_request: { number: 1, head: { repo: REPO }, base: { repo: REPO } } }))!.fromFork).toBe(false);
  });

  it('through the bundled train action: an empty payload and a PR comment are refused, nothing runs', async () => {
    const dir = scratch();
    const empty = join(dir, 'empty-event.json');
    writeFileSync(empty, '');
    const inputs = { command: 'touch ran', model: 'ran' };
    const refused = await runAction('train', { cwd: dir, inputs, eventName: 'pull_request', env: { GITHUB_EVENT_PATH: empty, RUNNER_ENVIRONMENT: 'self-hosted' } });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('the event payload file is empty');
    const commented = await runAction('train', { cwd: dir, inputs, eventName: 'issue_comment', event: { repository: REPO, issue: { number: 3, pull_request: {} } }, env: { RUNNER_ENVIRONMENT: 'self-hosted' } });
    expect(commented.code).toBe(1);
    expect(commented.stdout).toContain('refusing to run the training command');
    expect(existsSync(join(dir, 'ran'))).toBe(false);
  });
});
