#!/usr/bin/python3
"""Null false-alarm rate and power: samples + Evidently's default rule computed with SciPy.

null.py <dir> <sims-spec>: for each (size, shift) writes <dir>/<size>-<shift>.f64 holding, per
simulation, 10 reference columns then 10 current columns (float64, standard normal; the shift in
sd units is added to current column 0 only), and <dir>/meta.json with Evidently's verdicts:
  per column (numeric, > 5 values): reference n <= 1000: KS p < 0.05; else Wasserstein/sd >= 0.1
  data set: any column (the rule most users alert on) and >= 50 % of columns (Evidently's default)
bench.ts then applies our rule (BH-corrected KS AND Wasserstein/sd >= 0.1) to the same samples.
"""
import json
import os
import sys

import numpy as np
from scipy import stats

COLS = 10


def evidently_column(ref, cur):
    if len(ref) <= 1000:
        return stats.ks_2samp(ref, cur).pvalue < 0.05
    norm = max(np.std(ref), 0.001)
    return stats.wasserstein_distance(ref, cur) / norm >= 0.1


def main():
    out = sys.argv[1]
    plan = json.loads(sys.argv[2])  # [[size, sims], ...]
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(20261201)
    cases = []
    for size, sims in plan:
        for shift in (0.0, 0.1, 0.3):
            name = f'{size}-{shift}.f64'
            any_alarm = share_alarm = 0
            with open(os.path.join(out, name), 'wb') as f:
                for _ in range(sims):
                    ref = rng.standard_normal((COLS, size))
                    cur = rng.standard_normal((COLS, size))
                    cur[0] += shift
                    flags = [evidently_column(ref[j], cur[j]) for j in range(COLS)]
                    any_alarm += any(flags)
                    share_alarm += sum(flags) / COLS >= 0.5
                    f.write(np.concatenate([ref, cur]).astype(np.float64).tobytes())
            cases.append({'size': size, 'shift': shift, 'sims': sims, 'file': name, 'evidently_any': any_alarm / sims, 'evidently_share50': share_alarm / sims})
            print(f'size {size} shift {shift}: evidently any {any_alarm}/{sims}, share>=50% {share_alarm}/{sims}', flush=True)
    json.dump({'cols': COLS, 'cases': cases}, open(os.path.join(out, 'meta.json'), 'w'), indent=1)


if __name__ == '__main__':
    main()
