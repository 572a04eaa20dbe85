/**
 * A fake Kubernetes API server on loopback (HTTPS with a self-signed certificate), with KServe's InferenceService CRD "installed":
 * enough of the API for a client to discover, read and server-side apply InferenceServices
 * and watch their status move (by polling). Requests are handled as kube-apiserver handles
 * them, whoever sends them (our client, kubectl):
 *   - bearer-token authentication (401), and an RBAC stand-in: verbs on resources can be
 *     forbidden (403 with the API server's message: user, verb, resource, group, namespace);
 *   - discovery: /api, /apis, /apis/serving.kserve.io/v1beta1 (404 when KServe is "not installed");
 *   - GET of one object or a list; PATCH with Content-Type application/apply-patch+yaml only
 *     (server-side apply: fieldManager required; the manager's applied configuration replaces
 *     its previous one, managers merged in order of application; other patch types get 415);
 *   - every applied object is checked against the CRD's openAPIV3Schema (crd-schema.ts):
 *     unknown fields are pruned with a Warning header, or rejected with fieldValidation=Strict;
 *     schema violations are 422 Invalid with causes, as the API server answers;
 *   - metadata.generation moves when the spec changes; status is the controller's
 *     (controller.ts), which reconciles after a lag and drives real `mlops serve` revisions.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { invalid, prune } from './crd-schema.js';
import { Controller } from './controller.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const GROUP = 'serving.kserve.io';
const VERSION = 'v1beta1';
const RESOURCE = 'inferenceservices';

export interface FakeKubeOptions {
  /** false: KServe's CRD is not installed (discovery 404s). */
  installed?: boolean;
  /** verb → forbidden (e.g. { patch: true }) for inferenceservices. */
  forbid?: Partial<Record<'get' | 'list' | 'patch' | 'create', boolean>>;
  neverReady?: boolean;
  lagMs?: number;
  user?: string;
}

export interface FakeKube {
  url: string;
  token: string;
  /** A kubeconfig (YAML) for this server, with a namespace in its context. */
  kubeconfig(namespace?: string): string;
  /** The kubeconfig written to a file. */
  kubeconfigFile(namespace?: string): string;
  object(namespace: string, name: string): Json | undefined;
  /** Method, path and content type of every request, in order. */
  requests: { method: string; path: string; contentType?: string; fieldManager?: string; status: number }[];
  options: FakeKubeOptions;
  settle(): Promise<void>;
  /** The running predictor pods: namespace, InferenceService, revision and the pod's URL. */
  pods(): { namespace: string; name: string; revision: string; url: string }[];
  /** neverReady off, and every object reconciled again: revisions held back start. */
  resume(): void;
  stop(): Promise<void>;
}

function status(code: number, reason: string, message: string, details?: Json): Json {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
}

function mergeObjects(base: unknown, over: unknown): unknown {
  if (typeof base !== 'object' || base === null || Array.isArray(base) || typeof over !== 'object' || over === null || Array.isArray(over)) return structuredClone(over);
  const out: Json = { ...(base as Json) };
  for (const [k, v] of Object.entries(over as Json)) out[k] = k in out ? mergeObjects(out[k], v) : structuredClone(v);
  return out;
}

export async function startFakeKube(options: FakeKubeOptions = {}): Promise<FakeKube> {
  const token = randomBytes(16).toString('hex');
  const user = options.user ?? 'system:serviceaccount:ci:mlops-deployer';
  const objects = new Map<string, Json>();
  /** Per object: fieldManager → its applied configuration. */
  const applied = new Map<string, Map<string, Json>>();
  let resourceVersion = 1000;
  const requests: FakeKube['requests'] = [];
  const controller = new Controller({
    neverReady: () => options.neverReady ?? false,
    lagMs: options.lagMs ?? 30,
    onChange: (object) => {
      object.metadata.resourceVersion = String(++resourceVersion);
    },
  });

  const send = (response: ServerResponse, code: number, body: Json, headers: Record<string, string> = {}) => {
    response.writeHead(code, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };

  const readBody = (request: IncomingMessage): Promise<string> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      request.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > 3 * 1024 * 1024) reject(new Error('request body over 3 MiB'));
        chunks.push(chunk);
      });
      request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      request.on('error', reject);
    });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<number> => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const path = url.pathname.replace(/\/$/, '');
    if (request.headers.authorization !== `Bearer ${token}`) {
      send(response, 401, status(401, 'Unauthorized', 'Unauthorized'));
      return 401;
    }
    const installed = options.installed !== false;
    if (request.method === 'GET' && path === '/version') {
      send(response, 200, { major: '1', minor: '32', gitVersion: 'v1.32.0-fake-kube', platform: 'linux/amd64' });
      return 200;
    }
    if (request.method === 'GET' && path === '/api') {
      send(response, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] });
      return 200;
    }
    if (request.method === 'GET' && path === '/apis') {
      const groups = installed ? [{ name: GROUP, versions: [{ groupVersion: `${GROUP}/${VERSION}`, version: VERSION }], preferredVersion: { groupVersion: `${GROUP}/${VERSION}`, version: VERSION } }] : [];
      send(response, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups });
      return 200;
    }
    if (request.method === 'GET' && path === '/api/v1') {
      send(response, 200, { kind: 'APIResourceList', groupVersion: 'v1', resources: [] });
      return 200;
    }
    if (!path.startsWith(`/apis/${GROUP}`) || !installed) {
      send(response, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
      return 404;
    }
    if (request.method === 'GET' && path === `/apis/${GROUP}/${VERSION}`) {
      send(response, 200, {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: `${GROUP}/${VERSION}`,
        resources: [
          { name: RESOURCE, singularName: 'inferenceservice', namespaced: true, kind: 'InferenceService', verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'], shortNames: ['isvc'], categories: [] },
          { name: `${RESOURCE}/status`, singularName: '', namespaced: true, kind: 'InferenceService', verbs: ['get', 'patch', 'update'] },
        ],
      });
      return 200;
    }
    const match = new RegExp(`^/apis/${GROUP}/${VERSION}/namespaces/([a-z0-9-]+)/${RESOURCE}(?:/([a-z0-9-]+))?$`).exec(path);
    if (!match) {
      send(response, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
      return 404;
    }
    const [, namespace, name] = match as unknown as [string, string, string | undefined];
    const verb = request.method === 'GET' ? (name ? 'get' : 'list') : request.method === 'PATCH' ? 'patch' : request.method === 'POST' ? 'create' : undefined;
    if (!verb || (verb === 'create' && name) || (verb === 'patch' && !name)) {
      send(response, 405, status(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`));
      return 405;
    }
    if (options.forbid?.[verb]) {
      const subject = name ? `${RESOURCE}.${GROUP} "${name}" is forbidden` : `${RESOURCE}.${GROUP} is forbidden`;
      send(response, 403, status(403, 'Forbidden', `${subject}: User "${user}" cannot ${verb} resource "${RESOURCE}" in API group "${GROUP}" in the namespace "${namespace}"`, { ...(name ? { name } : {}), group: GROUP, kind: RESOURCE }));
      return 403;
    }
    const id = `${namespace}/${name ?? ''}`;
    if (verb === 'list') {
      const items = [...objects.values()].filter((o) => o.metadata.namespace === namespace);
      send(response, 200, { apiVersion: `${GROUP}/${VERSION}`, kind: 'InferenceServiceList', metadata: { resourceVersion: String(resourceVersion) }, items });
      return 200;
    }
    if (verb === 'get') {
      const object = objects.get(id);
      if (!object) {
        send(response, 404, status(404, 'NotFound', `${RESOURCE}.${GROUP} "${name}" not found`, { name, group: GROUP, kind: RESOURCE }));
        return 404;
      }
      send(response, 200, object);
      return 200;
    }
    if (verb === 'create') {
      send(response, 415, status(415, 'UnsupportedMediaType', 'the fake API server implements server-side apply (PATCH application/apply-patch+yaml) only'));
      return 415;
    }
    // PATCH: server-side apply only.
    const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (contentType !== 'application/apply-patch+yaml') {
      send(response, 415, status(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/apply-patch+yaml (got ${contentType || 'none'}; this fake serves server-side apply only)`));
      return 415;
    }
    const fieldManager = url.searchParams.get('fieldManager');
    if (!fieldManager) {
      send(response, 422, status(422, 'Invalid', 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch'));
      return 422;
    }
    let body: Json;
    try {
      body = YAML.parse(await readBody(request)) as Json;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('not an object');
    } catch (error) {
      send(response, 400, status(400, 'BadRequest', `error decoding YAML: ${(error as Error).message}`));
      return 400;
    }
    if (body.apiVersion !== `${GROUP}/${VERSION}` || body.kind !== 'InferenceService') {
      send(response, 400, status(400, 'BadRequest', `the API version in the data (${body.apiVersion}) or kind (${body.kind}) does not match the expected ${GROUP}/${VERSION}, Kind=InferenceService`));
      return 400;
    }
    if (body.metadata?.name !== name || (body.metadata?.namespace !== undefined && body.metadata.namespace !== namespace)) {
      send(response, 400, status(400, 'BadRequest', `the name of the object (${body.metadata?.name} in ${body.metadata?.namespace ?? namespace}) does not match the name on the URL (${name} in ${namespace})`));
      return 400;
    }
    delete body.status;
    const unknown = prune(body);
    const validation = url.searchParams.get('fieldValidation') ?? 'Warn';
    if (unknown.length && validation === 'Strict') {
      send(response, 422, status(422, 'Invalid', `InferenceService.${GROUP} "${name}" is invalid: ${unknown.map((f) => `${f}: unknown field "${f}"`).join(', ')}`, { name, group: GROUP, kind: 'InferenceService', causes: unknown.map((f) => ({ reason: 'FieldValueInvalid', message: `unknown field "${f}"`, field: f })) }));
      return 422;
    }
    const causes = invalid(body);
    if (causes.length) {
      send(response, 422, status(422, 'Invalid', `InferenceService.${GROUP} "${name}" is invalid: ${causes.map((c) => `${c.field}: ${c.message}`).join(', ')}`, { name, group: GROUP, kind: 'InferenceService', causes }));
      return 422;
    }
    const managers = applied.get(id) ?? new Map<string, Json>();
    managers.delete(fieldManager);
    managers.set(fieldManager, { labels: body.metadata.labels ?? {}, annotations: body.metadata.annotations ?? {}, spec: body.spec ?? {} });
    applied.set(id, managers);
    let merged: Json = { labels: {}, annotations: {}, spec: {} };
    for (const config of managers.values()) merged = mergeObjects(merged, config) as Json;
    const now = new Date().toISOString();
    const existing = objects.get(id);
    const object: Json = existing ?? { apiVersion: `${GROUP}/${VERSION}`, kind: 'InferenceService', metadata: { name, namespace, uid: randomUUID(), creationTimestamp: now, generation: 0 }, spec: {} };
    const specChanged = JSON.stringify(object.spec) !== JSON.stringify(merged.spec);
    object.metadata.labels = merged.labels;
    object.metadata.annotations = merged.annotations;
    object.spec = merged.spec;
    if (specChanged) object.metadata.generation++;
    object.metadata.managedFields = [...managers.keys()].map((manager) => ({ manager, operation: 'Apply', apiVersion: `${GROUP}/${VERSION}`, time: now, fieldsType: 'FieldsV1', fieldsV1: {} }));
    object.metadata.resourceVersion = String(++resourceVersion);
    objects.set(id, object);
    if (specChanged) controller.enqueue(object);
    send(response, existing ? 200 : 201, object, unknown.length ? { warning: unknown.map((f) => `299 - "unknown field \\"${f}\\""`).join(', ') } : {});
    return existing ? 200 : 201;
  };

  // TLS as on a real cluster: a self-signed certificate for 127.0.0.1, its CA data in the kubeconfig.
  const dir = mkdtempSync(join(tmpdir(), 'fake-kube-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const cert = readFileSync(join(dir, 'cert.pem'));
  const server: Server = createServer({ cert, key: readFileSync(join(dir, 'key.pem')) }, (request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    handle(request, response)
      .then((code) => requests.push({ method: request.method ?? '', path: url.pathname, contentType: request.headers['content-type'], fieldManager: url.searchParams.get('fieldManager') ?? undefined, status: code }))
      .catch((error) => {
        if (!response.headersSent) send(response, 500, status(500, 'InternalError', String(error)));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const kubeconfig = (namespace = 'default') =>
    YAML.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'fake', cluster: { server: url, 'certificate-authority-data': cert.toString('base64') } }],
      users: [{ name: 'ci', user: { token } }],
      contexts: [{ name: 'fake', context: { cluster: 'fake', user: 'ci', namespace } }],
      'current-context': 'fake',
    });
  return {
    url,
    token,
    kubeconfig,
    kubeconfigFile(namespace) {
      const file = join(dir, `kubeconfig-${namespace ?? 'default'}`);
      writeFileSync(file, kubeconfig(namespace), { mode: 0o600 });
      return file;
    },
    object: (namespace, name) => objects.get(`${namespace}/${name}`),
    requests,
    options,
    settle: () => controller.settle(),
    pods: () => controller.pods(),
    resume() {
      options.neverReady = false;
      controller.resume(objects.values());
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await controller.stop();
    },
  };
}
