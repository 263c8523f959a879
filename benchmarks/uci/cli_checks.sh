#!/usr/bin/env bash
# The UCI classics as a user tries them: each ARFF file of Weka's examples saved as a plain CSV (header row, values as
# they are, `?` kept), then `nntrainer train FILE --label CLASS --cv 5` (benchmarks/public/cli_checks.sh's table: the
# notes the tool gave and the cross-validated mean ± sd), then the given train/test pairs through train, evaluate,
# predict and compare, printing what the tool printed.
#
# usage: benchmarks/uci/cli_checks.sh [ARFF_DIR] OUT_DIR   (ARFF_DIR: /usr/share/doc/weka/examples by default)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SOURCE=/usr/share/doc/weka/examples
[ $# -ge 2 ] && { SOURCE="$1"; shift; }
[ $# -ge 1 ] || { echo "usage: $0 [ARFF_DIR] OUT_DIR"; exit 2; }
OUT="$1"
PYTHON="${PYTHON:-/usr/bin/python3}"
mkdir -p "$OUT/csv"
"$PYTHON" "$HERE/export.py" "$SOURCE" "$OUT/data" --datasets labor --splits 1 --plain "$OUT/csv" > /dev/null
cat > "$OUT/list" <<'LIST'
credit-g.csv|class
diabetes.csv|class
glass.csv|Type
ionosphere.csv|class
segment-challenge.csv|class
soybean.csv|class
vote.csv|Class
breast-cancer.csv|Class
labor.csv|class
cpu.csv|class
cpu.with.vendor.csv|class
unbalanced.csv|Outcome
iris.csv|class
contact-lenses.csv|contact-lenses
weather.nominal.csv|play
weather.numeric.csv|play
LIST
bash "$ROOT/benchmarks/public/cli_checks.sh" "$OUT/csv" "$OUT/cv" "$OUT/list" > /dev/null
cp "$OUT/cv/cli_checks.md" "$OUT/cli_checks.md"

NN=(dotnet "$ROOT/src/NNTrainer.Cli/bin/Release/net10.0/NNTrainer.Cli.dll")
run() { # a command and what it printed, epochs left out
  echo; echo "\$ nntrainer $*"; echo '```'
  (cd "$OUT/csv" && "${NN[@]}" "$@" 2>&1 | grep -v '^  epoch' | cut -c1-1200) || true
  echo '```'
}
{
  echo; echo "## The given train/test pairs and the small tables"
  run train segment-challenge.csv --label class --out seg.zip --no-plots
  run evaluate seg.zip segment-test.csv
  run predict seg.zip segment-test.csv --out seg-predictions.csv
  run train ReutersCorn-train.csv --label class-att --out corn.zip --no-plots
  run train weather.nominal.csv --label play --out weather.zip --no-plots
  run compare --csv labor.csv --label class --no-plots
  run train unbalanced.csv --label Outcome --out unbalanced.zip --no-plots
} >> "$OUT/cli_checks.md"
cat "$OUT/cli_checks.md"
