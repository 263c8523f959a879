"""Tables round 11b (docs/defaults.md): runs of one system with the model choice off and on, paired split for split.

usage: round11b_table.py DATASET SYSTEM BASE_DIR RUN_DIR [RUN_DIR ...] [--peers DIR] [--sklearn FILE]

Each DIR holds a results.json of NNTrainer.Defaults.Bench on the same splits (SYSTEM: "NNTrainer catalog" or
"NNTrainer CLI"); BASE_DIR is the choice off. For every run: the mean, the halves of the splits, the paired difference
from the base and from the best ML.NET linear trainer of --peers (mean ± standard error, splits better / equal / worse)
and, for the catalog, how often each candidate was chosen (DIR.log's "selection" lines; the CLI logs none).
"""
import json
import os
import re
import statistics
import sys

from screen_table import paired, per_split  # the same pairing as the round-7 screens


def chosen(log, dataset):
    if not os.path.exists(log):
        return ""
    picks = re.findall(rf"^selection {re.escape(dataset)} split \d+: (\w+)", open(log).read(), re.M)
    return "/".join(f"{picks.count(c)}" for c in ("Configured", "UncentredLinear")) if picks else ""


def main(args):
    peers = args[args.index("--peers") + 1] if "--peers" in args else None
    sk = args[args.index("--sklearn") + 1] if "--sklearn" in args else None
    args = [a for i, a in enumerate(args) if a not in ("--peers", "--sklearn") and (i == 0 or args[i - 1] not in ("--peers", "--sklearn"))]
    dataset, system, base, runs = args[0], args[1], args[2], args[3:]
    base_scores = per_split(f"{base}/results.json", dataset, system)
    peer = None
    if peers:
        found = [(n, s) for n in ("SDCA", "L-BFGS") if (s := per_split(f"{peers}/results.json", dataset, n))]
        if found:
            peer = max(found, key=lambda p: statistics.mean(p[1].values()))
    print(f"| {dataset}, {system} | mean | first half | second half | − choice off (b/e/w) | − {peer[0] if peer else 'linear'} (b/e/w) | chosen network/linear |")
    print("|---|---:|---:|---:|---|---|---|")
    for run in [base] + runs:
        s = per_split(f"{run}/results.json", dataset, system)
        keys = sorted(s)
        half = len(keys) // 2
        first = statistics.mean(s[k] for k in keys[:half]) if half else float("nan")
        second = statistics.mean(s[k] for k in keys[half:])
        vs_base = "" if run == base else paired(s, base_scores)
        vs_peer = paired(s, peer[1]) if peer else ""
        print(f"| {os.path.basename(run)} | {statistics.mean(s.values()):.4f} | {first:.4f} | {second:.4f} | {vs_base} | {vs_peer} | {chosen(run + '.log', dataset) if system == 'NNTrainer catalog' else ''} |")
    if peer:
        print(f"| {peer[0]} | {statistics.mean(peer[1].values()):.4f} | | | | | |")
    if sk:
        runs_sk = json.load(open(sk)).get(dataset)
        if runs_sk:
            print(f"| scikit-learn MLP | {statistics.mean(r['metric'] for r in runs_sk['runs']):.4f} | | | | | |")


if __name__ == "__main__":
    main(sys.argv[1:])
