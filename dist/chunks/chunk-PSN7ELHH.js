import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  digitsToTellApart
} from "./chunk-DRKOEN4Q.js";
import {
  normalUpperTail
} from "./chunk-65D4D4NJ.js";
import {
  chiSquareSf
} from "./chunk-VHYSKZ3L.js";
import {
  quantileSorted
} from "./chunk-PXOP5VPA.js";

// shared/drift/choose-test.ts
var MAX_CATEGORICAL_NUMERIC_VALUES = 5;
function chooseTest(numeric, distinctValues) {
  if (distinctValues <= 2) return "z";
  if (numeric && distinctValues > MAX_CATEGORICAL_NUMERIC_VALUES) return "ks";
  return "chi2";
}

// shared/stats/binning.ts
var MAX_VALUE_BINS = 20;
var QUANTILE_BINS = 10;
function shareBins(reference, current) {
  const values = distinctUpTo([reference, current], MAX_VALUE_BINS);
  if (values) {
    const edges2 = values.slice(0, -1);
    return { kind: "values", edges: edges2, reference: countBins(reference, edges2), current: countBins(current, edges2) };
  }
  const edges = [];
  for (let k = 1; k < QUANTILE_BINS; k++) {
    const edge = quantileSorted(reference, k / QUANTILE_BINS);
    if (edges.length === 0 || edge > edges.at(-1)) edges.push(edge);
  }
  return { kind: "quantiles", edges, reference: countBins(reference, edges), current: countBins(current, edges) };
}
function distinctUpTo(samples, limit) {
  const seen = /* @__PURE__ */ new Set();
  for (const sample of samples) {
    for (let i = 0; i < sample.length; i++) {
      const v = sample[i] === 0 ? 0 : sample[i];
      if (i > 0 && v === sample[i - 1]) continue;
      seen.add(v);
      if (seen.size > limit) return void 0;
    }
  }
  return [...seen].sort((a, b) => a - b);
}
function countBins(sorted, edges) {
  const counts = [];
  let start = 0;
  for (const edge of edges) {
    const end = upperBound(sorted, edge, start);
    counts.push(end - start);
    start = end;
  }
  counts.push(sorted.length - start);
  return counts;
}
function upperBound(sorted, x, from) {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// shared/stats/divergence.ts
var PSI_EMPTY_SHARE = 1e-4;
function psi(referenceCounts, currentCounts) {
  const r = shares(referenceCounts);
  const c = shares(currentCounts);
  let sum2 = 0;
  for (let i = 0; i < r.length; i++) {
    const ri = r[i] === 0 ? PSI_EMPTY_SHARE : r[i];
    const ci = c[i] === 0 ? PSI_EMPTY_SHARE : c[i];
    sum2 += (ci - ri) * Math.log(ci / ri);
  }
  return sum2;
}
function jensenShannonDistance(referenceCounts, currentCounts) {
  const p = shares(referenceCounts);
  const q = shares(currentCounts);
  let left = 0;
  let right = 0;
  for (let i = 0; i < p.length; i++) {
    const m = (p[i] + q[i]) / 2;
    if (p[i] > 0) left += p[i] * Math.log(p[i] / m);
    if (q[i] > 0) right += q[i] * Math.log(q[i] / m);
  }
  const js = (left + right) / Math.LN2;
  return Math.sqrt(Math.max(0, js) / 2);
}
function shares(counts) {
  let total = 0;
  for (const c of counts) total += c;
  return counts.map((c) => c / total);
}

// shared/stats/kolmogorov.ts
var SCALE_EXP = 128;
var SCALE = 2 ** SCALE_EXP;
var INV_SCALE = 2 ** -SCALE_EXP;
var MIN_LOG = -708;
var SQRT2PI = Math.sqrt(2 * Math.PI);
var LOG_2PI = Math.log(2 * Math.PI);
var STIRLING = [-0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 8417508417508417e-19, -5952380952380953e-19, 7936507936507937e-19, -0.002777777777777778, 0.08333333333333333];
var SMIRNOV_MAX_EXACT_N = 1e6;
var clip = (p) => Math.min(1, Math.max(0, p));
function kolmogorovSf(x, n) {
  if (!Number.isInteger(n) || n <= 0 || Number.isNaN(x)) return Number.NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    let cdf2;
    if (n <= 140) {
      cdf2 = 1;
      for (let i = 1; i <= n; i++) cdf2 *= i * (1 / n) * (2 * t - 1);
    } else {
      cdf2 = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return clip(1 - cdf2);
  }
  if (t >= n - 1) return clip(2 * (1 - x) ** n);
  if (x >= 0.5) return clip(2 * smirnovSf(n, x));
  const nxx = t * x;
  if (n <= 140) {
    if (nxx <= 0.754693) return clip(1 - durbinCdf(n, x));
    if (nxx <= 4) return clip(1 - pomeranzCdf(n, x));
    return clip(2 * smirnovSf(n, x));
  }
  if (nxx >= 370) return 0;
  if (nxx >= 2.2) return clip(2 * smirnovSf(n, x));
  let cdf;
  if (nxx >= 18) cdf = 1;
  else if (n <= 1e5 && n * x ** 1.5 <= 1.4) cdf = durbinCdf(n, x);
  else cdf = pelzGoodCdf(n, x);
  return clip(1 - cdf);
}
function logFactorialOverPower(n) {
  const rn = 1 / n;
  let poly = 0;
  for (const c of STIRLING) poly = poly * (rn / n) + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}
function durbinCdf(n, d) {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  let H = new Float64Array(m * m);
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] = (1 - h ** j) * fac;
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * fac;
  for (let i = 1; i < m; i++) for (let r = i - 1; r < m; r++) H[r * m + i] = w[r - i + 1];
  for (let r = 0; r < m; r++) H[r * m] = v[r];
  for (let c = 0; c < m; c++) H[(m - 1) * m + c] = v[m - 1 - c];
  let power = identity(m);
  let nn = n;
  let exponent = 0;
  let hExponent = 0;
  while (nn > 0) {
    if (nn % 2) {
      power = matmul(power, H, m);
      exponent += hExponent;
    }
    H = matmul(H, H, m);
    hExponent *= 2;
    if (Math.abs(H[(k - 1) * m + (k - 1)]) > SCALE) {
      for (let i = 0; i < H.length; i++) H[i] /= SCALE;
      hExponent += SCALE_EXP;
    }
    nn = Math.floor(nn / 2);
  }
  let p = power[(k - 1) * m + (k - 1)];
  for (let i = 1; i <= n; i++) {
    p = i * p / n;
    if (Math.abs(p) < INV_SCALE) {
      p *= SCALE;
      exponent -= SCALE_EXP;
    }
  }
  return exponent === 0 ? p : p * 2 ** exponent;
}
function identity(m) {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) out[i * m + i] = 1;
  return out;
}
function matmul(a, b, m) {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k];
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j] += aik * b[k * m + j];
    }
  }
  return out;
}
function pomeranzBounds(i, n, ll, ceilf, roundf) {
  let j1;
  let j2;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    if ((i + 1) % 2 === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = half - 1 - ll - roundf - 1;
        j2 = half + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}
function pomeranzCdf(n, x) {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  const gpower = new Float64Array(npwrs);
  const twogpower = new Float64Array(npwrs);
  const onem2gpower = new Float64Array(npwrs);
  gpower[0] = twogpower[0] = onem2gpower[0] = 1;
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = gpower[m - 1] * (g / n) / m;
    twogpower[m] = twogpower[m - 1] * (2 * g / n) / m;
    onem2gpower[m] = onem2gpower[m - 1] * ((1 - 2 * g) / n) / m;
  }
  let v0 = new Float64Array(npwrs);
  let v1 = new Float64Array(npwrs);
  v1[0] = 1;
  let v0s = 0;
  let v1s = 0;
  let exponent = 0;
  let [j1, j2] = pomeranzBounds(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [v0, v1] = [v1, v0];
    [v0s, v1s] = [v1s, v0s];
    v1.fill(0);
    [j1, j2] = pomeranzBounds(i, n, ll, ceilf, roundf);
    const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      const base = k1 - v0s;
      const start = j1 - k1;
      const len = j2 - j1 + 1;
      let max = 0;
      for (let o = 0; o < len; o++) {
        const idx = start + o;
        let sum2 = 0;
        for (let a = Math.max(0, idx - ln2 + 1); a <= Math.min(idx, ln2 - 1); a++) sum2 += v0[base + a] * pwrs[idx - a];
        v1[o] = sum2;
        if (sum2 > max) max = sum2;
      }
      if (max > 0 && max < INV_SCALE) {
        for (let o = 0; o < npwrs; o++) v1[o] *= SCALE;
        exponent -= SCALE_EXP;
      }
      v1s = v0s + j1 - k1;
    }
  }
  let ans = v1[n - v1s];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(ans) > SCALE) {
      ans *= INV_SCALE;
      exponent += SCALE_EXP;
    }
    ans *= m;
  }
  return exponent === 0 ? ans : ans * 2 ** exponent;
}
function pelzGoodCdf(n, x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const qlog = -(Math.PI ** 2) / 8 / z2;
  if (qlog < MIN_LOG) return 0;
  let q = Math.exp(qlog);
  const pi2 = Math.PI ** 2;
  const pi4 = Math.PI ** 4;
  const pi6 = Math.PI ** 6;
  const k1a = -z2;
  const k1b = pi2 / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = (2 * z4 - 5 * z2) * pi2 / 4;
  const k2c = pi4 * (1 - 2 * z2) / 16;
  const k3d = pi6 * (5 - 30 * z2) / 64;
  const k3c = pi4 * (-60 * z2 + 212 * z4) / 16;
  const k3b = pi2 * (135 * z4 - 96 * z6) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;
  const K = [0, 0, 0, 0];
  const maxk = Math.ceil(16 * z / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m * m;
    const m4 = m2 * m2;
    const m6 = m4 * m2;
    const qpower = q ** (8 * k);
    const coeffs = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
    for (let i = 0; i < 4; i++) K[i] = K[i] * qpower + coeffs[i];
  }
  const divisors = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) K[i] = K[i] * q * SQRT2PI / divisors[i];
  q = Math.exp(-pi2 / 2 / z2);
  let k2extra = 0;
  let k3extra = 0;
  const sqrt3z = Math.sqrt(3) * z;
  for (let k = maxk; k > 0; k--) {
    const k2 = k * k;
    const qp = q ** k2;
    k2extra += k2 * qp;
    const kpi = Math.PI * k;
    k3extra += (sqrt3z + kpi) * (sqrt3z - kpi) * k2 * qp;
  }
  K[2] += k2extra * pi2 * SQRT2PI / (-36 * z ** 3);
  K[3] += k3extra * pi2 * SQRT2PI / (216 * z6);
  let sum2 = 0;
  for (let i = 0; i < 4; i++) sum2 += K[i] / n ** (i / 2);
  return sum2;
}
function smirnovSf(n, x) {
  if (n === 1) return 1 - x;
  if (x <= 0) return 1;
  if (x >= 1) return 0;
  const nx = n * x;
  if (nx <= 1) return 1 - x * (1 + x) ** (n - 1);
  if (-2 * n * x * x < MIN_LOG) return 0;
  if (Math.floor(nx) >= n - 1) return (1 - x) ** n;
  if (n > SMIRNOV_MAX_EXACT_N) {
    const logp = -((6 * n * x + 1) ** 2) / 18 / n;
    return logp < -Math.LN2 ? Math.exp(logp) : 1 + Math.expm1(logp);
  }
  const last = Math.ceil(n * (1 - x)) - 1;
  let sum2 = 0;
  let compensation = 0;
  let logChoose = 0;
  let previous = Number.POSITIVE_INFINITY;
  for (let j = 0; j <= last; j++) {
    if (j > 0) logChoose += Math.log((n - j + 1) / j);
    const upper = 1 - x - j / n;
    if (upper <= 0) break;
    const term = Math.exp(logChoose + (j - 1) * Math.log(x + j / n) + (n - j) * Math.log(upper));
    const y = term - compensation;
    const s = sum2 + y;
    compensation = s - sum2 - y;
    sum2 = s;
    if (term < previous && term < sum2 * 1e-18) break;
    previous = term;
  }
  return Math.min(1, Math.max(0, x * sum2));
}

// shared/stats/ks.ts
var MAX_AUTO_EXACT_N = 1e4;
var INT32_MAX = 2147483647;
function ksStatistic(a, b) {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let maxDiff = Number.NEGATIVE_INFINITY;
  let minDiff = Number.POSITIVE_INFINITY;
  while (i < n1 || j < n2) {
    const v = i < n1 && (j >= n2 || a[i] <= b[j]) ? a[i] : b[j];
    while (i < n1 && a[i] <= v) i++;
    while (j < n2 && b[j] <= v) j++;
    const diff = i / n1 - j / n2;
    if (diff > maxDiff) maxDiff = diff;
    if (diff < minDiff) minDiff = diff;
  }
  const minS = Math.min(1, Math.max(0, -minDiff));
  return minS > maxDiff ? minS : maxDiff;
}
function ks2Samp(a, b, statistic) {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) throw new RangeError("ks2Samp: both samples need at least one value");
  let d = statistic ?? ksStatistic(a, b);
  const g = gcd(n1, n2);
  const n1g = n1 / g;
  const n2g = n2 / g;
  let method = Math.max(n1, n2) <= MAX_AUTO_EXACT_N ? "exact" : "asymp";
  let p = Number.NaN;
  if (method === "exact" && n1g >= INT32_MAX / n2g) method = "asymp";
  if (method === "exact") {
    const lcm = n1g * n2;
    const h = roundHalfEven(d * lcm);
    d = h / lcm;
    if (h === 0) p = 1;
    else p = n1 === n2 ? outsideSquare(n1, h) : outsideCorridor(n1, n2, g, h);
    if (!(p >= 0 && p <= 1)) method = "asymp";
  }
  if (method === "asymp") {
    const big = Math.max(n1, n2);
    const small = Math.min(n1, n2);
    const en = big * small / (big + small);
    p = kolmogorovSf(d, roundHalfEven(en));
  }
  return { statistic: d, pValue: Math.min(1, Math.max(0, p)), method };
}
function outsideSquare(n, h) {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let term = 1;
    for (let j = 0; j < h; j++) term = (n - k * h - j) * term / (n + k * h + j + 1);
    p = term * (1 - p);
  }
  return 2 * p;
}
function outsideCorridor(n1, n2, g, h) {
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const column = new Float64Array(Math.min(2 * maxj + 2, n + 1)).fill(1);
  column.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let value = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      value = (column[jj + minj - lastminj] * i + value * j) / (i + j);
      column[jj] = value;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) column.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return column[maxj - minj - 1];
}
function gcd(a, b) {
  while (b) [a, b] = [b, a % b];
  return a;
}
function roundHalfEven(x) {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

// shared/stats/ecdf-walk.ts
function ksAndWasserstein(a, b) {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let maxDiff = Number.NEGATIVE_INFINITY;
  let minDiff = Number.POSITIVE_INFINITY;
  let sum2 = 0;
  let compensation = 0;
  let previous = Math.min(a[0], b[0]);
  while (i < n1 || j < n2) {
    const v = i < n1 && (j >= n2 || a[i] <= b[j]) ? a[i] : b[j];
    const term = Math.abs(i / n1 - j / n2) * (v - previous);
    const y = term - compensation;
    const s = sum2 + y;
    compensation = s - sum2 - y;
    sum2 = s;
    previous = v;
    while (i < n1 && a[i] <= v) i++;
    while (j < n2 && b[j] <= v) j++;
    const diff = i / n1 - j / n2;
    if (diff > maxDiff) maxDiff = diff;
    if (diff < minDiff) minDiff = diff;
  }
  const minS = Math.min(1, Math.max(0, -minDiff));
  return { ks: minS > maxDiff ? minS : maxDiff, wasserstein: sum2 };
}

// shared/stats/wasserstein.ts
function standardDeviation(values) {
  const n = values.length;
  if (n === 0) return Number.NaN;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  return Math.sqrt(ss / n);
}
var MIN_NORM_SD = 1e-3;

// shared/stats/chi2.ts
var MIN_EXPECTED = 5;
var RARE_CATEGORY = "(rare)";
function chiSquareHomogeneity(categories, reference, current) {
  const { names, ref, cur, merged } = mergeRare(categories, reference, current);
  if (names.length < 2) return { statistic: 0, pValue: 1, dof: 0, categories: names, table: [ref, cur], merged };
  const statistic = chiSquareStatistic(ref, cur);
  const dof = names.length - 1;
  return { statistic, pValue: chiSquareSf(statistic, dof), dof, categories: names, table: [ref, cur], merged };
}
function chiSquareStatistic(ref, cur) {
  const n1 = sum(ref);
  const n2 = sum(cur);
  const total = n1 + n2;
  let statistic = 0;
  for (let j = 0; j < ref.length; j++) {
    const column = ref[j] + cur[j];
    const e1 = n1 * column / total;
    const e2 = n2 * column / total;
    statistic += (ref[j] - e1) ** 2 / e1 + (cur[j] - e2) ** 2 / e2;
  }
  return statistic;
}
function mergeRare(categories, reference, current) {
  const n1 = sum(reference);
  const n2 = sum(current);
  const total = n1 + n2;
  const smallerRow = Math.min(n1, n2);
  const names = [];
  const ref = [];
  const cur = [];
  const merged = [];
  let rareRef = 0;
  let rareCur = 0;
  categories.forEach((name, j) => {
    const column = reference[j] + current[j];
    if (column === 0) return;
    if (smallerRow * column / total < MIN_EXPECTED) {
      merged.push(name);
      rareRef += reference[j];
      rareCur += current[j];
      return;
    }
    names.push(name);
    ref.push(reference[j]);
    cur.push(current[j]);
  });
  if (merged.length > 0) {
    const expected = smallerRow * (rareRef + rareCur) / total;
    if (expected >= MIN_EXPECTED || names.length === 0) {
      names.push(RARE_CATEGORY);
      ref.push(rareRef);
      cur.push(rareCur);
    } else {
      let smallest = 0;
      for (let j = 1; j < names.length; j++) if (ref[j] + cur[j] < ref[smallest] + cur[smallest]) smallest = j;
      names[smallest] = `${names[smallest]} + ${RARE_CATEGORY}`;
      ref[smallest] += rareRef;
      cur[smallest] += rareCur;
    }
  }
  return { names, ref, cur, merged };
}
function sum(values) {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

// shared/stats/proportions.ts
function twoProportionZTest(successes1, n1, successes2, n2) {
  const pooled = (successes1 + successes2) / (n1 + n2);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (!(variance > 0)) return { statistic: 0, pValue: 1 };
  const z = (successes1 / n1 - successes2 / n2) / Math.sqrt(variance);
  return { statistic: z, pValue: Math.min(1, 2 * normalUpperTail(Math.abs(z))) };
}

// shared/drift/categorical.ts
var MAX_HISTOGRAM_CATEGORIES = 12;
function countCategories(values) {
  const counts = /* @__PURE__ */ new Map();
  let missing = 0;
  for (const value of values) {
    if (value === null) missing++;
    else counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return { counts, missing };
}
function categoricalMeasure(column, role, test, reference, current) {
  const categories = [.../* @__PURE__ */ new Set([...reference.counts.keys(), ...current.counts.keys()])].sort();
  const ref = categories.map((c) => reference.counts.get(c) ?? 0);
  const cur = categories.map((c) => current.counts.get(c) ?? 0);
  const nRef = ref.reduce((a, b) => a + b, 0);
  const nCur = cur.reduce((a, b) => a + b, 0);
  let statistic;
  let pValue;
  let merged;
  if (test === "z") {
    const z = categories.length === 2 ? twoProportionZTest(ref[1], nRef, cur[1], nCur) : { statistic: 0, pValue: 1 };
    statistic = z.statistic;
    pValue = z.pValue;
  } else {
    const chi = chiSquareHomogeneity(categories, ref, cur);
    statistic = chi.statistic;
    pValue = chi.pValue;
    merged = chi.merged.length > 0 ? chi.merged : void 0;
  }
  const js = jensenShannonDistance(ref, cur);
  return {
    column,
    role,
    type: "categorical",
    test: test === "ks" ? "chi2" : test,
    statistic,
    p_value: pValue,
    effect: { measure: "js", value: js },
    psi: psi(ref, cur),
    js,
    reference_values: nRef,
    current_values: nCur,
    reference_missing: reference.missing,
    current_missing: current.missing,
    distinct_reference: reference.counts.size,
    ...merged ? { merged_categories: merged } : {},
    histogram: categoryHistogram(categories, ref, cur, nRef, nCur)
  };
}
function categoryHistogram(categories, ref, cur, nRef, nCur) {
  const order = categories.map((_, i) => i).sort((a, b) => ref[b] + cur[b] - (ref[a] + cur[a]) || a - b);
  const shown = order.slice(0, MAX_HISTOGRAM_CATEGORIES);
  const rest = order.slice(MAX_HISTOGRAM_CATEGORIES);
  const view = {
    labels: shown.map((i) => categories[i]),
    reference: shown.map((i) => ref[i] / Math.max(1, nRef)),
    current: shown.map((i) => cur[i] / Math.max(1, nCur))
  };
  if (rest.length > 0) {
    view.labels.push("(other)");
    view.reference.push(rest.reduce((s, i) => s + ref[i], 0) / Math.max(1, nRef));
    view.current.push(rest.reduce((s, i) => s + cur[i], 0) / Math.max(1, nCur));
  }
  return view;
}

// shared/drift/numeric.ts
function distinctSorted(sorted) {
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  return distinct;
}
function numericMeasure(column, role, test, reference, current) {
  if (test !== "ks") return categoricalMeasure(column, role, test, valueCounts(reference), valueCounts(current));
  const walk = ksAndWasserstein(reference.sorted, current.sorted);
  const ks = ks2Samp(reference.sorted, current.sorted, walk.ks);
  const referenceSd = standardDeviation(reference.sorted);
  const w = { distance: walk.wasserstein, normed: walk.wasserstein / Math.max(referenceSd, MIN_NORM_SD) };
  const bins = shareBins(reference.sorted, current.sorted);
  return {
    column,
    role,
    type: "numeric",
    test,
    statistic: ks.statistic,
    p_value: ks.pValue,
    ks_method: ks.method,
    effect: { measure: "wasserstein_normed", value: w.normed },
    wasserstein: w.distance,
    wasserstein_normed: w.normed,
    psi: psi(bins.reference, bins.current),
    js: jensenShannonDistance(bins.reference, bins.current),
    reference_values: reference.sorted.length,
    current_values: current.sorted.length,
    reference_missing: reference.nan,
    current_missing: current.nan,
    histogram: binsHistogram(bins)
  };
}
function valueCounts(sample) {
  const counts = /* @__PURE__ */ new Map();
  for (let i = 0; i < sample.sorted.length; i++) {
    const key = String(sample.sorted[i] === 0 ? 0 : sample.sorted[i]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { counts, missing: sample.nan };
}
function binsHistogram(bins) {
  const nRef = bins.reference.reduce((a, b) => a + b, 0);
  const nCur = bins.current.reduce((a, b) => a + b, 0);
  const precision = (x, digits2) => Number(x.toPrecision(digits2)).toString();
  const digits = digitsToTellApart(bins.edges, precision, 4, 15);
  const fmt = (x) => precision(x, digits);
  const labels = bins.kind === "values" ? [...bins.edges.map(fmt), bins.edges.length ? `>${fmt(bins.edges.at(-1))}` : "all"] : bins.edges.length === 0 ? ["all"] : [`\u2264${fmt(bins.edges[0])}`, ...bins.edges.slice(1).map((e, i) => `${fmt(bins.edges[i])}\u2013${fmt(e)}`), `>${fmt(bins.edges.at(-1))}`];
  return { labels, reference: bins.reference.map((c) => c / Math.max(1, nRef)), current: bins.current.map((c) => c / Math.max(1, nCur)) };
}

// shared/stats/radix-sort.ts
var DIGIT_BITS = 16;
var BUCKETS = 1 << DIGIT_BITS;
var MASK = BUCKETS - 1;
function sortFloat64(values) {
  const n = values.length;
  if (n < 2048) return Float64Array.from(values).sort();
  let src = new Uint32Array(2 * n);
  new Float64Array(src.buffer).set(values);
  for (let i = 0; i < n; i++) {
    const hi = src[2 * i + 1];
    if (hi & 2147483648) {
      src[2 * i] = ~src[2 * i] >>> 0;
      src[2 * i + 1] = ~hi >>> 0;
    } else {
      src[2 * i + 1] = (hi | 2147483648) >>> 0;
    }
  }
  let dst = new Uint32Array(2 * n);
  const counts = new Uint32Array(BUCKETS);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? 0 : 1;
    const shift = pass % 2 * DIGIT_BITS;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[src[2 * i + word] >>> shift & MASK]++;
    if (counts[src[word] >>> shift & MASK] === n) continue;
    let sum2 = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[b];
      counts[b] = sum2;
      sum2 += c;
    }
    for (let i = 0; i < n; i++) {
      const lo = src[2 * i];
      const hi = src[2 * i + 1];
      const d = counts[(word === 0 ? lo : hi) >>> shift & MASK]++;
      dst[2 * d] = lo;
      dst[2 * d + 1] = hi;
    }
    [src, dst] = [dst, src];
  }
  for (let i = 0; i < n; i++) {
    const hi = src[2 * i + 1];
    if (hi & 2147483648) {
      src[2 * i + 1] = (hi & 2147483647) >>> 0;
    } else {
      src[2 * i] = ~src[2 * i] >>> 0;
      src[2 * i + 1] = ~hi >>> 0;
    }
  }
  return new Float64Array(src.buffer);
}

// shared/drift/sample.ts
function splitNaN(values) {
  let nan = 0;
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) nan++;
  const finite = new Float64Array(values.length - nan);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) finite[k++] = values[i];
  return { sorted: sortFloat64(finite), nan };
}

// shared/drift/numeric-column.ts
function measureNumericColumn(task) {
  const reference = splitNaN(task.reference);
  const current = splitNaN(task.current);
  if (current.sorted.length === 0) return { empty: "current" };
  if (reference.sorted.length === 0) return { empty: "reference" };
  const test = task.requested === "auto" ? chooseTest(true, distinctSorted(reference.sorted)) : task.requested;
  return { measure: numericMeasure(task.name, task.role, test, reference, current) };
}

export {
  psi,
  jensenShannonDistance,
  countCategories,
  categoricalMeasure,
  chooseTest,
  countBins,
  kolmogorovSf,
  roundHalfEven,
  MIN_NORM_SD,
  distinctSorted,
  numericMeasure,
  valueCounts,
  binsHistogram,
  splitNaN,
  measureNumericColumn
};
