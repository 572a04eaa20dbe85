/** Opening the candidate and the baseline (an ONNX path, or a registry reference pulled and verified). */
import { resolve } from 'node:path';
import { UserError } from '../../shared/errors/user-error.js';
import type { Host } from '../../shared/host/host.js';
import { openModel, type OnnxModel } from '../../shared/onnx/model.js';
import { VersionNotFoundError } from '../../shared/registry/open.js';
import { AUTO_VERSION_PATTERN, LATEST, type ModelReference } from '../../shared/registry/reference.js';
import { resolveModelReference } from '../../shared/registry/resolve.js';
import { terminalSafe } from '../../shared/registry/terminal-text.js';
import { classifyBaseline } from './baseline-reference.js';

export interface OpenedModel {
  model: OnnxModel;
  /** What the report and record call it: the path, or the canonical registry reference (with the digest scored). */
  ref: string;
  /** Registry manifest digest, for registry baselines. */
  digest?: string;
  /** For registry baselines: the version's manifest annotations (lineage). */
  annotations?: Record<string, string>;
  /** For registry baselines: the holdout the version was gated on, when it is recorded. */
  holdoutFingerprint?: string;
}

/** No baseline to score: the reference names an alias that no version carries yet. */
export interface AbsentBaseline {
  absent: true;
  /** Why, for the notice, the report and the record. */
  reason: string;
}

export interface RegistryAuth {
  username?: string;
  password?: string;
  insecure: boolean;
}

export async function openCandidate(cwd: string, path: string, host: Host): Promise<OpenedModel> {
  return { model: await openModel(resolve(cwd, path), path, host, 'model'), ref: path };
}

export async function openBaseline(cwd: string, baseline: string, host: Host, auth: RegistryAuth, modelName?: string): Promise<OpenedModel | AbsentBaseline> {
  const source = classifyBaseline(baseline);
  if (source.kind === 'file') {
    const model = await openModel(resolve(cwd, source.path), source.path, host, 'baseline').catch((error: unknown) => {
      if (error instanceof UserError && /model file not found/.test(error.message)) {
        throw new UserError('baseline model file not found', {
          where: { file: source.path, key: 'baseline' },
          hint: 'Give the champion as an .onnx path or a registry reference (e.g. .mlops/registry:prod, oci://ghcr.io/org/models/name:prod), or leave baseline empty for a first run.',
        });
      }
      throw error;
    });
    return { model, ref: source.path };
  }
  let resolved;
  try {
    resolved = await host.group(`Fetching baseline ${baseline}`, () =>
      resolveModelReference(cwd, source.reference, host, { username: auth.username, password: auth.password }, { insecure: auth.insecure, defaultName: modelName }),
    );
  } catch (error) {
    const absent = absentAlias(error, source.reference);
    if (absent) return absent;
    throw error;
  }
  try {
    const model = await openModel(resolved.path, resolved.ref, host, 'baseline');
    if (model.sha256 !== resolved.modelSha256) throw new UserError(`baseline ${resolved.ref}: the sha256 of the fetched model (${model.sha256}) differs from its registry digest`, { where: { key: 'baseline' } });
    return { model, ref: resolved.ref, digest: resolved.digest, annotations: resolved.annotations, holdoutFingerprint: resolved.holdoutFingerprint };
  } finally {
    // The session holds the model in memory: the temporary copy is not needed any more.
    await resolved.dispose();
  }
}

/**
 * A first run: the repository exists and answers, but no version carries the alias yet (the
 * repository's first model, before anything was promoted). Missing versions (v<N>), digests,
 * `latest`, unknown repositories and unreachable registries are not first runs: they fail.
 */
function absentAlias(error: unknown, reference: ModelReference): AbsentBaseline | undefined {
  if (!(error instanceof VersionNotFoundError) || reference.digest || !reference.tag) return undefined;
  if (reference.tag === LATEST || AUTO_VERSION_PATTERN.test(reference.tag) || error.knownTags.length === 0) return undefined;
  return { absent: true, reason: `${error.message.replace(/ has no version /, ' has no version tagged ')}: no version carries the alias yet (known tags: ${terminalSafe(error.knownTags.slice(0, 10).join(', '))})` };
}

export function isAbsent(baseline: OpenedModel | AbsentBaseline | undefined): baseline is AbsentBaseline {
  return baseline !== undefined && 'absent' in baseline;
}
