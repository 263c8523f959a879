#!/usr/bin/env python3
"""NumPy's loadtxt of a scale CSV's 20 numeric columns into float32: the ingest yardstick.

    /usr/bin/python3 benchmarks/scale/numpy_loadtxt.py FILE.csv
"""
import sys
import time

import numpy as np

start = time.perf_counter()
x = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1, usecols=range(20), dtype=np.float32)
print(f"loadtxt {x.shape}: {time.perf_counter() - start:.2f} s")
