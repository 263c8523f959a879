import sys, numpy as np
n = int(sys.argv[1]); out = sys.argv[2]
rng = np.random.default_rng(3)
x = rng.standard_normal((n, 5)).astype(np.float32)
cat = rng.integers(0, 100, n)
y = (x[:, 0] + 0.02 * (cat - 50) + 0.5 * rng.standard_normal(n) > 0).astype(int)
with open(out, "w") as f:
    f.write("f0,f1,f2,f3,f4,cat,label\n")
    names = np.array([f"c{i:03d}" for i in range(100)])
    for s in range(0, n, 100000):
        e = min(n, s + 100000)
        cols = [np.char.mod("%.5f", x[s:e, j]) for j in range(5)] + [names[cat[s:e]], y[s:e].astype(str)]
        f.write("\n".join(",".join(r) for r in zip(*cols)) + "\n")
