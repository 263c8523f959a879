"""Round 16: scikit-learn's MLP on a benchmark's split files with several seeds per split (random_state = split + 1000·s).

usage: round16_seeds.py DATA_DIR OUT_JSON --datasets a,b --splits N --seeds S

The pipeline is sklearn_run.py's (shared on purpose); seed 0 is the benchmarks' own run (random_state = the split).
Output: {dataset: {"seed0": [...], "seed1": [...], ...}} of test accuracies (R² for regression), one per split.
"""
import json
import os
import sys
import warnings

from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import accuracy_score, r2_score

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "public"))
from sklearn_run import model  # noqa: E402
from sklearn_public import read  # noqa: E402


def main(argv):
    data_dir, out_path = argv[0], argv[1]
    names = argv[argv.index("--datasets") + 1].split(",")
    count = int(argv[argv.index("--splits") + 1])
    seeds = int(argv[argv.index("--seeds") + 1])
    warnings.simplefilter("ignore", ConvergenceWarning)
    results = {}
    for name in names:
        meta = json.load(open(os.path.join(data_dir, name, "meta.json")))
        results[name] = {}
        for s in range(seeds):
            scores = []
            for k in range(count):
                x, y = read(os.path.join(data_dir, name, f"split{k}.train.csv"), meta)
                xt, yt = read(os.path.join(data_dir, name, f"split{k}.test.csv"), meta)
                m = model(meta, k + 1000 * s)
                m.fit(x, y)
                p = m.predict(xt)
                scores.append(float(r2_score(yt, p) if meta["task"] == "regression" else accuracy_score(yt, p)))
            results[name][f"seed{s}"] = scores
            print(name, s, sum(scores) / len(scores), flush=True)
        json.dump(results, open(out_path, "w"), indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])
