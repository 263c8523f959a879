"""Round 11: the 28x28 arrays of export_arrays.py resized to 32x32 by nearest neighbour, sampling rows and columns
floor((i + 1/2) * 28 / 32) as SkiaSharp does for ML.NET's ResizeImages(..., Fill), to weigh that filter against PIL's
bilinear one on the same images.

usage: nearest_arrays.py PREFIX28 PREFIX32_OUT
"""
import json
import sys

import numpy as np

source, target = sys.argv[1:3]
index = np.floor((np.arange(32) + 0.5) * 28 / 32).astype(int)
for part in ("train", "test"):
    y = np.fromfile(f"{source}.{part}.y", "<i4")
    x = np.fromfile(f"{source}.{part}.x", "<f4").reshape(len(y), 1, 28, 28)
    x[:, :, index][:, :, :, index].astype("<f4").tofile(f"{target}.{part}.x")
    y.tofile(f"{target}.{part}.y")
with open(target + ".json", "w") as f:
    json.dump({"channels": 1, "height": 32, "width": 32, "classes": 10}, f)
