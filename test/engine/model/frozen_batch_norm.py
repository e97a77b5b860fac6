"""Trains the engine's MLP in PyTorch with every BatchNorm in eval mode (frozen) and prints its state.

Reads {"spec", "state", "shapes", "batches": [[...]], "labels": [[...]], "lr", "momentum"} from the
file named on the command line. The MLP is the engine's (engine_mlp.py). Each batch is one SGD step
(cross-entropy) after model.train() and, for every BatchNorm, m.eval(), as lesson 6 shows. Prints
{name: [values]} for the whole state_dict.
"""
import json

import torch
from torch import nn

from engine_mlp import engine_mlp, inputs, read_case

case = read_case()
model = engine_mlp(case)
optimizer = torch.optim.SGD(model.parameters(), lr=case["lr"], momentum=case["momentum"])
for x, y in zip(case["batches"], case["labels"]):
    model.train()
    for m in model.modules():
        if isinstance(m, nn.modules.batchnorm._BatchNorm):
            m.eval()
    optimizer.zero_grad()
    loss = nn.functional.cross_entropy(model(inputs(case, x)), torch.tensor(y))
    loss.backward()
    optimizer.step()
print(json.dumps({name: value.reshape(-1).tolist() for name, value in model.state_dict().items()}))
