#!/usr/bin/env bash
# Round 11a (docs/defaults.md): fit time of today's build against the branch's (small-data L2 factor 10), the CLI
# (`train`, measuring fit and refit) and the catalog on a few small tables, one thread, the two builds alternated table
# by table, twice; round11a_timing.py tables the ratios (median of splits 1-4 over both repetitions).
# TODAY_BENCH / BRANCH_BENCH: NNTrainer.Defaults.Bench.dll of each build (today's from a worktree of main's commit).
# DDATA: datasets.py's export (iris); UDATA: benchmarks/uci/run.sh's OUT/data (glass);
# RDATA: round11a_data.py's export (friedman1_750).
# usage: benchmarks/defaults/round11a_timing.sh TODAY_BENCH BRANCH_BENCH DDATA UDATA RDATA OUT
set -euo pipefail
TODAY="$1"; BRANCH="$2"; DDATA="$3"; UDATA="$4"; RDATA="$5"; O="$6"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
run() { mkdir -p "$O/$1"; dotnet "$2" --data "$3" --out "$O/$1" --splits 5 --datasets "$4" --systems cli,catalog --title "$1" > "$O/$1.log" 2>&1; }
for rep in 1 2; do
  for set in "d:$DDATA:iris" "u:$UDATA:glass" "r:$RDATA:friedman1_750"; do
    IFS=: read -r tag data names <<< "$set"
    run "$tag-today-$rep" "$TODAY" "$data" "$names"
    run "$tag-branch-$rep" "$BRANCH" "$data" "$names"
  done
done
