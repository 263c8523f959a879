#!/usr/bin/env python3
"""The same 1M-row table as CSV and as Parquet (float32 columns, 100,000-row groups; made by CsvToParquet), one
command at a time under GNU time: the CLI's ingest alone (IngestProbe cli), predict to CSV and train --streaming.
Prints a Markdown table (CPU s and peak MB are the figures to read on a shared machine).

    /usr/bin/python3 benchmarks/scale/parquet_vs_csv.py --bin FOLDER [--csv /tmp/nntrainer-scale/scale-1000000.csv]
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from run import timed, json_out, load_average  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True, help="folder with NNTrainer.Cli.dll and IngestProbe.dll")
    parser.add_argument("--csv", default="/tmp/nntrainer-scale/scale-1000000.csv")
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    parquet = os.path.splitext(args.csv)[0] + ".parquet"
    if not os.path.exists(parquet):
        subprocess.run(["dotnet", "run", "-c", "Release", "--project", os.path.join(HERE, "CsvToParquet"), "--", args.csv, parquet], check=True)
    cli = ["dotnet", os.path.join(args.bin, "NNTrainer.Cli.dll")]
    ingest = ["dotnet", os.path.join(args.bin, "IngestProbe.dll")]
    work = os.path.dirname(args.csv)
    model = os.path.join(work, "pq-model.zip")
    lines = [f"| 1,000,000 rows{args.label} | Wall s | CPU s | Peak MB |", "|:---|---:|---:|---:|"]
    print(f"load average {load_average():.1f}", flush=True)
    for name, path in [("CSV", args.csv), ("Parquet", parquet)]:
        commands = [
            (f"ingest only ({name})", [*ingest, path, "cli"]),
            (f"train --streaming, 2 epochs ({name})", [*cli, "train", path, "--label", "label", "--streaming", "--epochs", "2", "--seed", "1", "--out", model, "--no-plots", "--quiet"]),
            (f"predict {name} → CSV", [*cli, "predict", model, path, "--out", os.path.join(work, "pq-predictions.csv"), "--quiet"]),
        ]
        for what, command in commands:
            row = timed(what, command)
            json_out(row)
            if row and "cpu_s" in row:
                lines.append(f"| {what} | {row['wall_s']:.1f} | {row['cpu_s']:.1f} | {row['peak_mb']:,} |")
    print(f"load average {load_average():.1f}")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
