import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../shared/errors/user-error.js';
import { parseCommentMode, postReport, type CommentMode } from '../../shared/github/pull-request-report.js';
import { COMMENT_LIMIT_CHARS } from '../../shared/report/limits.js';
import { fakeGitHubContext, type FakeContextOptions } from '../support/fake-github/context.js';
import { FAKE_TOKENS, startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { createRecordingHost, type RecordingHost } from '../support/recording-host.js';

const COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments';

let fake: FakeGitHub;
let pr: number;

beforeEach(async () => {
  fake = await startFakeGitHub();
  pr = fake.state.addPullRequest(fake.repo).number;
});

afterEach(async () => {
  expect(fake.validationErrors).toEqual([]);
  await fake.close();
});

function hostFor(context: FakeContextOptions = {}, options: { summaryError?: Error } = {}): RecordingHost {
  return createRecordingHost({
    github: (token) => fakeGitHubContext(fake, { pullRequest: pr, token: token ?? FAKE_TOKENS.actions, ...context }),
    ...options,
  });
}

function post(host: RecordingHost, markdown: string, comment: CommentMode = 'auto', token: string = FAKE_TOKENS.actions) {
  return postReport({ host, stage: 'model-card', model: 'churn-classifier', markdown, comment, token });
}

describe('postReport', () => {
  it('on a pull request event writes the summary and one sticky comment, updated on the next run', async () => {
    const host = hostFor();
    const first = await post(host, '## Model card\nv1');
    const second = await post(host, '## Model card\nv2');

    expect(host.summaries).toEqual(['## Model card\nv1', '## Model card\nv2']);
    expect(first.comment).toMatchObject({ status: 'posted', action: 'created' });
    expect(second.comment).toMatchObject({ status: 'posted', action: 'updated' });
    const comments = fake.state.comments(fake.repo, pr);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toBe('<!-- mlops-actions:model-card:churn-classifier -->\n## Model card\nv2');
    expect(host.githubTokens).toEqual([FAKE_TOKENS.actions, FAKE_TOKENS.actions]);
    expect(host.messages('warning')).toEqual([]);
  });

  it("with comment 'false' makes no API call", async () => {
    const host = hostFor();
    const outcome = await post(host, 'report', 'false');
    expect(outcome.comment.status).toBe('skipped');
    expect(host.summaries).toEqual(['report']);
    expect(host.githubTokens).toEqual([]);
    expect(fake.requests).toEqual([]);
  });

  it("with comment 'auto' on a push event does not comment", async () => {
    const host = hostFor({ eventName: 'push', pullRequest: undefined });
    const outcome = await post(host, 'report', 'auto');
    expect(outcome.comment).toEqual({ status: 'skipped', reason: 'not a pull request event (push)' });
    expect(host.summaries).toEqual(['report']);
    expect(fake.requests).toEqual([]);
  });

  it("with comment 'auto' on pull_request_target comments", async () => {
    const outcome = await post(hostFor({ eventName: 'pull_request_target' }), 'report', 'auto');
    expect(outcome.comment).toMatchObject({ status: 'posted', action: 'created' });
  });

  it("with comment 'true' but no pull request warns and does not fail", async () => {
    const host = hostFor({ eventName: 'push', pullRequest: undefined });
    const outcome = await post(host, 'report', 'true');
    expect(outcome.comment.status).toBe('skipped');
    expect(host.messages('warning')).toEqual([expect.stringMatching(/no pull request to comment on \(event push\).*job summary/)]);
    expect(fake.requests).toEqual([]);
  });

  it('on a fork pull request (read-only token) warns that the report is in the summary, and does not throw', async () => {
    const host = hostFor({ fromFork: true });
    const outcome = await post(host, 'report', 'auto', FAKE_TOKENS.readOnly);
    expect(outcome.comment.status).toBe('failed');
    expect(host.summaries).toEqual(['report']);
    const [warning, ...rest] = host.messages('warning');
    expect(rest).toEqual([]);
    expect(warning).toMatch(/fork/);
    expect(warning).toMatch(/Resource not accessible by integration/);
    expect(warning).toMatch(/job summary/);
    expect(fake.state.comments(fake.repo, pr)).toEqual([]);
    expect(fake.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([403]);
  });

  it('on a read-only token in the same repository tells how to grant the permission', async () => {
    const host = hostFor();
    await post(host, 'report', 'true', FAKE_TOKENS.readOnly);
    expect(host.messages('warning')).toEqual([expect.stringMatching(/permissions: pull-requests: write/)]);
  });

  it('on a 5xx that outlasts the retries warns with what failed and what to do', async () => {
    fake.faults.serverError('GET', COMMENTS, { status: 502, times: 4 });
    const host = hostFor();
    const outcome = await post(host, 'report');
    expect(outcome.comment.status).toBe('failed');
    expect(host.messages('warning')).toEqual([
      expect.stringMatching(/Could not post the report comment on pull request #1 .*HTTP 502.*job summary.*re-run the job/),
    ]);
    expect(fake.requests.filter((r) => r.method === 'GET' && r.route === COMMENTS)).toHaveLength(4);
  });

  it('on a 422 warns with GitHub\'s message', async () => {
    fake.faults.unprocessable('POST', COMMENTS, { message: 'Validation Failed' });
    const host = hostFor();
    const outcome = await post(host, 'report');
    expect(outcome.comment.status).toBe('failed');
    expect(host.messages('warning')).toEqual([expect.stringMatching(/HTTP 422: Validation Failed/)]);
  });

  it('caps an oversized comment so GitHub accepts it, and keeps the summary whole', async () => {
    const markdown = Array.from({ length: 3000 }, (_, i) => `| slice ${i} | 0.9 | 0.8 |`).join('\n');
    expect(markdown.length).toBeGreaterThan(COMMENT_LIMIT_CHARS);
    const host = hostFor();
    const outcome = await post(host, markdown);
    expect(outcome.comment).toMatchObject({ status: 'posted', action: 'created', truncated: true });
    expect(outcome.summary).toEqual({ written: true, truncated: false });
    expect(host.summaries).toEqual([markdown]);
    const body = fake.state.comments(fake.repo, pr)[0]?.body ?? '';
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT_CHARS);
    expect(body).toContain('[job summary](https://github.com/octo-org/ml-project/actions/runs/1)');
  });

  it('warns instead of failing when the summary cannot be written, and still comments', async () => {
    const host = hostFor({}, { summaryError: new Error('disk full') });
    const outcome = await post(host, 'report');
    expect(outcome.summary.written).toBe(false);
    expect(outcome.comment.status).toBe('posted');
    expect(host.messages('warning')).toEqual(['Could not write the report to the job summary: disk full']);
  });
});

describe('parseCommentMode', () => {
  it('accepts auto, true and false', () => {
    expect(['auto', 'true', 'false', ' TRUE '].map(parseCommentMode)).toEqual(['auto', 'true', 'false', 'true']);
  });

  it.each(['', 'yes', 'always', '1'])('refuses %j with a UserError naming the input', (value) => {
    const error = (() => {
      try {
        parseCommentMode(value);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).format()).toMatch(/comment.*auto, true or false/);
  });
});
