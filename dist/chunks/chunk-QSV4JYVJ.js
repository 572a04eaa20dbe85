import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  DataScan,
  linesOfRecords,
  openDuckSession,
  sqlIdentifier
} from "./chunk-G6IGFEOW.js";
import {
  zlib
} from "./chunk-GWCI4O4C.js";
import {
  requireInWorkspace
} from "./chunk-LSBADZCY.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";

// shared/data/resolve.ts
import { stat } from "node:fs/promises";
import { isAbsolute, relative, resolve as resolve2 } from "node:path";

// shared/data/formats.ts
import { open } from "node:fs/promises";
var EXTENSIONS = [
  { suffix: ".csv", format: "csv", gzip: false },
  { suffix: ".tsv", format: "csv", gzip: false },
  { suffix: ".csv.gz", format: "csv", gzip: true },
  { suffix: ".tsv.gz", format: "csv", gzip: true },
  { suffix: ".parquet", format: "parquet", gzip: false },
  { suffix: ".pq", format: "parquet", gzip: false },
  { suffix: ".jsonl", format: "jsonl", gzip: false },
  { suffix: ".ndjson", format: "jsonl", gzip: false },
  { suffix: ".jsonl.gz", format: "jsonl", gzip: true },
  { suffix: ".ndjson.gz", format: "jsonl", gzip: true }
];
var SUPPORTED_EXTENSIONS = EXTENSIONS.map((e) => e.suffix);
function formatOfPath(path) {
  const lower = path.toLowerCase();
  const match = [...EXTENSIONS].sort((a, b) => b.suffix.length - a.suffix.length).find((e) => lower.endsWith(e.suffix));
  return match && { format: match.format, gzip: match.gzip };
}
var PARQUET_MAGIC = Buffer.from("PAR1");
var GZIP_MAGIC = Buffer.from([31, 139]);
var SNIFF_BYTES = 4096;
function gzipName(displayPath2) {
  return `${displayPath2.split("/").pop()}.gz`;
}
async function checkContent(path, displayPath2, kind) {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    if (size === 0) throw new UserError("the data file is empty (0 bytes)", { where: { file: displayPath2 }, hint: "Write the data before validating it, or fix the path." });
    const head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    await handle.read(head, 0, head.length, 0);
    const describe = (what) => new UserError(`the file is named like ${kind.gzip ? "gzip-compressed " : ""}${kind.format.toUpperCase()} but its content is ${what}`, {
      where: { file: displayPath2, line: 1 },
      hint: what === "gzip-compressed" && !kind.gzip && kind.format !== "parquet" ? `Rename it to ${gzipName(displayPath2)}: gzip-compressed ${kind.format.toUpperCase()} is read as such when its name ends in .gz.` : "Rename it with the extension of its real format (.csv, .parquet, .jsonl), or regenerate it."
    });
    if (kind.format === "parquet") {
      const tail = Buffer.alloc(4);
      if (size >= 8) await handle.read(tail, 0, 4, size - 4);
      if (!head.subarray(0, 4).equals(PARQUET_MAGIC) || !tail.equals(PARQUET_MAGIC)) {
        throw describe(head.subarray(0, 4).equals(PARQUET_MAGIC) ? "a truncated Parquet file (no footer)" : guessContent(head));
      }
      return size;
    }
    if (kind.gzip) {
      if (!head.subarray(0, 2).equals(GZIP_MAGIC)) throw describe(guessContent(head));
      return size;
    }
    if (head.subarray(0, 4).equals(PARQUET_MAGIC) || head.subarray(0, 2).equals(GZIP_MAGIC) || head.includes(0)) {
      throw head.includes(0) && !head.subarray(0, 4).equals(PARQUET_MAGIC) && !head.subarray(0, 2).equals(GZIP_MAGIC) ? new UserError("the file contains NUL bytes: it is binary, or text in UTF-16/UTF-32 rather than UTF-8", {
        where: { file: displayPath2, line: 1 },
        hint: "Save the file as UTF-8 text."
      }) : describe(guessContent(head));
    }
    if (kind.format === "jsonl") {
      const text = head.toString("utf8").replace(/^\uFEFF/, "").trimStart();
      if (text.length === 0) throw new UserError("the data file holds only whitespace", { where: { file: displayPath2 } });
      if (!text.startsWith("{")) throw describe(text.startsWith("[") ? "a JSON array, not one JSON object per line" : 'not JSON objects (the first character is not "{")');
    } else if (head.toString("utf8").trim().length === 0) {
      throw new UserError("the data file holds only whitespace", { where: { file: displayPath2 } });
    }
    return size;
  } finally {
    await handle.close();
  }
}
function guessContent(head) {
  if (head.subarray(0, 4).equals(PARQUET_MAGIC)) return "Parquet";
  if (head.subarray(0, 2).equals(GZIP_MAGIC)) return "gzip-compressed";
  if (head.subarray(0, 4).equals(Buffer.from([80, 75, 3, 4]))) return "a ZIP archive (an Excel workbook?)";
  const text = head.toString("utf8").trimStart();
  if (text.startsWith("{")) return "JSON";
  if (head.includes(0)) return "binary";
  return "text";
}

// shared/data/glob.ts
import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
async function expandGlob(cwd, pattern) {
  const normalized = pattern.split("\\").join("/");
  const segments = normalized.split("/");
  const firstMagic = segments.findIndex((s) => /[*?[\]{}]/.test(s));
  const base = resolve(cwd, segments.slice(0, firstMagic).join("/") || ".");
  const rest = segments.slice(firstMagic).join("/");
  const matcher = globToRegExp(rest);
  const deep = rest.includes("**") || rest.includes("/");
  const out = [];
  await walk(base, "", deep, async (relative2, isFile) => {
    if (isFile && matcher.test(relative2)) out.push(join(base, relative2));
  });
  return out;
}
async function walk(base, prefix, deep, visit) {
  let entries;
  try {
    entries = await readdir(join(base, prefix), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const relative2 = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isFile()) await visit(relative2, true);
    else if (deep && entry.isDirectory() && entry.name !== "node_modules" && entry.name !== ".git") await walk(base, relative2, deep, visit);
  }
}
function globToRegExp(glob) {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === "*") {
      if (glob[i + 1] === "*") {
        const slash = glob[i + 2] === "/";
        source += slash ? "(?:[^/]+/)*" : ".*";
        i += slash ? 2 : 1;
      } else {
        source += "[^/]*";
      }
    } else if (ch === "?") source += "[^/]";
    else if (ch === "[") {
      const end = glob.indexOf("]", i + 1);
      if (end === -1) source += "\\[";
      else {
        source += `[${glob.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else if (ch === "{") {
      const end = glob.indexOf("}", i + 1);
      if (end === -1) source += "\\{";
      else {
        source += `(?:${glob.slice(i + 1, end).split(",").map((part) => globToRegExp(part).source.slice(1, -1)).join("|")})`;
        i = end;
      }
    } else source += ch.replace(/[.+^$()|\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

// shared/data/prescan.ts
import { createReadStream } from "node:fs";
var MAX_JSON_DEPTH = 64;
var MAX_JSON_LINE_BYTES = 16 * 1024 * 1024;
var OPEN_BRACE = 123;
var OPEN_BRACKET = 91;
var CLOSE_BRACE = 125;
var CLOSE_BRACKET = 93;
var QUOTE = 34;
var BACKSLASH = 92;
var NEWLINE = 10;
var JsonLinesDepth = class {
  constructor(displayPath2) {
    this.displayPath = displayPath2;
  }
  displayPath;
  line = 1;
  depth = 0;
  lineBytes = 0;
  inString = false;
  escaped = false;
  push(chunk) {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === NEWLINE) {
        this.line++;
        this.depth = 0;
        this.lineBytes = 0;
        this.inString = false;
        this.escaped = false;
        continue;
      }
      if (++this.lineBytes > MAX_JSON_LINE_BYTES) {
        throw new UserError(`a JSON Lines record is longer than ${MAX_JSON_LINE_BYTES / 1048576} MiB`, {
          where: { file: this.displayPath, line: this.line },
          hint: "One line holds one record; split the data into one object per line, or store large values elsewhere."
        });
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) this.inString = false;
      } else if (byte === QUOTE) {
        this.inString = true;
      } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        if (++this.depth > MAX_JSON_DEPTH) {
          throw new UserError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`, {
            where: { file: this.displayPath, line: this.line },
            hint: "Data records are flat or shallow; this nesting is either a broken export or a hostile file. Flatten the record."
          });
        }
      } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        if (this.depth > 0) this.depth--;
      }
    }
  }
};
function needsPrescan(kind) {
  return kind.gzip || kind.format === "jsonl";
}
async function prescanFile(path, displayPath2, kind) {
  if (!needsPrescan(kind)) return;
  const depth = kind.format === "jsonl" ? new JsonLinesDepth(displayPath2) : void 0;
  const raw = createReadStream(path, { highWaterMark: 64 * 1024 });
  const stream = kind.gzip ? raw.pipe(zlib().createGunzip({ chunkSize: 64 * 1024 })) : raw;
  try {
    for await (const chunk of stream) depth?.push(chunk);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = error.code ?? "";
    if (kind.gzip && /^Z_|ERR_/.test(code)) {
      const truncated = /unexpected end/i.test(error.message);
      throw new UserError(truncated ? "the gzip file is truncated: it ends before its last block" : `the gzip file is corrupt (${error.message})`, {
        where: { file: displayPath2 },
        hint: "Copy or download the file again; `gzip -t` checks it."
      });
    }
    throw error;
  } finally {
    raw.destroy();
  }
}

// shared/data/resolve.ts
var GLOB_CHARS = /[*?[\]{}]/;
async function resolveData(cwd, spec, options = {}) {
  const trimmed = spec.trim();
  if (trimmed === "") throw new UserError("no data path given", { hint: "Set `data` to a file or glob, e.g. data/train.csv or data/*.parquet." });
  const files = GLOB_CHARS.test(trimmed) ? await matchGlob(cwd, trimmed) : [await singleFile(cwd, trimmed)];
  files.sort();
  const displayFiles = files.map((file) => displayPath(cwd, file));
  files.forEach((file, index) => requireInWorkspace(cwd, file, displayFiles[index], "data file", options.allowOutsideWorkspace ?? false));
  const kinds = files.map((file, index) => {
    const kind = formatOfPath(file);
    if (!kind) {
      throw new UserError(`unknown data file extension`, {
        where: { file: displayFiles[index] },
        hint: `Supported: ${SUPPORTED_EXTENSIONS.join(", ")}.`
      });
    }
    return kind;
  });
  const formats = [...new Set(kinds.map((k) => k.format))];
  if (formats.length > 1) {
    const example = formats.map((f) => `${displayFiles[kinds.findIndex((k) => k.format === f)]} (${f})`).join(", ");
    throw new UserError(`\`${trimmed}\` matches files of different formats: ${example}`, { hint: "Use a glob that matches one format, e.g. data/*.csv." });
  }
  await Promise.all(files.map((file, index) => checkContent(file, displayFiles[index], kinds[index])));
  for (const [index, file] of files.entries()) await prescanFile(file, displayFiles[index], kinds[index]);
  return { spec: trimmed, format: formats[0], files, displayFiles };
}
async function singleFile(cwd, spec) {
  const path = resolve2(cwd, spec);
  const info = await stat(path).catch(() => void 0);
  if (!info) throw new UserError(`data file \`${spec}\` does not exist`, { where: { file: spec }, hint: `Paths are relative to ${cwd}.` });
  if (info.isDirectory()) {
    throw new UserError(`\`${spec}\` is a directory`, { where: { file: spec }, hint: `Name the files with a glob, e.g. ${spec.replace(/\/$/, "")}/*.csv.` });
  }
  return path;
}
async function matchGlob(cwd, pattern) {
  const matches = await expandGlob(cwd, pattern);
  if (matches.length === 0) {
    throw new UserError(`the glob \`${pattern}\` matches no files`, { hint: `It is resolved against ${cwd}; check the directory and the extension.` });
  }
  return [...new Set(matches)];
}
function displayPath(cwd, file) {
  const rel = relative(cwd, file);
  return rel.startsWith("..") || isAbsolute(rel) ? file : rel.split("\\").join("/");
}

// shared/data/vector-buffers.ts
function doubleColumn(vector, rows) {
  const items = vector.items;
  const valid = validityBits(vector);
  if (items instanceof Float64Array && valid !== void 0) return { values: items, valid };
  const values = new Float64Array(rows);
  const bits = new Uint32Array(Math.ceil(rows / 32));
  for (let i = 0; i < rows; i++) {
    const x = vector.getItem(i);
    if (typeof x === "number") {
      values[i] = x;
      bits[i >>> 5] |= 1 << (i & 31);
    }
  }
  return { values, valid: bits };
}
function validityBits(vector) {
  const data = vector.validity?.data;
  if (data === null) return null;
  return data instanceof BigUint64Array ? new Uint32Array(data.buffer, data.byteOffset, data.length * 2) : void 0;
}
function writeZeros(out, rows) {
  const items = out.items;
  const validity = out.validity?.data;
  if (items instanceof Int32Array && (validity === null || validity instanceof BigUint64Array)) {
    items.fill(0, 0, rows);
    validity?.fill(ALL_VALID);
  } else {
    for (let i = 0; i < rows; i++) out.setItem(i, 0);
  }
  out.flush();
}
var ALL_VALID = 0xffffffffffffffffn;

// shared/data/table.ts
var DEFAULT_BATCH_ROWS = 65536;
var NUMERIC_KINDS = /* @__PURE__ */ new Set(["integer", "number", "boolean"]);
async function openData(source, engineHost) {
  const session = await openDuckSession(engineHost);
  try {
    const scan = await DataScan.open(source, session);
    const rowCount = await scan.run(async (from) => {
      const reader = await session.connection.runAndReadAll(`SELECT count(*)::DOUBLE AS n FROM ${from}`);
      return Number(reader.getRowObjectsJS()[0]?.["n"] ?? 0);
    });
    return new DuckDataTable(scan, rowCount, () => session.close());
  } catch (error) {
    session.close();
    throw error;
  }
}
var DuckDataTable = class {
  constructor(scan, rowCount, closeSession) {
    this.scan = scan;
    this.rowCount = rowCount;
    this.closeSession = closeSession;
  }
  scan;
  rowCount;
  closeSession;
  get source() {
    return this.scan.source;
  }
  get columns() {
    return this.scan.columns;
  }
  readNumeric(columns, options = {}) {
    return this.read(columns, options, (batchRows) => new ColumnFiller(columns.length, batchRows));
  }
  readRows(columns, options) {
    return this.read(columns, options, (batchRows) => new RowFiller(columns.length, batchRows, options.type));
  }
  async *read(columns, options, filler) {
    const batchRows = Math.max(1, Math.floor(options.batchRows ?? DEFAULT_BATCH_ROWS));
    this.requireColumns(columns);
    let emitted = 0;
    for (; ; ) {
      const widenings = this.scan.widenings;
      try {
        for await (const batch of this.numericPass(columns, batchRows, emitted, filler(batchRows))) {
          emitted += batch.rows;
          yield batch;
          options.onProgress?.(emitted);
        }
        return;
      } catch (error) {
        if (!(error instanceof RestartScan) || this.scan.widenings === widenings) throw error;
      }
    }
  }
  async *numericPass(columns, batchRows, skipRows, out) {
    const kinds = columns.map((name) => this.column(name));
    for (const column of kinds) {
      if (!NUMERIC_KINDS.has(column.kind) && column.kind !== "string") {
        throw new UserError(`column "${column.name}" is ${column.duckdbType}, not numeric`, { where: { file: this.source.displayFiles[0] }, hint: "Use numeric columns as model features, or encode this one first." });
      }
    }
    const select = kinds.map((column) => {
      const id = sqlIdentifier(column.name);
      return column.kind === "string" ? `TRY_CAST(${id} AS DOUBLE)` : `CAST(${id} AS DOUBLE)`;
    });
    const texts = kinds.flatMap((column, c) => column.kind === "string" ? [c] : []);
    const rejects = texts.map((c) => {
      const id = sqlIdentifier(kinds[c].name);
      return `CASE WHEN ${id} IS NOT NULL AND TRY_CAST(${id} AS DOUBLE) IS NULL THEN ${id} END`;
    });
    rejects.push("NULL::VARCHAR");
    const result = await this.streamQuery((from) => `SELECT file_index, ${[...select, ...rejects].join(", ")} FROM ${from}`);
    const count = columns.length;
    let filled = 0;
    let row = 0;
    let rowOffset = skipRows;
    const fileRows = new FileRowCounter();
    for (; ; ) {
      const chunk = await this.fetch(result);
      if (!chunk) break;
      const rows = chunk.rowCount;
      fileRows.addChunk(chunk.getColumnVector(0), rows);
      for (const [t, c] of texts.entries()) {
        const reject = chunk.getColumnVector(1 + count + t);
        for (let r2 = 0; r2 < rows; r2++) {
          const raw = reject.getItem(r2);
          if (raw !== null) await this.notNumeric(kinds[c].name, String(raw), fileRows.locate(row + r2));
        }
      }
      let r = 0;
      if (row + rows <= skipRows) {
        row += rows;
        continue;
      }
      if (row < skipRows) r = skipRows - row;
      const vectors = kinds.map((_, c) => doubleColumn(chunk.getColumnVector(1 + c), rows));
      while (r < rows) {
        const take = Math.min(rows - r, batchRows - filled);
        for (let c = 0; c < count; c++) out.write(c, vectors[c].values, vectors[c].valid, r, take, filled);
        filled += take;
        r += take;
        if (filled === batchRows) {
          yield out.take(rowOffset, filled);
          rowOffset += filled;
          filled = 0;
        }
      }
      row += rows;
    }
    if (row < this.rowCount) await this.surfaceStreamError(columns, row);
    if (filled > 0) yield out.take(rowOffset, filled);
  }
  /**
   * DuckDB's streaming fetch ends early without an error when the reader fails (the C API
   * returns no chunk). Re-run the columns through a materialized aggregate, which does raise:
   * a type mismatch widens the column and restarts the scan; anything else is reported.
   */
  async surfaceStreamError(columns, rowsRead) {
    const before = this.scan.widenings;
    const probe = columns.map((name) => `min(${sqlIdentifier(name)})`).join(", ");
    await this.scan.run((from) => this.scan.session.connection.run(`SELECT ${probe} FROM ${from}`));
    if (this.scan.widenings !== before) throw new RestartScan();
    throw new Error(`DuckDB ended the stream after ${rowsRead} of ${this.rowCount} rows without reporting an error`);
  }
  async readStrings(columns) {
    this.requireColumns(columns);
    return this.scan.run(async (from) => {
      const select = columns.map((name) => `CAST(${sqlIdentifier(name)} AS VARCHAR)`).join(", ");
      const result = await this.scan.session.connection.run(`SELECT ${select} FROM ${from}`);
      const out = columns.map(() => []);
      for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
        for (let c = 0; c < columns.length; c++) {
          const vector = chunk.getColumnVector(c);
          const target = out[c];
          for (let r = 0; r < chunk.rowCount; r++) {
            const value = vector.getItem(r);
            target.push(value === null ? null : String(value));
          }
        }
      }
      return out;
    });
  }
  async close() {
    this.closeSession();
  }
  column(name) {
    const column = this.scan.columns.find((c) => c.name === name);
    if (!column) throw this.missing(name);
    return column;
  }
  requireColumns(names) {
    for (const name of names) this.column(name);
  }
  missing(name) {
    return new UserError(`the data has no column "${name}"`, {
      where: { file: this.source.displayFiles[0] },
      hint: `Its columns are: ${this.scan.columns.map((c) => c.name).join(", ")}.`
    });
  }
  async notNumeric(column, raw, at) {
    const lines = await linesOfRecords(this.source.files[at.fileIndex], this.source.format, [at.record]);
    throw new UserError(`column "${column}" holds a value that is not a number: ${JSON.stringify(raw.slice(0, 80))}`, {
      where: { file: this.source.displayFiles[at.fileIndex], line: lines.get(at.record) },
      hint: "Fix or drop the row, or exclude the column."
    });
  }
  async streamQuery(sql) {
    const before = this.scan.widenings;
    const result = await this.scan.run((from) => this.scan.session.connection.stream(sql(from)));
    if (this.scan.widenings !== before) throw new RestartScan();
    return result;
  }
  /** Fetches the next chunk; a late type mismatch widens the column and restarts the pass. */
  async fetch(result) {
    let chunk;
    try {
      chunk = await result.fetchChunk();
    } catch (error) {
      await this.scan.recover(error);
      throw new RestartScan();
    }
    return chunk && chunk.rowCount > 0 ? chunk : null;
  }
};
var RestartScan = class extends Error {
};
var FileRowCounter = class {
  starts = [];
  rows = 0;
  current = -1;
  /** The rows of one chunk, from its `file_index` vector (UBIGINT). */
  addChunk(fileIndex, rows) {
    const items = fileIndex.items;
    if (items instanceof BigUint64Array && items.length >= rows) {
      const words = new Uint32Array(items.buffer, items.byteOffset, rows * 2);
      for (let r = 0; r < rows; r++) this.add(words[2 * r + 1] === 0 ? words[2 * r] : Number(fileIndex.getItem(r)));
      return;
    }
    for (let r = 0; r < rows; r++) this.add(Number(fileIndex.getItem(r)));
  }
  add(fileIndex) {
    if (fileIndex !== this.current) {
      this.starts.push({ fileIndex, startRow: this.rows });
      this.current = fileIndex;
    }
    this.rows += 1;
  }
  locate(row) {
    let found = this.starts[0] ?? { fileIndex: 0, startRow: 0 };
    for (const start of this.starts) if (start.startRow <= row) found = start;
    return { fileIndex: found.fileIndex, record: row - found.startRow };
  }
};
var ColumnFiller = class {
  constructor(columns, batchRows) {
    this.columns = columns;
    this.batchRows = batchRows;
    this.values = this.fresh();
  }
  columns;
  batchRows;
  values;
  fresh() {
    return Array.from({ length: this.columns }, () => new Float64Array(this.batchRows));
  }
  write(c, values, valid, from, take, at) {
    const out = this.values[c];
    if (valid === null) {
      out.set(values.subarray(from, from + take), at);
      return;
    }
    for (let i = 0; i < take; i++) {
      const j = from + i;
      out[at + i] = valid[j >>> 5] >>> (j & 31) & 1 ? values[j] : Number.NaN;
    }
  }
  take(rowOffset, rows) {
    const values = rows === this.batchRows ? this.values : this.values.map((v) => v.subarray(0, rows));
    this.values = this.fresh();
    return { rowOffset, rows, values };
  }
};
var RowFiller = class {
  constructor(columns, batchRows, type) {
    this.columns = columns;
    this.batchRows = batchRows;
    this.type = type;
    this.data = this.fresh();
  }
  columns;
  batchRows;
  type;
  data;
  fresh() {
    return this.type === "float32" ? new Float32Array(this.batchRows * this.columns) : new Float64Array(this.batchRows * this.columns);
  }
  write(c, values, valid, from, take, at) {
    const out = this.data;
    const width = this.columns;
    let k = at * width + c;
    if (valid === null) {
      for (let j = from; j < from + take; j++, k += width) out[k] = values[j];
      return;
    }
    for (let j = from; j < from + take; j++, k += width) out[k] = valid[j >>> 5] >>> (j & 31) & 1 ? values[j] : Number.NaN;
  }
  take(rowOffset, rows) {
    const data = rows === this.batchRows ? this.data : this.data.subarray(0, rows * this.columns);
    this.data = this.fresh();
    return { rowOffset, rows, data };
  }
};

export {
  resolveData,
  doubleColumn,
  validityBits,
  writeZeros,
  openData
};
