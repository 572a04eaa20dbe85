import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { confusionMatrix, metricValues, prepareClassification } from '../../shared/stats/classification.js';
import { prepareRegression } from '../../shared/stats/regression.js';

interface ClassificationCase {
  name: string;
  classes: number;
  truth: number[];
  predicted: number[];
  probabilities: number[] | null;
  weights: number[] | null;
  expected: Record<string, number | null>;
  confusion: number[][];
}
interface RegressionCase {
  name: string;
  truth: number[];
  predicted: number[];
  weights: number[] | null;
  expected: Record<string, number | null>;
}

const reference = JSON.parse(readFileSync(new URL('../fixtures/stats/reference.json', import.meta.url), 'utf8')) as {
  classification: ClassificationCase[];
  regression: RegressionCase[];
};

function expectClose(actual: Record<string, number | null>, expected: Record<string, number | null>) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [name, value] of Object.entries(expected)) {
    if (value === null) expect(actual[name], name).toBeNull();
    else expect(Math.abs((actual[name] ?? Number.NaN) - value), `${name}: ${actual[name]} vs sklearn ${value}`).toBeLessThanOrEqual(1e-9);
  }
}

describe('classification metrics agree with scikit-learn to 1e-9', () => {
  for (const c of reference.classification) {
    it(c.name, () => {
      const prepared = prepareClassification({
        classes: c.classes,
        truth: Int32Array.from(c.truth),
        predicted: Int32Array.from(c.predicted),
        probabilities: c.probabilities ? Float64Array.from(c.probabilities) : undefined,
      });
      expectClose(metricValues(prepared, c.weights ? Float64Array.from(c.weights) : undefined), c.expected);
      expect(confusionMatrix(Int32Array.from(c.truth), Int32Array.from(c.predicted), c.classes)).toEqual(c.confusion);
    });
  }
});

describe('regression metrics agree with scikit-learn to 1e-9', () => {
  for (const c of reference.regression) {
    it(c.name, () => {
      const prepared = prepareRegression(Float64Array.from(c.truth), Float64Array.from(c.predicted));
      expectClose(metricValues(prepared, c.weights ? Float64Array.from(c.weights) : undefined), c.expected);
    });
  }
});
