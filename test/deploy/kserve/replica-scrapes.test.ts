/**
 * Without deploy.kserve.prometheus the analysis scrapes each revision's /metrics through its URL,
 * which balances over the revision's pods: a window whose two scrapes reached different replicas
 * is not judged (their counters cannot be differenced) but baked again. Real `mlops serve`
 * processes as the pods, behind the fake cluster's round-robin route.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KserveClient } from '../../../shared/deploy/kserve/client.js';
import { KserveTraffic } from '../../../shared/deploy/kserve/traffic.js';
import { analyseWindow } from '../../../shared/deploy/analysis.js';
import { windowFigures } from '../../../shared/deploy/rollout.js';
import { Router } from '../../support/fake-kube/runtime.js';
import { startServe, type ServeProcess } from '../../support/serve-process.js';
import { FIXTURES, holdoutFeatureRows } from '../workspace.js';

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

  it('the canary revision behind a route to two pods: a window whose scrapes reached both is inconclusive and starts again', async () => {
    const { rows } = holdoutFeatureRows();
    for (const pod of pods) {
      const response = await fetch(`${pod.url}/v2/models/churn/infer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ inputs: [{ name: 'features', shape: [1, rows[0]!.length], datatype: 'FP32', data: rows[0] }] }) });
      expect(response.status).toBe(200);
    }
    route.route([{ url: pods[0]!.url, percent: 50 }, { url: pods[1]!.url, percent: 50 }]);
    const client = traffic(route.url, pods[2]!.url);
    const before = await client.scrape();
    const after = await client.scrape();
    const figures = windowFigures(before, after, { model: 'churn', canary: 'v2', stable: 'v1' }, true);
    expect(figures.vanished).toBeGreaterThan(0);
    const analysis = analyseWindow(figures, { maxErrorRate: 0.01, maxP99Ms: 1000, maxPredictionShift: 0.1, minRequests: 0, minPredictions: 0 });
    expect(analysis.verdict).toBe('inconclusive');
    expect(analysis.reasons[0]).toContain('or the scrape reached another replica), so the window had to start again');
  });
});
