/**
 * deploy's KServe inputs (target: kserve): parsed here, merged with deploy.kserve in mlops.yml.
 * The YAML parser is imported only for a `kserve-resources` input (off the stage's start path).
 */
import type * as z from 'zod/mini';
import type { Config } from '../../shared/config/schema.js';
import { KserveResources, type KserveSection } from '../../shared/config/sections/deploy-kserve.js';
import { nameError } from '../../shared/deploy/kserve/labels.js';
import { UserError } from '../../shared/errors/user-error.js';
import type { Host } from '../../shared/host/host.js';
import { booleanInput, optionalInput } from '../../shared/host/inputs.js';

export interface KubeInputs {
  namespace?: string;
  kubeconfig?: string;
  name?: string;
  runtime?: string;
  resources?: z.infer<typeof KserveResources>;
  dryRun: boolean;
}

export interface KserveSettings {
  namespace?: string;
  kubeconfig?: string;
  name: string;
  runtime?: string;
  resources?: z.infer<typeof KserveResources>;
  section: z.infer<typeof KserveSection>;
  readyTimeoutMs: number;
  pollMs: number;
  dryRun: boolean;
}

export async function readKubeInputs(host: Host): Promise<KubeInputs> {
  const kubeconfig = optionalInput(host, 'kubeconfig');
  if (kubeconfig && kubeconfig.includes('\n')) host.setSecret(kubeconfig);
  const resourcesText = optionalInput(host, 'kserve-resources');
  return {
    namespace: optionalInput(host, 'kube-namespace'),
    kubeconfig,
    name: optionalInput(host, 'kserve-name'),
    runtime: optionalInput(host, 'kserve-runtime'),
    resources: resourcesText === undefined ? undefined : await parseResources(resourcesText),
    dryRun: booleanInput(host, 'dry-run', false),
  };
}

/** `kserve-resources`: YAML or JSON, {requests: {cpu: "1"}, limits: {nvidia.com/gpu: 1}}. */
export async function parseResources(text: string): Promise<z.infer<typeof KserveResources>> {
  const YAML = await import('yaml');
  let value: unknown;
  try {
    value = YAML.parse(text);
  } catch (error) {
    throw new UserError(`kserve-resources is not YAML or JSON: ${(error as Error).message.split('\n')[0]}`, { where: { key: 'kserve-resources' }, hint: 'Write e.g. {requests: {cpu: "1", memory: 2Gi}, limits: {nvidia.com/gpu: 1}}.' });
  }
  const parsed = KserveResources.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(`kserve-resources${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`, { where: { key: 'kserve-resources' }, hint: 'Only requests and limits, each a map of resource name to quantity.' });
  }
  return parsed.data;
}

export function kserveSettings(inputs: KubeInputs, config: Config, modelName: string): KserveSettings {
  const section = config.deploy?.kserve ?? {};
  const name = inputs.name ?? section.name ?? modelName;
  const problem = nameError(name, 45);
  if (problem) {
    throw new UserError(`the InferenceService name "${name}" ${problem}`, {
      where: { key: inputs.name ? 'kserve-name' : section.name ? 'deploy.kserve.name' : 'kserve-name' },
      hint: 'KServe builds service and host names from it (up to 45 characters here, so the predictor\'s derived names stay within 63); set kserve-name.',
    });
  }
  return {
    namespace: inputs.namespace ?? section.namespace,
    kubeconfig: inputs.kubeconfig,
    name,
    runtime: inputs.runtime ?? section.runtime,
    resources: inputs.resources ?? section.resources,
    section,
    readyTimeoutMs: (section.ready_timeout_seconds ?? 600) * 1000,
    pollMs: (section.poll_seconds ?? 2) * 1000,
    dryRun: inputs.dryRun,
  };
}
