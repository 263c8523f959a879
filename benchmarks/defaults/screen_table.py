"""Tables catalog screens (one run.sh/--nn-options run per directory) against the first one and the best ML.NET linear trainer.

usage: screen_table.py ROOT DATASET BASE SCREEN [SCREEN ...]

ROOT/<screen>/results.json are benchmark results that hold the same splits; BASE is the screen the others are paired
with (e.g. today's defaults). For each screen: the catalog network's mean, the paired difference from BASE, and from
SDCA (multiclass) or L-BFGS (binary), each as mean ± standard error with the splits better / equal / worse. Used for
docs/defaults.md, round 7.
"""
import json
import math
import statistics
import sys


def per_split(path, dataset, system):
    runs = json.load(open(path))[dataset]["systems"].get(system)
    return None if runs is None else {r["split"]: r["metric"] for r in runs}


def paired(a, b):
    d = [a[k] - b[k] for k in sorted(a) if k in b]
    se = statistics.stdev(d) / math.sqrt(len(d)) if len(d) > 1 else 0.0
    better, worse = sum(x > 1e-9 for x in d), sum(x < -1e-9 for x in d)
    return f"{statistics.mean(d):+.4f} ± {se:.4f} ({better}/{len(d) - better - worse}/{worse})"


def main(root, dataset, base, screens):
    base_scores = per_split(f"{root}/{base}/results.json", dataset, "NNTrainer catalog")
    peer_name, peer = next((n, s) for n in ("SDCA", "L-BFGS") if (s := per_split(f"{root}/{base}/results.json", dataset, n)))
    print(f"| screen | {dataset} accuracy | − {base} (b/e/w) | − {peer_name} (b/e/w) |")
    print("|---|---:|---|---|")
    for screen in [base] + screens:
        scores = per_split(f"{root}/{screen}/results.json", dataset, "NNTrainer catalog")
        print(f"| {screen} | {statistics.mean(scores.values()):.4f} | {paired(scores, base_scores) if screen != base else ''} | {paired(scores, peer)} |")
    print(f"| ({peer_name}) | {statistics.mean(peer.values()):.4f} | | |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:])
