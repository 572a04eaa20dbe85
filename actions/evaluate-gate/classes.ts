/**
 * Maps label values to class indices the way scikit-learn orders classes (sorted, numbers by
 * value), checks that the holdout's labels are classes the model can produce, and turns a
 * model's scores into the inputs of the classification metrics.
 */
import { UserError } from '../../shared/errors/user-error.js';
import type { Predictions } from '../../shared/onnx/scorer.js';
import type { ClassificationInput } from '../../shared/stats/classification.js';

/** Numbers compare by value: "1", "1.0" and 1 are the same class. */
export function canonicalValue(value: string): string {
  const trimmed = value.trim();
  if (trimmed !== '' && Number.isFinite(Number(trimmed))) return String(Number(trimmed));
  return value;
}

export function sortClasses(values: Iterable<string>): string[] {
  const list = [...new Set(values)];
  const numeric = list.every((v) => Number.isFinite(Number(v)) && v.trim() !== '');
  return numeric ? list.sort((a, b) => Number(a) - Number(b)) : list.sort();
}

export interface ClassSpace {
  classes: string[];
  positive: number;
}

export interface ClassSpaceOptions {
  /** Probability columns the model emits (1 = [N] positive-class probability), undefined for label-only models. */
  columns?: number;
  labels: Set<string>;
  /** Labels the models predicted (label outputs), for label-only models. */
  predicted?: Set<string>;
  positiveClass?: string;
  dataFile: string;
  labelColumn: string;
  modelFile: string;
}

export function classSpace(options: ClassSpaceOptions): ClassSpace {
  const { columns, labels } = options;
  const where = { file: options.dataFile, key: 'label' };
  let classes: string[];
  const labelList = sortClasses(labels);
  const shown = (values: string[]) => values.slice(0, 10).map((v) => JSON.stringify(v)).join(', ') + (values.length > 10 ? ', …' : '');
  if (columns === undefined) {
    classes = sortClasses([...labels, ...(options.predicted ?? [])]);
  } else {
    const count = Math.max(columns, 2);
    const indices = Array.from({ length: count }, (_, i) => String(i));
    if (labelList.every((v) => indices.includes(v))) classes = indices;
    else if (labelList.length === count) classes = labelList;
    else if (labelList.length > count) {
      const extra = labelList.filter((v) => !indices.includes(v));
      throw new UserError(`label column "${options.labelColumn}" has ${labelList.length} distinct values (${shown(labelList)}), but ${options.modelFile} can only produce ${count} classes; values it cannot produce: ${shown(extra)}`, {
        where,
        hint: 'Check the label input and that the holdout matches the model (a binary model needs two label values).',
      });
    } else {
      throw new UserError(`label column "${options.labelColumn}" has values ${shown(labelList)}, which do not say which of the model's ${count} probability columns is which class`, {
        where,
        hint: `Use class indices 0..${count - 1} as labels, or a holdout where every class occurs.`,
      });
    }
  }
  if (classes.length < 2) {
    throw new UserError(`label column "${options.labelColumn}" has a single value (${shown(labelList)}) and the model predicts no other class`, { where, hint: 'A classification holdout needs at least two classes.' });
  }
  let positive = classes.includes('1') ? classes.indexOf('1') : classes.length - 1;
  if (options.positiveClass !== undefined) {
    positive = classes.indexOf(canonicalValue(options.positiveClass));
    if (positive < 0) {
      throw new UserError(`positive-class "${options.positiveClass}" is not one of the classes (${shown(classes)})`, { where: { key: 'positive-class' } });
    }
  }
  return { classes, positive };
}

/** Class index of every holdout label; a label the model cannot produce is an error naming its row. */
export function truthIndices(labels: string[], space: ClassSpace, options: { dataFile: string; labelColumn: string }): Int32Array {
  const index = new Map(space.classes.map((c, i) => [c, i]));
  const truth = new Int32Array(labels.length);
  labels.forEach((label, row) => {
    const i = index.get(label);
    if (i === undefined) {
      throw new UserError(`label "${label}" at row ${row + 1} of column "${options.labelColumn}" is not a class the model can produce (${space.classes.join(', ')})`, {
        where: { file: options.dataFile, key: 'label' },
      });
    }
    truth[row] = i;
  });
  return truth;
}

export function classificationInput(predictions: Predictions, truth: Int32Array, space: ClassSpace, threshold: number, modelFile: string): ClassificationInput {
  const n = truth.length;
  const classes = space.classes.length;
  let probabilities: Float64Array | undefined;
  if (predictions.probabilities) {
    const columns = predictions.probabilityColumns!;
    if (columns === 1) {
      probabilities = new Float64Array(n * 2);
      for (let i = 0; i < n; i++) {
        const p = predictions.probabilities[i]!;
        probabilities[i * 2] = 1 - p;
        probabilities[i * 2 + 1] = p;
      }
    } else {
      if (columns !== classes) throw new UserError(`${modelFile} emits ${columns} class probabilities, but the gate compares ${classes} classes`, { where: { file: modelFile } });
      probabilities = predictions.probabilities;
    }
  }
  const predicted = new Int32Array(n);
  if (probabilities && classes === 2) {
    const other = 1 - space.positive;
    for (let i = 0; i < n; i++) predicted[i] = probabilities[i * 2 + space.positive]! > threshold ? space.positive : other;
  } else if (probabilities) {
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < classes; c++) if (probabilities[i * classes + c]! > probabilities[i * classes + best]!) best = c;
      predicted[i] = best;
    }
  } else {
    const index = new Map(space.classes.map((c, i) => [c, i]));
    predictions.labels!.forEach((label, i) => {
      const k = index.get(canonicalValue(label));
      if (k === undefined) throw new UserError(`${modelFile} predicted label "${label}" at row ${i + 1}, which is not one of the classes (${space.classes.join(', ')})`, { where: { file: modelFile } });
      predicted[i] = k;
    });
  }
  return { classes, truth, predicted, probabilities, positive: space.positive };
}
