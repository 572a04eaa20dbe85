// The fake GitHub itself: its OpenAPI validation must reject what GitHub would not accept
// (otherwise "validationErrors is empty" proves nothing), and its state must behave like GitHub's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeGitHubContext } from '../support/fake-github/context.js';
import { FAKE_TOKENS, startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';

let fake: FakeGitHub;

beforeEach(async () => {
  fake = await startFakeGitHub();
});

afterEach(async () => {
  await fake.close();
});

async function raw(method: string, path: string, body?: unknown, token: string = FAKE_TOKENS.actions) {
  const response = await fetch(`${fake.url}${path}`, {
    method,
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, data: text ? JSON.parse(text) : undefined };
}

describe('OpenAPI validation', () => {
  it('rejects a route GitHub does not have, and records it', async () => {
    const res = await raw('GET', '/repos/octo-org/ml-project/issues/1/commentz');
    expect(res.status).toBe(404);
    expect(fake.validationErrors).toHaveLength(1);
    expect(fake.validationErrors[0]?.message).toMatch(/No GET \/repos\/octo-org\/ml-project\/issues\/1\/commentz/);
  });

  it('rejects a method the route does not have', async () => {
    const res = await raw('PUT', '/repos/octo-org/ml-project/issues/1/comments', { body: 'x' });
    expect(res.status).toBe(404);
    expect(fake.validationErrors).toHaveLength(1);
  });

  it('rejects a body missing a required property or with a wrong type', async () => {
    fake.state.addPullRequest(fake.repo);
    const missing = await raw('POST', '/repos/octo-org/ml-project/issues/1/comments', { text: 'hello' });
    const wrongType = await raw('POST', '/repos/octo-org/ml-project/issues/1/comments', { body: 42 });
    expect([missing.status, wrongType.status]).toEqual([400, 400]);
    expect(fake.validationErrors.map((e) => e.message)).toEqual([
      expect.stringMatching(/must have required property 'body'.*unknown property "text"/),
      expect.stringMatching(/body\/body must be string/),
    ]);
    expect(fake.state.comments(fake.repo, 1)).toEqual([]);
  });

  it('rejects an enum value GitHub does not accept, an unknown query parameter and bad JSON', async () => {
    fake.state.addIssue(fake.repo, { title: 'drift' });
    await raw('PATCH', '/repos/octo-org/ml-project/issues/1', { state: 'resolved' });
    await raw('GET', '/repos/octo-org/ml-project/issues?perpage=100');
    await raw('GET', '/repos/octo-org/ml-project/issues?per_page=lots');
    await raw('POST', '/repos/octo-org/ml-project/issues', '{"title": ');
    expect(fake.validationErrors.map((e) => e.message)).toEqual([
      expect.stringMatching(/body\/state must be equal to one of the allowed values/),
      expect.stringMatching(/query parameter perpage is not defined/),
      expect.stringMatching(/query parameter per_page="lots" is invalid/),
      'Problems parsing JSON',
    ]);
    expect(fake.state.issue(fake.repo, 1)?.state).toBe('open');
  });

  it('accepts what octokit sends for every route the fake implements, with valid responses', async () => {
    const { owner, repo } = fakeGitHubContext(fake);
    // A fresh client per call: each has its own throttling queue, so writes need not wait 1-3 s apart.
    const api = () => fakeGitHubContext(fake, { token: FAKE_TOKENS.user }).client;
    await api().rest.users.getAuthenticated();
    const issue = await api().rest.issues.create({ owner, repo, title: 'Drift detected', body: 'x', labels: ['drift'] });
    await api().rest.issues.get({ owner, repo, issue_number: Number(issue.data.number) });
    await api().rest.issues.update({ owner, repo, issue_number: Number(issue.data.number), state: 'closed', state_reason: 'completed' });
    await api().rest.issues.listForRepo({ owner, repo, state: 'all', labels: 'drift' });
    await api().rest.issues.createLabel({ owner, repo, name: 'retrain', color: 'ff0000' });
    await api().rest.issues.getLabel({ owner, repo, name: 'retrain' });
    await api().rest.issues.listLabelsForRepo({ owner, repo });
    await api().rest.issues.addLabels({ owner, repo, issue_number: Number(issue.data.number), labels: ['retrain'] });
    await api().rest.issues.listLabelsOnIssue({ owner, repo, issue_number: Number(issue.data.number) });
    const comment = await api().rest.issues.createComment({ owner, repo, issue_number: Number(issue.data.number), body: 'hi' });
    await api().rest.issues.getComment({ owner, repo, comment_id: Number(comment.data.id) });
    await api().rest.issues.updateComment({ owner, repo, comment_id: Number(comment.data.id), body: 'hello' });
    await api().rest.issues.listComments({ owner, repo, issue_number: Number(issue.data.number) });
    await api().rest.issues.deleteComment({ owner, repo, comment_id: Number(comment.data.id) });
    const deployment = await api().rest.repos.createDeployment({
      owner, repo, ref: 'main', environment: 'staging', auto_merge: false, required_contexts: [], payload: { digest: 'sha256:abc' },
    });
    if (deployment.status !== 201) throw new Error('expected a deployment');
    const status = await api().rest.repos.createDeploymentStatus({
      owner, repo, deployment_id: Number(deployment.data.id), state: 'success', environment_url: 'https://staging.example.com',
    });
    await api().rest.repos.getDeploymentStatus({ owner, repo, deployment_id: Number(deployment.data.id), status_id: Number(status.data.id) });
    await api().rest.repos.listDeploymentStatuses({ owner, repo, deployment_id: Number(deployment.data.id) });
    await api().rest.repos.listDeployments({ owner, repo, environment: 'staging' });
    await api().rest.repos.getDeployment({ owner, repo, deployment_id: Number(deployment.data.id) });
    await api().rest.repos.deleteDeployment({ owner, repo, deployment_id: Number(deployment.data.id) });
    await api().rest.actions.createWorkflowDispatch({ owner, repo, workflow_id: 'train.yml', ref: 'main', inputs: { reason: 'drift' } });
    const details = await api().request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
      owner, repo, workflow_id: 1234, ref: 'main', return_run_details: true,
    });

    expect(fake.validationErrors).toEqual([]);
    expect(fake.requests.every((r) => r.status < 400)).toBe(true);
    expect(details.status).toBe(200);
    expect(fake.state.repo(fake.repo).dispatches.map((d) => [d.workflowId, d.ref, d.inputs])).toEqual([
      ['train.yml', 'main', { reason: 'drift' }],
      ['1234', 'main', {}],
    ]);
  });
});

describe('identities and permissions', () => {
  it('answers GET /user for a user token and 403 for the Actions token', async () => {
    expect((await raw('GET', '/user', undefined, FAKE_TOKENS.user)).data.login).toBe('octocat');
    const bot = await raw('GET', '/user', undefined, FAKE_TOKENS.actions);
    expect(bot.status).toBe(403);
    expect(bot.data.message).toBe('Resource not accessible by integration');
  });

  it('refuses writes with a read-only token but serves reads', async () => {
    fake.state.addPullRequest(fake.repo);
    const write = await raw('POST', '/repos/octo-org/ml-project/issues/1/comments', { body: 'x' }, FAKE_TOKENS.readOnly);
    const read = await raw('GET', '/repos/octo-org/ml-project/issues/1/comments', undefined, FAKE_TOKENS.readOnly);
    expect([write.status, read.status]).toEqual([403, 200]);
    expect(write.data.message).toBe('Resource not accessible by integration');
    expect(fake.state.comments(fake.repo, 1)).toEqual([]);
  });

  it('answers 401 for an unknown token', async () => {
    expect((await raw('GET', '/repos/octo-org/ml-project/issues', undefined, 'nope')).status).toBe(401);
  });

  it('writes comments as the token identity', async () => {
    fake.state.addPullRequest(fake.repo);
    fake.tokens.add('ghp_alice', { login: 'alice' });
    const res = await raw('POST', '/repos/octo-org/ml-project/issues/1/comments', { body: 'x' }, 'ghp_alice');
    expect(res.status).toBe(201);
    expect(res.data.user.login).toBe('alice');
    expect(res.data.html_url).toBe(`https://github.com/octo-org/ml-project/pull/1#issuecomment-${res.data.id}`);
  });
});

describe('state', () => {
  it('paginates with per_page, page and a Link header that octokit follows', async () => {
    fake.state.addPullRequest(fake.repo);
    for (let i = 0; i < 205; i++) fake.state.addComment(fake.repo, 1, { body: `c${i}`, author: 'someone' });
    const page2 = await raw('GET', '/repos/octo-org/ml-project/issues/1/comments?per_page=100&page=2');
    expect(page2.data.map((c: { body: string }) => c.body)).toEqual(Array.from({ length: 100 }, (_, i) => `c${i + 100}`));
    expect(page2.headers.get('link')).toContain('page=3>; rel="next"');
    expect(page2.headers.get('link')).toContain('page=1>; rel="prev"');
    const capped = await raw('GET', '/repos/octo-org/ml-project/issues/1/comments?per_page=500');
    expect(capped.data).toHaveLength(100);

    const { client, owner, repo } = fakeGitHubContext(fake);
    const all = await client.paginate(client.rest.issues.listComments, { owner, repo, issue_number: 1, per_page: 100 });
    expect(all).toHaveLength(205);
    expect(fake.validationErrors).toEqual([]);
  });

  it('marks earlier successful deployments to the same environment inactive', async () => {
    const { owner, repo } = fakeGitHubContext(fake);
    const client = () => fakeGitHubContext(fake).client;
    const ids: number[] = [];
    for (const ref of ['v1', 'v2']) {
      const d = await client().rest.repos.createDeployment({ owner, repo, ref, environment: 'staging', required_contexts: [] });
      if (d.status !== 201) throw new Error('expected a deployment');
      ids.push(Number(d.data.id));
      await client().rest.repos.createDeploymentStatus({ owner, repo, deployment_id: Number(d.data.id), state: 'success' });
    }
    const states = fake.state.repo(fake.repo).deployments.map((d) => d.statuses.map((s) => s.state));
    expect(states).toEqual([['success', 'inactive'], ['success']]);
    const listed = await client().rest.repos.listDeployments({ owner, repo, environment: 'staging' });
    expect(listed.data.map((d) => d.id)).toEqual([ids[1], ids[0]]);
    expect(fake.validationErrors).toEqual([]);
  });

  it('lists issues filtered by state and every label, newest first', async () => {
    fake.state.addIssue(fake.repo, { title: 'a', labels: ['drift', 'model:churn'] });
    fake.state.addIssue(fake.repo, { title: 'b', labels: ['drift'] });
    fake.state.addIssue(fake.repo, { title: 'c', labels: ['drift', 'model:churn'], state: 'closed' });
    const open = await raw('GET', '/repos/octo-org/ml-project/issues?labels=drift,model:churn');
    const all = await raw('GET', '/repos/octo-org/ml-project/issues?labels=drift&state=all');
    expect(open.data.map((i: { title: string }) => i.title)).toEqual(['a']);
    expect(all.data.map((i: { title: string }) => i.title)).toEqual(['c', 'b', 'a']);
    expect(fake.validationErrors).toEqual([]);
  });

  it('refuses a comment body over 65,536 characters as GitHub does', async () => {
    fake.state.addPullRequest(fake.repo);
    const res = await raw('POST', '/repos/octo-org/ml-project/issues/1/comments', { body: 'x'.repeat(65_537) });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.data)).toContain('Body is too long');
  });

  it('refuses a fault on a route GitHub does not have', () => {
    expect(() => fake.faults.serverError('POST', '/repos/{owner}/{repo}/issue/{issue_number}/comments')).toThrow(/no operation/);
  });
});
