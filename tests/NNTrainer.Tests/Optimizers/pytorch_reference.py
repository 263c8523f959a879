# Prints the PyTorch values that OptimizerReferenceTests, ScheduleTests, GradientClippingTests and
# LabelSmoothingTests hold as constants. Run with Debian's /usr/bin/python3 (torch from Debian, CPU, float32).
import math
import torch

torch.set_printoptions(precision=9)
def show(name, values):
    print(name, ", ".join(f"{float(v):.9g}f" for v in values))

grads = [[0.5, -0.25, 1.0, 0.0], [0.25, 0.5, -2.0, 0.1], [-0.75, 0.125, 0.5, -0.3]]
w0 = [1.0, -2.0, 0.5, 3.0]

# AdamW: lr 0.01, weight decay 0.1, eps 1e-7 (ours; PyTorch's default is 1e-8), betas (0.9, 0.999).
p = torch.tensor(w0, dtype=torch.float32, requires_grad=True)
opt = torch.optim.AdamW([p], lr=0.01, betas=(0.9, 0.999), eps=1e-7, weight_decay=0.1)
for g in grads:
    p.grad = torch.tensor(g, dtype=torch.float32)
    opt.step()
    show("adamw", p.detach())

# SGD Nesterov: lr 0.1, momentum 0.9 (PyTorch form; the same algorithm as Keras' at a constant rate).
p = torch.tensor(w0, dtype=torch.float32, requires_grad=True)
opt = torch.optim.SGD([p], lr=0.1, momentum=0.9, nesterov=True)
for g in grads:
    p.grad = torch.tensor(g, dtype=torch.float32)
    opt.step()
    show("nesterov", p.detach())

def rates(make, steps, losses=None):
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=0.1)
    s = make(opt)
    out = []
    for i in range(steps):
        out.append(opt.param_groups[0]["lr"])
        opt.step()
        if losses is None:
            s.step()
        else:
            s.step(losses[i])
    return out

show("onecycle", rates(lambda o: torch.optim.lr_scheduler.OneCycleLR(o, max_lr=0.1, total_steps=20, cycle_momentum=False), 20))
show("cosine", rates(lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=12, eta_min=0.001), 12))
show("exponential", rates(lambda o: torch.optim.lr_scheduler.ExponentialLR(o, gamma=0.9), 5))
plateau_losses = [1.0, 0.9, 0.9, 0.95, 0.9, 0.91, 0.92, 0.85, 0.86, 0.87, 0.88, 0.89, 0.9]
show("plateau", rates(lambda o: torch.optim.lr_scheduler.ReduceLROnPlateau(o, factor=0.5, patience=2, cooldown=1, min_lr=0.02), len(plateau_losses), plateau_losses))

# clip_grad_norm_: two parameters, max norm 1.
a = torch.zeros(2, 2, requires_grad=True)
b = torch.zeros(3, requires_grad=True)
a.grad = torch.tensor([[3.0, -4.0], [1.0, 2.0]])
b.grad = torch.tensor([0.5, -1.5, 2.5])
total = torch.nn.utils.clip_grad_norm_([a, b], max_norm=1.0)
print("clip total", f"{float(total):.9g}")
show("clip a", a.grad.flatten())
show("clip b", b.grad)

# Cross-entropy with label smoothing 0.1 on softmax logits (mean over samples), and its gradient.
logits = torch.tensor([[2.0, -1.0, 0.5], [0.1, 0.2, 0.3], [-1.0, 3.0, 0.0]], requires_grad=True)
labels = torch.tensor([0, 2, 1])
loss = torch.nn.functional.cross_entropy(logits, labels, label_smoothing=0.1)
loss.backward()
print("ce loss", f"{float(loss):.9g}")
show("ce grad", logits.grad.flatten())

# Binary cross-entropy with Keras-style smoothing y(1 - e) + e/2, e = 0.2, on sigmoid logits.
z = torch.tensor([[1.5], [-0.5], [0.25]], requires_grad=True)
y = torch.tensor([[1.0], [0.0], [1.0]])
bce = torch.nn.functional.binary_cross_entropy_with_logits(z, y * 0.8 + 0.1)
bce.backward()
print("bce loss", f"{float(bce):.9g}")
show("bce grad", z.grad.flatten())
