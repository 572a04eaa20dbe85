/**
 * The fake API server's validation of InferenceService objects against the CRD's
 * openAPIV3Schema, the way kube-apiserver treats a structural schema
 * (k8s.io/apiextensions-apiserver: "Specifying a structural schema", "Field pruning",
 * "Validation"): types, enums, required, formats int32/int64, int-or-string; unknown fields
 * are pruned with a warning, or rejected when the request asks fieldValidation=Strict.
 * Written separately from the client's validator on purpose (two readings of one schema).
 * The schema is the one the project vendors (a verbatim copy of the CRD's, see
 * shared/deploy/kserve/schema/extract.mjs): the CRD "installed" on the fake cluster.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { ROOT } from '../run-action.js';

type Node = { [key: string]: unknown };

export const CRD_SCHEMA = (JSON.parse(readFileSync(join(ROOT, 'shared/deploy/kserve/schema/inferenceservice.v1beta1.json'), 'utf8')) as { openAPIV3Schema: Node }).openAPIV3Schema;

export interface Cause {
  field: string;
  message: string;
  reason: 'FieldValueInvalid' | 'FieldValueRequired' | 'FieldValueNotSupported' | 'FieldValueTypeInvalid';
}

let validate: ValidateFunction | undefined;

function compile(): ValidateFunction {
  if (validate) return validate;
  // Without ajv's code optimisation passes the whole 640 KB schema compiles in half the time
  // (they only tidy the generated code): seconds less for every test file with a fake cluster.
  // A subschema the CRD repeats (a container's, a probe's) is compiled once, as a $ref'd
  // definition (inlineRefs: false), instead of at each of its occurrences: ~10× faster.
  const ajv = new Ajv({ strict: false, allErrors: true, verbose: true, inlineRefs: false, code: { optimize: false } });
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('date-time', { type: 'string', validate: () => true });
  const rewrite = (node: Node): Node => {
    const out: Node = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties') out[key] = Object.fromEntries(Object.entries(value as Record<string, Node>).map(([k, v]) => [k, rewrite(v)]));
      else if (key === 'items' || (key === 'additionalProperties' && typeof value === 'object')) out[key] = rewrite(value as Node);
      else if (key === 'anyOf' || key === 'allOf' || key === 'oneOf') out[key] = (value as Node[]).map(rewrite);
      else if (!key.startsWith('x-kubernetes-')) out[key] = value;
    }
    if (node['x-kubernetes-int-or-string']) {
      delete out.type;
      out.anyOf ??= [{ type: 'integer' }, { type: 'string' }];
    }
    return out;
  };
  validate = ajv.compile(shareRepeats(rewrite(CRD_SCHEMA)));
  return validate;
}

/** The schema with every subschema of 500+ characters that occurs more than once moved to `definitions` and referred to by `$ref`. */
function shareRepeats(root: Node): Node {
  const subschemas = (node: Node, f: (child: Node) => Node): Node => {
    const out: Node = { ...node };
    if (node.properties) out.properties = Object.fromEntries(Object.entries(node.properties as Record<string, Node>).map(([k, v]) => [k, f(v)]));
    for (const key of ['items', 'additionalProperties']) if (node[key] && typeof node[key] === 'object') out[key] = f(node[key] as Node);
    for (const key of ['anyOf', 'allOf', 'oneOf']) if (Array.isArray(node[key])) out[key] = (node[key] as Node[]).map(f);
    return out;
  };
  const seen = new Map<string, number>();
  const count = (node: Node): Node => {
    const text = JSON.stringify(node);
    if (text.length >= 500) seen.set(text, (seen.get(text) ?? 0) + 1);
    return subschemas(node, count);
  };
  count(root);
  const definitions: Record<string, Node> = {};
  const names = new Map<string, string>();
  const share = (node: Node): Node => {
    const text = JSON.stringify(node);
    if ((seen.get(text) ?? 0) < 2) return subschemas(node, share);
    if (!names.has(text)) {
      names.set(text, `d${names.size}`);
      definitions[names.get(text)!] = subschemas(node, share);
    }
    return { $ref: `#/definitions/${names.get(text)}` };
  };
  return { ...subschemas(root, share), definitions };
}

/** Unknown fields (not in the schema, not under preserve-unknown-fields), as dotted paths; removed from `object` in place. */
export function prune(object: unknown, schema: Node = CRD_SCHEMA, path = ''): string[] {
  if (schema['x-kubernetes-preserve-unknown-fields'] === true || typeof object !== 'object' || object === null) return [];
  const found: string[] = [];
  if (Array.isArray(object)) {
    const items = schema.items as Node | undefined;
    if (items) object.forEach((item, i) => found.push(...prune(item, items, `${path}[${i}]`)));
    return found;
  }
  const properties = schema.properties as Record<string, Node> | undefined;
  const additional = schema.additionalProperties as Node | boolean | undefined;
  const record = object as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const child = properties?.[key] ?? (typeof additional === 'object' ? additional : undefined);
    const childPath = path ? `${path}.${key}` : key;
    if (!child) {
      if (properties && path !== 'metadata' && !(path === '' && (key === 'apiVersion' || key === 'kind' || key === 'metadata'))) {
        found.push(childPath);
        delete record[key];
      }
      continue;
    }
    found.push(...prune(record[key], child, childPath));
  }
  return found;
}

/** The schema's complaints about an (already pruned) object, as API-server causes. */
export function invalid(object: unknown): Cause[] {
  const check = compile();
  if (check(object)) return [];
  return (check.errors ?? [])
    .filter((e) => e.keyword !== 'anyOf')
    .map((e) => {
      const segments = e.instancePath.split('/').slice(1);
      const field = segments.map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '');
      if (e.keyword === 'required') return { field: `${field ? `${field}.` : ''}${String(e.params.missingProperty)}`, message: 'Required value', reason: 'FieldValueRequired' as const };
      if (e.keyword === 'type') return { field, message: `Invalid value: ${JSON.stringify(typeof (e.data ?? null))}: ${field} in body must be of type ${String(e.params.type)}`, reason: 'FieldValueTypeInvalid' as const };
      if (e.keyword === 'enum') return { field, message: `Unsupported value: ${JSON.stringify(e.data)}`, reason: 'FieldValueNotSupported' as const };
      return { field, message: `Invalid value: ${JSON.stringify(e.data)}: ${e.message ?? e.keyword}`, reason: 'FieldValueInvalid' as const };
    });
}
