#!/usr/bin/env python3
"""The scale benchmark: for each size, generate the seeded CSV (once), then measure one after another, never two at
once, wall time, CPU time (user + system) and peak RSS (GNU time) of

  - nntrainer train FILE --label label --epochs 3 (CSV read, featurized, 3 epochs, evaluated, saved)
  - nntrainer predict MODEL FILE (read, scored and written in blocks)
  - NumPy loadtxt of the 20 numeric columns
  - scikit-learn MLPClassifier.partial_fit over blocks, 3 epochs (up to --sklearn-max rows)

and write benchmarks/results/scale/scale.{json,md} and memory.png (peak RSS against rows).

    /usr/bin/python3 benchmarks/scale/run.py [--sizes 100000,1000000,10000000] [--data /tmp/nntrainer-scale]
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PY = "/usr/bin/python3"


def timed(name, command):
    """Runs a command under GNU time; returns wall s, CPU s, peak MB."""
    result = subprocess.run(["/usr/bin/time", "-f", "TIME %e %U %S %M", *command], capture_output=True, text=True)
    line = [l for l in result.stderr.splitlines() if l.startswith("TIME ")]
    if result.returncode != 0 or not line:
        print(f"{name} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}", file=sys.stderr)
        return None
    wall, user, system, peak_kb = line[-1].split()[1:]
    row = {"wall_s": float(wall), "cpu_s": round(float(user) + float(system), 2), "peak_mb": round(int(peak_kb) / 1024)}
    print(f"  {name}: {row}", flush=True)
    return row


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100000,1000000,10000000")
    parser.add_argument("--data", default="/tmp/nntrainer-scale")
    parser.add_argument("--sklearn-max", type=int, default=1_000_000)
    parser.add_argument("--out", default=os.path.join(ROOT, "benchmarks", "results", "scale"))
    parser.add_argument("--cli", help="a built NNTrainer.Cli.dll to measure instead of building src/NNTrainer.Cli")
    args = parser.parse_args()
    os.makedirs(args.data, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)
    if args.cli is None:
        subprocess.run(["dotnet", "build", os.path.join(ROOT, "src", "NNTrainer.Cli"), "-c", "Release", "-nologo", "-v", "q"], check=True)
    cli = ["dotnet", args.cli or os.path.join(ROOT, "src", "NNTrainer.Cli", "bin", "Release", "net10.0", "NNTrainer.Cli.dll")]
    results = []
    for rows in [int(s) for s in args.sizes.split(",")]:
        path = os.path.join(args.data, f"scale-{rows}.csv")
        if not os.path.exists(path):
            subprocess.run([PY, os.path.join(HERE, "generate.py"), str(rows), path], check=True)
        model = os.path.join(args.data, f"scale-{rows}.zip")
        predictions = os.path.join(args.data, f"scale-{rows}-predictions.csv")
        print(f"{rows:,} rows ({os.path.getsize(path) / 1e6:.0f} MB)", flush=True)
        entry = {"rows": rows, "file_mb": round(os.path.getsize(path) / 1e6)}
        entry["numpy_loadtxt"] = timed("numpy loadtxt", [PY, os.path.join(HERE, "numpy_loadtxt.py"), path])
        entry["nntrainer_train"] = timed("nntrainer train", [*cli, "train", path, "--label", "label", "--epochs", "3", "--out", model, "--no-plots", "--quiet"])
        entry["nntrainer_predict"] = timed("nntrainer predict", [*cli, "predict", model, path, "--out", predictions, "--quiet"])
        entry["sklearn_partial_fit"] = (timed("sklearn partial_fit", [PY, os.path.join(HERE, "sklearn_partial_fit.py"), path])
                                        if rows <= args.sklearn_max else None)
        results.append(entry)
        with open(os.path.join(args.out, "scale.json"), "w") as f:
            json.dump(results, f, indent=2)
    write_table(results, os.path.join(args.out, "scale.md"))
    plot(results, os.path.join(args.out, "memory.png"))


def cell(row, key):
    return "—" if row is None else (f"{row[key]:.1f}" if key != "peak_mb" else f"{row[key]:,}")


def write_table(results, path):
    systems = [("numpy_loadtxt", "NumPy loadtxt (20 numeric columns)"), ("nntrainer_train", "nntrainer train, 3 epochs"),
               ("nntrainer_predict", "nntrainer predict"), ("sklearn_partial_fit", "scikit-learn partial_fit, 3 epochs")]
    lines = ["| Rows | File MB | What | Wall s | CPU s | Peak MB |", "|---:|---:|:---|---:|---:|---:|"]
    for entry in results:
        for key, label in systems:
            row = entry.get(key)
            lines.append(f"| {entry['rows']:,} | {entry['file_mb']} | {label} | {cell(row, 'wall_s')} | {cell(row, 'cpu_s')} | {cell(row, 'peak_mb')} |")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def plot(results, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for key, label in [("nntrainer_train", "nntrainer train"), ("nntrainer_predict", "nntrainer predict"),
                       ("numpy_loadtxt", "NumPy loadtxt"), ("sklearn_partial_fit", "scikit-learn partial_fit")]:
        points = [(e["rows"], e[key]["peak_mb"]) for e in results if e.get(key)]
        if points:
            ax.plot(*zip(*points), marker="o", label=label)
    ax.set_xscale("log")
    ax.set_xlabel("rows")
    ax.set_ylabel("peak RSS (MB)")
    ax.set_title("Peak memory against rows (20 numeric + 1 text column, binary label)")
    ax.grid(True, alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=120)


if __name__ == "__main__":
    main()
