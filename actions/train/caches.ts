/** Restoring and saving the training caches through the host; a cache problem never fails the step. */
import type { Host } from '../../shared/host/host.js';
import { saveKey, type CachePlan } from '../../shared/train/cache-plan.js';

export async function restoreTrainingCache(host: Host, plan: CachePlan): Promise<string | undefined> {
  try {
    const matched = await host.restoreCache(plan.paths, plan.key, plan.restoreKeys);
    host.info(matched ? `cache restored from key ${matched}${matched === plan.key ? '' : ' (partial, from an earlier attempt)'}` : `no cache for key ${plan.key}`);
    return matched;
  } catch (error) {
    host.warning(`cache not restored: ${(error as Error).message}`);
    return undefined;
  }
}

export async function saveTrainingCache(host: Host, plan: CachePlan, succeeded: boolean, restoredKey: string | undefined): Promise<void> {
  const key = saveKey(plan, succeeded, restoredKey, (name) => host.env(name));
  if (!key) {
    host.info(`cache unchanged (restored from ${plan.key}): not saved again`);
    return;
  }
  try {
    host.info(`saving cache ${key} (${plan.paths.join(', ')})`);
    await host.saveCache(plan.paths, key);
  } catch (error) {
    host.warning(`cache ${key} not saved: ${(error as Error).message}`);
  }
}
