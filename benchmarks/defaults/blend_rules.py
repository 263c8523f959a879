"""Round 8: what other choice rules would have scored, from one cross-validated blend run's logged fold scores.

usage: blend_rules.py ROOT CV_SCREEN SYSTEM W0_SCREEN W1_SCREEN ...   (each Wk_SCREEN is WEIGHT=DIR)

ROOT/CV_SCREEN/blend.txt holds, split by split, every weight's held-out rows right / held-out loss (the prototype's
"blend rows N chose W: w=correct/loss ..." lines; the largest row count of a dataset is the final fit's, a CLI run also
logs its measuring fit on fewer rows). ROOT/<DIR>/results.json holds the test accuracy of SYSTEM forced to each weight
(the network alone is weight 0). For a grid of weights, a margin (held-out rows the blend must win by over the network
alone) and a tie rule (lower held-out loss, or the network), prints iris' and wine's mean test accuracy, its difference
from the network alone and from SDCA, and on how many splits a linear share was chosen. When the run also logged
"calib rows N ..." lines (held-out cross-entropy after each weight's best temperature), the tie rule "calibrated" breaks
ties by it and the rule "calibrated-first" chooses by it alone. Used in docs/defaults.md, round 8.
"""
import json
import re
import statistics
import sys


def fold_scores(path):
    by_rows, calibrated = {}, None
    for line in open(path):
        c = re.match(r"calib rows \d+ seed \d+: (.*)", line)
        if c:
            # "0/W=nll@T": linear candidate 0, weight W (only the first linear candidate is read).
            calibrated = {p.split("=")[0].split("/")[1]: float(p.split("=")[1].split("@")[0]) for p in c.group(1).split() if p.startswith("0/")}
        m = re.match(r"blend rows (\d+) chose [^:]*: (.*)", line)
        if m:
            scores = {}
            for part in m.group(2).split():
                if "=" not in part:
                    continue
                weight, value = part.split("=")
                correct, loss = value.split("/")[:2]
                scores[weight] = (float(correct), float(loss), calibrated[weight] if calibrated else float(loss))
            by_rows.setdefault(int(m.group(1)), []).append(scores)
            calibrated = None
    return by_rows


def choose(scores, grid, margin, tie):
    if tie == "calibrated-first":
        return min(grid, key=lambda w: (scores[w][2], grid.index(w)))
    best = "0"
    for w in grid[1:]:
        c, loss, cal = scores[w]
        bc, bl, bcal = scores[best]
        need = bc + (margin if best == "0" else 0)
        if c > need or (c == need and margin == 0 and ((tie == "loss" and loss < bl) or (tie == "calibrated" and cal < bcal))):
            best = w
    return best


def main(root, cv_screen, system, forced):
    weights = dict(f.split("=") for f in forced)
    logged = fold_scores(f"{root}/{cv_screen}/blend.txt")
    for grid in (["0", "0.5", "1"], ["0", "0.25", "0.5", "0.75", "1"], ["0", "1"]):
        if any(w not in weights for w in grid):
            continue
        for margin in (0, 1, 2, 3):
            for tie in ("loss", "network", "calibrated", "calibrated-first"):
                if tie == "calibrated-first" and margin > 0:
                    continue
                cells = []
                for dataset in ("iris", "wine"):
                    results = {w: json.load(open(f"{root}/{d}/results.json"))[dataset]["systems"] for w, d in weights.items()}
                    test = {w: {r["split"]: r["metric"] for r in s[system]} for w, s in results.items()}
                    sdca = {r["split"]: r["metric"] for r in results["0"]["SDCA"]} if "SDCA" in results["0"] else None
                    n = len(test["0"])
                    final = [rows for rows, runs in logged.items() if len(runs) == n]
                    runs = logged[max(r for r in final if (r > 130) == (dataset == "wine"))]
                    chosen = [choose(s, grid, margin, tie) for s in runs]
                    acc = [test[w][k] for k, w in enumerate(chosen)]
                    mean, base = statistics.mean(acc), statistics.mean(test["0"].values())
                    peer = f", − SDCA {mean - statistics.mean(sdca.values()):+.4f}" if sdca else ""
                    cells.append(f"{dataset} {mean:.4f} (− network {mean - base:+.4f}{peer}; blend on {sum(w != '0' for w in chosen)})")
                print(f"grid {','.join(grid)}, margin {margin}, tie {tie}: " + " | ".join(cells))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:])
