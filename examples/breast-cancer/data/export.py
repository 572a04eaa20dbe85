#!/usr/bin/python3
"""Export the Breast Cancer Wisconsin (Diagnostic) data set to train.csv / holdout.csv.

Run once with Debian's Python (it bundles scikit-learn and the data set):

    /usr/bin/python3 examples/breast-cancer/data/export.py

The output is deterministic: a stratified 70/30 split with a fixed seed.
"""
import csv
import os

import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split

SEED = 20240601
HOLDOUT_FRACTION = 0.3
HERE = os.path.dirname(os.path.abspath(__file__))


def snake(name):
    """'mean concave points' -> 'mean_concave_points'."""
    return name.strip().lower().replace(" ", "_")


def main():
    data = load_breast_cancer()
    features = [snake(n) for n in data.feature_names]
    X = data.data
    # scikit-learn codes the target as 0 = malignant, 1 = benign; we want 1 = malignant.
    malignant = (data.target == 0).astype(int)
    ids = np.array([f"P{i + 1:06d}" for i in range(len(X))])  # original row order

    idx_train, idx_holdout = train_test_split(
        np.arange(len(X)), test_size=HOLDOUT_FRACTION, stratify=malignant, random_state=SEED
    )
    idx_train, idx_holdout = np.sort(idx_train), np.sort(idx_holdout)

    # Derived categorical column for slicing: mean_area tertiles of the TRAINING rows.
    area = X[:, features.index("mean_area")]
    # Cut-offs are rounded to 0.1 (mean_area itself has one decimal) so they read cleanly.
    low, high = (round(float(q), 1) for q in np.quantile(area[idx_train], [1 / 3, 2 / 3]))

    def band(a):
        return "small" if a <= low else ("medium" if a <= high else "large")

    header = ["id"] + features + ["size_band", "malignant"]
    for name, rows in (("train.csv", idx_train), ("holdout.csv", idx_holdout)):
        with open(os.path.join(HERE, name), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            for i in rows:
                w.writerow([ids[i]] + [repr(float(v)) for v in X[i]] + [band(area[i]), malignant[i]])
        print(f"{name}: {len(rows)} rows, {int(malignant[rows].sum())} malignant")
    print(f"size_band cut-offs on mean_area (training tertiles): small <= {low!r} < medium <= {high!r} < large")


if __name__ == "__main__":
    main()
