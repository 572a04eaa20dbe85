/**
 * What the `baseline` input names: a model file or a registry version. The rule, in order:
 *
 *   1. `file:<path>`, or a path starting with `./`, `../` or `/`   → a file (never a registry)
 *   2. anything that parses as a registry reference                 → a registry version, never
 *      a file (`oci://…`, `.mlops/registry:prod`, `dir:name:tag`, `dir@sha256:…`)
 *   3. anything else ending in `.onnx` (`champion.onnx`, `models/champion.onnx`) → a file
 *   4. otherwise                                                    → the parse error
 *
 * So a file committed under a name that reads as a reference (e.g. `.mlops/registry:prod`) is
 * never scored in place of the registry's champion; such a file can only be named explicitly
 * (`./.mlops/registry:prod` or `file:.mlops/registry:prod`).
 */
import { parseModelReference, type ModelReference } from '../../shared/registry/reference.js';

export type BaselineSource = { kind: 'file'; path: string } | { kind: 'registry'; reference: ModelReference };

const EXPLICIT_PATH = /^(?:\.{1,2}[\\/]|\/)/;
const FILE_SCHEME = 'file:';

export function classifyBaseline(baseline: string): BaselineSource {
  const value = baseline.trim();
  if (value.startsWith(FILE_SCHEME)) return { kind: 'file', path: value.slice(FILE_SCHEME.length) };
  if (EXPLICIT_PATH.test(value)) return { kind: 'file', path: value };
  let reference: ModelReference;
  try {
    reference = parseModelReference(value);
  } catch (error) {
    if (/\.onnx$/i.test(value) && !/^oci:/i.test(value)) return { kind: 'file', path: value };
    throw error;
  }
  return { kind: 'registry', reference };
}
