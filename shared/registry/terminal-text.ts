/**
 * Text that came from a registry (annotations, titles, media types, tags, error messages) made
 * safe to print to a terminal or a log: control characters (C0, DEL, C1 — ESC starts the
 * escape sequences that retitle windows, move the cursor or rewrite earlier lines), Unicode
 * line and paragraph separators and bidirectional overrides (which reorder what is shown) are
 * written as visible \u{…} escapes. Everything else is kept as it is.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff]/gu;

export function terminalSafe(value: string): string {
  return value.replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** Line feeds and tabs outside strings are pretty-printed JSON's layout (inside strings JSON has them escaped already). */
const JSON_LAYOUT = new Set(['\n', '\t']);

/**
 * JSON text with the same characters written as JSON \u escapes: still the same JSON value.
 * Line feeds and tabs are kept, so pretty-printed JSON stays valid and readable.
 */
export function jsonTerminalSafe(json: string): string {
  return json.replace(UNSAFE, (c) => (JSON_LAYOUT.has(c) ? c : `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`));
}
