"""Round 11a (docs/defaults.md): today's and the branch's NNTrainer CLI and catalog, dataset by dataset, from
NNTrainer.Defaults.Bench's results.json files: mean metric over the splits both runs share, the difference, how many
splits moved, and the gate (accuracy >= today - 0.005, R2 >= today - 0.01).
usage: round11a_table.py TODAY.json[,MORE.json] BRANCH.json [--datasets a,b]
(several "today" files: the first that holds a dataset and system wins, so stored runs can be combined.)
"""
import argparse
import json


def load(paths):
    merged = {}
    for path in paths.split(","):
        for name, entry in json.load(open(path)).items():
            if not isinstance(entry, dict) or "systems" not in entry:
                continue
            slot = merged.setdefault(name, {"task": entry["task"], "systems": {}})
            for system, runs in entry["systems"].items():
                slot["systems"].setdefault(system, {r["split"]: r["metric"] for r in runs})
    return merged


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("today")
    parser.add_argument("branch")
    parser.add_argument("--datasets")
    args = parser.parse_args()
    today, branch = load(args.today), load(args.branch)
    names = args.datasets.split(",") if args.datasets else list(branch)
    print("| dataset | system | splits | today | factor 10 | difference | splits moved | gate |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    for name in names:
        if name not in branch or name not in today:
            continue
        margin = 0.01 if branch[name]["task"] == "regression" else 0.005
        for system in ("NNTrainer CLI", "NNTrainer catalog"):
            ours, theirs = branch[name]["systems"].get(system), today[name]["systems"].get(system)
            if not ours or not theirs:
                continue
            shared = sorted(set(ours) & set(theirs))
            a = sum(theirs[s] for s in shared) / len(shared)
            b = sum(ours[s] for s in shared) / len(shared)
            moved = sum(abs(ours[s] - theirs[s]) > 1e-9 for s in shared)
            gate = "pass" if b >= a - margin else "**fail**"
            print(f"| {name} | {system.split()[-1]} | {len(shared)} | {a:.4f} | {b:.4f} | {b - a:+.4f} | {moved} | {gate} |")


if __name__ == "__main__":
    main()
