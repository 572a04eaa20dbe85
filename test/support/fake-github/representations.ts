/**
 * JSON shapes of the fake's records, as GitHub's REST API returns them (checked against the
 * OpenAPI response schemas by the server on every response).
 */
import type {
  CommentRecord,
  DeploymentRecord,
  DeploymentStatusRecord,
  FakeUser,
  IssueRecord,
  LabelRecord,
  RepoState,
} from './state.js';

export interface Urls {
  /** API root, e.g. http://127.0.0.1:PORT */
  api: string;
  /** Web root, e.g. https://github.com */
  web: string;
}

function nodeId(kind: string, id: number): string {
  return Buffer.from(`${kind}:${id}`).toString('base64url');
}

export function userJson(user: FakeUser, urls: Urls) {
  const api = `${urls.api}/users/${encodeURIComponent(user.login)}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type, user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: user.type === 'Bot' ? `${urls.web}/apps/${user.login.replace(/\[bot\]$/, '')}` : `${urls.web}/${user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** `GET /user` for a user token (the public profile shape). */
export function authenticatedUserJson(user: FakeUser, urls: Urls) {
  return {
    ...userJson(user, urls),
    name: user.login,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 1,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: '2020-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  };
}

function repoApi(repo: RepoState, urls: Urls): string {
  return `${urls.api}/repos/${repo.owner}/${repo.name}`;
}

function repoWeb(repo: RepoState, urls: Urls): string {
  return `${urls.web}/${repo.owner}/${repo.name}`;
}

export function commentJson(repo: RepoState, comment: CommentRecord, urls: Urls) {
  const issue = repo.issues.find((i) => i.number === comment.issueNumber);
  const kind = issue?.isPullRequest ? 'pull' : 'issues';
  return {
    id: comment.id,
    node_id: nodeId('IssueComment', comment.id),
    url: `${repoApi(repo, urls)}/issues/comments/${comment.id}`,
    html_url: `${repoWeb(repo, urls)}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    body: comment.body,
    user: userJson(comment.user, urls),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${repoApi(repo, urls)}/issues/${comment.issueNumber}`,
    author_association: comment.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    performed_via_github_app: null,
  };
}

export function labelJson(repo: RepoState, label: LabelRecord, urls: Urls) {
  return {
    id: label.id,
    node_id: nodeId('Label', label.id),
    url: `${repoApi(repo, urls)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: false,
    description: label.description,
  };
}

export function issueJson(repo: RepoState, issue: IssueRecord, urls: Urls, users: (login: string) => FakeUser) {
  const api = `${repoApi(repo, urls)}/issues/${issue.number}`;
  const labels = issue.labels.map((name) => {
    const label = repo.labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
    return labelJson(repo, label ?? { id: 0, name, color: 'ededed', description: null }, urls);
  });
  const assignees = issue.assignees.map((login) => userJson(users(login), urls));
  return {
    id: issue.id,
    node_id: nodeId('Issue', issue.id),
    url: api,
    repository_url: repoApi(repo, urls),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: `${repoWeb(repo, urls)}/${issue.isPullRequest ? 'pull' : 'issues'}/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: userJson(issue.user, urls),
    labels,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: repo.comments.filter((c) => c.issueNumber === issue.number).length,
    ...(issue.isPullRequest
      ? {
          pull_request: {
            url: `${repoApi(repo, urls)}/pulls/${issue.number}`,
            html_url: `${repoWeb(repo, urls)}/pull/${issue.number}`,
            diff_url: `${repoWeb(repo, urls)}/pull/${issue.number}.diff`,
            patch_url: `${repoWeb(repo, urls)}/pull/${issue.number}.patch`,
            merged_at: null,
          },
        }
      : {}),
    closed_at: issue.closedAt,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    author_association: 'MEMBER',
  };
}

export function deploymentJson(repo: RepoState, d: DeploymentRecord, urls: Urls) {
  const api = `${repoApi(repo, urls)}/deployments/${d.id}`;
  return {
    url: api,
    id: d.id,
    node_id: nodeId('Deployment', d.id),
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.originalEnvironment,
    environment: d.environment,
    description: d.description,
    creator: userJson(d.creator, urls),
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    statuses_url: `${api}/statuses`,
    repository_url: repoApi(repo, urls),
    transient_environment: d.transient,
    production_environment: d.production,
    performed_via_github_app: null,
  };
}

export function deploymentStatusJson(repo: RepoState, d: DeploymentRecord, s: DeploymentStatusRecord, urls: Urls) {
  const deploymentUrl = `${repoApi(repo, urls)}/deployments/${d.id}`;
  return {
    url: `${deploymentUrl}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId('DeploymentStatus', s.id),
    state: s.state,
    creator: userJson(s.creator, urls),
    description: s.description,
    environment: s.environment,
    target_url: s.targetUrl,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    deployment_url: deploymentUrl,
    repository_url: repoApi(repo, urls),
    environment_url: s.environmentUrl,
    log_url: s.logUrl,
    performed_via_github_app: null,
  };
}
