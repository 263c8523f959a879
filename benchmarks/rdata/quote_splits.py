"""Rewrites the split files of export.py (rdata sets 1-4, mlbench) with the quotes R's write.csv gave each column, so
that the CLI reads R's tables as an R user's files are written: a column R quoted (a factor, a character column) is
quoted in every split, numbers and NA are not, and so is the header (docs/rdata-data.md, "Session 17").

The splits export.py writes carry no quotes at all: the CLI could only tell R's factors from numbers by their values.
Which columns R quoted is read from the cache's NAME.csv (export.py's write.csv of the table: factors and logicals
as character, so quoted). The label `y` is quoted when R quoted the label column (a factor, not birthwt's 0/1 integer).

usage: quote_splits.py CACHE_DIR DATA_DIR OUT_DIR [--datasets a,b]
"""
import csv
import importlib.util
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def labels():
    """Label column per table, from rdata's and mlbench's export tables."""
    found = {}
    for path in (os.path.join(HERE, "..", "mlbench", "export.py"), os.path.join(HERE, "export.py")):
        spec = importlib.util.spec_from_file_location("m" + str(len(found)), path)
        module = importlib.util.module_from_spec(spec)
        sys.path.insert(0, os.path.dirname(path))
        spec.loader.exec_module(module)
        for table in (getattr(module, "DATASETS", {}), getattr(module, "SET2", {}), getattr(module, "SET3", {}), getattr(module, "SET4", {})):
            found.update({name: entry[1] for name, entry in table.items()})
    return found


def quoted_columns(path):
    """Columns of R's write.csv file whose present values were quoted (a raw scan: csv.reader drops the quotes)."""
    with open(path, encoding="utf-8") as f:
        header = next(csv.reader([f.readline()]))
        quoted = {}
        for line in f:
            fields, i = [], 0
            # write.csv's fields: "text" with "" inside, or bare; a line per row (no line breaks in these tables).
            while i <= len(line.rstrip("\n")):
                text = line.rstrip("\n")
                if i < len(text) and text[i] == '"':
                    j = i + 1
                    while True:
                        j = text.index('"', j)
                        if j + 1 < len(text) and text[j + 1] == '"':
                            j += 2
                            continue
                        break
                    fields.append(True)
                    i = j + 2
                else:
                    j = text.find(",", i)
                    j = len(text) if j < 0 else j
                    if text[i:j] not in ("", "NA"):
                        fields.append(False)
                    else:
                        fields.append(None)
                    i = j + 1
            for name, q in zip(header, fields):
                if q is not None:
                    quoted[name] = quoted.get(name, True) and q
        return {n for n, q in quoted.items() if q}


def quote(value):
    return '"' + value.replace('"', '""') + '"'


def main(argv):
    cache, data, out = argv[0], argv[1], argv[2]
    names = argv[argv.index("--datasets") + 1].split(",") if "--datasets" in argv else sorted(os.listdir(data))
    label_of = labels()
    for name in names:
        quoted = quoted_columns(os.path.join(cache, name + ".csv"))
        safe = {n.replace(",", ""): n for n in quoted}
        os.makedirs(os.path.join(out, name), exist_ok=True)
        shutil.copy(os.path.join(data, name, "meta.json"), os.path.join(out, name, "meta.json"))
        label_quoted = label_of[name] in quoted
        for file in sorted(os.listdir(os.path.join(data, name))):
            if not file.endswith(".csv"):
                continue
            with open(os.path.join(data, name, file), encoding="utf-8") as f:
                rows = list(csv.reader(f))
            header = rows[0]
            which = [(h == "y" and label_quoted) or (h != "y" and h in safe) for h in header]
            with open(os.path.join(out, name, file), "w", encoding="utf-8") as f:
                f.write(",".join(quote(h) for h in header) + "\n")
                for row in rows[1:]:
                    f.write(",".join(quote(v) if q and v != "" else v for v, q in zip(row, which)) + "\n")
        meta = json.load(open(os.path.join(data, name, "meta.json")))
        print(f"{name}: quoted {', '.join(h for h, q in zip(header, which) if q) or '-'}; "
              f"categorical {len(meta['categorical'])}, numeric {len(meta['numeric'])}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
