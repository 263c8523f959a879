#!/usr/bin/env python3
"""Seeded generator of the scale benchmark's CSV: 20 numeric columns f0..f19, a text column `city` with a few
categories, a binary `label` that depends on both (so a model has something to learn).

    /usr/bin/python3 benchmarks/scale/generate.py ROWS OUT.csv [--seed 42]

1,000,000 rows are ~178 MB, 10,000,000 rows ~1.79 GB. Rows are written in blocks of 100,000, so memory stays flat.
Numbers are written as "%.5f" of the float32 value, but composed as bytes in NumPy (sign, integer digits, point, five
decimals) rather than through np.char, which needed about an hour for 10M rows: x * 1e5 is exact in float64 for a
float32 x (24 + 17 bits), and np.rint rounds half to even as printf does on the exact value, so the text is the same
byte for byte as "%.5f" (checked against it by --check).
"""
import argparse

import numpy as np

CITIES = np.array(["paris", "lyon", "marseille", "lille", "nantes"])
# Bytes a field may take: sign, up to 3 integer digits, point, 5 decimals. Padding bytes (0) are dropped at the end.
WIDTH = 10


def block(rng, n):
    x = rng.standard_normal((n, 20)).astype(np.float32)
    city = rng.integers(0, len(CITIES), n)
    logit = x[:, 0] - 0.8 * x[:, 1] + 0.5 * x[:, 2] * x[:, 3] + 0.3 * (city - 2)
    label = (logit + 0.5 * rng.standard_normal(n) > 0).astype(np.int8)
    return x, city, label


def fixed5(values):
    """Each float32 as the bytes of "%.5f", left-aligned in WIDTH bytes padded with 0, as an (n, WIDTH) uint8 array."""
    scaled = np.rint(values.astype(np.float64) * 1e5)
    if np.abs(scaled).max(initial=0) >= 1e8:
        raise ValueError("a value of 1000 or more does not fit the generator's field width")
    units = np.abs(scaled).astype(np.int64)
    whole, frac = units // 100_000, units % 100_000
    out = np.zeros((len(values), WIDTH), np.uint8)
    negative = values < 0
    digits = np.where(whole >= 100, 3, np.where(whole >= 10, 2, 1))
    # Position of the point: after the sign (if any) and the integer digits.
    point = negative.astype(np.int64) + digits
    rows = np.arange(len(values))
    out[rows[negative], 0] = ord("-")
    for k in range(3):
        # The k-th integer digit from the right sits at point - 1 - k when the number has more than k digits.
        has = digits > k
        out[rows[has], (point - 1 - k)[has]] = ord("0") + (whole[has] // 10 ** k) % 10
    out[rows, point] = ord(".")
    for k in range(5):
        out[rows, point + 1 + k] = ord("0") + (frac // 10 ** (4 - k)) % 10
    return out


def render(x, city, label):
    """The block's CSV lines as bytes."""
    n = len(x)
    city_bytes = np.zeros((len(CITIES), 10), np.uint8)
    for i, name in enumerate(CITIES):
        city_bytes[i, :len(name)] = np.frombuffer(name.encode(), np.uint8)
    parts = []
    for j in range(20):
        parts.append(fixed5(x[:, j]))
        parts.append(np.full((n, 1), ord(","), np.uint8))
    parts.append(city_bytes[city])
    parts.append(np.full((n, 1), ord(","), np.uint8))
    parts.append((ord("0") + label).astype(np.uint8)[:, None])
    parts.append(np.full((n, 1), ord("\n"), np.uint8))
    table = np.hstack(parts)
    return table[table != 0].tobytes()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--check", action="store_true", help="also format every block with %%.5f and compare")
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    header = ",".join([f"f{i}" for i in range(20)] + ["city", "label"])
    with open(args.out, "wb") as out:
        out.write((header + "\n").encode())
        done = 0
        while done < args.rows:
            n = min(100_000, args.rows - done)
            x, city, label = block(rng, n)
            data = render(x, city, label)
            if args.check:
                lines = [",".join(["%.5f" % v for v in x[i]] + [str(CITIES[city[i]]), str(label[i])]) for i in range(n)]
                if data != ("\n".join(lines) + "\n").encode():
                    raise SystemExit(f"block at row {done}: the fast rendering differs from %.5f")
            out.write(data)
            done += n


if __name__ == "__main__":
    main()
