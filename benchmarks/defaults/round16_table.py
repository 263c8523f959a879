"""Round 16 (docs/defaults.md): one table's runs paired split for split with scikit-learn's MLP and the stock trainers.

usage: round16_table.py DATASET RUN_DIR [--seeds SEEDS_JSON] [--screens ROOT name ...]

RUN_DIR holds NNTrainer.Defaults.Bench's results.json (scikit-learn's MLP merged in) on the same splits; SEEDS_JSON is
round16_seeds.py's output (scikit-learn with other seeds). Prints each system's mean and its paired difference from
scikit-learn (mean ± standard error, splits better / equal / worse); with --screens, each ROOT/name/results.json's
catalog network paired with RUN_DIR's catalog network and with scikit-learn.
"""
import json
import statistics
import sys

from screen_table import paired, per_split


def main(args):
    dataset, run = args[0], args[1]
    seeds = json.load(open(args[args.index("--seeds") + 1]))[dataset] if "--seeds" in args else {}
    # results.json keeps 6 decimals: scikit-learn's runs are read from it, and the seeds rounded alike, so ties stay ties
    sk = per_split(f"{run}/results.json", dataset, "scikit-learn MLP")
    systems = json.load(open(f"{run}/results.json"))[dataset]["systems"]
    rows = {name: per_split(f"{run}/results.json", dataset, name) for name in systems if name != "scikit-learn MLP"}
    if seeds:
        n = len(sk)
        mean_sk = {k: round(statistics.mean(v[k] for v in seeds.values()), 6) for k in range(n)}
        for s, v in seeds.items():
            rows[f"scikit-learn MLP {s}"] = {k: round(x, 6) for k, x in enumerate(v)}
        rows["scikit-learn MLP, mean of seeds"] = mean_sk
    mean_sk = rows.get("scikit-learn MLP, mean of seeds")
    print(f"| {dataset} ({len(sk)} splits) | mean ± sd | − scikit-learn (seed = split) (b/e/w) | − scikit-learn, mean of seeds (b/e/w) |")
    print("|---|---:|---|---|")
    print(f"| scikit-learn MLP | {statistics.mean(sk.values()):.4f} ± {statistics.stdev(sk.values()):.4f} | | |")
    for name, s in rows.items():
        vs_mean = paired(s, mean_sk) if mean_sk and not name.startswith("scikit-learn") else ""
        print(f"| {name} | {statistics.mean(s.values()):.4f} ± {statistics.stdev(s.values()):.4f} | {paired(s, sk)} | {vs_mean} |")
    if "--screens" in args:
        i = args.index("--screens")
        root, names = args[i + 1], args[i + 2:]
        base = rows["NNTrainer catalog"]
        print()
        print(f"| screen ({dataset}, catalog) | mean | − catalog default (b/e/w) | − scikit-learn (b/e/w) |")
        print("|---|---:|---|---|")
        for name in names:
            s = per_split(f"{root}/{name}/results.json", dataset, "NNTrainer catalog")
            print(f"| {name} | {statistics.mean(s.values()):.4f} | {paired(s, base)} | {paired(s, sk)} |")


if __name__ == "__main__":
    main(sys.argv[1:])
