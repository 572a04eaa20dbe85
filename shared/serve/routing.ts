/**
 * Traffic weights per model version and the routing of unversioned calls: a request with an
 * `id` lands in a bucket fixed by a hash of the id (so a retry hits the same version while the
 * weights stay the same); one without lands in a random bucket. Buckets 0..99 are dealt to
 * versions in name order by their integer weights.
 */
import { badRequest } from './http-error.js';
import { crypto } from '../node/builtins.js';

export type Weights = Record<string, number>;

export function bucketOf(id: string | undefined): number {
  if (id === undefined) return Math.floor(Math.random() * 100);
  return crypto().createHash('sha256').update(id).digest().readUInt32BE(0) % 100;
}

export function pick(weights: Weights, bucket: number): string | undefined {
  let cumulative = 0;
  for (const version of Object.keys(weights).sort()) {
    cumulative += weights[version]!;
    if (bucket < cumulative) return version;
  }
  return undefined;
}

/** A traffic PUT body: integer weights 0..100 over ready versions, summing to 100. */
export function parseWeights(body: unknown, ready: string[]): Weights {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('the traffic body must be an object of version → weight, e.g. {"v1": 90, "v2": 10}');
  const weights: Weights = {};
  let total = 0;
  for (const [version, weight] of Object.entries(body as Record<string, unknown>)) {
    if (!ready.includes(version)) throw badRequest(`version ${JSON.stringify(version)} is not loaded and ready; ready versions: ${ready.join(', ') || 'none'}`);
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0 || weight > 100) throw badRequest(`the weight of ${version} must be an integer from 0 to 100, got ${JSON.stringify(weight)}`);
    weights[version] = weight;
    total += weight;
  }
  if (total !== 100) throw badRequest(`the weights sum to ${total}; they must sum to 100`);
  for (const version of ready) weights[version] ??= 0;
  return weights;
}
