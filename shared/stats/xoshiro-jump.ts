/**
 * Jump-ahead for xoshiro128**: the state transition is linear over GF(2), s' = M·s with M a
 * 128 × 128 bit matrix, so the state k outputs later is M^k·s. M^k is applied by square and
 * multiply over the bits of k (about 2·log2 k products of 128 × 128 bit matrices, well under a
 * millisecond), which lets a worker thread start a bootstrap stream at its first resample and
 * produce exactly the draws a single thread would.
 */

/** A 128 × 128 bit matrix as its 128 columns, column j = M·e_j in four int32 words (bit i of word w is state bit 32w + i). */
type BitMatrix = Int32Array;

const WORDS = 4;
const BITS = 128;

/** One step of the state transition (the output function does not touch the state). */
function step(s: Int32Array): void {
  const t = s[1]! << 9;
  s[2] = s[2]! ^ s[0]!;
  s[3] = s[3]! ^ s[1]!;
  s[1] = s[1]! ^ s[2]!;
  s[0] = s[0]! ^ s[3]!;
  s[2] = s[2]! ^ t;
  s[3] = (s[3]! << 11) | (s[3]! >>> 21);
}

/** out = M·v (out must not alias v). */
function apply(m: BitMatrix, v: Int32Array, out: Int32Array, offset = 0): void {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let w = 0; w < WORDS; w++) {
    const word = v[offset + w]!;
    for (let i = 0; i < 32; i++) {
      if (((word >>> i) & 1) === 0) continue;
      const col = (32 * w + i) * WORDS;
      a ^= m[col]!;
      b ^= m[col + 1]!;
      c ^= m[col + 2]!;
      d ^= m[col + 3]!;
    }
  }
  out[0] = a;
  out[1] = b;
  out[2] = c;
  out[3] = d;
}

/** A·B: column j is A·(B's column j). */
function multiply(a: BitMatrix, b: BitMatrix): BitMatrix {
  const out = new Int32Array(BITS * WORDS);
  const column = new Int32Array(WORDS);
  for (let j = 0; j < BITS; j++) {
    apply(a, b, column, j * WORDS);
    out.set(column, j * WORDS);
  }
  return out;
}

function transition(): BitMatrix {
  const m = new Int32Array(BITS * WORDS);
  const s = new Int32Array(WORDS);
  for (let j = 0; j < BITS; j++) {
    s.fill(0);
    s[j >>> 5] = 1 << (j & 31);
    step(s);
    m.set(s, j * WORDS);
  }
  return m;
}

/** M^(2^i), computed on first use. */
const powers: BitMatrix[] = [];

function powerOfTwo(i: number): BitMatrix {
  if (powers.length === 0) powers.push(transition());
  while (powers.length <= i) powers.push(multiply(powers[powers.length - 1]!, powers[powers.length - 1]!));
  return powers[i]!;
}

/**
 * The state `steps` outputs after `state` (four words, as Xoshiro128.state() returns them).
 * @param steps a non-negative integer below 2^53.
 */
export function jumpState(state: ArrayLike<number>, steps: number): Int32Array {
  if (!Number.isSafeInteger(steps) || steps < 0) throw new RangeError(`xoshiro128** jump: ${steps} is not a non-negative safe integer`);
  let v = Int32Array.from({ length: WORDS }, (_, w) => state[w]! | 0);
  let next = new Int32Array(WORDS);
  let rest = steps;
  for (let i = 0; rest > 0; i++) {
    if (rest % 2 === 1) {
      apply(powerOfTwo(i), v, next);
      [v, next] = [next, v];
    }
    rest = Math.floor(rest / 2);
  }
  return v;
}
