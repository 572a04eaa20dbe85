/**
 * Prediction drift with `model`: both samples are scored through the shared ONNX scorer and
 * the prediction distributions are tested like any column (the positive-class probability
 * of a binary classifier, the predicted label of a multiclass one, the value of a regressor).
 * A profile reference cannot be scored: then only captured `output.*` columns are compared.
 */
import { rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Reference } from '../../shared/drift/analyse.js';
import { categoricalMeasure, countCategories } from '../../shared/drift/categorical.js';
import { chooseTest } from '../../shared/drift/choose-test.js';
import type { LoadedSample } from '../../shared/drift/load.js';
import { distinctSorted, numericMeasure } from '../../shared/drift/numeric.js';
import type { ColumnMeasure } from '../../shared/drift/result.js';
import { splitNaN } from '../../shared/drift/sample.js';
import type { Host } from '../../shared/host/host.js';
import { columnsRead, featureNamesFromMetadata, planFeed } from '../../shared/onnx/feed.js';
import { openModel, type OnnxModel } from '../../shared/onnx/model.js';
import { planOutputs } from '../../shared/onnx/outputs.js';
import { rowMajorType } from '../../shared/onnx/row-major.js';
import { SCORING_BATCH_ROWS, Scorer, type Predictions } from '../../shared/onnx/scorer.js';
import { Progress } from '../../shared/progress/progress.js';
import { classifyModelSpec } from '../../shared/registry/model-spec.js';
import { resolveModelReference } from '../../shared/registry/resolve.js';

export interface ScoredPredictions {
  measures: ColumnMeasure[];
  /** Positive-class probabilities of a binary classifier, for the label-free estimate. */
  probabilities?: { current: Float64Array; reference: Float64Array; source: string };
}

export async function scorePredictions(host: Host, modelSpec: string, opened: OpenedDriftModel, current: LoadedSample, reference: Reference, features: string[] | undefined): Promise<ScoredPredictions> {
  if (reference.kind !== 'data') {
    host.warning('model: the reference is a profile, which cannot be scored; prediction drift uses captured output.* columns only.');
    return { measures: [] };
  }
  const { model } = opened;
  {
    const score = async (sample: LoadedSample, key: string): Promise<Predictions> => {
      const outputs = planOutputs(model, { key: 'model' });
      const feed = planFeed(model, sample.columns.map((c) => ({ name: c.name, numeric: c.kind === 'integer' || c.kind === 'number' || c.kind === 'boolean' })), {
        features: features && features.length ? { names: features, from: 'model.features in mlops.yml' } : undefined,
        label: '',
        dataFile: sample.displayFiles[0] ?? sample.spec,
        key: 'model',
      });
      const scorer = new Scorer(model, feed, outputs, sample.rows, key);
      const progress = new Progress(host, { label: `scoring the ${key} sample`, unit: 'rows', total: sample.rows });
      let scored = 0;
      for await (const batch of sample.batches(columnsRead(feed), SCORING_BATCH_ROWS, rowMajorType([feed]))) {
        await scorer.score(batch);
        progress.update((scored += batch.rows));
      }
      await scorer.finish();
      progress.finish();
      return scorer.predictions();
    };
    const cur = await host.group(`Scoring the current sample with ${modelSpec}`, () => score(current, 'current'));
    const ref = await host.group(`Scoring the reference with ${modelSpec}`, () => score(reference.sample, 'reference'));
    const name = 'prediction';
    if (cur.probabilities && ref.probabilities && cur.probabilityColumns === 2) {
      const pick = (p: Predictions) => Float64Array.from({ length: p.rows }, (_, i) => p.probabilities![i * 2 + 1]!);
      const c = pick(cur);
      const r = pick(ref);
      const rs = splitNaN(r);
      return {
        measures: [numericMeasure(`${name} (P(class 1))`, 'prediction', chooseTest(true, distinctSorted(rs.sorted)), rs, splitNaN(c))],
        probabilities: { current: c, reference: r, source: `${modelSpec} (scored)` },
      };
    }
    if (cur.values && ref.values) {
      const rs = splitNaN(ref.values);
      return { measures: [numericMeasure(name, 'prediction', chooseTest(true, distinctSorted(rs.sorted)), rs, splitNaN(cur.values))] };
    }
    if (cur.labels && ref.labels) {
      const rc = countCategories(ref.labels);
      const cc = countCategories(cur.labels);
      return { measures: [categoricalMeasure(`${name} (label)`, 'prediction', chooseTest(false, new Set([...rc.counts.keys(), ...cc.counts.keys()]).size), rc, cc)] };
    }
    host.warning(`model: ${modelSpec} gave no probabilities, labels or values to compare.`);
    return { measures: [] };
  }
}

export interface OpenedDriftModel {
  model: OnnxModel;
  /** The model's feature names from its metadata, when it carries them. */
  features?: string[];
  cleanup: () => Promise<void>;
}

/** An ONNX file, or a registry reference fetched (digest-verified) to a temporary file. */
export async function openDriftModel(host: Host, spec: string): Promise<OpenedDriftModel> {
  const opened = await open(host, spec);
  return { ...opened, features: featureNamesFromMetadata(opened.model.metadata) };
}

async function open(host: Host, spec: string): Promise<{ model: OnnxModel; cleanup: () => Promise<void> }> {
  const source = classifyModelSpec(spec);
  if (source.kind === 'file') return { model: await openModel(resolve(host.cwd, source.path), spec, host, 'model'), cleanup: async () => {} };
  const resolved = await resolveModelReference(host.cwd, source.reference, host, { username: host.env('MLOPS_REGISTRY_USERNAME'), password: host.env('MLOPS_REGISTRY_PASSWORD') });
  return { model: await openModel(resolved.path, spec, host, 'model'), cleanup: () => rm(dirname(resolved.path), { recursive: true, force: true }) };
}
