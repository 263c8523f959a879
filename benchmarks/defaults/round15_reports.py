"""Round 15: the measuring fit's report and the saved model, a build (NEW) against another (OLD), split for split.

usage: round15_reports.py NEW_DLL OLD_DLL MLBENCH_DATA PUBLIC_DATA OUT_DIR [table,table]

For every split of LetterRecognition, Shuttle, Satellite (mlbench export, docs/mlbench-data.md), binary synth and adult
(the public benchmark's export), in turn: `train splitK.train.csv --label y --json` with each build, the reported
held-out accuracy and the network's training rows of each, whether the two zips hold the same entries (zipsame), and
the saved model's accuracy on splitK.test.csv (`evaluate`). Writes OUT_DIR/campaign.json.
"""
import hashlib, json, subprocess, sys, time, os, zipfile
NEW = ["dotnet", sys.argv[1]]
OLD = ["dotnet", sys.argv[2]]
tables = [("letter", f"{sys.argv[3]}/letter"), ("shuttle", f"{sys.argv[3]}/shuttle"), ("satellite", f"{sys.argv[3]}/satellite"),
          ("binary_synth", f"{sys.argv[4]}/binary_synth"), ("adult", f"{sys.argv[4]}/adult")]
out = sys.argv[5]
only = sys.argv[6].split(",") if len(sys.argv) > 6 else None


def zipsame(a, b):
    """SAME, or DIFF and the entries whose bytes differ."""
    def digests(path):
        with zipfile.ZipFile(path) as z:
            return {n: hashlib.sha256(z.read(n)).hexdigest() for n in z.namelist()}
    x, y = digests(a), digests(b)
    return "SAME" if x == y else "DIFF " + str(sorted(n for n in set(x) | set(y) if x.get(n) != y.get(n)))


os.makedirs(out, exist_ok=True)
rows = []
def run(cmd, csv, label, zp):
    t = time.perf_counter()
    p = subprocess.run(cmd + ["train", csv, "--label", label, "--out", zp, "--no-plots", "--json"], capture_output=True, text=True)
    wall = time.perf_counter() - t
    if p.returncode: raise SystemExit(p.stderr[-2000:])
    d = json.loads(p.stdout)
    return wall, d
for name, folder in tables:
    if only and name not in only: continue
    meta = json.load(open(f"{folder}/meta.json"))
    for k in range(len(meta["splits"])):
        csv = f"{folder}/split{k}.train.csv"
        res = {}
        for tag, cmd in (("new", NEW), ("old", OLD)):
            zp = f"{out}/{name}{k}-{tag}.zip"
            wall, d = run(cmd, csv, meta["label"], zp)
            r = d["results"][0]
            res[tag] = dict(wall=wall, acc=r["metrics"]["Accuracy"], fit=r["trainSeconds"], refit=d["savedModel"]["trainSeconds"],
                            long=d["savedModel"].get("longTraining"), netrows=d["measuredOn"].get("networkTrainRows"), trainrows=d["measuredOn"]["trainRows"])
        same = zipsame(f"{out}/{name}{k}-new.zip", f"{out}/{name}{k}-old.zip")
        ev = subprocess.run(NEW + ["evaluate", f"{out}/{name}{k}-new.zip", f"{folder}/split{k}.test.csv", "--json"], capture_output=True, text=True)
        try:
            evj = json.loads(ev.stdout); test = evj["results"][0]["metrics"]["Accuracy"]
        except Exception:
            test = None
        row = dict(table=name, split=k, same=same, test=test, **{f"{t}_{a}": v for t in res for a, v in res[t].items()})
        rows.append(row)
        print(json.dumps(row), flush=True)
        for t in ("new", "old"): os.remove(f"{out}/{name}{k}-{t}.zip")
json.dump(rows, open(f"{out}/campaign.json", "w"), indent=1)
