#!/usr/bin/env python3
"""Seeded generator of the scale benchmark's CSV: 20 numeric columns f0..f19, a text column `city` with a few
categories, a binary `label` that depends on both (so a model has something to learn).

    /usr/bin/python3 benchmarks/scale/generate.py ROWS OUT.csv [--seed 42]

1,000,000 rows are ~178 MB. Rows are written in blocks of 100,000, so memory stays flat for 10M rows.
"""
import argparse

import numpy as np

CITIES = np.array(["paris", "lyon", "marseille", "lille", "nantes"])


def block(rng, n):
    x = rng.standard_normal((n, 20)).astype(np.float32)
    city = rng.integers(0, len(CITIES), n)
    logit = x[:, 0] - 0.8 * x[:, 1] + 0.5 * x[:, 2] * x[:, 3] + 0.3 * (city - 2)
    label = (logit + 0.5 * rng.standard_normal(n) > 0).astype(np.int8)
    return x, city, label


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    header = ",".join([f"f{i}" for i in range(20)] + ["city", "label"])
    with open(args.out, "w", newline="\n") as out:
        out.write(header + "\n")
        done = 0
        while done < args.rows:
            n = min(100_000, args.rows - done)
            x, city, label = block(rng, n)
            # Fixed-point text with 5 decimals: ~8 characters a number, as a typical exported table.
            cols = [np.char.mod("%.5f", x[:, j]) for j in range(20)]
            cols.append(CITIES[city])
            cols.append(label.astype(str))
            lines = cols[0]
            for c in cols[1:]:
                lines = np.char.add(np.char.add(lines, ","), c)
            out.write("\n".join(lines.tolist()))
            out.write("\n")
            done += n


if __name__ == "__main__":
    main()
