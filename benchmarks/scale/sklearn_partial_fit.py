#!/usr/bin/env python3
"""scikit-learn's MLPClassifier trained the streaming way on a scale CSV: partial_fit on blocks of 50,000 rows read
with NumPy (one-hot city by hand), 3 passes over the file, hidden layers 128,128 like nntrainer's default.

    /usr/bin/python3 benchmarks/scale/sklearn_partial_fit.py FILE.csv [--epochs 3]
"""
import argparse
import itertools
import time

import numpy as np
from sklearn.neural_network import MLPClassifier

CITIES = ["paris", "lyon", "marseille", "lille", "nantes"]


def blocks(path, rows=50_000):
    with open(path) as f:
        next(f)
        while True:
            lines = list(itertools.islice(f, rows))
            if not lines:
                return
            fields = np.array([l.rstrip("\n").split(",") for l in lines])
            x = fields[:, :20].astype(np.float32)
            city = (fields[:, 20][:, None] == np.array(CITIES)[None, :]).astype(np.float32)
            yield np.hstack([x, city]), fields[:, 21].astype(np.int8)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--epochs", type=int, default=3)
    args = parser.parse_args()
    model = MLPClassifier(hidden_layer_sizes=(128, 128), batch_size=32, random_state=0)
    start = time.perf_counter()
    for _ in range(args.epochs):
        for x, y in blocks(args.path):
            model.partial_fit(x, y, classes=[0, 1])
    print(f"sklearn partial_fit {args.epochs} epochs: {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
