"""Exports tables bundled with R (the packages datasets, MASS, rpart, survival; Debian's r-base and r-cran-*) to the
defaults benchmark's split format: tables no earlier round of NNTrainer used, to check the defaults on data they were
not chosen on (docs/rdata-data.md).

usage: export.py CACHE_DIR DATA_DIR [--set 2|3|4] [--splits N] [--datasets a,b] [--plain DIR]

Rscript dumps each table once into CACHE_DIR as NAME.csv (NA as an empty field) with NAME.kinds (one line a column:
numeric or nominal, from R's own column classes: a factor, an ordered factor, a logical or a character column is
nominal, whatever its values look like; an integer-coded category such as birthwt's race stays numeric, as R has it).
Rows without a label are dropped (airquality's Ozone, survey's Exer). DATA_DIR/NAME/ then gets split<k>.train.csv /
split<k>.test.csv and meta.json, written by benchmarks/public/export.py's writer (stratified 80/20 splits for
classification, random_state = k); mlbench's loader (benchmarks/mlbench/export.py) reads the dump. --plain DIR writes
each table as a user saves it from R: write.csv(d, "NAME.csv"), quoted row names in an unnamed first column and NA.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "mlbench"))
sys.path.insert(0, os.path.join(HERE, "..", "public"))
import export as public  # noqa: E402  (the public tables' split writer, shared on purpose)

# name: (R expression, label column, task, columns left out: identifiers, and columns that are the label in disguise)
DATASETS = {
    "pima": ("rbind(MASS::Pima.tr, MASS::Pima.te)", "type", "binary", []),
    "biopsy": ("MASS::biopsy", "class", "binary", ["ID"]),
    "birthwt": ("MASS::birthwt", "low", "binary", ["bwt"]),  # low is bwt < 2500
    "kyphosis": ("rpart::kyphosis", "Kyphosis", "binary", []),
    "crabs": ("MASS::crabs", "sp", "binary", ["index"]),  # index counts 1-50 within each species and sex
    "lung": ("survival::lung", "status", "binary", []),
    "flchain": ("survival::flchain", "death", "binary", ["chapter"]),  # chapter: the cause of death, NA if alive
    "aids2": ("MASS::Aids2", "status", "binary", []),
    "cars93": ("MASS::Cars93", "Type", "multiclass", ["Model", "Make"]),
    "car90": ("rpart::car90", "Type", "multiclass", []),
    "boston": ("MASS::Boston", "medv", "regression", []),
    "quakes": ("datasets::quakes", "mag", "regression", []),
    "airquality": ("datasets::airquality", "Ozone", "regression", []),
    "chickweight": ("as.data.frame(datasets::ChickWeight)", "weight", "regression", []),
    "solder": ("rpart::solder", "skips", "regression", []),
    "mtcars": ("datasets::mtcars", "mpg", "regression", []),
    "swiss": ("datasets::swiss", "Fertility", "regression", []),
}

# Set 2 (session 15, `--set 2`): tables of packages no benchmark here had used (AER, carData, modeldata,
# palmerpenguins, kernlab, ggplot2), diamonds last as the slow one. diamonds' x, y, z are renamed: the split files
# call their label y.
SET2 = {
    "spam": ("get(data('spam', package = 'kernlab'))", "type", "binary", []),
    "swisslabor": ("get(data('SwissLabor', package = 'AER'))", "participation", "binary", []),
    "hmda": ("get(data('HMDA', package = 'AER'))", "deny", "binary", []),
    "mroz": ("carData::Mroz", "lfp", "binary", []),
    "titanic": ("carData::TitanicSurvival", "survived", "binary", []),
    "attrition": ("as.data.frame(modeldata::attrition)", "Attrition", "binary", []),
    "credit": ("as.data.frame(modeldata::credit_data)", "Status", "binary", []),
    "penguins": ("as.data.frame(palmerpenguins::penguins)", "species", "multiclass", []),
    "chile": ("carData::Chile", "vote", "multiclass", []),
    "cps1985": ("get(data('CPS1985', package = 'AER'))", "wage", "regression", []),
    "salaries": ("carData::Salaries", "salary", "regression", []),
    "mpg": ("as.data.frame(ggplot2::mpg)", "hwy", "regression", ["cty"]),  # cty: the city mileage, hwy's twin
    "diamonds": ("setNames(as.data.frame(ggplot2::diamonds), c('carat', 'cut', 'color', 'clarity', 'depth', 'table', "
                 "'price', 'length_x', 'width_y', 'depth_z'))", "price", "regression", []),
}

# Set 3 (session 16, `--set 3`): tables of caret, earth, dslabs, vcd, HSAUR3, psych, robustbase and lme4, none used
# before (Ecdat, which the brief named, has no Debian package). caret's tables come as parts (cox2Descr and cox2Class,
# tecator's absorp and endpoints) that R_DUMP's part() joins as a user would. Left out: ids and the original split
# (segmentationData's Cell, Case), the label in disguise (VerbAgg's resp: r2 is resp with perhaps as yes; olive's area
# inside region), the players' names (Baseball's name1, name2); tecator keeps fat of its three endpoints.
SET3 = {
    "germancredit": ("part('GermanCredit', 'caret')$GermanCredit", "Class", "binary", []),
    "segmentation": ("part('segmentationData', 'caret')$segmentationData", "Class", "binary", ["Cell", "Case"]),
    "cox2": ("with(part('cox2', 'caret'), cbind(cox2Descr, Class = cox2Class))", "Class", "binary", []),
    "bfi": ("psych::bfi", "gender", "binary", []),
    "verbagg": ("lme4::VerbAgg", "r2", "binary", ["resp"]),
    "olive": ("dslabs::olive", "region", "multiclass", ["area"]),
    "chfls": ("HSAUR3::CHFLS", "R_happy", "multiclass", []),
    "tissue": ("with(dslabs::tissue_gene_expression, data.frame(x, tissue = y))", "tissue", "multiclass", []),
    "scat": ("part('scat', 'caret')$scat", "Species", "multiclass", []),
    "ozone1": ("earth::ozone1", "O3", "regression", []),
    "tecator": ("with(part('tecator', 'caret'), data.frame(absorp, fat = endpoints[, 2]))", "fat", "regression", []),
    "bloodbrain": ("with(part('BloodBrain', 'caret'), cbind(bbbDescr, logBBB = logBBB))", "logBBB", "regression", []),
    "baseball": ("vcd::Baseball", "sal87", "regression", ["name1", "name2"]),
    "noxemissions": ("robustbase::NOxEmissions", "LNOx", "regression", []),
    "gapminder": ("dslabs::gapminder", "life_expectancy", "regression", []),
}
# Set 4 (session 17, `--set 4`): tables of mlmRev, survival, carData, AER, modeldata and TH.data that no benchmark and
# no CLI check here had used, the label each one's help page models. Left out: ids (Contraception's woman, Exam's
# student, a number within its school, pbc's id, nwtco's seqno), follow-up times that tell the outcome (nwtco's edrel,
# pbc's time: a short time is a death or a relapse) and nwtco's in.subcohort (the case-cohort design's sample mark).
# Numeric-coded factors stay as R holds them: nwtco's instit and histol (1/2), pbc's status (0/1/2, the label: a
# multiclass task) as integers; Contraception's district, Exam's school, Hsb82's school (160), ScotsSec's primary (148)
# as factors of numbers.
SET4 = {
    "contraception": ("get(data('Contraception', package = 'mlmRev'))", "use", "binary", ["woman"]),
    "nwtco": ("survival::nwtco", "rel", "binary", ["seqno", "edrel", "in.subcohort"]),
    "cowles": ("carData::Cowles", "volunteer", "binary", []),
    "glaucoma": ("get(data('GlaucomaM', package = 'TH.data'))", "Class", "binary", []),
    "wachurn": ("as.data.frame(modeldata::wa_churn)", "churn", "binary", []),
    "beps": ("carData::BEPS", "vote", "multiclass", []),
    "bankwages": ("get(data('BankWages', package = 'AER'))", "job", "multiclass", []),
    "womenlf": ("carData::Womenlf", "partic", "multiclass", []),
    "pbc": ("survival::pbc", "status", "multiclass", ["id", "time"]),
    "exam": ("get(data('Exam', package = 'mlmRev'))", "normexam", "regression", ["student"]),
    "hsb82": ("get(data('Hsb82', package = 'mlmRev'))", "mAch", "regression", []),
    "scotssec": ("get(data('ScotsSec', package = 'mlmRev'))", "attain", "regression", []),
    "concrete": ("as.data.frame(modeldata::concrete)", "compressive_strength", "regression", []),
    "houseprices": ("get(data('HousePrices', package = 'AER'))", "price", "regression", []),
}
SETS = {"2": SET2, "3": SET3, "4": SET4}

R_DUMP = r"""
args <- commandArgs(trailingOnly = TRUE)
part <- function(n, p) { e <- new.env(); data(list = n, package = p, envir = e); as.list(e) }
d <- eval(parse(text = args[1]))
plain <- d
kinds <- ifelse(sapply(d, function(c) is.factor(c) || is.logical(c) || is.character(c)), "nominal", "numeric")
for (i in seq_along(d)) if (is.factor(d[[i]]) || is.logical(d[[i]])) d[[i]] <- as.character(d[[i]])
write.csv(d, args[2], row.names = FALSE, na = "")
writeLines(paste(names(d), kinds, sep = "\t"), args[3])
if (length(args) > 3) write.csv(plain, args[4])
"""


def dump(cache, name, plain=None):
    expression = DATASETS[name][0]
    path, kinds = os.path.join(cache, name + ".csv"), os.path.join(cache, name + ".kinds")
    if not os.path.exists(kinds) or plain:
        os.makedirs(cache, exist_ok=True)
        extra = [os.path.join(plain, name + ".csv")] if plain else []
        subprocess.run(["Rscript", "-e", R_DUMP, expression, path, kinds] + extra, check=True)


def main(argv):
    cache, data_dir = argv[0], argv[1]
    chosen = SETS.get(argv[argv.index("--set") + 1]) if "--set" in argv else None
    count, names, plain = public.options(argv, chosen or DATASETS)
    DATASETS.update(SET2)
    DATASETS.update(SET3)
    DATASETS.update(SET4)
    if plain:
        os.makedirs(plain, exist_ok=True)
    for name in names:
        dump(cache, name, plain)
    # mlbench's loader reads NAME.csv / NAME.kinds from the cache and drops unlabelled rows; it takes its table of
    # (source, label, task, left out) from its own DATASETS, so this table's entries are lent to it.
    import importlib.util
    spec = importlib.util.spec_from_file_location("mlbench_export", os.path.join(HERE, "..", "mlbench", "export.py"))
    mlbench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mlbench)
    mlbench.DATASETS.update(DATASETS)
    for name in names:
        public.export_loaded(name, data_dir, count, mlbench.load(cache, name))


if __name__ == "__main__":
    main(sys.argv[1:])
