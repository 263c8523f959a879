"""Tables round 11c's screens (benchmarks/public/round11.sh OUT): per group, every table's catalog accuracy (R²) as
mean ± sd over the 5 splits for each configuration, the change against `base`, and the median fit time per split
as a multiple of base's (the configurations ran one after another, so only these ratios compare).
usage: round11_table.py OUT [group ...]"""
import json
import os
import statistics
import sys


def load(out, group):
    runs = {}
    for name in sorted(os.listdir(out)):
        path = os.path.join(out, name, "results.json")
        if not name.startswith(group + "-") or not os.path.exists(path):
            continue
        config = name[len(group) + 1:].rsplit("-", 1)[0]
        for dataset, result in json.load(open(path)).items():
            splits = result["systems"]["NNTrainer catalog"]
            runs.setdefault(dataset, {})[config] = ([s["metric"] for s in splits], [s["seconds"] for s in splits])
    return runs


def table(out, group):
    runs = load(out, group)
    configs = sorted({c for r in runs.values() for c in r}, key=lambda c: (c != "base", c))
    print(f"\n### {group}\n")
    print("| table | " + " | ".join(configs) + " |")
    print("|---|" + "---:|" * len(configs))
    for dataset, by in runs.items():
        base = by.get("base")
        cells = []
        for c in configs:
            if c not in by:
                cells.append("–")
                continue
            metric, seconds = by[c]
            cell = f"{statistics.mean(metric):.4f} ± {statistics.stdev(metric):.4f}"
            if base and c != "base":
                delta = statistics.mean(metric) - statistics.mean(base[0])
                cell += f" ({delta:+.4f}, {statistics.median(seconds) / statistics.median(base[1]):.2f}×)"
            cells.append(cell)
        print(f"| {dataset} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    for g in sys.argv[2:] or ["l2", "ep"]:
        table(sys.argv[1], g)
