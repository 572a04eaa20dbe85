/**
 * The progressive-traffic state machine for one new version beside a stable one:
 *
 *   for each step: set weights (new = step, stable = 100 − step) → bake → analyse the window
 *     pass → next step · fail → roll back · inconclusive → bake again (window grows) until the
 *     step's deadline, then roll back
 *   all steps passed → promoted (the caller unloads the stable version and moves the alias)
 *   cancellation (SIGTERM) at any point → roll back
 *
 * Roll back = 100 % to the stable version, then unload the new one: a rollback never leaves
 * traffic on the version that failed.
 */
import { analyseWindow, type Analysis, type Thresholds, type WindowFigures } from './analysis.js';
import { counterTotal, histogram, windowSamples, type Sample } from './prometheus.js';
import type { ServeClient, Weights } from './serve-client.js';
import { DURATION, PREDICTION, REQUESTS } from '../serve/metric-names.js';
import { UserError } from '../errors/user-error.js';

/** What the rollout drives: an `mlops serve` instance, or a KServe InferenceService (kserve/traffic.ts). */
export type TrafficClient = Pick<ServeClient, 'setTraffic' | 'unload' | 'scrape'>;

export interface RolloutPlan {
  model: string;
  canary: string;
  stable: string;
  steps: number[];
  bakeSeconds: number;
  /** How long a step may be held for lack of traffic, as a multiple of bakeSeconds. */
  holdFactor: number;
  thresholds: Thresholds;
}

export interface StepRecord {
  weight: number;
  weights: Weights;
  bakes: number;
  seconds: number;
  verdict: Analysis['verdict'];
  analysis: Analysis;
}

export interface RolloutResult {
  promoted: boolean;
  steps: StepRecord[];
  reason?: string;
}

export class Cancelled extends Error {
  constructor(readonly signalName: string) {
    super(`cancelled (${signalName})`);
  }
}

export interface RolloutHooks {
  log(message: string): void;
  /** Resolves after `ms`, rejects with Cancelled when the deploy is cancelled. */
  sleep(ms: number): Promise<void>;
  now(): number;
}

/** @param steps where each judged step is recorded: the caller's array, so it still has them when a call throws. */
export async function runRollout(client: TrafficClient, plan: RolloutPlan, hooks: RolloutHooks, steps: StepRecord[] = []): Promise<RolloutResult> {
  try {
    for (const weight of plan.steps) {
      const weights: Weights = { [plan.canary]: weight, [plan.stable]: 100 - weight };
      await client.setTraffic(plan.model, weights);
      hooks.log(`traffic: ${plan.canary} ${weight} %, ${plan.stable} ${100 - weight} %; baking ${plan.bakeSeconds} s`);
      const started = hooks.now();
      const deadline = started + plan.bakeSeconds * plan.holdFactor * 1000;
      let before = await client.scrape();
      let bakes = 0;
      let analysis: Analysis;
      for (;;) {
        await hooks.sleep(plan.bakeSeconds * 1000);
        bakes++;
        const after = await client.scrape();
        const figures = windowFigures(before, after, plan, weight < 100);
        analysis = analyseWindow(figures, { ...plan.thresholds, looks: plan.holdFactor });
        // Counts that left with a process cannot be told apart from the window's: it starts again.
        if (figures.vanished > 0) before = after;
        hooks.log(`step ${weight} %: ${analysis.verdict} — ${describe(analysis)}`);
        if (analysis.verdict !== 'inconclusive') break;
        if (hooks.now() + plan.bakeSeconds * 1000 > deadline) break;
        hooks.log(`step ${weight} %: holding (${analysis.reasons.join('; ')})`);
      }
      const record: StepRecord = { weight, weights, bakes, seconds: (hooks.now() - started) / 1000, verdict: analysis.verdict, analysis };
      steps.push(record);
      if (analysis.verdict === 'fail') return await rollBack(client, plan, steps, `step ${weight} %: ${analysis.reasons.join('; ')}`, hooks);
      if (analysis.verdict === 'inconclusive') {
        return await rollBack(client, plan, steps, `step ${weight} % stayed inconclusive until its deadline (${plan.bakeSeconds * plan.holdFactor} s): ${analysis.reasons.join('; ')}`, hooks);
      }
    }
    return { promoted: true, steps };
  } catch (error) {
    if (error instanceof Cancelled) return await rollBack(client, plan, steps, `the deploy was ${error.message}`, hooks);
    // A failed call mid-rollout: still try to put the stable version back before reporting it;
    // if that fails too, say so (the caller must not report a rollback that did not happen).
    try {
      await rollBack(client, plan, steps, (error as Error).message, hooks);
    } catch (rollbackError) {
      throw new UserError(`${(error as Error).message}; rolling back failed too: ${(rollbackError as Error).message}`, {
        hint: `Traffic may still reach ${plan.canary}: check the split and set ${plan.stable} to 100 % by hand (for mlops serve, PUT /v2/models/${plan.model}/traffic; for KServe, canaryTrafficPercent: 0).`,
      });
    }
    throw error;
  }
}

async function rollBack(client: TrafficClient, plan: RolloutPlan, steps: StepRecord[], reason: string, hooks: RolloutHooks): Promise<RolloutResult> {
  hooks.log(`rolling back: ${reason}`);
  await client.setTraffic(plan.model, { [plan.stable]: 100, [plan.canary]: 0 });
  await client.unload(plan.model, plan.canary);
  hooks.log(`rolled back: ${plan.stable} 100 %, ${plan.canary} unloaded`);
  return { promoted: false, steps, reason };
}

const JUDGED = new Set([REQUESTS, `${DURATION}_bucket`, `${PREDICTION}_bucket`]);

/** The window between two scrapes, as the analysis judges it: differenced series by series (prometheus.ts windowSamples). */
export function windowFigures(before: Sample[], after: Sample[], plan: Pick<RolloutPlan, 'model' | 'canary' | 'stable'>, compare: boolean): WindowFigures & { vanished: number } {
  const canary = { model: plan.model, version: plan.canary };
  const stable = { model: plan.model, version: plan.stable };
  const judged = (s: Sample) => JUDGED.has(s.name) && s.labels.model === plan.model && (s.labels.version === plan.canary || (compare && s.labels.version === plan.stable));
  const { samples: window, vanished } = windowSamples(before, after, judged);
  const isError = (labels: Record<string, string>) => Number(labels.code) >= 500;
  return {
    requests: counterTotal(window, REQUESTS, canary),
    errors: counterTotal(window, REQUESTS, canary, isError),
    latency: histogram(window, DURATION, canary),
    canaryPredictions: histogram(window, PREDICTION, canary),
    stablePredictions: compare ? histogram(window, PREDICTION, stable) : undefined,
    vanished,
  };
}

export function describe(a: Analysis): string {
  const parts = [`${a.requests} requests`, `error rate ${a.error_rate === null ? '—' : (a.error_rate * 100).toFixed(2) + ' %'}`, `p99 ${a.p99_ms === null ? '—' : a.p99_ms.toFixed(1) + ' ms'}`];
  if (a.prediction_shift !== null) parts.push(`prediction shift ${a.prediction_shift.toFixed(3)} (p ${a.shift_p_value!.toExponential(2)})`);
  return parts.join(', ');
}
