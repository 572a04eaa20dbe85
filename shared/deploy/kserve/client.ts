/**
 * The Kubernetes side of the KServe target, through @kubernetes/client-node: the cluster from
 * a kubeconfig (a path, or its contents from a secret; else in-cluster; else $KUBECONFIG),
 * discovery of the InferenceService CRD, GET, and server-side apply (PATCH with
 * application/apply-patch+yaml, fieldManager mlops-actions, force: this workflow owns the
 * fields it sets). Every failure is one UserError: the cluster cannot be reached, KServe is not
 * installed, the credentials lack a verb on a resource (403), the server rejected the object.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { ApiException, KubeConfig, KubernetesObjectApi, PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { UserError } from '../../errors/user-error.js';
import type { Host } from '../../host/host.js';

export const GROUP = 'serving.kserve.io';
export const VERSION = 'v1beta1';
export const API_VERSION = `${GROUP}/${VERSION}`;
export const KIND = 'InferenceService';
export const RESOURCE = 'inferenceservices';
export const FIELD_MANAGER = 'mlops-actions';

export interface InferenceService extends KubernetesObject {
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
}

export interface ConnectOptions {
  cwd: string;
  /** The kubeconfig input: a path or the file's contents. */
  kubeconfig?: string;
  namespace?: string;
  host: Pick<Host, 'env' | 'setSecret'>;
}

export class KserveClient {
  private constructor(
    private readonly api: KubernetesObjectApi,
    readonly namespace: string,
    readonly server: string,
  ) {}

  static connect(options: ConnectOptions): KserveClient {
    const kc = loadKubeConfig(options);
    const cluster = kc.getCurrentCluster();
    if (!cluster?.server) throw new UserError('the kubeconfig\'s current context names no cluster server', { where: { key: 'kubeconfig' }, hint: 'Check current-context and its cluster entry.' });
    const context = kc.getContextObject(kc.currentContext);
    const namespace = options.namespace ?? context?.namespace ?? 'default';
    return new KserveClient(KubernetesObjectApi.makeApiClient(kc), namespace, cluster.server);
  }

  private header(name: string): { apiVersion: string; kind: string; metadata: { name: string; namespace: string } } {
    return { apiVersion: API_VERSION, kind: KIND, metadata: { name, namespace: this.namespace } };
  }

  /** The InferenceService, or undefined when there is none; discovery first (404: KServe is not installed). */
  async get(name: string): Promise<InferenceService | undefined> {
    try {
      return (await this.api.read(this.header(name))) as InferenceService;
    } catch (error) {
      if (error instanceof ApiException && error.code === 404 && !isDiscoveryError(error)) return undefined;
      throw this.explain(error, 'get', name);
    }
  }

  /** Server-side apply of the whole manifest this workflow owns; the object as the server stored it. */
  async apply(manifest: InferenceService): Promise<InferenceService> {
    const name = manifest.metadata?.name ?? '';
    try {
      return (await this.api.patch(manifest, undefined, undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply)) as InferenceService;
    } catch (error) {
      throw this.explain(error, 'patch', name);
    }
  }

  private explain(error: unknown, verb: string, name: string): UserError {
    const where = { key: 'kubeconfig' };
    if (error instanceof UserError) return error;
    if (error instanceof ApiException) {
      const status = statusOf(error.body);
      const message = (status.message ?? '').slice(0, 500);
      if (isDiscoveryError(error) && error.code === 404) return notInstalled(this.server);
      if (error.code === 401) return new UserError(`the Kubernetes API at ${this.server} did not accept the credentials (401): ${message}`, { where, hint: 'Give a kubeconfig whose user token or certificate is valid.' });
      if (error.code === 403) {
        const what = isDiscoveryError(error) ? `get the API discovery document /apis/${API_VERSION}` : `${verb} ${RESOURCE}.${GROUP} "${name}" in the namespace "${this.namespace}"`;
        return new UserError(`the Kubernetes API at ${this.server} forbids this workflow's identity to ${what} (403): ${message}`, {
          where,
          hint: `Bind the workflow's identity to a Role granting get, list, watch, create and patch on ${RESOURCE} in the ${GROUP} API group in "${this.namespace}" (docs/deploy.md has one).`,
        });
      }
      if (error.code === 422 || error.code === 400) return new UserError(`the Kubernetes API rejected the InferenceService "${name}" (${error.code}): ${message}`, { where: { key: 'deploy.kserve' }, hint: 'The cluster\'s KServe CRD or admission webhook refused a field; compare its version with the one this action validates against.' });
      return new UserError(`${verb} ${RESOURCE}.${GROUP} "${name}" on ${this.server} failed (${error.code}): ${message || 'no message'}`, { where });
    }
    if (error instanceof Error && /Unrecognized API version and kind/.test(error.message)) return notInstalled(this.server);
    const cause = networkCause(error);
    if (cause) return new UserError(`cannot reach the Kubernetes API at ${this.server} (${cause})`, { where, hint: 'Is the cluster up and reachable from this runner, and is the kubeconfig\'s server address right?' });
    return new UserError(`${verb} ${RESOURCE}.${GROUP} "${name}" on ${this.server} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, { where });
  }
}

function notInstalled(server: string): UserError {
  return new UserError(`KServe is not installed on the cluster at ${server}: the API has no ${API_VERSION} ${KIND} (discovery answered 404)`, {
    where: { key: 'target' },
    hint: 'Install KServe (its CRDs and controller) in Serverless mode, or deploy with target: server.',
  });
}

function isDiscoveryError(error: ApiException<unknown>): boolean {
  return /Failed to fetch resource metadata/.test(error.message);
}

function statusOf(body: unknown): { message?: string; reason?: string } {
  if (typeof body === 'string') {
    try {
      return statusOf(JSON.parse(body));
    } catch {
      return { message: body };
    }
  }
  if (typeof body === 'object' && body !== null) {
    const { message, reason } = body as { message?: unknown; reason?: unknown };
    return { message: typeof message === 'string' ? message : undefined, reason: typeof reason === 'string' ? reason : undefined };
  }
  return {};
}

function networkCause(error: unknown): string | undefined {
  let current = error as { code?: string; cause?: unknown; errno?: unknown; type?: string; message?: string } | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current.code === 'string' && /^E[A-Z]+/.test(current.code)) return current.code;
    if (current.type === 'system' && current.message) return current.message;
    current = current.cause as typeof current;
  }
  return undefined;
}

function loadKubeConfig(options: ConnectOptions): KubeConfig {
  const kc = new KubeConfig();
  const value = options.kubeconfig?.trim();
  const where = { key: 'kubeconfig' };
  try {
    if (value && (value.includes('\n') || /^(apiVersion|kind|clusters|\{)/.test(value))) {
      kc.loadFromString(value);
      maskSecrets(kc, options.host);
    } else if (value) {
      const path = isAbsolute(value) ? value : resolve(options.cwd, value);
      if (!existsSync(path)) throw new UserError(`the kubeconfig file ${value} does not exist`, { where, hint: 'Give its path, or its contents (e.g. from a secret).' });
      kc.loadFromFile(path);
      maskSecrets(kc, options.host);
    } else if (options.host.env('KUBERNETES_SERVICE_HOST') && options.host.env('KUBERNETES_SERVICE_PORT')) {
      kc.loadFromCluster();
    } else if (options.host.env('KUBECONFIG')) {
      const path = options.host.env('KUBECONFIG')!.split(':')[0]!;
      if (!existsSync(path)) throw new UserError(`KUBECONFIG names ${path}, which does not exist`, { where });
      kc.loadFromFile(path);
      maskSecrets(kc, options.host);
    } else {
      throw new UserError('no Kubernetes cluster configured', { where, hint: 'Set `kubeconfig` (a path, or the file\'s contents from a secret), run on a runner inside the cluster, or set KUBECONFIG.' });
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`the kubeconfig cannot be read: ${(error as Error).message.split('\n')[0]}`, { where, hint: 'Give a valid kubeconfig (kubectl config view --raw --minify writes one).' });
  }
  return kc;
}

function maskSecrets(kc: KubeConfig, host: Pick<Host, 'setSecret'>): void {
  for (const user of kc.getUsers()) {
    for (const secret of [user.token, user.password, user.keyData]) if (secret) host.setSecret(secret);
  }
}
