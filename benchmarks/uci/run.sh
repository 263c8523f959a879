#!/usr/bin/env bash
# The UCI classics Weka ships (apt-get install weka: /usr/share/doc/weka/examples) and statsmodels' `fair`, one command:
# NNTrainer through the CLI and through the ML.NET catalog, ML.NET's SDCA, L-BFGS, LightGBM and FastTree and
# scikit-learn's MLP, every one with its defaults, on the same 5 stratified 80/20 splits (random_state 0–4).
#   1. export.py parses the ARFF files (types from the header, `?` missing) into the defaults benchmark's split format;
#   2. benchmarks/public/sklearn_public.py scores scikit-learn's MLP on those splits → OUT/sklearn.json;
#   3. NNTrainer.Defaults.Bench runs the .NET systems on the same files → OUT/results.json, summary.md, chart.png.
# Everything runs on one thread (BLAS included) so that times compare on a shared machine.
#
# usage: benchmarks/uci/run.sh [ARFF_DIR] OUT [--splits N] [--datasets a,b] [--systems cli,catalog,stock] [--skip-sklearn] [--nn-options k=v;...]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SOURCE=/usr/share/doc/weka/examples
[ $# -ge 2 ] && [ -d "$1" ] && [ -f "$1/diabetes.arff" ] && { SOURCE="$1"; shift; }
[ $# -ge 1 ] || { echo "usage: $0 [ARFF_DIR] OUT [--splits N] [--datasets a,b] [--systems cli,catalog,stock] [--skip-sklearn] [--nn-options k=v;...]"; exit 2; }
OUT="$1"; shift
SPLITS=5; SYSTEMS="cli,catalog,stock"; SKIP_SK=0; NN_OPTIONS=""
DATASETS="credit_g,diabetes_pima,glass,ionosphere,segment,soybean,vote,breast_cancer_ljubljana,labor,cpu,cpu_vendor,unbalanced,fair"
while [ $# -gt 0 ]; do
  case "$1" in
    --splits) SPLITS="$2"; shift 2 ;;
    --datasets) DATASETS="$2"; shift 2 ;;
    --systems) SYSTEMS="$2"; shift 2 ;;
    --skip-sklearn) SKIP_SK=1; shift ;;
    --nn-options) NN_OPTIONS="$2"; shift 2 ;; # catalog experiments (NNTrainer.Defaults.Bench's keys), e.g. l2=0.01
    *) echo "unknown argument $1"; exit 2 ;;
  esac
done
PYTHON="${PYTHON:-/usr/bin/python3}"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
mkdir -p "$OUT/data"
"$PYTHON" "$HERE/export.py" "$SOURCE" "$OUT/data" --splits "$SPLITS" --datasets "$DATASETS"
[ "$SKIP_SK" = 1 ] || "$PYTHON" "$ROOT/benchmarks/public/sklearn_public.py" "$OUT/data" "$OUT/sklearn.json" --splits "$SPLITS" --datasets "$DATASETS"

dotnet build "$ROOT/benchmarks/NNTrainer.Defaults.Bench" -c Release -nologo -v q 2>&1 | grep -E ' error |rror\(s\)' || true
SK=(); [ -f "$OUT/sklearn.json" ] && SK=(--sklearn "$OUT/sklearn.json")
dotnet "$ROOT/benchmarks/NNTrainer.Defaults.Bench/bin/Release/net10.0/NNTrainer.Defaults.Bench.dll" \
  --data "$OUT/data" --out "$OUT" "${SK[@]}" --splits "$SPLITS" --datasets "$DATASETS" --systems "$SYSTEMS" \
  --title "UCI classics (Weka's ARFF examples)" --nn-options "$NN_OPTIONS"
