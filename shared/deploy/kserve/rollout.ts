/**
 * One version onto a KServe InferenceService with the same contract as the server target:
 *
 *   first deploy (no rolled-out revision): apply → wait Ready with 100 % → smoke test through
 *     status.url; a failure is reported (there is nothing to roll back to)
 *   update: apply with canaryTrafficPercent 0 → wait for the new revision (ready, its `latest`
 *     tag URL, 0 %) → smoke test through the tag URL before it gets any traffic → the shared
 *     canary state machine (shared/deploy/rollout.ts) drives canaryTrafficPercent step by step,
 *     judging each bake on both revisions' metrics → promoted, or rolled back (traffic.ts)
 *
 * A readiness deadline, a failed smoke test or cancellation (SIGTERM) rolls back and says why;
 * the last conditions KServe reported go into the reason.
 */
import type { OnnxModel } from '../../onnx/model.js';
import { UserError } from '../../errors/user-error.js';
import { Cancelled, runRollout, type RolloutPlan, type StepRecord } from '../rollout.js';
import { ServeClient } from '../serve-client.js';
import { smokeTest, type SmokeResult, type SmokeRows } from '../smoke.js';
import type { InferenceService, KserveClient } from './client.js';
import { pinnedManifest } from './manifest.js';
import { latestTraffic, readStatus, type IsvcStatus } from './status.js';
import { UnscrapedRevision, type PrometheusSeries } from './prometheus-series.js';
import { canaryAt, KserveTraffic, pinnedTo, servingNew } from './traffic.js';
import { applyAndWait, NotReady, uninterruptible, waitFor, type WaitHooks } from './wait.js';

export interface KserveRolloutInput {
  client: KserveClient;
  /** The new version's InferenceService (no canary field). */
  manifest: InferenceService;
  /** The InferenceService as it is now (undefined: none yet). */
  live: InferenceService | undefined;
  newId: string;
  previousId?: string;
  previousDigest?: string;
  previousStorageUri?: string;
  plan: Pick<RolloutPlan, 'steps' | 'bakeSeconds' | 'holdFactor' | 'thresholds'>;
  smoke?: { model: OnnxModel; rows: SmokeRows };
  hooks: WaitHooks;
  /** The servingForm() of the live object, re-applied if a promoted version must be rolled back. */
  previousManifest?: InferenceService;
  /** Where the analysis reads the revisions' series (deploy.kserve.prometheus); default: each revision's /metrics. */
  prometheus?: PrometheusSeries;
}

export interface KserveRolloutResult {
  outcome: 'deployed' | 'rolled_back' | 'failed';
  reason?: string;
  steps: StepRecord[];
  smoke?: SmokeResult;
  status?: IsvcStatus;
  revision?: string;
  previousRevision?: string;
}

export async function runKserveRollout(input: KserveRolloutInput): Promise<KserveRolloutResult> {
  const stable = input.live ? readStatus(input.live).latestRolledoutRevision : undefined;
  if (!input.live || !stable || !input.previousManifest) return firstDeploy(input);
  return update(input, stable, input.previousManifest);
}

async function firstDeploy(input: KserveRolloutInput): Promise<KserveRolloutResult> {
  const name = input.manifest.metadata!.name!;
  let status: IsvcStatus;
  try {
    const applied = await input.client.apply(input.manifest);
    const generation = typeof applied.metadata?.generation === 'number' ? applied.metadata.generation : 0;
    // A spec change (a new generation) makes KServe create a revision: wait for that one, not the one before it.
    const before = input.live && generation > readStatus(input.live).generation ? readStatus(input.live).latestCreatedRevision : undefined;
    status = await waitFor(input.client, name, generation, servingNew([before]), `InferenceService ${name}`, input.hooks);
  } catch (error) {
    if (error instanceof NotReady || error instanceof Cancelled) return { outcome: 'failed', reason: `${error.message} (first deploy: no earlier revision to roll back to)`, steps: [], status: error instanceof NotReady ? error.last : undefined };
    throw error;
  }
  const revision = status.latestReadyRevision;
  if (input.smoke) {
    try {
      const smoke = await smokeTest(new ServeClient(status.url!, undefined), name, undefined, input.smoke.model, input.smoke.rows);
      input.hooks.log(`smoke test passed through ${status.url}: ${smoke.rows} rows, outputs ${smoke.outputs.join(', ')}, max |difference| ${smoke.max_abs_difference.toExponential(2)}`);
      return { outcome: 'deployed', steps: [], smoke, status, revision };
    } catch (error) {
      if (error instanceof UserError) return { outcome: 'failed', reason: `${error.message} (first deploy: ${revision} serves; nothing earlier to roll back to)`, steps: [], status, revision };
      throw error;
    }
  }
  return { outcome: 'deployed', steps: [], status, revision };
}

async function update(input: KserveRolloutInput, stable: string, previousManifest: InferenceService): Promise<KserveRolloutResult> {
  const name = input.manifest.metadata!.name!;
  const { client, hooks } = input;
  const serving = { version: input.previousId, digest: input.previousDigest, storageUri: input.previousStorageUri };
  const pin = async (reason: string, steps: StepRecord[] = [], smoke?: SmokeResult, canary?: string): Promise<KserveRolloutResult> => {
    hooks.log(`rolling back: ${reason}`);
    const status = await applyAndWait(client, pinnedManifest(input.manifest, serving), pinnedTo(stable), `roll back: all traffic to ${stable}`, uninterruptible(hooks));
    hooks.log(`rolled back: ${stable} 100 %`);
    return { outcome: 'rolled_back', reason, steps, smoke, status, revision: canary, previousRevision: stable };
  };

  // 1. The new revision beside the stable one, with no traffic.
  let status: IsvcStatus;
  try {
    status = await applyAndWait(client, pinnedManifest(input.manifest, serving), canaryAt(stable, 0), `new revision of ${name} beside ${stable}`, hooks);
  } catch (error) {
    if (error instanceof NotReady) return pin(error.message);
    if (error instanceof Cancelled) return pin(`the deploy was ${error.message}`);
    throw error;
  }
  const canaryRevision = status.latestCreatedRevision!;
  const canaryUrl = latestTraffic(status)!.url!;
  const stableUrl = status.traffic.find((t) => t.revisionName === stable)?.url;
  if (!stableUrl) return pin(`KServe reports no tag URL for ${stable}; the canary cannot be judged without it (is serving.kserve.io/enable-tag-routing removed by an override?)`, [], undefined, canaryRevision);

  // 2. Smoke test through the new revision's own URL.
  let smoke: SmokeResult | undefined;
  if (input.smoke) {
    try {
      smoke = await smokeTest(new ServeClient(canaryUrl, undefined), name, undefined, input.smoke.model, input.smoke.rows);
      hooks.log(`smoke test passed through ${canaryUrl}: ${smoke.rows} rows, outputs ${smoke.outputs.join(', ')}, max |difference| ${smoke.max_abs_difference.toExponential(2)}`);
    } catch (error) {
      if (error instanceof UserError) return pin(error.message, [], undefined, canaryRevision);
      throw error;
    }
  }

  // 3. Steps, judged on both revisions' metrics.
  const canaryId = input.newId === input.previousId ? `${input.newId}@${canaryRevision}` : input.newId;
  const stableId = input.previousId ?? stable;
  const traffic = new KserveTraffic(client, input.manifest, previousManifest, serving, { canaryId, stableId, canaryRevision, stableRevision: stable, canaryUrl, stableUrl }, name, hooks, input.prometheus);
  // The steps judged before a step's traffic change timed out still go into the record.
  const judged: StepRecord[] = [];
  try {
    const result = await runRollout(traffic, { model: name, canary: canaryId, stable: stableId, ...input.plan }, { log: hooks.log, sleep: hooks.sleep, now: hooks.now }, judged);
    const base = { steps: result.steps, smoke, status: traffic.last, revision: canaryRevision, previousRevision: stable };
    if (!result.promoted) return { ...base, outcome: 'rolled_back', reason: result.reason };
    return { ...base, outcome: 'deployed' };
  } catch (error) {
    // runRollout has already tried to roll back before rethrowing.
    if (error instanceof NotReady) return { outcome: 'rolled_back', reason: error.message, steps: judged, smoke, status: error.last, revision: canaryRevision, previousRevision: stable };
    if (error instanceof UnscrapedRevision) return { outcome: 'rolled_back', reason: error.message, steps: judged, smoke, status: traffic.last, revision: canaryRevision, previousRevision: stable };
    throw error;
  }
}
