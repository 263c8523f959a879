"""Round 15: would a rule that stops the long measurement once it cannot catch up change any choice?

usage: round15_stop_rule.py CURVES.jsonl

CURVES.jsonl (benchmarks/results/defaults/round15/long-curves.jsonl) has, per table and split, both candidates of the
`nntrainer train` choice that decided the saved model (the measuring fit's; Satellite's refit, whose measuring fit is
under 5,000 rows) with the held-out tenth's data loss after every epoch. They came from a build whose LongTraining passed
the held-out tenth as validation data (which changes no weight: the 25 reports of round15_reports.py came out the same).
A rule (f, m, w) stops the long candidate at the first epoch e >= f * epochs where its held-out loss is above the usual
candidate's final loss times 1 + m and above its own of w epochs before; a stopped long candidate loses the choice.
Prints every rule of the grid that changes no choice, best saving first, then the margins of the best one.
"""
import json
import sys
from collections import defaultdict

runs = defaultdict(dict)
for line in open(sys.argv[1]):
    r = json.loads(line)
    runs[(r["table"], r["split"])][r["candidate"]] = r
cases = []
for (table, split), pair in sorted(runs.items()):
    usual, long = pair["usual"], pair["long"]
    cases.append(dict(table=table, split=split, U=usual["heldOutLoss"], curve=long["curve"], E=long["epochs"],
                      long=long["heldOutLoss"] < usual["heldOutLoss"]))


def stop(case, f, m, w):
    c, E, U = case["curve"], case["E"], case["U"]
    for e in range(max(w + 1, int(f * E)), E):
        if c[e - 1] > U * (1 + m) and c[e - 1] > c[e - 1 - w]:
            return e
    return None


print(f"{len(cases)} choices: long on {sum(c['long'] for c in cases)}, usual on {sum(not c['long'] for c in cases)}")
rules = []
for f in (0.25, 0.33, 0.5, 0.67, 0.75):
    for m in (0.0, 0.02, 0.05, 0.1, 0.2):
        for w in (1, 3, 5, 10):
            if any(c["long"] and stop(c, f, m, w) for c in cases):
                continue
            saved = [(c["E"] - stop(c, f, m, w)) / c["E"] for c in cases if not c["long"] and stop(c, f, m, w)]
            rules.append((sum(saved), f, m, w, len(saved)))
rules.sort(reverse=True)
for saved, f, m, w, n in rules[:8]:
    print(f"f={f} m={m} w={w}: stops {n} of the usual choices, {saved:.2f} long trainings' epochs saved")
_, f, m, w, _ = rules[0]
closest = sorted(((max(c["curve"][e - 1] / c["U"] for e in range(int(f * c["E"]), c["E"] + 1)), c["table"], c["split"])
                  for c in cases if c["long"]), reverse=True)[:3]
print("long choices closest to stopping (highest held-out loss / usual's final after f):", [(round(x, 4), t, k) for x, t, k in closest])
per = defaultdict(list)
for c in cases:
    if not c["long"]:
        s = stop(c, f, m, w)
        per[c["table"]].append(round(0 if s is None else (c["E"] - s) / c["E"], 2))
for table, saved in per.items():
    print(f"{table}: share of the long candidate's epochs saved per split {saved}")
