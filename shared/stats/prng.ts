/**
 * xoshiro128** (Blackman & Vigna, 2018), seeded through splitmix32, so a bootstrap is
 * reproducible from one integer seed and the same stream can be replayed outside JavaScript
 * (test/fixtures/stats/generate.py re-implements it to check our bootstrap against NumPy).
 */
export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    let state = seed >>> 0;
    const next = () => {
      // splitmix32
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    // State words are kept as int32 (| 0): uint32 values above 2^31 would be boxed as heap
    // numbers on every store, which made each draw allocate.
    this.s0 = next() | 0;
    this.s1 = next() | 0;
    this.s2 = next() | 0;
    this.s3 = next() | 0;
  }

  /** The generator at a given state (four 32-bit words, as `state()` returns them). */
  static fromState(state: ArrayLike<number>): Xoshiro128 {
    const rng = new Xoshiro128(0);
    rng.restore(state);
    return rng;
  }

  /** The four state words (a copy). */
  state(): Int32Array {
    return Int32Array.of(this.s0, this.s1, this.s2, this.s3);
  }

  /** Puts the generator back at a state `state()` returned. */
  restore(state: ArrayLike<number>): void {
    this.s0 = state[0]! | 0;
    this.s1 = state[1]! | 0;
    this.s2 = state[2]! | 0;
    this.s3 = state[3]! | 0;
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    this.s2 = s2 ^ t;
    this.s3 = rotl(s3, 11);
    return result;
  }

  /** A uniform double in [0, 1) with 53 random bits (two draws). */
  nextDouble(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** A uniform integer in [0, n): floor(nextDouble() * n); the bias is below 2^-53 * n. */
  nextIndex(n: number): number {
    return Math.floor(this.nextDouble() * n);
  }

  /**
   * Adds one to counts[nextIndex(counts.length)], `draws` times: the same stream and the same
   * indices as calling nextIndex in a loop, with the generator state held in locals (the
   * bootstrap's hot loop).
   */
  countIndices(counts: Int32Array, draws: number): void {
    const n = counts.length;
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let d = 0; d < draws; d++) {
      const high = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 5;
      let t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      const low = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 6;
      t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      counts[Math.floor(((high * 67108864 + low) / 9007199254740992) * n)]!++;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /**
   * countIndices into one byte per row: the same stream and indices, a quarter of the memory the
   * random increments touch (and the metrics' gathers read). A count above 255 wraps, so this
   * returns true when some row was drawn more than 255 times; the counts are then wrong and the
   * caller redraws from the same state into an Int32Array (see drawCounts).
   */
  countIndicesSmall(counts: Uint8Array, draws: number): boolean {
    const n = counts.length;
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    let seen = 0;
    for (let d = 0; d < draws; d++) {
      const high = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 5;
      let t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      const low = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 6;
      t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      const j = Math.floor(((high * 67108864 + low) / 9007199254740992) * n);
      const count = counts[j]! + 1;
      counts[j] = count;
      seen |= count;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    return seen > 255;
  }
}

/** 32-bit rotate left, as an int32. */
function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Mixes a seed with a label (e.g. a slice name) so that each slice gets its own stream. */
export function deriveSeed(seed: number, label: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return hash >>> 0;
}
