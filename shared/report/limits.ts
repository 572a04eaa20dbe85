/**
 * Size caps for reports. GitHub rejects a comment body over 65,536 characters, and the
 * runner drops a step summary over 1 MiB entirely, so an oversized report is cut at a line
 * boundary, any open code fence or <details> is closed, and a note says where the rest is.
 */

/** GitHub's maximum comment body, in characters. */
export const COMMENT_LIMIT_CHARS = 65_536;
/** Room left in a comment for the hidden marker the sticky comment adds. */
export const COMMENT_MARKER_HEADROOM = 512;
/** The runner's maximum step summary, in bytes. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** Room left in the summary for whatever else the same step appends. */
export const SUMMARY_HEADROOM_BYTES = 16 * 1024;

const DEFAULT_COMMENT_NOTE = 'The full report is in the job summary and the workflow artifacts.';
const DEFAULT_SUMMARY_NOTE = 'The full report is in the workflow artifacts.';

/**
 * Keeps a PR comment under GitHub's limit, leaving room for the sticky-comment marker.
 * Returns the markdown itself when it fits (so `capped !== markdown` means it was cut).
 */
export function capComment(
  markdown: string,
  options: { fullReportNote?: string; limit?: number } = {},
): string {
  const limit = options.limit ?? COMMENT_LIMIT_CHARS - COMMENT_MARKER_HEADROOM;
  const note = `This comment was cut to fit GitHub's ${COMMENT_LIMIT_CHARS.toLocaleString('en-US')}-character limit. ${options.fullReportNote ?? DEFAULT_COMMENT_NOTE}`;
  return cap(markdown, limit, note, (s) => s.length);
}

/** Keeps a job summary under the runner's 1 MiB limit (UTF-8 bytes); same contract as capComment. */
export function capSummary(
  markdown: string,
  options: { fullReportNote?: string; limitBytes?: number } = {},
): string {
  const limit = options.limitBytes ?? SUMMARY_LIMIT_BYTES - SUMMARY_HEADROOM_BYTES;
  const note = `This summary was cut to fit the runner's 1 MiB job summary limit. ${options.fullReportNote ?? DEFAULT_SUMMARY_NOTE}`;
  return cap(markdown, limit, note, (s) => Buffer.byteLength(s, 'utf8'));
}

function cap(markdown: string, limit: number, note: string, size: (s: string) => number): string {
  if (size(markdown) <= limit) return markdown;
  const tail = `\n\n> [!NOTE]\n> ${note.replace(/\n/g, ' ')}\n`;
  const budget = limit - size(tail);
  if (budget <= 0) throw new Error(`report cap: limit ${limit} leaves no room for the truncation note`);

  const lines = markdown.split('\n');
  // The longest run of whole lines that fits before closers are added.
  let kept = 0;
  let used = 0;
  while (kept < lines.length && used + size(lines[kept] as string) + 1 <= budget) {
    used += size(lines[kept] as string) + 1;
    kept++;
  }
  if (kept === 0) {
    // Not even the first line fits: cut inside it, leaving room for closers.
    const body = hardCut(lines[0] ?? '', budget - 64, size);
    return `${body}${closers(openBlocks([body]))}${tail}`;
  }
  for (;;) {
    const head = lines.slice(0, kept);
    const open = openBlocks(head);
    // A half mermaid diagram does not render; drop the whole unfinished block instead.
    if (open.fence?.info === 'mermaid') {
      kept = open.fence.line;
      continue;
    }
    const text = `${head.join('\n')}${closers(open)}${tail}`;
    if (size(text) <= limit || kept === 0) return text;
    kept--;
  }
}

interface OpenBlocks {
  fence?: { marker: string; info: string; line: number };
  details: number;
}

/** Which code fence and how many <details> are still open at the end of these lines. */
function openBlocks(lines: string[]): OpenBlocks {
  let fence: OpenBlocks['fence'];
  let details = 0;
  lines.forEach((line, index) => {
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close?.[1] && close[1][0] === fence.marker[0] && close[1].length >= fence.marker.length) fence = undefined;
      return;
    }
    const start = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
    if (start?.[1]) {
      fence = { marker: start[1], info: (start[2] ?? '').toLowerCase(), line: index };
      return;
    }
    details += (line.match(/<details\b[^>]*>/gi) ?? []).length;
    details = Math.max(0, details - (line.match(/<\/details\s*>/gi) ?? []).length);
  });
  return { fence, details };
}

function closers(open: OpenBlocks): string {
  let out = '';
  if (open.fence) out += `\n${open.fence.marker}`;
  // A blank line before </details> ends any Markdown block inside it.
  for (let i = 0; i < open.details; i++) out += '\n\n</details>';
  return out;
}

/** The longest prefix of a single over-long line that fits, never splitting a character. */
function hardCut(line: string, budget: number, size: (s: string) => number): string {
  let used = 0;
  let end = 0;
  for (const char of line) {
    used += size(char);
    if (used > budget) break;
    end += char.length;
  }
  return line.slice(0, end);
}
