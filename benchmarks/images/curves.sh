#!/usr/bin/env bash
# The length study of docs/images.md ("Default length"): two training curves per network and folder, one with a 10 %
# validation hold-out, one on every training image, each scored on the test folder after every epoch; lengths.py
# reads every candidate rule off them. Two queues run side by side (the machine has 2 cores; each run is 1 thread).
# usage: benchmarks/images/curves.sh [DATA_DIR=/tmp/img9] [BIG_DIR=/tmp/img9big]   (folders from make_folders.py)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DATA="${1:-/tmp/img9}"
BIG="${2:-/tmp/img9big}"
OUT="$ROOT/benchmarks/results/images/length"
PY=/usr/bin/python3
mkdir -p "$OUT" "$DATA/arr"
dotnet build "$HERE/ConvolutionalLength" -c Release -v q -nologo >/dev/null
RUN=(dotnet "$HERE/ConvolutionalLength/bin/Release/net10.0/ConvolutionalLength.dll")
export_set() {  # name folder size channels
  [ -f "$DATA/arr/$1.json" ] || (cd "$HERE" && "$PY" export_arrays.py "$2/train" "$2/test" "$DATA/arr/$1" --size "$3" --channels "$4")
}
export_set fmnist28 "$DATA/fmnist" 28 1; export_set fmnist32 "$DATA/fmnist" 32 1
export_set colour28 "$DATA/colour" 28 3; export_set colour32 "$DATA/colour" 32 3
export_set big28 "$BIG/fmnist" 28 1; export_set big32 "$BIG/fmnist" 32 1
curve() {  # set arch holdout epochs [--cosine]; SEED=n: another seed (weights, split, shuffles), tagged .sN
  local tag="$OUT/$1.$2${SEED:+.s$SEED}.h$3.e$4${5:+.cosine}"
  [ -f "$tag.json" ] || /usr/bin/time -f '%e %U %S' -o "$tag.time" "${RUN[@]}" "$DATA/arr/$1" --arch "$2" --holdout "$3" --epochs "$4" --seed "${SEED:-0}" ${5:-} --out "$tag.json" >"$tag.log"
}
if [ -n "${SEEDS:-}" ]; then  # SEEDS="1 2": the short curves again with other seeds, one queue per seed
  for s in $SEEDS; do
    ( export SEED=$s
      curve fmnist28 lenet 0.1 15; curve fmnist28 lenet 0 10
      curve colour32 shallownet 0.1 25; curve colour32 shallownet 0 20 ) &
  done
  wait; exit 0
fi
# Queue A: the grey 4,800 and the colour 1,920 (the full curves reach today's automatic length: 67 and 167 epochs).
(
  curve fmnist28 lenet 0.1 40;       curve fmnist28 lenet 0 67
  curve fmnist32 shallownet 0.1 40;  curve fmnist32 shallownet 0 67
  curve colour32 shallownet 0.1 40;  curve colour32 shallownet 0 167
  curve colour28 lenet 0.1 40;       curve colour28 lenet 0 167
  curve fmnist32 minivggnet 0.1 30;  curve fmnist32 minivggnet 0 30
) &
# Queue B: 20,000 grey images (today: 16 epochs with the cosine decay), and MiniVGGNet on colour.
(
  curve big28 lenet 0.1 30;          curve big28 lenet 0 16 --cosine
  curve colour32 minivggnet 0.1 30;  curve big32 shallownet 0.1 20;  curve colour32 minivggnet 0 20
) &
wait
