/**
 * Where a served version's bytes come from: an ONNX file given on the command line, or a
 * registry reference (a local OCI layout or oci://host/repository) resolved to one manifest
 * digest, its model layer streamed to a private temporary file and verified against its digest.
 * The version name is the registry's (the manifest's version annotation, else the tag); a file
 * is version v0 under its file name.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { UserError } from '../errors/user-error.js';
import type { Host } from '../host/host.js';
import { ANNOTATION, isModelLayer } from '../registry/media-types.js';
import { resolveVersion, type RegistryAccess } from '../registry/open.js';
import { classifyModelSpec } from '../registry/model-spec.js';
import { AUTO_VERSION_PATTERN, MODEL_NAME_PATTERN, parseModelReference, validateModelName } from '../registry/reference.js';
import type { VersionIdentity } from './served-version.js';
import { crypto } from '../node/builtins.js';

export interface FetchedModel {
  identity: VersionIdentity;
  /** The ONNX file to open. */
  path: string;
  /** Removes the temporary copy (a no-op for a user's file). */
  cleanup(): Promise<void>;
}

export interface SourceContext {
  cwd: string;
  host: Pick<Host, 'info' | 'setSecret'>;
  access: RegistryAccess;
}

/** `--model` values: `REF` or `NAME=REF`. */
export function splitModelArgument(value: string): { name?: string; reference: string } {
  const eq = value.indexOf('=');
  if (eq > 0 && MODEL_NAME_PATTERN.test(value.slice(0, eq))) return { name: validateModelName(value.slice(0, eq), 'model'), reference: value.slice(eq + 1) };
  return { reference: value };
}

/** A file on disk (CLI only), else a registry reference. */
export async function fetchModel(reference: string, name: string | undefined, context: SourceContext, allowFiles: boolean): Promise<FetchedModel> {
  // The admin API takes registry references only (deploy sends absolute local-registry paths,
  // `/…/.mlops/registry:churn@sha256:…`, which the file rule would read as a file).
  if (!allowFiles) return registryModel(reference, name, context);
  const source = classifyModelSpec(reference);
  if (source.kind === 'registry') return registryModel(reference, name, context);
  const path = resolve(context.cwd, source.path);
  const info = await stat(path).catch(() => undefined);
  // An absolute local-registry reference (`/srv/models:churn:prod`, as a service unit writes it)
  // reads as an explicit path by the rule; when no such file exists, it is the registry's.
  if (!info && isRegistryReference(source.path)) return registryModel(source.path, name, context);
  if (!info?.isFile()) {
    throw new UserError(`the model file ${source.path} does not exist`, {
      where: { file: source.path, key: 'model' },
      hint: 'Check the path, or name a registry version instead (e.g. .mlops/registry:churn:prod).',
    });
  }
  return fileModel(path, reference, name);
}

function isRegistryReference(text: string): boolean {
  try {
    parseModelReference(text);
    return true;
  } catch {
    return false;
  }
}

async function fileModel(path: string, display: string, name: string | undefined): Promise<FetchedModel> {
  const model = name ?? fileModelName(display);
  const hash = crypto().createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { identity: { model, version: 'v0', digest: `sha256:${hash.digest('hex')}`, reference: display }, path, cleanup: async () => undefined };
}

/** `models/Churn Model.onnx` → `churn-model`; a name that cannot be made valid asks for NAME=PATH. */
export function fileModelName(path: string): string {
  const stem = basename(path).replace(/\.onnx$/i, '');
  const name = stem.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '').replace(/([._-])[._-]+/g, '$1');
  if (!name || !MODEL_NAME_PATTERN.test(name)) {
    throw new UserError(`cannot make a model name from the file name "${basename(path)}"`, { where: { key: 'model' }, hint: 'Name it: --model churn=path/to/model.onnx.' });
  }
  return name;
}

async function registryModel(reference: string, name: string | undefined, context: SourceContext): Promise<FetchedModel> {
  const parsed = parseModelReference(reference);
  const version = await resolveVersion(context.cwd, parsed, context.access, context.host, name);
  const manifest = version.fetched.manifest;
  const layers = manifest.layers.filter(isModelLayer);
  if (layers.length !== 1) {
    throw new UserError(`${version.ref} has ${layers.length === 0 ? 'no model layer' : 'several model layers'}`, { hint: 'Serve versions registered by mlops register (one ONNX model layer).' });
  }
  const annotated = manifest.annotations?.[ANNOTATION.version];
  const versionName = annotated && AUTO_VERSION_PATTERN.test(annotated) ? annotated : version.tag && AUTO_VERSION_PATTERN.test(version.tag) ? version.tag : (annotated ?? version.tag ?? version.fetched.digest.slice(7, 19));
  const directory = await mkdtemp(join(tmpdir(), 'mlops-serve-'));
  const path = join(directory, 'model.onnx');
  try {
    await version.reader.blobToFile(layers[0]!, path);
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  return {
    identity: { model: name ?? version.name, version: versionName, digest: version.fetched.digest, reference: version.ref },
    path,
    cleanup: () => rm(directory, { recursive: true, force: true }),
  };
}
