/**
 * The smoke test: the golden rows sent to the newly loaded version (versioned endpoint, no
 * routing) must come back equal, within SMOKE_TOLERANCE, to an in-process onnxruntime-node run
 * of the same verified model file on the same rows. Catches a wrong model, a broken server
 * runtime and a feature-order mismatch.
 */
import { openData } from '../data/reader.js';
import { resolveData } from '../data/resolve.js';
import { UserError } from '../errors/user-error.js';
import type { Host } from '../host/host.js';
import type { OnnxModel } from '../onnx/model.js';
import type { ServeClient } from './serve-client.js';

export const SMOKE_TOLERANCE = 1e-5;
export const MAX_SMOKE_ROWS = 1000;

export interface SmokeRows {
  file: string;
  features: string[];
  rows: number;
  /** Row-major float32 values in feature order. */
  values: Float32Array;
}

export interface SmokeResult {
  rows: number;
  outputs: string[];
  max_abs_difference: number;
}

/** The model's feature order: metadata feature_names (our trainers write it). */
export function featureNames(model: OnnxModel): string[] {
  const raw = model.metadata.feature_names;
  if (!raw) throw new UserError('the model has no feature_names metadata, so smoke-data columns cannot be matched to its inputs', { where: { key: 'smoke-data' }, hint: 'Register models trained with feature_names metadata, or leave smoke-data empty.' });
  let names: unknown;
  try {
    names = JSON.parse(raw);
  } catch {
    names = raw.split(',');
  }
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) throw new UserError('the model\'s feature_names metadata is not a list of names', { where: { key: 'smoke-data' } });
  return names as string[];
}

export async function readSmokeRows(cwd: string, spec: string, features: string[], host: Host): Promise<SmokeRows> {
  const source = await resolveData(cwd, spec);
  const table = await openData(source, host);
  try {
    const file = source.displayFiles.length === 1 ? source.displayFiles[0]! : source.spec;
    const present = new Set(table.columns.map((c) => c.name));
    const missing = features.filter((f) => !present.has(f));
    if (missing.length) {
      throw new UserError(`smoke-data lacks ${missing.length} of the model's ${features.length} feature columns: ${missing.slice(0, 5).map((m) => JSON.stringify(m)).join(', ')}${missing.length > 5 ? ', …' : ''}`, {
        where: { file, key: 'smoke-data' },
        hint: `The model takes ${features.slice(0, 8).join(', ')}${features.length > 8 ? ', …' : ''}; give rows with those columns (extra columns are ignored).`,
      });
    }
    if (table.rowCount === 0) throw new UserError('smoke-data has no rows', { where: { file, key: 'smoke-data' } });
    const rows = Math.min(table.rowCount, MAX_SMOKE_ROWS);
    if (table.rowCount > MAX_SMOKE_ROWS) host.info(`smoke-data: using the first ${MAX_SMOKE_ROWS} of ${table.rowCount} rows`);
    const values = new Float32Array(rows * features.length);
    for await (const batch of table.readNumeric(features, { batchRows: rows })) {
      for (let r = 0; r < batch.rows && batch.rowOffset + r < rows; r++) {
        for (let c = 0; c < features.length; c++) values[(batch.rowOffset + r) * features.length + c] = batch.values[c]![r]!;
      }
      if (batch.rowOffset + batch.rows >= rows) break;
    }
    return { file, features, rows, values };
  } finally {
    await table.close();
  }
}

interface ServedOutput {
  name: string;
  data: unknown[];
}

/** `version` undefined: the unversioned endpoint (a KServe revision's tag URL serves one version). */
export async function smokeTest(client: Pick<ServeClient, 'infer'>, name: string, version: string | undefined, model: OnnxModel, smoke: SmokeRows): Promise<SmokeResult> {
  const input = model.inputs[0]!;
  const width = smoke.features.length;
  const fixed = input.shape.at(-1);
  if (typeof fixed === 'number' && fixed > 0 && fixed !== width) {
    throw new UserError(`the model's input ${JSON.stringify(input.name)} is ${fixed} wide, but its feature_names list ${width} features`, { where: { key: 'model' } });
  }
  const expected = await model.session.run({ [input.name]: new model.ort.Tensor('float32', smoke.values, [smoke.rows, width]) });
  const body = { id: 'mlops-deploy-smoke', inputs: [{ name: input.name, shape: [smoke.rows, width], datatype: 'FP32', data: Array.from(smoke.values) }] };
  const answer = (await client.infer(name, version, body)) as { outputs?: ServedOutput[] };
  const served = new Map((answer.outputs ?? []).map((o) => [o.name, o]));
  let worst = 0;
  const compared: string[] = [];
  for (const [outputName, tensor] of Object.entries(expected)) {
    if (tensor.type === 'string') continue;
    const got = served.get(outputName);
    if (!got || !Array.isArray(got.data)) throw new UserError(`smoke test: ${name}${version ? ` ${version}` : ''} did not answer output ${JSON.stringify(outputName)}`, { hint: 'The server runs a different model than the one registered; do not promote it.' });
    const want = Array.from(tensor.data as ArrayLike<number | bigint>, Number);
    if (got.data.length !== want.length) throw new UserError(`smoke test: output ${JSON.stringify(outputName)} has ${got.data.length} values from the server, ${want.length} in-process`);
    for (let i = 0; i < want.length; i++) {
      const difference = Math.abs(Number(got.data[i]) - want[i]!);
      if (!(difference <= SMOKE_TOLERANCE)) {
        const row = Math.floor(i / (want.length / smoke.rows));
        throw new UserError(`smoke test: ${name}${version ? ` ${version}` : ''} answered ${String(got.data[i])} for output ${JSON.stringify(outputName)} on row ${row + 1} of ${smoke.file}, the verified model file gives ${want[i]} (tolerance ${SMOKE_TOLERANCE})`, {
          where: { file: smoke.file, key: 'smoke-data' },
          hint: 'The server does not run the registered model as it should (wrong model, runtime or feature order); the new version was not given traffic.',
        });
      }
      worst = Math.max(worst, difference);
    }
    compared.push(outputName);
  }
  for (const tensor of Object.values(expected)) tensor.dispose?.();
  return { rows: smoke.rows, outputs: compared, max_abs_difference: worst };
}
