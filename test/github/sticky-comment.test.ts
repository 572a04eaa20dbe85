import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stickyMarker, upsertStickyComment } from '../../shared/github/sticky-comment.js';
import { fakeGitHubContext, type FakeContextOptions } from '../support/fake-github/context.js';
import {
  ACTIONS_BOT_LOGIN,
  FAKE_TOKENS,
  startFakeGitHub,
  type FakeGitHub,
} from '../support/fake-github/index.js';

const COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments';
const KEY = 'model-card:churn-classifier';
const MARKER = '<!-- mlops-actions:model-card:churn-classifier -->';

let fake: FakeGitHub;
let pr: number;
let logs: string[];

beforeEach(async () => {
  fake = await startFakeGitHub();
  pr = fake.state.addPullRequest(fake.repo).number;
  logs = [];
});

afterEach(async () => {
  expect(fake.validationErrors).toEqual([]);
  await fake.close();
});

function upsert(body: string, context: FakeContextOptions = {}, extra: { author?: string } = {}) {
  const github = fakeGitHubContext(fake, { pullRequest: pr, log: (m) => logs.push(m), ...context });
  return upsertStickyComment({
    github,
    issueNumber: pr,
    key: KEY,
    body,
    log: (m) => logs.push(m),
    createRetryDelayMs: 0,
    ...extra,
  });
}

const calls = (method: string, route = COMMENTS) => fake.requests.filter((r) => r.method === method && r.route === route);
const commentsOnPr = () => fake.state.comments(fake.repo, pr);

describe('upsertStickyComment', () => {
  it('creates the comment, then updates the same one in place', async () => {
    const first = await upsert('accuracy 0.91');
    const second = await upsert('accuracy 0.93');
    expect(first.action).toBe('created');
    expect(second).toMatchObject({ action: 'updated', id: first.id });
    expect(commentsOnPr()).toHaveLength(1);
    expect(commentsOnPr()[0]).toMatchObject({ body: `${MARKER}\naccuracy 0.93`, user: { login: ACTIONS_BOT_LOGIN } });
    expect(second.url).toBe(`https://github.com/${fake.repo}/pull/${pr}#issuecomment-${first.id}`);
  });

  it('skips the PATCH when the body is unchanged', async () => {
    await upsert('accuracy 0.91');
    const again = await upsert('accuracy 0.91');
    expect(again.action).toBe('unchanged');
    expect(fake.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
  });

  it('keeps one comment per key: another model gets its own', async () => {
    await upsert('churn');
    const github = fakeGitHubContext(fake, { pullRequest: pr });
    await upsertStickyComment({ github, issueNumber: pr, key: 'model-card:fraud', body: 'fraud', log: () => {} });
    expect(commentsOnPr().map((c) => c.body)).toEqual([`${MARKER}\nchurn`, '<!-- mlops-actions:model-card:fraud -->\nfraud']);
  });

  it('finds its marker on page 3 and ignores the same marker from another author', async () => {
    fake.state.addComment(fake.repo, pr, { body: `${MARKER}\nquoted by someone else`, author: 'mallory' });
    for (let i = 0; i < 240; i++) fake.state.addComment(fake.repo, pr, { body: `chatter ${i}`, author: 'reviewer' });
    const ours = fake.state.addComment(fake.repo, pr, { body: `${MARKER}\nold report`, author: ACTIONS_BOT_LOGIN });
    for (let i = 0; i < 150; i++) fake.state.addComment(fake.repo, pr, { body: `more ${i}`, author: 'reviewer' });

    const result = await upsert('new report');

    expect(result).toMatchObject({ action: 'updated', id: ours.id });
    expect(commentsOnPr().find((c) => c.user.login === 'mallory')?.body).toBe(`${MARKER}\nquoted by someone else`);
    expect(commentsOnPr().filter((c) => c.body.includes(MARKER))).toHaveLength(2);
    // Pages 1-3 of 100 were read; page 4 was not needed.
    expect(calls('GET').map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3']);
    expect(calls('GET').every((r) => r.query.per_page === '100')).toBe(true);
  });

  it("matches the token's own login when it is a user token", async () => {
    fake.state.addComment(fake.repo, pr, { body: `${MARKER}\nby the bot`, author: ACTIONS_BOT_LOGIN });
    const result = await upsert('by octocat', { token: FAKE_TOKENS.user });
    expect(result.action).toBe('created');
    expect(commentsOnPr().map((c) => c.user.login)).toEqual([ACTIONS_BOT_LOGIN, 'octocat']);
    expect(fake.requests.filter((r) => r.path === '/user').map((r) => r.status)).toEqual([200]);
  });

  it('uses the author override without asking GET /user', async () => {
    fake.tokens.add('ghs_app', { login: 'mlops-app[bot]', kind: 'installation' });
    const ours = fake.state.addComment(fake.repo, pr, { body: `${MARKER}\nold`, author: 'mlops-app[bot]' });
    const result = await upsert('new', { token: 'ghs_app' }, { author: 'mlops-app[bot]' });
    expect(result).toMatchObject({ action: 'updated', id: ours.id });
    expect(fake.requests.filter((r) => r.path === '/user')).toEqual([]);
  });

  it('retries a 5xx on an idempotent request', async () => {
    fake.faults.serverError('GET', COMMENTS, { status: 502 });
    const result = await upsert('report');
    expect(result.action).toBe('created');
    expect(calls('GET').map((r) => r.status)).toEqual([502, 200]);
    expect(commentsOnPr()).toHaveLength(1);
  });

  it('does not duplicate a create that succeeded server-side and answered 502', async () => {
    fake.faults.serverError('POST', COMMENTS, { status: 502, afterWrite: true });
    const result = await upsert('report');
    expect(result.action).toBe('created');
    expect(commentsOnPr()).toHaveLength(1);
    expect(result.id).toBe(commentsOnPr()[0]?.id);
    expect(calls('POST').map((r) => r.status)).toEqual([502]);
    expect(logs.join('\n')).toMatch(/checking whether it was created anyway/);
  });

  it('creates again after a 5xx that did not write', async () => {
    fake.faults.serverError('POST', COMMENTS, { status: 503 });
    const result = await upsert('report');
    expect(result.action).toBe('created');
    expect(commentsOnPr()).toHaveLength(1);
    expect(calls('POST').map((r) => r.status)).toEqual([503, 201]);
  });

  it('gives up after repeated 5xx on create with the HTTP error', async () => {
    fake.faults.serverError('POST', COMMENTS, { status: 500, times: 3 });
    await expect(upsert('report')).rejects.toMatchObject({ status: 500 });
    expect(calls('POST')).toHaveLength(3);
    expect(commentsOnPr()).toEqual([]);
  });

  it('waits for retry-after on a secondary rate limit, then succeeds', async () => {
    fake.faults.secondaryRateLimit('POST', COMMENTS, { retryAfter: 1 });
    const result = await upsert('report');
    expect(result.action).toBe('created');
    expect(calls('POST').map((r) => [r.status, r.fault])).toEqual([[403, 'secondary-rate-limit'], [201, undefined]]);
    expect(logs.join('\n')).toMatch(/secondary rate limit on POST .*retrying in 1s/);
    expect(commentsOnPr()).toHaveLength(1);
  });

  it('surfaces a 422 as an error carrying the status and GitHub message', async () => {
    fake.faults.unprocessable('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', {
      errors: [{ resource: 'IssueComment', field: 'body', code: 'custom', message: 'body is locked' }],
    });
    await upsert('v1');
    const error = await upsert('v2').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422 });
    expect(String((error as Error).message)).toMatch(/Validation Failed.*body is locked/);
    expect(calls('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}')).toHaveLength(1);
  });
});

describe('stickyMarker', () => {
  it('cannot be closed early by the key', () => {
    const marker = stickyMarker('model-card:evil --> <script>alert(1)</script> <!--');
    expect(marker.startsWith('<!-- mlops-actions:')).toBe(true);
    expect(marker.indexOf('-->')).toBe(marker.length - 3);
    expect(marker.slice(4, -3)).not.toMatch(/--|[<>]/);
  });

  it('is stable for the same key and distinct for different keys', () => {
    expect(stickyMarker(KEY)).toBe(MARKER);
    expect(stickyMarker('model-card:a')).not.toBe(stickyMarker('model-card:b'));
  });

  it('refuses a key with nothing to identify', () => {
    expect(() => stickyMarker('--> <')).toThrow(/no letters or digits/);
  });
});
