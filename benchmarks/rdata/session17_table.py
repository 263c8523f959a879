"""Session 17's before/after table: the CLI on R's tables as write.csv quotes them (quote_splits.py), main's build
against the branch's, paired by split, beside the stored scikit-learn MLP, catalog and best linear (SDCA, L-BFGS).

usage: session17_table.py BEFORE_DIR AFTER_DIR STORED_RESULTS_JSON... > table.md
(BEFORE_DIR/AFTER_DIR hold one results.json per set folder: r1, r2, r3, mlb.)
"""
import glob
import json
import os
import statistics
import sys


def mean(runs):
    return statistics.mean(r["metric"] for r in runs) if runs else None


def main(argv):
    before_dir, after_dir, stored_files = argv[0], argv[1], argv[2:]
    stored = {}
    for path in stored_files:
        stored.update(json.load(open(path)))
    print("| table | rows | metric | CLI before | CLI after | paired Δ (splits up) | time before → after (s) | scikit-learn MLP | catalog | best linear |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for path in sorted(glob.glob(os.path.join(after_dir, "*", "results.json"))):
        folder = os.path.basename(os.path.dirname(path))
        after = json.load(open(path))
        before = json.load(open(os.path.join(before_dir, folder, "results.json")))
        for name, entry in after.items():
            a = entry["systems"]["NNTrainer CLI"]
            b = before[name]["systems"]["NNTrainer CLI"]
            diffs = [x["metric"] - y["metric"] for x, y in zip(a, b)]
            up = sum(d > 0 for d in diffs)
            other = stored.get(name, {}).get("systems", {})
            linear = [mean(other[s]) for s in ("SDCA", "L-BFGS") if s in other]
            cell = lambda v: "–" if v is None else f"{v:.3f}"
            metric = "R²" if entry["task"] == "regression" else "acc"
            t = lambda runs: statistics.median(r["seconds"] for r in runs)
            print(f"| {name} | {entry['rows']:,} | {metric} | {mean(b):.3f} | {mean(a):.3f} | {statistics.mean(diffs):+.3f} ({up}/{len(diffs)}) | "
                  f"{t(b):.1f} → {t(a):.1f} | {cell(mean(other.get('scikit-learn MLP', [])))} | {cell(mean(other.get('NNTrainer catalog', [])))} | "
                  f"{cell(max(linear) if linear else None)} |")


if __name__ == "__main__":
    main(sys.argv[1:])
