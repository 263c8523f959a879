"""One table of catalog screens on the UCI classics: the network's mean per dataset for each --nn-options screen,
next to the defaults, scikit-learn's MLP and the best ML.NET linear trainer of the benchmark run.

usage: screen_table.py RESULTS_DIR SCREENS_DIR [SYSTEM]

RESULTS_DIR holds the benchmark's results.json (run.sh; scikit-learn merged in); SCREENS_DIR/<screen>/results.json
are screens.sh's runs on the same splits. SYSTEM is the row tabled from each screen ("NNTrainer catalog" unless
given, e.g. "NNTrainer CLI" for NNTRAINER_BENCH_CLI_ARGS screens). A cell is the mean over the splits, then its
difference from the defaults' mean in brackets; the last column counts datasets the screen is better / within
0.005 / worse than the defaults.
"""
import json
import os
import statistics
import sys

SK, CAT = "scikit-learn MLP", "NNTrainer catalog"


def mean(runs):
    return statistics.mean(r["metric"] for r in runs)


def main(results_dir, screens_dir, system=CAT):
    base = json.load(open(os.path.join(results_dir, "results.json")))
    screens = sorted(d for d in os.listdir(screens_dir) if os.path.isfile(os.path.join(screens_dir, d, "results.json")))
    runs = {s: json.load(open(os.path.join(screens_dir, s, "results.json"))) for s in screens}
    datasets = [n for n in base if any(n in r and system in r[n]["systems"] for r in runs.values())]
    lines = ["| screen | " + " | ".join(datasets) + " | better / tie / worse |", "|---|" + "---:|" * (len(datasets) + 1)]
    ref = {n: mean(base[n]["systems"][system]) for n in datasets}

    def linear(n):
        s = base[n]["systems"]
        return max((mean(s[k]) for k in ("SDCA", "L-BFGS") if k in s), default=float("nan"))

    lines.append("| scikit-learn MLP | " + " | ".join(f"{mean(base[n]['systems'][SK]):.3f}" for n in datasets) + " | |")
    lines.append("| best ML.NET linear | " + " | ".join(f"{linear(n):.3f}" for n in datasets) + " | |")
    lines.append(f"| defaults ({system.split()[1]}) | " + " | ".join(f"{ref[n]:.3f}" for n in datasets) + " | |")
    for s in screens:
        cells, tally = [], [0, 0, 0]
        for n in datasets:
            if n not in runs[s] or system not in runs[s][n]["systems"]:
                cells.append("–")
                continue
            m = mean(runs[s][n]["systems"][system])
            gap = m - ref[n]
            tally[0 if gap > 0.005 else 2 if gap < -0.005 else 1] += 1
            cells.append(f"{m:.3f} ({gap:+.3f})")
        lines.append(f"| {s} | " + " | ".join(cells) + f" | {' / '.join(map(str, tally))} |")
    print("\n".join(lines))


if __name__ == "__main__":
    main(*sys.argv[1:])
