/**
 * Which test a column gets under `auto`, by type and cardinality (docs/drift-check.md has the
 * table beside Evidently's choices). Unlike Evidently, the choice never depends on the sample
 * size: the decision rule (adjusted p AND effect size) is what keeps large samples from
 * flagging trivial shifts.
 *
 * | column                                         | test          | effect size              |
 * | numeric with more than 5 distinct values        | ks            | Wasserstein / sd(ref)    |
 * | numeric ≤ 5 values, boolean, text, > 2 values   | chi2          | Jensen–Shannon distance  |
 * | any column with at most 2 values                | z             | Jensen–Shannon distance  |
 */
export const DRIFT_TESTS = ['auto', 'ks', 'chi2', 'z'] as const;
export type DriftTest = Exclude<(typeof DRIFT_TESTS)[number], 'auto'>;

export const MAX_CATEGORICAL_NUMERIC_VALUES = 5;

export function chooseTest(numeric: boolean, distinctValues: number): DriftTest {
  if (distinctValues <= 2) return 'z';
  if (numeric && distinctValues > MAX_CATEGORICAL_NUMERIC_VALUES) return 'ks';
  return 'chi2';
}
