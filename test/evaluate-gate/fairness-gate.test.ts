/** fairness-gate: rules judged inside decide()'s Holm family, groups, and the errors. */
import { describe, expect, it } from 'vitest';
import { decide } from '../../actions/evaluate-gate/decide.js';
import { fairnessGate, MISSING_GROUP, withFairness, type FairnessInput } from '../../actions/evaluate-gate/fairness-gate.js';
import { Xoshiro128 } from '../../shared/stats/prng.js';

/** n rows, two groups: a selects with 0.6, b with 0.3 (independent of the truth). */
function population(n: number, seed = 1) {
  const rng = new Xoshiro128(seed);
  const group: (string | null)[] = [];
  const truth = new Int32Array(n);
  const predicted = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a = rng.nextDouble() < 0.5;
    group.push(a ? 'a' : 'b');
    truth[i] = rng.nextDouble() < 0.4 ? 1 : 0;
    predicted[i] = rng.nextDouble() < (a ? 0.6 : 0.3) ? 1 : 0;
  }
  return { group, truth, predicted };
}

function input(n: number, metrics: FairnessInput['config']['metrics'], extra: Partial<FairnessInput> = {}): FairnessInput {
  const p = population(n);
  return {
    config: { attributes: ['g'], metrics },
    kind: 'binary',
    rows: n,
    columns: new Map([['g', p.group]]),
    candidate: { classes: 2, truth: p.truth, predicted: p.predicted, positive: 1 },
    alpha: 0.05,
    absolute: 'interval',
    resamples: 400,
    seed: 3,
    minSliceRows: 30,
    ...extra,
  };
}

function judge(fairness: Awaited<ReturnType<typeof fairnessGate>>) {
  // decide() with no metric groups: the fairness tests form the whole Holm family.
  decide([], { alpha: 0.05, thresholds: {}, absolute: 'interval', hasBaseline: false, external: fairness.tests });
  return fairness.outcomes();
}

describe('fairness gate', () => {
  it('absolute: interval — a ceiling far above passes, one far below fails, one inside the interval is inconclusive', async () => {
    const outcomes = judge(
      await fairnessGate(
        input(4000, {
          demographic_parity_difference: { max: 0.5 },
          equalized_odds_difference: { max: 0.05 },
          demographic_parity_ratio: { min: 0.5 },
        }),
      ),
    );
    const by = Object.fromEntries(outcomes.map((o) => [o.metric, o]));
    expect(by.demographic_parity_difference!.verdict).toBe('pass');
    expect(by.demographic_parity_difference!.rule).toMatch(/interval wholly within the bound .*rank \d\/3/);
    expect(by.equalized_odds_difference!.verdict).toBe('fail');
    // Selection 0.6 vs 0.3: the ratio is about 0.5, so its interval straddles the floor.
    expect(by.demographic_parity_ratio!.candidate).toBeGreaterThan(0.4);
    expect(by.demographic_parity_ratio!.candidate).toBeLessThan(0.6);
    expect(by.demographic_parity_ratio!.verdict).toBe('inconclusive');
    expect(withFairness({ verdict: 'pass', reasons: [] }, outcomes).verdict).toBe('fail');
  });

  it('without thresholds every metric is reported with its interval, none gated', async () => {
    const outcomes = judge(await fairnessGate(input(1000, undefined)));
    expect(outcomes.map((o) => [o.metric, o.verdict, o.gated])).toEqual([
      ['demographic_parity_difference', 'reported', false],
      ['equalized_odds_difference', 'reported', false],
      ['demographic_parity_ratio', 'reported', false],
    ]);
    expect(outcomes.every((o) => o.candidate_ci !== null && o.ci === null)).toBe(true);
    expect(withFairness({ verdict: 'pass', reasons: [] }, outcomes)).toEqual({ verdict: 'pass', reasons: [] });
  });

  it('missing values are their own group; with one testable group the metric is reported with a note', async () => {
    const n = 200;
    const fairness = await fairnessGate(input(n, { demographic_parity_difference: { max: 0.1 } }, { columns: new Map([['g', Array.from({ length: n }, (_, i) => (i < 190 ? 'a' : null))]]) }));
    const [outcome] = judge(fairness);
    expect(Object.keys(outcome!.groups)).toEqual([MISSING_GROUP, 'a']);
    expect(outcome!.untested_groups).toEqual([MISSING_GROUP]);
    expect(outcome!.verdict).toBe('reported');
    expect(outcome!.rule).toBe('reported only (not tested: fewer than two groups of g have min_slice_rows (30) rows)');
    expect(outcome!.candidate).toBeNull();
  });

  it('a metric undefined on the holdout (a group without positives) is not a test: insufficient evidence, n/a with its reason, outside the Holm family', async () => {
    const n = 400;
    const base = input(n, { equalized_odds_difference: { max: 0.5 }, demographic_parity_difference: { max: 0.9 } });
    // Group b has no positives: its TPR, and so equalized odds, is undefined on every row set.
    const truth = Int32Array.from(base.candidate!.truth, (t, i) => (base.columns.get('g')![i] === 'b' ? 0 : t));
    const fairness = await fairnessGate({ ...base, candidate: { ...base.candidate!, truth } });
    expect(fairness.tests).toHaveLength(1);
    const by = Object.fromEntries(judge(fairness).map((o) => [o.metric, o]));
    const odds = by.equalized_odds_difference!;
    expect(odds.candidate).toBeNull();
    expect(odds.candidate_ci).toBeNull();
    expect(odds.verdict).toBe('insufficient-evidence');
    expect(odds.rule).toContain('n/a, undefined on 400 of 400 resamples (a group without positives or without negatives); not tested');
    expect(odds.undefined_reason).toBe('undefined on these rows (a group without positives or without negatives)');
    expect(odds.groups.b!.tpr).toBeNull();
    expect(by.demographic_parity_difference!.rule).toContain('rank 1/1');
    expect(withFairness({ verdict: 'pass', reasons: [] }, Object.values(by)).verdict).toBe('insufficient-evidence');
  });

  it('the same seed gives the same intervals; another seed other ones', async () => {
    const a = judge(await fairnessGate(input(500, undefined)));
    const b = judge(await fairnessGate(input(500, undefined)));
    const c = judge(await fairnessGate(input(500, undefined, { seed: 4 })));
    expect(a[0]!.candidate_ci).toEqual(b[0]!.candidate_ci);
    expect(a[0]!.candidate_ci).not.toEqual(c[0]!.candidate_ci);
  });

  it('an attribute with more than 100 values is refused', async () => {
    await expect(fairnessGate(input(300, undefined, { columns: new Map([['g', Array.from({ length: 300 }, (_, i) => String(i))]]) }))).rejects.toThrow(/fairness attribute "g" has 300 distinct values, more than 100/);
  });
});
