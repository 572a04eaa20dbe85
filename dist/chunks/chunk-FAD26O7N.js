import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  describeRequestError,
  isConnectionFailure,
  statusOf,
  upsertStickyComment
} from "./chunk-7TELJOW4.js";
import {
  capComment,
  capSummary
} from "./chunk-D3INI452.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";

// shared/github/pull-request-report.ts
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
function parseCommentMode(value) {
  const mode = value.trim().toLowerCase();
  if (mode === "auto" || mode === "true" || mode === "false") return mode;
  throw new UserError(`input "comment" must be auto, true or false, not ${JSON.stringify(value)}`, {
    where: { key: "comment" },
    hint: "auto comments on pull_request and pull_request_target events; true always tries; false never comments"
  });
}
async function postReport(options) {
  const { host } = options;
  const summary = await writeSummary(host, options.markdown);
  if (options.comment === "false") return { summary, comment: { status: "skipped", reason: "comment is false" } };
  const github = await host.github(options.token);
  const eventName = github?.eventName ?? host.env("GITHUB_EVENT_NAME") ?? "";
  if (options.comment === "auto" && !PULL_REQUEST_EVENTS.has(eventName)) {
    return { summary, comment: { status: "skipped", reason: `not a pull request event (${eventName || "none"})` } };
  }
  if (!github) {
    return skippedWithWarning(host, summary, "there is no GitHub repository or token in this run (GITHUB_REPOSITORY or github-token is empty)");
  }
  const issueNumber = pullRequestNumber(github);
  if (issueNumber === void 0) {
    return skippedWithWarning(host, summary, `this run has no pull request to comment on (event ${eventName || "none"})`);
  }
  const comment = capComment(options.markdown, { fullReportNote: fullReportNote(github) });
  const truncated = comment !== options.markdown;
  try {
    const result = await upsertStickyComment({
      github,
      issueNumber,
      key: `${options.stage}:${options.model}`,
      body: comment,
      log: (m) => host.debug(m),
      author: options.author
    });
    host.info(`Report comment ${result.action}: ${result.url}`);
    return { summary, comment: { status: "posted", ...result, truncated } };
  } catch (error) {
    const reason = failureMessage(error, issueNumber, github);
    host.warning(reason);
    return { summary, comment: { status: "failed", reason } };
  }
}
async function writeSummary(host, markdown) {
  const capped = capSummary(markdown);
  const truncated = capped !== markdown;
  try {
    await host.appendSummary(capped);
    return { written: true, truncated };
  } catch (error) {
    host.warning(`Could not write the report to the job summary: ${messageOf(error)}`);
    return { written: false, truncated };
  }
}
function skippedWithWarning(host, summary, why) {
  const reason = `comment is true but ${why}; the report is in the job summary.`;
  host.warning(reason);
  return { summary, comment: { status: "skipped", reason } };
}
function pullRequestNumber(github) {
  if (github.pullRequest !== void 0) return github.pullRequest;
  const issue = github.event.issue;
  return issue?.pull_request && typeof issue.number === "number" ? issue.number : void 0;
}
function fullReportNote(github) {
  return github.runUrl ? `The full report is in the [job summary](${github.runUrl}) and the run's artifacts.` : "The full report is in the job summary and the run's artifacts.";
}
function failureMessage(error, issueNumber, github) {
  const status = statusOf(error);
  const said = messageOf(error);
  const where = `pull request #${issueNumber} in ${github.owner}/${github.repo}`;
  if (status === 403 && /secondary rate limit/i.test(said)) {
    return `Could not comment on ${where}: GitHub's secondary rate limit was still in force after retrying. The report is in the job summary; the comment will be updated on the next run.`;
  }
  if (status === 403) {
    const why = github.fromFork ? "this pull request comes from a fork, and its GITHUB_TOKEN is read-only" : "the github-token cannot write to pull requests";
    return `Could not comment on ${where}: ${why} (GitHub said: "${said}"). The report is in the job summary. ` + (github.fromFork ? "This is expected for fork pull requests; set `comment: false` to skip the attempt." : "Give the job `permissions: pull-requests: write`, or set `comment: false`.");
  }
  if (isConnectionFailure(error)) {
    return `Could not post the report comment on ${where}: ${describeRequestError(error)}. The report is in the job summary. Check that the runner can reach ${github.apiUrl}, then re-run the job to post the comment.`;
  }
  const what = status ? `GitHub answered HTTP ${status}: ${said}` : said;
  return `Could not post the report comment on ${where} (${what}). The report is in the job summary. ` + (status !== void 0 && status >= 500 ? "GitHub failed even after retries; re-run the job to post the comment." : "Check that github-token can read and write this repository's pull requests, or set `comment: false`.");
}
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

export {
  parseCommentMode,
  postReport
};
