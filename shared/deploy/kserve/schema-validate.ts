/**
 * Every InferenceService this stage renders is checked, before it is sent, against the CRD's
 * own openAPIV3Schema (schema/inferenceservice.v1beta1.json, extracted from KServe's CRD by
 * schema/extract.mjs) the way the API server reads a structural schema:
 *   - an object with `properties` takes no other fields (the server prunes or, with
 *     fieldValidation=Strict, rejects them; a typo in an override must not vanish silently),
 *     unless it says `x-kubernetes-preserve-unknown-fields` or has `additionalProperties`;
 *   - `x-kubernetes-int-or-string` takes an integer or a string;
 *   - formats int32, int64 and date-time are checked; other `x-kubernetes-*` keys are list and
 *     map semantics for merging and are not validation.
 * The subset compiled is the part this stage renders (renderedSubset()).
 * metadata (ObjectMeta: `type: object` in the CRD) is checked by the API server itself against
 * its own rules; objectMetaErrors() repeats the ones a rendered manifest can break.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { UserError } from '../../errors/user-error.js';
import { annotationKeyError, labelKeyError, labelValueError, nameError } from './labels.js';

type SchemaNode = Record<string, unknown>;

let compiled: ValidateFunction | undefined;

/**
 * The validator, compiled once per process (the schema is 640 KB; compiling takes a moment).
 * Without ajv's code optimisation passes, compiling takes half the time; they only tidy the
 * generated code, which here validates a single manifest. Repeated subschemas are compiled once
 * each (sharedSubschemas()), as functions the others call (inlineRefs: false).
 */
async function validator(): Promise<ValidateFunction> {
  if (compiled) return compiled;
  const { default: document } = await import('./schema/inferenceservice.v1beta1.json', { with: { type: 'json' } });
  const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true, inlineRefs: false, code: { optimize: false } });
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  ajv.addFormat('date-time', { type: 'string', validate: (s: string) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s) });
  compiled = ajv.compile(sharedSubschemas(structural(renderedSubset(document.openAPIV3Schema as SchemaNode))));
  return compiled;
}

/**
 * The schema of what this stage renders: the whole root and spec.predictor as the CRD has
 * them; spec.transformer, spec.explainer, spec.canary and status (never rendered: overrides
 * merge into spec.predictor only, and status is the controller's) are reduced to `object`.
 * Compiling the whole 640 KB takes ajv several seconds; this subset takes a third of that.
 */
export function renderedSubset(root: SchemaNode): SchemaNode {
  const properties = root.properties as Record<string, SchemaNode>;
  const spec = properties.spec!;
  const specProperties = spec.properties as Record<string, SchemaNode>;
  const reduced = Object.fromEntries(Object.entries(specProperties).map(([key, value]) => [key, key === 'predictor' ? value : { type: 'object' }]));
  return { ...root, properties: { ...properties, spec: { ...spec, properties: reduced }, status: { type: 'object' } } };
}

/** The CRD schema as JSON Schema with the API server's structural rules made explicit. */
export function structural(node: SchemaNode): SchemaNode {
  const out: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-kubernetes-')) continue;
    if (key === 'properties' && value && typeof value === 'object') {
      out.properties = Object.fromEntries(Object.entries(value as Record<string, SchemaNode>).map(([name, child]) => [name, structural(child)]));
    } else if ((key === 'items' || key === 'additionalProperties') && value && typeof value === 'object') {
      out[key] = structural(value as SchemaNode);
    } else if ((key === 'anyOf' || key === 'allOf' || key === 'oneOf') && Array.isArray(value)) {
      out[key] = value.map((child) => structural(child as SchemaNode));
    } else out[key] = value;
  }
  if (node['x-kubernetes-int-or-string'] === true && !out.anyOf) out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  const preserves = node['x-kubernetes-preserve-unknown-fields'] === true;
  if (out.type === 'object' && out.properties && !preserves && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

/** Subschemas at least this long (as JSON) are shared when they occur more than once. */
const SHARED_MIN_CHARS = 500;

/**
 * The same schema with each subschema that occurs more than once (a container's schema under
 * containers, initContainers and the model's own fields; a probe's under every container) moved
 * to `definitions` and referred to by `$ref`. Ajv generates code for every occurrence of a
 * subschema it finds inline: 4.9 MB of code and ~3 s to compile for this subset, against
 * 0.3 MB and ~0.3 s with the repeats shared. A `$ref` that is a node's only key validates as
 * the node did, and errors keep the instance path, so what is reported does not change.
 */
export function sharedSubschemas(root: SchemaNode): SchemaNode {
  const occurrences = new Map<string, number>();
  const count = (node: SchemaNode): SchemaNode => {
    const key = JSON.stringify(node);
    if (key.length >= SHARED_MIN_CHARS) occurrences.set(key, (occurrences.get(key) ?? 0) + 1);
    return mapSubschemas(node, count);
  };
  count(root);
  const definitions: Record<string, SchemaNode> = {};
  const names = new Map<string, string>();
  const share = (node: SchemaNode): SchemaNode => {
    const key = JSON.stringify(node);
    if ((occurrences.get(key) ?? 0) < 2) return mapSubschemas(node, share);
    let name = names.get(key);
    if (name === undefined) {
      name = `shared${names.size}`;
      names.set(key, name);
      definitions[name] = mapSubschemas(node, share);
    }
    return { $ref: `#/definitions/${name}` };
  };
  return { ...mapSubschemas(root, share), definitions };
}

/** The node with `f` applied to each of its direct subschemas (properties, items, additionalProperties, anyOf/allOf/oneOf). */
function mapSubschemas(node: SchemaNode, f: (child: SchemaNode) => SchemaNode): SchemaNode {
  const out: SchemaNode = { ...node };
  if (node.properties && typeof node.properties === 'object') out.properties = Object.fromEntries(Object.entries(node.properties as Record<string, SchemaNode>).map(([name, child]) => [name, f(child)]));
  for (const key of ['items', 'additionalProperties'] as const) if (node[key] && typeof node[key] === 'object') out[key] = f(node[key] as SchemaNode);
  for (const key of ['anyOf', 'allOf', 'oneOf'] as const) if (Array.isArray(node[key])) out[key] = (node[key] as SchemaNode[]).map(f);
  return out;
}

export interface SchemaProblem {
  /** Dotted path into the manifest, e.g. spec.predictor.model.storageUri. */
  path: string;
  message: string;
}

export async function schemaProblems(manifest: unknown): Promise<SchemaProblem[]> {
  const validate = await validator();
  const problems: SchemaProblem[] = [];
  if (!validate(manifest)) problems.push(...(validate.errors ?? []).map(describeError));
  const metadata = (manifest as { metadata?: unknown }).metadata;
  problems.push(...objectMetaErrors(metadata));
  return problems;
}

/** Throws one UserError naming the first problem's path, when the manifest breaks the schema. */
export async function validateInferenceService(manifest: unknown, where: string): Promise<void> {
  const problems = await schemaProblems(manifest);
  if (problems.length === 0) return;
  const first = problems[0]!;
  throw new UserError(`the rendered InferenceService breaks the KServe CRD schema at ${first.path}: ${first.message}`, {
    where: { key: where },
    hint: 'Fix the override in deploy.kserve (or the kserve-* input) that sets this field; the manifest was not sent to the cluster.',
  });
}

function describeError(error: ErrorObject): SchemaProblem {
  const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') segments.push(String(params.additionalProperty));
  const path = segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('') || '(root)';
  const message = error.keyword === 'additionalProperties' ? 'is not a field of the schema' : error.keyword === 'required' ? `is missing the required field ${String(params.missingProperty)}` : error.message ?? error.keyword;
  return { path, message };
}

function objectMetaErrors(metadata: unknown): SchemaProblem[] {
  if (typeof metadata !== 'object' || metadata === null) return [{ path: 'metadata', message: 'must be an object' }];
  const meta = metadata as Record<string, unknown>;
  const problems: SchemaProblem[] = [];
  const name = typeof meta.name === 'string' ? nameError(meta.name) : 'must be a string';
  if (name) problems.push({ path: 'metadata.name', message: name });
  if (meta.namespace !== undefined) {
    const namespace = typeof meta.namespace === 'string' ? nameError(meta.namespace, 63) : 'must be a string';
    if (namespace) problems.push({ path: 'metadata.namespace', message: namespace });
  }
  for (const [field, keyError, valueError] of [
    ['labels', labelKeyError, labelValueError],
    ['annotations', annotationKeyError, (value: string) => (value.length > 256 * 1024 ? 'is over 256 KiB' : undefined)],
  ] as const) {
    const map = meta[field];
    if (map === undefined) continue;
    if (typeof map !== 'object' || map === null || Array.isArray(map)) {
      problems.push({ path: `metadata.${field}`, message: 'must be a map of strings' });
      continue;
    }
    for (const [key, value] of Object.entries(map)) {
      const error = keyError(key) ?? (typeof value === 'string' ? valueError(value) : 'must be a string');
      if (error) problems.push({ path: `metadata.${field}[${JSON.stringify(key)}]`, message: error });
    }
  }
  return problems;
}
