"""Times `nntrainer train` against a scikit-learn script as a user runs them: one process each, alternately, per split.

usage: process_timing.py DATA_DIR OUT_DIR --cli "COMMAND ..." [--cli-name NAME] [--cli2 "COMMAND ..."] [--cli3 "COMMAND ..."]
                         [--datasets a,b] [--splits N]

For every split of every dataset (the CSV files datasets.py wrote), in turn:
  - scikit-learn: `python3 process_timing.py --sklearn-one DATA_DIR NAME K MODEL` in a new process, which imports
    scikit-learn, reads split K's training CSV, fits sklearn_run.py's pipeline (MLP with defaults) and pickles it;
  - NNTrainer: COMMAND train splitK.train.csv --label y --out MODEL.zip --no-plots --json in a new process
    (COMMAND is e.g. "dotnet src/NNTrainer.Cli/bin/Release/net10.0/NNTrainer.Cli.dll" or a ReadyToRun build);
    --cli2 and --cli3 add builds of the tool (e.g. JIT next to ReadyToRun and a self-contained composite).
Each process's wall time is taken around it; the fit times come from inside: scikit-learn's `fit`, and for NNTrainer
the measuring fit plus the refit on every row (both from the tool's JSON). Writes OUT_DIR/process_timing.json and
process_timing.md (means per dataset and the ratios, every number from this one run).
"""
import csv
import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time


def sklearn_one(data_dir, name, split, model_path):
    start = time.perf_counter()
    import numpy as np
    import sklearn_run
    imported = time.perf_counter() - start
    meta = json.load(open(os.path.join(data_dir, name, "meta.json")))
    with open(os.path.join(data_dir, name, f"split{split}.train.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    # A blank cell is missing: NaN, which both imputers look for.
    columns = {n: [r[n] if r[n] != "" else float("nan") for r in rows] for n in meta["numeric"] + meta["categorical"]}
    for n in meta["numeric"]:
        columns[n] = [float(v) for v in columns[n]]
    y = np.array([float(r[meta["label"]]) if meta["task"] == "regression" else r[meta["label"]] for r in rows])
    x = sklearn_run.frame(columns, meta["numeric"] + meta["categorical"])
    model = sklearn_run.model(meta, split)
    fit_start = time.perf_counter()
    model.fit(x, y)
    fit = time.perf_counter() - fit_start
    with open(model_path, "wb") as f:
        pickle.dump(model, f)
    print(json.dumps({"import": imported, "fit": fit}))


def timed(command):
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {done.returncode}: {done.stderr[-2000:]}")
    return wall, done.stdout


def main(argv):
    data_dir, out_dir = argv[0], argv[1]
    value = lambda flag, default: argv[argv.index(flag) + 1] if flag in argv else default
    clis = [(value("--cli-name", "CLI"), value("--cli", None).split())]
    for n in (2, 3):
        if f"--cli{n}" in argv:
            clis.append((value(f"--cli{n}-name", f"CLI {n}"), value(f"--cli{n}", None).split()))
    names = value("--datasets", "iris,wine,breast_cancer,digits,diabetes,linnerud,classification3,classification2,moons,circles,"
                                "friedman1,friedman2,friedman3,car_mileage,weather,fmnist_1k").split(",")
    splits = int(value("--splits", "3"))
    here = os.path.dirname(os.path.abspath(__file__))
    work = tempfile.mkdtemp(prefix="nntrainer-timing-")
    results = {}
    for name in names:
        label = json.load(open(os.path.join(data_dir, name, "meta.json")))["label"]
        runs = []
        for k in range(splits):
            train = os.path.join(data_dir, name, f"split{k}.train.csv")
            run = {"split": k}
            wall, out = timed([sys.executable, os.path.join(here, "process_timing.py"), "--sklearn-one", data_dir, name, str(k), os.path.join(work, "m.pkl")])
            inner = json.loads(out.strip().splitlines()[-1])
            run["sklearn"] = {"wall": wall, "fit": inner["fit"], "import": inner["import"]}
            for cli_name, command in clis:
                wall, out = timed(command + ["train", train, "--label", label, "--out", os.path.join(work, "m.zip"), "--no-plots", "--json"])
                report = json.loads(out)
                measuring = report["results"][0]["trainSeconds"]
                refit = report["savedModel"]["trainSeconds"]
                run[cli_name] = {"wall": wall, "fit": measuring + refit, "measuringFit": measuring, "refit": refit}
            runs.append(run)
            print(f"{name} split {k}: " + ", ".join(f"{s} {v['wall']:.2f} s (fit {v['fit']:.2f} s)" for s, v in run.items() if s != "split"), flush=True)
        results[name] = runs
        json.dump(results, open(os.path.join(out_dir, "process_timing.json"), "w"), indent=1)
    write_table(results, [c for c, _ in clis], os.path.join(out_dir, "process_timing.md"))


def write_table(results, clis, path):
    mean = lambda runs, system, key: statistics.mean(r[system][key] for r in runs)
    head = "| dataset | scikit-learn process s | scikit-learn fit s | " + " | ".join(
        f"{c} process s | {c} fit s (measuring + refit) | {c} / sklearn process | {c} / sklearn fit" for c in clis) + " |"
    lines = [head, "|---|" + "---:|" * (2 + 4 * len(clis))]
    for name, runs in results.items():
        sk_wall, sk_fit = mean(runs, "sklearn", "wall"), mean(runs, "sklearn", "fit")
        cells = [f"{sk_wall:.2f}", f"{sk_fit:.2f}"]
        for c in clis:
            wall, fit = mean(runs, c, "wall"), mean(runs, c, "fit")
            cells += [f"{wall:.2f}", f"{fit:.2f}", f"{wall / sk_wall:.2f}", f"{fit / sk_fit:.2f}"]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    open(path, "w").write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    if sys.argv[1] == "--sklearn-one":
        sklearn_one(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])
    else:
        main(sys.argv[1:])
