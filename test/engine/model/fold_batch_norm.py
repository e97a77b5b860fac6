"""Folds (Linear|Conv2d, BatchNorm) pairs with PyTorch's own fusion and prints the fused tensors.

Reads a JSON list of pairs (weight, bias or null, gamma, beta, running_mean, running_var, eps) from the
file named on the command line; prints a JSON list of {"weight": [...], "bias": [...]} computed in
float64 by torch.nn.utils.fusion.fuse_linear_bn_eval / fuse_conv_bn_eval on real modules.
"""
import json
import sys

import torch
from torch import nn
from torch.nn.utils.fusion import fuse_conv_bn_eval, fuse_linear_bn_eval

torch.set_default_dtype(torch.float64)


def fused(pair):
    weight = torch.tensor(pair["weight"]).reshape(pair["weightShape"])
    channels = weight.shape[0]
    has_bias = pair["bias"] is not None
    if weight.dim() == 2:
        layer = nn.Linear(weight.shape[1], channels, bias=has_bias)
        norm = nn.BatchNorm1d(channels, eps=pair["eps"])
    else:
        layer = nn.Conv2d(weight.shape[1], channels, weight.shape[2:], padding=1, bias=has_bias)
        norm = nn.BatchNorm2d(channels, eps=pair["eps"])
    with torch.no_grad():
        layer.weight.copy_(weight)
        if has_bias:
            layer.bias.copy_(torch.tensor(pair["bias"]))
        norm.weight.copy_(torch.tensor(pair["gamma"]))
        norm.bias.copy_(torch.tensor(pair["beta"]))
        norm.running_mean.copy_(torch.tensor(pair["runningMean"]))
        norm.running_var.copy_(torch.tensor(pair["runningVar"]))
    layer.eval()
    norm.eval()
    fuse = fuse_linear_bn_eval if weight.dim() == 2 else fuse_conv_bn_eval
    out = fuse(layer, norm)
    return {
        "weight": out.weight.detach().reshape(-1).tolist(),
        "bias": out.bias.detach().reshape(-1).tolist(),
    }


with open(sys.argv[1]) as f:
    pairs = json.load(f)
print(json.dumps([fused(p) for p in pairs]))
