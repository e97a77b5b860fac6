"""Runs torch.optim.swa_utils.update_bn on an MLP given as a state_dict and prints its BatchNorm buffers.

Reads {"spec": {...}, "state": {name: [values]}, "shapes": {name: shape}, "batches": [[...]]} from the
file named on the command line. The MLP is the engine's (engine_mlp.py). Prints {name: [values]} for
every running_mean, running_var and num_batches_tracked after update_bn.
"""
import json

from torch.optim.swa_utils import update_bn

from engine_mlp import engine_mlp, inputs, read_case

case = read_case()
model = engine_mlp(case)
update_bn([inputs(case, b) for b in case["batches"]], model)
print(json.dumps({
    name: value.reshape(-1).tolist()
    for name, value in model.state_dict().items()
    if "running" in name or "num_batches" in name
}))
