import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  loadEngine
} from "./chunk-LWRQI2SV.js";
import {
  readline,
  zlib
} from "./chunk-GWCI4O4C.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";

// shared/data/duckdb-session.ts
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
function defaultMemoryLimit(threads) {
  return `${96 + 48 * threads}MB`;
}
var MAX_THREADS = 8;
async function openDuckSession(host) {
  const engine = await loadEngine("@duckdb/node-api", host);
  const chosen = Number(host.env("MLOPS_DUCKDB_THREADS")) || void 0;
  const threads = Math.max(1, Math.min(availableParallelism(), chosen ?? MAX_THREADS));
  const jsCallThreads = chosen === void 0 ? threads + 1 : threads;
  const instance = await engine.DuckDBInstance.create(":memory:", {
    threads: String(threads),
    memory_limit: host.env("MLOPS_DUCKDB_MEMORY_LIMIT") || defaultMemoryLimit(threads),
    temp_directory: join(tmpdir(), "mlops-duckdb-spill"),
    preserve_insertion_order: "true",
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false"
  });
  const connection = await instance.connect();
  await connection.run("SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 500");
  return {
    engine,
    connection,
    async withJsCallThreads(work) {
      if (jsCallThreads === threads) return work();
      await connection.run(`SET threads = ${jsCallThreads}`);
      try {
        return await work();
      } finally {
        await connection.run(`SET threads = ${threads}`);
      }
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    }
  };
}

// shared/data/file-bytes.ts
import { createReadStream } from "node:fs";
async function* fileBytes(file) {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  const stream = /\.gz$/i.test(file) ? raw.pipe(zlib().createGunzip()) : raw;
  try {
    for await (const chunk of stream) yield chunk;
  } finally {
    stream.destroy?.();
    raw.destroy();
  }
}

// shared/data/line-index.ts
var NEWLINE = 10;
var QUOTE = 34;
var CARRIAGE_RETURN = 13;
async function linesOfRecords(file, format, recordIndices) {
  const result = /* @__PURE__ */ new Map();
  if (recordIndices.length === 0) return result;
  if (format === "parquet") {
    for (const index of recordIndices) result.set(index, index + 1);
    return result;
  }
  const wanted = new Set(recordIndices);
  const last = Math.max(...recordIndices);
  const scanner = new RecordScanner(format === "csv", format === "csv" ? -1 : 0, (record, line) => {
    if (wanted.has(record)) result.set(record, line);
    return record < last;
  });
  for await (const chunk of fileBytes(file)) {
    if (!scanner.feed(chunk)) break;
  }
  scanner.end();
  return result;
}
var RecordScanner = class {
  constructor(quoted, firstRecord2, onRecord) {
    this.quoted = quoted;
    this.onRecord = onRecord;
    this.record = firstRecord2;
  }
  quoted;
  onRecord;
  line = 1;
  inQuotes = false;
  recordStartLine = 1;
  recordHasContent = false;
  record;
  done = false;
  feed(chunk) {
    if (this.done) return false;
    let pos = 0;
    while (pos < chunk.length) {
      if (this.inQuotes) {
        const close = chunk.indexOf(QUOTE, pos);
        const stop2 = close === -1 ? chunk.length : close;
        this.line += countNewlines(chunk, pos, stop2);
        if (close === -1) return true;
        this.inQuotes = false;
        pos = close + 1;
        continue;
      }
      const newline = chunk.indexOf(NEWLINE, pos);
      const stop = newline === -1 ? chunk.length : newline;
      const quote = this.quoted ? chunk.indexOf(QUOTE, pos) : -1;
      if (quote !== -1 && quote < stop) {
        this.recordHasContent = true;
        this.inQuotes = true;
        pos = quote + 1;
        continue;
      }
      if (!this.recordHasContent && hasContent(chunk, pos, stop)) this.recordHasContent = true;
      if (newline === -1) return true;
      if (!this.finishRecord()) return false;
      this.line += 1;
      this.recordStartLine = this.line;
      pos = newline + 1;
    }
    return true;
  }
  end() {
    if (!this.done) this.finishRecord();
  }
  finishRecord() {
    if (!this.recordHasContent) return true;
    this.recordHasContent = false;
    const record = this.record++;
    if (record >= 0 && !this.onRecord(record, this.recordStartLine)) {
      this.done = true;
      return false;
    }
    return true;
  }
};
function countNewlines(chunk, from, to) {
  let count = 0;
  let at = chunk.indexOf(NEWLINE, from);
  while (at !== -1 && at < to) {
    count += 1;
    at = chunk.indexOf(NEWLINE, at + 1);
  }
  return count;
}
function hasContent(chunk, from, to) {
  for (let i = from; i < to; i++) {
    const byte = chunk[i];
    if (byte !== CARRIAGE_RETURN && byte !== 32 && byte !== 9) return true;
  }
  return false;
}

// shared/data/scan.ts
import { createReadStream as createReadStream2 } from "node:fs";

// shared/data/csv-dialect.ts
import { open } from "node:fs/promises";
var CANDIDATES = [",", "	", ";", "|"];
var HEAD_BYTES = 64 * 1024;
async function detectDelimiter(file) {
  const header = firstRecord(await headText(file));
  let best = /\.tsv(\.gz)?$/i.test(file) ? "	" : ",";
  let bestCount = countOutsideQuotes(header, best);
  for (const candidate of CANDIDATES) {
    const count = countOutsideQuotes(header, candidate);
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}
async function csvHeaderNames(file, delimiter) {
  const header = firstRecord(await headText(file)).replace(/\r$/, "").replace(/^\uFEFF/, "");
  const names = [];
  let current = "";
  let inQuotes = false;
  for (let i = 0; i < header.length; i++) {
    const ch = header[i];
    if (ch === '"') {
      if (inQuotes && header[i + 1] === '"') {
        current += '"';
        i++;
      } else inQuotes = !inQuotes;
    } else if (ch === delimiter && !inQuotes) {
      names.push(current);
      current = "";
    } else current += ch;
  }
  names.push(current);
  return names;
}
async function headText(file) {
  const handle = await open(file, "r");
  let head;
  try {
    head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    head = head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (/\.gz$/i.test(file)) {
    try {
      head = zlib().gunzipSync(head, {
        finishFlush: 2
        /* Z_SYNC_FLUSH: a truncated stream is fine */
      });
    } catch {
      return "";
    }
  }
  return head.toString("utf8");
}
function firstRecord(text) {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === "\n" && !inQuotes) return text.slice(0, i);
  }
  return text;
}
function countOutsideQuotes(line, delimiter) {
  let inQuotes = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === delimiter && !inQuotes) count += 1;
  }
  return count;
}

// shared/data/long-record.ts
async function findLongRecord(file, limit) {
  let line = 1;
  let recordLine = 1;
  let length = 0;
  let inQuotes = false;
  for await (const bytes of fileBytes(file)) {
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i];
      if (byte === 34) inQuotes = !inQuotes;
      if (byte === 10) {
        line += 1;
        if (!inQuotes) {
          recordLine = line;
          length = 0;
          continue;
        }
      }
      if (++length > limit) return { line: recordLine, bytesAtLeast: length };
    }
  }
  return void 0;
}

// shared/data/ragged-row.ts
async function findRaggedRow(file, delimiter) {
  const delim = delimiter.charCodeAt(0);
  let line = 1;
  let recordLine = 1;
  let fields = 1;
  let hasContent2 = false;
  let inQuotes = false;
  let expected;
  const finish = () => {
    if (!hasContent2) return void 0;
    if (expected === void 0) expected = fields;
    else if (fields !== expected) return { line: recordLine, expected, found: fields };
    return void 0;
  };
  for await (const bytes of fileBytes(file)) {
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i];
      if (byte === 10) line += 1;
      if (byte === 34) {
        inQuotes = !inQuotes;
        hasContent2 = true;
      } else if (inQuotes) {
        continue;
      } else if (byte === delim) {
        fields += 1;
        hasContent2 = true;
      } else if (byte === 10) {
        const ragged = finish();
        if (ragged) return ragged;
        recordLine = line;
        fields = 1;
        hasContent2 = false;
      } else if (byte !== 13) {
        hasContent2 = true;
      }
    }
  }
  return finish();
}

// shared/data/engine-errors.ts
function typeMismatchOf(error, source) {
  const message = messageOf(error);
  const csv = /CSV Error on Line: (\d+)[\s\S]*?Error when converting column "((?:[^"]|"")*)"/.exec(message);
  if (csv) return { column: csv[2].replaceAll('""', '"'), fileIndex: fileIndexOf(message, source), record: Number(csv[1]) - 2 };
  const json = /JSON transform error in file "([^"]*)", in line (\d+)/.exec(message);
  if (json) return { fileIndex: fileIndexByName(json[1], source), record: Number(json[2]) - 1 };
  return void 0;
}
async function translateEngineError(error, source, delimiter = ",") {
  const message = messageOf(error);
  if (!message) return error;
  const sniff = /Error when sniffing file "([^"]*)"/.exec(message);
  if (sniff && source.format === "csv") {
    const fileIndex = fileIndexByName(sniff[1], source);
    const ragged = await findRaggedRow(source.files[fileIndex], delimiter).catch(() => void 0);
    const file = source.displayFiles[fileIndex];
    if (ragged) {
      return new UserError(`ragged CSV row: expected ${ragged.expected} columns, found ${ragged.found}`, {
        where: { file, line: ragged.line },
        hint: "Every row needs as many fields as the header; quote fields that contain the delimiter."
      });
    }
    return new UserError(`could not make sense of the CSV (delimiter ${JSON.stringify(delimiter)}, quote '"')`, {
      where: { file },
      hint: "Check the file is comma-, tab-, semicolon- or pipe-separated UTF-8 text with a header row."
    });
  }
  const at = async (fileIndex, record) => {
    const file = source.displayFiles[fileIndex] ?? source.displayFiles[0];
    if (record === void 0 || record < -1) return { file };
    if (record === -1) return { file, line: 1 };
    const lines = await linesOfRecords(source.files[fileIndex], source.format, [record]).catch(() => /* @__PURE__ */ new Map());
    return { file, line: lines.get(record) };
  };
  const tooLong = /Maximum line size of (\d+) bytes exceeded/.exec(message);
  if (tooLong && source.format === "csv") {
    const fileIndex = fileIndexOf(message, source);
    const limit = Number(tooLong[1]);
    const found = await findLongRecord(source.files[fileIndex], limit).catch(() => void 0);
    return new UserError(`a CSV record is longer than the reader's limit of ${limit.toLocaleString("en-US")} bytes`, {
      where: { file: source.displayFiles[fileIndex], line: found?.line },
      hint: "A record this long is usually a quote that is never closed (the rest of the file then reads as one field): close it, or split the value if the record really is this long."
    });
  }
  const csvLine = /CSV Error on Line: (\d+)/.exec(message);
  if (csvLine) {
    const where = await at(fileIndexOf(message, source), Number(csvLine[1]) - 2);
    const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
    if (columns) {
      return new UserError(`ragged CSV row: expected ${columns[1]} columns, found ${columns[2]}`, {
        where,
        hint: "Every row needs as many fields as the header; quote fields that contain the delimiter."
      });
    }
    if (/Invalid unicode|not utf-8 encoded/i.test(message)) {
      return new UserError("the file is not valid UTF-8 (invalid byte sequence)", { where, hint: "Re-save the file as UTF-8." });
    }
    if (/unterminated quote/i.test(message)) {
      return new UserError("unterminated quoted field", { where, hint: 'Close the quote, or escape quotes inside fields by doubling them ("").' });
    }
    return new UserError(`could not read the CSV: ${firstLine(message.replace(/^.*?CSV Error on Line: \d+\s*/s, ""))}`, { where });
  }
  const json = /(Malformed JSON|JSON transform error) in file "([^"]*)", (?:at byte \d+ )?in line (\d+): ([^\n]*)/.exec(message);
  if (json) {
    const where = await at(fileIndexByName(json[2], source), Number(json[3]) - 1);
    return new UserError(`${json[1] === "Malformed JSON" ? "malformed JSON" : "unexpected JSON value"}: ${firstLine(json[4])}`, {
      where,
      hint: "Each line must be one complete JSON object."
    });
  }
  if (/No magic bytes found|Parquet|parquet/.test(message) && source.format === "parquet") {
    return new UserError(`could not read the Parquet file: ${firstLine(message)}`, {
      where: { file: fileNameIn(message, source) },
      hint: "The file is corrupt or not Parquet."
    });
  }
  if (/^(Invalid Input|IO|Conversion) Error/.test(message)) {
    return new UserError(`could not read the data: ${firstLine(message)}`, { where: { file: fileNameIn(message, source) } });
  }
  return error;
}
function messageOf(error) {
  return error instanceof Error ? error.message : "";
}
var MAX_ECHOED_CHARS = 200;
function firstLine(text) {
  const line = text.slice(0, 4 * MAX_ECHOED_CHARS).split("\n")[0].trim();
  return line.length > MAX_ECHOED_CHARS ? `${[...line].slice(0, MAX_ECHOED_CHARS).join("")}\u2026 (cut)` : line;
}
function fileIndexOf(message, source) {
  const file = /^\s*file = (.*)$/m.exec(message);
  return file ? fileIndexByName(file[1].trim(), source) : 0;
}
function fileIndexByName(name, source) {
  const index = source.files.indexOf(name);
  return index === -1 ? Math.max(0, source.files.findIndex((f) => f.endsWith(name))) : index;
}
function fileNameIn(message, source) {
  const index = source.files.findIndex((file) => message.includes(file));
  return index === -1 ? source.files.length === 1 ? source.displayFiles[0] : void 0 : source.displayFiles[index];
}

// shared/data/sql.ts
function sqlString(value) {
  return `'${value.replaceAll("'", "''")}'`;
}
function sqlIdentifier(name) {
  return `"${name.replaceAll('"', '""')}"`;
}
function sqlList(values) {
  return `[${values.map(sqlString).join(", ")}]`;
}
function sqlDouble(value) {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return `'${String(value)}'::DOUBLE`;
}

// shared/data/scan.ts
var CSV_BUFFERS = "buffer_size = 4194304, max_line_size = 2000000";
var DataScan = class _DataScan {
  constructor(source, session) {
    this.source = source;
    this.session = session;
  }
  source;
  session;
  overrides = /* @__PURE__ */ new Map();
  delimiter = ",";
  columns = [];
  static async open(source, session, forcedTypes = /* @__PURE__ */ new Map()) {
    const scan = new _DataScan(source, session);
    const headers = [];
    if (source.format === "csv") {
      scan.delimiter = await detectDelimiter(source.files[0]);
      for (const [index, file] of source.files.entries()) {
        headers.push(await csvHeaderNames(file, scan.delimiter));
        refuseDuplicateNames(headers[index], source.displayFiles[index]);
      }
      if (forcedTypes.size > 0 && await scan.describeForcedByHeader(headers[0], forcedTypes)) return scan;
    }
    await scan.describe();
    for (const [name, type] of forcedTypes) {
      if (scan.columns.some((c) => c.name === name)) scan.overrides.set(name, type);
    }
    if (forcedTypes.size > 0) await scan.describe();
    return scan;
  }
  /**
   * One DESCRIBE instead of two: the forced types are set from the header line, where it names
   * them as DuckDB does. True when the outcome is provably open()'s (its first DESCRIBE only tells
   * it which of the contract's names are columns, and that, as the columns' names, does not depend
   * on the types); else the overrides are cleared for open() to proceed as before.
   */
  async describeForcedByHeader(header, forcedTypes) {
    for (const [name, type] of forcedTypes) {
      if (header.includes(name)) this.overrides.set(name, type);
    }
    try {
      await this.describe();
      const forced = [...forcedTypes.keys()].filter((name) => this.columns.some((c) => c.name === name));
      if (forced.length === this.overrides.size && forced.every((name) => this.overrides.has(name))) return true;
    } catch {
    }
    this.overrides.clear();
    return false;
  }
  /** `read_csv([...], ...)`: use as a FROM item. `file_index` is available as a virtual column. */
  from() {
    return this.fromFiles(this.source.files);
  }
  /** The same reader (same dialect and column types) over one of the files. */
  fromFile(index) {
    return this.fromFiles([this.source.files[index]]);
  }
  fromFiles(paths) {
    const files = sqlList(paths);
    switch (this.source.format) {
      case "csv": {
        const types = [...this.overrides].map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`).join(", ");
        return `read_csv(${files}, header = true, skip = 0, delim = ${sqlString(this.delimiter)}, quote = '"', escape = '"', ${CSV_BUFFERS}${types ? `, types = {${types}}` : ""})`;
      }
      case "jsonl": {
        if (this.overrides.size === 0) return `read_json(${files}, format = 'newline_delimited')`;
        const columns = this.columns.map((c) => `${sqlString(c.name)}: ${sqlString(this.overrides.get(c.name) ?? c.duckdbType)}`).join(", ");
        return `read_json(${files}, format = 'newline_delimited', columns = {${columns}})`;
      }
      case "parquet":
        return `read_parquet(${files})`;
    }
  }
  /** Runs a query, widening mistyped columns to VARCHAR and retrying; reader errors become UserErrors. */
  async run(query) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await query(this.from());
      } catch (error) {
        if (attempt > this.columns.length) throw await translateEngineError(error, this.source, this.delimiter);
        await this.recover(error);
      }
    }
  }
  /** Widens the column a type-mismatch error names (then the caller re-runs), or throws the error as a UserError. */
  async recover(error) {
    const mismatch = typeMismatchOf(error, this.source);
    const widened = mismatch && await this.widen(mismatch.column, mismatch.fileIndex, mismatch.record);
    if (!widened) throw await translateEngineError(error, this.source, this.delimiter);
  }
  /** Number of columns widened to VARCHAR so far (callers restarting a stream compare this). */
  get widenings() {
    return this.overrides.size;
  }
  async widen(column, fileIndex, record) {
    const names = column !== void 0 ? [column] : await this.jsonMismatches(fileIndex, record);
    const fresh = names.filter((name) => this.columns.some((c) => c.name === name) && this.overrides.get(name) !== "VARCHAR");
    if (fresh.length === 0) return false;
    for (const name of fresh) this.overrides.set(name, "VARCHAR");
    await this.describe();
    return true;
  }
  /** JSON errors do not name the column: look at the offending line for values of the wrong JS type. */
  async jsonMismatches(fileIndex, record) {
    if (record === void 0) return [];
    const file = this.source.files[fileIndex];
    if (!file || /\.gz$/i.test(file)) return this.columns.filter((c) => c.kind !== "string").map((c) => c.name);
    let row;
    try {
      row = JSON.parse(await nonBlankLine(file, record) ?? "null");
    } catch {
      return [];
    }
    if (typeof row !== "object" || row === null) return [];
    const values = row;
    return this.columns.filter((c) => c.kind !== "string" && c.name in values).filter((c) => {
      const value = values[c.name];
      if (value === null) return false;
      if (c.kind === "integer" || c.kind === "number") return typeof value !== "number";
      if (c.kind === "boolean") return typeof value !== "boolean";
      return typeof value !== "string";
    }).map((c) => c.name);
  }
  async describe() {
    const reader = await this.session.connection.runAndReadAll(`DESCRIBE SELECT * FROM ${this.from()}`).catch(async (error) => Promise.reject(await translateEngineError(error, this.source, this.delimiter)));
    this.columns = reader.getRowObjectsJS().map((row) => {
      const name = String(row["column_name"]);
      const duckdbType = String(row["column_type"]);
      return { name, duckdbType, kind: kindOf(duckdbType) };
    });
  }
};
function kindOf(duckdbType) {
  const type = duckdbType.toUpperCase();
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/.test(type)) return "integer";
  if (/^(FLOAT|DOUBLE|REAL|DECIMAL.*)$/.test(type)) return "number";
  if (type === "VARCHAR" || type.startsWith("VARCHAR(")) return "string";
  if (type === "BOOLEAN") return "boolean";
  if (type === "DATE") return "date";
  if (type.startsWith("TIMESTAMP")) return "timestamp";
  return "other";
}
async function nonBlankLine(file, index) {
  const lines = readline().createInterface({ input: createReadStream2(file), crlfDelay: Infinity });
  let seen = 0;
  try {
    for await (const line of lines) {
      if (line.trim() === "") continue;
      if (seen++ === index) return line;
    }
  } finally {
    lines.close();
  }
  return void 0;
}
function refuseDuplicateNames(names, displayFile) {
  const seen = /* @__PURE__ */ new Map();
  const duplicates = [];
  for (const name of names) {
    const key = name.trim().toLowerCase();
    const first = seen.get(key);
    if (first !== void 0) duplicates.push(first === name ? JSON.stringify(name) : `${JSON.stringify(first)} and ${JSON.stringify(name)}`);
    else seen.set(key, name);
  }
  if (duplicates.length) {
    throw new UserError(`the CSV header repeats column names (compared without case): ${[...new Set(duplicates)].slice(0, 10).join(", ")}`, {
      where: { file: displayFile, line: 1 },
      hint: "Give every column a distinct name; a repeated name would be renamed silently and its data read under the wrong name."
    });
  }
}

export {
  openDuckSession,
  linesOfRecords,
  sqlString,
  sqlIdentifier,
  sqlDouble,
  DataScan
};
