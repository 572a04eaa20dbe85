/**
 * Markdown building blocks shared by every report, and the one place untrusted text is escaped.
 * Every string that came from data, models, file names, config or registries goes through one
 * of: `escapeText` (prose), `escapeCell` (one table cell), `code` (inline code), `escapeHtml`
 * (inside raw HTML such as `<summary>`) or `link`. Whatever the string holds, it renders as the
 * same characters and nothing else: no HTML element, no heading, list, quote, rule, code block
 * or link, no live @mention or #reference, and a cell stays inside its cell. Property-tested
 * with a real renderer (test/report/markdown-injection.test.ts).
 */
import { markdownTable } from 'markdown-table';

/**
 * Everything a renderer may take for the end of a line: CommonMark's \n, \r\n and lone \r, and
 * the other Unicode terminators (NEL, LS, PS, VT, FF) some renderers and editors honour.
 */
export const LINE_TERMINATORS = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;

/**
 * Characters with inline meaning anywhere in a line. Brackets, angle brackets, pipes and
 * backslashes become character references (robust inside link text, where some renderers
 * re-read backslash escapes, and in table cells, where GFM unescapes `\|` before anything
 * else); the rest get a backslash.
 */
const INLINE_SPECIAL = /[\\`*_[\]<>#|~]/g;
const AS_REFERENCE: Record<string, string> = { '<': '&lt;', '>': '&gt;', '[': '&#91;', ']': '&#93;', '|': '&#124;', '\\': '&#92;' };

/** Word joiner: invisible, and it stops GitHub from linking @name, #123 and GH-123. */
const WORD_JOINER = '\u2060';

/** Removes what no report should carry: NUL and other C0 controls (tab kept), and bidi overrides. */
function dropControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, (ch) => (ch === '\u0000' ? '\ufffd' : ''));
}

/**
 * Stops the autolinks backslash escapes cannot: GitHub's @mentions, #123 and GH-123 references,
 * and GFM's bare `scheme://` and `www.` links (and e-mail addresses, through the `@`).
 */
function unlinkReferences(text: string): string {
  return text
    .replace(/@(?=[A-Za-z0-9])/g, `@${WORD_JOINER}`)
    .replace(/(?<!&)#(?=\d)/g, `#${WORD_JOINER}`)
    .replace(/(GH)-(?=\d)/gi, `$1-${WORD_JOINER}`)
    .replace(/:(?=\/\/)/g, `:${WORD_JOINER}`)
    .replace(/(www)\./gi, `$1${WORD_JOINER}.`);
}

function escapeInline(text: string): string {
  return unlinkReferences(text.replace(/&/g, '&amp;').replace(INLINE_SPECIAL, (ch) => AS_REFERENCE[ch] ?? `\\${ch}`));
}

/**
 * A line that cannot open a block: no indentation (code block), and a leading `-`, `+`, `=`
 * (list, rule, setext heading underline, even alone) or `1.`/`1)` (ordered list) is escaped.
 * `#`, `>`, `*`, `_`, `` ` ``, `~` and `|` are escaped everywhere by escapeInline.
 */
function escapeLineStart(line: string): string {
  return line.replace(/^[ \t]+/, '').replace(/^([-+=])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** Escapes prose so it renders as the same words and nothing else. Line breaks are kept (as \n). */
export function escapeText(text: string): string {
  return dropControls(text)
    .split(LINE_TERMINATORS)
    .map((line) => escapeLineStart(escapeInline(line)))
    .join('\n');
}

/** Escapes a value for one table cell: one line, pipes escaped. */
export function escapeCell(text: string): string {
  return escapeInline(dropControls(text).replace(LINE_TERMINATORS, ' '));
}

/** Inline code that cannot be broken out of, whatever backticks or line breaks the value holds. */
export function code(text: string): string {
  const clean = dropControls(text).replace(LINE_TERMINATORS, ' ');
  if (clean === '') return '` `';
  const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${clean.startsWith('`') || clean.endsWith('`') || /^ .* $/.test(clean) ? ` ${clean} ` : clean}${fence}`;
}

/**
 * A GFM table. Every raw `|` in a cell (escaped text holds none: inside inline code, say) gets
 * a backslash: GFM splits rows on pipes before it sees code spans, and reads `\|` as `|`.
 */
export function table(header: string[], rows: string[][], align?: ('l' | 'r' | 'c')[]): string {
  // A backslash right before a pipe is read differently by different GFM parsers (`\\|`): a
  // word joiner between them keeps every parser on `\|`.
  const cell = (value: string) => value.replace(LINE_TERMINATORS, ' ').replace(/\\(?=\|)/g, '\\\u2060').replace(/\|/g, '\\|');
  return markdownTable([header.map(cell), ...rows.map((row) => row.map(cell))], { align, alignDelimiters: false });
}

/** Escapes text for an HTML context (inside <summary>, Markdown is not rendered). One line. */
export function escapeHtml(text: string): string {
  return unlinkReferences(
    dropControls(text)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(LINE_TERMINATORS, ' '),
  );
}

export function details(summary: string, body: string): string {
  return `<details><summary>${escapeHtml(summary)}</summary>\n\n${body}\n\n</details>`;
}

/** A number for reports: fixed significant digits, no exponent noise for ordinary values. */
export function formatNumber(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-4)) return value.toExponential(digits - 1);
  return Number(value.toPrecision(digits)).toString();
}

/** A link whose text is escaped and whose URL is only used when it is http(s). */
export function link(text: string, url: string | undefined): string {
  if (!url || !/^https?:\/\//.test(url)) return escapeCell(text);
  // Only unreserved and reserved URL characters stay; anything that could end the link, the
  // cell or the line (`(`, `)`, `<`, `>`, `|`, spaces, line terminators, quotes) is %-encoded.
  const safeUrl = url.replace(/[^A-Za-z0-9\-._~:/?#@!$&*+,;=%]/gu, (ch) => encodeURIComponent(ch).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
  return `[${escapeCell(text)}](${safeUrl})`;
}

/**
 * A quoted label for a mermaid chart. Mermaid has no reliable escape (quotes, backticks and
 * brackets end labels or the fenced block, `<` reaches its HTML labels), so labels are kept to
 * a safe alphabet (after NFC, so a decomposed "é" stays one letter; parentheses and the minus sign
 * are in it, so "Δ candidate − baseline (whole holdout)" reads as written): anything else shows as `?`.
 * Two things mermaid's own parser rejects inside the quotes are avoided as well: `%%` (its lexer
 * reads `"%%…` as a comment to the end of the line), kept as one `%`, and an empty label, shown
 * as `(empty)`.
 */
export function mermaidLabel(text: string, maxLength = 40): string {
  const safe = [...text.normalize('NFC').replace(/[^\p{L}\p{N} .,:=≤≥–−\-_/%+()]/gu, '?').replace(/%{2,}/g, '%')].slice(0, maxLength).join('');
  return `"${safe === '' ? '(empty)' : safe}"`;
}

/**
 * The x-axis categories of a chart as mermaid labels, made distinct: mermaid merges categories
 * with the same text, so two names that read alike after the safe alphabet (`a<b`, `a>b`) or
 * after truncation would draw as one bar. A repeat gets " 2", " 3", … appended.
 */
export function mermaidCategories(texts: readonly string[], maxLength = 40): string[] {
  const seen = new Set<string>();
  return texts.map((text) => {
    const label = mermaidLabel(text, maxLength);
    let candidate = label;
    for (let k = 2; seen.has(candidate); k++) candidate = `${label.slice(0, -1)} ${k}"`;
    seen.add(candidate);
    return candidate;
  });
}
