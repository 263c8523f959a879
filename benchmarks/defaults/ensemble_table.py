"""Round 6: the ensemble prototype's table (EnsembleSystem.cs in NNTrainer.Defaults.Bench) from one or more results.json.

usage: ensemble_table.py RESULTS_JSON [RESULTS_JSON ...] [--sklearn SKLEARN_JSON ...]

Per dataset: mean ± sd of the metric for scikit-learn's MLP, SDCA, L-BFGS, the plain catalog network and every ensemble
system (ens<K>: K seeds on all rows, bag<K>: K seeds on bootstrap rows, ini<K>: K initial weights, one shuffling
seed); then, split by split, every ensemble's difference from ens1 (one member, the catalog network itself; ini1 for
ini<K>) and from SDCA (mean ± standard error, better / equal /
worse), and the fit seconds of the members (mean over splits 1.., split 0 carrying the process's JIT).
"""
import json
import math
import statistics
import sys


def stats(values):
    return statistics.mean(values), (statistics.stdev(values) if len(values) > 1 else 0.0)


def paired(a, b):
    splits = sorted(set(a) & set(b))
    d = [a[k] - b[k] for k in splits]
    se = statistics.stdev(d) / math.sqrt(len(d)) if len(d) > 1 else 0.0
    better, worse = sum(x > 1e-9 for x in d), sum(x < -1e-9 for x in d)
    return f"{statistics.mean(d):+.4f} ± {se:.4f} ({better}/{len(d) - better - worse}/{worse})"


def main(args):
    sk_paths = args[args.index("--sklearn") + 1:] if "--sklearn" in args else []
    paths = args[:args.index("--sklearn")] if "--sklearn" in args else args
    results, sklearn = {}, {}
    for p in paths:
        for name, r in json.load(open(p)).items():
            results.setdefault(name, {}).update(r["systems"])
    for p in sk_paths:
        for name, r in json.load(open(p)).items():
            sklearn.setdefault(name, {r2["split"]: r2["metric"] for r2 in r["runs"]})
    ens = lambda s: s.startswith(("ens", "bag", "ini"))
    for name, systems in results.items():
        metric = {s: {r["split"]: r["metric"] for r in runs} for s, runs in systems.items()}
        seconds = {s: {r["split"]: r["seconds"] for r in runs} for s, runs in systems.items()}
        n = max(len(v) for v in metric.values())
        if name in sklearn:
            metric["scikit-learn MLP"] = {k: v for k, v in sklearn[name].items() if k < n}
        order = [s for s in ("scikit-learn MLP", "SDCA", "L-BFGS", "NNTrainer catalog") if s in metric]
        order += sorted([s for s in metric if ens(s)], key=lambda s: (s[:3], int(s[3:])))
        print(f"\n### {name} ({n} splits)\n")
        print("| system | mean ± sd | − ens1 / ini1 (± se; better/equal/worse) | − SDCA (± se; b/e/w) | fit s (splits 1..) |")
        print("|---|---:|---:|---:|---:|")
        for s in order:
            m, sd = stats(list(metric[s].values()))
            # ini<K> members share their shuffles, so they are compared with ini1 (one member of the same shuffling seed).
            one = "ini1" if s.startswith("ini") and "ini1" in metric else "ens1"
            vs1 = paired(metric[s], metric[one]) if ens(s) and s not in ("ens1", "ini1") and one in metric else ""
            vsd = paired(metric[s], metric["SDCA"]) if "SDCA" in metric and s != "SDCA" else ""
            fit = f"{statistics.mean([v for k, v in seconds[s].items() if k > 0]):.3f}" if s in seconds and n > 1 else ""
            print(f"| {s} | {m:.4f} ± {sd:.4f} | {vs1} | {vsd} | {fit} |")


if __name__ == "__main__":
    main(sys.argv[1:])
