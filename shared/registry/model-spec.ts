/**
 * What a model input names: a model file or a registry version. One rule for every stage that
 * takes a model (evaluate-gate's baseline, drift-check's model, mlops serve's --model), applied
 * to the text alone — never to what happens to exist on disk:
 *
 *   1. `file:<path>`, or a path starting with `./`, `../` or `/`   → a file (never a registry)
 *   2. anything that parses as a registry reference                 → a registry version, never
 *      a file (`oci://…`, `.mlops/registry:prod`, `dir:name:tag`, `dir@sha256:…`)
 *   3. anything else ending in `.onnx` (`champion.onnx`, `models/champion.onnx`) → a file
 *   4. otherwise                                                    → the parse error
 *
 * So a file committed under a name that reads as a reference (e.g. `.mlops/registry:prod`) is
 * never used in place of the registry's version; such a file can only be named explicitly
 * (`./.mlops/registry:prod` or `file:.mlops/registry:prod`).
 */
import { parseModelReference, type ModelReference } from './reference.js';

export type ModelSource = { kind: 'file'; path: string } | { kind: 'registry'; reference: ModelReference };

const EXPLICIT_PATH = /^(?:\.{1,2}[\\/]|\/)/;
const FILE_SCHEME = 'file:';

/** The path a spec names explicitly as a file (`file:<path>`, or starting with `./`, `../` or `/`); else undefined. */
export function explicitFilePath(spec: string): string | undefined {
  const value = spec.trim();
  if (value.startsWith(FILE_SCHEME)) return value.slice(FILE_SCHEME.length);
  return EXPLICIT_PATH.test(value) ? value : undefined;
}

export function classifyModelSpec(spec: string): ModelSource {
  const value = spec.trim();
  const path = explicitFilePath(value);
  if (path !== undefined) return { kind: 'file', path };
  let reference: ModelReference;
  try {
    reference = parseModelReference(value);
  } catch (error) {
    if (/\.onnx$/i.test(value) && !/^oci:/i.test(value)) return { kind: 'file', path: value };
    throw error;
  }
  return { kind: 'registry', reference };
}
