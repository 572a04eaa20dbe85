/**
 * deploy's inputs, parsed and validated before anything is touched; empty inputs fall back to
 * the `deploy:` section of mlops.yml, then to the documented defaults.
 */
import type { Config } from '../../shared/config/schema.js';
import { UserError } from '../../shared/errors/user-error.js';
import type { Host } from '../../shared/host/host.js';
import { booleanInput, enumInput, numberInput, optionalInput, requiredInput } from '../../shared/host/inputs.js';
import { validateAlias } from '../../shared/registry/reference.js';
import { readKubeInputs, type KubeInputs } from './kserve-options.js';

export const DEFAULT_STEPS = [10, 50, 100];

export interface DeployInputs {
  model: string;
  target?: string;
  url?: string;
  adminToken?: string;
  environment?: string;
  strategy?: string;
  steps?: number[];
  bakeSeconds?: number;
  maxErrorRate?: number;
  maxP99Ms?: number;
  maxPredictionShift?: number;
  smokeData?: string;
  alias?: string;
  requireGate: boolean;
  forceReason?: string;
  recordPath?: string;
  configPath: string;
  githubToken?: string;
  registryUsername?: string;
  registryPassword?: string;
  insecure: boolean;
  /** Admin token over http:// to a non-loopback server (off: refused). */
  allowPlainHttp: boolean;
  kube: KubeInputs;
}

export interface DeploySettings {
  target: 'server' | 'kserve';
  url: string;
  environment: string;
  strategy: 'canary' | 'all-at-once';
  steps: number[];
  bakeSeconds: number;
  maxErrorRate: number;
  maxP99Ms: number;
  maxPredictionShift: number;
  minRequests: number;
  minPredictions: number;
  holdFactor: number;
  smokeData?: string;
  alias: string;
}

export async function readDeployInputs(host: Host): Promise<DeployInputs> {
  const adminToken = optionalInput(host, 'admin-token');
  if (adminToken) host.setSecret(adminToken);
  const registryPassword = optionalInput(host, 'registry-password');
  if (registryPassword) host.setSecret(registryPassword);
  const stepsText = optionalInput(host, 'steps');
  const alias = optionalInput(host, 'alias');
  if (alias) validateAlias(alias);
  return {
    model: requiredInput(host, 'model'),
    target: optionalInput(host, 'target') ? enumInput(host, 'target', ['server', 'kserve'] as const, 'server') : undefined,
    url: optionalInput(host, 'url'),
    adminToken,
    environment: optionalInput(host, 'environment'),
    strategy: optionalInput(host, 'strategy') ? enumInput(host, 'strategy', ['canary', 'all-at-once'] as const, 'canary') : undefined,
    steps: stepsText === undefined ? undefined : parseSteps(stepsText, 'steps'),
    bakeSeconds: numberInput(host, 'bake-seconds', { min: 0.1, max: 86_400 }),
    maxErrorRate: numberInput(host, 'max-error-rate', { min: 0, max: 1 }),
    maxP99Ms: numberInput(host, 'max-p99-ms', { min: 0.001 }),
    maxPredictionShift: numberInput(host, 'max-prediction-shift', { min: 0, max: 1 }),
    smokeData: optionalInput(host, 'smoke-data'),
    alias,
    requireGate: booleanInput(host, 'require-gate', true),
    forceReason: optionalInput(host, 'force-reason'),
    recordPath: optionalInput(host, 'record'),
    configPath: host.input('config').trim(),
    githubToken: optionalInput(host, 'github-token'),
    registryUsername: optionalInput(host, 'registry-username'),
    registryPassword,
    insecure: booleanInput(host, 'insecure', false),
    allowPlainHttp: booleanInput(host, 'allow-plain-http', false),
    kube: await readKubeInputs(host),
  };
}

/** "10,50,100": integers in 1..100, strictly increasing, ending at 100. */
export function parseSteps(text: string, key: string): number[] {
  const parts = text.split(',').map((part) => part.trim().replace(/%$/, ''));
  const steps = parts.map((part) => {
    const value = Number(part);
    if (part === '' || !Number.isInteger(value)) throw new UserError(`"${part}" is not a whole percentage`, { where: { key }, hint: 'Write increasing percentages ending at 100, e.g. 10,50,100.' });
    return value;
  });
  return validateSteps(steps, key);
}

export function validateSteps(steps: number[], key: string): number[] {
  const hint = 'Write increasing percentages ending at 100, e.g. 10,50,100.';
  if (steps.length === 0) throw new UserError('no steps given', { where: { key }, hint });
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (step < 1 || step > 100) throw new UserError(`${step} percent is outside 1..100`, { where: { key }, hint });
    if (i > 0 && step <= steps[i - 1]!) throw new UserError(`the steps must increase: ${steps[i - 1]} is followed by ${step}`, { where: { key }, hint });
  }
  if (steps.at(-1) !== 100) throw new UserError(`the last step must be 100 (it is ${steps.at(-1)})`, { where: { key }, hint });
  return steps;
}

export function settingsFrom(inputs: DeployInputs, config: Config): DeploySettings {
  const section = config.deploy ?? {};
  const target = (inputs.target ?? section.target ?? 'server') as DeploySettings['target'];
  const url = inputs.url ?? section.url ?? '';
  if (!url && target === 'server') throw new UserError('no server URL', { where: { key: 'url' }, hint: 'Set `url` to the base URL of the `mlops serve` instance (or deploy.url in mlops.yml).' });
  const strategy = (inputs.strategy ?? section.strategy ?? 'canary') as DeploySettings['strategy'];
  const steps = strategy === 'all-at-once' ? [100] : (inputs.steps ?? (section.steps ? validateSteps(section.steps, 'deploy.steps') : DEFAULT_STEPS));
  const alias = inputs.alias ?? section.alias ?? 'prod';
  if (!inputs.alias && section.alias) validateAlias(alias);
  return {
    target,
    url,
    environment: inputs.environment ?? section.environment ?? 'production',
    strategy,
    steps,
    bakeSeconds: inputs.bakeSeconds ?? section.bake_seconds ?? 60,
    maxErrorRate: inputs.maxErrorRate ?? section.max_error_rate ?? 0.01,
    maxP99Ms: inputs.maxP99Ms ?? section.max_p99_ms ?? 500,
    maxPredictionShift: inputs.maxPredictionShift ?? section.max_prediction_shift ?? 0.1,
    minRequests: section.min_requests ?? 20,
    minPredictions: section.min_predictions ?? 50,
    holdFactor: section.hold_factor ?? 5,
    smokeData: inputs.smokeData ?? section.smoke_data,
    alias,
  };
}
