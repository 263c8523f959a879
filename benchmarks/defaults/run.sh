#!/usr/bin/env bash
# The defaults benchmark, one command: NNTrainer (through the CLI and through the ML.NET catalog) with every default,
# next to scikit-learn's MLP and ML.NET's SDCA, L-BFGS, LightGBM and FastTree, on the same splits of 17 datasets.
#   1. datasets.py exports every dataset to CSV with fixed split indices (DATA_DIR, default benchmarks/defaults/data);
#   2. sklearn_run.py scores MLPClassifier/MLPRegressor (defaults) on every split → results/defaults/sklearn.json;
#   3. NNTrainer.Defaults.Bench runs the .NET systems on the same CSV files and writes results/defaults/
#      results.json (every run), summary.md (tables, goal check, wins/ties/losses) and chart.png.
# Everything runs on one thread (BLAS included) so that times compare on a shared machine.
#
# usage: benchmarks/defaults/run.sh [--splits N] [--datasets a,b,c] [--with-60k] [--systems cli,catalog,stock]
#                                   [--skip-sklearn] [--out DIR] [--title TEXT] [--nn-options "k=v;..."]
# --systems re-runs only those .NET systems and keeps the others' earlier runs in results.json (e.g. after a change
# to NNTrainer's defaults: --systems cli,catalog --skip-sklearn). --nn-options changes the catalog network's options
# for a screening run (keys: hidden, batch, lr, l2, epochs, patience, val, scalel2, standardize, dropout, decay,
# optimizer, wd, schedule, l2rows, l2pow; see CatalogSystems.cs); the CLI always runs with its defaults.
# timing.py tables the times of one run against scikit-learn and the old defaults (docs/defaults.md);
# process_timing.py times `nntrainer train` against a scikit-learn script, one process each, alternately (round 3).
# --nn-options keys added in round 3: l2cv (cross-validated L2 on small regression sets), smoothing (label smoothing).
# --systems also takes round 6's ensemble prototypes: ens<K> (K seeds' catalog networks averaged on their logits, all
# rows), bag<K> (each member on a bootstrap sample) and ini<K> (classification: members differ in their initial weights
# only, one shuffling seed), e.g. --systems catalog,SDCA,ens1,ens5,bag5; ensemble_table.py
# tables them (docs/defaults.md, round 6).
# Round 7: --nn-options hidden=none trains a linear model and select=true turns on SelectModelOnSmallData (the choice
# between the network and a linear model on small classification tables; the bench logs each choice to stderr);
# screen_table.py and selection_criteria.py table such screens (docs/defaults.md, round 7).
# Round 8: NNTRAINER_BENCH_CLI_ARGS="--select-model true" (environment) adds options to the CLI system's `train`;
# screen_table.py tables CLI screens too (DIR:"NNTrainer CLI"); blend_rules.py replays choice rules from a run's logged
# fold scores; the measured logit-blend prototype is results/defaults/round8/blend-prototype.patch (docs/defaults.md).
# Round 9a: benchmarks/SdcaAblation runs ML.NET's SDCA with one ingredient changed, sdca_replicate.py rebuilds it in
# numpy, sdca_ablation_table.py pairs runs and screens with it (docs/defaults.md, "Round 9a: what SDCA does on iris").
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SPLITS=5; DATASETS=""; WITH60K=0; SYSTEMS="cli,catalog,stock"; SKIP_SK=0; OUT="$ROOT/benchmarks/results/defaults"; TITLE="Defaults benchmark"; NN_OPTIONS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --splits) SPLITS="$2"; shift 2 ;;
    --datasets) DATASETS="$2"; shift 2 ;;
    --with-60k) WITH60K=1; shift ;;
    --systems) SYSTEMS="$2"; shift 2 ;;
    --skip-sklearn) SKIP_SK=1; shift ;;
    --out) OUT="$2"; shift 2 ;;
    --title) TITLE="$2"; shift 2 ;;
    --nn-options) NN_OPTIONS="$2"; shift 2 ;;
    *) echo "unknown argument $1"; exit 2 ;;
  esac
done
PYTHON="${PYTHON:-/usr/bin/python3}"
DATA_DIR="${DATA_DIR:-$HERE/data}"
export FASHION_MNIST_DIR="${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1

need=()
"$PYTHON" -c "import sklearn" 2>/dev/null || need+=(python3-sklearn)
[ -f "$FASHION_MNIST_DIR/train-images-idx3-ubyte.gz" ] || need+=(dataset-fashion-mnist)
if [ ${#need[@]} -gt 0 ]; then
  echo "apt-get install ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ -z "$DATASETS" ]; then
  DATASETS="iris,wine,breast_cancer,digits,diabetes,linnerud,classification3,classification2,moons,circles,friedman1,friedman2,friedman3,car_mileage,weather,fmnist_1k,fmnist_10k"
  [ "$WITH60K" = 1 ] && DATASETS="$DATASETS,fmnist_60k"
fi
mkdir -p "$OUT" "$DATA_DIR"
SK_ARGS=(--splits "$SPLITS" --datasets "$DATASETS")
[ "$SKIP_SK" = 1 ] && SK_ARGS+=(--skip-sklearn)
[ "$SKIP_SK" = 0 ] && [ -f "$OUT/sklearn.json" ] && SK_ARGS+=(--append)
(cd "$HERE" && "$PYTHON" sklearn_run.py "$DATA_DIR" "$OUT/sklearn.json" "${SK_ARGS[@]}")

dotnet build "$ROOT/benchmarks/NNTrainer.Defaults.Bench" -c Release -nologo -v q 2>&1 | grep -E ' error |rror\(s\)' || true
dotnet "$ROOT/benchmarks/NNTrainer.Defaults.Bench/bin/Release/net10.0/NNTrainer.Defaults.Bench.dll" \
  --data "$DATA_DIR" --out "$OUT" --sklearn "$OUT/sklearn.json" --splits "$SPLITS" --datasets "$DATASETS" --systems "$SYSTEMS" --title "$TITLE" --nn-options "$NN_OPTIONS"
