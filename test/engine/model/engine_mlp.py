"""The engine's MLP in PyTorch, for the reference scripts beside this file.

flatten, fc1, norm1 (BatchNorm1d), act1 (ReLU), ..., fc(depth+1), in float64, as described by a case's
"spec" and loaded from its "state" ({name: [values]}) and "shapes" ({name: shape}).
"""
import json
import sys
from collections import OrderedDict

import torch
from torch import nn

torch.set_default_dtype(torch.float64)


def read_case():
    """The JSON case in the file named on the command line."""
    with open(sys.argv[1]) as f:
        return json.load(f)


def engine_mlp(case):
    """The case's MLP with its state_dict loaded."""
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
    return model


def inputs(case, batch):
    """One batch of the case as the MLP's input, a row per sample."""
    return torch.tensor(batch).reshape(-1, case["spec"]["inputSize"])
