/**
 * Workflow runs in the fake: every workflow_dispatch the fake accepts becomes a run of that
 * workflow (created at the wall-clock time of the dispatch, so a cooldown measured against
 * the real clock sees it), and tests can add runs of their own (e.g. one from yesterday).
 * Served as GitHub's `GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs`, with
 * the `event`, `status` and `created` (>=, <=, a..b) filters and pagination.
 */
import { userJson, type Urls } from './representations.js';
import type { FakeState, RepoState } from './state.js';
import type { FakeResponse, HandlerContext } from './routes.js';

export interface WorkflowRunRecord {
  id: number;
  runNumber: number;
  /** Workflow file name, e.g. ml-retrain.yml. */
  workflow: string;
  event: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  headBranch: string;
  createdAt: string;
  inputs: Record<string, unknown>;
  actor: string;
}

const runs = new WeakMap<RepoState, WorkflowRunRecord[]>();

export function workflowRuns(repo: RepoState): WorkflowRunRecord[] {
  let list = runs.get(repo);
  if (!list) runs.set(repo, (list = []));
  return list;
}

/** Records a run (tests: a run from earlier; the dispatch route: the run a dispatch starts). */
export function addWorkflowRun(state: FakeState, repo: RepoState, run: Partial<WorkflowRunRecord> & { workflow: string }): WorkflowRunRecord {
  const list = workflowRuns(repo);
  const record: WorkflowRunRecord = {
    id: run.id ?? state.nextId(),
    runNumber: list.filter((r) => r.workflow === run.workflow).length + 1,
    event: 'workflow_dispatch',
    status: 'queued',
    conclusion: null,
    headBranch: repo.defaultBranch,
    createdAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    inputs: {},
    actor: 'github-actions[bot]',
    ...run,
  };
  list.push(record);
  return record;
}

/** A stable numeric id per workflow file, as GitHub gives every workflow one. */
function workflowId(name: string): number {
  let h = 7;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) % 1_000_000;
  return 100_000 + h;
}

function inCreatedRange(createdAt: string, filter: string | null): boolean {
  if (!filter) return true;
  const t = Date.parse(createdAt);
  const range = /^(.+)\.\.(.+)$/.exec(filter);
  if (range) return t >= Date.parse(range[1]!) && t <= Date.parse(range[2]!);
  const op = /^(>=|<=|>|<)?(.+)$/.exec(filter)!;
  const at = Date.parse(op[2]!);
  switch (op[1]) {
    case '>=':
      return t >= at;
    case '>':
      return t > at;
    case '<=':
      return t <= at;
    case '<':
      return t < at;
    default:
      return createdAt.startsWith(op[2]!);
  }
}

function repositoryJson(state: FakeState, repo: RepoState, urls: Urls) {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  const url = (path: string) => `${api}/${path}`;
  return {
    id: repo.id,
    node_id: Buffer.from(`Repository:${repo.id}`).toString('base64url'),
    name: repo.name,
    full_name: repo.fullName,
    owner: userJson(state.user(repo.owner), urls),
    private: false,
    html_url: `${urls.web}/${repo.owner}/${repo.name}`,
    description: null,
    fork: false,
    url: api,
    archive_url: url('{archive_format}{/ref}'),
    assignees_url: url('assignees{/user}'),
    blobs_url: url('git/blobs{/sha}'),
    branches_url: url('branches{/branch}'),
    collaborators_url: url('collaborators{/collaborator}'),
    comments_url: url('comments{/number}'),
    commits_url: url('commits{/sha}'),
    compare_url: url('compare/{base}...{head}'),
    contents_url: url('contents/{+path}'),
    contributors_url: url('contributors'),
    deployments_url: url('deployments'),
    downloads_url: url('downloads'),
    events_url: url('events'),
    forks_url: url('forks'),
    git_commits_url: url('git/commits{/sha}'),
    git_refs_url: url('git/refs{/sha}'),
    git_tags_url: url('git/tags{/sha}'),
    hooks_url: url('hooks'),
    issue_comment_url: url('issues/comments{/number}'),
    issue_events_url: url('issues/events{/number}'),
    issues_url: url('issues{/number}'),
    keys_url: url('keys{/key_id}'),
    labels_url: url('labels{/name}'),
    languages_url: url('languages'),
    merges_url: url('merges'),
    milestones_url: url('milestones{/number}'),
    notifications_url: url('notifications{?since,all,participating}'),
    pulls_url: url('pulls{/number}'),
    releases_url: url('releases{/id}'),
    stargazers_url: url('stargazers'),
    statuses_url: url('statuses/{sha}'),
    subscribers_url: url('subscribers'),
    subscription_url: url('subscription'),
    tags_url: url('tags'),
    teams_url: url('teams'),
    trees_url: url('git/trees{/sha}'),
  };
}

function runJson(state: FakeState, repo: RepoState, run: WorkflowRunRecord, urls: Urls) {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  const repository = repositoryJson(state, repo, urls);
  return {
    id: run.id,
    node_id: Buffer.from(`WorkflowRun:${run.id}`).toString('base64url'),
    name: run.workflow.replace(/\.ya?ml$/, ''),
    head_branch: run.headBranch,
    head_sha: '0'.repeat(40),
    path: `.github/workflows/${run.workflow}`,
    display_title: run.workflow,
    run_number: run.runNumber,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: workflowId(run.workflow),
    url: `${api}/actions/runs/${run.id}`,
    html_url: `${urls.web}/${repo.owner}/${repo.name}/actions/runs/${run.id}`,
    pull_requests: [],
    created_at: run.createdAt,
    updated_at: run.createdAt,
    actor: userJson(state.user(run.actor), urls),
    jobs_url: `${api}/actions/runs/${run.id}/jobs`,
    logs_url: `${api}/actions/runs/${run.id}/logs`,
    check_suite_url: `${api}/check-suites/${run.id}`,
    artifacts_url: `${api}/actions/runs/${run.id}/artifacts`,
    cancel_url: `${api}/actions/runs/${run.id}/cancel`,
    rerun_url: `${api}/actions/runs/${run.id}/rerun`,
    workflow_url: `${api}/actions/workflows/${workflowId(run.workflow)}`,
    head_commit: null,
    repository,
    head_repository: repository,
  };
}

type Handler = (ctx: HandlerContext) => FakeResponse;

export const workflowRunHandlers: Record<string, Handler> = {
  'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs': (ctx) => {
    const repo = ctx.state.findRepo(ctx.params.owner ?? '', ctx.params.repo ?? '');
    if (!repo) return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
    const workflow = ctx.params.workflow_id ?? '';
    const event = ctx.query.get('event');
    const status = ctx.query.get('status');
    const created = ctx.query.get('created');
    const matching = workflowRuns(repo)
      .filter((r) => r.workflow === workflow || String(workflowId(r.workflow)) === workflow)
      .filter((r) => !event || r.event === event)
      .filter((r) => !status || r.status === status || r.conclusion === status)
      .filter((r) => inCreatedRange(r.createdAt, created))
      .sort((a, b) => (a.createdAt === b.createdAt ? b.id - a.id : a.createdAt < b.createdAt ? 1 : -1));
    const perPage = Math.min(100, Number(ctx.query.get('per_page') ?? 30));
    const page = Math.max(1, Number(ctx.query.get('page') ?? 1));
    const slice = matching.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < matching.length) {
      const next = new URL(ctx.url.toString());
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${ctx.urls.api}${next.pathname}${next.search}>; rel="next"`;
    }
    return { status: 200, headers, body: { total_count: matching.length, workflow_runs: slice.map((r) => runJson(ctx.state, repo, r, ctx.urls)) } };
  },
};
