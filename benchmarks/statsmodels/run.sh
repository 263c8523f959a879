#!/usr/bin/env bash
# Tables bundled with statsmodels (apt-get install python3-statsmodels), one command: NNTrainer through the CLI and
# through the ML.NET catalog, ML.NET's SDCA, L-BFGS, LightGBM and FastTree and scikit-learn's MLP, every one with its
# defaults, on the same 5 80/20 splits (random_state 0–4): the steps of benchmarks/public/run.sh with this folder's
# export.py. None of these tables was used to choose a default (docs/statsmodels-data.md).
#
# usage: benchmarks/statsmodels/run.sh OUT [--splits N] [--datasets a,b] [--systems cli,catalog,stock] [--skip-sklearn] [--nn-options k=v;...]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ $# -ge 1 ] || { echo "usage: $0 OUT [--splits N] [--datasets a,b] [--systems cli,catalog,stock] [--skip-sklearn] [--nn-options k=v;...]"; exit 2; }
OUT="$1"; shift
/usr/bin/python3 -c 'import statsmodels' 2>/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-statsmodels >/dev/null; }
export EXPORT="$HERE/export.py" TITLE="statsmodels' bundled tables"
export DATASETS="${DATASETS:-randhie,anes96,grunfeld,engel,star98}"
exec bash "$HERE/../public/run.sh" "$OUT/cache" "$OUT" "$@"
