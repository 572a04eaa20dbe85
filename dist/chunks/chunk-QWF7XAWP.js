import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  looseObject,
  nullable,
  optional,
  string,
  unknown
} from "./chunk-A3VPNE7V.js";

// shared/github/fork-event.ts
import { readFileSync } from "node:fs";
var Repo = optional(nullable(looseObject({ full_name: string() })));
var EventPayload = looseObject({
  repository: Repo,
  pull_request: optional(looseObject({ head: optional(looseObject({ repo: Repo })), base: optional(looseObject({ repo: Repo })) })),
  workflow_run: optional(looseObject({ event: optional(string()), head_repository: Repo })),
  issue: optional(looseObject({ pull_request: optional(unknown()) }))
});
var PULL_REQUEST_EVENTS = ["pull_request", "pull_request_target", "pull_request_review", "pull_request_review_comment"];
var MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;
function readPayload(path, insideActions) {
  if (!path) return insideActions ? { unknown: "GITHUB_EVENT_PATH is not set" } : { payload: {} };
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return { unknown: "the event payload file cannot be read" };
  }
  if (text.length > MAX_PAYLOAD_BYTES) return { unknown: "the event payload file is too large" };
  if (!text.trim()) return { unknown: "the event payload file is empty" };
  try {
    const parsed = EventPayload.safeParse(JSON.parse(text));
    return parsed.success ? { payload: parsed.data } : { unknown: "the event payload does not have the shape GitHub sends" };
  } catch {
    return { unknown: "the event payload is not JSON" };
  }
}
function detectForkEvent(env) {
  const event = env("GITHUB_EVENT_NAME") ?? "";
  const read = readPayload(env("GITHUB_EVENT_PATH"), env("GITHUB_ACTIONS") === "true");
  if ("unknown" in read) return { event, unknown: read.unknown };
  const { payload } = read;
  const base = payload.repository?.full_name;
  if (PULL_REQUEST_EVENTS.includes(event)) {
    if (!payload.pull_request) return { event, unknown: `the ${event} payload has no pull_request` };
    const head = payload.pull_request.head?.repo;
    const prBase = payload.pull_request.base?.repo?.full_name ?? base;
    if (head === null || head === void 0) return { event, fork: "(deleted fork)", ...prBase ? { base: prBase } : {} };
    if (!prBase) return { event, unknown: `the ${event} payload names no base repository` };
    if (head.full_name !== prBase) return { event, fork: head.full_name, base: prBase };
    return { event };
  }
  if (event === "workflow_run") {
    if (!payload.workflow_run) return { event, unknown: "the workflow_run payload has no workflow_run" };
    const head = payload.workflow_run.head_repository?.full_name;
    if (!head) return { event, fork: "(unknown head repository)", ...base ? { base } : {} };
    if (!base) return { event, unknown: "the workflow_run payload names no repository" };
    if (head !== base) return { event, fork: head, base };
    return { event };
  }
  if (event === "issue_comment" && payload.issue?.pull_request !== void 0 && payload.issue.pull_request !== null) {
    return { event, fork: "(a pull request commented on: its head may be a fork)", ...base ? { base } : {} };
  }
  return { event };
}

export {
  detectForkEvent
};
