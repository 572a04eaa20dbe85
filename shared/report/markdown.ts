/**
 * Markdown building blocks shared by every report. User-provided text always goes through
 * `escapeText`: it cannot open HTML, break a table, start a heading or mention anyone.
 */
import { markdownTable } from 'markdown-table';

const MARKDOWN_SPECIAL = /[\\`*_[\]<>#|~]/g;

/** Escapes prose so it renders as the same words and nothing else. Newlines are kept. */
export function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(MARKDOWN_SPECIAL, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : `\\${ch}`))
    // A zero-width joiner after @ stops GitHub from turning @name / @org/team into a mention.
    .replace(/@(?=[A-Za-z0-9])/g, '@\u2060')
    // Lines that would start a list, rule or numbered list become plain paragraphs.
    .replace(/^(\s*)([-=]{3,}|[-+]\s|\d+[.)]\s)/gm, (_m, space: string, start: string) => `${space}\\${start}`);
}

/** Escapes a value for one table cell (no newlines, no pipes). */
export function escapeCell(text: string): string {
  return escapeText(text).replace(/\r?\n/g, ' ');
}

/** Inline code that cannot be broken out of, whatever backticks the value holds. */
export function code(text: string): string {
  const clean = text.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${clean.startsWith('`') || clean.endsWith('`') ? ` ${clean} ` : clean}${fence}`;
}

export function table(header: string[], rows: string[][], align?: ('l' | 'r' | 'c')[]): string {
  return markdownTable([header, ...rows], { align, alignDelimiters: false });
}

/** Escapes text for an HTML context (inside <summary>, Markdown is not rendered). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/@(?=[A-Za-z0-9])/g, '@\u2060')
    .replace(/\r?\n/g, ' ');
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
  if (!url || !/^https?:\/\//.test(url)) return escapeText(text);
  return `[${escapeCell(text)}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}
