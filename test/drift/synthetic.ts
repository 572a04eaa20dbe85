/** Mirror of `synthetic` in test/fixtures/drift/generate.py: exact double arithmetic, so both sides see identical values. */
export type Recipe = [n: number, seed: number, shape: 'uniform' | 'square' | 'cubic' | 'integers' | 'wide-integers', shift: number];

export function synthetic([n, seed, shape, shift]: Recipe): Float64Array {
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const u = ((k + seed) * 2654435761) % 2 ** 32 / 2 ** 32;
    let x: number;
    if (shape === 'uniform') x = u;
    else if (shape === 'square') x = u * u * 4.0;
    else if (shape === 'cubic') {
      const c = u - 0.5;
      x = c * c * c * 8.0;
    } else if (shape === 'integers') x = Math.floor(u * 7.0);
    else x = Math.floor(u * 97.0);
    out[k] = x + shift;
  }
  return out;
}
