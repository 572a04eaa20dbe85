/**
 * Where the label-free performance estimate gets its probabilities: the model's scores when
 * `model` was given, else a captured output column of `mlops serve` (`output.probabilities`
 * as [p0, p1], or `output.probability`) in the current sample, and in the reference when it
 * has the same column.
 */
import type { Reference } from './analyse.js';
import type { LoadedSample } from './load.js';
import { expectedPerformance, positiveClassProbabilities, type PerformanceEstimate } from './performance.js';

const PROBABILITY_COLUMNS = ['output.probabilities', 'output.probability'];

export async function estimatePerformance(current: LoadedSample, reference: Reference, scored?: { current: Float64Array; reference: Float64Array; source: string }): Promise<PerformanceEstimate | undefined> {
  if (scored) {
    const cur = expectedPerformance(scored.current);
    if (!cur) return undefined;
    return { source: scored.source, current: cur, reference: expectedPerformance(scored.reference) };
  }
  const column = PROBABILITY_COLUMNS.find((name) => current.columns.some((c) => c.name === name));
  if (!column) return undefined;
  const probabilities = await probabilitiesOf(current, column);
  const cur = probabilities && expectedPerformance(probabilities);
  if (!cur) return undefined;
  let ref;
  if (reference.kind === 'data' && reference.sample.columns.some((c) => c.name === column)) {
    const r = await probabilitiesOf(reference.sample, column);
    ref = r && expectedPerformance(r);
  }
  return { source: column, current: cur, reference: ref ?? undefined };
}

async function probabilitiesOf(sample: LoadedSample, column: string): Promise<Float64Array | undefined> {
  const values = (await sample.read([column])).get(column)!;
  return positiveClassProbabilities(values.kind === 'numeric' ? values.values : values.values);
}
