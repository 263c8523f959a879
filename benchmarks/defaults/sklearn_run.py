"""Exports the defaults benchmark's datasets and scores scikit-learn's MLP with its defaults on every split.

usage: sklearn_run.py DATA_DIR RESULTS_JSON [--splits N] [--datasets a,b,c] [--skip-sklearn] [--append]

The MLP (MLPClassifier / MLPRegressor, every option at its default but random_state = the split number) runs after
the preprocessing a scikit-learn user writes: median imputation and standardisation of numeric columns,
most-frequent imputation and one-hot encoding of text columns. Its metric is accuracy (classification) or R²
(regression) on the split's held-out rows; its time is the wall-clock time of fit (preprocessing included).
"""
import json
import sys
import time
import warnings

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.exceptions import ConvergenceWarning
from sklearn.impute import SimpleImputer
from sklearn.metrics import accuracy_score, r2_score
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

import datasets


def frame(columns, names):
    # An object array: Debian has no pandas, and a ColumnTransformer takes column positions as well as names.
    x = np.empty((len(columns[names[0]]), len(names)), dtype=object)
    for i, n in enumerate(names):
        x[:, i] = columns[n]
    return x


def to_float(a):
    return np.asarray(a, dtype=float)


def model(meta, seed):
    parts = []
    numeric = list(range(len(meta["numeric"])))
    categorical = list(range(len(numeric), len(numeric) + len(meta["categorical"])))
    if numeric:
        parts.append(("num", make_pipeline(FunctionTransformer(to_float), SimpleImputer(strategy="median"), StandardScaler()), numeric))
    if categorical:
        parts.append(("cat", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")), categorical))
    mlp = MLPRegressor(random_state=seed) if meta["task"] == "regression" else MLPClassifier(random_state=seed)
    return make_pipeline(ColumnTransformer(parts), mlp)


def score_split(meta, k, x, y, xt, yt, label):
    """Fits the scikit-learn pipeline on split k's training rows and scores its test rows; prints and returns the run."""
    m = model(meta, k)
    start = time.perf_counter()
    m.fit(x, y)
    seconds = time.perf_counter() - start
    p = m.predict(xt)
    value = r2_score(yt, p) if meta["task"] == "regression" else accuracy_score(yt, p)
    print(f"{label}split {k}: {value:.4f} in {seconds:.2f} s ({m[-1].n_iter_} iterations)", flush=True)
    return {"split": k, "metric": float(value), "seconds": seconds, "iterations": int(m[-1].n_iter_)}


def main(argv):
    data_dir, out_path = argv[0], argv[1]
    count = int(argv[argv.index("--splits") + 1]) if "--splits" in argv else 5
    names = argv[argv.index("--datasets") + 1].split(",") if "--datasets" in argv else [n for n in datasets.DATASETS if n != "fmnist_60k"]
    skip = "--skip-sklearn" in argv
    warnings.simplefilter("ignore", ConvergenceWarning)
    results = json.load(open(out_path)) if "--append" in argv else {}
    for name in names:
        meta, columns, y = datasets.export(name, data_dir, count)
        print(f"{name}: {meta['rows']} rows, {meta['task']}", flush=True)
        if skip:
            continue
        x = frame(columns, meta["numeric"] + meta["categorical"])
        y = np.asarray(y)
        runs = []
        for k, test in enumerate(meta["splits"]):
            test = np.array(test)
            train = np.setdiff1d(np.arange(len(y)), test)
            runs.append(score_split(meta, k, x[train], y[train], x[test], y[test], "  "))
        results[name] = {"task": meta["task"], "metric": "R2" if meta["task"] == "regression" else "Accuracy", "runs": runs}
        json.dump(results, open(out_path, "w"), indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])
