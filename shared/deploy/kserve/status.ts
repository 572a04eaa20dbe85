/**
 * An InferenceService's status as KServe reports it (Serverless mode; KServe docs
 * "Canary rollout strategy" and the v1beta1 API reference): conditions (Ready, PredictorReady,
 * IngressReady, …), status.url, and per component the revisions (latestCreatedRevision,
 * latestReadyRevision, latestRolledoutRevision, previousRolledoutRevision) and the traffic
 * split (entries tagged `latest` and `prev`, each with its percent and tag URL).
 * Every field is read defensively: the status is untrusted input.
 */
import type { InferenceService } from './client.js';

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface TrafficTarget {
  revisionName?: string;
  percent: number;
  tag?: string;
  latestRevision?: boolean;
  url?: string;
}

export interface IsvcStatus {
  generation: number;
  observedGeneration: number;
  url?: string;
  conditions: Condition[];
  latestCreatedRevision?: string;
  latestReadyRevision?: string;
  latestRolledoutRevision?: string;
  previousRolledoutRevision?: string;
  traffic: TrafficTarget[];
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value.slice(0, 2048) : undefined);
const obj = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

export function readStatus(isvc: InferenceService): IsvcStatus {
  const status = obj(isvc.status);
  const predictor = obj(obj(status.components).predictor);
  const conditions = (Array.isArray(status.conditions) ? status.conditions : []).map(obj).flatMap((c) => (str(c.type) && str(c.status) ? [{ type: str(c.type)!, status: str(c.status)!, reason: str(c.reason), message: str(c.message) }] : []));
  const traffic = (Array.isArray(predictor.traffic) ? predictor.traffic : []).map(obj).map((t) => ({
    revisionName: str(t.revisionName),
    percent: typeof t.percent === 'number' && Number.isFinite(t.percent) ? t.percent : 0,
    tag: str(t.tag),
    latestRevision: t.latestRevision === true,
    url: str(t.url),
  }));
  return {
    generation: typeof isvc.metadata?.generation === 'number' ? isvc.metadata.generation : 0,
    observedGeneration: typeof status.observedGeneration === 'number' ? status.observedGeneration : 0,
    url: str(status.url),
    conditions,
    latestCreatedRevision: str(predictor.latestCreatedRevision),
    latestReadyRevision: str(predictor.latestReadyRevision),
    latestRolledoutRevision: str(predictor.latestRolledoutRevision),
    previousRolledoutRevision: str(predictor.previousRolledoutRevision),
    traffic,
  };
}

export function condition(status: IsvcStatus, type: string): Condition | undefined {
  return status.conditions.find((c) => c.type === type);
}

export function isTrue(status: IsvcStatus, type: string): boolean {
  return condition(status, type)?.status === 'True';
}

/** The traffic entry of the latest revision (tag `latest`, or latestRevision: true). */
export function latestTraffic(status: IsvcStatus): TrafficTarget | undefined {
  return status.traffic.find((t) => t.latestRevision) ?? status.traffic.find((t) => t.tag === 'latest');
}

/** Percent of the traffic a revision gets (0 when it has no entry). */
export function percentOf(status: IsvcStatus, revision: string | undefined): number {
  if (!revision) return 0;
  return status.traffic.filter((t) => t.revisionName === revision || (t.latestRevision && !t.revisionName && revision === status.latestReadyRevision)).reduce((sum, t) => sum + t.percent, 0);
}

const WATCHED = ['Ready', 'PredictorReady', 'IngressReady'];

/** "Ready=False (RevisionFailed: …), PredictorReady=…, IngressReady=…; traffic …" for progress lines and errors. */
export function describeStatus(status: IsvcStatus): string {
  const conditions = WATCHED.map((type) => {
    const c = condition(status, type);
    if (!c) return `${type}=—`;
    const why = [c.reason, c.message].filter(Boolean).join(': ');
    return `${type}=${c.status}${why && c.status !== 'True' ? ` (${why.slice(0, 300)})` : ''}`;
  });
  const others = status.conditions.filter((c) => !WATCHED.includes(c.type) && c.status === 'False').map((c) => `${c.type}=False (${[c.reason, c.message].filter(Boolean).join(': ').slice(0, 300)})`);
  const traffic = status.traffic.length ? status.traffic.map((t) => `${t.revisionName ?? '?'}${t.tag ? ` [${t.tag}]` : ''} ${t.percent} %`).join(', ') : 'none';
  return `${[...conditions, ...others].join(', ')}; traffic: ${traffic}`;
}
