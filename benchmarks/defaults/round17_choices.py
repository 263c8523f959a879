"""Round 17: the long-training choices of a NNTrainer.Defaults.Bench run, table by table, from its stderr.

usage: round17_choices.py STDERR_LOG...

The candidate build logged one line per measured choice ("BAND17 rows=N usual=.. long=.. strong=.. mean=.. se=.. n=..
z=.. chosen=usual|long|stronger", a scratch print not in the committed source) and the bench logs "l2 TABLE split K"
after each catalog fit. The runner fits every CLI split of a table, then every catalog split: so the choice line just
before a catalog fit's "l2" line is that fit's, and the lines before it since the previous table are the CLI's
(measuring fits and, when they chose the stronger penalty, the refit's choice made again). Prints rows:choice(z) lists.
"""
import re
import sys


def parse(path):
    tables, pending, current = {}, [], None
    for line in open(path):
        m = re.match(r"BAND17 rows=(\d+) .* z=(\S+) chosen=(\w+)", line)
        if m:
            pending.append(f"{m[1]}:{m[3]}({m[2]})")
            continue
        m = re.match(r"l2 (\S+) split (\d+):", line)
        if m:
            name = m[1]
            entry = tables.setdefault(name, {"CLI": [], "catalog": []})
            if name != current:
                entry["CLI"], pending = pending[:-1], pending[-1:]
                current = name
            else:
                entry["CLI"] += pending[:-1]
                pending = pending[-1:]
            entry["catalog"].append(pending.pop() if pending else "none")
    return tables


def main(paths):
    for path in paths:
        for name, entry in parse(path).items():
            for system in ("CLI", "catalog"):
                print(f"{name} {system}: {' '.join(entry[system]) or 'no measured choice'}")


if __name__ == "__main__":
    main(sys.argv[1:])
