"""Summarises benchmarks/results/images/ (written by run.sh) as a Markdown table: per case, medians over the reps
of each system and the per-rep ratios NNTrainer / PyTorch (pairs run back to back). Each cell lists the reps in
order, "NNTrainer values vs PyTorch values"; a ratio below 1 means NNTrainer took less time."""
import glob
import json
import os
import statistics
import sys

OUT = sys.argv[1]


def load(path):
    with open(path) as f:
        return json.load(f)


def cpu(tag):
    """User + system seconds of the tag's processes (GNU time's lines "wall user system")."""
    with open(tag + ".time") as f:
        return sum(float(v[1]) + float(v[2]) for v in (line.split() for line in f) if len(v) == 3)


def ours(tag):
    train, evaluate = load(tag + ".train.json"), load(tag + ".evaluate.json")
    epochs = [e["seconds"] for e in load(tag + ".monitor/training.json")["epochs"]]
    return {"total": load(tag + ".process.json")["total_s"], "cpu": cpu(tag), "train": sum(epochs), "epoch": statistics.median(epochs),
            "held": train["results"][0]["metrics"]["Accuracy"], "test": evaluate["results"][0]["metrics"]["Accuracy"]}


def torch(tag):
    r = load(tag + ".json")
    return {"total": load(tag + ".process.json")["total_s"], "cpu": cpu(tag), "train": r["train_s"], "epoch": statistics.median(r["epoch_s"]),
            "held": r["heldout_acc"], "test": r["test_acc"]}


def case_pairs(case):
    """The (NNTrainer, PyTorch) figures of every rep of a case that both finished, and the case's epoch count."""
    reps = sorted({p.split(".")[-2] for p in glob.glob(os.path.join(OUT, case + ".torch.*.json")) if not p.endswith("process.json")})
    pairs = []
    for rep in reps:
        try:
            pairs.append((ours(os.path.join(OUT, f"{case}.nntrainer.{rep}")), torch(os.path.join(OUT, f"{case}.torch.{rep}"))))
        except FileNotFoundError:
            continue
    epochs = len(load(os.path.join(OUT, f"{case}.torch.{reps[0]}.json"))["epoch_s"]) if pairs else 0
    return pairs, epochs


cases = sorted({os.path.basename(p).split(".")[0] for p in glob.glob(os.path.join(OUT, "*.torch.*.json"))})
print("| case | epochs | test accuracy | whole process CPU s (train + evaluate) | ratio | whole process wall s | ratio | median epoch s | ratio | training s (all epochs) | ratio | the rest s (start-up, decoding, scoring) |")
print("|---|---:|---|---|---:|---|---:|---|---:|---|---:|---|")
for case in cases:
    pairs, epochs = case_pairs(case)
    if not pairs:
        continue

    def col(key, digits):
        a = "/".join(f"{o[key]:.{digits}f}" for o, _ in pairs)
        b = "/".join(f"{t[key]:.{digits}f}" for _, t in pairs)
        return f"{a} vs {b}"

    def ratio(key):
        return "/".join(f"{o[key] / t[key]:.2f}" for o, t in pairs)

    for o, t in pairs:
        o["rest"], t["rest"] = o["total"] - o["train"], t["total"] - t["train"]
    print(f"| {case} | {epochs} | {col('test', 4)} | {col('cpu', 1)} | {ratio('cpu')} | {col('total', 1)} | {ratio('total')} | {col('epoch', 2)} | {ratio('epoch')} | {col('train', 1)} | {ratio('train')} | {col('rest', 1)} |")

print()
print("Medians over the reps (ratio = NNTrainer / PyTorch, the median of the per-pair ratios):")
print()
print("| case | epochs | reps | test accuracy NNTrainer / PyTorch | whole process CPU | whole process wall | median epoch | training (all epochs) |")
print("|---|---:|---:|---|---:|---:|---:|---:|")
for case in cases:
    pairs, epochs = case_pairs(case)
    if not pairs:
        continue

    def med(key):
        return statistics.median(o[key] / t[key] for o, t in pairs)

    acc = f"{statistics.median(o['test'] for o, _ in pairs):.4f} / {statistics.median(t['test'] for _, t in pairs):.4f}"
    print(f"| {case} | {epochs} | {len(pairs)} | {acc} | {med('cpu'):.2f} | {med('total'):.2f} | {med('epoch'):.2f} | {med('train'):.2f} |")
