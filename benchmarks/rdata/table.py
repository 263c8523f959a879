"""docs/rdata-data.md's table from a run of run.sh: per table scikit-learn's MLP, the NNTrainer CLI and catalog, the best
ML.NET linear trainer (SDCA or L-BFGS, by mean) and LightGBM (mean ± sd over the splits), the CLI's and the catalog's
wins / ties / losses (a tie within 0.005 accuracy, 0.01 R²) and the training time a split as ratios within the row
(every system's mean seconds over scikit-learn's).

usage: table.py OUT   (OUT: run.sh's, holding results.json and sklearn.json)
"""
import json
import os
import statistics
import sys


def stats(runs):
    values = [r["metric"] for r in runs]
    return statistics.mean(values), statistics.stdev(values) if len(values) > 1 else 0.0, statistics.mean(r["seconds"] for r in runs)


def main(out):
    results = json.load(open(os.path.join(out, "results.json")))
    sklearn = json.load(open(os.path.join(out, "sklearn.json")))
    print("| table | rows | task | scikit-learn MLP | NNTrainer CLI | NNTrainer catalog | best linear | LightGBM | CLI / catalog against scikit-learn, best linear | time a split: scikit-learn s; CLI, catalog, linear, LightGBM × |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---|---|")
    tally = {"CLI": [0, 0, 0, 0, 0, 0], "catalog": [0, 0, 0, 0, 0, 0]}
    for name, table in results.items():
        systems = {k: stats(v) for k, v in table["systems"].items()}
        systems["sklearn"] = stats(sklearn[name]["runs"])
        linear = max((k for k in ("SDCA", "L-BFGS") if k in systems), key=lambda k: systems[k][0])
        margin = 0.01 if table["task"] == "regression" else 0.005
        cell = lambda k: f"{systems[k][0]:.3f} ± {systems[k][1]:.3f}"
        verdicts = []
        for short, key in (("CLI", "NNTrainer CLI"), ("catalog", "NNTrainer catalog")):
            marks = []
            for i, peer in enumerate(("sklearn", linear)):
                d = systems[key][0] - systems[peer][0]
                k = 0 if d > margin else 1 if d >= -margin else 2
                tally[short][3 * i + k] += 1
                marks.append(("win", "tie", "**loss**")[k] + f" {d:+.3f}")
            verdicts.append(", ".join(marks))
        base = systems["sklearn"][2]
        times = ", ".join(f"{systems[k][2] / base:.2g}" for k in ("NNTrainer CLI", "NNTrainer catalog", linear, "LightGBM"))
        task = "R²" if table["task"] == "regression" else table["task"]
        print(f"| {name} | {table['rows']:,} | {task} | {cell('sklearn')} | {cell('NNTrainer CLI')} | {cell('NNTrainer catalog')} | "
              f"{cell(linear)} ({linear}) | {cell('LightGBM')} | {' / '.join(verdicts)} | {base:.2f}; {times} |")
    print()
    for short, t in tally.items():
        print(f"{short}: against scikit-learn {t[0]} / {t[1]} / {t[2]}, against the best linear {t[3]} / {t[4]} / {t[5]} (wins / ties / losses)")


if __name__ == "__main__":
    main(sys.argv[1])
