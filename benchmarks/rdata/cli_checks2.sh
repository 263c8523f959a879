#!/usr/bin/env bash
# Set 2's files as a user tries them (docs/rdata-data.md, "Session 15"): tables of AER, carData, HSAUR3, modeldata,
# palmerpenguins, kernlab and ggplot2, each saved from R with write.csv(d, "NAME.csv") (quoted row names under an empty
# header field, NA for missing values) and with row.names = FALSE ("NAME_norn.csv"), tibbles also with readr's
# write_csv ("NAME_readr.csv"); then `nntrainer train NAME.csv --label L` with every default, `evaluate` and `predict`
# of the model on NAME_norn.csv. What the tool printed (its notes, the held-out table, evaluate's table and notes) goes
# to OUT/cli_checks.md. CV=1 adds `--cv 5` to train.
#
# usage: benchmarks/rdata/cli_checks2.sh OUT
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
[ $# -eq 1 ] || { echo "usage: $0 OUT"; exit 2; }
OUT="$(mkdir -p "$1" && cd "$1" && pwd)"
mkdir -p "$OUT/csv" "$OUT/models"
(cd "$OUT/csv" && Rscript -e '
suppressMessages({library(AER); library(carData); library(modeldata); library(palmerpenguins); library(kernlab); library(ggplot2); library(HSAUR3)})
g <- function(n, p) get(data(list = n, package = p))
tabs <- list(spam = g("spam", "kernlab"), swisslabor = g("SwissLabor", "AER"), hmda = g("HMDA", "AER"),
  affairs = g("Affairs", "AER"), creditcard = g("CreditCard", "AER"), fatalities = g("Fatalities", "AER"),
  cps1985 = g("CPS1985", "AER"), doctorvisits = g("DoctorVisits", "AER"), caschools = g("CASchools", "AER"),
  prestige = carData::Prestige, salaries = carData::Salaries, wells = carData::Wells, mroz = carData::Mroz,
  titanic = carData::TitanicSurvival, chile = carData::Chile, slid = carData::SLID, arrests = carData::Arrests,
  attrition = modeldata::attrition, credit_data = modeldata::credit_data, mlc_churn = modeldata::mlc_churn,
  hpc_data = modeldata::hpc_data, stackoverflow = modeldata::stackoverflow, sacramento = modeldata::Sacramento,
  ames = modeldata::ames, chicago = modeldata::Chicago, penguins = palmerpenguins::penguins,
  diamonds = ggplot2::diamonds, mpg = ggplot2::mpg, msleep = ggplot2::msleep, economics = ggplot2::economics,
  bthb = HSAUR3::BtheB)
for (n in names(tabs)) {
  write.csv(tabs[[n]], paste0(n, ".csv"))
  write.csv(tabs[[n]], paste0(n, "_norn.csv"), row.names = FALSE)
  if (inherits(tabs[[n]], "tbl_df") && requireNamespace("readr", quietly = TRUE)) readr::write_csv(tabs[[n]], paste0(n, "_readr.csv"))
}')
NN=(dotnet "$ROOT/src/NNTrainer.Cli/bin/Release/net10.0/NNTrainer.Cli.dll")
CVARGS=(); [ "${CV:-0}" = 1 ] && CVARGS=(--cv 5)
{
  for entry in spam:type swisslabor:participation hmda:deny affairs:affairs creditcard:card fatalities:fatal cps1985:wage \
               doctorvisits:visits caschools:math prestige:prestige salaries:salary wells:switch mroz:lfp titanic:survived \
               chile:vote slid:wages arrests:released attrition:Attrition credit_data:Status mlc_churn:churn hpc_data:class \
               stackoverflow:Remote sacramento:price ames:Sale_Price chicago:ridership penguins:species mpg:hwy \
               msleep:vore economics:unemploy bthb:bdi.8m diamonds:cut diamonds:price; do
    name="${entry%%:*}"; label="${entry#*:}"; model="$OUT/models/$name-$label.zip"
    echo; echo "\$ nntrainer train $name.csv --label $label ${CVARGS[*]}; evaluate, predict on ${name}_norn.csv"; echo '```'
    (cd "$OUT/csv" && "${NN[@]}" train "$name.csv" --label "$label" --out "$model" "${CVARGS[@]}" --no-plots 2>&1 \
      | grep -v '^  epoch\|^Fold\|fold [0-9]\|^Training\|trained with\|^  NeuralNetwork\|^Model:' | cut -c1-400) || true
    (cd "$OUT/csv" && "${NN[@]}" evaluate "$model" "${name}_norn.csv" 2>&1 | grep -v '^|:-\|^$' | cut -c1-400) || true
    (cd "$OUT/csv" && "${NN[@]}" predict "$model" "${name}_norn.csv" --out "$OUT/models/$name-$label.csv" 2>&1 | head -3 | cut -c1-400) || true
    echo '```'
  done
} > "$OUT/cli_checks.md"
cat "$OUT/cli_checks.md"
