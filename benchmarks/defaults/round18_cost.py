"""CPU seconds of one `nntrainer train` process per build and of the scikit-learn script, run in turn (round 18's cost gate).

usage: round18_cost.py OUT.json --runs N --table NAME PLAIN_DIR CLI_DIR [--table ...] --build NAME "COMMAND" [--build ...]

For every table, N rounds of: scikit-learn (`process_timing.py --sklearn-one PLAIN_DIR NAME 0 MODEL`, one thread) and then
each build's `COMMAND train CLI_DIR/NAME/split0.train.csv --label y --out MODEL.zip --no-plots --json --threads 1`, each
a new process; its CPU time (user + system, the operating system's account of the reaped child) is recorded. Taking the
commands in turn within a round pairs them against the machine's drift: the report gives every build's median CPU and the
median over rounds of its ratio to the first build and to scikit-learn in the same round.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def cpu(command, env=None):
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=tempfile.gettempdir())
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} exited with {os.waitstatus_to_exitcode(status)}")
    return usage.ru_utime + usage.ru_stime


def main(argv):
    out = argv[0]
    runs = int(argv[argv.index("--runs") + 1])
    tables, builds, i = [], [], 1
    while i < len(argv):
        if argv[i] == "--table":
            tables.append(argv[i + 1:i + 4])
            i += 4
        elif argv[i] == "--build":
            builds.append((argv[i + 1], argv[i + 2].split()))
            i += 3
        else:
            i += 1
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    work = tempfile.mkdtemp(prefix="round18-cost-")
    report = {}
    for name, plain, cli in tables:
        times = {"scikit-learn": []} | {b: [] for b, _ in builds}
        for _ in range(runs):
            times["scikit-learn"].append(cpu([sys.executable, os.path.join(HERE, "process_timing.py"), "--sklearn-one", plain, name, "0", os.path.join(work, "m.pkl")], env))
            for b, command in builds:
                times[b].append(cpu(command + ["train", os.path.join(cli, name, "split0.train.csv"), "--label", "y", "--out", os.path.join(work, "m.zip"), "--no-plots", "--json", "--threads", "1"], env))
        first = builds[0][0]
        row = {"cpu": {k: statistics.median(v) for k, v in times.items()}, "runs": times,
               "vs_first": {b: statistics.median(x / y for x, y in zip(times[b], times[first])) for b, _ in builds},
               "vs_sklearn": {b: statistics.median(x / y for x, y in zip(times[b], times["scikit-learn"])) for b, _ in builds}}
        report[name] = row
        print(f"{name}: " + ", ".join(f"{k} {v:.2f} s" for k, v in row["cpu"].items()) + "; × " + first + ": "
              + ", ".join(f"{b} {r:.2f}" for b, r in row["vs_first"].items()) + "; × scikit-learn: "
              + ", ".join(f"{b} {r:.2f}" for b, r in row["vs_sklearn"].items()), flush=True)
    with open(out, "w") as f:
        json.dump(report, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])
