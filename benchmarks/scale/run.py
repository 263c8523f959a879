#!/usr/bin/env python3
"""The scale benchmark: for each size, generate the seeded CSV once (cached in --data), then run one command at a
time, never two at once, under GNU time (wall s, CPU s = user + system, peak RSS):

  - NumPy loadtxt of the 20 numeric columns (the ingest yardstick)
  - the CLI's ingest alone (IngestProbe cli: read, type inference, featurisation up to the float32 matrices), <= 1M
  - nntrainer train in memory (<= 1M rows) and train --streaming, both --epochs 2 --seed 1
  - nntrainer predict and nntrainer evaluate of the size's own file with the streaming model
  - scikit-learn MLPClassifier.partial_fit over 10,000-row chunks, 2 epochs, under a CPU-time cap

Every trained model is also evaluated on a separate held-out file (100,000 rows, another seed) for its accuracy.
Writes benchmarks/results/scale/scale.{json,md} and memory.png (peak RSS against rows, log x).

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
sys.path.insert(0, HERE)
from scale_report import write_table, plot  # noqa: E402


def timed(name, command):
    """Runs a command under GNU time; returns wall s, CPU s, peak MB and its standard output, or None when it failed."""
    result = subprocess.run(["/usr/bin/time", "-f", "TIME %e %U %S %M", *command], capture_output=True, text=True)
    line = [l for l in result.stderr.splitlines() if l.startswith("TIME ")]
    if result.returncode != 0 or not line:
        print(f"{name} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}", file=sys.stderr, flush=True)
        return {"failed": (result.stderr.strip().splitlines() or ["exit code %d" % result.returncode])[-1][:300]}
    wall, user, system, peak_kb = line[-1].split()[1:]
    row = {"wall_s": float(wall), "cpu_s": round(float(user) + float(system), 2), "peak_mb": round(int(peak_kb) / 1024)}
    print(f"  {name}: {row}", flush=True)
    row["stdout"] = result.stdout
    return row


def json_out(row):
    """The JSON document a command printed (the last line that parses, for the python scripts)."""
    if row is None or "stdout" not in row:
        return None
    text = row.pop("stdout")
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        for line in reversed(text.splitlines()):
            try:
                return json.loads(line)
            except json.JSONDecodeError:
                continue
    return None


def accuracy(cli, model, holdout):
    result = subprocess.run([*cli, "evaluate", model, holdout, "--json"], capture_output=True, text=True)
    if result.returncode != 0:
        return None
    return json.loads(result.stdout)["results"][0]["metrics"]["Accuracy"]


def load_average():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100000,1000000,10000000")
    parser.add_argument("--data", default="/tmp/nntrainer-scale")
    parser.add_argument("--memory-max", type=int, default=1_000_000, help="largest size trained in memory / ingested whole")
    parser.add_argument("--sklearn-cap-cpu-s", type=float, default=300)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--out", default=os.path.join(ROOT, "benchmarks", "results", "scale"))
    parser.add_argument("--bin", help="a folder with NNTrainer.Cli.dll and IngestProbe.dll to measure instead of building them")
    args = parser.parse_args()
    os.makedirs(args.data, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)
    if args.bin is None:
        probe = os.path.join(HERE, "IngestProbe")
        subprocess.run(["dotnet", "build", probe, "-c", "Release", "-nologo", "-v", "q"], check=True)
        args.bin = os.path.join(probe, "bin", "Release", "net10.0")
    cli = ["dotnet", os.path.join(args.bin, "NNTrainer.Cli.dll")]
    ingest = ["dotnet", os.path.join(args.bin, "IngestProbe.dll")]
    holdout = os.path.join(args.data, "holdout-100000.csv")
    if not os.path.exists(holdout):
        subprocess.run([PY, os.path.join(HERE, "generate.py"), "100000", holdout, "--seed", "7"], check=True)
    epochs = ["--epochs", str(args.epochs), "--seed", "1"]
    results = []
    for rows in [int(s) for s in args.sizes.split(",")]:
        path = os.path.join(args.data, f"scale-{rows}.csv")
        if not os.path.exists(path):
            subprocess.run([PY, os.path.join(HERE, "generate.py"), str(rows), path], check=True)
        memory_model = os.path.join(args.data, f"scale-{rows}-memory.zip")
        streaming_model = os.path.join(args.data, f"scale-{rows}-streaming.zip")
        predictions = os.path.join(args.data, f"scale-{rows}-predictions.csv")
        print(f"{rows:,} rows ({os.path.getsize(path) / 1e6:.0f} MB), load average {load_average():.1f}", flush=True)
        e = {"rows": rows, "file_mb": round(os.path.getsize(path) / 1e6), "load_average": [load_average()]}
        e["numpy_loadtxt"] = timed("numpy loadtxt", [PY, os.path.join(HERE, "numpy_loadtxt.py"), path])
        json_out(e["numpy_loadtxt"])
        if rows <= args.memory_max:
            e["cli_ingest"] = timed("cli ingest", [*ingest, path, "cli"])
            stages = json_out(e["cli_ingest"])
            if stages:
                e["cli_ingest"]["stages"] = stages["stages"]
            e["train_memory"] = timed("train in memory", [*cli, "train", path, "--label", "label", *epochs, "--out", memory_model, "--no-plots", "--quiet"])
            json_out(e["train_memory"])
            if "failed" not in e["train_memory"]:
                e["train_memory"]["holdout_accuracy"] = accuracy(cli, memory_model, holdout)
        else:
            e["cli_ingest"] = {"not_run": "in-memory ingest and training are what --streaming is for at this size"}
            e["train_memory"] = dict(e["cli_ingest"])
        e["train_streaming"] = timed("train --streaming", [*cli, "train", path, "--label", "label", "--streaming", *epochs, "--out", streaming_model, "--no-plots", "--quiet"])
        json_out(e["train_streaming"])
        if "failed" not in e["train_streaming"]:
            e["train_streaming"]["holdout_accuracy"] = accuracy(cli, streaming_model, holdout)
            e["predict"] = timed("predict", [*cli, "predict", streaming_model, path, "--out", predictions, "--quiet"])
            json_out(e["predict"])
            if os.path.exists(predictions):
                os.remove(predictions)
            e["evaluate"] = timed("evaluate", [*cli, "evaluate", streaming_model, path, "--json"])
            json_out(e["evaluate"])
        e["sklearn_partial_fit"] = timed("sklearn partial_fit", [PY, os.path.join(HERE, "sklearn_partial_fit.py"), path, holdout,
                                                                "--epochs", str(args.epochs), "--cap-cpu-s", str(args.sklearn_cap_cpu_s)])
        outcome = json_out(e["sklearn_partial_fit"])
        if outcome:
            e["sklearn_partial_fit"].update(outcome)
            e["sklearn_partial_fit"]["holdout_accuracy"] = outcome["accuracy"]
        e["load_average"].append(load_average())
        results.append(e)
        with open(os.path.join(args.out, "scale.json"), "w") as f:
            json.dump(results, f, indent=2)
        write_table(results, os.path.join(args.out, "scale.md"))
        plot(results, os.path.join(args.out, "memory.png"))


if __name__ == "__main__":
    main()
