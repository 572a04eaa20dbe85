/** Reading, appending to and atomically writing the run record. */
import { readFile } from 'node:fs/promises';
import { UserError } from '../errors/user-error.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { nextIntegrity, snapshotSections, type IntegrityFlag, type SectionSnapshot } from './integrity.js';
import { lineDeeperThan, MAX_RECORD_BYTES, MAX_RECORD_DEPTH } from './json-limits.js';
import type { RunContext } from './sections/common.js';
import { RECORD_SCHEMA_VERSION, RunRecordSchema, type RunRecord, type SectionInput, type SectionName } from './schema.js';

export const DEFAULT_RECORD_PATH = 'mlops-out/mlops-run.json';

export function newRecord(now = new Date()): RunRecord {
  const at = now.toISOString();
  return { schema_version: RECORD_SCHEMA_VERSION, kind: 'mlops-run', created_at: at, updated_at: at, history: [] };
}

/** Reads a record; undefined when the file does not exist. */
export async function readRecord(path: string, displayPath = path): Promise<RunRecord | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`cannot read run record (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { where: { file: displayPath } });
  }
  return parseRecord(text, displayPath);
}

export function parseRecord(text: string, file: string): RunRecord {
  if (text.length > MAX_RECORD_BYTES) {
    throw new UserError(`run record is larger than ${MAX_RECORD_BYTES / 1048576} MiB`, { where: { file }, hint: 'A run record holds metadata only; the file is corrupt or was written by something else.' });
  }
  const deepLine = lineDeeperThan(text, MAX_RECORD_DEPTH);
  if (deepLine !== undefined) {
    throw new UserError(`run record is nested deeper than ${MAX_RECORD_DEPTH} levels`, {
      where: { file, line: deepLine },
      hint: 'The file is corrupt or was rewritten by the training command; restore it from the workflow artifact.',
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UserError(`run record is not valid JSON (${(error as Error).message})`, {
      where: { file },
      hint: 'The file is corrupt; restore it from the workflow artifact or delete it to start a new record.',
    });
  }
  const version = (data as { schema_version?: unknown } | null)?.schema_version;
  if (typeof version === 'number' && version > RECORD_SCHEMA_VERSION) {
    throw new UserError(`run record has schema_version ${version}, newer than this version of mlops-actions understands (${RECORD_SCHEMA_VERSION})`, {
      where: { file, key: 'schema_version' },
      hint: 'Upgrade the mlops-actions version used by this step to the one that wrote the record.',
    });
  }
  const result = RunRecordSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new UserError(`run record is invalid: ${issue.message}`, {
      where: { file, key: issue.path.map(String).join('.') || '(top level)' },
      hint: 'The file was not written by mlops-actions or is corrupt.',
    });
  }
  return result.data;
}

/** Returns a new record with `section` replaced and the run context appended to the history. */
export function withSection<N extends SectionName>(record: RunRecord, name: N, section: SectionInput<N>, context: RunContext, flags: IntegrityFlag[] = []): RunRecord {
  const parsed = RunRecordSchema.parse({ ...record, [name]: section });
  const integrity = nextIntegrity(record, name, parsed[name], context.stage, context.at, flags);
  return RunRecordSchema.parse({ ...parsed, updated_at: context.at, history: [...record.history, context], integrity });
}

export async function writeRecord(path: string, record: RunRecord): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(RunRecordSchema.parse(record), null, 2)}\n`);
}

/** Read (or start), add a section, write atomically: what every stage does at its end. */
export async function appendSection<N extends SectionName>(
  path: string,
  name: N,
  section: SectionInput<N>,
  context: RunContext,
  displayPath = path,
  flags: IntegrityFlag[] = [],
): Promise<RunRecord> {
  const current = (await readRecord(path, displayPath)) ?? newRecord(new Date(context.at));
  const next = withSection(current, name, section, context, flags);
  await writeRecord(path, next);
  return next;
}

/** The sections' digests now (an absent record has none); undefined when the file cannot be read as a record. */
export async function readSnapshot(path: string, displayPath = path): Promise<SectionSnapshot | undefined> {
  try {
    return snapshotSections(await readRecord(path, displayPath));
  } catch {
    return undefined;
  }
}
