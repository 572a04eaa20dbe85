/**
 * The models being served: each name's versions, their traffic weights, and the loads in
 * progress. Versions join only once warmed up and leave only when no traffic would be lost.
 */
import { HttpError, notFound } from './http-error.js';
import { bucketOf, parseWeights, pick, type Weights } from './routing.js';
import { RecentRows } from './compare-versions.js';
import type { ServedVersion } from './served-version.js';
import type { Feeds } from './tensors.js';

export interface IndexEntry {
  name: string;
  version: string;
  state: 'READY' | 'LOADING' | 'UNAVAILABLE';
  reason: string;
  digest: string;
  reference: string;
  weight: number;
}

interface ServedModel {
  versions: Map<string, ServedVersion>;
  weights: Weights;
  recent: RecentRows;
}

/** Rows remembered per model for comparing a new version with the running one. */
export const RECENT_ROWS = 256;

export class ModelTable {
  private readonly models = new Map<string, ServedModel>();
  /** Loads in progress and the last failed load, per model, for the index. */
  readonly loading = new Map<string, Set<string>>();
  readonly failures = new Map<string, { reference: string; reason: string }>();

  names(): string[] {
    return [...this.models.keys()].sort();
  }

  has(name: string): boolean {
    return this.models.has(name);
  }

  versions(name: string): ServedVersion[] {
    return [...(this.models.get(name)?.versions.values() ?? [])].sort((a, b) => a.version.localeCompare(b.version, 'en', { numeric: true }));
  }

  /** Ready = at least one version of some model is ready. */
  ready(): boolean {
    for (const model of this.models.values()) for (const v of model.versions.values()) if (v.state === 'READY') return true;
    return false;
  }

  version(name: string, version: string): ServedVersion {
    const model = this.models.get(name);
    if (!model) throw notFound(`unknown model ${JSON.stringify(name)}; serving: ${this.names().join(', ') || 'nothing yet'}`);
    const found = model.versions.get(version);
    if (!found) throw notFound(`model ${name} has no version ${JSON.stringify(version)}; versions: ${[...model.versions.keys()].join(', ')}`);
    return found;
  }

  /** The version an unversioned call goes to. */
  route(name: string, id: string | undefined): ServedVersion {
    const model = this.models.get(name);
    if (!model) throw notFound(`unknown model ${JSON.stringify(name)}; serving: ${this.names().join(', ') || 'nothing yet'}`);
    const chosen = pick(model.weights, bucketOf(id));
    const version = chosen === undefined ? undefined : model.versions.get(chosen);
    if (!version || version.state !== 'READY') throw new HttpError(503, `model ${name} has no ready version to route to`, { 'retry-after': '1' });
    return version;
  }

  /** A warmed-up version joins: the first of its model takes all traffic, later ones none. */
  add(version: ServedVersion): void {
    let model = this.models.get(version.model);
    if (!model) {
      model = { versions: new Map(), weights: {}, recent: new RecentRows(RECENT_ROWS) };
      this.models.set(version.model, model);
    }
    model.versions.set(version.version, version);
    const hasTraffic = Object.values(model.weights).some((w) => w > 0);
    model.weights[version.version] = hasTraffic ? 0 : 100;
  }

  /** Remembers a served request's rows (for comparing the next version with this one). */
  remember(name: string, feeds: Feeds): void {
    this.models.get(name)?.recent.add(feeds);
  }

  /** The version most traffic goes to and the recent rows, if the model has both. */
  comparisonBase(name: string): { version: ServedVersion; rows: Feeds } | undefined {
    const model = this.models.get(name);
    const rows = model?.recent.snapshot();
    if (!model || !rows) return undefined;
    const [top] = Object.entries(model.weights).sort((x, y) => y[1] - x[1]);
    const version = top && model.versions.get(top[0]);
    return version && version.state === 'READY' ? { version, rows } : undefined;
  }

  weights(name: string): Weights {
    const model = this.models.get(name);
    if (!model) throw notFound(`unknown model ${JSON.stringify(name)}`);
    return { ...model.weights };
  }

  setWeights(name: string, body: unknown): Weights {
    const model = this.models.get(name);
    if (!model) throw notFound(`unknown model ${JSON.stringify(name)}`);
    const ready = [...model.versions.values()].filter((v) => v.state === 'READY').map((v) => v.version);
    model.weights = parseWeights(body, ready);
    return { ...model.weights };
  }

  /** Takes versions out of routing (they finish what is in flight); refuses to strand traffic. */
  remove(name: string, version: string | undefined): ServedVersion[] {
    const model = this.models.get(name);
    if (!model) throw notFound(`unknown model ${JSON.stringify(name)}`);
    if (version === undefined) {
      this.models.delete(name);
      return [...model.versions.values()];
    }
    const target = model.versions.get(version);
    if (!target) throw notFound(`model ${name} has no version ${JSON.stringify(version)}`);
    if ((model.weights[version] ?? 0) > 0 && model.versions.size > 1) {
      throw new HttpError(409, `version ${version} of ${name} still has ${model.weights[version]}% of the traffic; move it to another version with PUT /v2/models/${name}/traffic first`);
    }
    model.versions.delete(version);
    delete model.weights[version];
    if (model.versions.size === 0) this.models.delete(name);
    return [target];
  }

  index(): IndexEntry[] {
    const entries: IndexEntry[] = [];
    for (const name of this.names()) {
      const model = this.models.get(name)!;
      for (const v of this.versions(name)) {
        entries.push({ name, version: v.version, state: v.state, reason: v.reason, digest: v.identity.digest, reference: v.identity.reference, weight: model.weights[v.version] ?? 0 });
      }
    }
    for (const [name, references] of this.loading) {
      for (const reference of references) entries.push({ name, version: '', state: 'LOADING', reason: 'loading', digest: '', reference, weight: 0 });
    }
    for (const [name, failure] of this.failures) {
      if (!this.models.has(name)) entries.push({ name, version: '', state: 'UNAVAILABLE', reason: failure.reason, digest: '', reference: failure.reference, weight: 0 });
    }
    return entries;
  }
}
