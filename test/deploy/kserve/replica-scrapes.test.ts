/**
 * Without deploy.kserve.prometheus the analysis scrapes each revision's /metrics through its URL,
 * which balances over the revision's pods: two scrapes that reach different replicas are refused
 * (their counters cannot be differenced), not judged. Real `mlops serve` processes as the pods,
 * behind the fake cluster's round-robin route.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KserveClient } from '../../../shared/deploy/kserve/client.js';
import { KserveTraffic } from '../../../shared/deploy/kserve/traffic.js';
import { UserError } from '../../../shared/errors/user-error.js';
import { Router } from '../../support/fake-kube/runtime.js';
import { startServe, type ServeProcess } from '../../support/serve-process.js';
import { FIXTURES } from '../workspace.js';

describe('tag-URL scrapes of a revision with several replicas', () => {
  const pods: ServeProcess[] = [];
  const route = new Router();

  beforeAll(async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mlops-replicas-'));
    for (let i = 0; i < 3; i++) pods.push(await startServe({ cwd, args: ['--model', `churn=${join(FIXTURES, 'stable.onnx')}`] }));
    await route.start();
  }, 120_000);

  afterAll(async () => {
    await route.stop();
    for (const pod of pods) await pod.stop();
  });

  // Only scrape() is exercised: it reads the revisions' URLs, nothing of the cluster client.
  const traffic = (canaryUrl: string, stableUrl: string) =>
    new KserveTraffic({ namespace: 'ml' } as KserveClient, {}, {}, {} as never, { canaryId: 'v2', stableId: 'v1', canaryRevision: 'churn-predictor-00002', stableRevision: 'churn-predictor-00001', canaryUrl, stableUrl }, 'churn', {} as never);

  it('one pod per revision: every scrape is judged, labelled with the rollout ids', async () => {
    const client = traffic(pods[0]!.url, pods[2]!.url);
    for (let i = 0; i < 3; i++) {
      const samples = await client.scrape();
      expect(new Set(samples.map((s) => s.labels.version))).toEqual(new Set(['v1', 'v2']));
    }
  });

  it('the canary revision behind a route to two pods: the second scrape reaching the other pod is refused with the way out', async () => {
    route.route([{ url: pods[0]!.url, percent: 50 }, { url: pods[1]!.url, percent: 50 }]);
    const client = traffic(route.url, pods[2]!.url);
    await client.scrape();
    const error = await client.scrape().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe("two scrapes of revision churn-predictor-00002 reached different pods: it runs more than one replica, and one pod's counters cannot be differenced with another's");
    expect((error as UserError).hint).toContain('deploy.kserve.prometheus');
  });
});
