// The `unique` check's linear test of 64-bit hashes (shared/data/validate/pairwise-different.ts)
// against the sort it replaced: the same answer for distinct hashes and for one planted duplicate,
// at sizes around its bucket edges; hashes crafted to share their top bits and their table slot
// (DuckDB's hash is not cryptographic) still get the right answer, through the sort.
import { describe, expect, it } from 'vitest';
import { pairwiseDifferent, pairwiseDifferentBySort } from '../../shared/data/validate/pairwise-different.js';

/** Deterministic distinct-looking hashes (xorshift32 per word). */
function randomHashes(n: number, seed: number): BigUint64Array {
  const hashes = new BigUint64Array(n);
  const words = new Uint32Array(hashes.buffer);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < 2 * n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return hashes;
}

const both = (hashes: BigUint64Array) => [pairwiseDifferent(hashes.slice()), pairwiseDifferentBySort(hashes.slice())];

describe('pairwiseDifferent', () => {
  it.each([0, 1, 2, 3, 1023, 1024, 1025, 4096, 100_003])('agrees with the sort on %i distinct hashes and with one duplicate planted', (n) => {
    const hashes = randomHashes(n, n + 17);
    expect(both(hashes)).toEqual([true, true]);
    if (n < 2) return;
    const pairs: [number, number][] = [[0, n - 1], [n - 1, 0], [Math.floor(n / 2), Math.floor(n / 3)], [1, 0]];
    for (const [from, to] of pairs) {
      if (from === to) continue;
      const planted = hashes.slice();
      planted[to] = planted[from]!;
      expect(both(planted)).toEqual([false, false]);
    }
  });

  it('tells apart hashes equal in one 32-bit half only', () => {
    const hashes = new BigUint64Array([0x1234567800000001n, 0x1234567800000002n, 0x0000000100000001n, 0xffffffff00000001n]);
    expect(both(hashes)).toEqual([true, true]);
    expect(both(new BigUint64Array([...hashes, 0xffffffff00000001n]))).toEqual([false, false]);
  });

  it('answers right for hashes crafted into one bucket and one table slot', () => {
    // Same top bits and the same low ^ high: every hash lands in bucket 0 and in one table slot.
    const n = 20_000;
    const hashes = new BigUint64Array(n);
    for (let i = 0; i < n; i++) hashes[i] = (BigInt(i) << 32n) | BigInt(i);
    expect(both(hashes)).toEqual([true, true]);
    hashes[n - 1] = hashes[3]!;
    expect(both(hashes)).toEqual([false, false]);
  });
});
