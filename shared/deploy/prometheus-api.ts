/**
 * Instant queries against a Prometheus server's HTTP API (`POST /api/v1/query`, form-encoded,
 * as Prometheus documents it), answered as the same samples a /metrics scrape gives. Everything
 * in the answer is untrusted: its size is capped before it is read, its shape checked, and its
 * series counted before they are kept. The bearer token never appears in a message.
 */
import { UserError, type ErrorLocation } from '../errors/user-error.js';
import { isLoopbackHost } from '../registry/reference.js';
import { networkCause, readCapped } from './http-body.js';
import { MAX_SCRAPE_BYTES, type Sample } from './prometheus.js';

/** Series one query may return; the analysis needs a few dozen per revision. */
export const MAX_SERIES = 10_000;

export interface PrometheusApiOptions {
  bearerToken?: string;
  allowPlainHttp?: boolean;
  timeoutMs?: number;
  /** The config key the URL came from, for messages. */
  where: ErrorLocation;
}

export class PrometheusApi {
  private readonly base: string;

  constructor(
    url: string,
    private readonly options: PrometheusApiOptions,
  ) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new UserError(`"${url}" is not a URL`, { where: options.where, hint: 'Give the Prometheus server\'s base URL, e.g. https://prometheus.example.com or http://prometheus.monitoring:9090.' });
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UserError(`"${url}" is not http(s)`, { where: options.where, hint: 'Give the Prometheus server\'s base URL, e.g. https://prometheus.example.com.' });
    if (parsed.username || parsed.password || parsed.search || parsed.hash) {
      throw new UserError('the Prometheus URL carries credentials, a query or a fragment: give its base URL only', { where: options.where, hint: 'e.g. https://prometheus.example.com or https://host/prometheus; put a token in an environment variable and name it in bearer_token_env.' });
    }
    if (options.bearerToken !== undefined && !/^[\x21-\x7e]+$/.test(options.bearerToken)) {
      throw new UserError('the Prometheus token holds characters an HTTP header cannot carry (a space or a line break?)', { where: { key: 'deploy.kserve.prometheus.bearer_token_env' }, hint: 'Store the token alone, on one line, in the secret the variable is set from.' });
    }
    if (options.bearerToken && parsed.protocol === 'http:' && !isLoopbackHost(parsed.host) && !options.allowPlainHttp) {
      throw new UserError(`${parsed.origin} is plain http:// on another host: the Prometheus token would cross the network unencrypted`, {
        where: options.where,
        hint: 'Use the https:// URL of Prometheus (or a tunnel on 127.0.0.1); set allow-plain-http: true only on a network you trust.',
      });
    }
    this.base = parsed.toString().replace(/\/$/, '');
  }

  /** The instant vector `query` evaluates to now, each series as a sample named `name` (aggregations drop __name__). */
  async query(query: string, name: string): Promise<Sample[]> {
    const endpoint = `${this.base}/api/v1/query`;
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    if (this.options.bearerToken) headers.authorization = `Bearer ${this.options.bearerToken}`;
    let text: string;
    let response: Response;
    try {
      // No redirects: a 30x would turn the POST into a GET without its query.
      response = await fetch(endpoint, { method: 'POST', headers, body: new URLSearchParams({ query }).toString(), redirect: 'manual', signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000) });
      text = await readCapped(response, MAX_SCRAPE_BYTES, endpoint);
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError(`cannot reach Prometheus at ${this.base} (${networkCause(error)})`, { where: this.options.where, hint: 'Is the URL right, and is Prometheus reachable from this runner?' });
    }
    const body = parseJson(text);
    if (!response.ok || body?.status !== 'success') throw this.failure(response, body, text);
    return vectorSamples(body.data, name, endpoint);
  }

  private failure(response: Response, body: PrometheusBody | undefined, text: string): UserError {
    const { status } = response;
    const where = this.options.where;
    if (status >= 300 && status < 400) {
      return new UserError(`Prometheus at ${this.base} redirects (${status}) to ${JSON.stringify((response.headers.get('location') ?? '').slice(0, 200))}`, { where, hint: 'Give the URL it redirects to (its base, without /api/v1/query).' });
    }
    if (!body) {
      const type = (response.headers.get('content-type') ?? 'no content type').slice(0, 80);
      const what = status === 404 ? `has no /api/v1/query (404, ${type})` : `answered ${status} with ${type}, not Prometheus's JSON API`;
      return new UserError(`${this.base} ${what}`, { where, hint: 'Give the Prometheus server\'s base URL, e.g. https://prometheus.example.com or https://host/prometheus (without /graph).' });
    }
    const said = (typeof body.error === 'string' ? `${typeof body.errorType === 'string' ? `${body.errorType}: ` : ''}${body.error}` : text).slice(0, 300);
    if (status === 401 || status === 403) {
      const hint = this.options.bearerToken ? 'The token in the variable bearer_token_env names was refused: check the secret it is set from.' : 'Set bearer_token_env to the name of an environment variable holding a token Prometheus accepts.';
      return new UserError(`Prometheus at ${this.base} refused the query (${status}): ${said}`, { where: { key: 'deploy.kserve.prometheus.bearer_token_env' }, hint });
    }
    if (status === 400 || status === 422) {
      return new UserError(`Prometheus at ${this.base} rejected the analysis query (${status}): ${said}`, { where: { key: 'deploy.kserve.prometheus.selector' }, hint: 'Check the selector: label matchers such as namespace="{namespace}", serving_knative_dev_revision="{revision}".' });
    }
    if (status === 429) return new UserError(`Prometheus at ${this.base} rate-limited the query (429): ${said}`, { where, hint: 'Retry the deploy later, or raise the limit for this client.' });
    if (status >= 500) return new UserError(`Prometheus at ${this.base} failed the query (${status}): ${said}`, { where, hint: 'A 5xx is Prometheus\'s own trouble: retry the deploy, or use strategy: all-at-once.' });
    return new UserError(`Prometheus at ${this.base} answered the query with ${status}: ${said}`, { where, hint: 'Is the URL a Prometheus server (or one speaking its HTTP API)?' });
  }
}

interface PrometheusBody {
  status?: unknown;
  data?: unknown;
  errorType?: unknown;
  error?: unknown;
}

function parseJson(text: string): PrometheusBody | undefined {
  try {
    const body = JSON.parse(text) as unknown;
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as PrometheusBody) : undefined;
  } catch {
    return undefined;
  }
}

/** `data` of a successful instant query: {resultType: "vector", result: [{metric: {…}, value: [time, "value"]}]}. */
function vectorSamples(data: unknown, name: string, endpoint: string): Sample[] {
  const shape = (what: string) => new UserError(`${endpoint} answered ${what}, not an instant vector`, { hint: 'Is the URL a Prometheus server (or one speaking its HTTP API)?' });
  if (typeof data !== 'object' || data === null) throw shape('no data');
  const { resultType, result } = data as { resultType?: unknown; result?: unknown };
  if (resultType !== 'vector' || !Array.isArray(result)) throw shape(`resultType ${JSON.stringify(String(resultType)).slice(0, 40)}`);
  if (result.length > MAX_SERIES) throw new UserError(`${endpoint} answered ${result.length} series for one query, over the ${MAX_SERIES} cap`, { where: { key: 'deploy.kserve.prometheus.selector' }, hint: 'Narrow the selector to the InferenceService\'s own pods.' });
  return result.map((series: unknown) => {
    const { metric, value } = (series ?? {}) as { metric?: unknown; value?: unknown };
    if (typeof metric !== 'object' || metric === null || !Array.isArray(value) || value.length !== 2 || typeof value[1] !== 'string') throw shape('a malformed series');
    const labels: Record<string, string> = {};
    for (const [key, label] of Object.entries(metric)) if (typeof label === 'string' && key !== '__name__') labels[key] = label;
    return { name, labels, value: sampleValue(value[1]) };
  });
}

function sampleValue(text: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}
