/**
 * One comment per stage and model on an issue or pull request, found again by a hidden
 * marker and updated in place. The search reads every page of comments (not just the first)
 * and only considers comments written by the token's own identity, so a marker quoted by
 * someone else is never overwritten.
 *
 * The identity: a user token answers `GET /user`. An installation token (the Actions
 * GITHUB_TOKEN, or a GitHub App's) answers 403 there, and `GET /app` accepts only the app's JWT,
 * so its login cannot be asked; it is learnt from the comment it creates (`user.login`) and kept
 * for the client's lifetime. Until then only comments by bots (an app installed on the
 * repository) are candidates, and one that turns out not to be ours (403 on update) is left
 * alone and a new comment is created.
 */
import { describeRequestError } from './request-error.js';
import type { GitHubContext } from './context.js';

export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';
const MAX_KEY_LENGTH = 200;

export interface StickyCommentOptions {
  github: GitHubContext;
  issueNumber: number;
  /** Stage and model, e.g. `model-card:churn-classifier`. */
  key: string;
  body: string;
  log: (message: string) => void;
  /** Login the comment is written as; resolved from the token when omitted. */
  author?: string;
  /** Pause before creating again after a 5xx on create (tests pass 0). */
  createRetryDelayMs?: number;
}

export interface StickyCommentResult {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
  url: string;
}

interface Comment {
  id: number | bigint;
  body?: string | null;
  html_url: string;
  user?: { login: string; type?: string } | null;
}

/** Logins learnt from the comments each client created (installation tokens cannot ask). */
const learntAuthors = new WeakMap<object, string>();

const CREATE_ATTEMPTS = 3;

/** The hidden marker for a key; characters that could end the HTML comment are replaced. */
export function stickyMarker(key: string): string {
  const safe = key
    .replace(/[^A-Za-z0-9._:/@+-]/g, '_')
    .replace(/-{2,}/g, '-')
    .slice(0, MAX_KEY_LENGTH);
  if (!/[A-Za-z0-9]/.test(safe)) throw new Error(`sticky comment key ${JSON.stringify(key)} has no letters or digits`);
  return `<!-- mlops-actions:${safe} -->`;
}

export async function upsertStickyComment(options: StickyCommentOptions): Promise<StickyCommentResult> {
  const { github, issueNumber, log } = options;
  const marker = stickyMarker(options.key);
  const body = `${marker}\n${options.body}`;
  const author = options.author ?? learntAuthors.get(github.client) ?? (await resolveAuthor(github));

  const existing = await findComment(github, issueNumber, marker, author);
  if (existing) {
    try {
      return await updateIfChanged(github, existing, body, log);
    } catch (error) {
      // A bot's comment chosen without knowing our login, and not ours after all: leave it.
      if (author !== undefined || statusOf(error) !== 403) throw error;
      log(`Comment ${existing.html_url} carries the marker but is not this token's (${describe(error)}); creating a new one.`);
    }
  }

  const delay = options.createRetryDelayMs ?? 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      // No automatic retry: a create that succeeded but answered 5xx would be duplicated.
      const { data } = await github.client.rest.issues.createComment({
        owner: github.owner,
        repo: github.repo,
        issue_number: issueNumber,
        body,
        request: { retries: 0 },
      });
      log(`Created comment ${data.html_url}`);
      if (data.user?.login) learntAuthors.set(github.client, data.user.login);
      return { action: 'created', id: Number(data.id), url: data.html_url };
    } catch (error) {
      if (!mayHaveBeenWritten(error) || attempt >= CREATE_ATTEMPTS) throw error;
      log(`Creating the comment failed (${describe(error)}); checking whether it was created anyway.`);
      const written = await findComment(github, issueNumber, marker, author);
      if (written) return { ...(await updateIfChanged(github, written, body, log)), action: 'created' };
      await new Promise((resolve) => setTimeout(resolve, delay * attempt));
    }
  }
}

/**
 * The login comments by this token appear under, or undefined for an installation token (the
 * Actions GITHUB_TOKEN, a GitHub App's): `GET /user` answers 403 for those, and which app the
 * token belongs to cannot be asked (`GET /app` needs the app's JWT).
 */
export async function resolveAuthor(github: GitHubContext): Promise<string | undefined> {
  try {
    const { data } = await github.client.rest.users.getAuthenticated();
    return data.login;
  } catch (error) {
    if (statusOf(error) === 403) return undefined;
    throw error;
  }
}

/** Whether a comment is by `author`, or by a bot when the author is not known yet. */
function writtenBy(comment: Comment, author: string | undefined): boolean {
  if (author !== undefined) return comment.user?.login.toLowerCase() === author.toLowerCase();
  return comment.user?.type === 'Bot';
}

/** The oldest comment by `author` carrying `marker`, reading pages until it is found. */
async function findComment(github: GitHubContext, issueNumber: number, marker: string, author: string | undefined): Promise<Comment | undefined> {
  const pages = github.client.paginate.iterator(github.client.rest.issues.listComments, {
    owner: github.owner,
    repo: github.repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  for await (const { data } of pages) {
    const found = data.find(
      (c) => writtenBy(c, author) && (c.body ?? '').includes(marker),
    );
    if (found) return found;
  }
  return undefined;
}

async function updateIfChanged(
  github: GitHubContext,
  comment: Comment,
  body: string,
  log: (message: string) => void,
): Promise<StickyCommentResult> {
  if (normalise(comment.body ?? '') === normalise(body)) {
    log(`Comment ${comment.html_url} is up to date.`);
    return { action: 'unchanged', id: Number(comment.id), url: comment.html_url };
  }
  const { data } = await github.client.rest.issues.updateComment({
    owner: github.owner,
    repo: github.repo,
    comment_id: comment.id,
    body,
  });
  log(`Updated comment ${data.html_url}`);
  return { action: 'updated', id: Number(data.id), url: data.html_url };
}

// GitHub may store CRLF line endings for a body sent with LF.
function normalise(body: string): string {
  return body.replace(/\r\n/g, '\n').trimEnd();
}

/** A 5xx, or no HTTP answer at all: the server may have applied the write. */
function mayHaveBeenWritten(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined || status >= 500;
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

function describe(error: unknown): string {
  return describeRequestError(error);
}
