import { describe, expect, it } from 'vitest';
import {
  capComment,
  capSummary,
  COMMENT_LIMIT_CHARS,
  COMMENT_MARKER_HEADROOM,
  SUMMARY_LIMIT_BYTES,
} from '../../shared/report/limits.js';

const lines = (n: number, width = 80) =>
  Array.from({ length: n }, (_, i) => `row ${i} `.padEnd(width, 'x')).join('\n');

/** Lines of `capped` before the truncation note. */
function bodyLines(capped: string): string[] {
  return capped.slice(0, capped.indexOf('\n\n> [!NOTE]')).split('\n');
}

function fenceLines(text: string): string[] {
  return text.split('\n').filter((l) => /^ {0,3}(`{3,}|~{3,})/.test(l));
}

describe('capComment', () => {
  it('returns a report that fits unchanged', () => {
    const markdown = `# Report\n\n${lines(100)}`;
    expect(capComment(markdown)).toBe(markdown);
  });

  it('cuts an oversized report at a line boundary under the limit, leaving room for the marker', () => {
    const markdown = lines(2000);
    const capped = capComment(markdown, { fullReportNote: 'See the job summary of run 42.' });
    expect(capped.length).toBeLessThanOrEqual(COMMENT_LIMIT_CHARS - COMMENT_MARKER_HEADROOM);
    expect(capped.length).toBeGreaterThan(COMMENT_LIMIT_CHARS - COMMENT_MARKER_HEADROOM - 400);
    const original = markdown.split('\n');
    const kept = bodyLines(capped);
    expect(kept).toEqual(original.slice(0, kept.length));
    expect(capped).toContain('See the job summary of run 42.');
    expect(capped.trimEnd().split('\n').at(-1)).toMatch(/^> .*See the job summary of run 42\.$/);
  });

  it('closes a code fence that the cut leaves open', () => {
    const markdown = `# Report\n\n\`\`\`text\n${lines(2000)}\n\`\`\`\n\nafter`;
    const capped = capComment(markdown);
    expect(capped.length).toBeLessThanOrEqual(COMMENT_LIMIT_CHARS);
    expect(fenceLines(capped)).toEqual(['```text', '```']);
  });

  it('closes a longer fence with a fence at least as long', () => {
    const markdown = `\`\`\`\`md\n\`\`\`\ninner\n\`\`\`\n${lines(2000)}\n\`\`\`\``;
    const capped = capComment(markdown);
    expect(fenceLines(capped)).toEqual(['````md', '```', '```', '````']);
  });

  it('closes open <details> blocks, nested ones too', () => {
    const markdown = `<details><summary>Slices</summary>\n\n<details>\n<summary>inner</summary>\n\n${lines(2000)}\n\n</details>\n</details>`;
    const capped = capComment(markdown);
    const opened = capped.match(/<details\b/g)?.length ?? 0;
    const closed = capped.match(/<\/details>/g)?.length ?? 0;
    expect(opened).toBe(2);
    expect(closed).toBe(2);
    expect(capped.indexOf('</details>')).toBeLessThan(capped.indexOf('[!NOTE]'));
  });

  it('ignores <details> inside a code fence', () => {
    const markdown = `\`\`\`html\n<details>\n\`\`\`\n${lines(2000)}`;
    expect(capComment(markdown)).not.toContain('</details>');
  });

  it('drops an unfinished mermaid diagram instead of leaving half of it', () => {
    const head = lines(700);
    const markdown = `${head}\n\n\`\`\`mermaid\nxychart-beta\n${lines(300)}\n\`\`\``;
    const capped = capComment(markdown);
    expect(capped).not.toContain('mermaid');
    expect(capped.startsWith(head)).toBe(true);
  });

  it('cuts inside a single over-long line without splitting a surrogate pair', () => {
    const capped = capComment('😀'.repeat(40_000));
    expect(capped.length).toBeLessThanOrEqual(COMMENT_LIMIT_CHARS - COMMENT_MARKER_HEADROOM);
    expect(capped).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(capped).toContain('[!NOTE]');
  });

  it('honours an explicit limit', () => {
    const capped = capComment(lines(100), { limit: 2000 });
    expect(capped.length).toBeLessThanOrEqual(2000);
    expect(capped).toContain('row 0 ');
  });
});

describe('capSummary', () => {
  it('returns a summary that fits unchanged', () => {
    const markdown = lines(1000);
    expect(capSummary(markdown)).toBe(markdown);
  });

  it('counts UTF-8 bytes, not characters', () => {
    // 700k characters but 1.4 MB: fits by characters, not by bytes.
    const markdown = Array.from({ length: 7000 }, () => 'é'.repeat(99)).join('\n');
    expect(markdown.length).toBeLessThan(SUMMARY_LIMIT_BYTES);
    const capped = capSummary(markdown, { fullReportNote: 'See the mlops-report artifact.' });
    expect(Buffer.byteLength(capped)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(capped).toContain('See the mlops-report artifact.');
    const kept = bodyLines(capped);
    expect(kept.every((l) => l === 'é'.repeat(99))).toBe(true);
  });

  it('closes an open fence in a summary too', () => {
    const capped = capSummary(`\`\`\`\n${lines(20_000)}\n\`\`\``);
    expect(Buffer.byteLength(capped)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(fenceLines(capped)).toEqual(['```', '```']);
  });
});
