/**
 * Compares the current sample with the reference column by column: picks the columns,
 * checks their types agree, reads them, drops and counts missing values, runs each column's
 * test and measures its effect size. The decision (decide.ts) comes after, across columns.
 */
import type { DataProfile } from '../data/profile.js';
import { UserError } from '../errors/user-error.js';
import { categoricalMeasure, countCategories } from './categorical.js';
import { chooseTest, type DriftTest } from './choose-test.js';
import { numericAgainstHistogram, numericValuesAgainstProfile, profileCategories } from './from-profile.js';
import { CAPTURE_METADATA, isNumericKind, type ColumnValues, type LoadedSample } from './load.js';
import { columnPool, threaded } from './column-pool.js';
import { distinctSorted, numericMeasure } from './numeric.js';
import { measureNumericColumn, type NumericColumnResult, type NumericColumnTask } from './numeric-column.js';
import { positiveClassProbabilities } from './performance.js';
import type { ColumnMeasure } from './result.js';
import { splitNaN } from './sample.js';

export type Reference = { kind: 'data'; sample: LoadedSample } | { kind: 'profile'; profile: DataProfile; display: string };

export interface PlannedColumn {
  name: string;
  role: 'feature' | 'prediction';
  numeric: boolean;
}

const PREDICTION_PREFIX = 'output.';
const NUMERIC_PROFILE_TYPES = new Set(['integer', 'number']);
const UNCOMPARED_KINDS = new Set(['date', 'timestamp', 'other']);

/** The columns to compare: asked for, else the model's features, else every shared column (plus shared captured outputs). */
export function planColumns(current: LoadedSample, reference: Reference, requested: string[] | undefined, features: string[] | undefined): PlannedColumn[] {
  const referenceColumns = reference.kind === 'data'
    ? new Map(reference.sample.columns.map((c) => [c.name, isNumericKind(c)] as const))
    : new Map(reference.profile.columns.map((c) => [c.name, NUMERIC_PROFILE_TYPES.has(c.type)] as const));
  const currentColumns = new Map(current.columns.map((c) => [c.name, c] as const));
  const referenceName = reference.kind === 'data' ? reference.sample.displayFiles[0] : reference.display;
  const currentName = current.displayFiles[0];

  let names: string[];
  if (requested && requested.length > 0) {
    for (const name of requested) {
      if (!currentColumns.has(name)) throw new UserError(`column "${name}" is not in the current sample`, { where: { file: currentName, key: 'columns' }, hint: `Its columns are: ${[...currentColumns.keys()].join(', ')}.` });
      if (!referenceColumns.has(name)) throw new UserError(`column "${name}" is not in the reference`, { where: { file: referenceName, key: 'columns' }, hint: `Its columns are: ${[...referenceColumns.keys()].join(', ')}.` });
    }
    names = requested;
  } else {
    // Dates, timestamps and nested values are not compared by default (a capture's time always "drifts").
    const comparable = (name: string) => name.startsWith(PREDICTION_PREFIX) || !UNCOMPARED_KINDS.has(currentColumns.get(name)!.kind);
    const shared = [...currentColumns.keys()].filter((name) => referenceColumns.has(name) && !CAPTURE_METADATA.has(name) && comparable(name));
    names = features && features.length > 0 ? [...features.filter((f) => shared.includes(f)), ...shared.filter((n) => n.startsWith(PREDICTION_PREFIX))] : shared;
    if (features && features.length > 0) {
      const missing = features.filter((f) => !shared.includes(f));
      if (missing.length === features.length) names = [];
    }
  }
  if (names.length === 0) {
    throw new UserError('the current sample and the reference share no columns to compare', {
      where: { file: currentName, key: 'current' },
      hint: `Current columns: ${[...currentColumns.keys()].slice(0, 20).join(', ')}; reference columns: ${[...referenceColumns.keys()].slice(0, 20).join(', ')}. Check that both are the same kind of data, or list \`columns\`.`,
    });
  }
  return names.map((name) => {
    const column = currentColumns.get(name)!;
    const currentNumeric = isNumericKind(column);
    const referenceNumeric = referenceColumns.get(name)!;
    if (currentNumeric !== referenceNumeric && (column.kind === 'string' || !referenceNumeric)) {
      throw new UserError(`column "${name}" is ${currentNumeric ? 'numeric' : column.kind === 'string' ? 'text' : column.kind} in the current sample but ${referenceNumeric ? 'numeric' : 'not numeric'} in the reference`, {
        where: { file: currentName, key: name },
        hint: 'A column must have the same type in both samples: fix the values that are not numbers (or encode the column the same way), or leave it out with `columns`.',
      });
    }
    return { name, role: name.startsWith(PREDICTION_PREFIX) ? 'prediction' : 'feature', numeric: currentNumeric && referenceNumeric };
  });
}

export interface SkippedColumn {
  column: string;
  reason: string;
}

/** Text columns with more distinct values than this share of their values (and at least MIN_IDENTIFIER_VALUES) are identifiers, not distributions. */
const IDENTIFIER_SHARE = 0.5;
const MIN_IDENTIFIER_VALUES = 50;

export interface MeasureOptions {
  /** Worker threads for numeric columns (drift.threads); default: the cores, for large columns only. */
  threads?: number;
  /** The worker entry (default: dist/drift-column-worker.js beside the bundle). */
  workerEntry?: URL;
}

export async function measureColumns(current: LoadedSample, reference: Reference, columns: PlannedColumn[], tests: Record<string, DriftTest | 'auto'>, options: MeasureOptions = {}): Promise<{ measures: ColumnMeasure[]; skipped: SkippedColumn[]; threads: number }> {
  const names = columns.map((c) => c.name);
  const currentValues = await current.read(names);
  const referenceValues = reference.kind === 'data' ? await reference.sample.read(names) : undefined;
  const numericPairs = new Map<string, NumericColumnTask>();
  if (referenceValues) {
    for (const column of columns) {
      const cur = currentValues.get(column.name)!;
      const ref = referenceValues.get(column.name)!;
      if (column.numeric && cur.kind === 'numeric' && ref.kind === 'numeric') {
        numericPairs.set(column.name, { name: column.name, role: column.role, requested: tests[column.name] ?? 'auto', reference: ref.values, current: cur.values });
      }
    }
  }
  const pool = columnPool([...numericPairs.values()].map((t) => t.reference.length + t.current.length), options.threads, options.workerEntry);
  try {
    const outcomes: Promise<ColumnMeasure | SkippedColumn>[] = [];
    for (const column of columns) {
      const pair = numericPairs.get(column.name);
      if (pair) {
        const onPool = pool && threaded(pair.reference.length + pair.current.length, options.threads);
        const result = onPool ? pool.run(pair, `column "${column.name}"`, transferable(pair)).catch(threadFailure) : Promise.resolve().then(() => measureNumericColumn(pair));
        outcomes.push(result.then((r) => numericOutcome(column.name, r)));
        continue;
      }
      outcomes.push(Promise.resolve().then(() => measureOther(column, currentValues.get(column.name)!, referenceValues, reference, tests[column.name] ?? 'auto')));
    }
    // Settled in column order, so the error reported is the first column's, as in one thread.
    const settled = await Promise.allSettled(outcomes);
    const measures: ColumnMeasure[] = [];
    const skipped: SkippedColumn[] = [];
    for (const outcome of settled) {
      if (outcome.status === 'rejected') throw outcome.reason;
      if ('reason' in outcome.value) skipped.push(outcome.value);
      else measures.push(outcome.value);
    }
    return { measures, skipped, threads: pool?.threads ?? 1 };
  } finally {
    await pool?.close();
  }
}

/**
 * A worker thread that failed or stopped (its own crash, memory, a killed thread) is one clear
 * error saying how to measure without threads, not an "unexpected error".
 */
function threadFailure(error: unknown): never {
  throw new UserError(error instanceof Error ? error.message : String(error), {
    hint: 'The statistics do not depend on the thread count: set drift.threads: 1 in mlops.yml to measure every column in the main thread, with the same results.',
  });
}

function numericOutcome(name: string, result: NumericColumnResult): ColumnMeasure | SkippedColumn {
  if ('empty' in result) {
    if (result.empty === 'current') requireValues(name, 1, 0);
    requireValues(name, 0, 1);
  }
  return checkIdentifier((result as { measure: ColumnMeasure }).measure);
}

function measureOther(column: PlannedColumn, cur: ColumnValues, referenceValues: Map<string, ColumnValues> | undefined, reference: Reference, requested: DriftTest | 'auto'): ColumnMeasure | SkippedColumn {
  if (!referenceValues && !column.numeric && column.role === 'feature') {
    const profiled = (reference as { profile: DataProfile }).profile.columns.find((c) => c.name === column.name)!;
    if ((profiled.distinct ?? 0) >= MIN_IDENTIFIER_VALUES && (profiled.distinct ?? 0) > IDENTIFIER_SHARE * profiled.count) {
      return { column: column.name, reason: 'identifier-like: most values are unique, so there is no distribution to compare' };
    }
  }
  return checkIdentifier(referenceValues ? againstData(column, cur, referenceValues.get(column.name)!, requested) : againstProfile(column, cur, (reference as { profile: DataProfile }).profile, requested));
}

function checkIdentifier(measure: ColumnMeasure): ColumnMeasure | SkippedColumn {
  if (measure.type === 'categorical' && isIdentifierLike(measure)) {
    return { column: measure.column, reason: `identifier-like: ${measure.histogram.labels.length >= 12 ? 'most' : 'all'} values are unique, so there is no distribution to compare` };
  }
  return measure;
}

/** The samples' buffers, moved to the worker when the arrays own them whole (else copied). */
function transferable(task: NumericColumnTask): ArrayBuffer[] {
  const own = (a: Float64Array) => a.buffer instanceof ArrayBuffer && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength;
  return [task.reference, task.current].filter(own).map((a) => a.buffer as ArrayBuffer);
}

function isIdentifierLike(measure: ColumnMeasure): boolean {
  const distinct = measure.distinct_reference ?? 0;
  return measure.role === 'feature' && distinct >= MIN_IDENTIFIER_VALUES && distinct > IDENTIFIER_SHARE * measure.reference_values;
}

function againstData(column: PlannedColumn, cur: ColumnValues, ref: ColumnValues, requested: DriftTest | 'auto'): ColumnMeasure {
  if (column.role === 'prediction' && cur.kind === 'categorical' && ref.kind === 'categorical') {
    // Captured class probabilities ([p0, p1] lists): compare the positive-class probability.
    const curP = positiveClassProbabilities(cur.values);
    const refP = positiveClassProbabilities(ref.values);
    if (curP && refP) {
      const reference = splitNaN(refP);
      const current = splitNaN(curP);
      requireValues(column.name, reference.sorted.length, current.sorted.length);
      return numericMeasure(`${column.name}[1]`, column.role, requested === 'auto' ? chooseTest(true, distinctSorted(reference.sorted)) : requested, reference, current);
    }
  }
  const reference = countCategories(asStrings(ref));
  const current = countCategories(asStrings(cur));
  requireValues(column.name, reference.counts.size, current.counts.size);
  const test = requested === 'auto' || requested === 'ks' ? chooseTest(false, new Set([...reference.counts.keys(), ...current.counts.keys()]).size) : requested;
  return categoricalMeasure(column.name, column.role, test, reference, current);
}

function againstProfile(column: PlannedColumn, cur: ColumnValues, profile: DataProfile, requested: DriftTest | 'auto'): ColumnMeasure {
  const columnProfile = profile.columns.find((c) => c.name === column.name)!;
  if (column.numeric && cur.kind === 'numeric') {
    const current = splitNaN(cur.values);
    requireValues(column.name, columnProfile.count, current.sorted.length);
    const distinct = columnProfile.value_counts ? Object.keys(columnProfile.value_counts).length : (columnProfile.distinct ?? Number.POSITIVE_INFINITY);
    const test = requested === 'auto' ? chooseTest(true, distinct) : requested;
    const measure = test === 'ks' ? numericAgainstHistogram(column.name, column.role, columnProfile, current) : numericValuesAgainstProfile(column.name, column.role, test, columnProfile, current);
    if (!measure) throw profileLacks(column.name, test === 'ks' ? 'a histogram' : 'value counts');
    return measure;
  }
  const categories = profileCategories(columnProfile);
  if (!categories) throw profileLacks(column.name, 'value counts');
  const current = countCategories(asStrings(cur));
  requireValues(column.name, categories.counts.counts.size, current.counts.size);
  const test = requested === 'auto' || requested === 'ks' ? chooseTest(false, new Set([...categories.counts.counts.keys(), ...current.counts.keys()]).size) : requested;
  const measure = categoricalMeasure(column.name, column.role, test, categories.counts, current);
  return {
    ...measure,
    from_profile: categories.otherShare > 0
      ? { method: `top values from the profile, the other ${(categories.otherShare * 100).toFixed(1)} % pooled as (other): approximate, no error bound`, bounds: {} }
      : { method: 'exact value counts from the profile', bounds: {} },
  };
}

function asStrings(values: ColumnValues): (string | null)[] {
  if (values.kind === 'categorical') return values.values;
  return Array.from(values.values, (v) => (Number.isNaN(v) ? null : String(v === 0 ? 0 : v)));
}

function requireValues(name: string, reference: number, current: number): void {
  if (current === 0) throw new UserError(`column "${name}" has no values in the current sample (all missing)`, { where: { key: name }, hint: 'Leave the column out with `columns`, or check the data export.' });
  if (reference === 0) throw new UserError(`column "${name}" has no values in the reference (all missing)`, { where: { key: name }, hint: 'Leave the column out with `columns`, or use another reference.' });
}

function profileLacks(name: string, what: string): UserError {
  return new UserError(`the reference profile has no ${what} for column "${name}"`, {
    where: { key: 'reference' },
    hint: 'Pass the reference data files instead of the profile, or re-profile the reference with a current data-validate.',
  });
}
