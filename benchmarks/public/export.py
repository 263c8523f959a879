"""Exports public tables of ML.NET's repository (test/data) to the defaults benchmark's split format.

usage: export.py SOURCE DATA_DIR [--splits N] [--datasets a,b]

SOURCE is a clone or mirror of dotnet/machinelearning (a bare mirror is read with `git show HEAD:test/data/FILE`) or
a folder holding the files themselves. For every dataset DATA_DIR/NAME/ gets what NNTrainer.Defaults.Bench reads
(benchmarks/defaults/datasets.py): split<k>.train.csv / split<k>.test.csv (numeric columns, then text columns, then the
label as `y`; comma-separated) and meta.json (task, columns, classes, the held-out rows of every split). Splits are
stratified (classification) 80/20 with random_state = k, as in the defaults benchmark.

The files are parsed here by their known layout (separator, header, missing markers), not by NNTrainer's sniffing:
the CLI's reading of the raw files is checked separately (benchmarks/public/cli_checks.sh, results in
benchmarks/results/public/cli_checks.md). What a data scientist does before any model is done here for every system
alike: identifier columns (newspaperchurn's SubscriptionID and Address) are dropped, `?` and empty fields are missing,
a column is numeric when every present value is a number.
Commas inside text values are removed ("$  40,000 - $49,999" → "$  40000 - $49999"): ML.NET's TextLoader, which the
catalog systems read the splits with, does not take quoted fields by default, and the category stays the same.
"""
import csv
import json
import os
import subprocess
import sys

import numpy as np
from sklearn.model_selection import ShuffleSplit, StratifiedShuffleSplit

MISSING = {"", "?"}

# name: (files, separator, header, label column, task, dropped columns, comment prefix)
DATASETS = {
    "adult": (["adult.txt"], ", ", True, "label(IsOver50K)", "binary", [], None),
    "housing": (["housing.txt"], "\t", True, "MedianHomeValue", "regression", [], None),
    "credit_approval": (["creditapproval_train.csv"], ",", True, "A16", "binary", [], None),
    "newspaper_churn": (["newspaperchurn.csv"], ",", True, "Subscriber", "binary", ["SubscriptionID", "Address"], None),
    "breast_cancer_uci": (["breast-cancer.txt"], "\t", False, "Label", "binary", [], "//"),
    "iris_uci": (["iris.txt"], "\t", True, "#Label", "multiclass", [], None),
    "generated_regression": (["generated_regression_dataset.csv"], ";", True, "target", "regression", [], None),
    "binary_synth": (["binary_synth_data_train.csv", "binary_synth_data_test.csv"], ",", True, "target", "binary", [], None),
    "mnist_tiny": (["Train-Tiny-28x28.txt", "MNIST.Test.tiny.txt"], "sparse", False, "Label", "multiclass", [], None),
}
BREAST_CANCER = ["Label", "ClumpThickness", "CellSize", "CellShape", "MarginalAdhesion", "EpithelialSize",
                 "BareNuclei", "BlandChromatin", "NormalNucleoli", "Mitoses"]


def read_text(source, name):
    if os.path.isfile(os.path.join(source, name)):
        return open(os.path.join(source, name), encoding="utf-8").read()
    return subprocess.run(["git", "-C", source, "show", f"HEAD:test/data/{name}"], check=True, capture_output=True,
                          text=True).stdout


def rows_of(text, separator, comment):
    lines = [l for l in text.splitlines() if l.strip() and not (comment and l.startswith(comment))]
    if len(separator) == 1:
        return [r for r in csv.reader(lines, delimiter=separator)]
    return [l.split(separator) for l in lines]


def sparse_rows(text):
    # ML.NET's sparse text rows: label, the vector's length, then index:value pairs (0-based).
    rows = []
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = line.split("\t")
        dense = ["0"] * int(parts[1])
        for pair in parts[2:]:
            if pair:
                i, v = pair.split(":")
                dense[int(i)] = v
        rows.append([parts[0]] + dense)
    return rows


def load(source, name):
    files, separator, header, label, task, dropped, comment = DATASETS[name]
    rows, names = [], None
    for f in files:
        text = read_text(source, f)
        part = sparse_rows(text) if separator == "sparse" else rows_of(text, separator, comment)
        if header:
            names, part = [h.strip() for h in part[0]], part[1:]
        rows += part
    if names is None:
        names = BREAST_CANCER if name == "breast_cancer_uci" else ["Label"] + [f"Pixel{i}" for i in range(len(rows[0]) - 1)]
    rows = [[v.strip() for v in r] for r in rows]
    columns = {n: [r[i] for r in rows] for i, n in enumerate(names)}
    y = columns.pop(label)
    for d in dropped:
        columns.pop(d)
    numeric, categorical = [], []
    for n, values in columns.items():
        present = [v for v in values if v not in MISSING]
        (numeric if all(is_number(v) for v in present) else categorical).append(n)
    if task == "regression":
        y = [float(v) for v in y]
    return columns, numeric, categorical, y, task


def is_number(v):
    try:
        float(v)
        return True
    except ValueError:
        return False


def cell(v, numeric):
    if numeric:
        return "" if v in MISSING else v
    return v.replace(",", "")


def write_csv(path, columns, numeric, categorical, y, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write(",".join(safe(n) for n in numeric + categorical) + ",y\n")
        for i in rows:
            f.write(",".join([cell(columns[n][i], True) for n in numeric] + [cell(columns[n][i], False) for n in categorical]
                             + [str(y[i])]) + "\n")


def safe(name):
    # Column names as the split files' header; ML.NET and the CLI take any text, commas aside.
    return name.replace(",", "")


def export(source, name, directory, count):
    return export_table(name, directory, count, *load(source, name))


def export_table(name, directory, count, columns, numeric, categorical, y, task):
    """Writes a parsed table's splits and meta.json (benchmarks/uci/export.py reuses it for ARFF files)."""
    out = os.path.join(directory, name)
    os.makedirs(out, exist_ok=True)
    make = StratifiedShuffleSplit if task != "regression" else ShuffleSplit
    parts = []
    for k in range(count):
        train, test = next(make(n_splits=1, test_size=0.2, random_state=k).split(np.zeros(len(y)), y))
        parts.append((np.sort(train), np.sort(test)))
    meta = {"name": name, "task": task, "label": "y", "rows": len(y), "numeric": [safe(n) for n in numeric],
            "categorical": [safe(n) for n in categorical],
            "classes": sorted(set(y)) if task != "regression" else [], "splits": [p[1].tolist() for p in parts]}
    for k, (train, test) in enumerate(parts):
        write_csv(os.path.join(out, f"split{k}.train.csv"), columns, numeric, categorical, y, train)
        write_csv(os.path.join(out, f"split{k}.test.csv"), columns, numeric, categorical, y, test)
    json.dump(meta, open(os.path.join(out, "meta.json"), "w"))
    return meta, columns, y


def options(argv, datasets):
    """--splits N (default 5), --datasets a,b (default: every one of datasets) and --plain DIR (default None)."""
    count = int(argv[argv.index("--splits") + 1]) if "--splits" in argv else 5
    names = argv[argv.index("--datasets") + 1].split(",") if "--datasets" in argv else list(datasets)
    return count, names, argv[argv.index("--plain") + 1] if "--plain" in argv else None


def export_loaded(name, directory, count, loaded):
    """Writes a table a loader parsed as (columns, numeric, categorical, y, task) and prints its line (uci, mlbench)."""
    columns, numeric, categorical, y, task = loaded
    meta, _, _ = export_table(name, directory, count, columns, numeric, categorical, y, task)
    print(f"{name}: {meta['rows']} rows, {task}, {len(numeric)} numeric and {len(categorical)} nominal columns, "
          f"{len(meta['classes'])} classes", flush=True)


def main(argv):
    source, data_dir = argv[0], argv[1]
    count = int(argv[argv.index("--splits") + 1]) if "--splits" in argv else 5
    names = argv[argv.index("--datasets") + 1].split(",") if "--datasets" in argv else list(DATASETS)
    for name in names:
        meta, _, _ = export(source, name, data_dir, count)
        print(f"{name}: {meta['rows']} rows, {meta['task']}, {len(meta['numeric'])} numeric and "
              f"{len(meta['categorical'])} text columns", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
