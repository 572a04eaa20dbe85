/**
 * Whether a run acts for code its repository's maintainers did not write: a pull request from a
 * fork, a `workflow_run` triggered by one, a comment on a pull request (whose head the job may
 * check out), or an event whose payload cannot be read (then nothing is known, so nothing is
 * trusted). Decided from the runner's event payload file (GITHUB_EVENT_PATH) only.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import '../zod/setup.js';

const Repo = z.optional(z.nullable(z.looseObject({ full_name: z.string() })));
const EventPayload = z.looseObject({
  repository: Repo,
  pull_request: z.optional(z.looseObject({ head: z.optional(z.looseObject({ repo: Repo })), base: z.optional(z.looseObject({ repo: Repo })) })),
  workflow_run: z.optional(z.looseObject({ event: z.optional(z.string()), head_repository: Repo })),
  issue: z.optional(z.looseObject({ pull_request: z.optional(z.unknown()) })),
});

/** Events whose payload carries a pull request whose head may come from a fork. */
export const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment'];

/** Event payloads are a few KiB; a larger file is not read. */
const MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;

export interface ForkCheck {
  event: string;
  /** The fork's repository (or a description of why it counts as one) when the run acts for outside code. */
  fork?: string;
  base?: string;
  /** Why the payload tells nothing (unreadable, empty, missing what the event needs). */
  unknown?: string;
}

type Payload = z.infer<typeof EventPayload>;

function readPayload(path: string | undefined, insideActions: boolean): { payload: Payload } | { unknown: string } {
  if (!path) return insideActions ? { unknown: 'GITHUB_EVENT_PATH is not set' } : { payload: {} };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { unknown: 'the event payload file cannot be read' };
  }
  if (text.length > MAX_PAYLOAD_BYTES) return { unknown: 'the event payload file is too large' };
  if (!text.trim()) return { unknown: 'the event payload file is empty' };
  try {
    const parsed = EventPayload.safeParse(JSON.parse(text));
    return parsed.success ? { payload: parsed.data } : { unknown: 'the event payload does not have the shape GitHub sends' };
  } catch {
    return { unknown: 'the event payload is not JSON' };
  }
}

export function detectForkEvent(env: (name: string) => string | undefined): ForkCheck {
  const event = env('GITHUB_EVENT_NAME') ?? '';
  const read = readPayload(env('GITHUB_EVENT_PATH'), env('GITHUB_ACTIONS') === 'true');
  if ('unknown' in read) return { event, unknown: read.unknown };
  const { payload } = read;
  const base = payload.repository?.full_name;
  if (PULL_REQUEST_EVENTS.includes(event)) {
    if (!payload.pull_request) return { event, unknown: `the ${event} payload has no pull_request` };
    const head = payload.pull_request.head?.repo;
    const prBase = payload.pull_request.base?.repo?.full_name ?? base;
    // A deleted fork has head.repo null: still a fork.
    if (head === null || head === undefined) return { event, fork: '(deleted fork)', ...(prBase ? { base: prBase } : {}) };
    if (!prBase) return { event, unknown: `the ${event} payload names no base repository` };
    if (head.full_name !== prBase) return { event, fork: head.full_name, base: prBase };
    return { event };
  }
  if (event === 'workflow_run') {
    if (!payload.workflow_run) return { event, unknown: 'the workflow_run payload has no workflow_run' };
    const head = payload.workflow_run.head_repository?.full_name;
    // A null head_repository (a deleted fork, or one GitHub does not disclose) is not ours.
    if (!head) return { event, fork: '(unknown head repository)', ...(base ? { base } : {}) };
    if (!base) return { event, unknown: 'the workflow_run payload names no repository' };
    if (head !== base) return { event, fork: head, base };
    return { event };
  }
  if (event === 'issue_comment' && payload.issue?.pull_request !== undefined && payload.issue.pull_request !== null) {
    // The payload does not say where the pull request's head lives; anyone may comment.
    return { event, fork: '(a pull request commented on: its head may be a fork)', ...(base ? { base } : {}) };
  }
  return { event };
}
