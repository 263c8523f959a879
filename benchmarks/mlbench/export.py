"""Exports classic machine-learning tables of R's mlbench package (Debian: r-cran-mlbench) to the defaults benchmark's
split format: tables no earlier round of NNTrainer looked at, to check the defaults on data they were not chosen on.

usage: export.py CACHE_DIR DATA_DIR [--splits N] [--datasets a,b] [--plain DIR]

Rscript dumps each data set once into CACHE_DIR as NAME.csv (NA as an empty field) with NAME.kinds (one line a column:
numeric or nominal, from R's own column classes: a factor or a logical is nominal, whatever its values look like).
DATA_DIR/NAME/ then gets split<k>.train.csv / split<k>.test.csv and meta.json, written by benchmarks/public/export.py's
writer: stratified (classification) 80/20 splits with random_state = k. --plain DIR writes the plain CSV a user would
save from R (header, values, empty fields for NA) to try the CLI on.
"""
import csv
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "public"))
import export as public  # noqa: E402  (the public tables' split writer, shared on purpose)

# name: (mlbench data set, label column, task, columns left out)
DATASETS = {
    "sonar": ("Sonar", "Class", "binary", []),
    "vehicle": ("Vehicle", "Class", "multiclass", []),
    "vowel": ("Vowel", "Class", "multiclass", []),
    "zoo": ("Zoo", "type", "multiclass", []),
    "dna": ("DNA", "Class", "multiclass", []),
    "satellite": ("Satellite", "classes", "multiclass", []),
    "letter": ("LetterRecognition", "lettr", "multiclass", []),
    "servo": ("Servo", "Class", "regression", []),
    "ozone": ("Ozone", "V4", "regression", []),
    "shuttle": ("Shuttle", "Class", "multiclass", []),
    # mlbench's generators (Breiman's benchmark problems), 10,000 rows drawn with set.seed(1): large tables of few
    # inputs, generated for round 13 after its rule was chosen (docs/mlbench-data.md).
    "waveform": ("mlbench.waveform(10000)", "classes", "multiclass", []),
    "twonorm": ("mlbench.twonorm(10000, d = 20)", "classes", "binary", []),
    "ringnorm": ("mlbench.ringnorm(10000, d = 20)", "classes", "binary", []),
    "threenorm": ("mlbench.threenorm(10000, d = 20)", "classes", "binary", []),
}

R_DUMP = r"""
args <- commandArgs(trailingOnly = TRUE)
suppressMessages(library(mlbench))
e <- new.env(); data(list = args[1], package = "mlbench", envir = e); d <- get(args[1], envir = e)
kinds <- ifelse(sapply(d, function(c) is.factor(c) || is.logical(c) || is.character(c)), "nominal", "numeric")
for (i in seq_along(d)) if (is.factor(d[[i]]) || is.logical(d[[i]])) d[[i]] <- as.character(d[[i]])
write.csv(d, args[2], row.names = FALSE, na = "")
writeLines(paste(names(d), kinds, sep = "\t"), args[3])
"""

R_GENERATE = r"""
args <- commandArgs(trailingOnly = TRUE)
suppressMessages(library(mlbench))
set.seed(1); p <- eval(parse(text = args[1]))
d <- data.frame(p$x); names(d) <- paste0("x", seq_len(ncol(d))); d$classes <- as.character(p$classes)
write.csv(d, args[2], row.names = FALSE, na = "")
writeLines(paste(names(d), c(rep("numeric", ncol(d) - 1), "nominal"), sep = "\t"), args[3])
"""


def dump(cache, name):
    dataset = DATASETS[name][0]
    path, kinds = os.path.join(cache, name + ".csv"), os.path.join(cache, name + ".kinds")
    if not os.path.exists(kinds):
        os.makedirs(cache, exist_ok=True)
        script = R_GENERATE if dataset.startswith("mlbench.") else R_DUMP
        subprocess.run(["Rscript", "-e", script, dataset, path, kinds], check=True)
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    kind = dict(line.rstrip("\n").split("\t") for line in open(kinds, encoding="utf-8"))
    return rows[0], rows[1:], kind


def load(cache, name):
    _, label, task, dropped = DATASETS[name]
    header, rows, kind = dump(cache, name)
    rows = [r for r in rows if r[header.index(label)] != ""]  # ozone: days without a reading of the target
    columns = {n: [r[i] for r in rows] for i, n in enumerate(header)}
    y = columns.pop(label)
    features = [n for n in header if n != label and n not in dropped]
    numeric = [n for n in features if kind[n] == "numeric"]
    categorical = [n for n in features if kind[n] != "numeric"]
    if task == "regression":
        y = [float(v) for v in y]
    return columns, numeric, categorical, y, task


def main(argv):
    cache, data_dir = argv[0], argv[1]
    count, names, plain = public.options(argv, DATASETS)
    for name in names:
        if plain:
            header, rows, _ = dump(cache, name)
            os.makedirs(plain, exist_ok=True)
            with open(os.path.join(plain, name + ".csv"), "w", encoding="utf-8", newline="") as f:
                csv.writer(f).writerows([header] + rows)
        public.export_loaded(name, data_dir, count, load(cache, name))


if __name__ == "__main__":
    main(sys.argv[1:])
