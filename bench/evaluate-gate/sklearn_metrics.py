#!/usr/bin/python3
"""Times scikit-learn's metric functions on predictions written by bench.ts (float64 p1, int32 y)."""
import json
import sys
import time

import numpy as np
from sklearn import metrics

work = sys.argv[1]
p1 = np.fromfile(f"{work}/p1.f64", dtype=np.float64)
y = np.fromfile(f"{work}/y.i32", dtype=np.int32)
best = None
for _ in range(3):
    start = time.perf_counter()
    pred = (p1 > 0.5).astype(np.int32)
    proba = np.column_stack([1 - p1, p1])
    out = {
        "accuracy": metrics.accuracy_score(y, pred),
        "precision": metrics.precision_score(y, pred, zero_division=0),
        "recall": metrics.recall_score(y, pred, zero_division=0),
        "f1": metrics.f1_score(y, pred, zero_division=0),
        "roc_auc": metrics.roc_auc_score(y, p1),
        "log_loss": metrics.log_loss(y, proba, labels=[0, 1]),
    }
    elapsed = time.perf_counter() - start
    best = elapsed if best is None else min(best, elapsed)
print(json.dumps({"seconds": best, "metrics": {k: float(v) for k, v in out.items()}}))
