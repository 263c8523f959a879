#!/usr/bin/env bash
# Round 11c (docs/public-data.md): screens of two internal switches through the catalog, every configuration of one
# group run on the same tables one after another (so times compare within a group only), one thread.
#   l2: the small-data L2 rule on rows x min(1, k / features) (--nn-options l2feat=k) on every table it touches;
#   ep: cheaper choices of the epochs (--nn-options keys of CatalogSystems.cs) on every table of >= 1,000 rows.
# PDATA: benchmarks/public/run.sh's OUT/data; DDATA: the defaults benchmark's export (sklearn_run.py --skip-sklearn);
# UDATA: benchmarks/uci/run.sh's OUT/data.
# usage: benchmarks/public/round11.sh l2|ep PDATA DDATA UDATA OUT [config ...]   (config = name:nn-options)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
GROUP="$1"; PDATA="$2"; DDATA="$3"; UDATA="$4"; O="$5"; shift 5
B="$HERE/../NNTrainer.Defaults.Bench/bin/Release/net10.0/NNTrainer.Defaults.Bench.dll"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
run() { mkdir -p "$O/$1"; dotnet "$B" --data "$2" --out "$O/$1" --splits 5 --datasets "$3" --systems catalog --title "$1" --nn-options "$4" > "$O/$1.log" 2>&1; }
case "$GROUP" in
  l2) P=newspaper_churn,credit_approval; D=fmnist_1k,fmnist_10k,digits,breast_cancer; U=soybean,credit_g,unbalanced ;;
  ep) P=binary_synth,adult; D=classification3,classification2,fmnist_10k; U=segment,fair ;; # the tables of >= 1,000 rows below 200 automatic epochs
  *) echo "group l2 or ep"; exit 2 ;;
esac
for cfg in "$@"; do
  name="${cfg%%:*}"; opts="${cfg#*:}"
  run "$GROUP-$name-pub" "$PDATA" "$P" "$opts"
  run "$GROUP-$name-def" "$DDATA" "$D" "$opts"
  run "$GROUP-$name-uci" "$UDATA" "$U" "$opts"
done
