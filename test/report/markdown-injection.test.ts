// Threat: a string from data, a model, a file name, config or a registry breaks out of its place
// in a PR comment, job summary or model card — a lone \r or U+2028 ends a table row, `|` adds a
// cell, `<img onerror>` renders as HTML, `@team` pings people, `#1` links an issue, a short `=`
// line turns the line above into a heading. Property test: random strings over the whole
// line-terminator and Markdown-special set, each escaped and rendered with a real GFM renderer
// (marked), must render as the same characters and nothing else.
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { code, details, escapeCell, escapeHtml, escapeText, link, table } from '../../shared/report/markdown.js';
import { Xoshiro128 } from '../../shared/stats/prng.js';

const PIECES = [
  '\n', '\r', '\r\n', '\n\n', '\r\r', '\u2028', '\u2029', '\u0085', '\u000b', '\u000c', '\t', ' ', '    ',
  '|', '\\|', '`', '```', '~~~', '<', '>', '&', '&amp;', '&#60;', '"', "'", '\\', '*', '_', '~', '[', ']', '(', ')', '!', ':',
  '#', '# ', '##', '=', '-', '---', '+', '1.', '2)', '>', '<!--', '-->',
  '@octocat', '@org/team', 'mail@example.com', '#12', 'GH-3', 'http://evil.example', 'www.evil.example',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<details>', '</td>', '[x](javascript:alert(1))', '![i](http://x/i.png)',
  'a', 'b', 'word', '0', '7', '.', '\u0000', '\u202e', 'é', '😀',
];

function randomString(random: Xoshiro128): string {
  const length = random.nextUint32() % 12;
  let out = '';
  for (let i = 0; i < length; i++) out += PIECES[random.nextUint32() % PIECES.length];
  return out;
}

const render = (markdown: string) => marked.parse(markdown, { gfm: true, async: false }) as string;

function decode(html: string): string {
  return html
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The text a reader sees: tags removed, entities decoded, word joiners gone, whitespace collapsed. */
function visibleText(html: string): string {
  return collapse(decode(html.replace(/<[^>]*>/g, ' ')).replace(/\u2060/g, ''));
}
function collapse(text: string): string {
  return text.replace(/[\s\u0085]+/g, ' ').trim();
}
/** What the input should read as: controls dropped (NUL shown as U+FFFD), line breaks as spaces. */
function expectedText(input: string): string {
  return collapse(input.replace(/\u0000/g, '\ufffd').replace(/[\u0001-\u0008\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ''));
}
function tags(html: string): string[] {
  return [...html.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)/g)].map((m) => m[1]!.toLowerCase());
}
/** No live mention, issue reference or bare autolink in what a reader sees. */
function expectNoLiveReferences(html: string): void {
  const text = decode(html.replace(/<[^>]*>/g, ' '));
  expect(text).not.toMatch(/(^|[^A-Za-z0-9`])@[A-Za-z0-9]/);
  expect(text).not.toMatch(/#\d|GH-\d/i);
  expect(text).not.toMatch(/:\/\/|www\./i);
}

const CASES = 600;

describe('Markdown injection: escaping is total', () => {
  it('escapeCell: the value stays inside one cell of one row, reads the same, nothing live', () => {
    const random = new Xoshiro128(20261201);
    for (let i = 0; i < CASES; i++) {
      const value = randomString(random);
      const html = render(table(['h1', 'h2', 'h3'], [['a', escapeCell(value), 'b']]));
      const context = JSON.stringify(value);
      expect(tags(html).filter((t) => !['table', 'thead', 'tbody', 'tr', 'th', 'td'].includes(t)), context).toEqual([]);
      const cells = [...html.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!);
      expect(cells.length, context).toBe(3);
      expect(visibleText(cells[0]!), context).toBe('a');
      expect(visibleText(cells[1]!), context).toBe(expectedText(value));
      expect(visibleText(cells[2]!), context).toBe('b');
      expectNoLiveReferences(html);
    }
  });

  it('code: one inline code element per cell holding exactly the value', () => {
    const random = new Xoshiro128(7);
    for (let i = 0; i < CASES; i++) {
      const value = randomString(random);
      const html = render(table(['h1', 'h2'], [[code(value), 'b']]));
      const context = JSON.stringify(value);
      const cells = [...html.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!);
      expect(cells.length, context).toBe(2);
      expect(tags(cells[0]!), context).toEqual(['code', 'code']);
      expect(collapse(decode(cells[0]!.replace(/<\/?code>/g, '')).replace(/\u2060/g, '')), context).toBe(expectedText(value));
    }
  });

  it('escapeText: prose renders as paragraphs of the same text — no heading, list, quote, rule, code, HTML or link', () => {
    const random = new Xoshiro128(42);
    for (let i = 0; i < CASES; i++) {
      const value = `Intro line\n${randomString(random)}`;
      const html = render(escapeText(value));
      const context = JSON.stringify(value);
      expect(tags(html).filter((t) => !['p', 'br'].includes(t)), context).toEqual([]);
      expect(visibleText(html), context).toBe(expectedText(value));
      expectNoLiveReferences(html);
    }
  });

  it('escapeHtml in <summary> and link text: no element escapes, nothing live', () => {
    const random = new Xoshiro128(99);
    for (let i = 0; i < CASES; i++) {
      const value = randomString(random);
      const context = JSON.stringify(value);
      const summary = render(details(value, 'body'));
      expect(tags(summary), context).toEqual(['details', 'summary', 'summary', 'p', 'p', 'details']);
      expect(collapse(decode(/<summary>([\s\S]*)<\/summary>/.exec(summary)![1]!).replace(/\u2060/g, '')), context).toBe(expectedText(value));
      expectNoLiveReferences(escapeHtml(value));
      const linked = render(table(['h1', 'h2'], [[link(value, `https://github.com/o/r/runs/1?q=${value}`), 'b']]));
      expect(tags(linked).filter((t) => !['table', 'thead', 'tbody', 'tr', 'th', 'td', 'a'].includes(t)), context).toEqual([]);
      expect([...linked.matchAll(/<td/g)].length, context).toBe(2);
      expect(tags(linked).filter((t) => t === 'a').length, context).toBeLessThanOrEqual(2);
    }
  });

  it('the cases that got through before: lone CR, U+2028, a one-character setext underline, 1. at line end', () => {
    expect(tags(render(table(['h'], [[escapeCell('x\r<img src=x onerror=alert(1)>')]])))).not.toContain('img');
    expect(tags(render(escapeText('Title\n=')))).toEqual(['p', 'p']);
    expect(tags(render(escapeText('Title\n-')))).toEqual(['p', 'p']);
    expect(tags(render(escapeText('a\u2028# heading')))).toEqual(['p', 'p']);
    expect(tags(render(escapeText('x\n1.')))).toEqual(['p', 'p']);
    expect(render(escapeText('\\1. one'))).toContain('\\1. one');
  });
});
