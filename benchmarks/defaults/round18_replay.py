"""Replays round 18's paired-margin model choice at several thresholds z from three runs of the same splits.

usage: round18_replay.py RUN_DIR [--peers RESULTS_JSON[,SKLEARN_JSON]] [--z 0,1,1.5,2,3] [--markdown]

RUN_DIR holds (benchmarks/results/defaults/round18/README.md) data_dir.json ({"data": the splits the CLI read}) and:
  A/results.json     today's defaults (the choice off), systems "NNTrainer CLI" and "NNTrainer catalog" (or Acat/ and
                     Acli/ apart, when the catalog read R's plain splits and the CLI the quoted ones);
  Bcat/results.json  the catalog with the choice on and the linear candidate forced (a scratch build: every fit that
                     chooses logs its margin to Bcat.z and then trains the uncentred linear model);
  Bcli/results.json  the same through `nntrainer train` (Bcli.z: two lines a split, the measuring fit's and the refit's).
A .z line is: pid, training rows, mean(d), se(d), z = mean/se, held-out accuracy of the network and of the linear model
over the folds, the choice of the fold accuracies; d = a row's held-out cross-entropy under the network minus under the
linear model, every row held out once. A split where the margin z exceeds the threshold scores the linear model's test
accuracy (B), any other split the network's (A). The CLI replays the measuring fit's z (the saved model inherits its
choice) and, for comparison, the refit's own.
"""
import json
import math
import os
import sys


def load(path):
    with open(path) as f:
        return json.load(f)


def metrics(results, table, system):
    runs = results[table]["systems"].get(system)
    return None if runs is None else {r["split"]: r["metric"] for r in runs}


def zlines(path):
    if not os.path.exists(path):
        return []
    out = []
    with open(path) as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            out.append({"rows": int(p[1]), "mean": float(p[2]), "se": float(p[3]), "z": float(p[4]), "net": float(p[5]), "lin": float(p[6])})
    return out


def train_rows(data_dir, table, split):
    with open(os.path.join(data_dir, table, f"split{split}.train.csv")) as f:
        return sum(1 for _ in f) - 1


def assign(tables, splits, lines, data_dir, cli):
    """Maps the log's lines onto (table, split) in run order: the catalog one line a split, the CLI a measuring fit's
    line (fewer rows; none when that fit had too few rows to choose) and the refit's (the split's training rows)."""
    out, i = {}, 0
    for t in tables:
        for s in splits:
            n = train_rows(data_dir, t, s)
            if not cli:
                if i >= len(lines) or lines[i]["rows"] != n:
                    raise SystemExit(f"{t} split {s}: expected a line of {n} rows at line {i + 1}, got {lines[i] if i < len(lines) else 'none'}")
                out[(t, s)] = {"refit": lines[i]}
                i += 1
                continue
            entry = {}
            if i < len(lines) and lines[i]["rows"] < n:
                entry["measure"] = lines[i]
                i += 1
            if i >= len(lines) or lines[i]["rows"] != n:
                raise SystemExit(f"{t} split {s} (CLI): expected the refit's line of {n} rows at line {i + 1}, got {lines[i] if i < len(lines) else 'none'}")
            entry["refit"] = lines[i]
            i += 1
            out[(t, s)] = entry
    if i != len(lines):
        raise SystemExit(f"{len(lines) - i} log lines left over")
    return out


def paired(a, b):
    d = [y - x for x, y in zip(a, b)]
    n = len(d)
    m = sum(d) / n
    se = math.sqrt(sum((x - m) ** 2 for x in d) / (n - 1) / n) if n > 1 else float("nan")
    better = sum(1 for x in d if x > 1e-9)
    worse = sum(1 for x in d if x < -1e-9)
    return m, se, better, n - better - worse, worse


def peers(paths, table, splits):
    best_linear, sklearn = None, None
    for path in paths:
        if not path or not os.path.exists(path):
            continue
        d = load(path)
        if table not in d:
            continue
        entry = d[table]
        if "systems" in entry:
            for system, runs in entry["systems"].items():
                by = {r["split"]: r["metric"] for r in runs}
                if not all(s in by for s in splits):
                    continue
                mean = sum(by[s] for s in splits) / len(splits)
                if system in ("SDCA", "L-BFGS"):
                    best_linear = max(best_linear or (-1, ""), (mean, system))
                if system == "scikit-learn MLP":
                    sklearn = mean
        elif "runs" in entry:
            by = {r["split"]: r["metric"] for r in entry["runs"]}
            if all(s in by for s in splits):
                sklearn = sum(by[s] for s in splits) / len(splits)
    return best_linear, sklearn


def main(argv):
    run = argv[0]
    zs = [0.0, 1.0, 1.5, 2.0, 3.0]
    peer_paths, markdown = [], "--markdown" in argv
    if "--z" in argv:
        zs = [float(x) for x in argv[argv.index("--z") + 1].split(",")]
    if "--peers" in argv:
        peer_paths = argv[argv.index("--peers") + 1].split(",")
    data_dir = load(os.path.join(run, "data_dir.json"))["data"]
    both = os.path.join(run, "A", "results.json")
    a_of = {"catalog": load(both if os.path.exists(both) else os.path.join(run, "Acat", "results.json")),
            "CLI": load(both if os.path.exists(both) else os.path.join(run, "Acli", "results.json"))}
    tables = list(a_of["CLI"])
    splits = sorted(r["split"] for r in a_of["CLI"][tables[0]]["systems"]["NNTrainer CLI"])
    rows = []
    for path_name, system, b_dir, z_file, cli in (("catalog", "NNTrainer catalog", "Bcat", "Bcat.z", False), ("CLI", "NNTrainer CLI", "Bcli", "Bcli.z", True)):
        if not os.path.exists(os.path.join(run, b_dir, "results.json")):
            continue
        b, a = load(os.path.join(run, b_dir, "results.json")), a_of[path_name]
        logged = assign(tables, splits, zlines(os.path.join(run, z_file)), data_dir, cli)
        for t in tables:
            off, lin = metrics(a, t, system), metrics(b, t, system)
            base = [off[s] for s in splits]
            line = {"table": t, "path": path_name, "rows": train_rows(data_dir, t, 0), "off": sum(base) / len(base),
                    "linear": sum(lin[s] for s in splits) / len(splits), "z": {}}
            for key in (("measure", "refit") if cli else ("refit",)):
                zvals = [logged[(t, s)].get(key, {}).get("z", float("-inf")) for s in splits]
                line["z"][key] = zvals
                for z in zs:
                    chosen = [zv > z for zv in zvals]
                    scores = [lin[s] if c else off[s] for s, c in zip(splits, chosen)]
                    line[(key, z)] = (sum(scores) / len(scores), paired(base, scores), sum(chosen))
            line["peers"] = peers(peer_paths, t, splits)
            rows.append(line)
    key_of = lambda line: "measure" if line["path"] == "CLI" else "refit"
    print(f"# {run}: {len(splits)} splits; mean accuracy, paired difference against the choice off ± se (better/equal/worse), linear picks")
    header = "| table (train rows) | path | off | linear forced | " + " | ".join(f"z {z:g}" for z in zs) + " | best linear / sklearn |"
    print(header)
    print("|" + "---|" * (5 + len(zs)))
    for line in rows:
        k = key_of(line)
        cells = []
        for z in zs:
            mean, (m, se, bt, eq, wo), picks = line[(k, z)]
            cells.append(f"{mean:.4f} ({m:+.4f} ± {se:.4f}, {bt}/{eq}/{wo}; {picks})")
        lin, sk = line["peers"]
        peer = f"{lin[0]:.4f} {lin[1]} / " if lin else "– / "
        peer += f"{sk:.4f}" if sk is not None else "–"
        print(f"| {line['table']} ({line['rows']}) | {line['path']} | {line['off']:.4f} | {line['linear']:.4f} | " + " | ".join(cells) + f" | {peer} |")
    print()
    print("z per split (catalog; CLI measuring fit / refit):")
    for line in rows:
        zz = line["z"]
        text = " ".join(f"{v:.2f}" for v in zz["refit"]) if line["path"] == "catalog" else \
            " ".join(f"{m:.2f}/{r:.2f}" for m, r in zip(zz["measure"], zz["refit"]))
        print(f"  {line['table']} {line['path']}: {text}")
    if "--json" in argv:
        with open(os.path.join(run, "replay.json"), "w") as f:
            json.dump([{k if isinstance(k, str) else f"{k[0]}@{k[1]}": v for k, v in line.items()} for line in rows], f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])
