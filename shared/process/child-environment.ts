/**
 * The environment a user's command gets: what a `run:` step would see, plus the given variables.
 *
 * The runner gives a JavaScript action more than it gives a `run:` step (actions/runner,
 * `NodeScriptActionHandler`): the action's inputs as `INPUT_*` (tokens, and the secrets passed
 * through `env`), the saved state of pre/post steps as `STATE_*`, the Actions runtime's
 * credentials (`ACTIONS_RUNTIME_TOKEN`, which can write caches and artifacts, and the OIDC
 * request token that can mint a cloud identity) and the service URLs that go with them, and the
 * action's own location (`GITHUB_ACTION_PATH`, `_REPOSITORY`, `_REF`). None of them reaches the
 * user's command.
 *
 * A `run:` step gets its own GITHUB_OUTPUT and GITHUB_STATE files; the command would get the
 * action's, and could forge the action's outputs (`model-sha256`, the verdict of a later check).
 * So those two are dropped as well. GITHUB_ENV and GITHUB_PATH stay (a run: step may set the
 * environment of later steps): which is why training runs in a job of its own, without write
 * tokens (workflows-templates/ml-release.yml).
 */

/** Exact names the runner sets only for an action's process. */
const RUNNER_INTERNAL_NAMES = new Set([
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_CACHE_SERVICE_V2',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'GITHUB_ACTION_PATH',
  'GITHUB_ACTION_REPOSITORY',
  'GITHUB_ACTION_REF',
  'GITHUB_OUTPUT',
  'GITHUB_STATE',
]);

/** Prefixes of names the runner sets only for an action's process (and future siblings). */
const RUNNER_INTERNAL_PREFIXES = ['INPUT_', 'STATE_', 'ACTIONS_RUNTIME_', 'ACTIONS_CACHE_', 'ACTIONS_RESULTS_', 'ACTIONS_ID_TOKEN_'];

/** Whether a variable is one the runner gives an action but never a `run:` step. */
export function isRunnerInternal(name: string): boolean {
  const upper = name.toUpperCase();
  return RUNNER_INTERNAL_NAMES.has(upper) || RUNNER_INTERNAL_PREFIXES.some((prefix) => upper.startsWith(prefix));
}

export function childEnvironment(extra: Record<string, string>, base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value === undefined || isRunnerInternal(name)) continue;
    env[name] = value;
  }
  return Object.assign(env, extra);
}
