#!/usr/bin/env bash
# docs/images.md "Default length", the MiniVGGNet and 60,000-image rows: `nntrainer train FOLDER --architecture A
# --threads 1` with every other default (the convolutional length: 13 epochs on 4,800 training images, 5 on 48,000),
# then `evaluate` on the test folder, against PyTorch (torch_images.py: same layers, Adam 0.001, batch 32, 1 thread,
# the same epochs, the same 80 %). CPU = user + system of the whole processes (GNU time). The two systems alternate:
# NNTrainer first in odd reps, PyTorch first in even ones.
# usage: benchmarks/images/defaults_large.sh SMALL_DIR LARGE_DIR [REPS=1]
#   SMALL_DIR: make_folders.py DIR --seed 1                                     (6,000 / 1,000 grey PNGs)
#   LARGE_DIR: make_folders.py DIR --seed 1 --per-class-train 6000 --per-class-test 1000   (60,000 / 10,000)
# CASES="minivggnet-4800 lenet-60k" to run some cases only; REP_FROM=2 to add reps.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SMALL="$1"; LARGE="$2"; REPS="${3:-1}"
OUT="$ROOT/benchmarks/results/images/defaults-large"
mkdir -p "$OUT"
CLI_DIR="${CLI_DIR:-/tmp/nntrainer-cli-defaults-large}"
if [ ! -d "$CLI_DIR" ]; then
  dotnet build "$ROOT/src/NNTrainer.Cli" -c Release -v q -nologo >/dev/null
  cp -r "$ROOT/src/NNTrainer.Cli/bin/Release/net10.0" "$CLI_DIR"
fi
ALL="minivggnet-4800 lenet-60k shallownet-60k"
nntrainer() {  # tag folder arch
  rm -f "$1.time"
  /usr/bin/time -a -o "$1.time" -f '%e %U %S' dotnet "$CLI_DIR/NNTrainer.Cli.dll" train "$2/train" --architecture "$3" --threads 1 --no-plots --json --out "$1.zip" >"$1.train.json"
  /usr/bin/time -a -o "$1.time" -f '%e %U %S' dotnet "$CLI_DIR/NNTrainer.Cli.dll" evaluate "$1.zip" "$2/test" --json >"$1.evaluate.json"
  rm -f "$1.zip"
}
torch() {  # tag folder arch size epochs
  /usr/bin/time -o "$1.time" -f '%e %U %S' /usr/bin/python3 "$HERE/torch_images.py" "$2/train" "$2/test" --arch "$3" --size "$4" \
    --channels 1 --epochs "$5" --batch 32 --optimizer adam --lr 0.001 --threads 1 --json "$1.json" >/dev/null
}
for rep in $(seq "${REP_FROM:-1}" "$REPS"); do
  for name in ${CASES:-$ALL}; do
    case "$name" in
      minivggnet-4800) folder="$SMALL/fmnist" arch=minivggnet size=32 epochs=13 ;;
      lenet-60k) folder="$LARGE/fmnist" arch=lenet size=28 epochs=5 ;;
      shallownet-60k) folder="$LARGE/fmnist" arch=shallownet size=32 epochs=5 ;;
      *) echo "unknown case $name" >&2; exit 2 ;;
    esac
    if [ $((rep % 2)) -eq 1 ]; then
      nntrainer "$OUT/$name.nntrainer.$rep" "$folder" "$arch"; torch "$OUT/$name.torch.$rep" "$folder" "$arch" "$size" "$epochs"
    else
      torch "$OUT/$name.torch.$rep" "$folder" "$arch" "$size" "$epochs"; nntrainer "$OUT/$name.nntrainer.$rep" "$folder" "$arch"
    fi
    echo "$(date -u +%H:%M:%S) $name rep $rep done (load $(cut -d' ' -f1 /proc/loadavg))"
  done
done
