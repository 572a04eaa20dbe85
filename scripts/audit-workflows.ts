/**
 * Static audit of workflow files (the templates in workflows-templates/, run by
 * test/scripts/audit-workflows.test.ts so `npm test` in CI runs it; `node
 * scripts/audit-workflows.mjs [files]` runs it by hand).
 *
 * 1. Validity with GitHub's own parser (`@actions/workflow-parser`: the schema and expression
 *    checks the Actions service applies).
 * 2. Written checks for what the parser accepts but is dangerous:
 *    - `pull-request-target`: a `pull_request_target` trigger (a fork's code with the base
 *      repository's token and secrets, the classic "pwn request");
 *    - `expression-in-run`: `${{ }}` inside a `run:` script (the value is pasted into the shell
 *      before it runs: a PR title becomes a command); pass it through `env:` instead;
 *    - `missing-permissions`: no top-level `permissions:` (the token gets the repository's
 *      default, often write-all), or `write-all` anywhere;
 *    - `secret-in-pr-code-job`: a secret (other than the job's own GITHUB_TOKEN) or `secrets:
 *      inherit` in a job that runs pull-request code (a PR-triggered workflow whose job checks out
 *      the PR's code, i.e. anything but the base branch).
 */
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';

export interface AuditFinding {
  file: string;
  line: number;
  rule: 'invalid' | 'pull-request-target' | 'expression-in-run' | 'missing-permissions' | 'secret-in-pr-code-job';
  message: string;
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment', 'issue_comment', 'workflow_run']);
const EXPRESSION = /\$\{\{[\s\S]*?\}\}/;
const SECRET = /\bsecrets\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)|\bsecrets\s*\[/;
/** Events whose default checkout (no `ref:`) is the pull request's code (its merge commit). */
const DEFAULT_CHECKOUT_IS_PR = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment']);
/** A checkout of the base branch (or the default): not the PR's code. */
const BASE_REF = /github\.event\.pull_request\.base\.(sha|ref)|github\.base_ref|github\.event\.repository\.default_branch/;

export async function auditWorkflow(file: string, content: string): Promise<AuditFinding[]> {
  const findings: AuditFinding[] = [];
  const lines = new LineCounter();
  const lineOf = (node: Node | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : 1);
  const add = (rule: AuditFinding['rule'], node: Node | null | undefined, message: string) => findings.push({ file, line: lineOf(node), rule, message });

  // 1. GitHub's parser.
  const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  if (parsed.value) await convertWorkflowTemplate(parsed.context, parsed.value);
  for (const error of parsed.context.errors.getErrors()) {
    const line = /\(Line: (\d+)/.exec(error.message)?.[1];
    findings.push({ file, line: line ? Number(line) : 1, rule: 'invalid', message: error.message });
  }

  // 2. The written checks, on the YAML with positions.
  const doc = parseDocument(content, { lineCounter: lines });
  const root = doc.contents;
  if (!isMap(root)) return findings;
  const onNode = root.get('on', true) as Node | undefined;
  const events = triggerNames(onNode);
  if (events.includes('pull_request_target')) {
    add('pull-request-target', onNode, 'the workflow is triggered by pull_request_target: it runs with the base repository\'s token and secrets on a fork\'s pull request; use pull_request (and workflow_run for writes that need the token).');
  }
  const topPermissions = root.get('permissions', true) as Node | undefined;
  if (topPermissions === undefined) add('missing-permissions', root, 'no top-level permissions: the token gets the repository\'s default (often read/write on everything); set `permissions:` to the least the workflow needs.');
  const prTriggered = events.some((event) => PR_EVENTS.has(event));

  const jobs = root.get('jobs', true);
  if (!isMap(jobs)) return findings;
  for (const pair of jobs.items) {
    const job = pair.value;
    const jobId = isScalar(pair.key) ? String(pair.key.value) : '?';
    if (!isMap(job)) continue;
    const permissions = job.get('permissions', true) as Node | undefined;
    for (const node of [topPermissions, permissions]) {
      if (isScalar(node) && node.value === 'write-all') add('missing-permissions', node, `permissions: write-all${node === permissions ? ` in job ${jobId}` : ''}: grant only the scopes used.`);
    }
    const steps = job.get('steps', true);
    if (isSeq(steps)) {
      for (const step of steps.items) {
        if (!isMap(step)) continue;
        const run = step.get('run', true);
        if (isScalar(run) && EXPRESSION.test(String(run.value))) {
          add('expression-in-run', run, `job ${jobId}: \`\${{ }}\` inside run: is pasted into the script before the shell parses it; pass the value through env: and use "$NAME".`);
        }
      }
    }
    if (prTriggered && runsPullRequestCode(job, events.some((event) => DEFAULT_CHECKOUT_IS_PR.has(event)))) {
      const text = content.slice(job.range?.[0] ?? 0, job.range?.[2] ?? content.length);
      const secrets = [...text.matchAll(new RegExp(SECRET, 'g'))].filter((m) => m[1] !== 'GITHUB_TOKEN');
      if (secrets.length) add('secret-in-pr-code-job', job, `job ${jobId} runs the pull request's code and receives ${secrets.map((m) => (m[1] ? `secrets.${m[1]}` : m[0])).join(', ')}: code from the PR can read it. Move the step that needs it to a job that does not run PR code.`);
      const inherit = job.get('secrets', true);
      if (isScalar(inherit) && inherit.value === 'inherit') add('secret-in-pr-code-job', inherit, `job ${jobId} runs the pull request's code with secrets: inherit.`);
    }
  }
  return findings;
}

function triggerNames(on: Node | undefined): string[] {
  if (isScalar(on)) return [String(on.value)];
  if (isSeq(on)) return on.items.map((item) => (isScalar(item) ? String(item.value) : ''));
  if (isMap(on)) return on.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''));
  return [];
}

/**
 * Whether a job of a PR-triggered workflow runs the PR's code: it checks out code that is not
 * explicitly the base branch, or calls a reusable workflow (which may), or runs a local action.
 * A checkout without `ref:` is the PR's code on pull_request events, but the default branch on
 * workflow_run, issue_comment and pull_request_target (there only a `ref:` brings the PR in).
 */
function runsPullRequestCode(job: YAMLMap, defaultCheckoutIsPr: boolean): boolean {
  if (job.get('uses') !== undefined) return true;
  const steps = job.get('steps', true);
  if (!isSeq(steps)) return false;
  return steps.items.some((step) => {
    if (!isMap(step)) return false;
    const uses = String(step.get('uses') ?? '');
    if (uses.startsWith('./')) return true;
    if (!/^actions\/checkout@/.test(uses)) return false;
    const withMap = step.get('with', true);
    const ref = isMap(withMap) ? String(withMap.get('ref') ?? '') : '';
    if (ref === '') return defaultCheckoutIsPr;
    return !BASE_REF.test(ref);
  });
}

/** One line per finding, as `file:line: rule: message`. */
export function formatFindings(findings: AuditFinding[]): string {
  return findings.map((f) => `${f.file}:${f.line}: ${f.rule}: ${f.message}`).join('\n');
}
