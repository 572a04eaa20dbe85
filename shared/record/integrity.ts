/**
 * Which stage wrote what in the run record, and whether it changed since. Every section a stage
 * writes is stored with the sha256 of its canonical JSON (`integrity.sections`); every later
 * write checks the sections already there and records a flag for one whose content no longer
 * matches (`integrity.flags`). The train stage also compares the record before and after the
 * user's command and flags every section the command rewrote — including ones it rewrote
 * together with their digests, which a digest alone cannot catch (it is no signature).
 */
import * as z from 'zod/mini';
import '../zod/setup.js';
import type { RunRecord, SectionName } from './schema.js';
import { crypto } from '../node/builtins.js';

export const SECTION_NAMES: readonly SectionName[] = ['data', 'train', 'evaluation', 'model_card', 'registry', 'deploy', 'drift'];

export const IntegrityFlag = z.looseObject({
  section: z.string(),
  /** The stage that noticed. */
  stage: z.string(),
  at: z.string(),
  why: z.string(),
  /** Digest of the content found. */
  digest: z.optional(z.string()),
});
export type IntegrityFlag = z.infer<typeof IntegrityFlag>;

export const Integrity = z.looseObject({
  sections: z._default(z.record(z.string(), z.looseObject({ digest: z.string(), stage: z.string(), at: z.string() })), {}),
  flags: z._default(z.array(IntegrityFlag), []),
});
export type Integrity = z.infer<typeof Integrity>;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

export function sectionDigest(section: unknown): string {
  return `sha256:${crypto().createHash('sha256').update(JSON.stringify(canonical(section))).digest('hex')}`;
}

/** Sections whose content differs from the digest their stage recorded. */
export function changedSections(record: RunRecord): Array<{ section: SectionName; wroteBy: string; digest: string }> {
  const recorded = record.integrity?.sections ?? {};
  const changed: Array<{ section: SectionName; wroteBy: string; digest: string }> = [];
  for (const name of SECTION_NAMES) {
    const entry = recorded[name];
    if (!entry) continue;
    const digest = record[name] === undefined ? 'absent' : sectionDigest(record[name]);
    if (digest !== entry.digest) changed.push({ section: name, wroteBy: entry.stage, digest });
  }
  return changed;
}

/** The sections' digests as they are now, to compare after something untrusted ran. */
export type SectionSnapshot = Partial<Record<SectionName, string>>;

export function snapshotSections(record: RunRecord | undefined): SectionSnapshot {
  const snapshot: SectionSnapshot = {};
  for (const name of SECTION_NAMES) if (record?.[name] !== undefined) snapshot[name] = sectionDigest(record[name]);
  return snapshot;
}

/** Flags for every section that differs between two snapshots (written, rewritten or removed). */
export function compareSnapshots(before: SectionSnapshot | undefined, after: SectionSnapshot | undefined, stage: string, at: string, why: string): IntegrityFlag[] {
  if (!before && !after) return [];
  if (!before || !after) return [{ section: '*', stage, at, why: `the run record became ${after ? 'readable' : 'unreadable'} ${why}` }];
  const flags: IntegrityFlag[] = [];
  for (const name of SECTION_NAMES) {
    if (before[name] === after[name]) continue;
    flags.push({ section: name, stage, at, why: `${before[name] === undefined ? 'written' : after[name] === undefined ? 'removed' : 'rewritten'} ${why}`, ...(after[name] ? { digest: after[name] } : {}) });
  }
  return flags;
}

/** The integrity block after `name` is written by `stage`: the digest stored, changes noticed flagged. */
export function nextIntegrity(record: RunRecord, name: SectionName, section: unknown, stage: string, at: string, extraFlags: IntegrityFlag[] = []): Integrity {
  const current: Integrity = Integrity.parse(record.integrity ?? {});
  const flags = [...current.flags];
  const known = (flag: IntegrityFlag) => flags.some((f) => f.section === flag.section && f.digest !== undefined && f.digest === flag.digest);
  for (const change of changedSections(record)) {
    const flag = { section: change.section, stage, at, why: `changed after ${change.wroteBy} wrote it`, digest: change.digest };
    if (!known(flag)) flags.push(flag);
  }
  for (const flag of extraFlags) if (!known(flag)) flags.push(flag);
  return { sections: { ...current.sections, [name]: { digest: sectionDigest(section), stage, at } }, flags };
}
