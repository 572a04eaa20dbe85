/**
 * Turns DuckDB's reader errors into UserErrors with a file and a physical line. DuckDB's CSV
 * "Line" is a record number (header = 1), so it is mapped to the real line (quoted newlines).
 */
import { UserError } from '../errors/user-error.js';
import { linesOfRecords } from './line-index.js';
import { findLongRecord } from './long-record.js';
import { findRaggedRow } from './ragged-row.js';
import type { DataSource } from './resolve.js';

export interface TypeMismatch {
  /** The column DuckDB could not convert, when it says which. */
  column?: string;
  fileIndex: number;
  /** 0-based data record in that file. */
  record?: number;
}

/** A value that does not fit the type DuckDB guessed from its sample: we retry as VARCHAR. */
export function typeMismatchOf(error: unknown, source: DataSource): TypeMismatch | undefined {
  const message = messageOf(error);
  const csv = /CSV Error on Line: (\d+)[\s\S]*?Error when converting column "((?:[^"]|"")*)"/.exec(message);
  if (csv) return { column: csv[2]!.replaceAll('""', '"'), fileIndex: fileIndexOf(message, source), record: Number(csv[1]) - 2 };
  const json = /JSON transform error in file "([^"]*)", in line (\d+)/.exec(message);
  if (json) return { fileIndex: fileIndexByName(json[1]!, source), record: Number(json[2]) - 1 };
  return undefined;
}

export async function translateEngineError(error: unknown, source: DataSource, delimiter = ','): Promise<unknown> {
  const message = messageOf(error);
  if (!message) return error;
  const sniff = /Error when sniffing file "([^"]*)"/.exec(message);
  if (sniff && source.format === 'csv') {
    const fileIndex = fileIndexByName(sniff[1]!, source);
    const ragged = await findRaggedRow(source.files[fileIndex]!, delimiter).catch(() => undefined);
    const file = source.displayFiles[fileIndex];
    if (ragged) {
      return new UserError(`ragged CSV row: expected ${ragged.expected} columns, found ${ragged.found}`, {
        where: { file, line: ragged.line },
        hint: 'Every row needs as many fields as the header; quote fields that contain the delimiter.',
      });
    }
    return new UserError(`could not make sense of the CSV (delimiter ${JSON.stringify(delimiter)}, quote '"')`, {
      where: { file },
      hint: 'Check the file is comma-, tab-, semicolon- or pipe-separated UTF-8 text with a header row.',
    });
  }
  const at = async (fileIndex: number, record: number | undefined) => {
    const file = source.displayFiles[fileIndex] ?? source.displayFiles[0];
    if (record === undefined || record < -1) return { file };
    if (record === -1) return { file, line: 1 };
    const lines = await linesOfRecords(source.files[fileIndex]!, source.format, [record]).catch(() => new Map<number, number>());
    return { file, line: lines.get(record) };
  };
  const tooLong = /Maximum line size of (\d+) bytes exceeded/.exec(message);
  if (tooLong && source.format === 'csv') {
    const fileIndex = fileIndexOf(message, source);
    const limit = Number(tooLong[1]);
    const found = await findLongRecord(source.files[fileIndex]!, limit).catch(() => undefined);
    return new UserError(`a CSV record is longer than the reader's limit of ${limit.toLocaleString('en-US')} bytes`, {
      where: { file: source.displayFiles[fileIndex], line: found?.line },
      hint: 'A record this long is usually a quote that is never closed (the rest of the file then reads as one field): close it, or split the value if the record really is this long.',
    });
  }
  const csvLine = /CSV Error on Line: (\d+)/.exec(message);
  if (csvLine) {
    const where = await at(fileIndexOf(message, source), Number(csvLine[1]) - 2);
    const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
    if (columns) {
      return new UserError(`ragged CSV row: expected ${columns[1]} columns, found ${columns[2]}`, {
        where,
        hint: 'Every row needs as many fields as the header; quote fields that contain the delimiter.',
      });
    }
    if (/Invalid unicode|not utf-8 encoded/i.test(message)) {
      return new UserError('the file is not valid UTF-8 (invalid byte sequence)', { where, hint: 'Re-save the file as UTF-8.' });
    }
    if (/unterminated quote/i.test(message)) {
      return new UserError('unterminated quoted field', { where, hint: 'Close the quote, or escape quotes inside fields by doubling them ("").' });
    }
    return new UserError(`could not read the CSV: ${firstLine(message.replace(/^.*?CSV Error on Line: \d+\s*/s, ''))}`, { where });
  }
  const json = /(Malformed JSON|JSON transform error) in file "([^"]*)", (?:at byte \d+ )?in line (\d+): ([^\n]*)/.exec(message);
  if (json) {
    const where = await at(fileIndexByName(json[2]!, source), Number(json[3]) - 1);
    return new UserError(`${json[1] === 'Malformed JSON' ? 'malformed JSON' : 'unexpected JSON value'}: ${firstLine(json[4]!)}`, {
      where,
      hint: 'Each line must be one complete JSON object.',
    });
  }
  if (/No magic bytes found|Parquet|parquet/.test(message) && source.format === 'parquet') {
    return new UserError(`could not read the Parquet file: ${firstLine(message)}`, {
      where: { file: fileNameIn(message, source) },
      hint: 'The file is corrupt or not Parquet.',
    });
  }
  if (/^(Invalid Input|IO|Conversion) Error/.test(message)) {
    return new UserError(`could not read the data: ${firstLine(message)}`, { where: { file: fileNameIn(message, source) } });
  }
  return error;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : '';
}

/** At most this much of an engine message reaches a log line or annotation: it may quote row content. */
export const MAX_ECHOED_CHARS = 200;

/** The first line of an engine message, cut to MAX_ECHOED_CHARS (a 40 MB row must not be echoed). */
function firstLine(text: string): string {
  const line = text.slice(0, 4 * MAX_ECHOED_CHARS).split('\n')[0]!.trim();
  return line.length > MAX_ECHOED_CHARS ? `${[...line].slice(0, MAX_ECHOED_CHARS).join('')}… (cut)` : line;
}

function fileIndexOf(message: string, source: DataSource): number {
  const file = /^\s*file = (.*)$/m.exec(message);
  return file ? fileIndexByName(file[1]!.trim(), source) : 0;
}

function fileIndexByName(name: string, source: DataSource): number {
  const index = source.files.indexOf(name);
  return index === -1 ? Math.max(0, source.files.findIndex((f) => f.endsWith(name))) : index;
}

function fileNameIn(message: string, source: DataSource): string | undefined {
  const index = source.files.findIndex((file) => message.includes(file));
  return index === -1 ? (source.files.length === 1 ? source.displayFiles[0] : undefined) : source.displayFiles[index];
}
