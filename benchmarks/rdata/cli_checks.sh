#!/usr/bin/env bash
# The R tables as a user tries them (docs/rdata-data.md, section 1): each saved from R with write.csv(d, "NAME.csv")
# (quoted row names under an empty header field, NA for missing values), then `nntrainer train FILE --label L` with
# every default and `--cv 5`; the first lines of what the tool printed (its notes) go to OUT/cli_checks.md.
#
# usage: benchmarks/rdata/cli_checks.sh OUT
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
[ $# -eq 1 ] || { echo "usage: $0 OUT"; exit 2; }
OUT="$1"
mkdir -p "$OUT"
"${PYTHON:-/usr/bin/python3}" "$HERE/export.py" "$OUT/cache" "$OUT/data" --splits 1 --plain "$OUT/csv" > /dev/null
NN=(dotnet "$ROOT/src/NNTrainer.Cli/bin/Release/net10.0/NNTrainer.Cli.dll")
{
  for entry in pima:type biopsy:class birthwt:low kyphosis:Kyphosis crabs:sp lung:status flchain:death aids2:status \
               cars93:Type car90:Type boston:medv quakes:mag airquality:Ozone chickweight:weight solder:skips mtcars:mpg swiss:Fertility; do
    name="${entry%%:*}"; label="${entry#*:}"
    echo; echo "\$ nntrainer train $name.csv --label $label --cv 5"; echo '```'
    (cd "$OUT/csv" && "${NN[@]}" train "$name.csv" --label "$label" --out "$name.zip" --cv 5 --no-plots 2>&1 \
      | grep -v '^  epoch\|^Fold\|fold [0-9]\|^Training\|trained with' | cut -c1-400) || true
    echo '```'
  done
} > "$OUT/cli_checks.md"
cat "$OUT/cli_checks.md"
