import { describe, expect, it } from 'vitest';
import { dispatchRetrain, parseWorkflowFile } from '../../shared/github/dispatch.js';
import { driftIssueMarker, readHistory, syncDriftIssue } from '../../shared/github/drift-issue.js';
import { fakeGitHubContext } from '../support/fake-github/context.js';
import { FAKE_TOKENS } from '../support/fake-github/index.js';
import { useFakeGitHub } from '../support/fake-github/lifecycle.js';
import { addWorkflowRun } from '../support/fake-github/workflow-runs.js';

const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('fake GitHub: workflow runs', () => {
  const fakeGitHub = useFakeGitHub();

  it('a dispatch becomes a run of that workflow; runs are listed newest first, filtered and paginated as GitHub does', async () => {
    const gh = fakeGitHub();
    const github = fakeGitHubContext(gh, { eventName: 'schedule' });
    const repo = gh.state.repo(gh.repo);
    for (let i = 0; i < 5; i++) addWorkflowRun(gh.state, repo, { workflow: 'ml-retrain.yml', createdAt: iso((10 + i) * 3_600_000), event: i % 2 ? 'push' : 'workflow_dispatch' });
    addWorkflowRun(gh.state, repo, { workflow: 'other.yml' });
    await github.client.rest.actions.createWorkflowDispatch({ owner: github.owner, repo: github.repo, workflow_id: 'ml-retrain.yml', ref: 'main', inputs: { reason: 'r' } });
    const all = await github.client.paginate(github.client.rest.actions.listWorkflowRuns, { owner: github.owner, repo: github.repo, workflow_id: 'ml-retrain.yml', per_page: 2 });
    expect(all).toHaveLength(6);
    expect(all.map((r) => r.created_at)).toEqual([...all.map((r) => r.created_at)].sort().reverse());
    expect(all[0]!.id).toBe(repo.dispatches[0]!.runId);
    const dispatched = await github.client.rest.actions.listWorkflowRuns({ owner: github.owner, repo: github.repo, workflow_id: 'ml-retrain.yml', event: 'workflow_dispatch' });
    expect(dispatched.data.total_count).toBe(4);
    expect(gh.validationErrors).toEqual([]);
  });

  it('the cooldown reads past pages of runs until it leaves the window', async () => {
    const gh = fakeGitHub();
    const github = fakeGitHubContext(gh, { eventName: 'schedule' });
    const repo = gh.state.repo(gh.repo);
    for (let i = 0; i < 120; i++) addWorkflowRun(gh.state, repo, { workflow: 'ml-retrain.yml', createdAt: iso((30 + i) * 3_600_000) });
    const log: string[] = [];
    const options = { github, workflow: 'ml-retrain.yml', cooldownHours: 24, ref: 'main', inputs: { reason: 'x', drift_run_url: '' }, log: (m: string) => log.push(m) };
    expect(await dispatchRetrain(options)).toMatchObject({ dispatched: true });
    // The run this dispatch started is now inside the window.
    expect(await dispatchRetrain(options)).toMatchObject({ dispatched: false, reason: expect.stringContaining('within the 24 h cooldown') });
    expect(repo.dispatches).toHaveLength(1);
    // Reading stopped at the first page that reached past the window.
    expect(gh.requests.filter((r) => r.operationId === 'actions/list-workflow-runs').length).toBeLessThanOrEqual(3);
  });

  it('refuses a dispatch target that is not a workflow file name', () => {
    expect(parseWorkflowFile('ml-retrain.yml')).toBe('ml-retrain.yml');
    expect(parseWorkflowFile('.github/workflows/ml-retrain.yaml')).toBe('ml-retrain.yaml');
    for (const bad of ['../x.yml', 'scripts/retrain.sh', 'a b.yml', '', 'x.yml; rm -rf /']) expect(() => parseWorkflowFile(bad)).toThrow(/not a workflow file name/);
  });
});

describe('drift issue', () => {
  const fakeGitHub = useFakeGitHub();

  it('takes over no issue by another author that quotes the marker, finds its own past the first page, and keeps the history in the body', async () => {
    const gh = fakeGitHub();
    const github = fakeGitHubContext(gh, { eventName: 'schedule' });
    gh.tokens.add('ghp_someone', { login: 'someone' });
    // Someone else's issue quoting the marker, and 120 unrelated issues with the label.
    gh.state.addIssue(gh.repo, { title: 'quoted', body: `see ${driftIssueMarker('churn')}`, labels: ['model-drift'], author: 'someone' });
    const run = (drifted: boolean, date: string) => ({ date, rows: 10, drifted, driftedColumns: drifted ? ['income'] : [], share: drifted ? 0.5 : 0 });
    const first = await syncDriftIssue({ github, model: 'churn', run: run(true, '2026-12-01 00:00'), report: 'report 1', log: () => {} });
    expect(first.action).toBe('opened');
    for (let i = 0; i < 120; i++) gh.state.addIssue(gh.repo, { title: `noise ${i}`, labels: ['model-drift'], author: 'github-actions[bot]' });
    const second = await syncDriftIssue({ github, model: 'churn', run: run(true, '2026-12-02 00:00'), report: 'report <b>2</b>', log: () => {} });
    expect(second).toMatchObject({ action: 'updated', number: (first as { number: number }).number });
    const issue = gh.state.issue(gh.repo, (first as { number: number }).number)!;
    expect(readHistory(issue.body!).map((r) => r.date)).toEqual(['2026-12-01 00:00', '2026-12-02 00:00']);
    expect(gh.state.issue(gh.repo, 1)!.body).toBe(`see ${driftIssueMarker('churn')}`);
    const closed = await syncDriftIssue({ github, model: 'churn', run: run(false, '2026-12-03 00:00'), report: 'ok', log: () => {} });
    expect(closed.action).toBe('closed');
    const reopened = await syncDriftIssue({ github, model: 'churn', run: run(true, '2026-12-04 00:00'), report: 'again', log: () => {} });
    expect(reopened).toMatchObject({ action: 'reopened', number: issue.number });
    expect(issue.state).toBe('open');
    expect(readHistory(issue.body!)).toHaveLength(4);
    expect(gh.requests.filter((r) => r.login === 'someone' && r.method !== 'GET')).toHaveLength(0);
  });
});

describe('dispatch after a 5xx', () => {
  const fakeGitHub = useFakeGitHub();

  it('is not sent twice when the dispatch went through but GitHub answered 502; fails clearly when it did not go through', async () => {
    const gh = fakeGitHub();
    const github = fakeGitHubContext(gh, { eventName: 'schedule' });
    const repo = gh.state.repo(gh.repo);
    const options = { github, workflow: 'ml-retrain.yml', cooldownHours: 24, ref: 'main', inputs: { reason: 'x', drift_run_url: '' }, log: () => {} };
    gh.faults.serverError('POST', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', { afterWrite: true });
    expect(await dispatchRetrain(options)).toMatchObject({ dispatched: true, reason: expect.stringContaining('not sent twice') });
    expect(repo.dispatches).toHaveLength(1);

    const other = { ...options, workflow: 'other.yml' };
    gh.faults.serverError('POST', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches');
    await expect(dispatchRetrain(other)).rejects.toMatchObject({ status: 502 });
    expect(repo.dispatches).toHaveLength(1);
  });
});
