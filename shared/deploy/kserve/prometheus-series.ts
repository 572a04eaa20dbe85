/**
 * The canary analysis's series for one KServe revision, read from Prometheus (deploy.kserve.prometheus)
 * instead of the revision's /metrics: behind a revision's URL a scrape reaches ONE pod, so with
 * more than one replica two scrapes may come from different pods and their difference means
 * nothing; Prometheus sums the series of every pod of the revision.
 *
 * Each series the analysis reads is one `sum by (…, instance)` query over the revision's pods,
 * picked by the selector template (label matchers with {namespace}, {name} and {revision} filled
 * in as PromQL strings), kept per pod (`instance`, Prometheus's target label) and per server
 * process (mlops_serve_instance_info's random id): the rollout differences the series one by one,
 * so a pod that restarts or goes away during a bake makes that window start again instead of
 * being judged on what is left (rollout.ts windowFigures).
 */
import { UserError } from '../../errors/user-error.js';
import type { Sample } from '../prometheus.js';
import type { PrometheusApi } from '../prometheus-api.js';
import { DURATION, INSTANCE_INFO, PREDICTION, REQUESTS } from '../../serve/metric-names.js';

/** Where the pods' labels come from with the common `kubernetes-pods` scrape job (labelmap of the pod's labels). */
export const DEFAULT_SELECTOR = 'namespace="{namespace}", serving_knative_dev_revision="{revision}"';

/** The series the canary analysis reads (rollout.ts windowFigures), with the labels it tells apart. */
const SERIES: readonly { name: string; by: readonly string[] }[] = [
  { name: REQUESTS, by: ['model', 'code', 'instance'] },
  { name: `${DURATION}_bucket`, by: ['model', 'le', 'instance'] },
  { name: `${PREDICTION}_bucket`, by: ['model', 'le', 'instance'] },
];

export interface RevisionScope {
  namespace: string;
  /** The InferenceService's name. */
  name: string;
  revision: string;
}

const WHERE = { key: 'deploy.kserve.prometheus.selector' };
/** One matcher: a label name (so no placeholder), an operator and a double-quoted value. */
const MATCHER = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\\n]|\\.)*)"\s*$/;
const PLACEHOLDER = /\{(namespace|name|revision)\}/g;

export class PrometheusSeries {
  constructor(
    private readonly api: PrometheusApi,
    private readonly selector: string = DEFAULT_SELECTOR,
  ) {
    checkSelector(selector);
  }

  /** Every series of the analysis for the revision's pods, one per pod and server process (`instance`: "<target> <process id>"). */
  async revisionSamples(scope: RevisionScope): Promise<Sample[]> {
    const matchers = fillSelector(this.selector, scope);
    const processes = new Map<string, string[]>();
    for (const info of await this.api.query(`max by (instance, instance_id) (${INSTANCE_INFO}{${matchers}})`, INSTANCE_INFO)) {
      const { instance = '', instance_id: id = '' } = info.labels;
      processes.set(instance, [...(processes.get(instance) ?? []), id].sort());
    }
    const samples: Sample[] = [];
    for (const { name, by } of SERIES) {
      for (const sample of await this.api.query(`sum by (${by.join(', ')}) (${name}{${matchers}})`, name)) {
        const instance = sample.labels.instance ?? '';
        samples.push({ ...sample, labels: { ...sample.labels, instance: `${instance} ${(processes.get(instance) ?? []).join(',')}` } });
      }
    }
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
 * The template must be a comma-separated list of label matchers (`label op "value"`) with every
 * placeholder inside a value, and one `=` or `=~` matcher whose value holds {revision}: anything
 * else could change the query's meaning (a `}` closing the selector early) or leave the revision
 * unpicked (then the canary's and the stable revision's pods would be summed together).
 */
export function checkSelector(template: string): void {
  const refuse = (what: string, hint = `For example: ${DEFAULT_SELECTOR}.`) => new UserError(`the selector ${JSON.stringify(template)} ${what}`, { where: WHERE, hint });
  if (/[{}]/.test(template.replace(PLACEHOLDER, 'x'))) throw refuse('has a brace outside the placeholders {namespace}, {name} and {revision}', `Write label matchers only, e.g. ${DEFAULT_SELECTOR}.`);
  const matchers = splitMatchers(template).map((text) => MATCHER.exec(text));
  if (matchers.length === 0 || matchers.some((m) => m === null)) throw refuse('is not a list of label matchers (label="value", label=~"regex", …)');
  const parts = matchers as RegExpExecArray[];
  if (parts.some(([, label]) => label === '__name__')) throw refuse('matches __name__: the analysis names each series itself', `Match the pods' labels only, e.g. ${DEFAULT_SELECTOR}.`);
  if (!parts.some(([, , op, value]) => (op === '=' || op === '=~') && value!.includes('{revision}'))) {
    throw refuse('does not pick the revision (no label="…{revision}…" or label=~"…{revision}…" matcher): the canary\'s and the stable revision\'s pods would be summed together', 'Match the label your Prometheus gives the Knative revision, e.g. serving_knative_dev_revision="{revision}".');
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
