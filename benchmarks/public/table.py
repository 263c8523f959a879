"""The README table of the public benchmark: one row per dataset (mean ± sd over the splits) and the tally.

usage: table.py RESULTS_DIR   (reads RESULTS_DIR/results.json as NNTrainer.Defaults.Bench writes it, scikit-learn's
                               MLP merged in; prints markdown and writes RESULTS_DIR/table.md)
"""
import json
import os
import statistics
import sys

SK, CLI, CAT = "scikit-learn MLP", "NNTrainer CLI", "NNTrainer catalog"
LINEAR = ["SDCA", "L-BFGS"]
PEERS = [SK, "best linear", "LightGBM", "FastTree"]


def stats(runs):
    m = [r["metric"] for r in runs]
    return statistics.mean(m), (statistics.stdev(m) if len(m) > 1 else 0.0)


def main(d):
    results = json.load(open(os.path.join(d, "results.json")))
    lines = ["| dataset | rows | metric | scikit-learn MLP | NNTrainer CLI | NNTrainer catalog | best ML.NET linear | LightGBM | FastTree |",
             "|---|---:|---|---:|---:|---:|---:|---:|---:|"]
    tally = {(o, p): [0, 0, 0] for o in (CLI, CAT) for p in PEERS}
    for name, r in results.items():
        s = r["systems"]
        margin = 0.01 if r["task"] == "regression" else 0.005
        means = {k: stats(v) for k, v in s.items()}
        linear = [k for k in LINEAR if k in means]
        best = max(linear, key=lambda k: means[k][0]) if linear else None
        cell = lambda k: f"{means[k][0]:.3f} ± {means[k][1]:.3f}" if k in means else "–"
        lines.append(f"| {name} | {r['rows']:,} | {'R²' if r['task'] == 'regression' else 'accuracy'} | {cell(SK)} | {cell(CLI)} | {cell(CAT)} | "
                     f"{cell(best) + f' ({best})' if best else '–'} | {cell('LightGBM')} | {cell('FastTree')} |")
        for ours in (CLI, CAT):
            if ours not in means:
                continue
            for peer in PEERS:
                key = best if peer == "best linear" else peer
                if key is None or key not in means:
                    continue
                gap = means[ours][0] - means[key][0]
                tally[(ours, peer)][0 if gap > margin else 2 if gap < -margin else 1] += 1
    lines += ["", "Wins / ties / losses of NNTrainer (per dataset, on the mean over the splits; a tie is within 0.005 accuracy or 0.01 R²):", "",
              "| NNTrainer | " + " | ".join(PEERS) + " |", "|---|" + "---|" * len(PEERS)]
    for ours in (CLI, CAT):
        lines.append(f"| {ours.split()[1]} | " + " | ".join(" / ".join(map(str, tally[(ours, p)])) for p in PEERS) + " |")
    text = "\n".join(lines) + "\n"
    open(os.path.join(d, "table.md"), "w").write(text)
    print(text)


if __name__ == "__main__":
    main(sys.argv[1])
