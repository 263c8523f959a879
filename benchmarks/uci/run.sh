#!/usr/bin/env bash
# The UCI classics Weka ships (apt-get install weka: /usr/share/doc/weka/examples) and statsmodels' `fair`, one command:
# NNTrainer through the CLI and through the ML.NET catalog, ML.NET's SDCA, L-BFGS, LightGBM and FastTree and
# scikit-learn's MLP, every one with its defaults, on the same 5 stratified 80/20 splits (random_state 0–4): the steps
# of benchmarks/public/run.sh with this folder's export.py (ARFF types from the header, `?` missing).
# Results: OUT/results.json, summary.md, chart.png and sklearn.json (docs/uci-data.md).
#
# usage: benchmarks/uci/run.sh [ARFF_DIR] OUT [--splits N] [--datasets a,b] [--systems cli,catalog,stock] [--skip-sklearn] [--nn-options k=v;...]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SOURCE=/usr/share/doc/weka/examples
[ $# -ge 2 ] && [ -f "$1/diabetes.arff" ] && { SOURCE="$1"; shift; }
[ $# -ge 1 ] || { echo "usage: $0 [ARFF_DIR] OUT [--splits N] [--datasets a,b] [--systems cli,catalog,stock] [--skip-sklearn] [--nn-options k=v;...]"; exit 2; }
OUT="$1"; shift
export EXPORT="$HERE/export.py" TITLE="UCI classics (Weka's ARFF examples)"
export DATASETS="${DATASETS:-credit_g,diabetes_pima,glass,ionosphere,segment,soybean,vote,breast_cancer_ljubljana,labor,cpu,cpu_vendor,unbalanced,fair}"
exec bash "$HERE/../public/run.sh" "$SOURCE" "$OUT" "$@"
