/** Where a stage runs, for the record's lineage: from the runner's variables, else from git. */
import type { Host } from '../host/host.js';
import type { RunContext } from './sections/common.js';
import { childProcess } from '../node/builtins.js';

export function runContext(host: Host, stage: string, now = new Date()): RunContext {
  const repository = host.env('GITHUB_REPOSITORY');
  const server = host.env('GITHUB_SERVER_URL') ?? 'https://github.com';
  const runId = host.env('GITHUB_RUN_ID');
  const context: RunContext = {
    stage,
    at: now.toISOString(),
    commit: host.env('GITHUB_SHA') ?? localCommit(host.cwd),
    ref: host.env('GITHUB_REF'),
    repository,
    run_url: repository && runId ? `${server}/${repository}/actions/runs/${runId}` : undefined,
    actor: host.env('GITHUB_ACTOR') ?? host.env('USER'),
    event: host.env('GITHUB_EVENT_NAME'),
  };
  return Object.fromEntries(Object.entries(context).filter(([, v]) => v !== undefined)) as RunContext;
}

function localCommit(cwd: string): string | undefined {
  try {
    // No shell: arguments are passed as an array.
    return childProcess().execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}
