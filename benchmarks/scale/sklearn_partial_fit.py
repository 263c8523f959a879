#!/usr/bin/env python3
"""scikit-learn's MLPClassifier trained the streaming way on a scale CSV: partial_fit on chunks of 10,000 rows read
with NumPy loadtxt on slices of lines (pandas is not installed here), city one-hot by hand, 2 passes over the file,
with nntrainer's defaults (one hidden layer of 100, batch 32, Adam 0.001, L2 0.001). A CPU-time cap ends the loop
between chunks so the benchmark always finishes; the model is then scored on the held-out file as it stands.

    /usr/bin/python3 benchmarks/scale/sklearn_partial_fit.py FILE.csv HOLDOUT.csv [--epochs 2] [--cap-cpu-s 150]

Prints one JSON line: rows trained on, epochs finished, whether the cap stopped it, accuracy on HOLDOUT.
"""
import argparse
import itertools
import json
import time

import numpy as np
from sklearn.neural_network import MLPClassifier

CITIES = np.array(["paris", "lyon", "marseille", "lille", "nantes"])


def parse(lines):
    x = np.loadtxt(lines, delimiter=",", usecols=range(20), dtype=np.float32)
    city = np.array([l.rsplit(",", 2)[1] for l in lines])
    label = np.fromiter((l.rstrip("\n")[-1] == "1" for l in lines), dtype=np.int8, count=len(lines))
    one_hot = (city[:, None] == CITIES[None, :]).astype(np.float32)
    return np.hstack([x, one_hot]), label


def chunks(path, rows):
    with open(path) as f:
        next(f)
        while True:
            lines = list(itertools.islice(f, rows))
            if not lines:
                return
            yield parse(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("holdout")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--chunk", type=int, default=10_000)
    parser.add_argument("--cap-cpu-s", type=float, default=150)
    args = parser.parse_args()
    model = MLPClassifier(hidden_layer_sizes=(100,), batch_size=32, learning_rate_init=0.001, alpha=0.001, random_state=0)
    start = time.process_time()
    rows, epochs, capped = 0, 0, False
    for _ in range(args.epochs):
        for x, y in chunks(args.path, args.chunk):
            model.partial_fit(x, y, classes=[0, 1])
            rows += len(y)
            if time.process_time() - start > args.cap_cpu_s:
                capped = True
                break
        if capped:
            break
        epochs += 1
    x, y = next(chunks(args.holdout, 10 ** 9))
    accuracy = float((model.predict(x) == y).mean())
    print(json.dumps({"rows_trained": rows, "epochs_finished": epochs, "capped": capped, "cap_cpu_s": args.cap_cpu_s,
                      "accuracy": round(accuracy, 4)}))


if __name__ == "__main__":
    main()
