import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  childProcess,
  readline,
  zlib
} from "./chunk-GWCI4O4C.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";

// shared/data/duckdb-session.ts
import { availableParallelism, tmpdir as tmpdir2 } from "node:os";
import { join as join2 } from "node:path";

// shared/engines/load.ts
import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";

// shared/engines/versions.ts
var ENGINES = {
  "onnxruntime-node": {
    version: "1.30.0",
    integrity: "sha512-twhs1C2C/BFkz1yc5OY0KIU2GUq6DURO7hD4bx5Q2Qy3nAMJwRXW8xU3NVczE29VA9lolLOYepoD8fjTGOfIqw=="
  },
  "@duckdb/node-api": {
    version: "1.5.5-r.5",
    integrity: "sha512-ZMX+sel3DjSKbGuQ44Y5Tp5LwYjlJkhB5faKr+9sSMcxixDMSW+8vaTOD1uRDuN9o0udUoCY/XX9PI1haEZuZg=="
  }
};

// shared/engines/engine-lock.json
var engine_lock_default = {
  "onnxruntime-node": {
    "node_modules/adm-zip": {
      version: "0.6.1",
      integrity: "sha512-Xwrja8nx9e5o2N1my4DsKCeKpdrnACyr1wtbPxBDgGzKzKyE9kRtBFA8mWldI+RVlD7CBZNWY/wQ2+ydwOR6kQ==",
      license: "MIT"
    },
    "node_modules/define-data-property": {
      version: "1.1.4",
      integrity: "sha512-rBMvIzlpA8v6E+SJZoo++HAYqsLrkg7MSfIinMPFhmkorw7X+dOXVJQs+QT69zGkzMyfDnIMN2Wid1+NbL3T+A==",
      dependencies: {
        "es-define-property": "^1.0.0",
        "es-errors": "^1.3.0",
        gopd: "^1.0.1"
      },
      license: "MIT"
    },
    "node_modules/define-properties": {
      version: "1.2.1",
      integrity: "sha512-8QmQKqEASLd5nx0U1B1okLElbUuuttJ/AnYmRXbbbGDWh6uS208EjD4Xqq/I9wK7u0v6O08XhTWnt5XtEbR6Dg==",
      dependencies: {
        "define-data-property": "^1.0.1",
        "has-property-descriptors": "^1.0.0",
        "object-keys": "^1.1.1"
      },
      license: "MIT"
    },
    "node_modules/es-define-property": {
      version: "1.0.1",
      integrity: "sha512-e3nRfgfUZ4rNGL232gUgX06QNyyez04KdjFrF+LTRoOXmrOgFKDg4BCdsjW8EnT69eqdYGmRpJwiPVYNrCaW3g==",
      license: "MIT"
    },
    "node_modules/es-errors": {
      version: "1.3.0",
      integrity: "sha512-Zf5H2Kxt2xjTvbJvP2ZWLEICxA6j+hAmMzIlypy4xcBg1vKVnx89Wy0GbS+kf5cwCVFFzdCFh2XSCFNULS6csw==",
      license: "MIT"
    },
    "node_modules/escape-string-regexp": {
      version: "4.0.0",
      integrity: "sha512-TtpcNJ3XAzx3Gq8sWRzJaVajRs0uVxA2YAkdb1jm2YkPz4G6egUFAyA3n5vtEIZefPk5Wa4UXbKuS5fKkJWdgA==",
      license: "MIT"
    },
    "node_modules/global-agent": {
      version: "4.1.3",
      integrity: "sha512-KUJEViiuFT3I97t+GYMikLPJS2Lfo/S2F+DQuBWzuzaMPnvt5yyZePzArx36fBzpGTxZjIpDbXLeySLgh+k76g==",
      dependencies: {
        globalthis: "^1.0.2",
        matcher: "^4.0.0",
        semver: "^7.3.5",
        "serialize-error": "^8.1.0"
      },
      license: "BSD-3-Clause"
    },
    "node_modules/globalthis": {
      version: "1.0.4",
      integrity: "sha512-DpLKbNU4WylpxJykQujfCcwYWiV/Jhm50Goo0wrVILAv5jOr9d+H+UR3PhSCD2rCCEIg0uc+G+muBTwD54JhDQ==",
      dependencies: {
        "define-properties": "^1.2.1",
        gopd: "^1.0.1"
      },
      license: "MIT"
    },
    "node_modules/gopd": {
      version: "1.2.0",
      integrity: "sha512-ZUKRh6/kUFoAiTAtTYPZJ3hw9wNxx+BIBOijnlG9PnrJsCcSjs1wyyD6vJpaYtgnzDrKYRSqf3OO6Rfa93xsRg==",
      license: "MIT"
    },
    "node_modules/has-property-descriptors": {
      version: "1.0.2",
      integrity: "sha512-55JNKuIW+vq4Ke1BjOTjM2YctQIvCT7GFzHwmfZPGo5wnrgkid0YQtnAleFSqumZm4az3n2BS+erby5ipJdgrg==",
      dependencies: {
        "es-define-property": "^1.0.0"
      },
      license: "MIT"
    },
    "node_modules/matcher": {
      version: "4.0.0",
      integrity: "sha512-S6x5wmcDmsDRRU/c2dkccDwQPXoFczc5+HpQ2lON8pnvHlnvHAHj5WlLVvw6n6vNyHuVugYrFohYxbS+pvFpKQ==",
      dependencies: {
        "escape-string-regexp": "^4.0.0"
      },
      license: "MIT"
    },
    "node_modules/object-keys": {
      version: "1.1.1",
      integrity: "sha512-NuAESUOUMrlIXOfHKzD6bpPu3tYt3xvjNdRIQ+FeT0lNb4K8WR70CaDxhuNguS2XG+GjkyMwOzsN5ZktImfhLA==",
      license: "MIT"
    },
    "node_modules/onnxruntime-common": {
      version: "1.30.0",
      integrity: "sha512-7fdVWjAID1dVhH/G8qK3APARunV4VkBFoCQAP7qp4Wkab0mrorvmc+sqiT+mKXOzDqdjN5j+/Z9nb4gzNPWcyA==",
      license: "MIT"
    },
    "node_modules/onnxruntime-node": {
      version: "1.30.0",
      integrity: "sha512-twhs1C2C/BFkz1yc5OY0KIU2GUq6DURO7hD4bx5Q2Qy3nAMJwRXW8xU3NVczE29VA9lolLOYepoD8fjTGOfIqw==",
      dependencies: {
        "adm-zip": "^0.6.0",
        "global-agent": "^4.1.3",
        "onnxruntime-common": "1.30.0"
      },
      os: [
        "win32",
        "darwin",
        "linux"
      ],
      license: "MIT"
    },
    "node_modules/semver": {
      version: "7.8.6",
      integrity: "sha512-9lpSSU4Mly3mrtruwLs1eLK6+gzbzqeBFwRNjIjE+9LuDpWdYctrQlQ3ej1Ilgi7gknpsTRnPoLP8DpCHqHIJw==",
      license: "ISC"
    },
    "node_modules/serialize-error": {
      version: "8.1.0",
      integrity: "sha512-3NnuWfM6vBYoy5gZFvHiYsVbafvI9vZv/+jlIigFn4oP4zjNPK3LhcY0xSCgeb1a5L8jO71Mit9LlNoi2UfDDQ==",
      dependencies: {
        "type-fest": "^0.20.2"
      },
      license: "MIT"
    },
    "node_modules/type-fest": {
      version: "0.20.2",
      integrity: "sha512-Ne+eE4r0/iWnpAxD852z3A+N0Bt5RN//NjJwRd2VFHEmrywxf5vsZlh4R6lixl6B+wz/8d+maTSAkN1FIkI3LQ==",
      license: "(MIT OR CC0-1.0)"
    }
  },
  "@duckdb/node-api": {
    "node_modules/@duckdb/node-api": {
      version: "1.5.5-r.5",
      integrity: "sha512-ZMX+sel3DjSKbGuQ44Y5Tp5LwYjlJkhB5faKr+9sSMcxixDMSW+8vaTOD1uRDuN9o0udUoCY/XX9PI1haEZuZg==",
      dependencies: {
        "@duckdb/node-bindings": "1.5.5-r.5"
      },
      license: "MIT"
    },
    "node_modules/@duckdb/node-bindings": {
      version: "1.5.5-r.5",
      integrity: "sha512-sR7x91TfBunLqLbdvrcdiPCU+VGEQFPicxh1STZM402fuHW2ituPTAo2bY3IlntsvJShltrKF4R6B+JYPlAPZg==",
      dependencies: {
        "detect-libc": "^2.1.2"
      },
      optionalDependencies: {
        "@duckdb/node-bindings-darwin-arm64": "1.5.5-r.5",
        "@duckdb/node-bindings-darwin-x64": "1.5.5-r.5",
        "@duckdb/node-bindings-linux-arm64": "1.5.5-r.5",
        "@duckdb/node-bindings-linux-arm64-musl": "1.5.5-r.5",
        "@duckdb/node-bindings-linux-x64": "1.5.5-r.5",
        "@duckdb/node-bindings-linux-x64-musl": "1.5.5-r.5",
        "@duckdb/node-bindings-win32-arm64": "1.5.5-r.5",
        "@duckdb/node-bindings-win32-x64": "1.5.5-r.5"
      },
      license: "MIT"
    },
    "node_modules/@duckdb/node-bindings-darwin-arm64": {
      version: "1.5.5-r.5",
      integrity: "sha512-WJdeLTFy4pRg60rkbp9smtlP1iIQ8ErtIJkxS+2LQtM1ZZMSByyW+3WPpNoKe7IwPtVl2fLlPw7tDmQW4Z974g==",
      os: [
        "darwin"
      ],
      cpu: [
        "arm64"
      ],
      optional: true,
      license: "MIT"
    },
    "node_modules/@duckdb/node-bindings-darwin-x64": {
      version: "1.5.5-r.5",
      integrity: "sha512-rN0KjX13MwVQ5V5ufykolty/tf4SaafOpGWcUA1Cegf98jPeRdsJsEE1IMXn8n3u6WvMSZEVJmHJ3ma4Hr7Vzg==",
      os: [
        "darwin"
      ],
      cpu: [
        "x64"
      ],
      optional: true,
      license: "MIT"
    },
    "node_modules/@duckdb/node-bindings-linux-arm64": {
      version: "1.5.5-r.5",
      integrity: "sha512-CafH2AIvXtpwDynG3KB/4uEOHRGlFoB7auCRMIwH3BKNIobsANV5LSpDJ3tfyRCFIsK6e8AT1eseWVnu2Dv3cw==",
      os: [
        "linux"
      ],
      cpu: [
        "arm64"
      ],
      libc: [
        "glibc"
      ],
      optional: true,
      license: "MIT"
    },
    "node_modules/@duckdb/node-bindings-linux-arm64-musl": {
      version: "1.5.5-r.5",
      integrity: "sha512-00z3mYHUBAucp3L73EoftKDdaGOaV8ENELejiT+PK7dFjTzdXxqhJwZ1LaQV1/zEhIecz+x23f6WvFhWw+7XXQ==",
      os: [
        "linux"
      ],
      cpu: [
        "arm64"
      ],
      libc: [
        "musl"
      ],
      optional: true,
      license: "MIT"
    },
    "node_modules/@duckdb/node-bindings-linux-x64": {
      version: "1.5.5-r.5",
      integrity: "sha512-kCyq6BXhn6QXfwF8yVdVKriSSHP+rfVWcJ56cG8qZzlOZpxyvT5WGm6jMshxg4ditLlOsHsIN/D47RYrcjXuHQ==",
      os: [
        "linux"
      ],
      cpu: [
        "x64"
      ],
      libc: [
        "glibc"
      ],
      optional: true,
      license: "MIT"
    },
    "node_modules/@duckdb/node-bindings-linux-x64-musl": {
      version: "1.5.5-r.5",
      integrity: "sha512-S5qEc7F+GjXt85T2xArjjvN5oc/IjtH6zsLJsuo8N3fQolheBCefemIMdZoK2Jik8a0sBxidiS6Ld4qprMPPDw==",
      os: [
        "linux"
      ],
      cpu: [
        "x64"
      ],
      libc: [
        "musl"
      ],
      optional: true,
      license: "MIT"
    },
    "node_modules/@duckdb/node-bindings-win32-arm64": {
      version: "1.5.5-r.5",
      integrity: "sha512-L3Mroc23xhqOowWVElni8LgEmsm5e9DdG1y2pLka/1ug3Pl2vpQMl1Phxwz4UEMF8DOBbMgN5BBNrYwG2BFo+g==",
      os: [
        "win32"
      ],
      cpu: [
        "arm64"
      ],
      optional: true,
      license: "MIT"
    },
    "node_modules/@duckdb/node-bindings-win32-x64": {
      version: "1.5.5-r.5",
      integrity: "sha512-mBGFn8netT/AAhK4TOG6Fw47+Db68CxCVtQ9qfxZc1kZAjds+aYrh17Fd/u5CbTDdxILsrcyuF8q9cUcm54kQA==",
      os: [
        "win32"
      ],
      cpu: [
        "x64"
      ],
      optional: true,
      license: "MIT"
    },
    "node_modules/detect-libc": {
      version: "2.1.2",
      integrity: "sha512-Btj2BOOO83o3WyH59e8MgXsxEQVcarkUOpEYrubB0urwnN10yQ364rsiByU11nZlqWYZm05i/of7io4mzihBtQ==",
      license: "Apache-2.0"
    }
  }
};

// shared/engines/load.ts
var loaded = /* @__PURE__ */ new Map();
function loadEngine(name, host) {
  let engine = loaded.get(name);
  if (!engine) {
    engine = importEngine(name, host);
    loaded.set(name, engine);
  }
  return engine;
}
async function importEngine(name, host) {
  const installed = workspacePackage(name, dirname(fileURLToPath(import.meta.url)));
  if (installed) {
    try {
      return await loadPackage(installed);
    } catch (error) {
      const code = error.code;
      if (code !== "ERR_MODULE_NOT_FOUND" && code !== "MODULE_NOT_FOUND") throw error;
    }
  }
  const dir = await installEngine(name, host);
  return loadPackage(join(dir, "node_modules", name));
}
function workspacePackage(name, from) {
  for (let dir = from; ; dir = dirname(dir)) {
    const folder = join(dir, "node_modules", name);
    if (existsSync(folder)) return folder;
    if (dirname(dir) === dir) return void 0;
  }
}
async function loadPackage(folder) {
  const require2 = createRequire(join(folder, "package.json"));
  try {
    return require2(folder);
  } catch (error) {
    const code = error.code;
    if (code !== "ERR_REQUIRE_ESM" && code !== "ERR_REQUIRE_ASYNC_MODULE") throw error;
    return import(pathToFileURL(require2.resolve(folder)).href);
  }
}
async function installEngine(name, host) {
  const { version } = ENGINES[name];
  const base = host.env("RUNNER_TOOL_CACHE") ?? join(homedir(), ".cache");
  const dir = await mkdtemp(join(host.env("RUNNER_TEMP") ?? tmpdir(), "mlops-engine-"));
  const packages = engine_lock_default[name];
  await writeFile(join(dir, "package.json"), JSON.stringify({ name: "mlops-engine", version: "0.0.0", private: true, dependencies: { [name]: version } }));
  await writeFile(
    join(dir, "package-lock.json"),
    JSON.stringify({ name: "mlops-engine", version: "0.0.0", lockfileVersion: 3, requires: true, packages: { "": { name: "mlops-engine", version: "0.0.0", dependencies: { [name]: version } }, ...packages } })
  );
  await host.group(`Installing ${name}@${version} (integrity-pinned, fresh for this step)`, async () => {
    try {
      await promisify(childProcess().execFile)("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--cache", join(base, "mlops-actions-npm-cache")], {
        cwd: dir,
        // onnxruntime-node's install script would otherwise download CUDA libraries (scripts are off anyway).
        env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: "skip" },
        maxBuffer: 16 * 1024 * 1024
      });
    } catch (error) {
      const message = error.message;
      const integrity = /EINTEGRITY|integrity checksum failed/i.test(message);
      throw new UserError(
        integrity ? `the ${name} engine failed its integrity check: npm served a package whose sha512 differs from the pinned one` : `could not install the ${name} engine (${message.split("\n")[0]})`,
        { hint: integrity ? "Refusing to load it. Clear the npm cache under the tool cache, and check the registry." : `The runner needs npm and access to the npm registry, or install ${name}@${version} in the workspace with npm.` }
      );
    }
  });
  return dir;
}

// shared/data/duckdb-session.ts
function defaultMemoryLimit(threads) {
  return `${96 + 48 * threads}MB`;
}
var MAX_THREADS = 8;
async function openDuckSession(host) {
  const engine = await loadEngine("@duckdb/node-api", host);
  const threads = Math.max(1, Math.min(availableParallelism(), Number(host.env("MLOPS_DUCKDB_THREADS")) || MAX_THREADS));
  const instance = await engine.DuckDBInstance.create(":memory:", {
    threads: String(threads),
    memory_limit: host.env("MLOPS_DUCKDB_MEMORY_LIMIT") || defaultMemoryLimit(threads),
    temp_directory: join2(tmpdir2(), "mlops-duckdb-spill"),
    preserve_insertion_order: "true",
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false"
  });
  const connection = await instance.connect();
  await connection.run("SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 500");
  return {
    engine,
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    }
  };
}

// shared/data/line-index.ts
import { createReadStream } from "node:fs";
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
  let stream = createReadStream(file, { highWaterMark: 1 << 20 });
  if (/\.gz$/i.test(file)) stream = stream.pipe(zlib().createGunzip());
  for await (const chunk of stream) {
    if (!scanner.feed(chunk)) break;
  }
  scanner.end();
  stream.destroy?.();
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
import { createReadStream as createReadStream4 } from "node:fs";

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
import { createReadStream as createReadStream2 } from "node:fs";
async function findLongRecord(file, limit) {
  let stream = createReadStream2(file, { highWaterMark: 1 << 20 });
  if (/\.gz$/i.test(file)) stream = stream.pipe(zlib().createGunzip());
  let line = 1;
  let recordLine = 1;
  let length = 0;
  let inQuotes = false;
  try {
    for await (const chunk of stream) {
      const bytes = chunk;
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
  } finally {
    stream.destroy?.();
  }
}

// shared/data/ragged-row.ts
import { createReadStream as createReadStream3 } from "node:fs";
async function findRaggedRow(file, delimiter) {
  let stream = createReadStream3(file, { encoding: void 0, highWaterMark: 1 << 20 });
  if (/\.gz$/i.test(file)) stream = stream.pipe(zlib().createGunzip());
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
  try {
    for await (const chunk of stream) {
      const bytes = chunk;
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
  } finally {
    stream.destroy?.();
  }
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
  const lines = readline().createInterface({ input: createReadStream4(file), crlfDelay: Infinity });
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
  loadEngine,
  openDuckSession,
  linesOfRecords,
  sqlString,
  sqlIdentifier,
  sqlDouble,
  DataScan
};
