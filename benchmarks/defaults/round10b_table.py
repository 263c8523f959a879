"""Tables round10b.sh OUT: mean accuracy per config (change from today), fit time ratios to today (median of splits 1-4
over both repetitions; split 0 of a process carries the JIT), iris and wine at 40 splits. usage: round10b_table.py OUT"""
import json, statistics as st, sys
O = sys.argv[1]
cfgs = ["base", "cv", "step", "f10"]
def load(prefix, cfg, rep=None):
    p = f"{O}/{prefix}-{cfg}" + (f"-{rep}" if rep else "") + "/results.json"
    return json.load(open(p))
rows = []
for prefix, sets in [("def", ["iris", "wine", "breast_cancer"]), ("uci", ["glass", "ionosphere", "breast_cancer_ljubljana", "labor", "vote"])]:
    for s in sets:
        acc = {}; sec = {}
        for c in cfgs:
            runs = [load(prefix, c, r)[s]["systems"]["NNTrainer catalog"] for r in (1, 2)]
            acc[c] = st.mean(x["metric"] for x in runs[0])
            assert [x["metric"] for x in runs[0]] == [x["metric"] for x in runs[1]]
            # median of splits 1-4 over both repetitions: split 0 of a process's first table carries the JIT
            sec[c] = st.median([x["seconds"] for r in runs for x in r if x["split"] > 0])
        print(f"| {s} | " + " | ".join(f"{acc[c]:.4f}" + ("" if c == "base" else f" ({acc[c]-acc['base']:+.4f})") for c in cfgs) + " | " + " / ".join(f"{sec[c]/sec['base']:.1f}" for c in cfgs[1:]) + f" (base {sec['base']*1000:.0f} ms) |")
for s in ["iris", "wine"]:
    acc = {c: st.mean(x["metric"] for x in load("s40", c)[s]["systems"]["NNTrainer catalog"]) for c in cfgs}
    print(f"| {s} 40 splits | " + " | ".join(f"{acc[c]:.4f}" + ("" if c == "base" else f" ({acc[c]-acc['base']:+.4f})") for c in cfgs) + " | |")
