"""What the first fit of a process costs for each build of the tool: methods JIT-compiled, CPU, wall and fit time.

usage: startup_probe.py DATA_DIR OUT_JSON --build NAME "COMMAND ..." [--build NAME "COMMAND ..."]...
                        [--datasets iris,diabetes] [--splits N] [--extra "--threads 1"] [--sklearn] [--median]

For every split of every dataset, the builds run in turn (alternately, so that a change of the machine's load hits
them alike), each as a new process: COMMAND train splitK.train.csv --label y --out MODEL.zip --no-plots --json, with
DOTNET_JitStdOutFile and DOTNET_JitDisasmSummary=1, so that the runtime lists every method it JIT-compiled (methods
precompiled by ReadyToRun and used as they are do not appear; tier-1 rejits of hot methods do). Recorded per run:
the count of JIT-compiled methods (all, and tier-0 / instrumented only, i.e. first compilations), the process's wall
and CPU seconds (user + system, from the kernel's accounting of the child), and the measuring fit and the refit
seconds from the tool's JSON. With --sklearn, process_timing.py's scikit-learn script (import, read the CSV, fit the
MLP pipeline, pickle it) runs first in each turn, with its CPU, wall and fit seconds: CPU seconds compare processes
even when the machine is shared, where wall seconds mostly measure the wait for a core. Prints a table of means
(of medians with --median). docs/first-fit.md reads the JSON for its first-fit figures.
"""
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time


def run(command, extra, train, label, work, env):
    jit = os.path.join(work, "jit.txt")
    if os.path.exists(jit):
        os.remove(jit)
    env = dict(env, DOTNET_JitStdOutFile=jit, DOTNET_JitDisasmSummary="1")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command + ["train", train, "--label", label, "--out", os.path.join(work, "m.zip"), "--no-plots", "--json"] + extra,
                          capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {done.returncode}: {done.stderr[-2000:]}")
    lines = [l for l in open(jit, errors="replace") if "JIT compiled" in l] if os.path.exists(jit) else []
    first = [l for l in lines if "Tier0" in l or "Instrumented" in l or "MinOpts" in l or "FullOpts" in l]
    report = json.loads(done.stdout)
    return {"wall": wall, "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
            "jitted": len(lines), "jittedFirst": len(first),
            "measuringFit": report["results"][0]["trainSeconds"], "refit": report["savedModel"]["trainSeconds"]}


def run_sklearn(data_dir, name, split, work):
    here = os.path.dirname(os.path.abspath(__file__))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, os.path.join(here, "process_timing.py"), "--sklearn-one", data_dir, name, str(split),
                           os.path.join(work, "m.pkl")], capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"scikit-learn on {name} split {split} exited with {done.returncode}: {done.stderr[-2000:]}")
    inner = json.loads(done.stdout.strip().splitlines()[-1])
    return {"wall": wall, "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
            "jitted": 0, "jittedFirst": 0, "measuringFit": inner["fit"], "refit": 0.0}


def main(argv):
    data_dir, out = argv[0], argv[1]
    builds = [(argv[i + 1], argv[i + 2].split()) for i, a in enumerate(argv) if a == "--build"]
    value = lambda flag, default: argv[argv.index(flag) + 1] if flag in argv else default
    names = value("--datasets", "iris,diabetes").split(",")
    splits = int(value("--splits", "3"))
    extra = value("--extra", "").split()
    work = tempfile.mkdtemp(prefix="nntrainer-probe-")
    results = {}
    for name in names:
        label = json.load(open(os.path.join(data_dir, name, "meta.json")))["label"]
        for k in range(splits):
            train = os.path.join(data_dir, name, f"split{k}.train.csv")
            turn = ([("scikit-learn", None)] if "--sklearn" in argv else []) + builds
            for build, command in turn:
                r = run_sklearn(data_dir, name, k, work) if command is None else run(command, extra, train, label, work, os.environ)
                results.setdefault(name, {}).setdefault(build, []).append(r)
                print(f"{name} split {k} {build}: jitted {r['jitted']} (first {r['jittedFirst']}), wall {r['wall']:.2f} s, "
                      f"cpu {r['cpu']:.2f} s, fit {r['measuringFit']:.3f} + {r['refit']:.3f} s", flush=True)
        json.dump(results, open(out, "w"), indent=1)
    # Medians with --median: on a shared machine one run that waited for a core moves a mean by more than a change does.
    average = statistics.median if "--median" in argv else statistics.mean
    print(f"{'Medians' if '--median' in argv else 'Means'} over the runs:")
    print("| dataset | build | methods JIT-compiled | of them first compilations | process wall s | process CPU s | measuring fit s | refit s |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for name, by_build in results.items():
        for build, runs in by_build.items():
            m = lambda key: average(r[key] for r in runs)
            print(f"| {name} | {build} | {m('jitted'):.0f} | {m('jittedFirst'):.0f} | {m('wall'):.2f} | {m('cpu'):.2f} | {m('measuringFit'):.3f} | {m('refit'):.3f} |")


if __name__ == "__main__":
    main(sys.argv[1:])
