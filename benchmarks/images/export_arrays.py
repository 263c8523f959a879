"""Writes an image folder's pixels as raw arrays for ConvolutionalLength (the length study of docs/images.md).

usage: export_arrays.py TRAIN_DIR TEST_DIR OUT_PREFIX --size 28 --channels 1|3 [--test-fraction 0.2] [--seed 0]

Decodes as torch_images.py does (PIL, grey or RGB, bilinear resize when the size differs, /255, planar C x H x W) and
keeps the same seeded (1 - test-fraction) share of TRAIN_DIR that `nntrainer train` and torch_images.py train on, so
the curves are of the training set the default `train` sees. Writes OUT_PREFIX.{train,test}.{x,y} (float32 / int32,
little-endian) and OUT_PREFIX.json.
"""
import json
import sys

import numpy as np
import torch

from torch_images import arg, read_folder


def main():
    train_dir, test_dir, out = sys.argv[1:4]
    size, channels = arg("--size", 28, int), arg("--channels", 1, int)
    seed, fraction = arg("--seed", 0, int), arg("--test-fraction", 0.2, float)
    x, y, classes = read_folder(train_dir, size, channels)
    perm = torch.randperm(len(y), generator=torch.Generator().manual_seed(seed))
    held = int(round(len(y) * fraction))
    keep = perm[held:]
    xte, yte, _ = read_folder(test_dir, size, channels, classes)
    for part, (xs, ys) in {"train": (x[keep], y[keep]), "test": (xte, yte)}.items():
        xs.numpy().astype("<f4").tofile(f"{out}.{part}.x")
        ys.numpy().astype("<i4").tofile(f"{out}.{part}.y")
    with open(out + ".json", "w") as f:
        json.dump({"channels": channels, "height": size, "width": size, "classes": len(classes), "train": len(keep), "test": len(yte)}, f)


if __name__ == "__main__":
    main()
