"""Round 8: scikit-learn's LogisticRegression after StandardScaler on the benchmark's splits, for a few C.

usage: logreg_check.py DATA_DIR SPLITS [DATASET ...]   (default iris wine; DATA_DIR as written by datasets.py)

Prints the mean test accuracy over splits 0..19, 20..SPLITS-1 and all of them, so that a weakly penalised linear model
(large C) can be compared with the benchmark's systems on fresh splits (docs/defaults.md, round 8).
"""
import csv
import statistics
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler


def load(path):
    rows = list(csv.reader(open(path)))
    label = rows[0].index("y")
    x = np.array([[float(v) for j, v in enumerate(r) if j != label] for r in rows[1:]])
    return x, np.array([r[label] for r in rows[1:]])


def main(data_dir, splits, names):
    for name in names:
        for c in (1, 10, 100):
            accuracies = []
            for k in range(splits):
                x, y = load(f"{data_dir}/{name}/split{k}.train.csv")
                xt, yt = load(f"{data_dir}/{name}/split{k}.test.csv")
                scaler = StandardScaler().fit(x)
                model = LogisticRegression(C=c, max_iter=5000).fit(scaler.transform(x), y)
                accuracies.append((model.predict(scaler.transform(xt)) == yt).mean())
            parts = [f"0-19 {statistics.mean(accuracies[:20]):.4f}"]
            if splits > 20:
                parts.append(f"20-{splits - 1} {statistics.mean(accuracies[20:]):.4f}")
            print(f"{name} C={c}: " + ", ".join(parts) + f", all {statistics.mean(accuracies):.4f}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3:] or ["iris", "wine"])
