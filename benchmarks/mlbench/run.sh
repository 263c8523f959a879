#!/usr/bin/env bash
# Classic tables of R's mlbench package (apt-get install r-cran-mlbench), one command: NNTrainer through the CLI and
# through the ML.NET catalog, ML.NET's SDCA, L-BFGS, LightGBM and FastTree and scikit-learn's MLP, every one with its
# defaults, on the same 5 stratified 80/20 splits (random_state 0–4): the steps of benchmarks/public/run.sh with this
# folder's export.py (R's column classes decide numeric or nominal; NA is missing). None of these tables was used to
# choose a default: they check the defaults on data they were not tuned on (docs/mlbench-data.md).
# Results: OUT/results.json, summary.md, chart.png and sklearn.json.
#
# usage: benchmarks/mlbench/run.sh OUT [--splits N] [--datasets a,b] [--systems cli,catalog,stock] [--skip-sklearn] [--nn-options k=v;...]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ $# -ge 1 ] || { echo "usage: $0 OUT [--splits N] [--datasets a,b] [--systems cli,catalog,stock] [--skip-sklearn] [--nn-options k=v;...]"; exit 2; }
OUT="$1"; shift
command -v Rscript >/dev/null && Rscript -e 'library(mlbench)' >/dev/null 2>&1 || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq r-cran-mlbench >/dev/null; }
export EXPORT="$HERE/export.py" TITLE="mlbench classics (R's mlbench package)"
export DATASETS="${DATASETS:-sonar,vehicle,vowel,zoo,dna,satellite,letter,servo,ozone,shuttle}"
exec bash "$HERE/../public/run.sh" "$OUT/cache" "$OUT" "$@"
