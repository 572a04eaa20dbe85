/**
 * The environment a user's command gets: what a `run:` step would see (this process's
 * environment, without the action's own INPUT_* variables, which may hold tokens and the
 * secrets from `env`), plus the given variables.
 */
export function childEnvironment(extra: Record<string, string>, base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value === undefined || name.startsWith('INPUT_')) continue;
    env[name] = value;
  }
  return Object.assign(env, extra);
}
