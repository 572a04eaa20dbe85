/**
 * The canary state machine's TrafficClient for KServe (Serverless mode, KServe docs "Canary
 * rollout strategy"): a step is `canaryTrafficPercent` on the predictor, applied and waited for
 * until the `latest` traffic entry carries that share; 100 removes the field (promotion: KServe
 * moves latestRolledoutRevision to the new revision). Roll back before promotion: 
 * `canaryTrafficPercent: 0`, which pins all traffic to latestRolledoutRevision (the stable
 * one). After promotion that field points at the new revision, so rolling back re-applies the
 * previous InferenceService (its model, its annotations) and waits for it to serve 100 %.
 * Scrapes read each revision's /metrics through its tag URL (`latest-…`, `prev-…`), or, with
 * deploy.kserve.prometheus, the revision's series per pod from Prometheus (prometheus-series.ts);
 * either way labelled with the rollout's canary and stable ids so the shared analysis tells them
 * apart, and with the server process that answered, so a window in which the tag URL reached
 * another replica (or a pod restarted) is seen and baked again rather than judged.
 */
import type { Sample } from '../prometheus.js';
import type { TrafficClient } from '../rollout.js';
import { ServeClient, type Weights } from '../serve-client.js';
import type { InferenceService, KserveClient } from './client.js';
import type { PrometheusSeries } from './prometheus-series.js';
import { pinnedManifest, withCanary, type Serving } from './manifest.js';
import { isTrue, latestTraffic, percentOf, type IsvcStatus } from './status.js';
import { applyAndWait, uninterruptible, type Expectation, type WaitHooks } from './wait.js';

export interface Revisions {
  /** The rollout's ids for the two sides (the versions' names). */
  canaryId: string;
  stableId: string;
  canaryRevision: string;
  stableRevision: string;
  canaryUrl: string;
  stableUrl: string;
}

export class KserveTraffic implements TrafficClient {
  promoted = false;
  /** The status after the last change: its URL and revisions go into the report. */
  last: IsvcStatus | undefined;

  constructor(
    private readonly client: KserveClient,
    private readonly manifest: InferenceService,
    private readonly previous: InferenceService,
    private readonly serving: Serving,
    private readonly revisions: Revisions,
    private readonly servedModel: string,
    private readonly hooks: WaitHooks,
    /** Read the series from Prometheus instead of each revision's /metrics. */
    private readonly prometheus?: PrometheusSeries,
  ) {}

  async setTraffic(_model: string, weights: Weights): Promise<void> {
    const percent = weights[this.revisions.canaryId] ?? 0;
    if (percent === 0) {
      await this.rollBack();
      return;
    }
    if (percent === 100) {
      this.last = await applyAndWait(this.client, withCanary(this.manifest, undefined), promotedTo(this.revisions.canaryRevision), `promote ${this.revisions.canaryRevision}`, this.hooks);
      this.promoted = true;
    } else {
      this.last = await applyAndWait(this.client, withCanary(pinnedManifest(this.manifest, this.serving), percent), canaryAt(this.revisions.stableRevision, percent, this.revisions.canaryRevision), `canary ${percent} %`, this.hooks);
    }
    if (this.prometheus) {
      const revisions = this.promoted ? [this.revisions.canaryRevision] : [this.revisions.canaryRevision, this.revisions.stableRevision];
      await this.prometheus.waitForScrapes(revisions.map((revision) => ({ namespace: this.client.namespace, name: this.servedModel, revision })), this.hooks);
    }
  }

  /** Knative scales a revision without traffic to zero; nothing to unload. */
  async unload(): Promise<void> {}

  async scrape(): Promise<Sample[]> {
    const { canaryUrl, canaryId, canaryRevision, stableUrl, stableId, stableRevision } = this.revisions;
    const sides = [{ url: canaryUrl, id: canaryId, revision: canaryRevision }];
    if (!this.promoted) sides.push({ url: stableUrl, id: stableId, revision: stableRevision });
    const samples: Sample[] = [];
    for (const side of sides) {
      for (const sample of await this.revisionSamples(side)) {
        if (sample.labels.model !== this.servedModel) continue;
        samples.push({ ...sample, labels: { ...sample.labels, version: side.id } });
      }
    }
    return samples;
  }

  /** One revision's series: from Prometheus (every pod), or from its /metrics through its URL (one pod). */
  private revisionSamples(side: { url: string; revision: string }): Promise<Sample[]> {
    if (this.prometheus) return this.prometheus.revisionSamples({ namespace: this.client.namespace, name: this.servedModel, revision: side.revision });
    return new ServeClient(side.url, undefined).scrape();
  }

  async rollBack(): Promise<void> {
    if (!this.promoted) {
      this.last = await applyAndWait(this.client, pinnedManifest(this.manifest, this.serving), pinnedTo(this.revisions.stableRevision), `roll back: all traffic to ${this.revisions.stableRevision}`, uninterruptible(this.hooks));
      return;
    }
    this.last = await applyAndWait(this.client, this.previous, servingNew([this.revisions.canaryRevision]), 're-apply the previous InferenceService', uninterruptible(this.hooks));
  }
}

/** A new revision (not one of `not`) ready and serving all traffic: a first deploy, or a re-applied previous spec. */
export function servingNew(not: (string | undefined)[]): Expectation {
  return (s) => {
    if (!s.latestCreatedRevision || not.includes(s.latestCreatedRevision)) return 'a new revision';
    if (s.latestReadyRevision !== s.latestCreatedRevision) return `revision ${s.latestCreatedRevision} to be ready`;
    for (const type of ['PredictorReady', 'IngressReady', 'Ready']) if (!isTrue(s, type)) return `${type}=True`;
    if (percentOf(s, s.latestReadyRevision) !== 100) return `100 % of the traffic on ${s.latestReadyRevision}`;
    if (!s.url) return 'status.url';
    return true;
  };
}

/** The new revision (≠ stable) ready with `percent` of the traffic and its tag URL, the stable one with the rest. */
export function canaryAt(stable: string, percent: number, canary?: string): Expectation {
  return (s) => {
    if (!s.latestCreatedRevision || s.latestCreatedRevision === stable) return 'a new revision';
    if (canary && s.latestCreatedRevision !== canary) return `revision ${canary} (KServe created ${s.latestCreatedRevision})`;
    if (s.latestReadyRevision !== s.latestCreatedRevision) return `revision ${s.latestCreatedRevision} to be ready`;
    if (!isTrue(s, 'PredictorReady')) return 'PredictorReady=True';
    const latest = latestTraffic(s);
    if (!latest || latest.percent !== percent) return `${percent} % of the traffic on ${s.latestCreatedRevision}`;
    if (!latest.url) return `a tag URL for ${s.latestCreatedRevision} (annotation serving.kserve.io/enable-tag-routing)`;
    if (percentOf(s, stable) !== 100 - percent) return `${100 - percent} % on ${stable}`;
    return true;
  };
}

export function promotedTo(canary: string): Expectation {
  return (s) => {
    if (s.latestRolledoutRevision !== canary) return `latestRolledoutRevision ${canary}`;
    for (const type of ['PredictorReady', 'IngressReady', 'Ready']) if (!isTrue(s, type)) return `${type}=True`;
    if (percentOf(s, canary) !== 100) return `100 % of the traffic on ${canary}`;
    return true;
  };
}

export function pinnedTo(stable: string): Expectation {
  return (s) => (percentOf(s, stable) === 100 ? true : `100 % of the traffic on ${stable}`);
}
