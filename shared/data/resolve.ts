/** Turns the user's `data` path or glob into the sorted list of files to read. */
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { UserError } from '../errors/user-error.js';
import { checkContent, formatOfPath, SUPPORTED_EXTENSIONS, type DataFormat } from './formats.js';
import { expandGlob } from './glob.js';
import { prescanFile } from './prescan.js';
import { requireInWorkspace } from '../fs/workspace.js';

export interface DataSource {
  spec: string;
  format: DataFormat;
  /** Absolute paths, sorted (this is the order rows are read in). */
  files: string[];
  /** The same files relative to cwd, for messages and annotations. */
  displayFiles: string[];
}

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * @param cwd the workspace: every file must resolve (symlinks followed) inside it, outside its
 *   .git directory, unless `allowOutsideWorkspace` (shared/fs/workspace.ts).
 */
export async function resolveData(cwd: string, spec: string, options: { allowOutsideWorkspace?: boolean } = {}): Promise<DataSource> {
  const trimmed = spec.trim();
  if (trimmed === '') throw new UserError('no data path given', { hint: 'Set `data` to a file or glob, e.g. data/train.csv or data/*.parquet.' });
  const files = GLOB_CHARS.test(trimmed) ? await matchGlob(cwd, trimmed) : [await singleFile(cwd, trimmed)];
  files.sort();

  const displayFiles = files.map((file) => displayPath(cwd, file));
  files.forEach((file, index) => requireInWorkspace(cwd, file, displayFiles[index]!, 'data file', options.allowOutsideWorkspace ?? false));
  const kinds = files.map((file, index) => {
    const kind = formatOfPath(file);
    if (!kind) {
      throw new UserError(`unknown data file extension`, {
        where: { file: displayFiles[index] },
        hint: `Supported: ${SUPPORTED_EXTENSIONS.join(', ')}.`,
      });
    }
    return kind;
  });
  const formats = [...new Set(kinds.map((k) => k.format))];
  if (formats.length > 1) {
    const example = formats.map((f) => `${displayFiles[kinds.findIndex((k) => k.format === f)]} (${f})`).join(', ');
    throw new UserError(`\`${trimmed}\` matches files of different formats: ${example}`, { hint: 'Use a glob that matches one format, e.g. data/*.csv.' });
  }
  await Promise.all(files.map((file, index) => checkContent(file, displayFiles[index]!, kinds[index]!)));
  // Before DuckDB parses anything: nesting and record size of JSON, integrity of gzip.
  for (const [index, file] of files.entries()) await prescanFile(file, displayFiles[index]!, kinds[index]!);
  return { spec: trimmed, format: formats[0]!, files, displayFiles };
}

async function singleFile(cwd: string, spec: string): Promise<string> {
  const path = resolve(cwd, spec);
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UserError(`data file \`${spec}\` does not exist`, { where: { file: spec }, hint: `Paths are relative to ${cwd}.` });
  if (info.isDirectory()) {
    throw new UserError(`\`${spec}\` is a directory`, { where: { file: spec }, hint: `Name the files with a glob, e.g. ${spec.replace(/\/$/, '')}/*.csv.` });
  }
  return path;
}

async function matchGlob(cwd: string, pattern: string): Promise<string[]> {
  const matches = await expandGlob(cwd, pattern);
  if (matches.length === 0) {
    throw new UserError(`the glob \`${pattern}\` matches no files`, { hint: `It is resolved against ${cwd}; check the directory and the extension.` });
  }
  return [...new Set(matches)];
}

function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel.split('\\').join('/');
}
