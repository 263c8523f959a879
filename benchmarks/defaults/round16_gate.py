"""Round 16's gate (docs/defaults.md): a candidate's runs against today's, table by table, with the stored peers.

usage: round16_gate.py BASE_DIR CANDIDATE_DIR PEERS_RESULTS_JSON [SYSTEM]

BASE_DIR and CANDIDATE_DIR hold NNTrainer.Defaults.Bench's results.json on the same splits (today's defaults and the
candidate); PEERS_RESULTS_JSON is the benchmark's stored results.json (scikit-learn's MLP and the stock trainers on the
same splits, benchmarks/results/...). SYSTEM: "NNTrainer catalog" (default) or "NNTrainer CLI". A table passes when the
candidate's mean is ≥ max(scikit-learn − margin, best ML.NET linear) or ≥ today − margin (0.005 accuracy, 0.01 R²).
"""
import json
import statistics
import sys

from screen_table import paired


def runs(path, system):
    out = {}
    for name, d in json.load(open(path)).items():
        r = d["systems"].get(system)
        if r:
            out[name] = ({x["split"]: x["metric"] for x in r}, d.get("metric", ""))
    return out


def main(args):
    system = args[3] if len(args) > 3 else "NNTrainer catalog"
    base, cand = runs(f"{args[0]}/results.json", system), runs(f"{args[1]}/results.json", system)
    peers = json.load(open(args[2]))
    print(f"| table | today | candidate | − today (b/e/w) | scikit-learn | best linear | passes |")
    print("|---|---:|---:|---|---:|---:|---|")
    for name in sorted(cand):
        if name not in base:
            continue
        b, c = base[name][0], cand[name][0]
        splits = sorted(set(b) & set(c))
        mb, mc = statistics.mean(b[k] for k in splits), statistics.mean(c[k] for k in splits)
        margin = 0.01 if "R2" in str(base[name][1]) or name in ("servo", "ozone") else 0.005
        p = peers.get(name, {}).get("systems", {})
        mean = lambda n: statistics.mean(x["metric"] for x in p[n] if x["split"] in splits) if n in p else float("nan")
        sk = mean("scikit-learn MLP")
        lin = max((mean(n) for n in ("SDCA", "L-BFGS") if n in p), default=float("nan"))
        peer_bar = max(x for x in (sk - margin, lin) if x == x) if (sk == sk or lin == lin) else float("inf")
        ok = mc >= peer_bar or mc >= mb - margin
        same = all(b[k] == c[k] for k in splits)
        print(f"| {name} | {mb:.4f} | {mc:.4f} | {'bit for bit' if same else paired(c, b)} | {sk:.4f} | {lin:.4f} | {'yes' if ok else '**no**'} |")


if __name__ == "__main__":
    main(sys.argv[1:])
