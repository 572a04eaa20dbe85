import { describe, expect, it } from 'vitest';
import { counterTotal, histogram, histogramDelta, parseMetrics } from '../../shared/deploy/prometheus.js';
import { windowFigures } from '../../shared/deploy/rollout.js';

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
    const delta = histogramDelta(h, histogram(parseMetrics(after), 'mlops_serve_request_duration_seconds', { model: 'churn', version: 'v2' }));
    expect(delta).toEqual({ bounds: [0.005, 0.01, Infinity], counts: [17, 8, 3] });
  });

  it('the window of a canary: its requests, 5xx and predictions between the scrapes', () => {
    const figures = windowFigures(parseMetrics(before), parseMetrics(after), { model: 'churn', canary: 'v2', stable: 'v1' }, true);
    expect(figures.requests).toBe(28);
    expect(figures.errors).toBe(2);
    expect(figures.canaryPredictions.counts).toEqual([10, 26, 0]);
    expect(counterTotal(parseMetrics(after), 'mlops_serve_requests_total', { model: 'churn' })).toBe(46);
  });
});
