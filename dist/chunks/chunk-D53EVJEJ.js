import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  childProcess
} from "./chunk-GWCI4O4C.js";
import {
  UserError
} from "./chunk-OIBAWGZR.js";

// shared/host/inputs.ts
function bad(name, value, expected) {
  return new UserError(`input "${name}" is "${value}", expected ${expected}`, { where: { key: name } });
}
function requiredInput(host, name) {
  const value = host.input(name).trim();
  if (!value) throw new UserError(`input "${name}" is required`, { where: { key: name }, hint: `Set \`${name}\` in the step's \`with:\` (or --${name} on the CLI).` });
  return value;
}
function optionalInput(host, name) {
  return host.input(name).trim() || void 0;
}
function booleanInput(host, name, fallback) {
  const value = host.input(name).trim().toLowerCase();
  if (value === "") return fallback;
  if (["true", "yes", "1", "on"].includes(value)) return true;
  if (["false", "no", "0", "off"].includes(value)) return false;
  throw bad(name, value, "true or false");
}
function numberInput(host, name, options = {}) {
  const raw = host.input(name).trim();
  if (raw === "") return void 0;
  const value = Number(raw);
  const expected = `${options.integer ? "an integer" : "a number"}${options.min !== void 0 ? ` >= ${options.min}` : ""}${options.max !== void 0 ? ` <= ${options.max}` : ""}`;
  if (!Number.isFinite(value) || options.integer && !Number.isInteger(value)) throw bad(name, raw, expected);
  if (options.min !== void 0 && value < options.min || options.max !== void 0 && value > options.max) throw bad(name, raw, expected);
  return value;
}
function enumInput(host, name, allowed, fallback) {
  const value = host.input(name).trim();
  if (value === "") return fallback;
  if (allowed.includes(value)) return value;
  throw bad(name, value, `one of ${allowed.join(", ")}`);
}
function listInput(host, name) {
  return host.input(name).split(/[,\n]/).map((item) => item.trim()).filter(Boolean);
}

// shared/record/context.ts
function runContext(host, stage, now = /* @__PURE__ */ new Date()) {
  const repository = host.env("GITHUB_REPOSITORY");
  const server = host.env("GITHUB_SERVER_URL") ?? "https://github.com";
  const runId = host.env("GITHUB_RUN_ID");
  const context = {
    stage,
    at: now.toISOString(),
    commit: host.env("GITHUB_SHA") ?? localCommit(host.cwd),
    ref: host.env("GITHUB_REF"),
    repository,
    run_url: repository && runId ? `${server}/${repository}/actions/runs/${runId}` : void 0,
    actor: host.env("GITHUB_ACTOR") ?? host.env("USER"),
    event: host.env("GITHUB_EVENT_NAME")
  };
  return Object.fromEntries(Object.entries(context).filter(([, v]) => v !== void 0));
}
function localCommit(cwd) {
  try {
    return childProcess().execFileSync("git", ["rev-parse", "HEAD"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || void 0;
  } catch {
    return void 0;
  }
}

// node_modules/markdown-table/index.js
function defaultStringLength(value) {
  return value.length;
}
function markdownTable(table2, options) {
  const settings = options || {};
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  const alignments = [];
  const cellMatrix = [];
  const sizeMatrix = [];
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;
  while (++rowIndex < table2.length) {
    const row2 = [];
    const sizes2 = [];
    let columnIndex2 = -1;
    if (table2[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table2[rowIndex].length;
    }
    while (++columnIndex2 < table2[rowIndex].length) {
      const cell = serialize(table2[rowIndex][columnIndex2]);
      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes2[columnIndex2] = size;
        if (longestCellByColumn[columnIndex2] === void 0 || size > longestCellByColumn[columnIndex2]) {
          longestCellByColumn[columnIndex2] = size;
        }
      }
      row2.push(cell);
    }
    cellMatrix[rowIndex] = row2;
    sizeMatrix[rowIndex] = sizes2;
  }
  let columnIndex = -1;
  if (typeof align === "object" && "length" in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code2 = toAlignment(align);
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code2;
    }
  }
  columnIndex = -1;
  const row = [];
  const sizes = [];
  while (++columnIndex < mostCellsPerRow) {
    const code2 = alignments[columnIndex];
    let before = "";
    let after = "";
    if (code2 === 99) {
      before = ":";
      after = ":";
    } else if (code2 === 108) {
      before = ":";
    } else if (code2 === 114) {
      after = ":";
    }
    let size = settings.alignDelimiters === false ? 1 : Math.max(
      1,
      longestCellByColumn[columnIndex] - before.length - after.length
    );
    const cell = before + "-".repeat(size) + after;
    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;
      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }
      sizes[columnIndex] = size;
    }
    row[columnIndex] = cell;
  }
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);
  rowIndex = -1;
  const lines = [];
  while (++rowIndex < cellMatrix.length) {
    const row2 = cellMatrix[rowIndex];
    const sizes2 = sizeMatrix[rowIndex];
    const cellsInRow = settings.fillRows === false ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length) : mostCellsPerRow;
    columnIndex = -1;
    const line = [];
    while (++columnIndex < cellsInRow) {
      const cell = row2[columnIndex] || "";
      let before = "";
      let after = "";
      if (settings.alignDelimiters !== false) {
        const size = longestCellByColumn[columnIndex] - (sizes2[columnIndex] || 0);
        const code2 = alignments[columnIndex];
        if (code2 === 114) {
          before = " ".repeat(size);
        } else if (code2 === 99) {
          const half = size / 2;
          if (size % 2) {
            before = " ".repeat(half + 0.5);
            after = " ".repeat(half - 0.5);
          } else {
            before = " ".repeat(half);
            after = before;
          }
        } else {
          after = " ".repeat(size);
        }
      }
      if (settings.delimiterStart !== false && !columnIndex) {
        line.push("|");
      }
      if (settings.padding !== false && // Don’t add the opening space if we’re not aligning and the cell is
      // empty: there will be a closing space.
      !(settings.alignDelimiters === false && cell === "") && (settings.delimiterStart !== false || columnIndex)) {
        line.push(" ");
      }
      if (settings.alignDelimiters !== false) {
        line.push(before);
      }
      line.push(cell);
      if (settings.alignDelimiters !== false) {
        line.push(after);
      }
      if (settings.padding !== false) {
        line.push(" ");
      }
      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push("|");
      }
    }
    lines.push(
      settings.delimiterEnd === false ? line.join("").replace(/ +$/, "") : line.join("")
    );
  }
  return lines.join("\n");
}
function serialize(value) {
  return value === null || value === void 0 ? "" : String(value);
}
function toAlignment(value) {
  const code2 = typeof value === "string" ? value.codePointAt(0) : 0;
  return code2 === 67 || code2 === 99 ? 99 : code2 === 76 || code2 === 108 ? 108 : code2 === 82 || code2 === 114 ? 114 : 0;
}

// shared/report/markdown.ts
var LINE_TERMINATORS = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
var INLINE_SPECIAL = /[\\`*_[\]<>#|~]/g;
var AS_REFERENCE = { "<": "&lt;", ">": "&gt;", "[": "&#91;", "]": "&#93;", "|": "&#124;", "\\": "&#92;" };
var WORD_JOINER = "\u2060";
function dropControls(text) {
  return text.replace(/[\u0000-\u0008\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, (ch) => ch === "\0" ? "\uFFFD" : "");
}
function unlinkReferences(text) {
  return text.replace(/@(?=[A-Za-z0-9])/g, `@${WORD_JOINER}`).replace(/(?<!&)#(?=\d)/g, `#${WORD_JOINER}`).replace(/(GH)-(?=\d)/gi, `$1-${WORD_JOINER}`).replace(/:(?=\/\/)/g, `:${WORD_JOINER}`).replace(/(www)\./gi, `$1${WORD_JOINER}.`);
}
function escapeInline(text) {
  return unlinkReferences(text.replace(/&/g, "&amp;").replace(INLINE_SPECIAL, (ch) => AS_REFERENCE[ch] ?? `\\${ch}`));
}
function escapeLineStart(line) {
  return line.replace(/^[ \t]+/, "").replace(/^([-+=])/, "\\$1").replace(/^(\d{1,9})([.)])/, "$1\\$2");
}
function escapeText(text) {
  return dropControls(text).split(LINE_TERMINATORS).map((line) => escapeLineStart(escapeInline(line))).join("\n");
}
function escapeCell(text) {
  return escapeInline(dropControls(text).replace(LINE_TERMINATORS, " "));
}
function code(text) {
  const clean = dropControls(text).replace(LINE_TERMINATORS, " ");
  if (clean === "") return "` `";
  const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${clean.startsWith("`") || clean.endsWith("`") || /^ .* $/.test(clean) ? ` ${clean} ` : clean}${fence}`;
}
function table(header, rows, align) {
  const cell = (value) => value.replace(LINE_TERMINATORS, " ").replace(/\\(?=\|)/g, "\\\u2060").replace(/\|/g, "\\|");
  return markdownTable([header.map(cell), ...rows.map((row) => row.map(cell))], { align, alignDelimiters: false });
}
function escapeHtml(text) {
  return unlinkReferences(
    dropControls(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(LINE_TERMINATORS, " ")
  );
}
function details(summary, body) {
  return `<details><summary>${escapeHtml(summary)}</summary>

${body}

</details>`;
}
function formatNumber(value, digits = 4) {
  if (value === null || value === void 0 || Number.isNaN(value)) return "\u2014";
  if (!Number.isFinite(value)) return value > 0 ? "\u221E" : "\u2212\u221E";
  if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-4)) return value.toExponential(digits - 1);
  return Number(value.toPrecision(digits)).toString();
}
function link(text, url) {
  if (!url || !/^https?:\/\//.test(url)) return escapeCell(text);
  const safeUrl = url.replace(/[^A-Za-z0-9\-._~:/?#@!$&*+,;=%]/gu, (ch) => encodeURIComponent(ch).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
  return `[${escapeCell(text)}](${safeUrl})`;
}
function mermaidLabel(text, maxLength = 40) {
  const safe = [...text.normalize("NFC").replace(/[^\p{L}\p{N} .,:=≤≥–−\-_/%+()]/gu, "?").replace(/%{2,}/g, "%")].slice(0, maxLength).join("");
  return `"${safe === "" ? "(empty)" : safe}"`;
}
function mermaidCategories(texts, maxLength = 40) {
  const seen = /* @__PURE__ */ new Set();
  return texts.map((text) => {
    const label = mermaidLabel(text, maxLength);
    let candidate = label;
    for (let k = 2; seen.has(candidate); k++) candidate = `${label.slice(0, -1)} ${k}"`;
    seen.add(candidate);
    return candidate;
  });
}

export {
  requiredInput,
  optionalInput,
  booleanInput,
  numberInput,
  enumInput,
  listInput,
  runContext,
  escapeText,
  escapeCell,
  code,
  table,
  details,
  formatNumber,
  link,
  mermaidLabel,
  mermaidCategories
};
