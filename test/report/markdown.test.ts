import { describe, expect, it } from 'vitest';
import { code, details, escapeCell, escapeText, formatNumber, link } from '../../shared/report/markdown.js';

describe('report Markdown', () => {
  it('escapes prose: no HTML, no mentions, no headings or lists, no link syntax', () => {
    const out = escapeText('<b>hi</b> @octocat [x](http://evil) # not\n# heading\n- item\n1. one');
    expect(out).toBe('&lt;b&gt;hi&lt;/b&gt; @\u2060octocat &#91;x&#93;(http:\u2060//evil) \\# not\n\\# heading\n\\- item\n1\\. one');
  });

  it('keeps table cells on one line and pipes escaped', () => {
    expect(escapeCell('a | b\nc')).toBe('a &#124; b c');
  });

  it('fences inline code longer than any backtick run inside it', () => {
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`x`')).toBe('`` `x` ``');
  });

  it('escapes <summary> as HTML, where Markdown escapes would show', () => {
    expect(details('size_band <x> @team', 'body')).toBe('<details><summary>size_band &lt;x&gt; @\u2060team</summary>\n\nbody\n\n</details>');
  });

  it('links only http(s) URLs', () => {
    expect(link('run', 'javascript:alert(1)')).toBe('run');
    expect(link('run', 'https://github.com/o/r/actions/runs/1')).toBe('[run](https://github.com/o/r/actions/runs/1)');
  });

  it('formats numbers without float noise', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Infinity)).toBe('∞');
  });
});
