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
import type { WaitHooks } from './wait.js';
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

  /**
   * Waits until Prometheus has scraped every pod of these revisions since now (Prometheus's
   * clock, so the runner's does not matter), so a window that starts now counts what happened
   * before it (the smoke test, the last step) on its `before` side, not inside it. A revision
   * Prometheus never scrapes (the pods not scraped, or a selector that matches none) ends the
   * step with that said, at the deadline.
   */
  async waitForScrapes(scopes: RevisionScope[], hooks: WaitHooks): Promise<void> {
    const [clock] = await this.api.query('vector(time())', 'time');
    if (!clock || !Number.isFinite(clock.value)) throw new UserError('Prometheus did not answer vector(time()) with its time', { where: { key: 'deploy.kserve.prometheus.url' }, hint: 'Is the URL a Prometheus server (or one speaking its HTTP API)?' });
    const since = clock.value;
    const deadline = hooks.now() + hooks.timeoutMs;
    let lastLogged = hooks.now();
    for (const scope of scopes) {
      const query = `min(timestamp(${INSTANCE_INFO}{${fillSelector(this.selector, scope)}}))`;
      for (;;) {
        const [oldest] = await this.api.query(query, INSTANCE_INFO);
        if (oldest && oldest.value >= since) break;
        const now = hooks.now();
        if (now >= deadline) throw new UnscrapedRevision(scope.revision, query, Math.round(hooks.timeoutMs / 1000), oldest?.value);
        if (now - lastLogged >= 30_000) {
          hooks.log(`waiting for Prometheus to scrape revision ${scope.revision} (${oldest ? `its oldest pod's last scrape is ${Math.round(since - oldest.value)} s before the step` : 'no series yet'})`);
          lastLogged = now;
        }
        await hooks.sleep(Math.min(hooks.pollMs, Math.max(1, deadline - now)));
      }
    }
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

/** Prometheus did not scrape a revision's pods within the deadline: the step cannot be judged. */
export class UnscrapedRevision extends UserError {
  constructor(revision: string, query: string, seconds: number, lastScrape: number | undefined) {
    super(`Prometheus did not scrape revision ${revision} within ${seconds} s (${lastScrape === undefined ? `no series answer ${query}` : `its pods' last scrape is older than the traffic change`})`, {
      where: WHERE,
      hint: 'Check that Prometheus scrapes each predictor pod\'s /metrics and that the selector matches the pods\' labels (docs/deploy.md, "Canary analysis from Prometheus"); try the query in Prometheus\'s UI.',
    });
  }
}
