"""The before/after headline of the defaults benchmark: one row per dataset with scikit-learn's MLP, NNTrainer
(CLI and catalog) before and after, the best ML.NET linear trainer and LightGBM, then wins/ties/losses.

usage: headline.py RESULTS_DIR [AFTER]   (reads sklearn.json, before/, AFTER/ (default after/), stock/ and stock-*/results.json;
                                         writes headline.md)
"""
import json
import os
import statistics
import sys

d = sys.argv[1]


def load(name):
    path = os.path.join(d, name, "results.json")
    return json.load(open(path)) if os.path.exists(path) else {}


sk = json.load(open(os.path.join(d, "sklearn.json")))
before, after, stock = load("before"), load(sys.argv[2] if len(sys.argv) > 2 else "after"), load("stock")
# Stock trainers may come from more than one run (stock/, stock-sdca/ ...): merge their systems.
for extra in sorted(x for x in os.listdir(d) if x.startswith("stock-")):
    for name, result in load(extra).items():
        stock.setdefault(name, {"systems": {}})["systems"].update(result["systems"])


def mean(result, system):
    runs = (result or {}).get("systems", {}).get(system)
    return statistics.mean(r["metric"] for r in runs) if runs else None


def f(v):
    return "–" if v is None else f"{v:.3f}"


rows, tally = [], {}
for name, s in sk.items():
    margin = 0.01 if s["task"] == "regression" else 0.005
    skm = statistics.mean(r["metric"] for r in s["runs"])
    st = stock.get(name)
    linear = [m for m in (mean(st, "SDCA"), mean(st, "L-BFGS")) if m is not None]
    best_linear = max(linear) if linear else None
    lgbm = mean(st, "LightGBM")
    cells = [mean(before.get(name), "NNTrainer CLI"), mean(after.get(name), "NNTrainer CLI"),
             mean(before.get(name), "NNTrainer catalog"), mean(after.get(name), "NNTrainer catalog")]
    metric = "R²" if s["task"] == "regression" else "acc"
    rows.append(f"| {name} | {metric} | {f(skm)} | {f(cells[0])} → {f(cells[1])} | {f(cells[2])} → {f(cells[3])} | {f(best_linear)} | {f(lgbm)} |")
    for label, value in (("CLI before", cells[0]), ("CLI after", cells[1]), ("catalog before", cells[2]), ("catalog after", cells[3])):
        for peer, other in (("scikit-learn MLP", skm), ("best ML.NET linear", best_linear), ("LightGBM", lgbm)):
            if value is None or other is None:
                continue
            w, t, l = tally.get((label, peer), (0, 0, 0))
            gap = value - other
            tally[(label, peer)] = (w + (gap > margin), t + (abs(gap) <= margin), l + (gap < -margin))

out = ["| dataset | metric | scikit-learn MLP | NNTrainer CLI before → after | NNTrainer catalog before → after | best ML.NET linear | LightGBM |",
       "|---|---|---:|---:|---:|---:|---:|"] + rows
out += ["", "Wins / ties / losses (per dataset, on the mean over the splits; a tie is within 0.005 accuracy or 0.01 R²; "
        "only datasets where both have results):", "",
        "| NNTrainer | vs scikit-learn MLP | vs best ML.NET linear | vs LightGBM |", "|---|---|---|---|"]
for label in ("CLI before", "CLI after", "catalog before", "catalog after"):
    out.append(f"| {label} | " + " | ".join("{} / {} / {}".format(*tally.get((label, p), (0, 0, 0)))
                                             for p in ("scikit-learn MLP", "best ML.NET linear", "LightGBM")) + " |")
open(os.path.join(d, "headline.md"), "w").write("\n".join(out) + "\n")
print("\n".join(out))
