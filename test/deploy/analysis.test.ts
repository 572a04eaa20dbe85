import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseWindow, histogramQuantile, jensenShannonDistance, poolBins, type Thresholds } from '../../shared/deploy/analysis.js';
import { chiSquareHomogeneity, chiSquareSurvival } from '../../shared/stats/chi-square.js';
import { ROOT } from '../support/run-action.js';

interface Case {
  name: string;
  a: number[];
  b: number[];
  pooled_a: number[];
  pooled_b: number[];
  js: number;
  chi2: number;
  dof: number;
  p: number;
}

const reference = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/deploy/analysis-reference.json'), 'utf8')) as { min_expected: number; cases: Case[]; survival: { x: number; dof: number; sf: number }[] };

const thresholds: Thresholds = { maxErrorRate: 0.01, maxP99Ms: 500, maxPredictionShift: 0.1, minRequests: 20, minPredictions: 20 };
const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

describe('canary analysis against SciPy (test/fixtures/deploy/generate.py)', () => {
  it.each(reference.cases.map((c) => [c.name, c] as const))('%s: Jensen–Shannon distance, pooling and chi-square', (_, c) => {
    close(jensenShannonDistance(c.a, c.b), c.js);
    const [pa, pb] = poolBins(c.a, c.b, reference.min_expected);
    expect(pa).toEqual(c.pooled_a);
    expect(pb).toEqual(c.pooled_b);
    const result = chiSquareHomogeneity(pa, pb);
    expect(result.degrees).toBe(c.dof);
    close(result.statistic, c.chi2);
    close(result.pValue, c.p);
  });

  it.each(reference.survival.map((s) => [s.x, s.dof, s] as const))('chi-square survival at x=%s, k=%s', (_, __, s) => {
    close(chiSquareSurvival(s.x, s.dof), s.sf);
  });

  it('a small canary sample of the same model is not failed although its distance exceeds the threshold: the step is held', () => {
    const small = reference.cases.find((c) => c.name === 'same distribution, small canary')!;
    expect(small.js).toBeGreaterThan(thresholds.maxPredictionShift);
    const bounds = small.a.map((_, i) => (i + 1) / 20);
    const analysis = analyseWindow({ requests: 30, errors: 0, latency: { bounds: [0.01, Infinity], counts: [30, 0] }, canaryPredictions: { bounds, counts: small.a }, stablePredictions: { bounds, counts: small.b } }, thresholds);
    expect(analysis.verdict).toBe('inconclusive');
  });

  // A canary answering 1 − p (test/fixtures/deploy/flipped.onnx) seen on 30 predictions per side,
  // as a bake starved of traffic sees it: the distance is far above the threshold, but the
  // chi-square test cannot separate it from noise yet. That must hold the step, never pass it.
  const mirrored = (canary: [number, number], stable: [number, number], looks?: number) => {
    const bounds = [...Array.from({ length: 20 }, (_, i) => Number(((i + 1) * 0.05).toFixed(2))), Infinity];
    const histogram = ([low, high]: [number, number]) => ({ bounds, counts: bounds.map((_, i) => (i === 0 ? low : i === 19 ? high : 0)) });
    const requests = canary[0] + canary[1];
    return analyseWindow({ requests, errors: 0, latency: { bounds: [0.01, Infinity], counts: [requests, 0] }, canaryPredictions: histogram(canary), stablePredictions: histogram(stable) }, { ...thresholds, looks });
  };

  it('a shifted canary seen on too few predictions to be significant is inconclusive, not a pass', () => {
    const analysis = mirrored([11, 19], [19, 11]);
    expect(analysis.prediction_shift).toBeGreaterThan(thresholds.maxPredictionShift);
    expect(analysis.shift_p_value).toBeGreaterThan(0.01);
    expect(analysis.verdict).toBe('inconclusive');
    expect(analysis.reasons).toEqual(['prediction shift 0.228 (Jensen–Shannon distance) is above max-prediction-shift 0.1 but not yet significant (chi-square p = 3.89e-2, fails below 0.01) on 30 canary and 30 stable predictions']);
  });

  it('the same shift on a window grown fourfold fails', () => {
    const analysis = mirrored([44, 76], [76, 44]);
    expect(analysis.verdict).toBe('fail');
    expect(analysis.reasons).toEqual(['prediction shift 0.228 (Jensen–Shannon distance) is above max-prediction-shift 0.1 (chi-square p = 3.61e-5)']);
  });

  it('a step judged up to 5 times tests each look at 0.01 / 5, so five looks at a good canary fail it by chance at most 1 % of the time', () => {
    // p ≈ 0.0035: significant for a single look, not for one of five.
    const once = mirrored([22, 38], [38, 22]);
    expect(once.shift_p_value).toBeGreaterThan(0.002);
    expect(once.shift_p_value).toBeLessThan(0.01);
    expect(once.verdict).toBe('fail');
    const ofFive = mirrored([22, 38], [38, 22], 5);
    expect(ofFive.verdict).toBe('inconclusive');
    expect(ofFive.reasons[0]).toMatch(/not yet significant \(chi-square p = 3\.\d+e-3, fails below 0\.002\) on 60 canary and 60 stable predictions$/);
    expect(mirrored([44, 76], [76, 44], 5).verdict).toBe('fail');
  });

  it('a shifted canary fails on prediction shift', () => {
    const shifted = reference.cases.find((c) => c.name === 'shifted, large')!;
    const bounds = shifted.a.map((_, i) => (i + 1) / 20);
    const analysis = analyseWindow({ requests: 800, errors: 0, latency: { bounds: [0.01, Infinity], counts: [800, 0] }, canaryPredictions: { bounds, counts: shifted.a }, stablePredictions: { bounds, counts: shifted.b } }, thresholds);
    expect(analysis.verdict).toBe('fail');
    expect(analysis.reasons.join()).toContain('prediction shift 0.807');
  });
});

describe('error rate and latency', () => {
  const latency = { bounds: [0.005, 0.01, 0.025, Infinity], counts: [50, 40, 10, 0] };

  it('too few canary requests is inconclusive, not a pass', () => {
    const analysis = analyseWindow({ requests: 5, errors: 0, latency, canaryPredictions: { bounds: [], counts: [] } }, thresholds);
    expect(analysis.verdict).toBe('inconclusive');
    expect(analysis.reasons[0]).toBe('only 5 canary requests (need 20)');
  });

  it('errors above the rate fail; at the rate pass', () => {
    expect(analyseWindow({ requests: 100, errors: 2, latency, canaryPredictions: { bounds: [], counts: [] } }, thresholds).verdict).toBe('fail');
    expect(analyseWindow({ requests: 100, errors: 1, latency, canaryPredictions: { bounds: [], counts: [] } }, thresholds).verdict).toBe('pass');
  });

  it('requests counted without their durations (a partial scrape) are inconclusive, not a pass', () => {
    const analysis = analyseWindow({ requests: 100, errors: 0, latency: { bounds: [], counts: [] }, canaryPredictions: { bounds: [], counts: [] } }, thresholds);
    expect(analysis.verdict).toBe('inconclusive');
    expect(analysis.reasons).toEqual(['no request durations for the 100 canary requests (no mlops_serve_request_duration_seconds observations in the scrape)']);
  });

  it('a burst of errors fails before enough requests arrived', () => {
    expect(analyseWindow({ requests: 3, errors: 3, latency, canaryPredictions: { bounds: [], counts: [] } }, thresholds).verdict).toBe('fail');
  });

  it('p99 interpolates inside its bucket as histogram_quantile does', () => {
    // rank 99 of 100: 9th of the 10 in (0.01, 0.025] → 0.01 + 0.015 * 9/10
    close(histogramQuantile(0.99, latency)!, 0.0235);
    close(histogramQuantile(0.5, latency)!, 0.005);
    expect(histogramQuantile(0.99, { bounds: [0.5, Infinity], counts: [0, 4] })).toBe(0.5);
    expect(histogramQuantile(0.99, { bounds: [0.5, Infinity], counts: [0, 0] })).toBeNull();
    const slow = analyseWindow({ requests: 100, errors: 0, latency: { bounds: [0.25, 0.5, 1, Infinity], counts: [10, 10, 80, 0] }, canaryPredictions: { bounds: [], counts: [] } }, thresholds);
    expect(slow.verdict).toBe('fail');
    expect(slow.reasons[0]).toContain('p99 latency 993.8 ms');
  });
});
