"""Compares a from-scratch BatchNorm1d with torch.nn.BatchNorm1d, for test/export/batchNormScratch.test.ts.

    python3 check_batch_norm_1d.py PATH_TO_SCRATCH_FILE

Both modules get the same γ and β, then five training steps on random batches (outputs, the
gradients of the input, γ and β, and the running statistics after each step) and an eval-mode
pass. All in float64, so the only differences are rounding. Prints the largest absolute
difference of each quantity as JSON.
"""
import importlib.util
import json
import sys

import torch

spec = importlib.util.spec_from_file_location("scratch", sys.argv[1])
scratch = importlib.util.module_from_spec(spec)
spec.loader.exec_module(scratch)

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
C = 6
ours = scratch.BatchNorm1d(C)
reference = torch.nn.BatchNorm1d(C)
with torch.no_grad():
    for module in (ours, reference):
        module.weight.copy_(torch.linspace(0.5, 2.0, C))
        module.bias.copy_(torch.linspace(-1.0, 1.0, C))

worst = {}


def record(name, a, b):
    worst[name] = max(worst.get(name, 0.0), (a - b).abs().max().item())


for step in range(5):
    x = torch.randn(16, C) * 3 + 2
    upstream = torch.randn(16, C)
    outputs = []
    for module in (ours, reference):
        module.train()
        xi = x.clone().requires_grad_(True)
        y = module(xi)
        y.backward(upstream)
        outputs.append((y.detach(), xi.grad, module.weight.grad.clone(), module.bias.grad.clone()))
        module.zero_grad()
    for name, a, b in zip(("train output", "input gradient", "γ gradient", "β gradient"), *outputs):
        record(name, a, b)
    record("running mean", ours.running_mean, reference.running_mean)
    record("running var", ours.running_var, reference.running_var)

x = torch.randn(8, C) * 3 + 2
ours.eval()
reference.eval()
with torch.no_grad():
    record("eval output", ours(x), reference(x))
print(json.dumps(worst))
