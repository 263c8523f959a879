#!/usr/bin/env bash
# ML.NET's public test tables through `nntrainer` exactly as the files are (docs/public-data.md, section 1): for each,
# `train FILE --label L --cv 5 --json`, printing the notes the tool gave and the cross-validated mean ± sd; then the
# files it refuses, with its one-line error. Nothing is cleaned: separators, `?`, quotes, ids, comments, no header.
#
# usage: benchmarks/public/cli_checks.sh MIRROR_OR_DATA_DIR [OUT_DIR [LIST]]
#   MIRROR_OR_DATA_DIR: a dotnet/machinelearning clone or mirror (read with `git show HEAD:test/data/FILE`) or a folder
#   holding the files. OUT_DIR (default: a temporary folder) receives the files, the models and cli_checks.md.
#   LIST: a file of `file|label` lines to check instead of ML.NET's tables (benchmarks/uci/cli_checks.sh passes the
#   UCI classics); the refused files are then not tried.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
[ $# -ge 1 ] || { echo "usage: $0 MIRROR_OR_DATA_DIR [OUT_DIR]"; exit 2; }
SOURCE="$1"; OUT="${2:-$(mktemp -d)}"; LIST="${3:-}"
PYTHON="${PYTHON:-/usr/bin/python3}"
mkdir -p "$OUT"
dotnet build "$ROOT/src/NNTrainer.Cli" -c Release -nologo -v q 2>&1 | grep -E ' error |rror\(s\)' || true
NN=(dotnet "$ROOT/src/NNTrainer.Cli/bin/Release/net10.0/NNTrainer.Cli.dll")

fetch() {
  if [ -f "$SOURCE/$1" ]; then cp "$SOURCE/$1" "$OUT/$1"; else git -C "$SOURCE" show "HEAD:test/data/$1" > "$OUT/$1"; fi
}

REPORT="$OUT/cli_checks.md"
echo "| file | label | notes | 5-fold CV (mean ± sd) |" > "$REPORT"
echo "|---|---|---|---|" >> "$REPORT"
while IFS='|' read -r file label; do
  fetch "$file"
  (cd "$OUT" && "${NN[@]}" train "$file" --label "$label" --out "$file.zip" --cv 5 --no-plots --json > "$file.json" 2> "$file.err") || true
  "$PYTHON" - "$OUT/$file.json" "$OUT/$file.err" "$file" "$label" >> "$REPORT" <<'PY'
import json, sys
path, err, name, label = sys.argv[1:5]
try:
    d = json.load(open(path))
    metric = "R2" if d["task"] == "regression" else "Accuracy"
    cv = d["crossValidation"]
    result = f"{metric} {cv['mean'][metric]:.3f} ± {cv['sd'][metric]:.3f}"
    # The notes about the data (columns left out, filled in or suspicious; a rare class; a missing header), not the progress lines.
    notes = " ".join(n for n in d.get("notes", []) if n.startswith(("Column", "Class")) or "no header" in n)
except (ValueError, KeyError):
    result, notes = "error", open(err).read().strip()
print(f"| {name} | {label} | {notes.replace('|', '/')} | {result} |")
PY
done < <(if [ -n "$LIST" ]; then cat "$LIST"; else cat <<'LIST'
adult.txt|label(IsOver50K)
housing.txt|MedianHomeValue
creditapproval_train.csv|A16
newspaperchurn.csv|Subscriber
breast-cancer.txt|col0
iris.txt|#Label
generated_regression_dataset.csv|target
binary_synth_data_train.csv|target
LIST
fi)
[ -z "$LIST" ] || { cat "$REPORT"; exit 0; }

# Files the tool refuses: the message is the check.
for pair in "Train-Tiny-28x28.txt|Label" "wikipedia-detox-250-line-data.tsv|Sentiment"; do
  file="${pair%%|*}"; label="${pair#*|}"
  fetch "$file"
  message=$(cd "$OUT" && "${NN[@]}" train "$file" --label "$label" --out "$OUT/$file.zip" --no-plots 2>&1 >/dev/null | head -1 | cut -c1-400 || true)
  message="${message//$'\t'/ }"
  echo "| $file | $label | ${message//|//} | refused |" >> "$REPORT"
done
cat "$REPORT"
