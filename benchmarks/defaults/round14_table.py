"""Round 14's tables (docs/defaults.md): the indicator rule's runs (round14/new) against the runs before it, split for
split. The CLI's "before" is the last stored run of each benchmark with today's defaults; the catalog's is round14/old
(main before the round, run beside it). Screens: round14_table.py --screens (gap 2 and the rare-only variants).

usage: benchmarks/defaults/round14_table.py [--screens]
"""
import json, os, sys
R = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "results")
N = f"{R}/defaults/round14"
CLI_BASE = {
    "defaults": f"{R}/defaults/round13/full/results.json",
    "pub": f"{R}/defaults/round12b/gate/pub-warm.json",
    "uci": f"{R}/defaults/round12b/gate/uci-warm.json",
    "mlb": f"{N}/old-cli/mlb/results.json",
    "rdata": f"{R}/rdata/results.json",
    "sm": f"{R}/statsmodels/results.json",
    "large": f"{R}/defaults/round13/full/results.json",
    "adult": f"{R}/defaults/round13/cli.json",
}
SK = {"defaults": f"{R}/defaults/round13/full/sklearn.json", "pub": f"{R}/public/sklearn.json", "uci": f"{R}/uci/sklearn.json",
      "mlb": f"{R}/mlbench/sklearn.json", "rdata": f"{R}/rdata/sklearn.json", "sm": f"{R}/statsmodels/sklearn.json",
      "large": f"{R}/defaults/round13/full/sklearn.json", "adult": f"{R}/public/sklearn.json"}
def load(p):
    try: return json.load(open(p))
    except Exception: return {}
def runs(d, table, system):
    t = d.get(table, {})
    if "systems" in t: return {x["split"]: x["metric"] for x in t["systems"].get(system, [])}
    if "runs" in t: return {x["split"]: x["metric"] for x in t["runs"]}
    return {}
def mean(v): return sum(v) / len(v) if v else float("nan")
FAMILIES = ["defaults", "pub", "uci", "mlb", "rdata", "sm", "large", "adult"]


def screens():
    cols = [("before", "old"), ("{0, 1} (adopted)", "new"), ("{0, 2}", "gap2"), ("rarer value < 10 %", "rare0.1"), ("rarer value < 25 %", "rare0.25")]
    print("| family | table | " + " | ".join(c for c, _ in cols) + " |")
    print("|---|---|" + "---:|" * len(cols))
    for fam in ["defaults", "pub", "uci", "mlb", "rdata"]:
        ds = {c: load(f"{N}/{p}/{fam}/results.json") for c, p in cols}
        for t in ds["{0, 2}"]:
            vals = [mean(list(runs(ds[c], t, "NNTrainer catalog").values())) for c, _ in cols]
            print(f"| {fam} | {t} | " + " | ".join(f"{v:.4f}" for v in vals) + " |")


def headline():
    """The defaults benchmark after round 14: round 13's full run with the tables round 14 re-ran replaced."""
    full = load(f"{R}/defaults/round13/full/results.json")
    # The stock trainers do not depend on NNTrainer's defaults: round 13's runs of them stand.
    for part in ("defaults", "large"):
        for table, t in load(f"{N}/new/{part}/results.json").items():
            full[table]["systems"].update(t["systems"])
    sk = load(f"{R}/defaults/round13/full/sklearn.json")
    tally = {}
    print("| dataset | scikit-learn | nntrainer | catalog | best linear | LightGBM |")
    print("|---|---:|---:|---:|---:|---:|")
    for table, t in full.items():
        if table == "fmnist_60k":
            continue
        margin = 0.01 if t["task"] == "regression" else 0.005
        means = {s: mean([x["metric"] for x in runs]) for s, runs in t["systems"].items() if runs}
        means["scikit-learn"] = mean(list(runs(sk, table, None).values()))
        linear = max((means[s] for s in ("SDCA", "L-BFGS") if s in means), default=float("nan"))
        peers = {"scikit-learn": means["scikit-learn"], "best linear": linear, "LightGBM": means.get("LightGBM", float("nan"))}
        for system in ("NNTrainer CLI", "NNTrainer catalog"):
            for peer, value in peers.items():
                if value != value:
                    continue
                d = means[system] - value
                key = (system, peer)
                w, e, l = tally.get(key, (0, 0, 0))
                tally[key] = (w + (d > margin), e + (abs(d) <= margin), l + (d < -margin))
        print(f"| {table} | {peers['scikit-learn']:.3f} | {means['NNTrainer CLI']:.3f} | {means['NNTrainer catalog']:.3f} | {linear:.3f} | {peers['LightGBM']:.3f} |")
    for key, value in tally.items():
        print(key, "%d / %d / %d" % value)


if "--headline" in sys.argv:
    headline()
    sys.exit(0)


if "--screens" in sys.argv:
    screens()
    sys.exit(0)
rows = []
for fam in FAMILIES:
    new = load(f"{N}/new/{fam}/results.json"); old = load(f"{N}/old/{fam}/results.json")
    cb = load(CLI_BASE[fam]); sk = load(SK.get(fam, ""))
    for table in new:
        line = [fam, table]
        for system, base in (("NNTrainer CLI", cb), ("NNTrainer catalog", old)):
            a = runs(base, table, system); b = runs(new, table, system)
            common = sorted(set(a) & set(b))
            if not common: line.append("–"); continue
            d = [b[k] - a[k] for k in common]
            better = sum(x > 1e-9 for x in d); worse = sum(x < -1e-9 for x in d)
            line.append(f"{mean([a[k] for k in common]):.4f} → {mean([b[k] for k in common]):.4f} ({better}/{len(d)-better-worse}/{worse})")
        s = runs(sk, table, None)
        line.append(f"{mean(list(s.values())):.4f}" if s else "–")
        rows.append(line)
print("| family | table | CLI before → after (b/e/w) | catalog before → after (b/e/w) | scikit-learn |")
print("|---|---|---|---|---:|")
for r in rows: print("| " + " | ".join(r) + " |")

