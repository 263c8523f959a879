#!/usr/bin/env bash
# Public tables of ML.NET's repository (test/data), one command: NNTrainer through the CLI and through the ML.NET
# catalog, ML.NET's SDCA, L-BFGS, LightGBM and FastTree and scikit-learn's MLP, every one with its defaults, on the
# same 5 stratified 80/20 splits (random_state 0–4) of each table.
#   1. export.py parses the raw files (from a dotnet/machinelearning clone or mirror, or a folder holding them) and
#      writes the defaults benchmark's split format to OUT/data;
#   2. sklearn_public.py scores scikit-learn's MLP on those splits → OUT/sklearn.json;
#   3. NNTrainer.Defaults.Bench (benchmarks/defaults' runner, unchanged) runs the .NET systems on the same files and
#      writes OUT/results.json, OUT/summary.md (tables, wins/ties/losses) and OUT/chart.png.
# Everything runs on one thread (BLAS included) so that times compare on a shared machine.
# benchmarks/uci/run.sh runs the same steps on other tables through EXPORT (its own export.py), TITLE and DATASETS.
#
# usage: benchmarks/public/run.sh MIRROR_OR_DATA_DIR OUT [--splits N] [--datasets a,b] [--systems cli,catalog,stock] [--skip-sklearn] [--nn-options k=v;...]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
[ $# -ge 2 ] || { echo "usage: $0 MIRROR_OR_DATA_DIR OUT [--splits N] [--datasets a,b] [--systems cli,catalog,stock] [--skip-sklearn] [--nn-options k=v;...]"; exit 2; }
SOURCE="$1"; OUT="$2"; shift 2
SPLITS=5; SYSTEMS="cli,catalog,stock"; SKIP_SK=0; NN_OPTIONS=""
DATASETS="${DATASETS:-iris_uci,housing,generated_regression,credit_approval,breast_cancer_uci,mnist_tiny,newspaper_churn,binary_synth,adult}"
EXPORT="${EXPORT:-$HERE/export.py}"; TITLE="${TITLE:-ML.NET test tables}"
while [ $# -gt 0 ]; do
  case "$1" in
    --splits) SPLITS="$2"; shift 2 ;;
    --datasets) DATASETS="$2"; shift 2 ;;
    --systems) SYSTEMS="$2"; shift 2 ;;
    --skip-sklearn) SKIP_SK=1; shift ;;
    --nn-options) NN_OPTIONS="$2"; shift 2 ;; # catalog experiments (NNTrainer.Defaults.Bench's keys), e.g. holdout=true
    *) echo "unknown argument $1"; exit 2 ;;
  esac
done
PYTHON="${PYTHON:-/usr/bin/python3}"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
mkdir -p "$OUT/data"
"$PYTHON" "$EXPORT" "$SOURCE" "$OUT/data" --splits "$SPLITS" --datasets "$DATASETS"
[ "$SKIP_SK" = 1 ] || "$PYTHON" "$HERE/sklearn_public.py" "$OUT/data" "$OUT/sklearn.json" --splits "$SPLITS" --datasets "$DATASETS"

dotnet build "$ROOT/benchmarks/NNTrainer.Defaults.Bench" -c Release -nologo -v q 2>&1 | grep -E ' error |rror\(s\)' || true
SK=(); [ -f "$OUT/sklearn.json" ] && SK=(--sklearn "$OUT/sklearn.json")
dotnet "$ROOT/benchmarks/NNTrainer.Defaults.Bench/bin/Release/net10.0/NNTrainer.Defaults.Bench.dll" \
  --data "$OUT/data" --out "$OUT" "${SK[@]}" --splits "$SPLITS" --datasets "$DATASETS" --systems "$SYSTEMS" \
  --title "$TITLE" --nn-options "$NN_OPTIONS"
