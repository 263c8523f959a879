"""Round 10: what each set of model-selection candidates scores, replayed from one run that scored them all.

usage: candidate_sets.py LOG --forced Configured=DIR/results.json --forced Linear=... --forced UncentredLinear=...
                         [--run NAME=DIR/results.json ...] [--peers DIR/results.json] [--sklearn sklearn.json]
                         [--system "NNTrainer catalog"] [--datasets iris,wine]

LOG is a benchmark log whose "selection DATASET split K: CHOSEN A=acc/loss B=acc/loss ..." lines hold every candidate's
held-out accuracy and loss (a run with NNTRAINER_PROTO_CANDIDATES listing them all). A candidate's fold fits do not
depend on which others run beside it, and the final fit of a choice is the forced run of that candidate (same seed,
same rows), so each subset's choice per split (most held-out rows right, a tie to the lower loss, then to the earlier
candidate) and its test accuracy follow without training again. --run adds measured runs (e.g. the chosen set itself,
to check the replay); --peers adds SDCA and L-BFGS, --sklearn scikit-learn's MLP. Differences are paired per split
(± standard error, splits better / equal / worse) against the Configured forced run (today) and against SDCA.
"""
import argparse
import itertools
import json
import math
import re
import statistics


def metrics(path, system):
    data = json.load(open(path))
    return {ds: {r["split"]: r["metric"] for r in v["systems"][system]} for ds, v in data.items() if system in v["systems"]}


def paired(a, b):
    d = [a[k] - b[k] for k in sorted(a) if k in b]
    if not d:
        return "–"
    se = statistics.stdev(d) / math.sqrt(len(d)) if len(d) > 1 else 0.0
    better, worse = sum(x > 1e-6 for x in d), sum(x < -1e-6 for x in d)
    return f"{statistics.mean(d):+.4f} ± {se:.4f} ({better}/{len(d) - better - worse}/{worse})"


def summary(acc):
    low = [v for k, v in acc.items() if k < 20]
    high = [v for k, v in acc.items() if k >= 20]
    parts = [statistics.mean(acc.values()), statistics.mean(low) if low else float("nan"), statistics.mean(high) if high else float("nan")]
    return " | ".join(f"{p:.4f}" for p in parts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("log")
    ap.add_argument("--forced", action="append", default=[])
    ap.add_argument("--run", action="append", default=[])
    ap.add_argument("--peers")
    ap.add_argument("--sklearn")
    ap.add_argument("--system", default="NNTrainer catalog")
    ap.add_argument("--datasets", default="iris,wine")
    args = ap.parse_args()
    forced = {name: metrics(path, args.system) for name, path in (f.split("=", 1) for f in args.forced)}
    runs = {name: metrics(path, args.system) for name, path in (f.split("=", 1) for f in args.run)}
    scores = {}
    for line in open(args.log):
        m = re.match(r"selection (\w+) split (\d+): \w+ (.*)", line)
        if m:
            scores[(m[1], int(m[2]))] = {c: tuple(map(float, s.split("/"))) for c, s in (p.split("=") for p in m[3].split())}
    peers = {s: metrics(args.peers, s) for s in ("SDCA", "L-BFGS")} if args.peers else {}
    sk = json.load(open(args.sklearn)) if args.sklearn else {}
    order = ["Configured", "Linear", "UncentredLinear"]
    for ds in args.datasets.split(","):
        today = forced["Configured"][ds]
        sdca = peers.get("SDCA", {}).get(ds, {})
        splits = sorted(today)
        print(f"\n### {ds} ({len(splits)} splits)\n")
        print("| system | accuracy | 0–19 | 20–39 | − today (b/e/w) | − SDCA (b/e/w) | chosen (C/L/U) |")
        print("|---|---:|---:|---:|---|---|---|")
        rows = [(f"forced {n}", forced[n][ds], "") for n in order if n in forced and ds in forced[n]]
        for size in (2, 3):
            for subset in itertools.combinations(order, size):
                if subset[0] != "Configured" or any(n not in forced for n in subset):
                    continue
                acc, counts = {}, dict.fromkeys(order, 0)
                for k in splits:
                    s = scores.get((ds, k))
                    if s is None or any(n not in s for n in subset) or any(k not in forced[n][ds] for n in subset):
                        continue
                    best = subset[0]
                    for n in subset[1:]:
                        if s[n][0] > s[best][0] or (s[n][0] == s[best][0] and s[n][1] < s[best][1]):
                            best = n
                    counts[best] += 1
                    acc[k] = forced[best][ds][k]
                if acc:
                    rows.append(("choice among " + " + ".join(subset), acc, "/".join(str(counts[n]) for n in order)))
        rows += [(f"measured: {n}", r[ds], "") for n, r in runs.items() if ds in r]
        rows += [(n, p[ds], "") for n, p in peers.items() if ds in p]
        if ds in sk:
            rows.append(("scikit-learn MLP", {r["split"]: r["metric"] for r in sk[ds]["runs"]}, ""))
        for name, acc, chosen in rows:
            print(f"| {name} | {summary(acc)} | {paired(acc, today)} | {paired(acc, sdca) if sdca else '–'} | {chosen} |")


if __name__ == "__main__":
    main()
