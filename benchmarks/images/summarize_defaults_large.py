"""Table of benchmarks/results/images/defaults-large/ (defaults_large.sh): per case and rep, test accuracy, test log-loss,
epochs and CPU seconds (user + system of the whole processes) of NNTrainer (train + evaluate) and PyTorch, and the CPU ratio.

usage: summarize_defaults_large.py [RESULTS_DIR]   (writes RESULTS_DIR/summary.md and prints it)
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "results", "images", "defaults-large")


def cpu(path):
    """(CPU seconds, wall seconds) summed over the lines of a GNU time file ('%e %U %S')."""
    lines = [ln.split() for ln in open(path) if re.match(r"^[\d.]+ [\d.]+ [\d.]+$", ln.strip())]
    return sum(float(u) + float(s) for _, u, s in lines), sum(float(e) for e, _, _ in lines)


rows = ["| case | rep | epochs NNTrainer / PyTorch | test accuracy NNTrainer / PyTorch | test log-loss NNTrainer / PyTorch | CPU s NNTrainer / PyTorch | CPU ratio | wall s NNTrainer / PyTorch |",
        "|---|---:|---|---|---|---|---:|---|"]
for train in sorted(glob.glob(os.path.join(OUT, "*.nntrainer.*.train.json"))):
    case, rep = re.match(r"(.+)\.nntrainer\.(\d+)\.train\.json", os.path.basename(train)).groups()
    base = os.path.join(OUT, case)
    torch_json = f"{base}.torch.{rep}.json"
    if not (os.path.exists(f"{base}.nntrainer.{rep}.evaluate.json") and os.path.exists(torch_json)):
        continue
    t = json.load(open(train))
    e = json.load(open(f"{base}.nntrainer.{rep}.evaluate.json"))["results"][0]["metrics"]
    p = json.load(open(torch_json))
    n_cpu, n_wall = cpu(f"{base}.nntrainer.{rep}.time")
    p_cpu, p_wall = cpu(f"{base}.torch.{rep}.time")
    rows.append(f"| {case} | {rep} | {t['length']['epochsRun']} / {len(p['epoch_s'])} | {e['Accuracy']:.4f} / {p['test_acc']:.4f} | "
                f"{e['LogLoss']:.3f} / {p['test_logloss']:.3f} | {n_cpu:.1f} / {p_cpu:.1f} | {n_cpu / p_cpu:.2f} | {n_wall:.0f} / {p_wall:.0f} |")
text = "\n".join(rows) + "\n"
open(os.path.join(OUT, "summary.md"), "w").write(text)
print(text)
