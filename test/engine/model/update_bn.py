"""Runs torch.optim.swa_utils.update_bn on an MLP given as a state_dict and prints its BatchNorm buffers.

Reads {"spec": {...}, "state": {name: [values]}, "shapes": {name: shape}, "batches": [[...]]} from the
file named on the command line. The MLP is the engine's: flatten, fc1, norm1, act1 (ReLU), ..., fc(depth+1).
Prints {name: [values]} for every running_mean, running_var and num_batches_tracked after update_bn.
"""
import json
import sys
from collections import OrderedDict

import torch
from torch import nn
from torch.optim.swa_utils import update_bn

torch.set_default_dtype(torch.float64)

with open(sys.argv[1]) as f:
    case = json.load(f)
spec = case["spec"]
layers = OrderedDict(flatten=nn.Flatten())
features = spec["inputSize"]
for i in range(1, spec["depth"] + 1):
    layers[f"fc{i}"] = nn.Linear(features, spec["width"], bias=spec["bias"])
    layers[f"norm{i}"] = nn.BatchNorm1d(spec["width"])
    layers[f"act{i}"] = nn.ReLU()
    features = spec["width"]
layers[f"fc{spec['depth'] + 1}"] = nn.Linear(features, spec["numClasses"])
model = nn.Sequential(layers)
state = {
    name: torch.tensor(values).reshape(case["shapes"][name])
    for name, values in case["state"].items()
}
for name in state:
    if name.endswith("num_batches_tracked"):
        state[name] = state[name].long()
model.load_state_dict(state)
batches = [torch.tensor(b).reshape(-1, spec["inputSize"]) for b in case["batches"]]
update_bn(batches, model)
print(json.dumps({
    name: value.reshape(-1).tolist()
    for name, value in model.state_dict().items()
    if "running" in name or "num_batches" in name
}))
