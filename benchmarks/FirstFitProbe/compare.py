"""The first ML.NET Fit of a user's process, NeuralNetwork against SDCA: FirstFitProbe runs, alternated, one new process each.

usage: compare.py DATA_DIR OUT_JSON --build NAME "COMMAND ..." [--build NAME "COMMAND ..."]... [--datasets iris,wine]
                  [--splits N] [--reps N]

COMMAND runs FirstFitProbe (e.g. "dotnet benchmarks/FirstFitProbe/bin/Release/net10.0/FirstFitProbe.dll" for the JIT
build, or the ReadyToRun publish's FirstFitProbe). For every rep, dataset and split (datasets.py's CSV files), every
build runs with "nn" and with "sdca" in turn, so that a change of the machine's load hits them alike. Prints a table
of medians: the first Fit's wall and CPU seconds, the methods JIT-compiled during it and the seconds the JIT took,
the same Fit again in the same process, and the process's CPU seconds.
"""
import json
import os
import statistics
import subprocess
import sys


def main(argv):
    data_dir, out = argv[0], argv[1]
    builds = [(argv[i + 1], argv[i + 2].split()) for i, a in enumerate(argv) if a == "--build"]
    value = lambda flag, default: argv[argv.index(flag) + 1] if flag in argv else default
    names = value("--datasets", "iris,wine,diabetes,linnerud,car_mileage").split(",")
    splits, reps = int(value("--splits", "3")), int(value("--reps", "1"))
    results = {}
    for rep in range(reps):
        for name in names:
            meta = os.path.join(data_dir, name, "meta.json")
            for k in range(splits):
                train = os.path.join(data_dir, name, f"split{k}.train.csv")
                for build, command in builds:
                    for trainer in ("nn", "sdca"):
                        done = subprocess.run(command + [train, meta, trainer], capture_output=True, text=True)
                        if done.returncode != 0:
                            raise RuntimeError(f"{build} {trainer} on {name} split {k}: exit {done.returncode}: {done.stderr[-2000:]}")
                        r = json.loads(done.stdout.strip().splitlines()[-1])
                        results.setdefault(name, {}).setdefault(f"{build} {trainer}", []).append(r)
                        f = r["firstFit"]
                        print(f"{name} split {k} {build} {trainer}: first fit {f['seconds']:.3f} s (cpu {f['cpuSeconds']:.3f}, "
                              f"{f['jitMethods']} methods JIT-compiled in {f['jitSeconds']:.3f} s), again {r['secondFit']['seconds']:.3f} s, "
                              f"process cpu {r['processCpu']:.2f} s", flush=True)
            json.dump(results, open(out, "w"), indent=1)
    print("| dataset | build, trainer | first Fit s | first Fit CPU s | methods JIT-compiled | JIT s | second Fit s | process CPU s |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for name, by in results.items():
        for key, runs in by.items():
            med = lambda get: statistics.median(get(r) for r in runs)
            print(f"| {name} | {key} | {med(lambda r: r['firstFit']['seconds']):.3f} | {med(lambda r: r['firstFit']['cpuSeconds']):.3f} | "
                  f"{med(lambda r: r['firstFit']['jitMethods']):.0f} | {med(lambda r: r['firstFit']['jitSeconds']):.3f} | "
                  f"{med(lambda r: r['secondFit']['seconds']):.3f} | {med(lambda r: r['processCpu']):.2f} |")


if __name__ == "__main__":
    main(sys.argv[1:])
