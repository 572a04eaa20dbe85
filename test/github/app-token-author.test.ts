// Threat (reliability): with a GitHub App's installation token, `GET /user` answers 403 and the
// author fell back to github-actions[bot], so the app's own comment was never found again and
// every run posted a new one. And a plain 429 with Retry-After was retried on a fixed back-off
// (or, for a comment create, not at all).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertStickyComment } from '../../shared/github/sticky-comment.js';
import { retryAfterSeconds, retryOnTooManyRequests } from '../../shared/github/retry-after.js';
import { fakeGitHubContext } from '../support/fake-github/context.js';
import { FAKE_APP_LOGIN, FAKE_TOKENS, startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';

const COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments';
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

function upsert(body: string, token: string) {
  // A new context per call: a new run, with nothing remembered from the last one.
  const github = fakeGitHubContext(fake, { pullRequest: pr, token, log: (m) => logs.push(m) });
  return upsertStickyComment({ github, issueNumber: pr, key: 'evaluate-gate:churn', body, log: (m) => logs.push(m), createRetryDelayMs: 0 });
}
const comments = () => fake.state.findRepo(...(fake.repo.split('/') as [string, string]))!.comments.filter((c) => c.issueNumber === pr);

describe('GitHub App token: the comment author', () => {
  it('finds the app\'s own comment again on the next run and updates it in place', async () => {
    expect((await upsert('run 1', FAKE_TOKENS.app)).action).toBe('created');
    expect((await upsert('run 2', FAKE_TOKENS.app)).action).toBe('updated');
    expect((await upsert('run 2', FAKE_TOKENS.app)).action).toBe('unchanged');
    expect(comments().map((c) => [c.user.login, c.body.endsWith('run 2')])).toEqual([[FAKE_APP_LOGIN, true]]);
  });

  it('never takes over a person\'s comment that quotes the marker', async () => {
    fake.state.addComment(fake.repo, pr, { author: 'mallory', body: '<!-- mlops-actions:evaluate-gate:churn -->\nfake report' });
    expect((await upsert('real report', FAKE_TOKENS.app)).action).toBe('created');
    expect(comments().map((c) => c.user.login)).toEqual(['mallory', FAKE_APP_LOGIN]);
    expect(comments()[0]!.body).toContain('fake report');
  });

  it('a user token still goes by GET /user', async () => {
    await upsert('v1', FAKE_TOKENS.user);
    expect((await upsert('v2', FAKE_TOKENS.user)).action).toBe('updated');
    expect(comments().map((c) => c.user.login)).toEqual(['octocat']);
  });
});

describe('Retry-After on a plain 429', () => {
  it('the comment create waits for Retry-After, then succeeds', async () => {
    fake.faults.tooManyRequests('POST', COMMENTS, { retryAfter: '1' });
    expect((await upsert('report', FAKE_TOKENS.actions)).action).toBe('created');
    expect(fake.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([429, 201]);
    expect(logs.join('\n')).toMatch(/429 Too Many Requests on POST .*retrying in 1s \(1\/3\)/);
    expect(comments()).toHaveLength(1);
  });

  it('bounds the wait and the retries whatever the server says', async () => {
    const waits: number[] = [];
    let calls = 0;
    const tooMany = Object.assign(new Error('Too Many Requests'), { status: 429, response: { headers: { 'retry-after': '86400' } } });
    const result = retryOnTooManyRequests(async () => { calls++; throw tooMany; }, 'GET /x', { attempts: 3, maxWaitSeconds: 60, log: () => {}, sleep: async (ms) => void waits.push(ms) });
    await expect(result).rejects.toBe(tooMany);
    expect(calls).toBe(4);
    expect(waits).toEqual([60_000, 60_000, 60_000]);
    expect(retryAfterSeconds('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(30);
    expect(retryAfterSeconds('soon')).toBeUndefined();
  });
});
