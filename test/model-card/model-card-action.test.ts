/**
 * The bundled model-card action, run as the runner runs it, against the fake GitHub API.
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { FAKE_TOKENS } from '../support/fake-github/index.js';
import { pullRequestEvent, useFakeGitHub } from '../support/fake-github/lifecycle.js';
import { ROOT, runAction } from '../support/run-action.js';

const COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments';

async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mlops-card-'));
  await cp(join(ROOT, 'examples/breast-cancer/mlops.yml'), join(dir, 'mlops.yml'));
  return dir;
}

const evaluatedRecord = {
  schema_version: 1,
  kind: 'mlops-run',
  created_at: '2026-11-23T10:00:00.000Z',
  updated_at: '2026-11-23T10:05:00.000Z',
  history: [{ stage: 'train', at: '2026-11-23T10:00:00.000Z', commit: 'c0ffee0000000000000000000000000000000000', repository: 'octo-org/ml-project', run_url: 'https://github.com/octo-org/ml-project/actions/runs/7' }],
  train: {
    command: 'node train.mjs',
    environment: { gpus: [{ name: 'NVIDIA H200' }] },
    started_at: '2026-11-23T10:00:00.000Z',
    duration_seconds: 12.5,
    exit_code: 0,
    metrics: { accuracy: 0.98 },
    params: { l2: 0.01 },
    model: { path: 'model.onnx', sha256: 'a'.repeat(64), bytes: 1234 },
  },
  evaluation: {
    task: 'classification',
    model: { path: 'model.onnx', sha256: 'a'.repeat(64) },
    data: { path: 'holdout.csv', rows: 171, fingerprint: 'sha256:abc' },
    baseline: { ref: '.mlops/registry:prod' },
    alpha: 0.05,
    metrics: {
      accuracy: { candidate: 0.9883, baseline: 0.9766, delta: 0.0117, ci: [-0.006, 0.03], candidate_ci: [0.97, 1], verdict: 'pass', rule: 'max_drop 0.01' },
      roc_auc: { candidate: 0.998, verdict: 'pass', rule: 'min 0.95' },
    },
    slices: [{ column: 'size_band', value: 'large', rows: 57, metrics: { accuracy: { candidate: 0.96, verdict: 'pass', rule: 'reported' } } }],
    verdict: 'pass',
    passed: true,
  },
  registry: { registry: 'oci://ghcr.io/octo-org', name: 'breast-cancer-classifier', version: 'v3', digest: `sha256:${'d'.repeat(64)}`, reference: 'ghcr.io/octo-org/breast-cancer-classifier:v3', aliases: [] },
};

describe('model-card action (bundled)', () => {
  const fakeGitHub = useFakeGitHub();

  it('writes the card and its JSON from config and record, with outputs and summary', async () => {
    const gh = fakeGitHub();
    const cwd = await workspace();
    await writeFile(join(cwd, 'run.json'), JSON.stringify(evaluatedRecord));
    const result = await runAction('model-card', { cwd, inputs: { record: 'run.json' }, apiUrl: gh.url });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.outputs).toEqual({ path: 'mlops-out/MODEL_CARD.md', json: 'mlops-out/model-card.json' });

    const card = await readFile(join(cwd, 'mlops-out/MODEL_CARD.md'), 'utf8');
    expect(card.startsWith('---\nlicense: apache-2.0\n')).toBe(true);
    expect(card).toMatch(/model-index:\n {2}- name: breast-cancer-classifier/);
    for (const section of ['Model details', 'Intended use', 'Factors', 'Metrics', 'Evaluation data', 'Training data', 'Quantitative analyses', 'Ethical considerations', 'Caveats and recommendations', 'Lineage']) {
      expect(card).toContain(`## ${section}\n`);
    }
    expect(card).toContain('| accuracy | 0.9883 | [0.97, 1] | 0.9766 | +0.0117 | [-0.006, 0.03] | pass |');
    expect(card).toContain('Slice size_band = large (57 rows)');
    expect(card).toContain('NVIDIA H200');
    expect(card).toContain(`sha256:${'d'.repeat(64)}`);
    expect(card).toContain('https://github.com/octo-org/ml-project/actions/runs/7');
    expect(result.summary).toContain('# Model card: breast-cancer-classifier');

    const json = JSON.parse(await readFile(join(cwd, 'mlops-out/model-card.json'), 'utf8'));
    const schema = JSON.parse(await readFile(join(ROOT, 'actions/model-card/model-card.schema.json'), 'utf8'));
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.lineage.registryDigest).toBe(`sha256:${'d'.repeat(64)}`);

    const record = JSON.parse(await readFile(join(cwd, 'run.json'), 'utf8'));
    expect(record.model_card.path).toBe('mlops-out/MODEL_CARD.md');
    expect(record.history.at(-1)).toMatchObject({ stage: 'model-card', run_url: 'https://github.com/octo-org/ml-repo/actions/runs/4242' });
    // No GitHub call on a push event with comment: auto.
    expect(gh.requests).toEqual([]);
  });

  it('makes the card from config alone, with a warning, when the default record is missing', async () => {
    const gh = fakeGitHub();
    const cwd = await workspace();
    const result = await runAction('model-card', { cwd, apiUrl: gh.url });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('::warning::no run record at mlops-out/mlops-run.json');
    const card = await readFile(join(cwd, 'mlops-out/MODEL_CARD.md'), 'utf8');
    expect(card).toContain('_No evaluation in the run record');
  });

  it('fails on a record given explicitly that does not exist, writing nothing', async () => {
    const gh = fakeGitHub();
    const cwd = await workspace();
    const result = await runAction('model-card', { cwd, inputs: { record: 'missing.json' }, apiUrl: gh.url });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('missing.json (record): run record not found');
    expect(existsSync(join(cwd, 'mlops-out'))).toBe(false);
  });

  it('fails when required sections are empty, naming them', async () => {
    const gh = fakeGitHub();
    const cwd = await workspace();
    await writeFile(join(cwd, 'mlops.yml'), 'model: { name: m }\nmodel_card:\n  intended_use: "Ranking support tickets."\n  limitations: "  "\n');
    const result = await runAction('model-card', { cwd, inputs: { require: 'intended_use,limitations,ethical_considerations' }, apiUrl: gh.url });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('required model card sections are empty: limitations, ethical_considerations');
    expect(result.outputs.path).toBe('mlops-out/MODEL_CARD.md');
  });

  it('names the file, line and key of a bad config and writes nothing', async () => {
    const gh = fakeGitHub();
    const cwd = await workspace();
    await writeFile(join(cwd, 'mlops.yml'), 'model: { name: m }\nmodel_card:\n  lisence: mit\n');
    const result = await runAction('model-card', { cwd, apiUrl: gh.url });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('mlops.yml:3:3 (model_card.lisence): unknown key "lisence". Did you mean "license"?');
    expect(existsSync(join(cwd, 'mlops-out'))).toBe(false);
  });

  it('escapes user text: no HTML, no mentions, no broken tables', async () => {
    const gh = fakeGitHub();
    const cwd = await workspace();
    await writeFile(join(cwd, 'mlops.yml'), 'model: { name: m }\nmodel_card:\n  owners: ["@octo-org/admins | x"]\n  intended_use: "<img src=x onerror=alert(1)> ping @octocat\\n# not a heading"\n');
    const result = await runAction('model-card', { cwd, apiUrl: gh.url });
    expect(result.code).toBe(0);
    const card = await readFile(join(cwd, 'mlops-out/MODEL_CARD.md'), 'utf8');
    expect(card).not.toContain('<img');
    expect(card).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(card).not.toMatch(/@octocat|@octo-org/);
    expect(card).toContain('\\# not a heading');
    expect(card).toContain('| Owners | @\u2060octo-org/admins &#124; x |');
  });

  it('posts one PR comment and updates it in place on the next run', async () => {
    const gh = fakeGitHub();
    const cwd = await workspace();
    const pr = gh.state.addPullRequest(gh.repo).number;
    const common = { cwd, apiUrl: gh.url, repository: gh.repo, token: FAKE_TOKENS.actions, eventName: 'pull_request', event: pullRequestEvent(pr, gh.repo, gh.repo) };
    const first = await runAction('model-card', common);
    expect(first.code, first.stdout).toBe(0);
    expect(gh.state.comments(gh.repo, pr)).toHaveLength(1);
    expect(gh.state.comments(gh.repo, pr)[0]!.body).toContain('<!-- mlops-actions:model-card:breast-cancer-classifier -->');

    await writeFile(join(cwd, 'mlops.yml'), `${await readFile(join(cwd, 'mlops.yml'), 'utf8')}`.replace('NOT FOR CLINICAL USE', 'NEVER FOR CLINICAL USE'));
    const second = await runAction('model-card', common);
    expect(second.code, second.stdout).toBe(0);
    const comments = gh.state.comments(gh.repo, pr);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('NEVER FOR CLINICAL USE');
    expect(gh.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);

    // Unchanged: no write at all.
    const third = await runAction('model-card', common);
    expect(third.code).toBe(0);
    expect(gh.requests.filter((r) => r.method === 'PATCH' || r.method === 'POST')).toHaveLength(2);
  });

  it('on a fork PR with a read-only token, warns and puts the report in the summary without failing', async () => {
    const gh = fakeGitHub();
    const cwd = await workspace();
    const pr = gh.state.addPullRequest(gh.repo).number;
    const result = await runAction('model-card', { cwd, apiUrl: gh.url, repository: gh.repo, token: FAKE_TOKENS.readOnly, eventName: 'pull_request', event: pullRequestEvent(pr, 'someone/fork', gh.repo) });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/::warning::.*(fork|read-only)/i);
    expect(result.summary).toContain('# Model card: breast-cancer-classifier');
    expect(gh.state.comments(gh.repo, pr)).toHaveLength(0);
  });

  it('retries a 5xx and waits out a secondary rate limit', async () => {
    const gh = fakeGitHub();
    const cwd = await workspace();
    const pr = gh.state.addPullRequest(gh.repo).number;
    gh.faults.serverError('GET', COMMENTS);
    gh.faults.secondaryRateLimit('POST', COMMENTS, { retryAfter: 1 });
    const result = await runAction('model-card', { cwd, apiUrl: gh.url, repository: gh.repo, token: FAKE_TOKENS.actions, eventName: 'pull_request', event: pullRequestEvent(pr, gh.repo, gh.repo) });
    expect(result.code, result.stdout).toBe(0);
    expect(gh.requests.filter((r) => r.fault).map((r) => r.fault)).toHaveLength(2);
    expect(gh.state.comments(gh.repo, pr)).toHaveLength(1);
  });
});
