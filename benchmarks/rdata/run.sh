#!/usr/bin/env bash
# Tables bundled with R (datasets, MASS, rpart, survival), one command: NNTrainer through the CLI and through the ML.NET
# catalog, ML.NET's SDCA, L-BFGS and LightGBM and scikit-learn's MLP, every one with its defaults, on the same 5
# stratified 80/20 splits (random_state 0–4): the steps of benchmarks/public/run.sh with this folder's export.py (R's
# column classes decide numeric or nominal; NA is missing). No default was chosen on these tables (docs/rdata-data.md).
# Results: OUT/results.json, summary.md, chart.png and sklearn.json.
#
# --set 2 (session 15): the second set, tables of AER, carData, modeldata, palmerpenguins, kernlab and ggplot2
# (export.py's SET2), results in benchmarks/results/rdata2/. Without it, set 1 as session 14 ran it.
# --set 3 (session 16): tables of caret, earth, dslabs, vcd, HSAUR3, psych, robustbase and lme4 (export.py's SET3),
# results in benchmarks/results/rdata3/.
# --set 4 (session 17): tables of mlmRev, survival, carData, AER, modeldata and TH.data (export.py's SET4), results in
# benchmarks/results/rdata4/.
#
# usage: benchmarks/rdata/run.sh OUT [--set 2|3|4] [--splits N] [--datasets a,b] [--systems cli,catalog,SDCA,L-BFGS,LightGBM] [--skip-sklearn] [--nn-options k=v;...]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ $# -ge 1 ] || { echo "usage: $0 OUT [--set 2|3|4] [--splits N] [--datasets a,b] [--systems ...] [--skip-sklearn] [--nn-options k=v;...]"; exit 2; }
OUT="$1"; shift
command -v Rscript >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq r-base-core r-cran-mass r-cran-rpart r-cran-survival >/dev/null; }
export EXPORT="$HERE/export.py"
if [ "${1:-}" = "--set" ] && [ "${2:-}" = "2" ]; then
  shift 2
  Rscript -e 'library(AER); library(carData); library(modeldata); library(palmerpenguins); library(kernlab); library(ggplot2)' >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq r-cran-aer r-cran-cardata r-cran-modeldata r-cran-palmerpenguins r-cran-kernlab r-cran-ggplot2 >/dev/null; }
  export TITLE="R packages' tables, set 2 (AER, carData, modeldata, palmerpenguins, kernlab, ggplot2)"
  export DATASETS="${DATASETS:-spam,swisslabor,hmda,mroz,titanic,attrition,credit,penguins,chile,cps1985,salaries,mpg,diamonds}"
elif [ "${1:-}" = "--set" ] && [ "${2:-}" = "3" ]; then
  shift 2
  Rscript -e 'library(caret); library(earth); library(dslabs); library(vcd); library(HSAUR3); library(psych); library(robustbase); library(lme4)' >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq r-cran-caret r-cran-earth r-cran-dslabs r-cran-vcd r-cran-hsaur3 r-cran-psych r-cran-robustbase r-cran-lme4 >/dev/null; }
  export TITLE="R packages' tables, set 3 (caret, earth, dslabs, vcd, HSAUR3, psych, robustbase, lme4)"
  export DATASETS="${DATASETS:-germancredit,segmentation,cox2,bfi,verbagg,olive,chfls,tissue,scat,ozone1,tecator,bloodbrain,baseball,noxemissions,gapminder}"
elif [ "${1:-}" = "--set" ] && [ "${2:-}" = "4" ]; then
  shift 2
  Rscript -e 'library(mlmRev); library(survival); library(carData); library(AER); library(modeldata); library(TH.data)' >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq r-cran-mlmrev r-cran-survival r-cran-cardata r-cran-aer r-cran-modeldata r-cran-th.data >/dev/null; }
  export TITLE="R packages' tables, set 4 (mlmRev, survival, carData, AER, modeldata, TH.data)"
  export DATASETS="${DATASETS:-contraception,nwtco,cowles,glaucoma,wachurn,beps,bankwages,womenlf,pbc,exam,hsb82,scotssec,concrete,houseprices}"
else
  export TITLE="Tables bundled with R (datasets, MASS, rpart, survival)"
  export DATASETS="${DATASETS:-pima,biopsy,birthwt,kyphosis,crabs,lung,flchain,aids2,cars93,car90,boston,quakes,airquality,chickweight,solder,mtcars,swiss}"
fi
exec bash "$HERE/../public/run.sh" "$OUT/cache" "$OUT" --systems cli,catalog,SDCA,L-BFGS,LightGBM "$@"
