"""Paired differences of NNTrainer against its peers split by split, for telling a gap from the splits' noise.

usage: paired.py RESULTS_JSON DATASET [TEST_ROWS]

For NNTrainer CLI and catalog against SDCA and L-BFGS (and every screen's catalog run, when RESULTS_JSON holds
several systems): the mean of the per-split differences, their standard deviation and standard error, the t ratio,
and on how many splits NNTrainer was better / equal / worse. TEST_ROWS converts the mean into test rows per split.
"""
import json
import math
import statistics
import sys


def main(path, dataset, test_rows=None):
    systems = json.load(open(path))[dataset]["systems"]
    metric = {name: {r["split"]: r["metric"] for r in runs} for name, runs in systems.items()}
    # NNTrainer's systems, and round 6's ensemble prototypes (ens<K>, bag<K>, ini<K>: EnsembleSystem.cs).
    for ours in [s for s in metric if s.startswith(("NNTrainer", "ens", "bag", "ini"))]:
        for peer in [s for s in ("SDCA", "L-BFGS") if s in metric]:
            splits = sorted(set(metric[ours]) & set(metric[peer]))
            d = [metric[ours][k] - metric[peer][k] for k in splits]
            se = statistics.stdev(d) / math.sqrt(len(d))
            better, worse = sum(x > 1e-9 for x in d), sum(x < -1e-9 for x in d)
            rows = f", {statistics.mean(d) * test_rows:+.2f} test rows per split" if test_rows else ""
            print(f"{ours} − {peer} over {len(d)} splits: mean {statistics.mean(d):+.4f}, sd {statistics.stdev(d):.4f}, "
                  f"se {se:.4f}, t {statistics.mean(d) / se if se else 0:+.2f}; better / equal / worse {better} / {len(d) - better - worse} / {worse}{rows}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else None)
