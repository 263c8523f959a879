#!/bin/bash
# Round 15: whole `nntrainer train` processes, one build (NEW) against another (OLD), alternated by farm-bench, 1 thread,
# split 0 of LetterRecognition, Shuttle, adult and Satellite. EXTRA is appended to OLD's command only: pass
# "--long-training false" to time the training of before round 13.
# usage: round15_timing.sh NEW_DLL OLD_DLL MLBENCH_DATA PUBLIC_DATA OUT_DIR [EXTRA]
set -euo pipefail
NEW="dotnet $1"; OLD="dotnet $2"; MLB=$3; PUB=$4; OUT=$5; EXTRA=${6:-}
mkdir -p "$OUT"
for spec in letter:$MLB/letter shuttle:$MLB/shuttle adult:$PUB/adult satellite:$MLB/satellite; do
  name=${spec%%:*}; dir=${spec#*:}
  echo "== $name split 0"
  farm-bench -n "${RUNS:-5}" --timeout 900 --vs "$OLD train $dir/split0.train.csv --label y --out $OUT/$name-old.zip --no-plots -q $EXTRA" -- \
    $NEW train "$dir/split0.train.csv" --label y --out "$OUT/$name-new.zip" --no-plots -q
done
