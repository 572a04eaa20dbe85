/**
 * Workspaces for serve tests: the example's real logistic regression trained twice (two
 * distinct versions), registered into a local OCI layout by the register action, plus helpers
 * to call the server and score rows in-process with onnxruntime-node for comparison.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { inspectModelProto } from '../../shared/onnx/model-proto.js';
import { runAction, ROOT } from '../support/run-action.js';
import { makeWorkspace } from '../register/workspace.js';
import { checkExchange } from './conformance.js';

const trained = new Map<number, string>();

/** The example trainer's model after `iterations` steps (different iterations, different weights). */
export function exampleModel(iterations: number): string {
  let path = trained.get(iterations);
  if (!path) {
    const dir = mkdtempSync(join(tmpdir(), 'mlops-serve-model-'));
    path = join(dir, 'model.onnx');
    execFileSync(process.execPath, [join(ROOT, 'examples/breast-cancer/train.mjs'), '--out', path, '--metrics', join(dir, 'metrics.json'), '--params', join(dir, 'params.json'), '--iterations', String(iterations), '--log-every', '100000'], { stdio: 'ignore' });
    trained.set(iterations, path);
  }
  return path;
}

/** A workspace whose .mlops/registry holds `churn` v1 (and v2 with `two`), registered by the register action. */
export async function registeredWorkspace(options: { two?: boolean; registry?: string; credentials?: { username: string; password: string } } = {}): Promise<{ cwd: string; register(model: string): Promise<{ version: string; digest: string }> }> {
  const { cwd } = makeWorkspace({ name: 'churn', gate: 'none' });
  const register = async (model: string) => {
    const copy = join(cwd, 'mlops-out', `candidate-${Date.now()}-${Math.random().toString(16).slice(2)}.onnx`);
    cpSync(model, copy);
    const result = await runAction('register', { cwd, inputs: { model: copy, 'require-gate': 'false', ...(options.registry ? { registry: options.registry, insecure: 'true' } : {}), ...(options.credentials ? { 'registry-username': options.credentials.username, 'registry-password': options.credentials.password } : {}) } });
    if (result.code !== 0) throw new Error(`register failed: ${result.stdout}${result.stderr}`);
    return { version: result.outputs.version!, digest: result.outputs.digest! };
  };
  await register(exampleModel(20));
  if (options.two) await register(exampleModel(200));
  return { cwd, register };
}

/** The holdout rows of the example as feature vectors in feature_names order. */
export function holdoutRows(model: string, count: number): { features: string[]; rows: number[][] } {
  const features = JSON.parse(inspectModelProto(readFileSync(model)).metadata.feature_names!) as string[];
  const lines = readFileSync(join(ROOT, 'examples/breast-cancer/data/holdout.csv'), 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const index = features.map((f) => header.indexOf(f));
  const rows = lines.slice(1, count + 1).map((line) => {
    const cells = line.split(',');
    return index.map((i) => Number(cells[i]));
  });
  return { features, rows };
}

/** The same rows scored in-process: the float32 outputs as numbers, row-major. */
export async function scoreInProcess(model: string, rows: number[][]): Promise<Record<string, { dims: readonly number[]; data: number[] }>> {
  const session = await ort.InferenceSession.create(model);
  const width = rows[0]!.length;
  const input = new ort.Tensor('float32', Float32Array.from(rows.flat()), [rows.length, width]);
  const results = await session.run({ [session.inputNames[0]!]: input });
  const out: Record<string, { dims: readonly number[]; data: number[] }> = {};
  for (const [name, tensor] of Object.entries(results)) out[name] = { dims: tensor.dims, data: Array.from(tensor.data as Float32Array) };
  await session.release();
  return out;
}

export interface Call {
  status: number;
  body: any;
  headers: Headers;
}

export async function call(url: string, method: string, path: string, body?: unknown, token?: string, raw?: string): Promise<Call> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${url}${path}`, { method, headers, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Prometheus text and the like
  }
  checkExchange(method, path, raw === undefined ? body : undefined, response.status, parsed);
  return { status: response.status, body: parsed, headers: response.headers };
}

export function tensorRequest(rows: number[][], id?: string): Record<string, unknown> {
  return { ...(id ? { id } : {}), inputs: [{ name: 'features', shape: [rows.length, rows[0]!.length], datatype: 'FP32', data: rows.flat() }] };
}

/**
 * Adds `churn:<tag>` to the workspace's layout by hand, a copy of v1 whose model layer holds
 * `model` bytes: how a pickle or other non-ONNX file could sit in a registry (register itself
 * refuses them), so that the server's own checks are what is tested.
 */
export function plantVersion(cwd: string, tag: string, model: Buffer, version = tag): void {
  const layout = join(cwd, '.mlops/registry');
  const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8'));
  const v1 = index.manifests.find((m: any) => m.annotations['org.opencontainers.image.ref.name'] === 'churn:v1');
  const blob = (digest: string) => join(layout, 'blobs/sha256', digest.slice(7));
  const manifest = JSON.parse(readFileSync(blob(v1.digest), 'utf8'));
  const digestOf = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  writeFileSync(blob(digestOf(model)), model);
  const layer = manifest.layers.find((l: any) => l.mediaType === 'application/vnd.cncf.model.weight.v1.raw');
  layer.digest = digestOf(model);
  layer.size = model.length;
  manifest.annotations['org.opencontainers.image.version'] = version;
  const bytes = Buffer.from(JSON.stringify(manifest));
  writeFileSync(blob(digestOf(bytes)), bytes);
  index.manifests.push({ ...v1, digest: digestOf(bytes), size: bytes.length, annotations: { ...v1.annotations, 'org.opencontainers.image.ref.name': `churn:${tag}` } });
  writeFileSync(join(layout, 'index.json'), JSON.stringify(index));
}

/**
 * An inference call with the binary tensor data extension: the JSON header, then the tensors'
 * bytes. The request is not checked against the core schema (the extension drops "data"); the
 * response is.
 */
export async function callBinary(url: string, path: string, header: unknown, binary: Buffer, headerLength?: string): Promise<Call> {
  const json = Buffer.from(JSON.stringify(header));
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'inference-header-content-length': headerLength ?? String(json.length) },
    body: Buffer.concat([json, binary]),
  });
  const body = JSON.parse(await response.text());
  checkExchange('POST', path, undefined, response.status, body);
  return { status: response.status, body, headers: response.headers };
}
