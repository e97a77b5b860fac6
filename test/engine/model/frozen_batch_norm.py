"""Trains the engine's MLP in PyTorch with every BatchNorm in eval mode (frozen) and prints its state.

Reads {"spec", "state", "shapes", "batches": [[...]], "labels": [[...]], "lr", "momentum"} from the
file named on the command line. The MLP is the engine's: flatten, fc1, norm1, act1 (ReLU), ...,
fc(depth+1). Each batch is one SGD step (cross-entropy) after model.train() and, for every
BatchNorm, m.eval(), as lesson 6 shows. Prints {name: [values]} for the whole state_dict.
"""
import json
import sys
from collections import OrderedDict

import torch
from torch import nn

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
optimizer = torch.optim.SGD(model.parameters(), lr=case["lr"], momentum=case["momentum"])
for x, y in zip(case["batches"], case["labels"]):
    model.train()
    for m in model.modules():
        if isinstance(m, nn.modules.batchnorm._BatchNorm):
            m.eval()
    optimizer.zero_grad()
    loss = nn.functional.cross_entropy(
        model(torch.tensor(x).reshape(-1, spec["inputSize"])), torch.tensor(y)
    )
    loss.backward()
    optimizer.step()
print(json.dumps({name: value.reshape(-1).tolist() for name, value in model.state_dict().items()}))
