"""Round 11a (docs/defaults.md): regression tables of 500-800 training rows, the only regression sizes the small-data
L2 factor reaches (up to 500 rows the penalty is cross-validated). Written in the defaults benchmark's split format
(datasets.export) so NNTrainer.Defaults.Bench runs them as it runs the others:
  friedman1_750, friedman2_750, friedman3_750  make_friedman1-3 with 750 rows (600 training rows), the seeds of
                                               datasets.py's 2,000-row versions;
  fair_affairs_800                             statsmodels' affairs survey (the UCI benchmark's `fair`) with the
                                               number of affairs as a regression target, 800 rows drawn with seed 20
                                               (640 training rows).
usage: round11a_data.py DATA_DIR [--splits N]
"""
import argparse

import numpy as np
from sklearn import datasets as skd

import datasets


def friedman(which, rows):
    make = {1: lambda: skd.make_friedman1(n_samples=rows, n_features=10, noise=1.0, random_state=16),
            2: lambda: skd.make_friedman2(n_samples=rows, noise=30.0, random_state=17),
            3: lambda: skd.make_friedman3(n_samples=rows, noise=0.1, random_state=18)}[which]
    x, y = make()
    cols, num, cat = datasets._frame(x)
    return cols, num, cat, y.astype(float), "regression"


def fair_affairs(rows):
    import statsmodels.api as sm
    frame = sm.datasets.fair.load_pandas().data
    pick = np.sort(np.random.RandomState(20).permutation(len(frame))[:rows])
    names = [c for c in frame.columns if c != "affairs"]
    cols, num, cat = datasets._frame(frame[names].values[pick].astype(float), names)
    return cols, num, cat, frame["affairs"].values[pick].astype(float), "regression"


TABLES = {
    "friedman1_750": (lambda _: friedman(1, 750), None),
    "friedman2_750": (lambda _: friedman(2, 750), None),
    "friedman3_750": (lambda _: friedman(3, 750), None),
    "fair_affairs_800": (lambda _: fair_affairs(800), None),
}

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--splits", type=int, default=5)
    args = parser.parse_args()
    datasets.DATASETS.update(TABLES)
    for name in TABLES:
        meta, _, _ = datasets.export(name, args.data, args.splits)
        print(name, meta["rows"], "rows")
