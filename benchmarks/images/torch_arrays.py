"""Round 11 (docs/images.md, "MiniVGGNet against PyTorch"): torch_images.py's MiniVGGNet on the arrays export_arrays.py
wrote, Adam 0.001 (eps 1e-7), batch 32, 1 thread, scored on the test arrays after every epoch, with one of NNTrainer's
recipe choices switched on at a time; VggAblation is the NNTrainer side on the same arrays.

usage: torch_arrays.py DATA_PREFIX [--arch minivggnet] [--epochs 13] [--seed 0] [--rows N] [--init torch|he] --out FILE.json
--init he: NNTrainer's draw (He normal N(0, 2/fanIn) for a layer before a ReLU, Glorot uniform for the output layer,
zero biases) instead of PyTorch's kaiming_uniform(a=sqrt(5)) and uniform biases.
"""
import json
import math
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
from torch_images import arg, build  # noqa: E402  (sets nothing else; reads sys.argv lazily)

import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402

torch.set_num_threads(1)


def load(prefix, part, shape, take=0):
    y = np.fromfile(f"{prefix}.{part}.y", "<i4")
    x = np.fromfile(f"{prefix}.{part}.x", "<f4").reshape(len(y), *shape)
    if take:
        x, y = x[:take], y[:take]
    return torch.from_numpy(x.copy()), torch.from_numpy(y.astype(np.int64))


def he_init(model):
    layers = [m for m in model if isinstance(m, (nn.Conv2d, nn.Linear))]
    for i, m in enumerate(layers):
        fan_in = m.weight[0].numel()
        with torch.no_grad():
            if i + 1 < len(layers):
                m.weight.normal_(0, math.sqrt(2.0 / fan_in))
            else:
                limit = math.sqrt(6.0 / (fan_in + m.out_features))
                m.weight.uniform_(-limit, limit)
            m.bias.zero_()


def scores(model, x, y):
    model.eval()
    with torch.no_grad():
        logits = torch.cat([model(x[i:i + 500]) for i in range(0, len(y), 500)])
    model.train()
    return (logits.argmax(1) == y).float().mean().item(), nn.functional.cross_entropy(logits, y).item()


def main():
    prefix = sys.argv[1]
    meta = json.load(open(prefix + ".json"))
    shape = (meta["channels"], meta["height"], meta["width"])
    arch, epochs, seed = arg("--arch", "minivggnet"), arg("--epochs", 13, int), arg("--seed", 0, int)
    init = arg("--init", "torch")
    xtr, ytr = load(prefix, "train", shape, arg("--rows", 0, int))
    xte, yte = load(prefix, "test", shape)
    torch.manual_seed(seed)
    model = build(arch, shape[0], shape[1], meta["classes"])
    if init == "he":
        he_init(model)
    opt = torch.optim.Adam(model.parameters(), lr=0.001, eps=1e-7)
    loss_fn = nn.CrossEntropyLoss()
    gen = torch.Generator().manual_seed(seed)
    curve, start = [], time.process_time()
    for epoch in range(1, epochs + 1):
        order = torch.randperm(len(ytr), generator=gen)
        total = 0.0
        for i in range(0, len(ytr), 32):
            idx = order[i:i + 32]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xtr[idx]), ytr[idx])
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        acc, test_loss = scores(model, xte, yte)
        curve.append({"epoch": epoch, "loss": total / len(ytr), "test_loss": test_loss, "test_acc": acc})
        print(f"{arch} {init} seed {seed} epoch {epoch} cpu {time.process_time() - start:.0f}s loss {total / len(ytr):.4f} test {acc:.4f} / {test_loss:.4f}", flush=True)
        # Rewritten after every epoch: a run cut short still leaves its curve so far ("epochs" is the count reached).
        with open(arg("--out", "torch_arrays.json"), "w") as f:
            json.dump({"system": "PyTorch " + torch.__version__, "arch": arch, "init": init, "epochs": epoch, "planned_epochs": epochs,
                       "seed": seed, "train_rows": len(ytr), "cpu_s": time.process_time() - start, "curve": curve}, f, indent=1)


if __name__ == "__main__":
    main()
