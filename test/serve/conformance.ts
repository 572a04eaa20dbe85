/**
 * Open Inference Protocol conformance checks for every exchange the serve tests make: requests
 * and responses are validated with ajv against the schemas of ../shared/specs/open_inference_rest.yaml
 * (OpenAPI 3.0 components), and the payloads the prose defines without a schema (server live,
 * server ready, model ready) against schemas written from open_inference_rest.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { ROOT } from '../support/run-action.js';

export const SPEC_DIR = join(ROOT, '..', '..', 'shared', 'specs');

function specPath(): string {
  // From a worktree (/work/wt/<name>) and from the main checkout (/work/main) alike.
  for (const candidate of [join(ROOT, '..', 'shared', 'specs'), SPEC_DIR]) {
    try {
      readFileSync(join(candidate, 'open_inference_rest.yaml'));
      return candidate;
    } catch {
      // try the next
    }
  }
  throw new Error(`open_inference_rest.yaml not found beside the project (looked in ${join(ROOT, '..', 'shared', 'specs')} and ${SPEC_DIR})`);
}

export const specFile = (name: string) => join(specPath(), name);

const PROSE_SCHEMAS = {
  live_server_response: { type: 'object', properties: { live: { type: 'boolean' } }, required: ['live'] },
  ready_server_response: { type: 'object', properties: { ready: { type: 'boolean' } }, required: ['ready'] },
  ready_model_response: { type: 'object', properties: { name: { type: 'string' }, ready: { type: 'boolean' } }, required: ['name', 'ready'] },
  // The YAML's error objects do not mark "error" required; the prose says the body "must contain" it.
  prose_error_response: { type: 'object', properties: { error: { type: 'string', minLength: 1 } }, required: ['error'] },
};

let validators: Map<string, ValidateFunction> | undefined;

function validator(schema: string): ValidateFunction {
  if (!validators) {
    const document = parse(readFileSync(specFile('open_inference_rest.yaml'), 'utf8')) as { components: { schemas: Record<string, unknown> } };
    // OpenAPI 3.0 schema objects are JSON Schema plus annotations (x-examples); strict mode off for those.
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addSchema({ $id: 'oip', components: { schemas: { ...document.components.schemas, ...PROSE_SCHEMAS } } });
    validators = new Map();
    for (const name of [...Object.keys(document.components.schemas), ...Object.keys(PROSE_SCHEMAS)]) {
      validators.set(name, ajv.compile({ $ref: `oip#/components/schemas/${name}` }));
    }
  }
  const found = validators.get(schema);
  if (!found) throw new Error(`no schema ${schema} in open_inference_rest.yaml`);
  return found;
}

export function assertSchema(schema: string, value: unknown, what: string): void {
  const validate = validator(schema);
  if (!validate(value)) throw new Error(`${what} does not conform to ${schema}: ${JSON.stringify(validate.errors)}\n${JSON.stringify(value).slice(0, 500)}`);
}

/** Which schemas a protocol endpoint's request and response follow (undefined: not a protocol endpoint). */
function schemasFor(method: string, path: string): { request?: string; response: string; error: string } | undefined {
  const p = path.split('?')[0]!;
  if (method === 'POST' && /^\/v2\/models\/[^/]+(\/versions\/[^/]+)?\/infer$/.test(p)) return { request: 'inference_request', response: 'inference_response', error: 'inference_error_response' };
  if (method === 'GET' && /^\/v2\/models\/[^/]+(\/versions\/[^/]+)?\/ready$/.test(p)) return { response: 'ready_model_response', error: 'metadata_model_error_response' };
  if (method === 'GET' && /^\/v2\/models\/[^/]+(\/versions\/[^/]+)?$/.test(p)) return { response: 'metadata_model_response', error: 'metadata_model_error_response' };
  if (method === 'GET' && /^\/v2\/?$/.test(p)) return { response: 'metadata_server_response', error: 'metadata_server_error_response' };
  if (method === 'GET' && p === '/v2/health/live') return { response: 'live_server_response', error: 'metadata_server_error_response' };
  if (method === 'GET' && p === '/v2/health/ready') return { response: 'ready_server_response', error: 'metadata_server_error_response' };
  return undefined;
}

/**
 * Checks one exchange: a request that succeeded must have been a valid protocol request; every
 * response must be the success object (2xx) or the error object (anything else).
 */
export function checkExchange(method: string, path: string, request: unknown, status: number, response: unknown): void {
  const schemas = schemasFor(method, path);
  const what = `${method} ${path} → ${status}`;
  if (status >= 400 && !(/\/ready$/.test(path) && status === 503)) assertSchema('prose_error_response', response, what);
  if (!schemas) return;
  if (status < 300 && schemas.request && request !== undefined) assertSchema(schemas.request, request, `request of ${what}`);
  const ready = /\/ready$/.test(path) && status === 503;
  assertSchema(status < 300 || ready ? schemas.response : schemas.error, response, what);
  if (status >= 300) assertSchema(schemas.error, response, what);
}
