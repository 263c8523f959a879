#!/usr/bin/env bash
# Round 11c (docs/public-data.md): binary_synth's epochs and penalty screened alone, and the update budget doubled from
# the start (a cosine planned over twice the rule's epochs; `d`), with a tenth of the penalty on tables of >= 8,000 rows
# too (`c`), on the tables of >= 5,000 rows where that differs from growing (below 5,000 rows the rate is constant and
# round11.sh's grow=0.02 run is the doubled budget). Emulated per table with the bench's epochs/schedule/l2 keys.
# usage: benchmarks/public/round11_double.sh PDATA DDATA UDATA OUT   (data as for round11.sh)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PDATA="$1"; DDATA="$2"; UDATA="$3"; O="$4"
B="$HERE/../NNTrainer.Defaults.Bench/bin/Release/net10.0/NNTrainer.Defaults.Bench.dll"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
r() { mkdir -p "$O/$1"; dotnet "$B" --data "$2" --out "$O/$1" --splits 5 --datasets "$3" --systems catalog --title "$1" --nn-options "$4" > "$O/$1.log" 2>&1; }
for cfg in "e60c:epochs=60;schedule=cosine" "e80c:epochs=80;schedule=cosine" "e120c:epochs=120;schedule=cosine" \
           "e80cl2:epochs=80;schedule=cosine;l2=0.0001" "e40l2:l2=0.0001" "g02l2:grow=0.02;l2=0.0001" "g02l23:grow=0.02;l2=0.0003"; do
  r "probe-${cfg%%:*}-bs" "$PDATA" binary_synth "${cfg#*:}"
done
r dbl-d-adult "$PDATA" adult "epochs=26;schedule=cosine"
r dbl-c-adult "$PDATA" adult "epochs=26;schedule=cosine;l2=0.0001"
r dbl-d-fair "$UDATA" fair "epochs=126;schedule=cosine"
r dbl-d-bs "$PDATA" binary_synth "epochs=80;schedule=cosine"
r dbl-c-bs "$PDATA" binary_synth "epochs=80;schedule=cosine;l2=0.0001"
r dbl-d-fm "$DDATA" fmnist_10k "epochs=80;schedule=cosine"
r dbl-c-fm "$DDATA" fmnist_10k "epochs=80;schedule=cosine;l2=0.0001"
