#!/usr/bin/env bash
# Set 3's files as a user tries them (docs/rdata-data.md, "Session 16"): 35 tables of caret, earth, dslabs, vcd, HSAUR3,
# psych, robustbase, lme4 and pls, each saved from R with write.csv(d, "NAME.csv") (quoted row names under an empty
# header field, NA, dates and date-times as R prints them) and with row.names = FALSE ("NAME_norn.csv"); then
# `nntrainer train NAME.csv --label L --out m.zip` with every default, `evaluate` and `predict` of that model on
# NAME_norn.csv and `compare NAME.csv --label L`. What the tool printed goes to OUT/cli_checks.md.
# NN=path/to/NNTrainer.Cli.dll runs another build.
#
# usage: benchmarks/rdata/cli_checks3.sh OUT
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
[ $# -eq 1 ] || { echo "usage: $0 OUT"; exit 2; }
OUT="$(mkdir -p "$1" && cd "$1" && pwd)"
mkdir -p "$OUT/csv" "$OUT/models"
(cd "$OUT/csv" && Rscript -e '
suppressMessages({library(caret); library(earth); library(dslabs); library(vcd); library(HSAUR3); library(psych); library(robustbase); library(lme4); library(pls)})
part <- function(n, p) { e <- new.env(); data(list = n, package = p, envir = e); as.list(e) }
tabs <- list(
  germancredit = part("GermanCredit", "caret")$GermanCredit, segmentation = part("segmentationData", "caret")$segmentationData,
  cox2 = with(part("cox2", "caret"), cbind(cox2Descr, Class = cox2Class)), mdrr = with(part("mdrr", "caret"), cbind(mdrrDescr, Class = mdrrClass)),
  oil = with(part("oil", "caret"), data.frame(fattyAcids, oilType = oilType)), scat = part("scat", "caret")$scat,
  tecator = with(part("tecator", "caret"), data.frame(absorp, endpoints)), bloodbrain = with(part("BloodBrain", "caret"), cbind(bbbDescr, logBBB = logBBB)),
  ozone1 = earth::ozone1, etitanic = earth::etitanic, brca = with(dslabs::brca, data.frame(x, y = y)), heights = dslabs::heights,
  olive = dslabs::olive, gapminder = dslabs::gapminder, murders = dslabs::murders, admissions = dslabs::admissions,
  tissue = with(dslabs::tissue_gene_expression, data.frame(x, tissue = y)), polls = dslabs::polls_us_election_2016,
  arthritis = vcd::Arthritis, baseball = vcd::Baseball, bundesliga = vcd::Bundesliga, chfls = HSAUR3::CHFLS,
  forbes = HSAUR3::Forbes2000, plasma = HSAUR3::plasma, womensrole = HSAUR3::womensrole, bfi = psych::bfi, satact = psych::sat.act,
  nox = robustbase::NOxEmissions, possum = robustbase::possumDiv, radar = robustbase::radarImage, verbagg = lme4::VerbAgg,
  sleepstudy = lme4::sleepstudy, grouseticks = lme4::grouseticks, arabidopsis = lme4::Arabidopsis,
  mayonnaise = data.frame(oil.type = pls::mayonnaise$oil.type, train = pls::mayonnaise$train, unclass(pls::mayonnaise$NIR)))
for (n in names(tabs)) {
  write.csv(tabs[[n]], paste0(n, ".csv"))
  write.csv(tabs[[n]], paste0(n, "_norn.csv"), row.names = FALSE)
}' 2>/dev/null)
NN=(dotnet "${NN:-$ROOT/src/NNTrainer.Cli/bin/Release/net10.0/NNTrainer.Cli.dll}")
ENTRIES="${ENTRIES:-germancredit:Class segmentation:Class cox2:Class mdrr:Class oil:oilType scat:Species tecator:Fat bloodbrain:logBBB \
  ozone1:O3 etitanic:survived brca:y heights:sex olive:region gapminder:life_expectancy murders:total admissions:admitted \
  tissue:tissue polls:grade arthritis:Improved baseball:sal87 bundesliga:HomeGoals chfls:R_happy forbes:marketvalue plasma:ESR \
  womensrole:agree bfi:gender satact:SATQ nox:LNOx possum:Diversity radar:Band.1 verbagg:r2 sleepstudy:Reaction \
  grouseticks:TICKS arabidopsis:total.fruits mayonnaise:oil.type}"
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
