"""Tables catalog screens (one run.sh/--nn-options run per directory) against the first one and the best ML.NET linear trainer.

usage: screen_table.py ROOT DATASET BASE SCREEN [SCREEN ...] [--peer DIR]

ROOT/<screen>/results.json are benchmark results that hold the same splits; BASE is the screen the others are paired
with (e.g. today's defaults). For each screen: the catalog network's mean, the paired difference from BASE, and from
SDCA (multiclass) or L-BFGS (binary), each as mean ± standard error with the splits better / equal / worse. Used for
docs/defaults.md, round 7. Round 8: a screen (BASE included) may be written DIR:SYSTEM to table another system than the
catalog network (e.g. "clibase:NNTrainer CLI"), and --peer DIR takes SDCA / L-BFGS from ROOT/DIR when BASE has neither.
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


def scores_of(root, dataset, screen):
    directory, _, system = screen.partition(":")
    return per_split(f"{root}/{directory}/results.json", dataset, system or "NNTrainer catalog")


def main(root, dataset, base, screens, peer_dir=None):
    base_scores = scores_of(root, dataset, base)
    peer_root = f"{root}/{peer_dir or base.partition(':')[0]}/results.json"
    peer_name, peer = next((n, s) for n in ("SDCA", "L-BFGS") if (s := per_split(peer_root, dataset, n)))
    print(f"| screen | {dataset} accuracy | − {base} (b/e/w) | − {peer_name} (b/e/w) |")
    print("|---|---:|---|---|")
    for screen in [base] + screens:
        scores = scores_of(root, dataset, screen)
        print(f"| {screen} | {statistics.mean(scores.values()):.4f} | {paired(scores, base_scores) if screen != base else ''} | {paired(scores, peer)} |")
    print(f"| ({peer_name}) | {statistics.mean(peer.values()):.4f} | | |")


if __name__ == "__main__":
    args = sys.argv[1:]
    peer_dir = None
    if "--peer" in args:
        peer_dir = args[args.index("--peer") + 1]
        del args[args.index("--peer"):args.index("--peer") + 2]
    main(args[0], args[1], args[2], args[3:], peer_dir)
