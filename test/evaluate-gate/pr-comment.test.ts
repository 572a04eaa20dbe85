import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_TOKENS, startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { gate, workspace } from './support.js';

describe('evaluate-gate PR comment', () => {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await startFakeGitHub();
  });
  afterEach(async () => {
    expect(gh.validationErrors).toEqual([]);
    await gh.close();
  });

  it('is created once, then updated in place', async () => {
    const cwd = workspace('model: { name: gate-test, label: label }\n');
    const pr = gh.state.addPullRequest(gh.repo).number;
    const event = { pull_request: { number: pr, head: { repo: { full_name: gh.repo } }, base: { repo: { full_name: gh.repo } } } };
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
