import { describe, expect, it } from 'vitest';
import { FAKE_TOKENS } from '../support/fake-github/index.js';
import { pullRequestEvent, useFakeGitHub } from '../support/fake-github/lifecycle.js';
import { gate, workspace } from './support.js';

describe('evaluate-gate PR comment', () => {
  const fakeGitHub = useFakeGitHub();

  it('is created once, then updated in place', async () => {
    const gh = fakeGitHub();
    const cwd = workspace('model: { name: gate-test, label: label }\n');
    const pr = gh.state.addPullRequest(gh.repo).number;
    const event = pullRequestEvent(pr, gh.repo);
    const common = { apiUrl: gh.url, repository: gh.repo, token: FAKE_TOKENS.actions, eventName: 'pull_request', event };

    const first = await gate(cwd, { model: 'gate/good.onnx', baseline: 'gate/weak.onnx', data: 'data/holdout.csv', comment: 'auto' }, common);
    expect(first.code, first.stdout).toBe(0);
    const created = gh.state.comments(gh.repo, pr);
    expect(created).toHaveLength(1);
    expect(created[0]!.body).toContain('<!-- mlops-actions:evaluate-gate:gate-test -->');
    expect(created[0]!.body).toContain('✅ PASS');

    const second = await gate(cwd, { model: 'gate/weak.onnx', baseline: 'gate/good.onnx', data: 'data/holdout.csv', comment: 'auto' }, common);
    expect(second.code).toBe(1);
    const updated = gh.state.comments(gh.repo, pr);
    expect(updated).toHaveLength(1);
    expect(updated[0]!.id).toBe(created[0]!.id);
    expect(updated[0]!.body).toContain('❌ FAIL');
    expect(gh.requests.filter((r) => r.method === 'POST' && r.route?.endsWith('/comments'))).toHaveLength(1);
    expect(gh.requests.some((r) => r.method === 'PATCH')).toBe(true);
  });
});
