import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE_TOKENS } from '../support/fake-github/index.js';
import { pullRequestEvent, useFakeGitHub } from '../support/fake-github/lifecycle.js';
import { addWorkflowRun } from '../support/fake-github/workflow-runs.js';
import { drift, sampleRows, toCsv, workspace } from './workspace.js';

const CONFIG = 'model: { name: churn }\n';

function files() {
  return {
    'mlops.yml': CONFIG,
    'ref.csv': toCsv(sampleRows(3000, 1)),
    'shifted.csv': toCsv(sampleRows(2000, 3, { income: 0.5 })),
    'shifted-again.csv': toCsv(sampleRows(2000, 6, { income: 0.7 })),
    'healthy.csv': toCsv(sampleRows(2000, 7)),
  };
}

describe('drift-check on GitHub (fake GitHub validated against the OpenAPI description)', () => {
  const fakeGitHub = useFakeGitHub();

  it('opens one issue and dispatches once; within the cooldown updates the issue without dispatching; closes the issue when drift is gone', async () => {
    const gh = fakeGitHub();
    const cwd = workspace(files());
    const repo = gh.state.repo(gh.repo);
    // A retrain from two days ago is outside the 24 h window: it does not block.
    addWorkflowRun(gh.state, repo, { workflow: 'ml-retrain.yml', createdAt: new Date(Date.now() - 48 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'), status: 'completed', conclusion: 'success' });
    const common = { apiUrl: gh.url, repository: gh.repo, token: FAKE_TOKENS.actions, eventName: 'schedule' };

    const first = await drift(cwd, { current: 'shifted.csv', reference: 'ref.csv', dispatch: 'ml-retrain.yml' }, common);
    expect(first.code, first.stdout).toBe(0);
    expect(first.outputs).toMatchObject({ drifted: 'true', 'drifted-columns': 'income', dispatched: 'true' });
    const issues = repo.issues.filter((i) => !i.isPullRequest);
    expect(issues).toHaveLength(1);
    const issue = issues[0]!;
    expect(first.outputs['issue-number']).toBe(String(issue.number));
    expect(issue.labels).toEqual(['model-drift']);
    expect(repo.labels.map((l) => l.name)).toContain('model-drift');
    expect(issue.title).toBe('Data drift: churn');
    expect(issue.body).toContain('<!-- mlops-actions:drift-issue:churn -->');
    expect(issue.body).toContain('```mermaid');
    expect(repo.dispatches).toHaveLength(1);
    expect(repo.dispatches[0]).toMatchObject({ workflowId: 'ml-retrain.yml', ref: 'main', inputs: { reason: 'drift in income (share 0.25)', drift_run_url: 'https://github.com/octo-org/ml-project/actions/runs/4242' } });
    expect(first.summary).toContain('Dispatch: dispatched ml-retrain.yml on main');

    const second = await drift(cwd, { current: 'shifted-again.csv', reference: 'ref.csv', dispatch: 'ml-retrain.yml' }, common);
    expect(second.code, second.stdout).toBe(0);
    expect(second.outputs).toMatchObject({ drifted: 'true', dispatched: 'false', 'issue-number': String(issue.number) });
    expect(second.summary).toMatch(/Dispatch: not dispatched: ml-retrain\.yml already ran at .* within the 24 h cooldown/);
    expect(repo.dispatches).toHaveLength(1);
    expect(repo.issues.filter((i) => !i.isPullRequest)).toHaveLength(1);
    // The history table has both runs, newest first.
    expect(issue.body!.match(/^\| \d{4}-\d\d-\d\d /gm)).toHaveLength(2);
    expect(gh.requests.filter((r) => r.method === 'POST' && r.route === '/repos/{owner}/{repo}/issues')).toHaveLength(1);

    const third = await drift(cwd, { current: 'healthy.csv', reference: 'ref.csv', dispatch: 'ml-retrain.yml' }, common);
    expect(third.code, third.stdout).toBe(0);
    expect(third.outputs).toMatchObject({ drifted: 'false', dispatched: 'false', 'issue-number': String(issue.number) });
    expect(issue.state).toBe('closed');
    const comments = gh.state.comments(gh.repo, issue.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('no column drifted. Closing.');
    expect(issue.body!.match(/^\| \d{4}-\d\d-\d\d /gm)).toHaveLength(3);
  });

  it('never dispatches on pull_request events, and issue=auto leaves issues alone there', async () => {
    const gh = fakeGitHub();
    const cwd = workspace(files());
    const pr = gh.state.addPullRequest(gh.repo).number;
    const result = await drift(cwd, { current: 'shifted.csv', reference: 'ref.csv', dispatch: 'ml-retrain.yml' }, { apiUrl: gh.url, repository: gh.repo, token: FAKE_TOKENS.actions, eventName: 'pull_request', event: pullRequestEvent(pr, gh.repo) });
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs).toMatchObject({ drifted: 'true', dispatched: 'false', 'issue-number': '' });
    expect(result.summary).toContain('Dispatch: not dispatched: pull_request events never dispatch retraining');
    expect(gh.state.repo(gh.repo).dispatches).toHaveLength(0);
    expect(gh.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });

  it('a run of the workflow within the cooldown on GitHub blocks the dispatch (no local state involved)', async () => {
    const gh = fakeGitHub();
    const cwd = workspace(files());
    const repo = gh.state.repo(gh.repo);
    addWorkflowRun(gh.state, repo, { workflow: 'ml-retrain.yml', createdAt: new Date(Date.now() - 2 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z') });
    const result = await drift(cwd, { current: 'shifted.csv', reference: 'ref.csv', dispatch: 'ml-retrain.yml', 'cooldown-hours': '6' }, { apiUrl: gh.url, repository: gh.repo, token: FAKE_TOKENS.actions, eventName: 'workflow_dispatch' });
    expect(result.outputs.dispatched).toBe('false');
    expect(result.summary).toContain('within the 6 h cooldown');
    expect(repo.dispatches).toHaveLength(0);
  });

  it('a GitHub failure after the statistics leaves the report and results on disk and in the summary', async () => {
    const gh = fakeGitHub();
    const cwd = workspace(files());
    // A repository the token cannot see: GitHub answers 404 to every call (not retried).
    const result = await drift(cwd, { current: 'shifted.csv', reference: 'ref.csv', dispatch: 'ml-retrain.yml' }, { apiUrl: gh.url, repository: 'octo-org/not-visible', token: FAKE_TOKENS.actions, eventName: 'schedule' });
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs).toMatchObject({ drifted: 'true', dispatched: 'false', 'issue-number': '' });
    expect(result.stdout).toMatch(/::warning.*could not update the drift issue: HTTP 404/);
    expect(result.summary).toContain('Drift detected');
    expect(result.summary).toContain('Issue: failed (HTTP 404');
    const results = JSON.parse(readFileSync(join(cwd, result.outputs.results!), 'utf8'));
    expect(results.drifted_columns).toEqual(['income']);
    expect(readFileSync(join(cwd, result.outputs.report!), 'utf8')).toContain('Dispatch: failed (HTTP 404');
    expect(gh.state.repo(gh.repo).dispatches).toHaveLength(0);
  });
});
