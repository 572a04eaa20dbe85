/**
 * A GitHub API that cannot be reached is reported as a connection failure, not as "HTTP 500"
 * (octokit gives such errors status 500 and no response): the bundled model-card action on a
 * pull-request event, its API URL a loopback port nothing listens on.
 */
import { cp, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRequestError, isConnectionFailure } from '../../shared/github/request-error.js';
import { pullRequestEvent } from '../support/fake-github/lifecycle.js';
import { ROOT, runAction } from '../support/run-action.js';

/** A loopback port that was free a moment ago and now has no listener. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('GitHub unreachable', () => {
  it('the comment failure says the API gave no answer, and the step still passes with the report in the summary', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'mlops-no-github-'));
    await cp(join(ROOT, 'examples/breast-cancer/mlops.yml'), join(cwd, 'mlops.yml'));
    const apiUrl = `http://127.0.0.1:${await closedPort()}`;
    const result = await runAction('model-card', { cwd, apiUrl, repository: 'octo-org/ml-project', token: 'ghs_unused', eventName: 'pull_request', event: pullRequestEvent(7, 'octo-org/ml-project') });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/no answer from the GitHub API \([^)]*ECONNREFUSED[^)]*\): a connection failure/);
    expect(result.stdout).toContain(`Check that the runner can reach ${apiUrl}`);
    expect(result.stdout).not.toMatch(/HTTP 500/);
    expect(result.summary).toContain('# Model card:');
  });

  it('a real HTTP 500 answer keeps its status', () => {
    const answered = Object.assign(new Error('Internal Server Error'), { name: 'HttpError', status: 500, response: { status: 500 } });
    expect(isConnectionFailure(answered)).toBe(false);
    expect(describeRequestError(answered)).toBe('HTTP 500: Internal Server Error');
  });
});
