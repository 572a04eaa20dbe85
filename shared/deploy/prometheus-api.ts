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
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UserError(`"${url}" is not http(s)`, { where: options.where });
    if (parsed.username || parsed.password) throw new UserError(`the Prometheus URL carries credentials`, { where: options.where, hint: 'Put the token in an environment variable and name it in bearer_token_env.' });
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
    let response: Response;
    try {
      response = await fetch(endpoint, { method: 'POST', headers, body: new URLSearchParams({ query }).toString(), signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000) });
    } catch (error) {
      throw new UserError(`cannot reach Prometheus at ${this.base} (${networkCause(error)})`, { where: this.options.where, hint: 'Is the URL right, and is Prometheus reachable from this runner?' });
    }
    const text = await readCapped(response, MAX_SCRAPE_BYTES, endpoint);
    const body = parseJson(text);
    if (!response.ok || body?.status !== 'success') throw this.failure(response.status, body, text);
    return vectorSamples(body.data, name, endpoint);
  }

  private failure(status: number, body: PrometheusBody | undefined, text: string): UserError {
    const said = typeof body?.error === 'string' ? `${typeof body.errorType === 'string' ? `${body.errorType}: ` : ''}${body.error}` : text.slice(0, 300);
    if (status === 401 || status === 403) {
      return new UserError(`Prometheus at ${this.base} refused the query (${status}): ${said.slice(0, 300)}`, { where: this.options.where, hint: 'Set bearer_token_env to the name of an environment variable holding a token Prometheus accepts.' });
    }
    if (status === 400 || status === 422) {
      return new UserError(`Prometheus at ${this.base} rejected the analysis query (${status}): ${said.slice(0, 300)}`, { where: { key: 'deploy.kserve.prometheus.selector' }, hint: 'Check the selector: label matchers such as namespace="{namespace}", serving_knative_dev_revision="{revision}".' });
    }
    return new UserError(`Prometheus at ${this.base} failed the query (${status}): ${said.slice(0, 300)}`, { where: this.options.where, hint: 'A 5xx is Prometheus\'s own trouble: retry the deploy, or use strategy: all-at-once.' });
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
