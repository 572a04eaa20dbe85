import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);

// shared/github/request-error.ts
function isConnectionFailure(error) {
  if (!error || typeof error !== "object") return false;
  const { status, response } = error;
  return status === 500 && response === void 0 && error.name === "HttpError";
}
function describeRequestError(error) {
  const message = error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error);
  if (isConnectionFailure(error)) return `no answer from the GitHub API (${message}): a connection failure, not an HTTP status`;
  const status = error?.status;
  return typeof status === "number" ? `HTTP ${status}: ${message}` : message;
}

// shared/github/sticky-comment.ts
var MAX_KEY_LENGTH = 200;
var learntAuthors = /* @__PURE__ */ new WeakMap();
var CREATE_ATTEMPTS = 3;
function stickyMarker(key) {
  const safe = key.replace(/[^A-Za-z0-9._:/@+-]/g, "_").replace(/-{2,}/g, "-").slice(0, MAX_KEY_LENGTH);
  if (!/[A-Za-z0-9]/.test(safe)) throw new Error(`sticky comment key ${JSON.stringify(key)} has no letters or digits`);
  return `<!-- mlops-actions:${safe} -->`;
}
async function upsertStickyComment(options) {
  const { github, issueNumber, log } = options;
  const marker = stickyMarker(options.key);
  const body = `${marker}
${options.body}`;
  const author = options.author ?? learntAuthors.get(github.client) ?? await resolveAuthor(github);
  const existing = await findComment(github, issueNumber, marker, author);
  if (existing) {
    try {
      return await updateIfChanged(github, existing, body, log);
    } catch (error) {
      if (author !== void 0 || statusOf(error) !== 403) throw error;
      log(`Comment ${existing.html_url} carries the marker but is not this token's (${describe(error)}); creating a new one.`);
    }
  }
  const delay = options.createRetryDelayMs ?? 1e3;
  for (let attempt = 1; ; attempt++) {
    try {
      const { data } = await github.client.rest.issues.createComment({
        owner: github.owner,
        repo: github.repo,
        issue_number: issueNumber,
        body,
        request: { retries: 0 }
      });
      log(`Created comment ${data.html_url}`);
      if (data.user?.login) learntAuthors.set(github.client, data.user.login);
      return { action: "created", id: Number(data.id), url: data.html_url };
    } catch (error) {
      if (!mayHaveBeenWritten(error) || attempt >= CREATE_ATTEMPTS) throw error;
      log(`Creating the comment failed (${describe(error)}); checking whether it was created anyway.`);
      const written = await findComment(github, issueNumber, marker, author);
      if (written) return { ...await updateIfChanged(github, written, body, log), action: "created" };
      await new Promise((resolve) => setTimeout(resolve, delay * attempt));
    }
  }
}
async function resolveAuthor(github) {
  try {
    const { data } = await github.client.rest.users.getAuthenticated();
    return data.login;
  } catch (error) {
    if (statusOf(error) === 403) return void 0;
    throw error;
  }
}
function writtenBy(comment, author) {
  if (author !== void 0) return comment.user?.login.toLowerCase() === author.toLowerCase();
  return comment.user?.type === "Bot";
}
async function findComment(github, issueNumber, marker, author) {
  const pages = github.client.paginate.iterator(github.client.rest.issues.listComments, {
    owner: github.owner,
    repo: github.repo,
    issue_number: issueNumber,
    per_page: 100
  });
  for await (const { data } of pages) {
    const found = data.find(
      (c) => writtenBy(c, author) && (c.body ?? "").includes(marker)
    );
    if (found) return found;
  }
  return void 0;
}
async function updateIfChanged(github, comment, body, log) {
  if (normalise(comment.body ?? "") === normalise(body)) {
    log(`Comment ${comment.html_url} is up to date.`);
    return { action: "unchanged", id: Number(comment.id), url: comment.html_url };
  }
  const { data } = await github.client.rest.issues.updateComment({
    owner: github.owner,
    repo: github.repo,
    comment_id: comment.id,
    body
  });
  log(`Updated comment ${data.html_url}`);
  return { action: "updated", id: Number(data.id), url: data.html_url };
}
function normalise(body) {
  return body.replace(/\r\n/g, "\n").trimEnd();
}
function mayHaveBeenWritten(error) {
  const status = statusOf(error);
  return status === void 0 || status >= 500;
}
function statusOf(error) {
  const status = error?.status;
  return typeof status === "number" ? status : void 0;
}
function describe(error) {
  return describeRequestError(error);
}

export {
  isConnectionFailure,
  describeRequestError,
  stickyMarker,
  upsertStickyComment,
  resolveAuthor,
  statusOf
};
