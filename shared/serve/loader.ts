/**
 * Loading a version: fetch and verify (registry) or hash (file), open with onnxruntime (pickles,
 * non-ONNX bytes and external-data traversal refused by shared/onnx), describe, check it fits
 * the running versions of the same model, warm it up, and only then add it to the table. Any
 * failure leaves the table as it was.
 */
import { isUserError } from '../errors/user-error.js';
import type { Host } from '../host/host.js';
import { openModel } from '../onnx/model.js';
import { validateModelName } from '../registry/reference.js';
import { compareOutputs, type Comparison } from './compare-versions.js';
import { HttpError } from './http-error.js';
import { describeSignature, incompatibility } from './model-signature.js';
import { fetchModel, type SourceContext } from './model-source.js';
import type { ModelTable } from './model-table.js';
import { ServedVersion, type BatchingOptions } from './served-version.js';

export interface LoadRequest {
  reference: string;
  /** The model name to serve under (the URL's name for admin loads, NAME= for the CLI). */
  name?: string;
  /** Files are allowed from the command line only, never from an HTTP request. */
  allowFiles: boolean;
  /** Plain HTTP to a loopback registry. */
  insecure?: boolean;
}

export interface LoadResult {
  version: ServedVersion;
  /** The same version and digest were already loaded. */
  already: boolean;
  /** How the new version predicts beside the one serving most traffic, on recent requests' rows. */
  comparison?: Comparison;
}

export class Loader {
  constructor(
    private readonly table: ModelTable,
    private readonly context: SourceContext & { host: Host },
    private readonly batching: BatchingOptions,
    private readonly onBatch: (model: string, version: string, rows: number) => void,
  ) {}

  private compare(model: string, candidate: ServedVersion): Promise<Comparison | undefined> {
    return compareWith(this.table, model, candidate);
  }

  async load(request: LoadRequest): Promise<LoadResult> {
    if (request.name !== undefined) {
      try {
        validateModelName(request.name, 'name');
      } catch (error) {
        throw new HttpError(400, isUserError(error) ? error.format() : String(error));
      }
    }
    const key = request.name ?? request.reference;
    const loading = this.table.loading.get(key) ?? new Set<string>();
    this.table.loading.set(key, loading.add(request.reference));
    try {
      const result = await this.loadVersion(request);
      this.table.failures.delete(result.version.model);
      return result;
    } catch (error) {
      const failure = asHttpError(error);
      if (request.name) this.table.failures.set(request.name, { reference: request.reference, reason: failure.message });
      throw failure;
    } finally {
      loading.delete(request.reference);
      if (!loading.size) this.table.loading.delete(key);
    }
  }

  private async loadVersion(request: LoadRequest): Promise<LoadResult> {
    const context = request.insecure ? { ...this.context, access: { ...this.context.access, insecure: true } } : this.context;
    const fetched = await fetchModel(request.reference, request.name, context, request.allowFiles);
    try {
      const { model, version, digest } = fetched.identity;
      const existing = this.table.has(model) ? this.table.versions(model).find((v) => v.version === version) : undefined;
      if (existing) {
        if (existing.identity.digest === digest) return { version: existing, already: true };
        throw new HttpError(409, `model ${model} already serves version ${version} with digest ${existing.identity.digest}, not ${digest}; versions are immutable, so unload it first or load another version`);
      }
      const onnx = await openModel(fetched.path, request.reference, this.context.host, request.allowFiles ? 'model' : 'reference');
      let served: ServedVersion;
      let comparison: Comparison | undefined;
      try {
        const signature = describeSignature(onnx);
        const running = this.table.versions(model)[0];
        const mismatch = running && incompatibility(running.signature, signature);
        if (mismatch) throw new HttpError(422, `cannot load ${request.reference} as a version of ${model}: ${mismatch}`);
        served = new ServedVersion(fetched.identity, onnx, signature, this.batching, (rows) => this.onBatch(model, version, rows));
        await served.warmUp();
        comparison = await this.compare(model, served);
      } catch (error) {
        await onnx.session.release().catch(() => undefined);
        throw error;
      }
      // Another load of the same version may have finished while this one warmed up.
      const raced = this.table.has(model) ? this.table.versions(model).find((v) => v.version === version) : undefined;
      if (raced) {
        await served.close();
        if (raced.identity.digest === digest) return { version: raced, already: true };
        throw new HttpError(409, `model ${model} already serves version ${version} with another digest`);
      }
      this.table.add(served);
      return { version: served, already: false, comparison };
    } finally {
      await fetched.cleanup();
    }
  }
}

/** Scores recent rows with the new and the running version; nothing when there is nothing to compare. */
async function compareWith(table: ModelTable, model: string, candidate: ServedVersion): Promise<Comparison | undefined> {
  const base = table.comparisonBase(model);
  const summary = candidate.signature.prediction;
  if (!base || !summary) return undefined;
  try {
    const [mine, theirs] = await Promise.all([candidate.predict(base.rows), base.version.predict(base.rows)]);
    return compareOutputs(summary, base.version.version, mine, theirs, base.rows.rows);
  } catch {
    return undefined;
  }
}

function asHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (isUserError(error)) {
    const status = /is not a valid registry reference|insecure/.test(error.message) ? 400 : /has no version|holds no models|no model in|not found/i.test(error.message) ? 404 : 422;
    return new HttpError(status, `load failed: ${error.format()}`);
  }
  return new HttpError(502, `load failed: ${error instanceof Error ? error.message : String(error)}`);
}
