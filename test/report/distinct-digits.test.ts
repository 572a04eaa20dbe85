/** The significant digits number labels need to read apart (shared/report/distinct-digits.ts). */
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../shared/report/markdown.js';
import { digitsToTellApart } from '../../shared/report/distinct-digits.js';

describe('digitsToTellApart', () => {
  it('keeps the fewest digits when they already tell the values apart', () => {
    expect(digitsToTellApart([1, 2.5, 10], formatNumber, 3, 12)).toBe(3);
  });

  it('adds digits for a narrow band far from 0', () => {
    const band = [1000.01, 1000.02, 1000.03];
    expect(digitsToTellApart(band, formatNumber, 4, 15)).toBe(6);
    expect(band.map((v) => formatNumber(v, 6))).toEqual(['1000.01', '1000.02', '1000.03']);
  });

  it('stops at the most when no count of digits tells them apart (repeated values)', () => {
    expect(digitsToTellApart([5, 5], formatNumber, 3, 12)).toBe(12);
  });
});
