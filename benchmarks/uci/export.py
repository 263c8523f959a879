"""Exports the UCI classics Weka ships (ARFF, /usr/share/doc/weka/examples) to the defaults benchmark's split format.

usage: export.py SOURCE DATA_DIR [--splits N] [--datasets a,b] [--plain DIR]

SOURCE is the folder holding the ARFF files (`apt-get install weka` puts them in /usr/share/doc/weka/examples).
For every dataset DATA_DIR/NAME/ gets what NNTrainer.Defaults.Bench reads: split<k>.train.csv / split<k>.test.csv
(numeric columns, then nominal columns, then the label as `y`) and meta.json, exactly as benchmarks/public/export.py
writes them (its writer is reused): stratified (classification) 80/20 splits with random_state = k.

Column types come from the ARFF header, not from the values: a nominal attribute stays a category even when its
values are digits (breast-cancer's deg-malig {'1','2','3'}), as Weka, scikit-learn's OneHotEncoder and ML.NET's
one-hot encoding would see it. `?` is missing. Files that come as a given train/test pair (segment-challenge +
segment-test) are pooled before splitting, so that every table gets the same 5 splits.
`fair` is statsmodels' affairs survey (python3-statsmodels), binary as in statsmodels' logit example: affairs > 0.

--plain DIR also writes every ARFF file of SOURCE as DIR/NAME.csv, the plain CSV a user makes from it (header row,
values as they are, `?` kept), to try the CLI on (benchmarks/uci/cli_checks.sh).
"""
import csv
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "public"))
import export as public  # noqa: E402  (the public tables' split writer, shared on purpose)

# name: (ARFF files, task); the label is the last attribute of every file.
DATASETS = {
    "credit_g": (["credit-g.arff"], "binary"),
    "diabetes_pima": (["diabetes.arff"], "binary"),
    "glass": (["glass.arff"], "multiclass"),
    "ionosphere": (["ionosphere.arff"], "binary"),
    "segment": (["segment-challenge.arff", "segment-test.arff"], "multiclass"),
    "soybean": (["soybean.arff"], "multiclass"),
    "vote": (["vote.arff"], "binary"),
    "breast_cancer_ljubljana": (["breast-cancer.arff"], "binary"),
    "labor": (["labor.arff"], "binary"),
    "cpu": (["cpu.arff"], "regression"),
    "cpu_vendor": (["cpu.with.vendor.arff"], "regression"),
    "unbalanced": (["unbalanced.arff"], "binary"),
    "fair": ([], "binary"),
}


def fields(line):
    """The values of an ARFF data line or nominal list: comma-separated, each optionally quoted with ' or " (credit-g's
    'no checking'), a backslash escaping the next character inside quotes (the Reuters texts' \\' and \\n, a space here)."""
    values, i = [], 0
    while i <= len(line):
        while i < len(line) and line[i] in " \t":
            i += 1
        if i < len(line) and line[i] in "'\"":
            quote, i, value = line[i], i + 1, []
            while line[i] != quote:
                if line[i] == "\\":
                    i += 1
                    value.append(" " if line[i] in "nrt" else line[i])  # a text's line breaks become spaces
                else:
                    value.append(line[i])
                i += 1
            values.append("".join(value))
            i = line.find(",", i + 1)
        else:
            end = line.find(",", i)
            values.append(line[i:end if end >= 0 else len(line)].strip())
            i = end
        if i < 0:
            break
        i += 1
    return values


def attribute(line):
    """(name, kind) of an @attribute line; kind is 'numeric', 'string' or the list of nominal values."""
    rest = line.strip()[len("@attribute"):].strip()
    if rest[0] in "'\"":
        end = rest.index(rest[0], 1)
        name, rest = rest[1:end], rest[end + 1:].strip()
    else:
        name, rest = rest.split(None, 1)
    if rest.startswith("{"):
        return name, fields(rest[1:rest.rindex("}")])
    return name, "string" if rest.lower().startswith("string") else "numeric"


def read_arff(path):
    names, kinds, rows, data = [], [], [], False
    for line in open(path, encoding="utf-8", errors="replace"):
        s = line.strip()
        if not s or s.startswith("%"):
            continue
        if not data:
            if s.lower().startswith("@attribute"):
                n, k = attribute(s)
                names.append(n)
                kinds.append(k)
            elif s.lower().startswith("@data"):
                data = True
            continue
        rows.append(fields(s))
    return names, kinds, rows


def read_fair():
    import statsmodels.api as sm
    frame = sm.datasets.fair.load_pandas().data
    names = [c for c in frame.columns if c != "affairs"]
    rows = [[repr(float(v)) for v in r] + ["yes" if a > 0 else "no"] for r, a in zip(frame[names].values, frame["affairs"])]
    return names + ["affair"], ["numeric"] * len(names) + [["no", "yes"]], rows


def load(source, name):
    files, task = DATASETS[name]
    if name == "fair":
        names, kinds, rows = read_fair()
    else:
        rows = []
        for f in files:
            names, kinds, part = read_arff(os.path.join(source, f))
            rows += part
    columns = {n: [r[i] for r in rows] for i, n in enumerate(names)}
    label = names[-1]
    y = columns.pop(label)
    numeric = [n for n, k in zip(names[:-1], kinds) if k == "numeric"]
    categorical = [n for n, k in zip(names[:-1], kinds) if k != "numeric"]
    if task == "regression":
        y = [float(v) for v in y]
    return columns, numeric, categorical, y, task


def write_plain_csv(path, names, rows):
    # What a user gets from "save as CSV": a header row, the values as they are (`?` included), quoted when needed.
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(names)
        w.writerows(rows)


def main(argv):
    source, data_dir = argv[0], argv[1]
    count, names, plain = public.options(argv, DATASETS)
    if plain:
        os.makedirs(plain, exist_ok=True)
        for f in sorted(os.listdir(source)):
            if f.endswith(".arff"):
                header, _, rows = read_arff(os.path.join(source, f))
                write_plain_csv(os.path.join(plain, f[:-len(".arff")] + ".csv"), header, rows)
    for name in names:
        public.export_loaded(name, data_dir, count, load(source, name))


if __name__ == "__main__":
    main(sys.argv[1:])
