#!/usr/bin/python3
"""SciPy/NumPy side of bench/drift-check (Debian python3, SciPy 1.10).

stats <rows> <cols> <out.json>: ks_2samp + wasserstein_distance + numpy PSI (same bins as ours)
per column, on the same synthetic values as bench.ts; prints time and peak memory.
"""
import json
import resource
import sys
import time

import numpy as np
from scipy import stats

SHAPES = ['uniform', 'square', 'cubic']


def synthetic(n, seed, shape, shift):
    i = np.arange(n, dtype=np.int64) + seed
    u = ((i * 2654435761) % (2 ** 32)).astype(np.float64) / 2.0 ** 32
    if shape == 'uniform':
        x = u
    elif shape == 'square':
        x = u * u * 4.0
    else:
        c = u - 0.5
        x = c * c * c * 8.0
    return x + shift


def psi(ref, cur):
    both = np.unique(np.concatenate([ref, cur]))
    if len(both) <= 20:
        edges = both[:-1]
    else:
        edges = []
        for k in range(1, 10):
            e = float(np.quantile(ref, k / 10))
            if not edges or e > edges[-1]:
                edges.append(e)
        edges = np.array(edges)
    r = np.bincount(np.searchsorted(edges, ref, side='left'), minlength=len(edges) + 1) / len(ref)
    c = np.bincount(np.searchsorted(edges, cur, side='left'), minlength=len(edges) + 1) / len(cur)
    r = np.where(r == 0, 0.0001, r)
    c = np.where(c == 0, 0.0001, c)
    return float(np.sum((c - r) * np.log(c / r)))


def main():
    rows, cols, out = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    results = []
    seconds = 0.0
    for c in range(cols):
        shape = SHAPES[c % 3]
        ref = synthetic(rows, 1 + c, shape, 0.0)
        cur = synthetic(rows, 7919 * (c + 1), shape, 0.01 if c % 2 else 0.0)
        t0 = time.perf_counter()
        ks = stats.ks_2samp(ref, cur)
        w = stats.wasserstein_distance(ref, cur)
        p = psi(ref, cur)
        seconds += time.perf_counter() - t0
        results.append({'column': c, 'ks': float(ks.statistic), 'p': float(ks.pvalue), 'wasserstein': float(w), 'psi': p})
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    json.dump({'seconds': seconds, 'peak_rss_mb': peak, 'results': results}, open(out, 'w'), indent=1)
    print(f'scipy: {rows} rows x {cols} columns: {seconds:.2f} s, peak RSS {peak:.0f} MiB')


if __name__ == '__main__':
    main()
