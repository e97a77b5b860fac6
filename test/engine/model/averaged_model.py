"""Averages parameter snapshots with torch.optim.swa_utils.AveragedModel and prints the average.

Reads {"snapshots": [{name: [values]}, ...]} from the file named on the command line. Each snapshot's
tensors are loaded into a module holding one flat parameter per name, then
AveragedModel.update_parameters is called; prints {name: [values]} of the averaged parameters.
"""
import json
import sys

import torch
from torch import nn
from torch.optim.swa_utils import AveragedModel

torch.set_default_dtype(torch.float64)

with open(sys.argv[1]) as f:
    snapshots = json.load(f)["snapshots"]
names = list(snapshots[0].keys())
model = nn.ParameterDict({n.replace(".", "_"): nn.Parameter(torch.zeros(len(snapshots[0][n]))) for n in names})
averaged = None
for snapshot in snapshots:
    with torch.no_grad():
        for n in names:
            model[n.replace(".", "_")].copy_(torch.tensor(snapshot[n]))
    if averaged is None:
        averaged = AveragedModel(model)  # starts from a copy of the first model, n_averaged 0
    averaged.update_parameters(model)
print(json.dumps({n: averaged.module[n.replace(".", "_")].tolist() for n in names}))
