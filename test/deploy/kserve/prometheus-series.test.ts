/**
 * deploy.kserve.prometheus: the canary analysis's series read from Prometheus's HTTP API, summed
 * over every pod of a revision. Real `mlops serve` processes are the pods; the fake Prometheus
 * scrapes them at query time, checks every request against the API's description and evaluates
 * the PromQL it is sent.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSelector, fillSelector, PrometheusSeries, UnscrapedRevision } from '../../../shared/deploy/kserve/prometheus-series.js';
import { PrometheusApi } from '../../../shared/deploy/prometheus-api.js';
import { analyseWindow } from '../../../shared/deploy/analysis.js';
import { counterTotal, histogram, histogramTotal, type Sample } from '../../../shared/deploy/prometheus.js';
import { windowFigures } from '../../../shared/deploy/rollout.js';
import { DURATION, PREDICTION, REQUESTS } from '../../../shared/serve/metric-names.js';
import { UserError } from '../../../shared/errors/user-error.js';
import { startFakePrometheus, type FakePrometheus } from '../../support/fake-prometheus.js';
import { startServe, type ServeProcess } from '../../support/serve-process.js';
import { FIXTURES, holdoutFeatureRows } from '../workspace.js';

const where = { key: 'deploy.kserve.prometheus.url' };

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the revision selector', () => {
  it('fills the placeholders as PromQL string contents, quotes and backslashes escaped', () => {
    expect(fillSelector('namespace="{namespace}", serving_knative_dev_revision="{revision}"', { namespace: 'ml', name: 'churn', revision: 'churn-predictor-00002' })).toBe('namespace="ml", serving_knative_dev_revision="churn-predictor-00002"');
    expect(fillSelector('isvc="{name}", rev="{revision}"', { namespace: 'ml', name: 'a"b\\c', revision: 'r\n' })).toBe('isvc="a\\"b\\\\c", rev="r\\n"');
  });

  it('accepts label matchers only, and refuses one that does not pick the revision', () => {
    expect(() => checkSelector('namespace="{namespace}", serving_knative_dev_revision="{revision}"')).not.toThrow();
    expect(() => checkSelector('pod=~"{revision}-.*", job!="x"')).not.toThrow();
    expect(() => checkSelector('namespace="{namespace}"')).toThrow(/does not pick the revision/);
    expect(() => checkSelector('rev!="{revision}"')).toThrow(/does not pick the revision/);
    expect(() => checkSelector('{revision}="x"')).toThrow(/not a list of label matchers/);
    expect(() => checkSelector('__name__="up", rev="{revision}"')).toThrow(/matches __name__/);
    expect(() => checkSelector('rev="{revision}"} or vector(1) or up{a="b"')).toThrow(/brace outside the placeholders/);
    expect(() => checkSelector('rev="{revision}", sum(x)')).toThrow(/not a list of label matchers/);
    expect(() => checkSelector('rev={revision}')).toThrow(/not a list of label matchers/);
    try {
      checkSelector('namespace="{namespace}"');
    } catch (error) {
      expect((error as UserError).where).toEqual({ key: 'deploy.kserve.prometheus.selector' });
    }
  });
});

describe('series from Prometheus, summed over the pods of a revision', () => {
  const pods: { revision: string; serve: ServeProcess }[] = [];
  let prometheus: FakePrometheus;
  const token = 'prom-token-5f0c2a';

  beforeAll(async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mlops-prom-'));
    for (const revision of ['churn-predictor-00002', 'churn-predictor-00002', 'churn-predictor-00001']) {
      pods.push({ revision, serve: await startServe({ cwd, args: ['--model', `churn=${join(FIXTURES, 'stable.onnx')}`] }) });
    }
    prometheus = await startFakePrometheus(() => pods.map(({ revision, serve }, i) => ({ url: serve.url, labels: { namespace: 'ml', serving_knative_dev_revision: revision, pod: `${revision}-deployment-${i}` } })), { token });
  }, 120_000);

  afterAll(async () => {
    await prometheus?.stop();
    for (const pod of pods) await pod.serve.stop();
  });

  const infer = async (url: string, count: number) => {
    const { rows } = holdoutFeatureRows();
    for (let i = 0; i < count; i++) {
      const row = rows[i % rows.length]!;
      const response = await fetch(`${url}/v2/models/churn/infer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ inputs: [{ name: 'features', shape: [1, row.length], datatype: 'FP32', data: row }] }) });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
  };

  it('counts every pod of the revision (a scrape through its URL would see one), and no other revision', async () => {
    await infer(pods[0]!.serve.url, 7);
    await infer(pods[1]!.serve.url, 5);
    await infer(pods[2]!.serve.url, 3);
    const series = new PrometheusSeries(new PrometheusApi(prometheus.url, { bearerToken: token, where }));
    const samples = await series.revisionSamples({ namespace: 'ml', name: 'churn', revision: 'churn-predictor-00002' });
    expect(counterTotal(samples, REQUESTS, { model: 'churn', code: '200' })).toBe(12);
    expect(histogramTotal(histogram(samples, DURATION, { model: 'churn' }))).toBe(12);
    expect(histogramTotal(histogram(samples, PREDICTION, { model: 'churn' }))).toBe(12);
    const other = await series.revisionSamples({ namespace: 'ml', name: 'churn', revision: 'churn-predictor-00001' });
    expect(counterTotal(other, REQUESTS, { model: 'churn' })).toBe(3);
    expect(prometheus.queries.slice(0, 4)).toEqual([
      'max by (instance, instance_id) (mlops_serve_instance_info{namespace="ml", serving_knative_dev_revision="churn-predictor-00002"})',
      'sum by (model, code, instance) (mlops_serve_requests_total{namespace="ml", serving_knative_dev_revision="churn-predictor-00002"})',
      'sum by (model, le, instance) (mlops_serve_request_duration_seconds_bucket{namespace="ml", serving_knative_dev_revision="churn-predictor-00002"})',
      'sum by (model, le, instance) (mlops_serve_prediction_bucket{namespace="ml", serving_knative_dev_revision="churn-predictor-00002"})',
    ]);
    // One series set per pod and server process.
    const instances = new Set(samples.filter((s) => s.name === REQUESTS).map((s) => s.labels.instance));
    expect(instances.size).toBe(2);
    for (const instance of instances) expect(instance).toMatch(/^127\.0\.0\.1:\d+ [0-9a-f-]{36}$/);
    expect(prometheus.violations).toEqual([]);
  }, 120_000);

  it('waits for Prometheus to scrape each revision after a traffic change; a revision it never scrapes ends the step, named', async () => {
    const series = new PrometheusSeries(new PrometheusApi(prometheus.url, { bearerToken: token, where }));
    const logs: string[] = [];
    const hooks = { log: (line: string) => logs.push(line), sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)), now: () => Date.now(), pollMs: 20, timeoutMs: 300 };
    const scope = (revision: string) => ({ namespace: 'ml', name: 'churn', revision });
    const asked = prometheus.queries.length;
    await series.waitForScrapes([scope('churn-predictor-00001'), scope('churn-predictor-00002')], hooks);
    expect(prometheus.queries.slice(asked)).toEqual([
      'vector(time())',
      'min(timestamp(mlops_serve_instance_info{namespace="ml", serving_knative_dev_revision="churn-predictor-00001"}))',
      'min(timestamp(mlops_serve_instance_info{namespace="ml", serving_knative_dev_revision="churn-predictor-00002"}))',
    ]);
    const error = await series.waitForScrapes([scope('churn-predictor-00009')], hooks).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UnscrapedRevision);
    expect((error as UnscrapedRevision).message).toBe('Prometheus did not scrape revision churn-predictor-00009 within 0 s (no series answer min(timestamp(mlops_serve_instance_info{namespace="ml", serving_knative_dev_revision="churn-predictor-00009"})))');
    expect((error as UnscrapedRevision).hint).toContain('the selector matches the pods\' labels');
    expect(prometheus.violations).toEqual([]);
  });

  it('a pod that goes away during the window makes it start again instead of being judged on the pods left', async () => {
    const series = new PrometheusSeries(new PrometheusApi(prometheus.url, { bearerToken: token, where }));
    const scope = { namespace: 'ml', name: 'churn', revision: 'churn-predictor-00002' };
    const label = (samples: Sample[]) => samples.map((s) => ({ ...s, labels: { ...s.labels, version: 'v2' } }));
    const before = label(await series.revisionSamples(scope));
    await infer(pods[0]!.serve.url, 4);
    await infer(pods[1]!.serve.url, 6);
    const plan = { model: 'churn', canary: 'v2', stable: 'v1' };
    expect(windowFigures(before, label(await series.revisionSamples(scope)), plan, false)).toMatchObject({ requests: 10, vanished: 0 });
    await pods[1]!.serve.stop();
    const after = label(await series.revisionSamples(scope));
    const figures = windowFigures(before, after, plan, false);
    expect(figures.vanished).toBeGreaterThan(0);
    expect(figures.requests).toBe(4);
    expect(analyseWindow(figures, { maxErrorRate: 0.01, maxP99Ms: 1000, maxPredictionShift: 0.1, minRequests: 1, minPredictions: 1 }).verdict).toBe('inconclusive');
  }, 120_000);

  it('each failure is one clear error naming Prometheus and the key; the token never appears', async () => {
    const api = (options: { token?: string; url?: string } = {}) => new PrometheusApi(options.url ?? prometheus.url, { bearerToken: options.token ?? token, where });
    const failure = async (run: () => Promise<unknown>) => {
      const error = await run().then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect(`${(error as UserError).message} ${(error as UserError).hint ?? ''}`).not.toContain(token);
      return error as UserError;
    };
    const query = (a: PrometheusApi) => () => a.query('sum by (model) (mlops_serve_requests_total{namespace="ml"})', REQUESTS);

    let error = await failure(query(api({ token: 'wrong-token' })));
    expect(error.message).toMatch(/Prometheus at http:\/\/127\.0\.0\.1:\d+ refused the query \(401\)/);
    expect(error.hint).toContain('The token in the variable bearer_token_env names was refused');

    // A token fetch cannot put in a header: refused before any request, without quoting it.
    error = await failure(async () => api({ token: `${token}\nsecond-line` }));
    expect(error.message).toBe('the Prometheus token holds characters an HTTP header cannot carry (a space or a line break?)');

    // Not Prometheus's JSON API: an HTML page, a missing endpoint, a redirect.
    prometheus.failNext.push({ status: 200, body: '<html>Grafana</html>' });
    error = await failure(query(api()));
    expect(error.message).toMatch(/answered 200 with application\/json, not Prometheus's JSON API$/);
    prometheus.failNext.push({ status: 404, body: 'no such page' });
    error = await failure(query(api()));
    expect(error.message).toMatch(/has no \/api\/v1\/query \(404/);
    expect(() => api({ url: `${prometheus.url}/?token=${token}` })).toThrow('the Prometheus URL carries credentials, a query or a fragment: give its base URL only');

    prometheus.failNext.push({ status: 503, body: JSON.stringify({ status: 'error', errorType: 'unavailable', error: 'TSDB not ready' }) });
    error = await failure(query(api()));
    expect(error.message).toContain('failed the query (503): unavailable: TSDB not ready');

    error = await failure(() => api().query('sum by (model) (mlops_serve_requests_total{namespace=ml})', REQUESTS));
    expect(error.message).toContain('rejected the analysis query (400): bad_data: invalid parameter "query"');
    expect(error.where).toEqual({ key: 'deploy.kserve.prometheus.selector' });

    prometheus.failNext.push({ status: 200, body: JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [] } }) });
    error = await failure(query(api()));
    expect(error.message).toContain('answered resultType "matrix", not an instant vector');

    prometheus.failNext.push({ status: 200, body: 'x'.repeat(9 * 1024 * 1024) });
    error = await failure(query(api()));
    expect(error.message).toMatch(/over the \d+-byte cap|more than \d+ bytes/);

    prometheus.failNext.push({ status: 200, body: JSON.stringify({ status: 'success', data: { resultType: 'vector', result: Array.from({ length: 10_001 }, (_, i) => ({ metric: { pod: String(i) }, value: [0, '1'] })) } }) });
    error = await failure(query(api()));
    expect(error.message).toContain('10001 series for one query, over the 10000 cap');

    const closed = await closedPort();
    error = await failure(query(api({ url: `http://127.0.0.1:${closed}` })));
    expect(error.message).toBe(`cannot reach Prometheus at http://127.0.0.1:${closed} (ECONNREFUSED)`);
    expect(error.where).toEqual(where);

    error = await failure(async () => api({ url: 'http://prometheus.monitoring:9090' }));
    expect(error.message).toContain('plain http:// on another host: the Prometheus token would cross the network unencrypted');
    expect(() => new PrometheusApi('http://prometheus.monitoring:9090', { bearerToken: token, allowPlainHttp: true, where })).not.toThrow();
    expect(() => new PrometheusApi('https://user:pw@prometheus.example', { where })).toThrow(/carries credentials/);
    expect(prometheus.violations).toEqual([]);
  }, 120_000);
});
