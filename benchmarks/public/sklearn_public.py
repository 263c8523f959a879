"""Scores scikit-learn's MLP with its defaults on the public datasets' splits written by export.py.

usage: sklearn_public.py DATA_DIR RESULTS_JSON [--datasets a,b] [--splits N]

The model is the defaults benchmark's (benchmarks/defaults/sklearn_run.py: median imputation and StandardScaler on
numeric columns, most-frequent imputation and one-hot encoding of text columns, MLPClassifier / MLPRegressor with every
option at its default but random_state = the split number). It reads the very split files the .NET systems read, so
every system sees the same rows. Output: the JSON NNTrainer.Defaults.Bench merges with --sklearn.
"""
import csv
import json
import os
import sys
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "defaults"))
from sklearn_run import score_split  # noqa: E402  (the defaults benchmark's pipeline, shared on purpose)


def read(path, meta):
    with open(path, encoding="utf-8") as f:
        rows = list(csv.reader(f))[1:]
    n_num = len(meta["numeric"])
    x = np.empty((len(rows), n_num + len(meta["categorical"])), dtype=object)
    for i, r in enumerate(rows):
        x[i, :n_num] = [float(v) if v != "" else np.nan for v in r[:n_num]]
        x[i, n_num:] = r[n_num:-1]
    y = [r[-1] for r in rows]
    return x, (np.array(y, dtype=float) if meta["task"] == "regression" else np.array(y))


def main(argv):
    data_dir, out_path = argv[0], argv[1]
    count = int(argv[argv.index("--splits") + 1]) if "--splits" in argv else 5
    names = argv[argv.index("--datasets") + 1].split(",")
    warnings.simplefilter("ignore", ConvergenceWarning)
    results = json.load(open(out_path)) if os.path.exists(out_path) else {}
    for name in names:
        meta = json.load(open(os.path.join(data_dir, name, "meta.json")))
        runs = []
        for k in range(min(count, len(meta["splits"]))):
            x, y = read(os.path.join(data_dir, name, f"split{k}.train.csv"), meta)
            xt, yt = read(os.path.join(data_dir, name, f"split{k}.test.csv"), meta)
            runs.append(score_split(meta, k, x, y, xt, yt, f"{name} "))
        results[name] = {"task": meta["task"], "metric": "R2" if meta["task"] == "regression" else "Accuracy", "runs": runs}
        json.dump(results, open(out_path, "w"), indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])
