"""The book's convnets in PyTorch on a folder of class sub-folders, read as `nntrainer train FOLDER` reads it.

usage: torch_images.py TRAIN_DIR TEST_DIR --arch shallownet|lenet|minivggnet --size 28 --channels 1|3
       [--epochs 5] [--batch 32] [--lr 0.01] [--optimizer sgd|adam] [--nesterov] [--threads 1] [--test-fraction 0.2] [--seed 0] [--json OUT]

Reads every .png/.jpg/.jpeg under TRAIN_DIR/<class>/ (classes in ordinal order of their names, files in ordinal order
of their paths) with PIL, converts to grey ("L") or RGB, resizes (stretched, bilinear) to size x size when it differs,
scales by 1/255 to planar C x H x W float32, as nntrainer's ML.NET pipeline does. Like `nntrainer train` it trains
on a seeded 80 % of TRAIN_DIR (--test-fraction held out and scored), then scores TEST_DIR as `nntrainer evaluate`
does. Optimizer: SGD, momentum 0.9 (nntrainer's `--optimizer sgd`), optionally Nesterov, or with `--optimizer adam` Adam
(nntrainer's default; give --lr 0.001), constant learning rate,
no weight decay; cross-entropy on logits (== softmax + categorical cross-entropy). PyTorch's default initialisation.
Prints one line per epoch and a JSON summary: decode seconds, every epoch's seconds, accuracies.
"""
import json
import os
import sys
import time

ARGS = sys.argv[1:]


def arg(name, default, cast=str):
    return cast(ARGS[ARGS.index(name) + 1]) if name in ARGS else default


THREADS = arg("--threads", 1, int)
for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[k] = str(THREADS)

import numpy as np  # noqa: E402
import torch  # noqa: E402
from PIL import Image  # noqa: E402
from torch import nn  # noqa: E402

torch.set_num_threads(THREADS)
try:
    torch.set_num_interop_threads(1)
except RuntimeError:
    pass

EXTENSIONS = (".png", ".jpg", ".jpeg")


def read_folder(folder, size, channels, classes=None):
    classes = classes or sorted(d for d in os.listdir(folder) if os.path.isdir(os.path.join(folder, d)) and not d.startswith("."))
    paths, labels = [], []
    for c, name in enumerate(classes):
        found = []
        for root, dirs, files in os.walk(os.path.join(folder, name)):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found += [os.path.join(root, f) for f in files if f.lower().endswith(EXTENSIONS) and not f.startswith(".")]
        paths += sorted(found)
        labels += [c] * len(found)
    x = np.empty((len(paths), channels, size, size), np.float32)
    for i, p in enumerate(paths):
        with Image.open(p) as im:
            im = im.convert("L" if channels == 1 else "RGB")
            if im.size != (size, size):
                im = im.resize((size, size), Image.BILINEAR)
            a = np.asarray(im, np.float32) / 255.0
        x[i] = a[None] if channels == 1 else a.transpose(2, 0, 1)
    return torch.from_numpy(x), torch.tensor(labels, dtype=torch.long), classes


def build(arch, c, s, k):
    if arch == "shallownet":
        return nn.Sequential(nn.Conv2d(c, 32, 3, padding=1), nn.ReLU(), nn.Flatten(), nn.Linear(32 * s * s, k))
    if arch == "lenet":
        q = s // 2 // 2
        return nn.Sequential(
            nn.Conv2d(c, 20, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2, 2),
            nn.Conv2d(20, 50, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2, 2),
            nn.Flatten(), nn.Linear(50 * q * q, 500), nn.ReLU(), nn.Linear(500, k))
    if arch == "minivggnet":
        def block(cin, cout):
            return [nn.Conv2d(cin, cout, 3, padding=1), nn.ReLU(), nn.BatchNorm2d(cout)]
        q = s // 2 // 2
        return nn.Sequential(
            *block(c, 32), *block(32, 32), nn.MaxPool2d(2, 2), nn.Dropout(0.25),
            *block(32, 64), *block(64, 64), nn.MaxPool2d(2, 2), nn.Dropout(0.25),
            nn.Flatten(), nn.Linear(64 * q * q, 512), nn.ReLU(), nn.BatchNorm1d(512), nn.Dropout(0.5),
            nn.Linear(512, k))
    raise SystemExit("unknown --arch " + arch)


def accuracy(model, x, y):
    return scores(model, x, y)[0]


def scores(model, x, y):
    """Accuracy and mean log-loss (cross-entropy of the softmax), in evaluation mode."""
    model.eval()
    correct, loss = 0, 0.0
    with torch.no_grad():
        for i in range(0, len(y), 500):
            logits = model(x[i:i + 500])
            correct += (logits.argmax(1) == y[i:i + 500]).sum().item()
            loss += nn.functional.cross_entropy(logits, y[i:i + 500], reduction="sum").item()
    model.train()
    return correct / len(y), loss / len(y)


def main():
    train_dir, test_dir = ARGS[0], ARGS[1]
    arch, size, channels = arg("--arch", "lenet"), arg("--size", 28, int), arg("--channels", 1, int)
    epochs, batch, lr = arg("--epochs", 5, int), arg("--batch", 32, int), arg("--lr", 0.01, float)
    seed, fraction = arg("--seed", 0, int), arg("--test-fraction", 0.2, float)
    start = time.perf_counter()
    x, y, classes = read_folder(train_dir, size, channels)
    decode = time.perf_counter() - start
    torch.manual_seed(seed)
    perm = torch.randperm(len(y), generator=torch.Generator().manual_seed(seed))
    held = int(round(len(y) * fraction))
    xtr, ytr, xho, yho = x[perm[held:]], y[perm[held:]], x[perm[:held]], y[perm[:held]]
    model = build(arch, channels, size, len(classes))
    if arg("--optimizer", "sgd") == "adam":  # nntrainer's default optimizer (Adam 0.001, eps 1e-7 as the engine's)
        opt = torch.optim.Adam(model.parameters(), lr=lr, eps=1e-7)
    else:
        opt = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9, nesterov="--nesterov" in ARGS)
    loss_fn = nn.CrossEntropyLoss()
    gen = torch.Generator().manual_seed(seed)
    epoch_seconds = []
    for epoch in range(1, epochs + 1):
        t0 = time.perf_counter()
        order = torch.randperm(len(ytr), generator=gen)
        total = 0.0
        for i in range(0, len(ytr), batch):
            idx = order[i:i + batch]
            xb, yb = xtr.index_select(0, idx), ytr.index_select(0, idx)
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        epoch_seconds.append(time.perf_counter() - t0)
        print(f"{arch} epoch {epoch} {epoch_seconds[-1]:.3f}s loss {total / len(ytr):.4f}", flush=True)
    held_acc = accuracy(model, xho, yho)
    t0 = time.perf_counter()
    xte, yte, _ = read_folder(test_dir, size, channels, classes)
    decode += time.perf_counter() - t0
    test_acc, test_loss = scores(model, xte, yte)
    result = {
        "system": "PyTorch " + torch.__version__, "arch": arch, "threads": THREADS, "epochs": epochs, "batch": batch,
        "lr": lr, "train_images": len(ytr), "decode_s": decode, "epoch_s": epoch_seconds, "train_s": sum(epoch_seconds),
        "heldout_acc": held_acc, "test_acc": test_acc, "test_logloss": test_loss, "total_s": time.perf_counter() - start,
    }
    print(json.dumps(result))
    if "--json" in ARGS:
        with open(arg("--json", ""), "w") as f:
            json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
