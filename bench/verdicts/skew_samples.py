#!/usr/bin/python3
"""Skew check under the null: samples, and Evidently's default drift rule computed with SciPy.

skew_samples.py <dir> '<[[reference_rows, current_rows, reps], ...]>'

For each size and repetition writes <dir>/<ref>-<cur>/<rep>-reference.csv and -current.csv, both
drawn from the SAME distributions (seed 20261201), five columns:
  normal      N(0, 1)
  lognormal   exp(N(0, 1))
  poisson     Poisson(2) (integers: the issue's defect 1)
  cat5        5 string levels, shares 0.4 0.25 0.15 0.12 0.08
  cat50       50 string levels, Zipf-like shares (1/(k+1), normalised)
and <dir>/meta.json with Evidently's verdict per column and repetition, its default rule as
Evidently >= 0.4 picks it (ANCHORS.md; evidently/calculations/stattests/registry.py):
  n_values = unique values of reference + current
  reference rows <= 1000: numeric with n_values > 5 -> KS p < 0.05; else chi-square p < 0.05
                          (Z-test for <= 2 values, not needed here)
  reference rows  > 1000: numeric with n_values > 5 -> Wasserstein / std(reference) >= 0.1;
                          else Jensen-Shannon distance >= 0.1 (natural log, zeros filled)
  data set: drift when >= 50 % of columns drift (Evidently's default); we also report "any column".
Floats are written with repr precision, so data-validate reads exactly the values scored here.
"""
import json
import os
import sys

import numpy as np
from scipy import stats
from scipy.spatial import distance

COLUMNS = ['normal', 'lognormal', 'poisson', 'cat5', 'cat50']
CAT5 = np.array([0.4, 0.25, 0.15, 0.12, 0.08])
CAT50 = 1 / np.arange(1, 51)
CAT50 = CAT50 / CAT50.sum()


def draw(rng, n):
    return {
        'normal': rng.standard_normal(n),
        'lognormal': np.exp(rng.standard_normal(n)),
        'poisson': rng.poisson(2.0, n),
        'cat5': np.array([f'c{k}' for k in rng.choice(5, n, p=CAT5)]),
        'cat50': np.array([f'k{k:02d}' for k in rng.choice(50, n, p=CAT50)]),
    }


def shares(ref, cur):
    keys = sorted(set(ref) | set(cur))
    r = np.array([np.sum(ref == k) for k in keys], dtype=float) / len(ref)
    c = np.array([np.sum(cur == k) for k in keys], dtype=float) / len(cur)
    return keys, r, c


def evidently_column(ref, cur, numeric):
    n_values = len(set(ref.tolist()) | set(cur.tolist()))
    if len(ref) <= 1000:
        if numeric and n_values > 5:
            return bool(stats.ks_2samp(ref, cur).pvalue < 0.05)
        keys, r, c = shares(ref, cur)
        f_exp = r * len(cur)
        f_obs = c * len(cur)
        with np.errstate(divide='ignore', invalid='ignore'):
            p = stats.chisquare(f_obs, f_exp).pvalue
        return bool(not (p >= 0.05))  # a category the reference lacks: p is 0 or NaN, drift
    if numeric and n_values > 5:
        norm = max(np.std(ref), 0.001)
        return bool(stats.wasserstein_distance(ref, cur) / norm >= 0.1)
    keys, r, c = shares(ref, cur)
    for v in (r, c):
        nonzero = v[v > 0]
        np.place(v, v == 0, nonzero.min() / 10**6)
    return bool(distance.jensenshannon(r, c) >= 0.1)


def write_csv(path, data, n):
    with open(path, 'w') as f:
        f.write(','.join(COLUMNS) + '\n')
        cols = [data['normal'].tolist(), data['lognormal'].tolist(), data['poisson'].tolist(), data['cat5'].tolist(), data['cat50'].tolist()]
        f.write(''.join(f'{a!r},{b!r},{c},{d},{e}\n' for a, b, c, d, e in zip(*cols)))


def main():
    out = sys.argv[1]
    plan = json.loads(sys.argv[2])
    rng = np.random.default_rng(20261201)
    meta = {'columns': COLUMNS, 'sizes': []}
    for ref_n, cur_n, reps in plan:
        folder = f'{ref_n}-{cur_n}'
        os.makedirs(os.path.join(out, folder), exist_ok=True)
        flags = []
        for rep in range(reps):
            ref = draw(rng, ref_n)
            cur = draw(rng, cur_n)
            write_csv(os.path.join(out, folder, f'{rep}-reference.csv'), ref, ref_n)
            write_csv(os.path.join(out, folder, f'{rep}-current.csv'), cur, cur_n)
            flags.append({c: evidently_column(ref[c], cur[c], c in ('normal', 'lognormal', 'poisson')) for c in COLUMNS})
        per_column = {c: sum(f[c] for f in flags) for c in COLUMNS}
        any_column = sum(any(f.values()) for f in flags)
        share50 = sum(sum(f.values()) / len(COLUMNS) >= 0.5 for f in flags)
        meta['sizes'].append({'reference_rows': ref_n, 'current_rows': cur_n, 'reps': reps, 'folder': folder, 'evidently': {'per_column': per_column, 'any_column': any_column, 'share50': share50}})
        print(f'{folder}: {reps} reps, Evidently per column {per_column}, any {any_column}, >=50% {share50}', flush=True)
    with open(os.path.join(out, 'meta.json'), 'w') as f:
        json.dump(meta, f, indent=1)


if __name__ == '__main__':
    main()
