/**
 * What the fake GitHub remembers: repositories with their issues (pull requests are issues
 * with a flag, as in GitHub's API), comments, labels, deployments and workflow dispatches.
 * Ids come from one counter and timestamps from a logical clock, so runs are deterministic.
 */
import { createHash } from 'node:crypto';

export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

export interface FakeUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export interface CommentRecord {
  id: number;
  issueNumber: number;
  body: string;
  user: FakeUser;
  createdAt: string;
  updatedAt: string;
}

export interface IssueRecord {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  assignees: string[];
  user: FakeUser;
  isPullRequest: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface DeploymentStatusRecord {
  id: number;
  state: string;
  description: string;
  environment: string;
  targetUrl: string;
  logUrl: string;
  environmentUrl: string;
  creator: FakeUser;
  createdAt: string;
  updatedAt: string;
}

export interface DeploymentRecord {
  id: number;
  ref: string;
  sha: string;
  task: string;
  payload: Record<string, unknown> | string;
  environment: string;
  originalEnvironment: string;
  description: string | null;
  transient: boolean;
  production: boolean;
  creator: FakeUser;
  createdAt: string;
  updatedAt: string;
  statuses: DeploymentStatusRecord[];
}

export interface DispatchRecord {
  workflowId: string;
  ref: string;
  inputs: Record<string, unknown>;
  actor: string;
  /** The id of the run the dispatch would start (returned with `return_run_details`). */
  runId: number;
}

export interface RepoState {
  id: number;
  owner: string;
  name: string;
  fullName: string;
  defaultBranch: string;
  issues: IssueRecord[];
  comments: CommentRecord[];
  labels: LabelRecord[];
  deployments: DeploymentRecord[];
  dispatches: DispatchRecord[];
}

export interface NewIssue {
  title: string;
  body?: string | null;
  labels?: string[];
  assignees?: string[];
  author?: string;
  state?: 'open' | 'closed';
}

export class FakeState {
  readonly repos = new Map<string, RepoState>();
  private readonly users = new Map<string, FakeUser>();
  private lastId = 1000;
  private clock = Date.parse('2026-01-01T00:00:00Z');

  nextId(): number {
    return ++this.lastId;
  }

  /** An ISO timestamp one second after the previous one. */
  now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace(/\.000Z$/, 'Z');
  }

  user(login: string): FakeUser {
    let user = this.users.get(login.toLowerCase());
    if (!user) {
      const bot = login.endsWith('[bot]');
      user = { login, id: login === ACTIONS_BOT_LOGIN ? 41898282 : this.nextId(), type: bot ? 'Bot' : 'User' };
      this.users.set(login.toLowerCase(), user);
    }
    return user;
  }

  addRepo(fullName: string, options: { defaultBranch?: string } = {}): RepoState {
    const [owner, name, extra] = fullName.split('/');
    if (!owner || !name || extra !== undefined) throw new Error(`fake GitHub: repository must be "owner/name", got "${fullName}"`);
    const repo: RepoState = {
      id: this.nextId(),
      owner,
      name,
      fullName,
      defaultBranch: options.defaultBranch ?? 'main',
      issues: [],
      comments: [],
      labels: [],
      deployments: [],
      dispatches: [],
    };
    this.repos.set(fullName.toLowerCase(), repo);
    return repo;
  }

  findRepo(owner: string, name: string): RepoState | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  repo(fullName: string): RepoState {
    const repo = this.repos.get(fullName.toLowerCase());
    if (!repo) throw new Error(`fake GitHub: no repository "${fullName}" (add it with state.addRepo)`);
    return repo;
  }

  addIssue(fullName: string, issue: NewIssue, isPullRequest = false): IssueRecord {
    const repo = this.repo(fullName);
    const at = this.now();
    for (const name of issue.labels ?? []) this.ensureLabel(repo, name);
    const record: IssueRecord = {
      id: this.nextId(),
      number: repo.issues.length + 1,
      title: issue.title,
      body: issue.body ?? null,
      state: issue.state ?? 'open',
      stateReason: issue.state === 'closed' ? 'completed' : null,
      labels: [...(issue.labels ?? [])],
      assignees: [...(issue.assignees ?? [])],
      user: this.user(issue.author ?? 'octocat'),
      isPullRequest,
      createdAt: at,
      updatedAt: at,
      closedAt: issue.state === 'closed' ? at : null,
    };
    repo.issues.push(record);
    return record;
  }

  addPullRequest(fullName: string, pr: Partial<NewIssue> = {}): IssueRecord {
    return this.addIssue(fullName, { title: 'A pull request', ...pr }, true);
  }

  issue(fullName: string, number: number): IssueRecord | undefined {
    return this.repo(fullName).issues.find((i) => i.number === number);
  }

  addComment(fullName: string, issueNumber: number, comment: { body: string; author: string }): CommentRecord {
    const repo = this.repo(fullName);
    if (!repo.issues.some((i) => i.number === issueNumber)) {
      throw new Error(`fake GitHub: ${fullName} has no issue #${issueNumber}`);
    }
    const at = this.now();
    const record: CommentRecord = {
      id: this.nextId(),
      issueNumber,
      body: comment.body,
      user: this.user(comment.author),
      createdAt: at,
      updatedAt: at,
    };
    repo.comments.push(record);
    return record;
  }

  /** Comments on one issue or pull request, oldest first. */
  comments(fullName: string, issueNumber: number): CommentRecord[] {
    return this.repo(fullName).comments.filter((c) => c.issueNumber === issueNumber);
  }

  ensureLabel(repo: RepoState, name: string, color = 'ededed', description: string | null = null): LabelRecord {
    const existing = repo.labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
    if (existing) return existing;
    const label: LabelRecord = { id: this.nextId(), name, color, description };
    repo.labels.push(label);
    return label;
  }

  /** A stable 40-hex commit for a ref name (a ref that already is a SHA is kept). */
  static shaFor(ref: string): string {
    return /^[0-9a-f]{40}$/i.test(ref) ? ref.toLowerCase() : createHash('sha1').update(ref).digest('hex');
  }
}
