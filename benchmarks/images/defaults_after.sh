#!/usr/bin/env bash
# docs/images.md "Default length", last table: `nntrainer train FOLDER` with every default (now early stopping for the
# convolutional networks) then `evaluate` on the test folder, against PyTorch with the same optimizer (Adam 0.001,
# batch 32, 1 thread) for as many epochs as nntrainer ran. CPU = user + system of the whole processes (GNU time).
# usage: benchmarks/images/defaults_after.sh [DATA_DIR=/tmp/img9]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DATA="${1:-/tmp/img9}"
OUT="$ROOT/benchmarks/results/images/length/after"
mkdir -p "$OUT"
CLI_DIR="$DATA/cli-after"
if [ ! -d "$CLI_DIR" ]; then
  dotnet build "$ROOT/src/NNTrainer.Cli" -c Release -v q -nologo >/dev/null
  cp -r "$ROOT/src/NNTrainer.Cli/bin/Release/net10.0" "$CLI_DIR"
fi
# case folder architecture size channels
for line in "fmnist-lenet fmnist lenet 28 1" "fmnist-shallownet fmnist shallownet 32 1" "colour-shallownet colour shallownet 32 3" "colour-lenet colour lenet 28 3"; do
  read -r name folder arch size channels <<<"$line"
  tag="$OUT/$name"
  [ -f "$tag.evaluate.json" ] && continue
  rm -f "$tag.time"
  /usr/bin/time -a -o "$tag.time" -f '%e %U %S' dotnet "$CLI_DIR/NNTrainer.Cli.dll" train "$DATA/$folder/train" --architecture "$arch" --threads 1 --no-plots --json --out "$tag.zip" >"$tag.train.json"
  /usr/bin/time -a -o "$tag.time" -f '%e %U %S' dotnet "$CLI_DIR/NNTrainer.Cli.dll" evaluate "$tag.zip" "$DATA/$folder/test" --json >"$tag.evaluate.json"
  epochs=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['length']['epochsRun'])" "$tag.train.json")
  /usr/bin/time -o "$tag.torch.time" -f '%e %U %S' /usr/bin/python3 "$HERE/torch_images.py" "$DATA/$folder/train" "$DATA/$folder/test" --arch "$arch" --size "$size" \
    --channels "$channels" --epochs "$epochs" --batch 32 --optimizer adam --lr 0.001 --threads 1 --json "$tag.torch.json" >/dev/null
  rm -f "$tag.zip"
  echo "$name done"
done
