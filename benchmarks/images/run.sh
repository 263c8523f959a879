#!/usr/bin/env bash
# NNTrainer's CLI against the same network in PyTorch on the same image folders, alternated run by run.
# usage: [REP_FROM=1] [CASES_ONLY=a,b] [CLI_DIR=dir] benchmarks/images/run.sh [DATA_DIR=/tmp/nntrainer-images] [REPS=2]
# Writes benchmarks/results/images/<case>.<system>.<rep>.* and summary.md (summarize.py).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DATA="${1:-/tmp/nntrainer-images}"
REPS="${2:-2}"
OUT="$ROOT/benchmarks/results/images"
PY=/usr/bin/python3
TIME=/usr/bin/time   # GNU time: each process's wall, user and system seconds, appended to <tag>.time
mkdir -p "$OUT"
[ -d "$DATA/fmnist" ] || "$PY" "$HERE/make_folders.py" "$DATA" --seed 1
# A private copy of the built tool, so that a rebuild of the work tree while this runs cannot change it mid-run.
# CLI_DIR=folder uses a copy made earlier instead.
if [ -z "${CLI_DIR:-}" ]; then
  CLI_DIR="$DATA/cli"
  dotnet build "$ROOT/src/NNTrainer.Cli" -c Release -v q -nologo >/dev/null
  rm -rf "$CLI_DIR" && cp -r "$ROOT/src/NNTrainer.Cli/bin/Release/net10.0" "$CLI_DIR"
fi
CLI=(dotnet "$CLI_DIR/NNTrainer.Cli.dll")

# case  folder  architecture  size  channels  epochs  extra CLI option / torch flag
CASES=(
  "fmnist-lenet      fmnist lenet      28 1 5  -"
  "fmnist-shallownet fmnist shallownet 28 1 5  -"
  "fmnist-minivggnet fmnist minivggnet 28 1 3  --nesterov"
  "colour-shallownet colour shallownet 32 3 10 -"
  "colour-lenet      colour lenet      28 3 10 -"
)
ONLY="${CASES_ONLY:-}"

ours() {  # case folder arch size channels epochs extra rep
  local tag="$OUT/$1.nntrainer.$8" extra=(); [ "$7" != "-" ] && extra=("$7")
  rm -rf "$tag.monitor"
  rm -f "$tag.time"
  local t0; t0=$(date +%s.%N)
  "$TIME" -a -o "$tag.time" -f '%e %U %S' "${CLI[@]}" train "$DATA/$2/train" --architecture "$3" --image-size "$4" --channels "$5" --epochs "$6" \
    --batch-size 32 --optimizer sgd "${extra[@]}" --learning-rate 0.01 --schedule none --l2 0 --threads 1 \
    --no-plots --monitor "$tag.monitor" --json --out "$tag.zip" >"$tag.train.json"
  "$TIME" -a -o "$tag.time" -f '%e %U %S' "${CLI[@]}" evaluate "$tag.zip" "$DATA/$2/test" --json >"$tag.evaluate.json"
  echo "{\"total_s\": $(echo "$(date +%s.%N) - $t0" | bc)}" >"$tag.process.json"
  rm -f "$tag.zip" "$tag.monitor/training.png"
}

torch() {
  local tag="$OUT/$1.torch.$8" extra=(); [ "$7" != "-" ] && extra=("$7")
  rm -f "$tag.time"
  local t0; t0=$(date +%s.%N)
  "$TIME" -a -o "$tag.time" -f '%e %U %S' "$PY" "$HERE/torch_images.py" "$DATA/$2/train" "$DATA/$2/test" --arch "$3" --size "$4" --channels "$5" \
    --epochs "$6" --batch 32 --lr 0.01 "${extra[@]}" --threads 1 --json "$tag.json" >/dev/null
  echo "{\"total_s\": $(echo "$(date +%s.%N) - $t0" | bc)}" >"$tag.process.json"
}

for line in "${CASES[@]}"; do
  read -r name folder arch size channels epochs extra <<<"$line"
  [ -n "$ONLY" ] && [[ ",$ONLY," != *",$name,"* ]] && continue
  for rep in $(seq "${REP_FROM:-1}" "$REPS"); do
    # Alternate which system goes first, so that drift in the machine's load falls on both.
    if (( rep % 2 )); then ours $name $folder $arch $size $channels $epochs $extra $rep; torch $name $folder $arch $size $channels $epochs $extra $rep
    else torch $name $folder $arch $size $channels $epochs $extra $rep; ours $name $folder $arch $size $channels $epochs $extra $rep; fi
    echo "$name rep $rep done ($(uptime | sed 's/.*load average: //'))"
  done
done
"$PY" "$HERE/summarize.py" "$OUT" >"$OUT/summary.md"
cat "$OUT/summary.md"
