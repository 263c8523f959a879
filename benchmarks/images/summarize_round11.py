"""Round 11 table (docs/images.md, "MiniVGGNet against PyTorch"): one row per system, data and initialisation, every
seed's training loss, test accuracy and log-loss after the last epoch (and the test accuracy's mean over the last five
epochs, steadier than one epoch's), from the JSON files VggAblation and
torch_arrays.py wrote.

usage: summarize_round11.py [DIR=benchmarks/results/images/round11]   (files NAME.{n,t}.INIT.SEED.json)
"""
import glob
import json
import os
import sys
from collections import defaultdict

folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../results/images/round11")
groups = defaultdict(dict)
for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
    name = os.path.basename(path)[:-5]
    parts = name.split(".")
    if len(parts) != 4:
        continue
    data, system, init, seed = parts
    groups[(data, "NNTrainer" if system == "n" else "PyTorch", init)][int(seed)] = json.load(open(path))
print("| data | system | init | epochs | rows | training loss by seed | test accuracy by seed | mean | last 5 epochs' mean | test log-loss by seed | mean | CPU s (mean) |")
print("|---|---|---|---:|---:|---|---|---:|---:|---|---:|---:|")
for (data, system, init), runs in sorted(groups.items()):
    last = [runs[s]["curve"][-1] for s in sorted(runs)]
    accs, losses = [c["test_acc"] for c in last], [c["test_loss"] for c in last]
    first = next(iter(runs.values()))
    cpu = sum(r["cpu_s"] for r in runs.values()) / len(runs)
    tail = [c["test_acc"] for s in sorted(runs) for c in runs[s]["curve"][-5:]]
    train = ", ".join(f"{c['loss']:.3f}" for c in last)
    seeds = ", ".join(f"{s}: {runs[s]['curve'][-1]['test_acc']:.3f}" for s in sorted(runs))
    print(f"| {data} | {system} | {init} | {first['epochs']} | {first['train_rows']} | {train} | {seeds} | {sum(accs) / len(accs):.4f} | {sum(tail) / len(tail):.4f} | "
          f"{', '.join(f'{v:.3f}' for v in losses)} | {sum(losses) / len(losses):.3f} | {cpu:.0f} |")
