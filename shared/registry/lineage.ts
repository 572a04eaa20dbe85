/**
 * The lineage of a registered version, for auditors: digest → model layer → run record stored
 * with the version → data fingerprint → training command → gate verdict → code commit. Every
 * blob read here is verified against its digest; the record is parsed, never trusted as typed.
 */
import { UserError } from '../errors/user-error.js';
import { parseRecord } from '../record/record.js';
import type { RunRecord } from '../record/schema.js';
import { ANNOTATION, RUN_RECORD_MEDIA_TYPE, isModelLayer } from './media-types.js';
import type { ResolvedVersion } from './open.js';
import { evidenceRows, lineageEvidence, type LineageEvidence } from './lineage-evidence.js';
import { terminalSafe } from './terminal-text.js';

export interface Lineage {
  reference: string;
  name: string;
  version?: string;
  digest: string;
  created?: string;
  model?: { digest: string; size: number };
  record?: { digest: string; created_at: string; stages: string[] };
  data?: { fingerprint: string; rows?: number; files?: string[] };
  training?: { command: string; model_sha256?: string };
  gate: { verdict: string; force_reason?: string };
  commit?: string;
  repository?: string;
  run_url?: string;
  /** The model layer's sha256 equals the one the record's training and evaluation name. */
  record_matches_model?: boolean;
  /** Training run, gate evidence (metrics, fairness, importance), card, deployments. */
  evidence: LineageEvidence;
}

/** @param localRecord a run record from disk whose deploy section may name this digest. */
export async function lineageOf(version: ResolvedVersion, localRecord?: { record: RunRecord; path: string }): Promise<Lineage> {
  const { manifest, digest } = version.fetched;
  const annotations = manifest.annotations ?? {};
  const modelLayer = manifest.layers.find(isModelLayer);
  const recordLayer = manifest.layers.find((layer) => layer.mediaType === RUN_RECORD_MEDIA_TYPE);
  let record: RunRecord | undefined;
  if (recordLayer) {
    const bytes = await version.reader.blobBytes(recordLayer);
    try {
      record = parseRecord(bytes.toString('utf8'), `${version.ref} (run record)`);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
    }
  }
  const modelSha = modelLayer?.digest.replace(/^sha256:/, '');
  const named = [record?.train?.model?.sha256, record?.evaluation?.model.sha256].filter((s): s is string => typeof s === 'string');
  const fingerprint = record?.data?.fingerprint ?? annotations[ANNOTATION.dataFingerprint];
  return {
    reference: version.ref,
    name: version.name,
    version: annotations[ANNOTATION.version] ?? version.tag,
    digest,
    created: annotations[ANNOTATION.created],
    model: modelLayer ? { digest: modelLayer.digest, size: modelLayer.size } : undefined,
    record: recordLayer && record ? { digest: recordLayer.digest, created_at: record.created_at, stages: record.history.map((h) => h.stage) } : undefined,
    data: fingerprint ? { fingerprint, rows: record?.data?.rows, files: record?.data?.files?.map((f) => (typeof f === 'string' ? f : String((f as { path?: unknown }).path ?? ''))) } : undefined,
    training: record?.train ? { command: record.train.command, model_sha256: record.train.model?.sha256 } : undefined,
    gate: { verdict: annotations[ANNOTATION.gateVerdict] ?? 'none', ...(annotations[ANNOTATION.forceReason] ? { force_reason: annotations[ANNOTATION.forceReason] } : {}) },
    commit: annotations[ANNOTATION.revision],
    repository: annotations[ANNOTATION.source],
    run_url: annotations[ANNOTATION.runUrl],
    record_matches_model: named.length && modelSha ? named.every((s) => s === modelSha) : undefined,
    evidence: lineageEvidence(record, digest, localRecord),
  };
}

export function formatLineage(l: Lineage): string[] {
  const rows: [string, string | undefined][] = [
    ['version', `${l.name} ${l.version ?? '(untagged)'}`],
    ['digest', l.digest],
    ['model', l.model ? `${l.model.digest} (${l.model.size} bytes)` : 'no model layer'],
    ['run record', l.record ? `${l.record.digest} (stages: ${l.record.stages.join(' → ') || '—'})` : 'not stored with the version'],
    ['data', l.data ? `${l.data.fingerprint}${l.data.rows !== undefined ? ` (${l.data.rows} rows)` : ''}` : 'unknown'],
    ['training', l.training ? l.training.command : 'not recorded'],
    ['gate', `${l.gate.verdict}${l.gate.force_reason ? ` (forced: ${l.gate.force_reason})` : ''}`],
    ['commit', l.commit ? `${l.commit}${l.repository ? ` in ${l.repository}` : ''}` : 'unknown'],
    ['run', l.run_url],
    ['record ↔ model', l.record_matches_model === undefined ? undefined : l.record_matches_model ? 'the record names this model file' : 'MISMATCH: the record names another model file'],
    ...evidenceRows(l.evidence),
  ];
  // Registry strings are untrusted: control characters, line separators and bidi overrides never reach the terminal.
  return [terminalSafe(l.reference), ...rows.filter((r): r is [string, string] => r[1] !== undefined).map(([k, v]) => `  ${k.padEnd(15)} ${terminalSafe(v)}`)];
}
