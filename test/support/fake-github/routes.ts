/**
 * The REST operations the fake implements, keyed by `METHOD /path/template` as in GitHub's
 * OpenAPI description. Requests reach a handler only after they passed OpenAPI validation,
 * so handlers read validated bodies.
 */
import {
  authenticatedUserJson,
  commentJson,
  deploymentJson,
  deploymentStatusJson,
  issueJson,
  labelJson,
  type Urls,
} from './representations.js';
import { FakeState, type DeploymentRecord, type IssueRecord, type RepoState } from './state.js';
import type { TokenIdentity } from './tokens.js';
import { addWorkflowRun, workflowRunHandlers } from './workflow-runs.js';

export interface HandlerContext {
  state: FakeState;
  urls: Urls;
  /** The request URL as received (for pagination links). */
  url: URL;
  params: Record<string, string>;
  query: URLSearchParams;
  // Validated against the operation's request schema before the handler runs.
  body: any;
  identity: TokenIdentity;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Handler = (ctx: HandlerContext) => FakeResponse;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const COMMENT_MAX_CHARS = 65_536;

function repoOf(ctx: HandlerContext): RepoState {
  const repo = ctx.state.findRepo(ctx.params.owner ?? '', ctx.params.repo ?? '');
  if (!repo) throw new HttpError(404, 'Not Found');
  return repo;
}

function issueOf(ctx: HandlerContext, repo: RepoState): IssueRecord {
  const issue = repo.issues.find((i) => i.number === Number(ctx.params.issue_number));
  if (!issue) throw new HttpError(404, 'Not Found');
  return issue;
}

function deploymentOf(ctx: HandlerContext, repo: RepoState): DeploymentRecord {
  const deployment = repo.deployments.find((d) => d.id === Number(ctx.params.deployment_id));
  if (!deployment) throw new HttpError(404, 'Not Found');
  return deployment;
}

function validationFailed(resource: string, field: string, code: string, message?: string): HttpError {
  return new HttpError(422, 'Validation Failed', {
    errors: [{ resource, field, code, ...(message ? { message } : {}) }],
  });
}

function checkCommentBody(body: string): void {
  if ([...body].length > COMMENT_MAX_CHARS) {
    throw validationFailed('IssueComment', 'data', 'unprocessable', `Body is too long (maximum is ${COMMENT_MAX_CHARS} characters)`);
  }
}

/** One page of items, with GitHub's `per_page`/`page` semantics and `Link` header. */
function paginate<T>(ctx: HandlerContext, items: T[], toJson: (item: T) => unknown): FakeResponse {
  const perPage = Math.min(100, Math.max(1, Number(ctx.query.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(ctx.query.get('page') ?? 1) || 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (n: number) => {
    const url = new URL(ctx.url.pathname + ctx.url.search, ctx.urls.api);
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(n));
    return url.toString();
  };
  const links: string[] = [];
  if (page > 1) links.push(`<${link(page - 1)}>; rel="prev"`);
  if (page < lastPage) links.push(`<${link(page + 1)}>; rel="next"`, `<${link(lastPage)}>; rel="last"`);
  if (page > 1) links.push(`<${link(1)}>; rel="first"`);
  return { status: 200, body: slice.map(toJson), headers: links.length ? { link: links.join(', ') } : {} };
}

function labelNames(labels: unknown[]): string[] {
  return labels.map((l) => (typeof l === 'string' ? l : String((l as { name?: unknown }).name ?? '')));
}

const handlers: Record<string, Handler> = {
  'GET /user': (ctx) => {
    if (ctx.identity.kind === 'installation') throw new HttpError(403, 'Resource not accessible by integration');
    return { status: 200, body: authenticatedUserJson(ctx.state.user(ctx.identity.login), ctx.urls) };
  },

  // Issue comments
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': (ctx) => {
    const repo = repoOf(ctx);
    issueOf(ctx, repo);
    const since = ctx.query.get('since');
    const comments = repo.comments.filter(
      (c) => c.issueNumber === Number(ctx.params.issue_number) && (!since || c.updatedAt >= since),
    );
    return paginate(ctx, comments, (c) => commentJson(repo, c, ctx.urls));
  },
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': (ctx) => {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    checkCommentBody(ctx.body.body);
    const comment = ctx.state.addComment(repo.fullName, issue.number, { body: ctx.body.body, author: ctx.identity.login });
    const json = commentJson(repo, comment, ctx.urls);
    return { status: 201, body: json, headers: { location: json.url } };
  },
  'GET /repos/{owner}/{repo}/issues/comments/{comment_id}': (ctx) => {
    const repo = repoOf(ctx);
    return { status: 200, body: commentJson(repo, commentOf(ctx, repo), ctx.urls) };
  },
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': (ctx) => {
    const repo = repoOf(ctx);
    const comment = commentOf(ctx, repo);
    checkCommentBody(ctx.body.body);
    comment.body = ctx.body.body;
    comment.updatedAt = ctx.state.now();
    return { status: 200, body: commentJson(repo, comment, ctx.urls) };
  },
  'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}': (ctx) => {
    const repo = repoOf(ctx);
    const comment = commentOf(ctx, repo);
    repo.comments.splice(repo.comments.indexOf(comment), 1);
    return { status: 204 };
  },

  // Issues
  'GET /repos/{owner}/{repo}/issues': (ctx) => {
    const repo = repoOf(ctx);
    const state = ctx.query.get('state') ?? 'open';
    const labels = (ctx.query.get('labels') ?? '').split(',').map((l) => l.trim().toLowerCase()).filter(Boolean);
    const creator = ctx.query.get('creator')?.toLowerCase();
    const direction = ctx.query.get('direction') ?? 'desc';
    const sort = ctx.query.get('sort') ?? 'created';
    const key = (i: IssueRecord) => (sort === 'updated' ? i.updatedAt : sort === 'comments' ? String(i.id) : i.createdAt);
    const issues = repo.issues
      .filter((i) => state === 'all' || i.state === state)
      .filter((i) => labels.every((l) => i.labels.some((name) => name.toLowerCase() === l)))
      .filter((i) => !creator || i.user.login.toLowerCase() === creator)
      .sort((a, b) => (key(a) === key(b) ? a.number - b.number : key(a) < key(b) ? -1 : 1));
    if (direction === 'desc') issues.reverse();
    return paginate(ctx, issues, (i) => issueJson(repo, i, ctx.urls, (l) => ctx.state.user(l)));
  },
  'POST /repos/{owner}/{repo}/issues': (ctx) => {
    const repo = repoOf(ctx);
    const issue = ctx.state.addIssue(repo.fullName, {
      title: String(ctx.body.title),
      body: ctx.body.body ?? null,
      labels: labelNames(ctx.body.labels ?? []),
      assignees: ctx.body.assignees ?? [],
      author: ctx.identity.login,
    });
    const json = issueJson(repo, issue, ctx.urls, (l) => ctx.state.user(l));
    return { status: 201, body: json, headers: { location: json.url } };
  },
  'GET /repos/{owner}/{repo}/issues/{issue_number}': (ctx) => {
    const repo = repoOf(ctx);
    return { status: 200, body: issueJson(repo, issueOf(ctx, repo), ctx.urls, (l) => ctx.state.user(l)) };
  },
  'PATCH /repos/{owner}/{repo}/issues/{issue_number}': (ctx) => {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    const b = ctx.body as Record<string, any>;
    if (b.title !== undefined && b.title !== null) issue.title = String(b.title);
    if (b.body !== undefined) issue.body = b.body;
    if (b.labels !== undefined) {
      issue.labels = labelNames(b.labels);
      for (const name of issue.labels) ctx.state.ensureLabel(repo, name);
    }
    if (b.assignees !== undefined) issue.assignees = b.assignees;
    issue.updatedAt = ctx.state.now();
    if (b.state !== undefined && b.state !== issue.state) {
      issue.state = b.state;
      issue.closedAt = b.state === 'closed' ? issue.updatedAt : null;
      issue.stateReason = b.state === 'closed' ? (b.state_reason ?? 'completed') : 'reopened';
    }
    return { status: 200, body: issueJson(repo, issue, ctx.urls, (l) => ctx.state.user(l)) };
  },

  // Labels
  'GET /repos/{owner}/{repo}/labels': (ctx) => {
    const repo = repoOf(ctx);
    return paginate(ctx, repo.labels, (l) => labelJson(repo, l, ctx.urls));
  },
  'POST /repos/{owner}/{repo}/labels': (ctx) => {
    const repo = repoOf(ctx);
    const name = String(ctx.body.name);
    if (repo.labels.some((l) => l.name.toLowerCase() === name.toLowerCase())) {
      throw validationFailed('Label', 'name', 'already_exists');
    }
    const label = ctx.state.ensureLabel(repo, name, String(ctx.body.color ?? 'ededed').replace(/^#/, ''), ctx.body.description ?? null);
    return { status: 201, body: labelJson(repo, label, ctx.urls) };
  },
  'GET /repos/{owner}/{repo}/labels/{name}': (ctx) => {
    const repo = repoOf(ctx);
    const label = repo.labels.find((l) => l.name.toLowerCase() === (ctx.params.name ?? '').toLowerCase());
    if (!label) throw new HttpError(404, 'Not Found');
    return { status: 200, body: labelJson(repo, label, ctx.urls) };
  },
  'GET /repos/{owner}/{repo}/issues/{issue_number}/labels': (ctx) => {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    const labels = issue.labels.map((name) => ctx.state.ensureLabel(repo, name));
    return paginate(ctx, labels, (l) => labelJson(repo, l, ctx.urls));
  },
  'POST /repos/{owner}/{repo}/issues/{issue_number}/labels': (ctx) => {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    const raw: unknown[] = Array.isArray(ctx.body) ? ctx.body : (ctx.body.labels ?? []);
    for (const name of labelNames(raw)) {
      const label = ctx.state.ensureLabel(repo, name);
      if (!issue.labels.some((n) => n.toLowerCase() === label.name.toLowerCase())) issue.labels.push(label.name);
    }
    issue.updatedAt = ctx.state.now();
    return {
      status: 200,
      body: issue.labels.map((name) => labelJson(repo, ctx.state.ensureLabel(repo, name), ctx.urls)),
    };
  },

  // Deployments
  'GET /repos/{owner}/{repo}/deployments': (ctx) => {
    const repo = repoOf(ctx);
    const filters = ['sha', 'ref', 'task', 'environment'] as const;
    const list = repo.deployments
      .filter((d) => filters.every((f) => !ctx.query.has(f) || d[f] === ctx.query.get(f)))
      .reverse();
    return paginate(ctx, list, (d) => deploymentJson(repo, d, ctx.urls));
  },
  'POST /repos/{owner}/{repo}/deployments': (ctx) => {
    const repo = repoOf(ctx);
    const b = ctx.body as Record<string, any>;
    const environment: string = b.environment ?? 'production';
    const at = ctx.state.now();
    const deployment: DeploymentRecord = {
      id: ctx.state.nextId(),
      ref: b.ref,
      sha: FakeState.shaFor(b.ref),
      task: b.task ?? 'deploy',
      payload: b.payload ?? {},
      environment,
      originalEnvironment: environment,
      description: b.description ?? null,
      transient: b.transient_environment ?? false,
      production: b.production_environment ?? environment === 'production',
      creator: ctx.state.user(ctx.identity.login),
      createdAt: at,
      updatedAt: at,
      statuses: [],
    };
    repo.deployments.push(deployment);
    return { status: 201, body: deploymentJson(repo, deployment, ctx.urls) };
  },
  'GET /repos/{owner}/{repo}/deployments/{deployment_id}': (ctx) => {
    const repo = repoOf(ctx);
    return { status: 200, body: deploymentJson(repo, deploymentOf(ctx, repo), ctx.urls) };
  },
  'DELETE /repos/{owner}/{repo}/deployments/{deployment_id}': (ctx) => {
    const repo = repoOf(ctx);
    const deployment = deploymentOf(ctx, repo);
    const inactive = deployment.statuses.at(-1)?.state === 'inactive';
    const alone = repo.deployments.filter((d) => d.environment === deployment.environment).length === 1;
    if (!inactive && !alone) {
      throw new HttpError(422, 'We cannot delete an active deployment unless it is the only deployment in a given environment.');
    }
    repo.deployments.splice(repo.deployments.indexOf(deployment), 1);
    return { status: 204 };
  },
  'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses': (ctx) => {
    const repo = repoOf(ctx);
    const deployment = deploymentOf(ctx, repo);
    return paginate(ctx, [...deployment.statuses].reverse(), (s) => deploymentStatusJson(repo, deployment, s, ctx.urls));
  },
  'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses/{status_id}': (ctx) => {
    const repo = repoOf(ctx);
    const deployment = deploymentOf(ctx, repo);
    const status = deployment.statuses.find((s) => s.id === Number(ctx.params.status_id));
    if (!status) throw new HttpError(404, 'Not Found');
    return { status: 200, body: deploymentStatusJson(repo, deployment, status, ctx.urls) };
  },
  'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses': (ctx) => {
    const repo = repoOf(ctx);
    const deployment = deploymentOf(ctx, repo);
    const b = ctx.body as Record<string, any>;
    if (b.environment) deployment.environment = b.environment;
    const status = addStatus(ctx, deployment, b.state, {
      description: b.description ?? '',
      logUrl: b.log_url ?? b.target_url ?? '',
      environmentUrl: b.environment_url ?? '',
    });
    if (b.state === 'success' && b.auto_inactive !== false) {
      // GitHub marks earlier successful deployments to the same (non-transient,
      // non-production) environment inactive.
      for (const other of repo.deployments) {
        if (other === deployment || other.environment !== deployment.environment) continue;
        if (other.transient || other.production || other.statuses.at(-1)?.state !== 'success') continue;
        addStatus(ctx, other, 'inactive', { description: '', logUrl: '', environmentUrl: '' });
      }
    }
    return { status: 201, body: deploymentStatusJson(repo, deployment, status, ctx.urls) };
  },

  // Workflow dispatch
  'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches': (ctx) => {
    const repo = repoOf(ctx);
    const runId = ctx.state.nextId();
    repo.dispatches.push({
      workflowId: ctx.params.workflow_id ?? '',
      ref: ctx.body.ref,
      inputs: ctx.body.inputs ?? {},
      actor: ctx.identity.login,
      runId,
    });
    addWorkflowRun(ctx.state, repo, { id: runId, workflow: ctx.params.workflow_id ?? '', headBranch: String(ctx.body.ref).replace(/^refs\/heads\//, ''), inputs: ctx.body.inputs ?? {}, actor: ctx.identity.login });
    if (ctx.body.return_run_details === true) {
      const web = `${ctx.urls.web}/${repo.owner}/${repo.name}/actions/runs/${runId}`;
      return {
        status: 200,
        body: { workflow_run_id: runId, run_url: `${ctx.urls.api}/repos/${repo.owner}/${repo.name}/actions/runs/${runId}`, html_url: web },
      };
    }
    return { status: 204 };
  },
};

function commentOf(ctx: HandlerContext, repo: RepoState) {
  const comment = repo.comments.find((c) => c.id === Number(ctx.params.comment_id));
  if (!comment) throw new HttpError(404, 'Not Found');
  return comment;
}

function addStatus(
  ctx: HandlerContext,
  deployment: DeploymentRecord,
  state: string,
  fields: { description: string; logUrl: string; environmentUrl: string },
) {
  const at = ctx.state.now();
  const status = {
    id: ctx.state.nextId(),
    state,
    description: fields.description,
    environment: deployment.environment,
    targetUrl: fields.logUrl,
    logUrl: fields.logUrl,
    environmentUrl: fields.environmentUrl,
    creator: ctx.state.user(ctx.identity.login),
    createdAt: at,
    updatedAt: at,
  };
  deployment.statuses.push(status);
  deployment.updatedAt = at;
  return status;
}

export function handlerFor(method: string, route: string): Handler | undefined {
  return handlers[`${method} ${route}`] ?? workflowRunHandlers[`${method} ${route}`];
}
