#!/usr/bin/env bash
# Set 4's files as a user tries them (docs/rdata-data.md, "Session 17: set 4"): the 14 benchmark tables of mlmRev,
# survival, carData, AER, modeldata and TH.data and five more of those packages and forcats/dplyr (gss_cat, storms,
# rotterdam, ResumeNames, Gcsemv), each saved from R with write.csv(d, "NAME.csv") (quoted row names under an empty
# header field, NA, factors quoted, numeric-coded factors too) and with row.names = FALSE ("NAME_norn.csv"); then
# `nntrainer train NAME.csv --label L --out m.zip` with every default, `evaluate` and `predict` of that model on
# NAME_norn.csv and `compare NAME.csv --label L`. What the tool printed goes to OUT/cli_checks.md. Nothing is left out
# (ids, follow-up times): the user's file as R gives it. NN=path/to/NNTrainer.Cli.dll runs another build.
#
# usage: benchmarks/rdata/cli_checks4.sh OUT
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
[ $# -eq 1 ] || { echo "usage: $0 OUT"; exit 2; }
OUT="$(mkdir -p "$1" && cd "$1" && pwd)"
mkdir -p "$OUT/csv" "$OUT/models"
(cd "$OUT/csv" && Rscript -e '
suppressMessages({library(mlmRev); library(survival); library(carData); library(AER); library(modeldata); library(TH.data)})
get1 <- function(n, p) { e <- new.env(); data(list = n, package = p, envir = e); get(n, envir = e) }
tabs <- list(
  contraception = get1("Contraception", "mlmRev"), nwtco = survival::nwtco, cowles = carData::Cowles,
  glaucoma = get1("GlaucomaM", "TH.data"), wachurn = as.data.frame(modeldata::wa_churn), beps = carData::BEPS,
  bankwages = get1("BankWages", "AER"), womenlf = carData::Womenlf, pbc = survival::pbc, exam = get1("Exam", "mlmRev"),
  hsb82 = get1("Hsb82", "mlmRev"), scotssec = get1("ScotsSec", "mlmRev"), concrete = as.data.frame(modeldata::concrete),
  houseprices = get1("HousePrices", "AER"), gsscat = as.data.frame(forcats::gss_cat), storms = as.data.frame(dplyr::storms),
  rotterdam = survival::rotterdam, resumenames = get1("ResumeNames", "AER"), gcsemv = get1("Gcsemv", "mlmRev"))
for (n in names(tabs)) {
  write.csv(tabs[[n]], paste0(n, ".csv"))
  write.csv(tabs[[n]], paste0(n, "_norn.csv"), row.names = FALSE)
}' 2>/dev/null)
NN=(dotnet "${NN:-$ROOT/src/NNTrainer.Cli/bin/Release/net10.0/NNTrainer.Cli.dll}")
ENTRIES="${ENTRIES:-contraception:use nwtco:rel cowles:volunteer glaucoma:Class wachurn:churn beps:vote bankwages:job \
  womenlf:partic pbc:status exam:normexam hsb82:mAch scotssec:attain concrete:compressive_strength houseprices:price \
  gsscat:marital storms:category rotterdam:death resumenames:call gcsemv:course}"
{
  for entry in $ENTRIES; do
    name="${entry%%:*}"; label="${entry#*:}"; model="$OUT/models/$name-$label.zip"
    echo; echo "\$ nntrainer train $name.csv --label $label; evaluate, predict on ${name}_norn.csv; compare $name.csv --label $label"; echo '```'
    (cd "$OUT/csv" && "${NN[@]}" train "$name.csv" --label "$label" --out "$model" --no-plots 2>&1 \
      | grep -v '^  epoch\|^Fold\|fold [0-9]\|^Training\|trained with\|^  NeuralNetwork\|^Model:' | cut -c1-400) || true
    (cd "$OUT/csv" && "${NN[@]}" evaluate "$model" "${name}_norn.csv" 2>&1 | grep -v '^|:-\|^$' | cut -c1-400) || true
    (cd "$OUT/csv" && "${NN[@]}" predict "$model" "${name}_norn.csv" --out "$OUT/models/$name-$label.csv" 2>&1 | head -3 | cut -c1-400) || true
    (cd "$OUT/csv" && "${NN[@]}" compare "$name.csv" --label "$label" --no-plots 2>&1 \
      | grep -v '^|:-\|^$\|^  epoch\|^Training \|trained with' | cut -c1-400) || true
    echo '```'
  done
} > "$OUT/cli_checks.md"
