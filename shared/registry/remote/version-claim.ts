/**
 * Claiming a version number on a registry that has no compare-and-swap on tags (the
 * distribution spec overwrites tags; conditional requests are not honoured by docker-registry,
 * GHCR or most others). The claim is itself an immutable manifest: a tiny manifest unique to
 * this registration (a random nonce), tagged `mlops-claim-<hash of version>-<nonce>`.
 *
 * Protocol, per version N: write my claim; then list the tags. I may tag N only when the list
 * shows neither the tag N nor anyone else's claim for N. Why at most one registration tags N:
 * each claimant writes its claim before it lists. For two claimants A and B that both
 * proceed, A's list ran before B's claim existed (or A would have seen it), so B's list ran
 * after A's claim was written; B saw A's claim, or — if A already finished and removed its
 * claim — the tag N that A wrote before removing it. Either way B backs off. Both may back off
 * (then both try N+1 after a random pause); a registration that keeps losing fails with a
 * clear error instead of reporting success. Claims are removed afterwards where the registry
 * allows deleting manifests; where it does not (GHCR), they stay behind as tags that listings skip.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { digestOf, type Digest } from '../digest.js';
import { MANIFEST_MEDIA_TYPE } from '../media-types.js';
import type { RemoteRepository } from './repository.js';
import type { UploadOptions } from './upload.js';
import { crypto } from '../../node/builtins.js';

export const CLAIM_TAG_PREFIX = 'mlops-claim-';
const CLAIM_ARTIFACT_TYPE = 'application/vnd.mlops-actions.version-claim.v1';
const CLAIM_CONFIG_MEDIA_TYPE = 'application/vnd.mlops-actions.version-claim.config.v1+json';

export interface Claim {
  tag: string;
  digest: Digest;
  /** The claim manifest's bytes, to write it again if a delete leaves its tag dangling. */
  manifest: Buffer;
}

/** Claim tags of one version share this prefix. */
export function claimPrefix(version: string): string {
  return `${CLAIM_TAG_PREFIX}${crypto().createHash('sha256').update(version).digest('hex').slice(0, 16)}-`;
}

export function isClaimTag(tag: string): boolean {
  return tag.startsWith(CLAIM_TAG_PREFIX);
}

export async function writeClaim(repository: RemoteRepository, version: string, upload: UploadOptions): Promise<Claim> {
  const nonce = crypto().randomBytes(12).toString('hex');
  // A config unique to this claim: no two registrations upload the same claim blob at once.
  const configBytes = Buffer.from(JSON.stringify({ version, nonce }));
  const config = { mediaType: CLAIM_CONFIG_MEDIA_TYPE, digest: digestOf(configBytes), size: configBytes.length };
  await repository.putBlob({ kind: 'bytes', bytes: configBytes, digest: config.digest, size: config.size }, upload);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MANIFEST_MEDIA_TYPE,
      artifactType: CLAIM_ARTIFACT_TYPE,
      config,
      layers: [config],
      annotations: { 'io.mlops-actions.claim.version': version, 'io.mlops-actions.claim.nonce': nonce, 'org.opencontainers.image.created': new Date().toISOString() },
    }),
  );
  const tag = `${claimPrefix(version)}${nonce}`;
  await repository.putManifest(tag, manifest);
  return { tag, digest: digestOf(manifest), manifest };
}

export type ClaimOutcome = { won: true } | { won: false; why: string };

/** Reads the tags after my claim was written: did I win the version? */
export function judgeClaim(tags: readonly string[], version: string, mine: Claim): ClaimOutcome {
  if (!tags.includes(mine.tag)) return { won: false, why: `my claim ${mine.tag} is not listed (the registry does not read back what it stores)` };
  if (tags.includes(version)) return { won: false, why: `${version} was registered concurrently` };
  const prefix = claimPrefix(version);
  const rivals = tags.filter((tag) => tag.startsWith(prefix) && tag !== mine.tag);
  if (rivals.length) return { won: false, why: `${rivals.length} concurrent registration(s) claimed ${version} at the same time` };
  return { won: true };
}

/**
 * Best effort: registries that do not allow deletes keep the claim (listings skip it).
 * Done when the tag list no longer shows the claim. distribution 2.8 deletes a manifest's
 * revision first and untags after walking every tag; when that walk fails (another
 * registration writing tags at the same moment: a 500, and the retried DELETE a 404), the tag
 * is left listed but pointing at nothing. Writing the claim again relinks it, so the next
 * delete can untag it.
 */
export async function removeClaim(repository: RemoteRepository, claim: Claim): Promise<void> {
  for (let attempt = 1; attempt <= 6; attempt++) {
    const deleted = await repository.deleteManifest(claim.digest).catch(() => undefined);
    if (deleted === 'unsupported') return;
    const listed = await repository.tags().catch(() => undefined);
    if (listed && !listed.includes(claim.tag)) return;
    if (listed && (await repository.resolveTag(claim.tag).catch(() => claim.digest)) === undefined) {
      await repository.putManifest(claim.tag, claim.manifest).catch(() => undefined);
    }
    await sleep(100 * attempt);
  }
}
