/** Opening the candidate and the baseline (an ONNX path, or a registry reference pulled and verified). */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../../shared/errors/user-error.js';
import type { Host } from '../../shared/host/host.js';
import { openModel, type OnnxModel } from '../../shared/onnx/model.js';
import { resolveModelReference } from '../../shared/registry/resolve.js';

export interface OpenedModel {
  model: OnnxModel;
  /** What the report and record call it: the path, or the canonical registry reference. */
  ref: string;
  /** Registry manifest digest, for registry baselines. */
  digest?: string;
}

export interface RegistryAuth {
  username?: string;
  password?: string;
  insecure: boolean;
}

export async function openCandidate(cwd: string, path: string, host: Host): Promise<OpenedModel> {
  return { model: await openModel(resolve(cwd, path), path, host, 'model'), ref: path };
}

const LOOKS_LIKE_FILE = /\.onnx$/i;

export async function openBaseline(cwd: string, baseline: string, host: Host, auth: RegistryAuth, modelName?: string): Promise<OpenedModel> {
  const path = resolve(cwd, baseline);
  if (existsSync(path)) return { model: await openModel(path, baseline, host, 'baseline'), ref: baseline };
  if (LOOKS_LIKE_FILE.test(baseline) && !baseline.startsWith('oci://')) {
    throw new UserError('baseline model file not found', {
      where: { file: baseline, key: 'baseline' },
      hint: 'Give the champion as an .onnx path or a registry reference (e.g. .mlops/registry:prod, oci://ghcr.io/org/models/name:prod), or leave baseline empty for a first run.',
    });
  }
  const resolved = await host.group(`Fetching baseline ${baseline}`, () =>
    resolveModelReference(cwd, baseline, host, { username: auth.username, password: auth.password }, { insecure: auth.insecure, defaultName: modelName }),
  );
  const model = await openModel(resolved.path, resolved.ref, host, 'baseline');
  if (model.sha256 !== resolved.modelSha256) throw new Error(`baseline ${resolved.ref}: sha256 of the fetched file differs from its registry digest`);
  return { model, ref: resolved.ref, digest: resolved.digest };
}
