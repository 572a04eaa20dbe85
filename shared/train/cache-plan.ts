/**
 * Cache keys for training caches (datasets, pip caches, checkpoints). Caches are immutable
 * once saved, so:
 * - restore the exact key first, then the newest `<key>-…` (a partial save from an earlier
 *   attempt that failed, timed out or was cancelled, so a rerun resumes from its checkpoints);
 * - after a successful run, save under the exact key unless it was restored exactly
 *   (unchanged, as actions/cache does);
 * - after an unsuccessful run, save under `<key>-<run id>-<attempt>`, which the next attempt
 *   restores by prefix.
 */
import { crypto } from '../node/builtins.js';

export interface CachePlan {
  paths: string[];
  key: string;
  restoreKeys: string[];
}

export function planCache(paths: string[], key: string | undefined, env: (name: string) => string | undefined): CachePlan | undefined {
  if (!paths.length) return undefined;
  const base = key ?? `mlops-train-${env('RUNNER_OS') ?? process.platform}-${crypto().createHash('sha256').update(paths.join('\n')).digest('hex').slice(0, 16)}`;
  return { paths, key: base, restoreKeys: [`${base}-`] };
}

/** The key to save under, or undefined when nothing should be saved. */
export function saveKey(plan: CachePlan, succeeded: boolean, restoredKey: string | undefined, env: (name: string) => string | undefined): string | undefined {
  if (succeeded) return restoredKey === plan.key ? undefined : plan.key;
  const runId = env('GITHUB_RUN_ID') ?? 'local';
  const attempt = env('GITHUB_RUN_ATTEMPT') ?? '1';
  return `${plan.key}-${runId}-${attempt}`;
}
