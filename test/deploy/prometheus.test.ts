import { describe, expect, it } from 'vitest';
import { counterTotal, histogram, parseMetrics, windowSamples, withInstance } from '../../shared/deploy/prometheus.js';
import { analyseWindow } from '../../shared/deploy/analysis.js';
import { runRollout, windowFigures } from '../../shared/deploy/rollout.js';
import { UserError } from '../../shared/errors/user-error.js';

const before = `# HELP mlops_serve_requests_total Infer requests.
# TYPE mlops_serve_requests_total counter
mlops_serve_requests_total{model="churn",version="v1",code="200"} 10
mlops_serve_requests_total{model="churn",version="v2",code="200"} 4
mlops_serve_requests_total{model="churn",version="v2",code="500"} 1
mlops_serve_requests_total{model="churn",version="",code="400"} 3
mlops_serve_request_duration_seconds_bucket{model="churn",version="v2",le="0.005"} 3
mlops_serve_request_duration_seconds_bucket{model="churn",version="v2",le="0.01"} 5
mlops_serve_request_duration_seconds_bucket{model="churn",version="v2",le="+Inf"} 5
mlops_serve_prediction_bucket{model="churn",version="v2",le="0.5"} 2
mlops_serve_prediction_bucket{model="churn",version="v2",le="1"} 4
mlops_serve_prediction_bucket{model="churn",version="v2",le="+Inf"} 4
`;
const after = before
  .replace('version="v2",code="200"} 4', 'version="v2",code="200"} 30')
  .replace('version="v2",code="500"} 1', 'version="v2",code="500"} 3')
  .replace('le="0.005"} 3', 'le="0.005"} 20')
  .replace('le="0.01"} 5', 'le="0.01"} 30')
  .replace('le="+Inf"} 5', 'le="+Inf"} 33')
  .replace('le="0.5"} 2', 'le="0.5"} 12')
  .replace('le="1"} 4', 'le="1"} 40')
  .replace('le="+Inf"} 4', 'le="+Inf"} 40');

describe('Prometheus text', () => {
  it('parses samples with escaped label values and special values', () => {
    const samples = parseMetrics('a{x="q\\"uote\\\\",y="n\\nl"} +Inf\nb 1.5e3 1700000000\n');
    expect(samples).toEqual([
      { name: 'a', labels: { x: 'q"uote\\', y: 'n\nl' }, value: Infinity },
      { name: 'b', labels: {}, value: 1500 },
    ]);
  });

  it('names the line that is not a sample', () => {
    expect(() => parseMetrics('ok 1\n<html>\n')).toThrow('/metrics line 2 is not a Prometheus sample');
  });

  it('turns cumulative buckets into per-bucket counts and differences two scrapes', () => {
    const h = histogram(parseMetrics(before), 'mlops_serve_request_duration_seconds', { model: 'churn', version: 'v2' });
    expect(h).toEqual({ bounds: [0.005, 0.01, Infinity], counts: [3, 2, 0] });
    const { samples, vanished } = windowSamples(parseMetrics(before), parseMetrics(after), () => true);
    expect(vanished).toBe(0);
    expect(histogram(samples, 'mlops_serve_request_duration_seconds', { model: 'churn', version: 'v2' })).toEqual({ bounds: [0.005, 0.01, Infinity], counts: [17, 8, 3] });
  });

  it('differences series by series: a counter that went down was reset (counts from 0), a series that is gone is counted as vanished', () => {
    const series = (value: number, instance: string) => ({ name: 'mlops_serve_requests_total', labels: { model: 'churn', version: 'v2', code: '200', instance }, value });
    const window = windowSamples([series(400, 'a'), series(500, 'b')], [series(100, 'a'), series(1000, 'b')], () => true);
    expect(window).toEqual({ samples: [series(100, 'a'), series(500, 'b')], vanished: 0 });
    expect(windowSamples([series(400, 'a'), series(500, 'b')], [series(520, 'b'), series(7, 'c')], () => true)).toEqual({ samples: [series(20, 'b'), series(7, 'c')], vanished: 1 });
  });

  it('labels a scrape with the server process that answered it', () => {
    const samples = parseMetrics('mlops_serve_instance_info{instance_id="p-1"} 1\nmlops_serve_requests_total{model="churn",version="v2",code="200"} 3\n');
    expect(withInstance(samples, 'mlops_serve_instance_info').map((s) => s.labels.instance)).toEqual(['p-1', 'p-1']);
    expect(withInstance(parseMetrics('x 1\n'), 'mlops_serve_instance_info')).toEqual([{ name: 'x', labels: {}, value: 1 }]);
  });

  it('a window across a process restart or a replica switch is inconclusive, never judged on what is left', () => {
    const scrape = (text: string, id: string) => withInstance(parseMetrics(`mlops_serve_instance_info{instance_id="${id}"} 1\n${text}`), 'mlops_serve_instance_info');
    const figures = windowFigures(scrape(before, 'p-1'), scrape(after, 'p-2'), { model: 'churn', canary: 'v2', stable: 'v1' }, true);
    expect(figures.vanished).toBeGreaterThan(0);
    // Not enough requests to fail on (3 errors, fewer than max-error-rate × min-requests): no pass either.
    const analysis = analyseWindow(figures, { maxErrorRate: 0.01, maxP99Ms: 1000, maxPredictionShift: 0.1, minRequests: 1000, minPredictions: 1 });
    expect(analysis.verdict).toBe('inconclusive');
    expect(analysis.reasons).toEqual([expect.stringContaining('stopped reporting during the window (a server process restarted or was replaced, or the scrape reached another replica), so the window had to start again')]);
    // What was counted before the process left did happen: a canary failing its error rate still fails.
    const failing = analyseWindow({ ...figures, requests: 100, errors: 40 }, { maxErrorRate: 0.01, maxP99Ms: 1000, maxPredictionShift: 0.1, minRequests: 1, minPredictions: 1 });
    expect(failing.verdict).toBe('fail');
    expect(failing.reasons[0]).toContain('error rate 40.00 % (40/100) is above max-error-rate 1.00 %');
    // The same process on both sides: judged as before.
    expect(windowFigures(scrape(before, 'p-1'), scrape(after, 'p-1'), { model: 'churn', canary: 'v2', stable: 'v1' }, true)).toMatchObject({ requests: 28, errors: 2, vanished: 0 });
  });

  it('the window of a canary: its requests, 5xx and predictions between the scrapes', () => {
    const figures = windowFigures(parseMetrics(before), parseMetrics(after), { model: 'churn', canary: 'v2', stable: 'v1' }, true);
    expect(figures.requests).toBe(28);
    expect(figures.errors).toBe(2);
    expect(figures.canaryPredictions.counts).toEqual([10, 26, 0]);
    expect(counterTotal(parseMetrics(after), 'mlops_serve_requests_total', { model: 'churn' })).toBe(46);
  });
});

describe('a rollout whose rollback fails too', () => {
  it('says both, instead of reporting a rollback that did not happen', async () => {
    const calls: string[] = [];
    const client = {
      async setTraffic(_model: string, weights: Record<string, number>) {
        calls.push(JSON.stringify(weights));
        if (weights.v1 === 100) throw new Error('PUT /v2/models/churn/traffic on http://127.0.0.1:1 failed (503): draining');
      },
      async unload() {},
      async scrape(): Promise<never> {
        throw new Error('cannot reach the server at http://127.0.0.1:1 (ECONNREFUSED)');
      },
    };
    const plan = { model: 'churn', canary: 'v2', stable: 'v1', steps: [50, 100], bakeSeconds: 1, holdFactor: 1, thresholds: { maxErrorRate: 0.01, maxP99Ms: 1000, maxPredictionShift: 0.1, minRequests: 1, minPredictions: 1 } };
    const error = await runRollout(client, plan, { log: () => {}, sleep: async () => {}, now: () => 0 }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe('cannot reach the server at http://127.0.0.1:1 (ECONNREFUSED); rolling back failed too: PUT /v2/models/churn/traffic on http://127.0.0.1:1 failed (503): draining');
    expect((error as UserError).hint).toContain('set v1 to 100 % by hand');
    expect(calls).toEqual(['{"v2":50,"v1":50}', '{"v1":100,"v2":0}']);
  });
});

describe('a rollout that a failed call ends after a judged step', () => {
  it('leaves the judged steps in the caller\'s array for the record', async () => {
    let scrapes = 0;
    let changes = 0;
    const client = {
      async setTraffic(_model: string, weights: Record<string, number>) {
        changes++;
        if (changes === 2 && weights.v2 === 100) throw new UserError('canary 100 %: not ready within 3 s');
      },
      async unload() {},
      async scrape() {
        return parseMetrics(scrapes++ % 2 === 0 ? before : after);
      },
    };
    const plan = { model: 'churn', canary: 'v2', stable: 'v1', steps: [100, 100], bakeSeconds: 1, holdFactor: 1, thresholds: { maxErrorRate: 0.5, maxP99Ms: 1000, maxPredictionShift: 0.1, minRequests: 1, minPredictions: 1 } };
    const steps: Parameters<typeof runRollout>[3] = [];
    const error = await runRollout(client, plan, { log: () => {}, sleep: async () => {}, now: () => 0 }, steps).then(() => undefined, (e: unknown) => e);
    expect((error as Error).message).toBe('canary 100 %: not ready within 3 s');
    expect(steps).toEqual([expect.objectContaining({ weight: 100, verdict: 'pass' })]);
  });
});
