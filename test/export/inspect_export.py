"""Reports what an exported train.py really uses, for test/export/pytorchParity.test.ts.

    python3 inspect_export.py DIR [DIR ...]

For each export folder it imports train.py as a module (its training does not run) and prints one
JSON object per line:
  data:    sha256 of the bytes of the tensors the script trains and validates on (labels as int32,
           the dtype the app stores them in)
  weights: sha256 of every state_dict tensor of make_model(), the model the script trains
  drawn:   statistics of PyTorch's own draws, pooled over 40 models (Net() then init_weights()
           under torch.manual_seed(0), 1, ...), so the test can compare each torch.nn.init formula
           with the distribution the engine draws from
"""
import hashlib
import importlib.util
import json
import sys

import numpy as np
import torch

DRAWS = 40


def sha(array):
    return hashlib.sha256(np.ascontiguousarray(array).tobytes()).hexdigest()


def inspect(folder):
    spec = importlib.util.spec_from_file_location("exported_train", f"{folder}/train.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    data = {}
    for name, dataset in (("train", module.train_set), ("val", module.val_set)):
        x, y = dataset.tensors
        data[f"x_{name}"] = sha(x.numpy())
        data[f"y_{name}"] = sha(y.numpy().astype(np.int32))
    model = module.make_model()
    weights = {name: sha(t.detach().numpy()) for name, t in model.state_dict().items()}
    pooled = {}
    for seed in range(DRAWS):
        torch.manual_seed(seed)
        fresh = module.Net()
        module.init_weights(fresh)
        for name, t in fresh.state_dict().items():
            pooled.setdefault(name, []).append(t.detach().double().flatten())
    drawn = {}
    for name, parts in pooled.items():
        values = torch.cat(parts)
        drawn[name] = {
            "count": values.numel(),
            "mean": values.mean().item(),
            "std": values.std(unbiased=False).item(),
            "rms": values.pow(2).mean().sqrt().item(),
            "min": values.min().item(),
            "max": values.max().item(),
        }
    return {"folder": folder, "data": data, "weights": weights, "drawn": drawn}


if __name__ == "__main__":
    for folder in sys.argv[1:]:
        print(json.dumps(inspect(folder)))
