/** What each endpoint does, given a parsed route; the server around it does auth, errors and draining. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CaptureWriter } from '../capture.js';
import { assertFinite, responseTensors } from '../encode-response.js';
import { decodeRequest } from '../decode-request.js';
import { HttpError, badRequest } from '../http-error.js';
import type { Loader } from '../loader.js';
import type { ServeMetrics } from '../metrics.js';
import type { ModelTable } from '../model-table.js';
import type { ServeOptions } from '../options.js';
import type { ServedVersion } from '../served-version.js';
import { HEADER, splitBody } from '../binary-data.js';
import { parseJson, readBody, readJson } from './body.js';
import { sendJson } from './respond.js';

export interface ServerContext {
  table: ModelTable;
  loader: Loader;
  metrics: ServeMetrics;
  capture?: CaptureWriter;
  options: ServeOptions;
  serverVersion: string;
  log(line: string): void;
}

export const EXTENSIONS = ['model_repository', 'traffic_split', 'metrics', 'request_capture', 'binary_tensor_data'];

const limits = (options: ServeOptions) => ({ maxBody: options.maxBody, maxDepth: options.maxJsonDepth });

export function serverMetadata(context: ServerContext, response: ServerResponse): void {
  sendJson(response, 200, { name: 'mlops-serve', version: context.serverVersion, extensions: EXTENSIONS });
}

/** Metadata of a version, or of the version most traffic goes to. */
export function modelMetadata(context: ServerContext, response: ServerResponse, name: string, version: string | undefined): void {
  const target = version !== undefined ? context.table.version(name, version) : primary(context.table, name);
  const { signature, identity } = target;
  const properties: Record<string, string> = { task: signature.task, version: identity.version, digest: identity.digest };
  if (signature.features) properties.feature_names = signature.features.features.join(',');
  sendJson(response, 200, {
    name,
    versions: context.table.versions(name).map((v) => v.version),
    platform: 'onnx_onnxv1',
    inputs: signature.inputs,
    outputs: signature.outputs,
    properties,
  });
}

function primary(table: ModelTable, name: string): ServedVersion {
  const versions = table.versions(name);
  if (!versions.length) throw new HttpError(404, `unknown model ${JSON.stringify(name)}; serving: ${table.names().join(', ') || 'nothing yet'}`);
  const weights = table.weights(name);
  return versions.reduce((best, v) => ((weights[v.version] ?? 0) > (weights[best.version] ?? 0) ? v : best), versions[0]!);
}

export function modelReady(context: ServerContext, response: ServerResponse, name: string, version: string | undefined): void {
  const ready = version !== undefined ? context.table.version(name, version).state === 'READY' : context.table.versions(name).some((v) => v.state === 'READY');
  if (version === undefined && !context.table.has(name)) throw new HttpError(404, `unknown model ${JSON.stringify(name)}`);
  sendJson(response, ready ? 200 : 503, ready ? { name, ready } : { name, ready, error: `model ${name} is not ready` });
}

export interface InferOutcome {
  model: string;
  version: string;
}

/** Decodes, routes, predicts, answers; then queues the capture. Fills `outcome` for the metrics as it learns. */
export async function infer(context: ServerContext, request: IncomingMessage, response: ServerResponse, name: string, version: string | undefined, outcome: InferOutcome): Promise<void> {
  if (!context.table.has(name)) throw new HttpError(404, `unknown model ${JSON.stringify(name)}; serving: ${context.table.names().join(', ') || 'nothing yet'}`);
  outcome.model = name;
  // JSON, or JSON followed by binary tensor data (the binary data extension).
  const { json, binary } = splitBody(await readBody(request, context.options.maxBody), request.headers[HEADER]);
  const body = parseJson(json, context.options.maxJsonDepth);
  const id = typeof body === 'object' && body !== null && typeof (body as { id?: unknown }).id === 'string' ? (body as { id: string }).id : undefined;
  const target = version !== undefined ? context.table.version(name, version) : context.table.route(name, id);
  outcome.version = target.version;
  const decoded = decodeRequest(body, target.signature, context.options.maxTensorBytes, binary);
  const outputs = await target.predict(decoded.feeds);
  assertFinite(outputs, target.signature.outputs, name, target.version);
  const result: Record<string, unknown> = { model_name: name, model_version: target.version };
  if (decoded.id !== undefined) result.id = decoded.id;
  result.outputs = responseTensors(outputs, target.signature.outputs, decoded.outputs);
  sendJson(response, 200, result);
  context.table.remember(name, decoded.feeds);
  context.metrics.served(name, target.version, decoded.feeds.rows, target.signature.prediction, outputs);
  if (context.capture?.sampled()) {
    context.capture.record({ model: name, version: target.version, requestId: decoded.id, signature: target.signature, feeds: decoded.feeds, outputs });
  }
}

export async function load(context: ServerContext, request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
  const body = await readJson(request, limits(context.options));
  const parameters = (body as { parameters?: unknown } | null)?.parameters;
  const reference = (parameters as { reference?: unknown } | undefined)?.reference;
  const insecure = (parameters as { insecure?: unknown } | undefined)?.insecure;
  if (typeof reference !== 'string' || !reference.trim()) throw badRequest('the load body must be {"parameters": {"reference": "<registry reference>"}}');
  if (insecure !== undefined && typeof insecure !== 'boolean') throw badRequest('"parameters.insecure" must be true or false');
  const { version, already, comparison } = await context.loader.load({ reference, name, allowFiles: false, insecure: insecure === true });
  if (!already) {
    const compared = comparison ? `; beside ${comparison.against} on ${comparison.rows} recent rows: agreement ${comparison.agreement.toFixed(4)}, mean |diff| ${comparison.mean_abs_diff.toPrecision(3)}, max |diff| ${comparison.max_abs_diff.toPrecision(3)}` : '';
    context.log(`serve: loaded ${name} ${version.version} (${version.identity.digest}) from ${version.identity.reference}; weight ${context.table.weights(name)[version.version]}%${compared}`);
  }
  sendJson(response, 200, { name, version: version.version, digest: version.identity.digest, ready: version.state === 'READY', ...(comparison ? { comparison } : {}) });
}

export async function unload(context: ServerContext, request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
  const body = await readJson(request, limits(context.options)).catch((error: unknown) => {
    if (error instanceof HttpError && /is empty/.test(error.message)) return undefined;
    throw error;
  });
  const version = (body as { parameters?: { version?: unknown } } | undefined)?.parameters?.version;
  if (version !== undefined && typeof version !== 'string') throw badRequest('"parameters.version" must be a string');
  const removed = context.table.remove(name, version);
  // In-flight requests on these versions finish before their sessions are freed.
  await Promise.all(removed.map((v) => v.close()));
  for (const v of removed) context.log(`serve: unloaded ${name} ${v.version}`);
  sendJson(response, 200, { name, unloaded: removed.map((v) => v.version) });
}

export async function traffic(context: ServerContext, request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
  if (request.method === 'GET') {
    sendJson(response, 200, context.table.weights(name));
    return;
  }
  const body = await readJson(request, limits(context.options));
  const weights = context.table.setWeights(name, body);
  context.log(`serve: traffic ${name} ${Object.entries(weights).map(([v, w]) => `${v}=${w}%`).join(' ')}`);
  sendJson(response, 200, weights);
}

export async function repositoryIndex(context: ServerContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readJson(request, limits(context.options)).catch(() => undefined);
  const onlyReady = (body as { ready?: unknown } | undefined)?.ready === true;
  sendJson(response, 200, context.table.index().filter((e) => !onlyReady || e.state === 'READY'));
}
