"""Tables round11a_timing.sh OUT: fit time of the branch over today's per table and system (median of splits 1-4 over
both repetitions; split 0 of a process carries the JIT). usage: round11a_timing.py OUT"""
import json
import statistics as st
import sys

O = sys.argv[1]
print("| table | system | today (s) | factor 10 (s) | ratio |")
print("|---|---|---:|---:|---:|")
for tag, names in [("d", ["iris"]), ("u", ["glass"]), ("r", ["friedman1_750"])]:
    for name in names:
        for system in ("NNTrainer CLI", "NNTrainer catalog"):
            sec = {}
            for build in ("today", "branch"):
                runs = [json.load(open(f"{O}/{tag}-{build}-{rep}/results.json"))[name]["systems"][system] for rep in (1, 2)]
                sec[build] = st.median([r["seconds"] for rs in runs for r in rs if r["split"] > 0])
            print(f"| {name} | {system.split()[-1]} | {sec['today']:.3f} | {sec['branch']:.3f} | {sec['branch'] / sec['today']:.2f} |")
