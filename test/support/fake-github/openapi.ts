/**
 * GitHub's published OpenAPI description (@octokit/openapi), loaded once per process, used
 * to match a request to an operation and to validate its path, query and JSON body.
 *
 * Schemas are compiled lazily, one operation at a time: the whole document is registered
 * with ajv under one id and each validator is a `$ref` into it, so the document's own
 * `#/components/...` references resolve without dereferencing 13 MB up front.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import * as ajvFormats from 'ajv-formats';

type Json = Record<string, unknown>;

const DOC_ID = 'github-openapi.json';
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head'] as const;

export interface Operation {
  method: string;
  /** The path template, e.g. `/repos/{owner}/{repo}/issues/{issue_number}/comments`. */
  route: string;
  operationId: string;
  /** Template segments: a literal, or `undefined` for a `{parameter}`. */
  segments: Array<string | undefined>;
  paramNames: string[];
  pointer: string;
}

export interface RouteMatch {
  operation: Operation;
  params: Record<string, string>;
}

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  schemaPointer: string;
}

let loaded: { doc: Json; ajv: Ajv; byMethod: Map<string, Operation[]> } | undefined;
const validators = new Map<string, ValidateFunction>();

function load() {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Json;
  fixNullableWithoutType(doc);
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
  const addFormats = ((ajvFormats as unknown as { default?: unknown }).default ?? ajvFormats) as (a: Ajv) => Ajv;
  addFormats(ajv);
  ajv.addSchema(doc, DOC_ID, undefined, false);
  loaded = { doc, ajv, byMethod: indexOperations(doc) };
  return loaded;
}

/**
 * OpenAPI 3.0's `nullable: true` next to `oneOf`/`allOf` and no `type` is legal there but
 * makes ajv throw; rewrite those nodes as `anyOf: [node, {type: null}]`. A nullable `enum`
 * gets null added to its values.
 */
function fixNullableWithoutType(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) fixNullableWithoutType(item);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Json;
  for (const value of Object.values(record)) fixNullableWithoutType(value);
  // ajv checks `enum` before `nullable` lets null through.
  if (record.nullable === true && Array.isArray(record.enum) && !record.enum.includes(null)) record.enum.push(null);
  if (record.nullable === true && !('type' in record)) {
    const inner: Json = { ...record };
    delete inner.nullable;
    for (const key of Object.keys(record)) delete record[key];
    record.anyOf = [inner, { type: 'null' }];
  }
}

function indexOperations(doc: Json): Map<string, Operation[]> {
  const byMethod = new Map<string, Operation[]>();
  const paths = doc.paths as Record<string, Json>;
  for (const [route, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const segments = route.split('/').slice(1).map((s) => (/^\{.+\}$/.test(s) ? undefined : s));
      const operation: Operation = {
        method: method.toUpperCase(),
        route,
        operationId: String(op.operationId),
        segments,
        paramNames: [...route.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string),
        pointer: `/paths/${escapePointer(route)}/${method}`,
      };
      const list = byMethod.get(operation.method) ?? [];
      list.push(operation);
      byMethod.set(operation.method, list);
    }
  }
  return byMethod;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function at(doc: Json, pointer: string): unknown {
  let node: unknown = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Json | undefined)?.[key];
  }
  return node;
}

/** The operation for `method path`, preferring literal segments over parameters. */
export function matchRoute(method: string, pathname: string): RouteMatch | undefined {
  const { byMethod } = load();
  const parts = pathname.replace(/\/+$/, '').split('/').slice(1).map(safeDecode);
  let best: { operation: Operation; score: string } | undefined;
  for (const operation of byMethod.get(method.toUpperCase()) ?? []) {
    if (operation.segments.length !== parts.length) continue;
    if (!operation.segments.every((s, i) => s === undefined ? parts[i] !== '' : s === parts[i])) continue;
    // Literal segments earlier in the path win: "1" for a literal, "0" for a parameter.
    const score = operation.segments.map((s) => (s === undefined ? '0' : '1')).join('');
    if (!best || score > best.score) best = { operation, score };
  }
  if (!best) return undefined;
  const params: Record<string, string> = {};
  let n = 0;
  best.operation.segments.forEach((s, i) => {
    if (s === undefined) params[best.operation.paramNames[n++] as string] = parts[i] as string;
  });
  return { operation: best.operation, params };
}

/** The operation with this exact path template, e.g. to check a fault's route. */
export function findOperation(method: string, route: string): Operation | undefined {
  return load().byMethod.get(method.toUpperCase())?.find((op) => op.route === route);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function parameters(operation: Operation): Parameter[] {
  const { doc } = load();
  const out = new Map<string, Parameter>();
  const lists: Array<[unknown, string]> = [
    [at(doc, `/paths/${escapePointer(operation.route)}/parameters`), `/paths/${escapePointer(operation.route)}/parameters`],
    [at(doc, `${operation.pointer}/parameters`), `${operation.pointer}/parameters`],
  ];
  for (const [list, base] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((entry: Json, index) => {
      let pointer = `${base}/${index}`;
      let param = entry;
      if (typeof entry.$ref === 'string') {
        pointer = entry.$ref.slice(1);
        param = at(doc, pointer) as Json;
      }
      out.set(`${param.in}:${param.name}`, {
        name: String(param.name),
        in: String(param.in),
        required: param.required === true,
        schemaPointer: `${pointer}/schema`,
      });
    });
  }
  return [...out.values()];
}

function validator(pointer: string): ValidateFunction {
  let fn = validators.get(pointer);
  if (!fn) {
    const ref = `${DOC_ID}#${pointer.split('/').map(encodeURIComponent).join('/')}`;
    fn = load().ajv.compile({ $ref: ref });
    validators.set(pointer, fn);
  }
  return fn;
}

/** Query and path values arrive as strings; accept one if it, or its number/boolean reading, is valid. */
function validScalar(pointer: string, raw: string): boolean {
  const fn: (data: unknown) => boolean = validator(pointer);
  if (fn(raw)) return true;
  if (raw.trim() !== '' && !Number.isNaN(Number(raw)) && fn(Number(raw))) return true;
  if ((raw === 'true' || raw === 'false') && fn(raw === 'true')) return true;
  return false;
}

/**
 * Problems with a request to a matched operation, as sentences; empty when it is valid.
 * `body` is the parsed JSON body, or undefined when none was sent.
 */
export function validateRequest(
  match: RouteMatch,
  query: URLSearchParams,
  body: unknown,
): string[] {
  const { doc } = load();
  const problems: string[] = [];
  const params = parameters(match.operation);
  for (const p of params.filter((p) => p.in === 'path')) {
    const value = match.params[p.name];
    if (value === undefined) problems.push(`path parameter ${p.name} is missing`);
    else if (!validScalar(p.schemaPointer, value)) problems.push(`path parameter ${p.name}=${JSON.stringify(value)} is invalid`);
  }
  const queryParams = new Map(params.filter((p) => p.in === 'query').map((p) => [p.name, p]));
  for (const [name, value] of query) {
    const p = queryParams.get(name) ?? queryParams.get(name.replace(/\[\]$/, ''));
    if (!p) problems.push(`query parameter ${name} is not defined for ${match.operation.method} ${match.operation.route}`);
    else if (!validScalar(p.schemaPointer, value)) problems.push(`query parameter ${name}=${JSON.stringify(value)} is invalid`);
  }
  for (const p of queryParams.values()) {
    if (p.required && !query.has(p.name)) problems.push(`query parameter ${p.name} is required`);
  }

  const requestBody = at(doc, `${match.operation.pointer}/requestBody`) as Json | undefined;
  const resolved = typeof requestBody?.$ref === 'string' ? (at(doc, requestBody.$ref.slice(1)) as Json) : requestBody;
  const bodyPointer =
    typeof requestBody?.$ref === 'string'
      ? `${requestBody.$ref.slice(1)}/content/application~1json/schema`
      : `${match.operation.pointer}/requestBody/content/application~1json/schema`;
  if (body === undefined) {
    if (resolved?.required === true) problems.push('a JSON request body is required');
    return problems;
  }
  if (!resolved) {
    problems.push(`${match.operation.method} ${match.operation.route} takes no request body`);
    return problems;
  }
  const schema = at(doc, bodyPointer) as Json | undefined;
  if (!schema) {
    problems.push(`${match.operation.method} ${match.operation.route} takes no JSON body`);
    return problems;
  }
  const fn = validator(bodyPointer);
  if (!fn(body)) {
    for (const e of fn.errors ?? []) problems.push(`body${e.instancePath || ''} ${e.message ?? 'is invalid'}`);
  }
  problems.push(...unknownTopLevelKeys(schema, body));
  return problems;
}

/**
 * GitHub ignores unknown body keys, so its schemas rarely forbid them; a typo would then pass
 * silently. Top-level keys of a plain object schema must be ones it declares.
 */
function unknownTopLevelKeys(schema: Json, body: unknown): string[] {
  const properties = schema.properties as Json | undefined;
  if (!properties || schema.additionalProperties !== undefined) return [];
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return [];
  return Object.keys(body)
    .filter((key) => !(key in properties))
    .map((key) => `body has unknown property ${JSON.stringify(key)}`);
}

/**
 * Problems with a response the fake is about to send, checked against the operation's
 * response schema for that status (the fake must look like GitHub to octokit and to us).
 */
export function validateResponse(operation: Operation, status: number, body: unknown): string[] {
  const { doc } = load();
  let base = `${operation.pointer}/responses/${status}`;
  const response = at(doc, base) as Json | undefined;
  if (!response) return status < 400 ? [`status ${status} is not a documented response`] : [];
  if (typeof response.$ref === 'string') base = response.$ref.slice(1);
  const pointer = `${base}/content/application~1json/schema`;
  if (at(doc, pointer) === undefined || body === undefined) return [];
  const fn = validator(pointer);
  if (fn(body)) return [];
  return (fn.errors ?? [])
    // GitHub sends "" for unset URL fields its schema types as `format: uri`.
    .filter((e) => !(e.keyword === 'format' && valueAt(body, e.instancePath) === ''))
    .slice(0, 5)
    .map((e) => `response${e.instancePath || ''} ${e.message ?? 'is invalid'}`);
}

function valueAt(data: unknown, instancePath: string): unknown {
  let node = data;
  for (const raw of instancePath.split('/').slice(1)) {
    node = (node as Json | undefined)?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}
