"""Round 9a: tables SdcaAblation runs (JSON lines) and catalog screens against ML.NET's default SDCA, split by split.

usage: sdca_ablation_table.py REFERENCE.jsonl [RUN.jsonl ...] [--screen NAME=DIR/results.json ...] [--dataset iris]

REFERENCE.jsonl holds the variant "default" (the bench's stock SdcaMaximumEntropy); every other variant of the JSON
line files, and every screen (the catalog network of a run.sh --out directory), is paired with it: mean accuracy over
all splits and over splits 0-19 / 20-39, the paired difference ± standard error with the splits better / equal / worse,
and for SdcaAblation variants the test rows whose predicted class differs from the default's.
"""
import argparse
import json
import math
import statistics


def read_runs(path):
    variants = {}
    for line in open(path):
        try:
            r = json.loads(line)
        except json.JSONDecodeError:  # the last line of a run still being written
            continue
        variants.setdefault(r["Variant"], {})[r["Split"]] = r
    return variants


def paired(a, b):
    d = [a[k] - b[k] for k in sorted(a) if k in b]
    se = statistics.stdev(d) / math.sqrt(len(d)) if len(d) > 1 else 0.0
    better, worse = sum(x > 1e-6 for x in d), sum(x < -1e-6 for x in d)  # metrics pass through float32
    return f"{statistics.mean(d):+.4f} ± {se:.4f} ({better}/{len(d) - better - worse}/{worse})"


def halves(acc):
    keys = sorted(acc)
    low = [acc[k] for k in keys if k < 20]
    high = [acc[k] for k in keys if k >= 20]
    return f"{statistics.mean(acc.values()):.4f} | {statistics.mean(low):.4f} | {statistics.mean(high) if high else float('nan'):.4f}"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("reference")
    p.add_argument("runs", nargs="*")
    p.add_argument("--screen", action="append", default=[])
    p.add_argument("--dataset", default="iris")
    a = p.parse_args()
    ref = read_runs(a.reference)["default"]
    ref_acc = {k: r["Accuracy"] for k, r in ref.items()}
    print("| variant | accuracy, 40 splits | 0–19 | 20–39 | − SDCA default (b/e/w) | test rows ≠ default |")
    print("|---|---:|---:|---:|---|---:|")
    print(f"| default | {halves(ref_acc)} | | |")
    for path in a.runs:
        for name, runs in read_runs(path).items():
            if len(runs) < len(ref):  # a variant still running
                continue
            acc = {k: r["Accuracy"] for k, r in runs.items()}
            rows = sum(sum(x != y for x, y in zip(r["Predicted"], ref[k]["Predicted"])) for k, r in runs.items())
            print(f"| {name} | {halves(acc)} | {paired(acc, ref_acc)} | {rows} |")
    for spec in a.screen:
        name, _, path = spec.partition("=")
        path, _, system = path.partition(":")
        runs = json.load(open(path))[a.dataset]["systems"][system or "NNTrainer catalog"]
        acc = {r["split"]: r["metric"] for r in runs}
        print(f"| {name} | {halves(acc)} | {paired(acc, ref_acc)} | |")


if __name__ == "__main__":
    main()
