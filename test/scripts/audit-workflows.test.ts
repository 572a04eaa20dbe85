// Keep it that way: every workflow template passes GitHub's own parser and the written checks
// (no pull_request_target, no ${{ }} in run:, top-level permissions, no secrets in a job that
// runs PR code). Iterates over whatever files workflows-templates/ holds; a known-bad fixture
// proves each check can fail.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditWorkflow, formatFindings } from '../../scripts/audit-workflows.js';

const TEMPLATES = new URL('../../workflows-templates/', import.meta.url).pathname;
const BAD = new URL('../fixtures/workflows/bad-workflow.yml', import.meta.url).pathname;

const templates = readdirSync(TEMPLATES).filter((name) => /\.ya?ml$/.test(name)).sort();

describe('workflow template audit', () => {
  it('finds templates to audit', () => {
    expect(templates.length).toBeGreaterThanOrEqual(2);
  });

  it.each(templates)('%s passes GitHub\'s parser and the security checks', async (name) => {
    const findings = await auditWorkflow(name, readFileSync(join(TEMPLATES, name), 'utf8'));
    expect(formatFindings(findings)).toBe('');
  });

  it('rejects the bad fixture on every rule, with lines', async () => {
    const findings = await auditWorkflow('bad-workflow.yml', readFileSync(BAD, 'utf8'));
    const byRule = (rule: string) => findings.filter((f) => f.rule === rule);
    expect(byRule('invalid').map((f) => f.message).join('\n')).toMatch(/stepz/);
    expect(byRule('pull-request-target')).toHaveLength(1);
    expect(byRule('expression-in-run').map((f) => f.line)).toEqual([14]);
    expect(byRule('missing-permissions').map((f) => f.message).join('\n')).toMatch(/no top-level permissions[\s\S]*write-all in job build/);
    expect(byRule('secret-in-pr-code-job').map((f) => f.message)).toEqual([expect.stringContaining('job build runs the pull request\'s code and receives secrets.REGISTRY_TOKEN')]);
  });

  it('passes the safe forms: env: instead of ${{ }} in run:, a base-branch checkout with a secret', async () => {
    const safe = [
      'name: ok',
      'on: { pull_request: {} }',
      'permissions: { contents: read }',
      'jobs:',
      '  gate:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '        with: { ref: "${{ github.event.pull_request.base.sha }}" }',
      '      - env: { TITLE: "${{ github.event.pull_request.title }}", TOKEN: "${{ secrets.REGISTRY_TOKEN }}" }',
      '        run: echo "$TITLE"',
    ].join('\n');
    expect(formatFindings(await auditWorkflow('ok.yml', safe))).toBe('');
  });

  it('workflow_run: the default checkout is the default branch; a checkout of the run\'s head is the PR\'s code', async () => {
    const workflow = (ref: string) => [
      'name: after',
      'on: { workflow_run: { workflows: [ci], types: [completed] } }',
      'permissions: { contents: read }',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      `      - uses: actions/checkout@v4${ref ? `\n        with: { ref: "${ref}" }` : ''}`,
      '      - env: { TOKEN: "${{ secrets.DEPLOY_TOKEN }}" }',
      '        run: ./deploy.sh',
    ].join('\n');
    expect(formatFindings(await auditWorkflow('after.yml', workflow('')))).toBe('');
    expect(formatFindings(await auditWorkflow('after.yml', workflow('${{ github.event.workflow_run.head_sha }}')))).toMatch(/secret-in-pr-code-job: job deploy .*secrets\.DEPLOY_TOKEN/);
  });
});
