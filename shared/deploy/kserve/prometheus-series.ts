/**
 * The canary analysis's series for one KServe revision, read from Prometheus (deploy.kserve.prometheus)
 * instead of the revision's /metrics: behind a revision's URL a scrape reaches ONE pod, so with
 * more than one replica two scrapes may come from different pods and their difference means
 * nothing; Prometheus sums the series of every pod of the revision.
 *
 * Each series the analysis reads is one `sum by (…)` over the revision's pods, picked by the
 * selector template (label matchers with {namespace}, {name} and {revision} filled in as PromQL
 * strings).
 */
import { UserError } from '../../errors/user-error.js';
import type { Sample } from '../prometheus.js';
import { DURATION, PREDICTION, REQUESTS } from '../rollout.js';
import type { PrometheusApi } from '../prometheus-api.js';

/** Where the pods' labels come from with the common `kubernetes-pods` scrape job (labelmap of the pod's labels). */
export const DEFAULT_SELECTOR = 'namespace="{namespace}", serving_knative_dev_revision="{revision}"';

/** The series the canary analysis reads (rollout.ts windowFigures), with the labels it tells apart. */
const SERIES: readonly { name: string; by: readonly string[] }[] = [
  { name: REQUESTS, by: ['model', 'code'] },
  { name: `${DURATION}_bucket`, by: ['model', 'le'] },
  { name: `${PREDICTION}_bucket`, by: ['model', 'le'] },
];

export interface RevisionScope {
  namespace: string;
  /** The InferenceService's name. */
  name: string;
  revision: string;
}

const WHERE = { key: 'deploy.kserve.prometheus.selector' };
const MATCHER = /^\s*[a-zA-Z_][a-zA-Z0-9_]*\s*(=~|!~|!=|=)\s*"(?:[^"\\\n]|\\.)*"\s*$/;
const PLACEHOLDER = /\{(namespace|name|revision)\}/g;

export class PrometheusSeries {
  constructor(
    private readonly api: PrometheusApi,
    private readonly selector: string = DEFAULT_SELECTOR,
  ) {
    checkSelector(selector);
  }

  /** Every series of the analysis for the revision's pods, summed over the pods. */
  async revisionSamples(scope: RevisionScope): Promise<Sample[]> {
    const matchers = fillSelector(this.selector, scope);
    const samples: Sample[] = [];
    for (const { name, by } of SERIES) samples.push(...(await this.api.query(`sum by (${by.join(', ')}) (${name}{${matchers}})`, name)));
    return samples;
  }
}

/** Fills the template's placeholders with the scope's values as the contents of PromQL double-quoted strings. */
export function fillSelector(template: string, scope: RevisionScope): string {
  return template.replace(PLACEHOLDER, (_, key: keyof RevisionScope) => promqlStringContent(scope[key]));
}

/** Escapes a value for the inside of a PromQL "…" string (Go string-literal escapes). */
export function promqlStringContent(value: string): string {
  return value.replace(/[\\"\n\r\t]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!);
}

/**
 * The template must be a comma-separated list of label matchers (`label op "value"`), each
 * placeholder inside a value: anything else could change the query's meaning (a `}` closing the
 * selector early) or leave the revision unpicked (then every revision's pods would be summed).
 */
export function checkSelector(template: string): void {
  const sample = template.replace(PLACEHOLDER, 'x');
  if (/[{}]/.test(sample)) throw new UserError(`the selector ${JSON.stringify(template)} has a brace outside the placeholders {namespace}, {name} and {revision}`, { where: WHERE, hint: `Write label matchers only, e.g. ${DEFAULT_SELECTOR}.` });
  const matchers = splitMatchers(sample);
  if (matchers.length === 0 || matchers.some((m) => !MATCHER.test(m))) {
    throw new UserError(`the selector ${JSON.stringify(template)} is not a list of label matchers (label="value", label=~"regex", …)`, { where: WHERE, hint: `For example: ${DEFAULT_SELECTOR}.` });
  }
  if (!template.includes('{revision}')) {
    throw new UserError(`the selector ${JSON.stringify(template)} does not use {revision}: the canary's and the stable revision's pods would be summed together`, { where: WHERE, hint: 'Match the label your Prometheus gives the Knative revision, e.g. serving_knative_dev_revision="{revision}".' });
  }
}

/** Splits at the commas between matchers (not those inside quoted values). */
function splitMatchers(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '\\') {
      current += c + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  if (current.trim() !== '' || parts.length > 0) parts.push(current);
  return parts;
}
