/**
 * A stand-in for a Prometheus server's instant-query API, checked against Prometheus's own
 * description of it (docs "HTTP API", "Instant queries"): `GET` or `POST /api/v1/query`, a POST
 * body `application/x-www-form-urlencoded`, the parameters `query` (required), `time`, `timeout`,
 * `limit`, `lookback_delta` and `stats`; answers `{"status":"success","data":{"resultType":"vector",
 * "result":[{"metric":{…},"value":[<unix time>,"<value>"]}]}}`, or `{"status":"error","errorType":
 * "bad_data","error":…}` with 400. Anything outside that description is recorded in `violations`.
 *
 * It evaluates a subset of PromQL, `name{matchers}`, `sum|max by (labels) (name{matchers})`,
 * `min(timestamp(name{matchers}))` and `vector(time())`,
 * over its targets: real /metrics endpoints scraped at query time, each sample given the target's
 * labels (as a kubernetes-pods job's labelmap gives the pod's) and `job`/`instance` as Prometheus
 * does; a scraped label that clashes with a target label is kept as `exported_<label>`
 * (honor_labels: false), and a target that does not answer contributes no series (its series go
 * stale). Other PromQL is a 400 bad_data, as is a selector matching `__name__` twice. Its own
 * text-format parser, so a bug in ours cannot cancel out.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PrometheusTarget {
  labels: Record<string, string>;
  url: string;
}

export interface FakePrometheus {
  url: string;
  /** Every query received, in order. */
  queries: string[];
  violations: string[];
  /** Next answers: a status and body, instead of evaluating (one per request). */
  failNext: { status: number; body: string }[];
  stop(): Promise<void>;
}

const PARAMETERS = new Set(['query', 'time', 'timeout', 'limit', 'lookback_delta', 'stats']);

export async function startFakePrometheus(targets: () => PrometheusTarget[], options: { token?: string } = {}): Promise<FakePrometheus> {
  const queries: string[] = [];
  const violations: string[] = [];
  const failNext: { status: number; body: string }[] = [];
  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => answer(response, 500, { status: 'error', errorType: 'internal', error: String(error) }));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const body = await readBody(request);
    if (url.pathname !== '/api/v1/query') {
      violations.push(`${request.method} ${url.pathname}: not the instant-query endpoint`);
      return answer(response, 404, { status: 'error', errorType: 'not_found', error: 'not found' });
    }
    if (options.token !== undefined && request.headers.authorization !== `Bearer ${options.token}`) return answer(response, 401, { status: 'error', errorType: 'unauthorized', error: 'unauthorized' });
    let params: URLSearchParams;
    if (request.method === 'GET') params = url.searchParams;
    else if (request.method === 'POST') {
      if (!/^application\/x-www-form-urlencoded\b/.test(request.headers['content-type'] ?? '')) violations.push(`POST with content-type ${request.headers['content-type']}: the API takes form-encoded bodies`);
      params = new URLSearchParams(body);
      for (const [key] of url.searchParams) params.append(key, url.searchParams.get(key)!);
    } else {
      violations.push(`${request.method} /api/v1/query`);
      return answer(response, 405, { status: 'error', errorType: 'bad_data', error: 'method not allowed' });
    }
    for (const key of params.keys()) if (!PARAMETERS.has(key)) violations.push(`unknown parameter ${key}`);
    const query = params.get('query');
    if (!query) {
      violations.push('no query parameter');
      return answer(response, 400, { status: 'error', errorType: 'bad_data', error: 'invalid parameter "query": empty query' });
    }
    const time = params.get('time');
    if (time !== null && Number.isNaN(Number(time)) && Number.isNaN(Date.parse(time))) return answer(response, 400, { status: 'error', errorType: 'bad_data', error: `invalid parameter "time": cannot parse "${time}"` });
    queries.push(query);
    const failure = failNext.shift();
    if (failure) {
      response.writeHead(failure.status, { 'content-type': 'application/json' }).end(failure.body);
      return;
    }
    const now = Date.now() / 1000;
    const vector = (series: Series[]) => answer(response, 200, { status: 'success', data: { resultType: 'vector', result: series.map((s) => ({ metric: s.labels, value: [now, formatValue(s.value)] })) } });
    if (/^\s*vector\s*\(\s*time\s*\(\s*\)\s*\)\s*$/.test(query)) return vector([{ labels: {}, value: now }]);
    // min(timestamp(selector)): the oldest last-scrape time of the selected series (scraped now, here).
    const oldest = /^\s*min\s*\(\s*timestamp\s*\((.*)\)\s*\)\s*$/s.exec(query);
    let expression: Expression;
    try {
      expression = parseExpression(oldest ? oldest[1]! : query);
    } catch (error) {
      return answer(response, 400, { status: 'error', errorType: 'bad_data', error: `invalid parameter "query": ${(error as Error).message}` });
    }
    const samples = (await Promise.all(targets().map(scrape))).flat();
    const result = evaluate(expression, samples);
    if (oldest) return vector(result.length ? [{ labels: {}, value: Date.now() / 1000 }] : []);
    vector(result);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    queries,
    violations,
    failNext,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

interface Series {
  labels: Record<string, string>;
  value: number;
}

async function scrape(target: PrometheusTarget): Promise<Series[]> {
  let text: string;
  try {
    const response = await fetch(`${target.url}/metrics`);
    if (!response.ok) return [];
    text = await response.text();
  } catch {
    return []; // target down: its series go stale
  }
  const targetLabels: Record<string, string> = { job: 'kubernetes-pods', instance: new URL(target.url).host, ...target.labels };
  const series: Series[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) throw new Error(`${target.url}/metrics: cannot parse ${line}`);
    const labels: Record<string, string> = { ...targetLabels, __name__: match[1]! };
    for (const [, key, value] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[key! in targetLabels ? `exported_${key}` : key!] = value!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    }
    series.push({ labels, value: match[3] === '+Inf' ? Infinity : Number(match[3]) });
  }
  return series;
}

interface Matcher {
  label: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}
interface Expression {
  aggregate?: { op: 'sum' | 'max'; by: string[] };
  matchers: Matcher[];
}

/** `sum|max by (a, b) (selector)` or a selector: `name{label op "value", …}`. */
function parseExpression(query: string): Expression {
  const aggregation = /^\s*(sum|max)\s+by\s*\(([^()]*)\)\s*\((.*)\)\s*$/s.exec(query);
  if (aggregation) return { aggregate: { op: aggregation[1] as 'sum' | 'max', by: aggregation[2]!.split(',').map((l) => l.trim()).filter(Boolean) }, matchers: parseSelector(aggregation[3]!) };
  return { matchers: parseSelector(query) };
}

function parseSelector(text: string): Matcher[] {
  const match = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)?\s*(?:\{(.*)\})?\s*$/s.exec(text);
  if (!match || (!match[1] && match[2] === undefined)) throw new Error(`1:1: parse error: unexpected ${JSON.stringify(text.slice(0, 20))}`);
  const matchers: Matcher[] = match[1] ? [{ label: '__name__', op: '=', value: match[1] }] : [];
  let rest = match[2] ?? '';
  const item = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*(,|$)/s;
  while (rest.trim() !== '') {
    const m = item.exec(rest);
    if (!m) throw new Error(`parse error in label matchers at ${JSON.stringify(rest.slice(0, 20))}`);
    matchers.push({ label: m[1]!, op: m[2] as Matcher['op'], value: unescapeGo(m[3]!) });
    rest = rest.slice(m[0].length);
  }
  if (matchers.filter((m) => m.label === '__name__').length > 1) throw new Error('metric name must not be set twice');
  return matchers;
}

function unescapeGo(text: string): string {
  return text.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
}

function evaluate(expression: Expression, samples: Series[]): Series[] {
  const selected = samples.filter((s) => expression.matchers.every((m) => test(m, s.labels[m.label] ?? '')));
  if (!expression.aggregate) return selected;
  const { op, by } = expression.aggregate;
  const groups = new Map<string, Series>();
  for (const s of selected) {
    const labels = Object.fromEntries(by.filter((l) => s.labels[l] !== undefined && s.labels[l] !== '').map((l) => [l, s.labels[l]!]));
    const key = JSON.stringify(Object.entries(labels).sort());
    const group = groups.get(key);
    if (!group) groups.set(key, { labels, value: s.value });
    else group.value = op === 'sum' ? group.value + s.value : Math.max(group.value, s.value);
  }
  return [...groups.values()];
}

function test(matcher: Matcher, value: string): boolean {
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return new RegExp(`^(?:${matcher.value})$`).test(value);
    case '!~':
      return !new RegExp(`^(?:${matcher.value})$`).test(value);
  }
}

function formatValue(value: number): string {
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}
