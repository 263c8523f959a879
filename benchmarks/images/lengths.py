"""Reads every candidate length rule off the curves of curves.sh (docs/images.md, "Default length").

usage: lengths.py [RESULTS_DIR=benchmarks/results/images/length]  -> a markdown table on stdout

Per network and folder, from the run with a 10 % hold-out (h0.1) and the run on every training image (h0):
  today      the tabular rule (about 10,000 updates: epoch ceil(10000 / steps) of h0; 5,000+ images: the cosine run)
  es-p       early stopping with patience p on h0.1: stop after p epochs without a lower validation loss, keep the
             best epoch's weights (the test figures of that epoch), CPU up to the stopping epoch
  fixed-N    N epochs on every image (h0 at epoch N)
  upd-U      U weight updates on every image, as epochs clamped to [5, 50] (a fixed count scaled by the rows)
  refit-p    es-p, then a second training on every image for the kept epoch's count (CPU of both)
CPU is the training's own (validation included, test scoring excluded), 1 thread.
"""
import glob
import json
import math
import os
import sys

DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "results", "images", "length")


def load(path):
    with open(path) as f:
        return json.load(f)


def at(curve, epoch):
    return curve[epoch - 1] if 1 <= epoch <= len(curve) else None


def early_stop(curve, patience, cap=50):
    best, best_epoch, waited = math.inf, 0, 0
    for e in curve[:cap]:
        if e["val_loss"] < best:
            best, best_epoch, waited = e["val_loss"], e["epoch"], 0
        else:
            waited += 1
        if waited >= patience:
            return e["epoch"], best_epoch, True
    return len(curve[:cap]), best_epoch, len(curve) >= cap


def row(name, epochs, test, cpu, note=""):
    if test is None:
        return f"| {name} | {epochs} | – | – | – | {note or 'curve too short'} |"
    return f"| {name} | {epochs} | {test['test_acc']:.4f} | {test['test_loss']:.3f} | {cpu:.1f} | {note} |"


def main():
    cases = sorted({os.path.basename(p).split(".h")[0] for p in glob.glob(os.path.join(DIR, "*.json"))})
    for case in cases:
        runs = {os.path.basename(p)[len(case) + 1:-5]: load(p) for p in glob.glob(os.path.join(DIR, case + ".h*.json"))}
        held = next((r for k, r in runs.items() if k.startswith("h0.1")), None)
        full = max((r for k, r in runs.items() if k.startswith("h0.e") and not r["cosine"]), key=lambda r: len(r["curve"]), default=None)
        cosine = next((r for k, r in runs.items() if r.get("cosine")), None)
        rows = (held or full)["train_rows"]
        steps = math.ceil(rows / 32)
        auto = min(200, max(10, math.ceil(10000 / steps)))
        print(f"\n### {case}: {rows:,} training images, {(held or full)['test_rows']:,} test\n")
        print("| rule | epochs run (kept) | test accuracy | test log-loss | CPU s | |")
        print("|---|---|---:|---:|---:|---|")
        if cosine is not None and rows >= 5000:
            e = cosine["curve"][-1]
            print(row("today (cosine decay)", len(cosine["curve"]), e, e["cpu_s"]))
        elif full is not None:
            e = at(full["curve"], auto)
            print(row("today", auto, e, e["cpu_s"] if e else 0))
        if held is not None:
            for p in (3, 4, 5):
                stop, kept, complete = early_stop(held["curve"], p)
                e = at(held["curve"], kept)
                cpu = at(held["curve"], stop)["cpu_s"]
                note = "" if complete else f"curve ends at {len(held['curve'])} before a stop"
                print(row(f"es-{p}", f"{stop} ({kept})", e, cpu, note))
                if full is not None and p in (3, 5):
                    r = at(full["curve"], kept)
                    print(row(f"refit-{p}", f"{stop} + {kept}", r, cpu + r["cpu_s"] if r else 0))
        if full is not None:
            for n in (5, 10, 20, 40):
                e = at(full["curve"], n)
                if e is not None:
                    print(row(f"fixed-{n}", n, e, e["cpu_s"]))
            for u in (1000, 2000, 3000):
                n = min(50, max(5, round(u / steps)))
                e = at(full["curve"], n)
                print(row(f"upd-{u}", n, e, e["cpu_s"] if e else 0))


def after():
    """defaults_after.sh: the whole `train` + `evaluate` with every default against PyTorch (Adam) for the same epochs."""
    folder = os.path.join(DIR, "after")
    names = sorted({os.path.basename(p).split(".")[0] for p in glob.glob(os.path.join(folder, "*.torch.json"))})
    if not names:
        return
    print("\n### whole process, every default, against PyTorch for as many epochs\n")
    print("| case | epochs | test accuracy NNTrainer / PyTorch | log-loss NNTrainer / PyTorch | CPU s NNTrainer / PyTorch | ratio |")
    print("|---|---:|---|---|---|---:|")
    for name in names:
        base = os.path.join(folder, name)
        train, metrics, torch = load(base + ".train.json"), load(base + ".evaluate.json")["results"][0]["metrics"], load(base + ".torch.json")
        cpu = sum(float(u) + float(s) for _, u, s in (line.split() for line in open(base + ".time")))
        tcpu = sum(float(u) + float(s) for _, u, s in (line.split() for line in open(base + ".torch.time")))
        print(f"| {name} | {train['length']['epochsRun']} | {metrics['Accuracy']:.3f} / {torch['test_acc']:.3f} | {metrics['LogLoss']:.3f} / {torch['test_logloss']:.3f} | {cpu:.1f} / {tcpu:.1f} | {cpu / tcpu:.2f} |")


if __name__ == "__main__":
    main()
    after()
