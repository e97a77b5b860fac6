import type { ExportSetup } from '../exportSetup';
import { dataCode, SAMPLER_CODE } from './dataCode';
import { initCode } from './initCode';
import { modelCode } from './modelCode';
import { optimizerCode } from './optimizerCode';

/**
 * The one generator behind every PyTorch text the app produces: train.py, the notebook (one cell
 * per section) and the lessons' "PyTorch" tab all come from these sections.
 */
export interface CodeSection {
  /** A heading for the notebook's Markdown cell. */
  readonly title: string;
  readonly code: string;
}

export type Target = 'script' | 'notebook';

function header(setup: ExportSetup, target: Target): string {
  const imports = `${target === 'script' ? 'import argparse\n' : ''}${setup.validationMode === 'train' ? 'import copy\n' : ''}import json
import math
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, Sampler, TensorDataset
`;
  const here =
    target === 'script'
      ? 'HERE = Path(__file__).resolve().parent  # data.npz and initial_weights.npz sit beside this file'
      : 'HERE = Path.cwd()  # data.npz and initial_weights.npz sit beside this notebook';
  const docstring =
    target === 'script'
      ? `"""${setup.title}, exported from normlab to PyTorch.

Trains the same network on the same data, in the same order and from the same initial weights as
the app, so it prints the same loss curve (to float32 rounding; see README.md).

    python3 train.py                      # train ${setup.steps} steps, print progress
    python3 train.py --steps 200 --json   # print only {"losses": [...]}, the loss of every step

Needs only torch and numpy, and runs on the CPU.
"""
`
      : '';
  return `${docstring}${imports}
${here}
SEED = ${setup.config.seed}  # the run's seed: it fixed the app's initial weights and data order
torch.manual_seed(SEED)
`;
}

function modelSection(): string {
  return `def make_model():
    model = Net()
    init_weights(model)
    # The app drew its initial weights from the same distributions with its own random numbers.
    # Loading them on top makes the first steps match the browser exactly; delete this line to
    # train from PyTorch's own draw (the curve will then differ a little, as with another seed).
    state = np.load(HERE / "initial_weights.npz")
    model.load_state_dict({name: torch.from_numpy(state[name]) for name in state.files})
    return model
`;
}

function evaluateSection(setup: ExportSetup): string {
  const batch = setup.config.batchSize;
  if (setup.validationMode === 'eval') {
    return `loss_fn = nn.CrossEntropyLoss()  # the mean over the batch of −log softmax(logits)[label]
val_loader = DataLoader(val_set, batch_size=256)


def evaluate(model):
    """Loss and accuracy on the validation samples in eval mode: BatchNorm uses its running statistics."""
    model.eval()
    total_loss, correct = 0.0, 0
    with torch.no_grad():
        for x, y in val_loader:
            logits = model(x)
            total_loss += loss_fn(logits, y).item() * len(y)
            correct += (logits.argmax(1) == y).sum().item()
    model.train()
    return total_loss / len(val_set), correct / len(val_set)
`;
  }
  return `loss_fn = nn.CrossEntropyLoss()  # the mean over the batch of −log softmax(logits)[label]

# This run validates in TRAIN mode, the classic forgotten model.eval(): every batch is normalised
# with its own statistics. Full batches only, as in training.
val_loader = DataLoader(val_set, batch_size=${batch}, drop_last=True)


def evaluate(model):
    """Loss and accuracy on the validation samples in train mode (no model.eval()). PyTorch would
    also move BatchNorm's running statistics; the app keeps them, so we save and restore them."""
    saved = copy.deepcopy(model.state_dict())
    total_loss, correct, count = 0.0, 0, 0
    with torch.no_grad():
        for x, y in val_loader:
            logits = model(x)
            total_loss += loss_fn(logits, y).item() * len(y)
            correct += (logits.argmax(1) == y).sum().item()
            count += len(y)
    model.load_state_dict(saved)
    return total_loss / count, correct / count
`;
}

function trainSection(setup: ExportSetup): string {
  return `VALIDATE_EVERY = ${setup.validationEvery}


def train(steps, log=print):
    """Trains for \`steps\` steps and returns the training loss of each."""
    model = make_model()
    optimizer = ${optimizerCode(setup.config.optimizer)}
    # drop_last: every batch is full, so BatchNorm never sees a batch of one sample.
    loader = DataLoader(train_set, batch_size=${setup.config.batchSize}, sampler=AppShuffle(len(train_set), SEED), drop_last=True)
    losses = []
    model.train()
    while len(losses) < steps:
        for x, y in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            if not torch.isfinite(loss):
                log(f"step {len(losses) + 1}: the loss became {loss.item()}; stopping, as the app does")
                return losses
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            step = len(losses)
            if step % VALIDATE_EVERY == 0 or step == steps:
                val_loss, val_accuracy = evaluate(model)
                log(f"step {step:5d}  training loss {loss.item():.4f}  validation loss {val_loss:.4f}, accuracy {100 * val_accuracy:.1f}%")
            if step == steps:
                break
    return losses
`;
}

const MAIN_SCRIPT = (steps: number) => `if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Train the exported normlab run in PyTorch.")
    parser.add_argument("--steps", type=int, default=${steps}, help="training steps (default ${steps})")
    parser.add_argument("--json", action="store_true", help='print only {"losses": [...]}, the training loss of every step')
    args = parser.parse_args()
    losses = train(args.steps, log=(lambda *_: None) if args.json else print)
    if args.json:
        print(json.dumps({"losses": losses}))
`;

export function trainSections(setup: ExportSetup, target: Target): CodeSection[] {
  return [
    { title: 'Imports and seed', code: header(setup, target) },
    { title: 'The data', code: dataCode(setup.dataset) },
    { title: "The app's data order", code: SAMPLER_CODE },
    { title: 'The network', code: modelCode(setup.config.model) },
    { title: 'Initialization', code: initCode(setup.config.model) },
    { title: 'The model with the exported initial weights', code: modelSection() },
    { title: 'Validation', code: evaluateSection(setup) },
    { title: 'Training', code: trainSection(setup) },
    target === 'script'
      ? { title: 'Command line', code: MAIN_SCRIPT(setup.steps) }
      : {
          title: 'Train',
          code: `losses = train(${setup.steps})\nprint(f"final training loss {losses[-1]:.4f}")\n`,
        },
  ];
}

/** train.py: the sections, two blank lines apart as PEP 8 puts top-level definitions. */
export function trainScript(setup: ExportSetup): string {
  return trainSections(setup, 'script')
    .map((s) => s.code.trimEnd())
    .join('\n\n\n')
    .concat('\n');
}
