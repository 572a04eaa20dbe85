/** What `mlops registry list` shows: each version with its aliases, digest, gate and headline metrics. */
import * as z from 'zod/mini';
import '../zod/setup.js';
import type { Digest } from './digest.js';
import { ANNOTATION } from './media-types.js';
import type { RepositoryReader } from './repository.js';
import { isClaimTag } from './remote/version-claim.js';
import { isVersionTag, sortTags } from './versions.js';

export interface VersionSummary {
  name: string;
  version: string;
  digest: Digest;
  aliases: string[];
  created?: string;
  gate?: string;
  forced?: string;
  metrics: Record<string, number>;
}

const Metrics = z.record(z.string(), z.number());

export async function summarizeRepository(reader: RepositoryReader, name: string): Promise<VersionSummary[]> {
  // Version claims (remote/version-claim.ts) left where the registry does not allow deletes are not versions.
  const tags = sortTags((await reader.tags()).filter((tag) => !isClaimTag(tag)));
  const byDigest = new Map<string, { tags: string[]; annotations: Record<string, string>; versionTag?: string }>();
  for (const tag of tags) {
    const fetched = await reader.manifest(tag);
    if (!fetched) continue;
    const entry = byDigest.get(fetched.digest) ?? { tags: [], annotations: fetched.manifest.annotations ?? {} };
    entry.tags.push(tag);
    if (isVersionTag(tag, fetched.manifest)) entry.versionTag = tag;
    byDigest.set(fetched.digest, entry);
  }
  const summaries: VersionSummary[] = [];
  for (const [digest, entry] of byDigest) {
    let metrics: Record<string, number> = {};
    try {
      const parsed = Metrics.safeParse(JSON.parse(entry.annotations[ANNOTATION.metrics] ?? '{}'));
      if (parsed.success) metrics = parsed.data;
    } catch {
      // not ours
    }
    summaries.push({
      name,
      version: entry.versionTag ?? '(untagged version)',
      digest: digest as Digest,
      aliases: entry.tags.filter((tag) => tag !== entry.versionTag),
      created: entry.annotations[ANNOTATION.created],
      gate: entry.annotations[ANNOTATION.gateVerdict],
      forced: entry.annotations[ANNOTATION.forceReason],
      metrics,
    });
  }
  const order = sortTags(summaries.map((s) => s.version));
  return summaries.sort((a, b) => order.indexOf(a.version) - order.indexOf(b.version));
}
