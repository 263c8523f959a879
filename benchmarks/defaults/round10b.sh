#!/usr/bin/env bash
# Round 10b (docs/defaults.md): the small-data L2 cross-validation for classifiers, screened through the catalog.
# Today's rule, the CV on the whole grid (l2cvclass=true), the CV from the rule's penalty one step down
# (l2cvclass=step) and the rule with a factor of 10 instead of 30 (l2pow), alternated config by config, twice (times),
# on the defaults benchmark's iris, wine and breast cancer and the UCI classics of at most 500 training rows.
# DEFAULTS_DATA: datasets.py's export with 40 splits; UCI_DATA: benchmarks/uci/run.sh's OUT/data (branch weka10).
# usage: benchmarks/defaults/round10b.sh DEFAULTS_DATA UCI_DATA OUT; then round10b_table.py OUT
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DDATA="$1"; UDATA="$2"; O="$3"
B="$HERE/../NNTrainer.Defaults.Bench/bin/Release/net10.0/NNTrainer.Defaults.Bench.dll"
SK="$HERE/../results/defaults/sklearn.json"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
dotnet build "$HERE/../NNTrainer.Defaults.Bench" -c Release -nologo -v q 2>&1 | grep -E ' error |rror\(s\)' || true
run() { mkdir -p "$O/$1"; dotnet "$B" --data "$2" --out "$O/$1" --splits "$3" --datasets "$4" --systems catalog --title "$1" --nn-options "$5" --sklearn "$SK" > "$O/$1.log" 2>&1; }
CFGS=("base:" "cv:l2cvclass=true" "step:l2cvclass=step" "f10:l2pow=800:3.321928:0.01")
for rep in 1 2; do
  for cfg in "${CFGS[@]}"; do
    run "uci-${cfg%%:*}-$rep" "$UDATA" 5 glass,ionosphere,breast_cancer_ljubljana,labor,vote "${cfg#*:}"
    run "def-${cfg%%:*}-$rep" "$DDATA" 5 iris,wine,breast_cancer "${cfg#*:}"
  done
done
for cfg in "${CFGS[@]}"; do run "s40-${cfg%%:*}" "$DDATA" 40 iris,wine "${cfg#*:}"; done
