#!/usr/bin/python3
"""The gate's paired bootstrap, vectorised with NumPy (the issue #14 anchor): the same six binary
metrics (accuracy, precision, recall, f1, roc_auc, log_loss) for candidate and baseline on the
same resamples, each resample a multinomial weight vector from np.bincount, weighted confusion
counts, weighted log loss from per-row losses computed once, and the weighted Mann-Whitney AUC over
the tie groups of a score sorted once.

Usage: bootstrap_numpy.py WORK RESAMPLES SEED [--replay OUT.json]
Reads WORK/y.u8 (truth, 0/1), WORK/candidate.f64 and WORK/baseline.f64 (each [rows, 2]
probabilities, row-major, as our bench hands them to the gate). Prints JSON timings. With
--replay the weights come from our xoshiro128** stream instead (the Python replay from
test/fixtures/stats/generate.py; slow, for small cases) and every resample's values are written,
so they can be compared with ours to 1e-9.
"""
import json
import sys
import time

import numpy as np

EPS = 2.0**-52
MASK = 0xFFFFFFFF


class Xoshiro128:
    """Our generator (shared/stats/prng.ts), as test/fixtures/stats/generate.py replays it."""

    def __init__(self, seed):
        state = seed & MASK
        words = []
        for _ in range(4):
            state = (state + 0x9E3779B9) & MASK
            z = state
            z = ((z ^ (z >> 16)) * 0x85EBCA6B) & MASK
            z = ((z ^ (z >> 13)) * 0xC2B2AE35) & MASK
            words.append((z ^ (z >> 16)) & MASK)
        self.s = words

    def next_uint32(self):
        s = self.s
        rotl = lambda x, k: ((x << k) | (x >> (32 - k))) & MASK
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 9) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 11)
        return result

    def next_index(self, n):
        high = self.next_uint32() >> 5
        low = self.next_uint32() >> 6
        return int(((high * 67108864 + low) / 9007199254740992) * n)


class Model:
    """What does not change between resamples: outcomes, per-row log loss, the sorted score's tie groups."""

    def __init__(self, y, proba):
        pred = (proba[:, 1] > 0.5).astype(np.int64)
        self.outcome = 2 * y + pred  # 0 TN, 1 FP, 2 FN, 3 TP
        self.right = (y == pred).astype(np.float64)
        clipped = np.clip(proba, EPS, 1 - EPS)
        self.loss = -np.log(clipped[np.arange(len(y)), y] / clipped.sum(axis=1))
        score = proba[:, 1] + 0.0  # -0.0 and +0.0 are one score
        self.order = np.argsort(score, kind="stable")
        ranked = score[self.order]
        self.group = np.concatenate(([0], np.cumsum(ranked[1:] != ranked[:-1])))
        self.groups = int(self.group[-1]) + 1
        self.positive = y[self.order].astype(np.float64)

    def metrics(self, w):
        total = w.sum()
        tn, fp, fn, tp = np.bincount(self.outcome, weights=w, minlength=4)
        precision = tp / (tp + fp) if tp + fp > 0 else 0.0
        recall = tp / (tp + fn) if tp + fn > 0 else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
        ranked = w[self.order]
        wp = np.bincount(self.group, weights=ranked * self.positive, minlength=self.groups)
        wn = np.bincount(self.group, weights=ranked, minlength=self.groups) - wp
        below = np.cumsum(wn) - wn
        positives, negatives = wp.sum(), wn.sum()
        auc = (wp * (below + 0.5 * wn)).sum() / (positives * negatives) if positives > 0 and negatives > 0 else np.nan
        return [(w @ self.right) / total, precision, recall, f1, auc, (w @ self.loss) / total]


def main():
    work, resamples, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    replay = sys.argv[5] if len(sys.argv) > 5 and sys.argv[4] == "--replay" else None
    y = np.fromfile(f"{work}/y.u8", dtype=np.uint8).astype(np.int64)
    n = len(y)
    candidate_proba = np.fromfile(f"{work}/candidate.f64", dtype=np.float64).reshape(n, 2)
    baseline_proba = np.fromfile(f"{work}/baseline.f64", dtype=np.float64).reshape(n, 2)

    cpu = time.process_time()
    start = time.perf_counter()
    candidate, baseline = Model(y, candidate_proba), Model(y, baseline_proba)
    setup = time.perf_counter() - start
    rng = np.random.default_rng(seed)
    stream = Xoshiro128(seed) if replay else None
    cand = np.empty((resamples, 6))
    delta = np.empty((resamples, 6))
    start = time.perf_counter()
    for b in range(resamples):
        if stream:
            draws = np.fromiter((stream.next_index(n) for _ in range(n)), dtype=np.int64, count=n)
        else:
            draws = rng.integers(0, n, n)
        w = np.bincount(draws, minlength=n).astype(np.float64)
        c = candidate.metrics(w)
        cand[b] = c
        delta[b] = np.subtract(c, baseline.metrics(w))
    loop = time.perf_counter() - start
    cpu = time.process_time() - cpu
    if replay:
        with open(replay, "w") as f:
            plain = lambda a: [[None if np.isnan(v) else float(v) for v in row] for row in a.T]
            json.dump({"candidate": plain(cand), "delta": plain(delta)}, f)
    print(json.dumps({"rows": n, "resamples": resamples, "setup_s": setup, "resamples_s": loop, "total_s": setup + loop, "cpu_s": cpu}))


if __name__ == "__main__":
    main()
