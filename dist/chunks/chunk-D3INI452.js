import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);

// shared/report/limits.ts
var COMMENT_LIMIT_CHARS = 65536;
var COMMENT_MARKER_HEADROOM = 512;
var SUMMARY_LIMIT_BYTES = 1024 * 1024;
var SUMMARY_HEADROOM_BYTES = 16 * 1024;
var DEFAULT_COMMENT_NOTE = "The full report is in the job summary and the workflow artifacts.";
var DEFAULT_SUMMARY_NOTE = "The full report is in the workflow artifacts.";
function capComment(markdown, options = {}) {
  const limit = options.limit ?? COMMENT_LIMIT_CHARS - COMMENT_MARKER_HEADROOM;
  const note = `This comment was cut to fit GitHub's ${COMMENT_LIMIT_CHARS.toLocaleString("en-US")}-character limit. ${options.fullReportNote ?? DEFAULT_COMMENT_NOTE}`;
  return cap(markdown, limit, note, (s) => s.length);
}
function capSummary(markdown, options = {}) {
  const limit = options.limitBytes ?? SUMMARY_LIMIT_BYTES - SUMMARY_HEADROOM_BYTES;
  const note = `This summary was cut to fit the runner's 1 MiB job summary limit. ${options.fullReportNote ?? DEFAULT_SUMMARY_NOTE}`;
  return cap(markdown, limit, note, (s) => Buffer.byteLength(s, "utf8"));
}
function cap(markdown, limit, note, size) {
  if (size(markdown) <= limit) return markdown;
  const tail = `

> [!NOTE]
> ${note.replace(/\n/g, " ")}
`;
  const budget = limit - size(tail);
  if (budget <= 0) throw new Error(`report cap: limit ${limit} leaves no room for the truncation note`);
  const lines = markdown.split("\n");
  let kept = 0;
  let used = 0;
  while (kept < lines.length && used + size(lines[kept]) + 1 <= budget) {
    used += size(lines[kept]) + 1;
    kept++;
  }
  if (kept === 0) {
    const body = hardCut(lines[0] ?? "", budget - 64, size);
    return `${body}${closers(openBlocks([body]))}${tail}`;
  }
  for (; ; ) {
    const head = lines.slice(0, kept);
    const open = openBlocks(head);
    if (open.fence?.info === "mermaid") {
      kept = open.fence.line;
      continue;
    }
    const text = `${head.join("\n")}${closers(open)}${tail}`;
    if (size(text) <= limit || kept === 0) return text;
    kept--;
  }
}
function openBlocks(lines) {
  let fence;
  let details = 0;
  lines.forEach((line, index) => {
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close?.[1] && close[1][0] === fence.marker[0] && close[1].length >= fence.marker.length) fence = void 0;
      return;
    }
    const start = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
    if (start?.[1]) {
      fence = { marker: start[1], info: (start[2] ?? "").toLowerCase(), line: index };
      return;
    }
    details += (line.match(/<details\b[^>]*>/gi) ?? []).length;
    details = Math.max(0, details - (line.match(/<\/details\s*>/gi) ?? []).length);
  });
  return { fence, details };
}
function closers(open) {
  let out = "";
  if (open.fence) out += `
${open.fence.marker}`;
  for (let i = 0; i < open.details; i++) out += "\n\n</details>";
  return out;
}
function hardCut(line, budget, size) {
  let used = 0;
  let end = 0;
  for (const char of line) {
    used += size(char);
    if (used > budget) break;
    end += char.length;
  }
  return line.slice(0, end);
}

export {
  capComment,
  capSummary
};
