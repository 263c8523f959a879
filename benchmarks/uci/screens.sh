#!/usr/bin/env bash
# The screens of docs/uci-data.md, section 3: one option changed at a time, on the splits run.sh exported.
#   SCREENS_DIR/losses: the catalog (--nn-options, NNTrainer.Defaults.Bench's keys) on the sets with a loss;
#   SCREENS_DIR/all: the catalog on every set, for the screens that looked like a fix;
#   SCREENS_DIR/cli: the CLI (NNTRAINER_BENCH_CLI_ARGS, the CLI's own options) on the sets with a loss.
# Table them with screen_table.py RESULTS_DIR SCREENS_DIR/losses (…/all; …/cli "NNTrainer CLI").
#
# usage: benchmarks/uci/screens.sh RESULTS_DIR SCREENS_DIR   (RESULTS_DIR: run.sh's OUT, holding data/)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
[ $# -eq 2 ] || { echo "usage: $0 RESULTS_DIR SCREENS_DIR"; exit 2; }
DATA="$1/data"; OUT="$2"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
LOSSES=credit_g,glass,ionosphere,vote,breast_cancer_ljubljana,labor
ALL=credit_g,diabetes_pima,glass,ionosphere,segment,soybean,vote,breast_cancer_ljubljana,labor,cpu,cpu_vendor,unbalanced,fair
BENCH=(dotnet "$ROOT/benchmarks/NNTrainer.Defaults.Bench/bin/Release/net10.0/NNTrainer.Defaults.Bench.dll" --data "$DATA")
dotnet build "$ROOT/benchmarks/NNTrainer.Defaults.Bench" -c Release -nologo -v q 2>&1 | grep -E ' error |rror\(s\)' || true
name() { echo "$1" | tr -d '-' | tr '=;,:. ' '______'; }
for s in "l2=0.001" "l2=0.0001" "l2=0.01" "l2=0.1" "epochs=50" "epochs=500" "hidden=200" "hidden=32" "hidden=none" \
         "batch=200" "lr=0.01" "dropout=0.2" "select=true" "holdout=true"; do
  "${BENCH[@]}" --out "$OUT/losses/$(name "$s")" --systems catalog --datasets "$LOSSES" --nn-options "$s" --title "$s" | grep '±'
done
for s in "l2=0.01" "l2=0.003" "epochs=50" "batch=200;epochs=200" "l2rows=3:0.01" "l2rows=1.5:0.01"; do
  "${BENCH[@]}" --out "$OUT/all/$(name "$s")" --systems catalog --datasets "$ALL" --nn-options "$s" --title "$s" | grep '±'
done
for s in "--l2 0.01 --scale-l2-small-data false" "--l2 0.001 --scale-l2-small-data false" "--epochs 50" "--hidden 200"; do
  NNTRAINER_BENCH_CLI_ARGS="$s" "${BENCH[@]}" --out "$OUT/cli/$(name "$s")" --systems cli --datasets "$LOSSES" --title "$s" | grep '±'
done
