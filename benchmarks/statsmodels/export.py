"""Exports tables bundled with statsmodels (Debian: python3-statsmodels) to the defaults benchmark's split format:
tables no round of NNTrainer's defaults was chosen on, to check them on unseen data (docs/statsmodels-data.md).

usage: export.py IGNORED DATA_DIR [--splits N] [--datasets a,b]

Each table is read with statsmodels' own loader (no download: the files ship inside the package). Columns are numeric
unless listed as nominal below; DATA_DIR/NAME/ gets split<k>.train.csv / split<k>.test.csv and meta.json from
benchmarks/public/export.py's writer (stratified 80/20 splits for classification, shuffled for regression,
random_state = k).
"""
import os
import sys

import statsmodels.api as sm

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "public"))
import export as public  # noqa: E402  (the public tables' split writer, shared on purpose)

# name: (statsmodels loader, label, task, nominal columns, columns left out)
DATASETS = {
    # RAND Health Insurance Experiment: doctor visits a year (a count) from coinsurance, deductible and health status.
    "randhie": ("randhie", "mdvis", "regression", [], []),
    # 1996 American National Election Study: Clinton (0) or Dole (1) from placements, party, age, education, income.
    "anes96": ("anes96", "vote", "binary", [], ["logpopul"]),
    # Grunfeld's investment data: gross investment of ten US firms, 1935-1954, from firm value and capital stock.
    "grunfeld": ("grunfeld", "invest", "regression", ["firm"], []),
    # Engel's food expenditure against household income (Belgian working-class households, 1857).
    "engel": ("engel", "foodexp", "regression", [], []),
    # California school districts (1998): share of pupils above the national median in maths, as a regression.
    "star98": ("star98", "PCTAF", "regression", [], ["NABOVE", "NBELOW"]),
}


def text(value):
    """A cell as the split files write it: NaN as an empty field, whole floats without their '.0'."""
    if isinstance(value, float):
        return "" if value != value else (str(int(value)) if value.is_integer() else repr(value))
    return str(value)


def load(name):
    loader, label, task, nominal, dropped = DATASETS[name]
    frame = getattr(sm.datasets, loader).load_pandas().data
    features = [c for c in frame.columns if c != label and c not in dropped]
    numeric = [c for c in features if c not in nominal]
    columns = {c: [text(v) for v in frame[c]] for c in features}
    y = frame[label].tolist()
    y = [str(int(v)) for v in y] if task != "regression" else [repr(float(v)) for v in y]
    return columns, numeric, list(nominal), y, task


def main(argv):
    directory = argv[2]
    count, names, _ = public.options(argv, DATASETS)
    for name in names:
        public.export_loaded(name, directory, count, load(name))


if __name__ == "__main__":
    main(sys.argv)
