/**
 * Whether 64-bit hashes are pairwise different, in linear time. Sorting 4M of them took ~300 ms
 * at the end of the pass (V8 sorts a BigUint64Array element by element through BigInts); this
 * takes ~70 ms: the hashes are partitioned by their top bits into buckets of ~1,000 (one counting
 * pass, one scatter into a second array), then each bucket goes into a small open-addressing table
 * that fits the CPU's cache. Equal hashes share their top bits, so they always meet in one bucket.
 *
 * DuckDB's hash is not cryptographic: data crafted so that many hashes share a table slot would
 * make the probing quadratic. Past PROBE_BUDGET probes a hash the check falls back to the sort,
 * which has no such worst case.
 */

/** Values per bucket, about: its table (3 × 2,048 words) stays in L1/L2. */
const BUCKET_TARGET = 1024;
const PROBE_BUDGET = 8;

export function pairwiseDifferent(hashes: BigUint64Array): boolean {
  const n = hashes.length;
  if (n < 2) return true;
  const words = new Uint32Array(hashes.buffer, hashes.byteOffset, 2 * n);
  const bits = Math.max(0, Math.min(16, Math.ceil(Math.log2(n / BUCKET_TARGET))));
  const shift = 32 - bits;
  const buckets = 1 << bits;
  // bucket b holds the hashes whose high word starts with b (all of them when bits = 0)
  const bucketOf = bits === 0 ? () => 0 : (high: number) => high >>> shift;

  const starts = new Uint32Array(buckets + 1);
  for (let i = 0; i < n; i++) starts[bucketOf(words[2 * i + 1]!) + 1]! += 1;
  let largest = 0;
  for (let b = 1; b <= buckets; b++) {
    largest = Math.max(largest, starts[b]!);
    starts[b]! += starts[b - 1]!;
  }
  const next = starts.slice(0, buckets);
  const grouped = new Uint32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const high = words[2 * i + 1]!;
    const j = next[bucketOf(high)]!++;
    grouped[2 * j] = words[2 * i]!;
    grouped[2 * j + 1] = high;
  }

  const tableBits = Math.max(4, Math.ceil(Math.log2(largest)) + 1);
  const slots = 1 << tableBits;
  const mask = slots - 1;
  const lows = new Uint32Array(slots);
  const highs = new Uint32Array(slots);
  // stamp[s] === b + 1: slot s is taken in bucket b (no clearing between buckets)
  const stamp = new Uint32Array(slots);
  let probes = 0;
  for (let b = 0; b < buckets; b++) {
    const taken = b + 1;
    for (let j = starts[b]!; j < starts[b + 1]!; j++) {
      const low = grouped[2 * j]!;
      const high = grouped[2 * j + 1]!;
      let s = Math.imul(low ^ high, 0x9e3779b1) >>> (32 - tableBits);
      while (stamp[s] === taken) {
        if (lows[s] === low && highs[s] === high) return false;
        s = (s + 1) & mask;
        if (++probes > PROBE_BUDGET * n) return pairwiseDifferentBySort(hashes);
      }
      stamp[s] = taken;
      lows[s] = low;
      highs[s] = high;
    }
  }
  return true;
}

/** The reference: sorts the hashes in place and compares neighbours by their two 32-bit halves. */
export function pairwiseDifferentBySort(hashes: BigUint64Array): boolean {
  const sorted = hashes.sort();
  const words = new Uint32Array(sorted.buffer, sorted.byteOffset, sorted.length * 2);
  for (let i = 1; i < sorted.length; i++) if (words[2 * i] === words[2 * i - 2] && words[2 * i + 1] === words[2 * i - 1]) return false;
  return true;
}
