/**
 * One issue per model for drift, found again by a hidden marker: the search reads every page
 * of the repository's issues (open and closed) labelled `model-drift`, and only considers
 * issues the token's own identity opened, so an issue quoting the marker is never taken over.
 * Opened (label created if missing) on the first drift, updated in place with a history
 * table on later runs (reopened if it had been closed), and closed with a comment when a run
 * finds no drift.
 */
import { capComment } from '../report/limits.js';
import { escapeCell, link, table } from '../report/markdown.js';
import type { GitHubContext } from './context.js';
import { resolveAuthor, statusOf, stickyMarker } from './sticky-comment.js';

export const DRIFT_LABEL = 'model-drift';
const LABEL_COLOR = 'd93f0b';
const MAX_HISTORY = 20;
const HISTORY_MARKER = /<!-- mlops-drift-history:([A-Za-z0-9+/=]*) -->/;

export interface DriftRun {
  date: string;
  rows: number;
  drifted: boolean;
  driftedColumns: string[];
  share: number;
  runUrl?: string;
}

export interface DriftIssueOptions {
  github: GitHubContext;
  model: string;
  run: DriftRun;
  /** The report of this run (Markdown, already escaped). */
  report: string;
  log: (message: string) => void;
  author?: string;
}

export type DriftIssueResult =
  | { action: 'opened' | 'updated' | 'reopened' | 'closed'; number: number; url: string }
  | { action: 'none'; reason: string };

interface FoundIssue {
  number: number;
  state: string;
  body?: string | null;
  html_url: string;
}

export function driftIssueMarker(model: string): string {
  return stickyMarker(`drift-issue:${model}`);
}

export async function syncDriftIssue(options: DriftIssueOptions): Promise<DriftIssueResult> {
  const { github, model, run, log } = options;
  const marker = driftIssueMarker(model);
  const author = options.author ?? (await resolveAuthor(github));
  const existing = await findIssue(github, marker, author);
  const history = [...(existing ? readHistory(existing.body ?? '') : []), run].slice(-MAX_HISTORY);
  const body = issueBody(marker, model, options.report, history);

  if (!run.drifted) {
    if (!existing || existing.state !== 'open') return { action: 'none', reason: 'no drift and no open drift issue' };
    await github.client.rest.issues.update({ owner: github.owner, repo: github.repo, issue_number: existing.number, body });
    await github.client.rest.issues.createComment({
      owner: github.owner,
      repo: github.repo,
      issue_number: existing.number,
      body: `No drift in the run of ${escapeCell(run.date)}${run.runUrl ? ` (${link('run', run.runUrl)})` : ''}: ${run.rows.toLocaleString('en-US')} rows, no column drifted. Closing.`,
      request: { retries: 0 },
    });
    const { data } = await github.client.rest.issues.update({ owner: github.owner, repo: github.repo, issue_number: existing.number, state: 'closed', state_reason: 'completed' });
    log(`Closed the drift issue ${data.html_url}`);
    return { action: 'closed', number: data.number, url: data.html_url };
  }

  if (existing) {
    const reopen = existing.state !== 'open';
    const { data } = await github.client.rest.issues.update({
      owner: github.owner,
      repo: github.repo,
      issue_number: existing.number,
      body,
      ...(reopen ? { state: 'open' as const } : {}),
    });
    log(`${reopen ? 'Reopened' : 'Updated'} the drift issue ${data.html_url}`);
    return { action: reopen ? 'reopened' : 'updated', number: data.number, url: data.html_url };
  }
  await ensureLabel(github);
  const { data } = await github.client.rest.issues.create({
    owner: github.owner,
    repo: github.repo,
    title: `Data drift: ${model}`,
    body,
    labels: [DRIFT_LABEL],
    request: { retries: 0 },
  });
  log(`Opened the drift issue ${data.html_url}`);
  return { action: 'opened', number: data.number, url: data.html_url };
}

/**
 * The newest issue by `author` carrying the marker, open ones first. With an installation token
 * the login is unknown (see resolveAuthor): then only issues opened by a bot account count, so a
 * person cannot plant the marker in an issue of their own.
 */
async function findIssue(github: GitHubContext, marker: string, author: string | undefined): Promise<FoundIssue | undefined> {
  const pages = github.client.paginate.iterator(github.client.rest.issues.listForRepo, {
    owner: github.owner,
    repo: github.repo,
    state: 'all',
    labels: DRIFT_LABEL,
    sort: 'created',
    direction: 'desc',
    per_page: 100,
  });
  let closed: FoundIssue | undefined;
  for await (const { data } of pages) {
    for (const issue of data) {
      if (issue.pull_request || !openedBy(issue.user, author) || !(issue.body ?? '').includes(marker)) continue;
      if (issue.state === 'open') return issue;
      closed ??= issue;
    }
  }
  return closed;
}

function openedBy(user: { login: string; type?: string } | null | undefined, author: string | undefined): boolean {
  if (author !== undefined) return user?.login.toLowerCase() === author.toLowerCase();
  return user?.type === 'Bot';
}

async function ensureLabel(github: GitHubContext): Promise<void> {
  try {
    await github.client.rest.issues.getLabel({ owner: github.owner, repo: github.repo, name: DRIFT_LABEL });
    return;
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
  try {
    await github.client.rest.issues.createLabel({ owner: github.owner, repo: github.repo, name: DRIFT_LABEL, color: LABEL_COLOR, description: 'Production data drifted from the training reference (mlops drift-check)' });
  } catch (error) {
    // Created meanwhile by a concurrent run: fine.
    if (statusOf(error) !== 422) throw error;
  }
}

export function readHistory(body: string): DriftRun[] {
  const match = HISTORY_MARKER.exec(body);
  if (!match) return [];
  try {
    const parsed: unknown = JSON.parse(Buffer.from(match[1]!, 'base64').toString('utf8'));
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((r): r is DriftRun => typeof r === 'object' && r !== null && typeof (r as DriftRun).date === 'string' && typeof (r as DriftRun).rows === 'number' && Array.isArray((r as DriftRun).driftedColumns)).map((r) => ({
      date: String(r.date),
      rows: Number(r.rows),
      drifted: Boolean(r.drifted),
      driftedColumns: r.driftedColumns.map(String),
      share: Number(r.share),
      runUrl: typeof r.runUrl === 'string' ? r.runUrl : undefined,
    }));
  } catch {
    return [];
  }
}

function issueBody(marker: string, model: string, report: string, history: DriftRun[]): string {
  const encoded = Buffer.from(JSON.stringify(history)).toString('base64');
  const rows = [...history].reverse().map((r) => [
    escapeCell(r.date),
    r.rows.toLocaleString('en-US'),
    r.drifted ? escapeCell(r.driftedColumns.join(', ') || '—') : 'none',
    r.share.toFixed(2),
    r.runUrl ? link('run', r.runUrl) : '—',
  ]);
  const head = [
    marker,
    `<!-- mlops-drift-history:${encoded} -->`,
    `Drift of model ${escapeCell(model)}, kept up to date by \`mlops drift-check\`: this issue is updated by each run that finds drift and closed by the first that finds none.`,
    '',
    '### History',
    '',
    table(['date', 'rows', 'drifted columns', 'share', 'run'], rows, ['l', 'r', 'l', 'r', 'l']),
    '',
    '### Latest report',
    '',
  ].join('\n');
  return head + capComment(report, { limit: 65_536 - 1024 - head.length });
}
