/**
 * Limits checked on a run record's text before JSON.parse: the record travels as an artifact
 * from the training job, so training code can write it. A record nested 100 000 levels deep
 * parses, then overflows the stack wherever it is walked (validation, JSON.stringify on write):
 * "unexpected error" instead of one clear message.
 */
export const MAX_RECORD_DEPTH = 64;
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

/** The line of the first place nesting passes `maxDepth`, or undefined when it never does. */
export function lineDeeperThan(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a) line++;
    if (inString) {
      if (ch === 0x5c) i++; // skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > maxDepth) return line;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return undefined;
}
