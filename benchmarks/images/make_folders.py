"""Writes the image folders of the images benchmark from Fashion-MNIST's IDX files, reproducibly (seeded).

usage: make_folders.py OUT_DIR [--seed 1] [--per-class-train 600] [--per-class-test 100]

OUT_DIR/fmnist/{train,test}/<class>/NNNNN.png  grey 28x28 PNGs, 10 classes, the first images of each class in
                                               Fashion-MNIST's train / test files (6,000 / 1,000 by default).
OUT_DIR/colour/{train,test}/<class>/NNNNN.jpg  colour JPEGs of mixed sizes, 4 classes (like the book's Animals set):
                                               each garment tinted a random colour on a random coloured background,
                                               resized to a random square-ish size of 24-64 px, JPEG quality 90.
"""
import gzip
import os
import struct
import sys

import numpy as np
from PIL import Image

FMNIST = os.environ.get("FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist")
NAMES = ["tshirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "boot"]
COLOUR_CLASSES = {"trouser": 1, "sneaker": 7, "bag": 8, "boot": 9}


def arg(name, default, cast=str):
    return cast(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def idx(path):
    with gzip.open(path, "rb") as f:
        magic, n = struct.unpack(">II", f.read(8))
        if magic == 2051:
            rows, cols = struct.unpack(">II", f.read(8))
            return np.frombuffer(f.read(), np.uint8).reshape(n, rows, cols)
        return np.frombuffer(f.read(), np.uint8)


def first_per_class(labels, per_class):
    picked = {c: [] for c in range(10)}
    for i, y in enumerate(labels):
        if len(picked[y]) < per_class:
            picked[y].append(i)
    return picked


def grey(out, images, labels, per_class):
    for c, rows in first_per_class(labels, per_class).items():
        folder = os.path.join(out, NAMES[c])
        os.makedirs(folder, exist_ok=True)
        for i in rows:
            Image.fromarray(images[i], "L").save(os.path.join(folder, f"{i:05d}.png"))


def colour(out, images, labels, per_class, rng):
    picked = first_per_class(labels, per_class)
    for name, c in COLOUR_CLASSES.items():
        folder = os.path.join(out, name)
        os.makedirs(folder, exist_ok=True)
        for i in picked[c]:
            mask = images[i].astype(np.float32)[..., None] / 255.0
            fg = rng.integers(0, 256, 3).astype(np.float32)
            bg = rng.integers(0, 256, 3).astype(np.float32)
            rgb = (mask * fg + (1 - mask) * bg).round().astype(np.uint8)
            w, h = (int(v) for v in rng.integers(24, 65, 2))
            Image.fromarray(rgb, "RGB").resize((w, h), Image.BILINEAR).save(os.path.join(folder, f"{i:05d}.jpg"), quality=90)


def main():
    out = sys.argv[1]
    seed = arg("--seed", 1, int)
    train_n, test_n = arg("--per-class-train", 600, int), arg("--per-class-test", 100, int)
    xtr, ytr = idx(f"{FMNIST}/train-images-idx3-ubyte.gz"), idx(f"{FMNIST}/train-labels-idx1-ubyte.gz")
    xte, yte = idx(f"{FMNIST}/t10k-images-idx3-ubyte.gz"), idx(f"{FMNIST}/t10k-labels-idx1-ubyte.gz")
    grey(os.path.join(out, "fmnist", "train"), xtr, ytr, train_n)
    grey(os.path.join(out, "fmnist", "test"), xte, yte, test_n)
    rng = np.random.default_rng(seed)
    colour(os.path.join(out, "colour", "train"), xtr, ytr, train_n, rng)
    colour(os.path.join(out, "colour", "test"), xte, yte, test_n, rng)
    print(f"wrote {out}/fmnist and {out}/colour")


if __name__ == "__main__":
    main()
