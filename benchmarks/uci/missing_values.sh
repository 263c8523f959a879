#!/usr/bin/env bash
# docs/uci-data.md, section 1c: the CLI with --missing-values against today's reading, on the same splits.
#   1. The tables with `?` in category columns (Weka's vote, soybean, breast-cancer, labor; ML.NET's credit approval
#      and adult): NNTrainer.Defaults.Bench's CLI system (train + evaluate, 5 stratified splits) without the option and
#      with NNTRAINER_BENCH_CLI_ARGS="--missing-values ?" (train saves the list; evaluate reads the test split with it).
#   2. Pima, whose zeros in plas/pres/skin/insu/mass are missing values: as numbers (today) and named per column.
#   3. The same Pima splits with those zeros written as 'unknown' (OUT/data/pima_unknown): without the option train's
#      measuring hold-out on each training split (evaluate refuses the test splits: 'unknown' in a numeric column),
#      then with --missing-values unknown, hold-out and test splits.
# Everything on one thread. Per-split figures: OUT/{today,markers}/DATASET/results.json; the hold-outs: OUT/holdout.tsv.
#
# usage: benchmarks/uci/missing_values.sh OUT [ML.NET mirror, default /work/.mirror/dotnet+machinelearning/repo]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
[ $# -ge 1 ] || { echo "usage: $0 OUT [MLNET_MIRROR]"; exit 2; }
OUT="$1"; MIRROR="${2:-/work/.mirror/dotnet+machinelearning/repo}"
PYTHON="${PYTHON:-/usr/bin/python3}"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
mkdir -p "$OUT/data"
"$PYTHON" "$HERE/export.py" /usr/share/doc/weka/examples "$OUT/data" --splits 5 --datasets vote,soybean,breast_cancer_ljubljana,labor,diabetes_pima
"$PYTHON" "$HERE/../public/export.py" "$MIRROR" "$OUT/data" --splits 5 --datasets credit_approval,adult
"$PYTHON" - "$OUT/data" <<'PY'
import csv, glob, json, os, shutil, sys
data = sys.argv[1]
source, target = os.path.join(data, "diabetes_pima"), os.path.join(data, "pima_unknown")
shutil.rmtree(target, ignore_errors=True)
shutil.copytree(source, target)
meta = json.load(open(os.path.join(target, "meta.json")))
meta["name"] = "pima_unknown"
json.dump(meta, open(os.path.join(target, "meta.json"), "w"))
for path in glob.glob(os.path.join(target, "split*.csv")):
    rows = list(csv.reader(open(path)))
    columns = [rows[0].index(c) for c in ("plas", "pres", "skin", "insu", "mass")]
    for row in rows[1:]:
        for c in columns:
            if float(row[c]) == 0:
                row[c] = "unknown"
    csv.writer(open(path, "w", newline=""), lineterminator="\n").writerows(rows)
PY
dotnet build "$ROOT/benchmarks/NNTrainer.Defaults.Bench" -c Release -nologo -v q 2>&1 | grep -E ' error |rror\(s\)' || true
BENCH=(dotnet "$ROOT/benchmarks/NNTrainer.Defaults.Bench/bin/Release/net10.0/NNTrainer.Defaults.Bench.dll" --data "$OUT/data" --systems cli --splits 5)
for d in vote soybean breast_cancer_ljubljana labor credit_approval adult; do
  "${BENCH[@]}" --out "$OUT/today/$d" --datasets "$d" --title today | grep '±'
  NNTRAINER_BENCH_CLI_ARGS="--missing-values ?" "${BENCH[@]}" --out "$OUT/markers/$d" --datasets "$d" --title "--missing-values ?" | grep '±'
done
"${BENCH[@]}" --out "$OUT/today/diabetes_pima" --datasets diabetes_pima --title today | grep '±'
NNTRAINER_BENCH_CLI_ARGS="--missing-values plas=0,pres=0,skin=0,insu=0,mass=0" "${BENCH[@]}" --out "$OUT/markers/diabetes_pima" --datasets diabetes_pima --title zeros | grep '±'
NNTRAINER_BENCH_CLI_ARGS="--missing-values unknown" "${BENCH[@]}" --out "$OUT/markers/pima_unknown" --datasets pima_unknown --title unknown | grep '±'
CLI=(dotnet "$ROOT/src/NNTrainer.Cli/bin/Release/net10.0/NNTrainer.Cli.dll")
printf 'split\treading\taccuracy\tAUC\tlog loss\n' > "$OUT/holdout.tsv"
for k in 0 1 2 3 4; do
  for reading in today unknown; do
    extra=(); [ "$reading" = unknown ] && extra=(--missing-values unknown)
    "${CLI[@]}" train "$OUT/data/pima_unknown/split$k.train.csv" --label y --out "$OUT/pima.zip" --no-plots --json "${extra[@]}" \
      | "$PYTHON" -c "import json, sys; m = json.load(sys.stdin)['results'][0]['metrics']; print('$k\t$reading\t%.4f\t%.4f\t%.4f' % (m['Accuracy'], m['AUC'], m['LogLoss']))" >> "$OUT/holdout.tsv"
  done
done
cat "$OUT/holdout.tsv"
