"""Round 9a: ML.NET's SdcaMaximumEntropy on iris, rebuilt in numpy ingredient by ingredient.

usage: sdca_replicate.py DATA_DIR/iris SPLITS ABLATION.jsonl [--seeds N]
ABLATION.jsonl is benchmarks/SdcaAblation's output; its variant "default" (the bench's stock SDCA) is the reference
whose test-row decisions every model here is compared with, split by split.

What ML.NET's SDCA does on 120 rows of 4 features (SdcaBinary.cs, SdcaMulticlass.cs, NormalizeColumnDbl.cs):
  scaling   x / sqrt(mean(x^2)) per column, no centring (NormalizeMeanVariance, fixZero: true);
  model     one score per class, w_c . x + b_c, the bias an extra feature of value 1 (BiasLearningRate 0);
  loss      sum over the classes c != y of log(1 + exp(-(s_y - s_c))) (binary log loss on score differences), not
            softmax cross-entropy;
  penalty   lambda/2 (|W|^2 + |b|^2), bias penalised, lambda = max(1e-6, 20 / (expected iterations * rows)) with
            maxIterations = 3 * floor(500000 / rows) and expected = maxIterations / 2: 2.67e-5 for 120 rows; no L1
            (fewer than 100 features);
  stopping  after every epoch (one thread), stop when (primal - dual) / primal < ConvergenceTolerance = 0.1, keep
            the epoch of lowest primal objective;
  updates   dual coordinate ascent from zero, one row at a time in a fresh random order each epoch, the approximate
            logistic dual step (sigmoid(-margin) - alpha) / max(1, 0.25 + 2 |x|^2 / (lambda n)).
"""
import argparse
import csv
import json

import numpy as np
from scipy.optimize import minimize


def load(path, classes):
    rows = list(csv.reader(open(path)))
    label = rows[0].index("y")
    x = np.array([[float(v) for j, v in enumerate(r) if j != label] for r in rows[1:]])
    return x, np.array([classes.index(r[label]) for r in rows[1:]])


def scale(x, xt, how):
    if how == "fixzero":
        s = 1 / np.sqrt((x ** 2).mean(0))
        return x * s, xt * s
    if how == "centred":
        m, sd = x.mean(0), x.std(0)
        return (x - m) / sd, (xt - m) / sd
    return x, xt


def pairwise_objective(w, x, y, k, lam, penalise_bias):
    """Mean over rows of sum_{c != y} log(1 + exp(-(s_y - s_c))) + lam/2 |W|^2 (bias included when penalised)."""
    n, d = x.shape
    wm = w.reshape(k, d + 1)
    s = x @ wm[:, :d].T + wm[:, d]
    margin = s[np.arange(n), y][:, None] - s
    mask = np.ones_like(s)
    mask[np.arange(n), y] = 0
    loss = (np.logaddexp(0, -margin) * mask).sum() / n
    g = mask / (1 + np.exp(margin))          # d loss / d s_c for c != y: sigmoid(s_c - s_y)
    g[np.arange(n), y] = -g.sum(1)
    g /= n
    grad = np.hstack([g.T @ x, g.sum(0)[:, None]])
    reg = wm if penalise_bias else np.hstack([wm[:, :d], np.zeros((k, 1))])
    return loss + lam / 2 * (reg ** 2).sum(), (grad + lam * reg).ravel()


def softmax_objective(w, x, y, k, lam, penalise_bias):
    n, d = x.shape
    wm = w.reshape(k, d + 1)
    s = x @ wm[:, :d].T + wm[:, d]
    s -= s.max(1, keepdims=True)
    p = np.exp(s)
    p /= p.sum(1, keepdims=True)
    loss = -np.log(p[np.arange(n), y]).mean()
    g = p.copy()
    g[np.arange(n), y] -= 1
    g /= n
    grad = np.hstack([g.T @ x, g.sum(0)[:, None]])
    reg = wm if penalise_bias else np.hstack([wm[:, :d], np.zeros((k, 1))])
    return loss + lam / 2 * (reg ** 2).sum(), (grad + lam * reg).ravel()


def converged(x, y, k, lam, loss, penalise_bias):
    objective = pairwise_objective if loss == "pairwise" else softmax_objective
    r = minimize(objective, np.zeros(k * (x.shape[1] + 1)), args=(x, y, k, lam, penalise_bias), jac=True,
                 method="L-BFGS-B", options={"maxiter": 100000, "gtol": 1e-10, "ftol": 1e-15})
    return r.x.reshape(k, -1)


def sdca(x, y, k, lam, tol, max_iter, rng):
    """ML.NET's single-thread multiclass SDCA with log loss, BiasLearningRate 0 and no L1, in float64."""
    n, d = x.shape
    xa = np.hstack([x, np.ones((n, 1))])
    w = np.zeros((k, d + 1))
    alpha = np.zeros((n, k))
    lni = 1 / (lam * n)
    norm2 = (xa ** 2).sum(1)
    invariant = 1 / np.maximum(1, 0.25 + 2 * norm2 * lni)
    best, best_loss, epochs = w.copy(), np.inf, 0
    mask = np.ones((n, k))
    mask[np.arange(n), y] = 0
    for epoch in range(1, max_iter + 1):
        for i in rng.permutation(n):
            xi, c = xa[i], y[i]
            label_out = w[c] @ xi
            label_dual = label_primal = 0.0
            for j in range(k):
                if j == c:
                    continue
                out = label_out + label_primal * norm2[i] - w[j] @ xi
                dual = alpha[i, j]
                update = (1 / (1 + np.exp(out)) - dual) * invariant[i]
                alpha[i, j] = dual + update
                label_dual -= dual + update
                label_primal += update * lni
                w[j] -= update * lni * xi
            alpha[i, c] = label_dual
            w[c] += label_primal * xi
        s = xa @ w.T
        margin = s[np.arange(n), y][:, None] - s
        a = np.clip(alpha, 1e-300, 1 - 1e-16)
        entropy = -(a * np.log(a) + (1 - a) * np.log1p(-a)) * mask
        reg = lam / 2 * (w ** 2).sum()
        primal = (np.logaddexp(0, -margin) * mask).sum() / n + reg
        dual = entropy.sum() / n - reg
        epochs = epoch
        if primal < best_loss:
            best, best_loss = w.copy(), primal
        if (primal - dual) / primal < tol:
            break
    return best, epochs


def partly_centred(data, reference, k, lam):
    """SDCA's model (softmax, bias penalised, lambda) with some columns standardised and the rest on the uncentred scale:
    which columns' uncentred scale the penalised bias needs."""
    for name, columns in (("sepal columns centred", [0, 1]), ("petal columns centred", [2, 3])):
        acc, diff = [], 0
        for split, (x, y, xt, yt) in enumerate(data):
            xs, xts = scale(x, xt, "fixzero")
            xc, xtc = scale(x, xt, "centred")
            xs[:, columns], xts[:, columns] = xc[:, columns], xtc[:, columns]
            pred = predict(converged(xs, y, k, lam, "softmax", True), xts)
            acc.append((pred == yt).mean())
            diff += int((pred != reference[split]).sum())
        print(f"| softmax, bias penalised, lambda {lam:.3g}, {name} | {np.mean(acc):.4f} | | | | {diff} | |", flush=True)


def predict(w, xt):
    return np.argmax(xt @ w[:, :-1].T + w[:, -1], axis=1)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("data")
    p.add_argument("splits", type=int)
    p.add_argument("ablation")
    p.add_argument("--seeds", type=int, default=3)
    a = p.parse_args()
    meta = json.load(open(f"{a.data}/meta.json"))
    classes = meta["classes"]
    k = len(classes)
    reference = {}
    for line in open(a.ablation):
        run = json.loads(line)
        if run["Variant"] == "default":
            reference[run["Split"]] = np.array(run["Predicted"])
    lam = max(1e-6, 20 / ((3 * (500000 // 120)) // 2 * 120))
    models = [("SDCA as ML.NET runs it (numpy, tol 0.1)", "sdca", dict(lam=lam, tol=0.1, norm="fixzero")),
              ("SDCA's objective solved: pairwise loss, bias penalised, uncentred", "pairwise", dict(lam=lam, pb=True, norm="fixzero"))]
    for norm, pb, what in (("fixzero", True, "uncentred, bias penalised"), ("fixzero", False, "uncentred, bias free"),
                           ("centred", False, "centred, bias free")):
        for lam2 in (3e-6, 1e-5, lam, 1e-4, 3e-4, 1e-3, 1e-2):
            models.append((f"softmax, {what}, lambda {lam2:.3g}", "softmax", dict(lam=lam2, pb=pb, norm=norm)))
    data = []
    for split in range(a.splits):
        x, y = load(f"{a.data}/split{split}.train.csv", classes)
        xt, yt = load(f"{a.data}/split{split}.test.csv", classes)
        data.append((x, y, xt, yt))
    print(f"lambda for 120 rows: {lam:.4g}; reference: ML.NET SDCA default, "
          f"{np.mean([(reference[s] == d[3]).mean() for s, d in enumerate(data)]):.4f}")
    sdca_acc = np.array([(reference[s] == d[3]).mean() for s, d in enumerate(data)])
    print("| model | accuracy | 0-19 | 20-39 | - ML.NET SDCA (b/e/w) | test rows != SDCA | epochs |")
    print("|---|---:|---:|---:|---|---:|---:|")
    for name, kind, o in models:
        for seed in range(a.seeds if kind == "sdca" else 1):
            acc, diff, epochs = [], 0, []
            for split, (x, y, xt, yt) in enumerate(data):
                xs, xts = scale(x, xt, o["norm"])
                if kind == "sdca":
                    w, e = sdca(xs, y, k, o["lam"], o["tol"], 12498, np.random.RandomState(1000 * seed + split))
                    epochs.append(e)
                else:
                    w = converged(xs, y, k, o["lam"], kind, o["pb"])
                pred = predict(w, xts)
                acc.append((pred == yt).mean())
                diff += int((pred != reference[split]).sum())
            label = name + (f", shuffle seed {seed}" if kind == "sdca" else "")
            d = np.array(acc) - sdca_acc
            paired = f"{d.mean():+.4f} ± {d.std(ddof=1) / np.sqrt(len(d)):.4f} ({(d > 1e-6).sum()}/{(abs(d) <= 1e-6).sum()}/{(d < -1e-6).sum()})"
            print(f"| {label} | {np.mean(acc):.4f} | {np.mean(acc[:20]):.4f} | {np.mean(acc[20:]):.4f} | {paired} | {diff} | "
                  f"{(f'{np.mean(epochs):.0f}' if epochs else '')} |", flush=True)
    partly_centred(data, reference, k, lam)


if __name__ == "__main__":
    main()
