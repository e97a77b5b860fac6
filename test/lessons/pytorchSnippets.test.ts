/**
 * The PyTorch code a lesson shows is run in real PyTorch (torch 1.13, as `npm run test:all` installs
 * it through scripts/ensureTorch.sh): each ```python block of the lessons listed here, exactly as the
 * learner reads it, between a setup that builds what the block names (`model`, `fc`, `bn`,
 * `train_loader`) and checks that what the lesson says about the block holds afterwards. A new
 * python block in one of these lessons fails the test until it has a harness here.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { TORCH_TEST_TIMEOUT_MS, torchPython } from '../helpers/torchPython';

const run = promisify(execFile);
const LESSONS = join(import.meta.dirname, '../../lessons');
const dir = mkdtempSync(join(tmpdir(), 'normlab-snippets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Harness {
  /** Text only this block of the lesson contains. */
  readonly marker: string;
  /** What the lesson says the block does, as the test name. */
  readonly claim: string;
  /** Python run before the block (and again for every variant). */
  readonly setups: readonly string[];
  /** Python run after the block: asserts what the lesson says about it. */
  readonly check: string;
}

/** A small network with running statistics far from their defaults, in train mode. */
const TRAINED_MLP = `
import torch
from torch import nn
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 5, bias=False), nn.BatchNorm1d(5), nn.ReLU(), nn.Linear(5, 3))
with torch.no_grad():
    for _ in range(8):
        model(torch.randn(16, 6) * 3 + 1)
    model[1].weight.uniform_(0.5, 2.0)
    model[1].bias.uniform_(-1.0, 1.0)
`;

const LESSON_HARNESSES: Record<string, readonly Harness[]> = {
  '02-initialization.md': [
    {
      marker: 'def init_weights',
      claim:
        'init_weights gives Kaiming’s spread, the classifier gain 1, biases 0, γ = 1, β = 0, and skips affine=False norms',
      setups: ['import torch\ntorch.manual_seed(0)\n'],
      check: `
import math
linears = [m for m in model if isinstance(m, nn.Linear)]
# std(W)·√(fan_in/gain²) is 1 up to sampling when a weight has the spread Kaiming's formula gives it.
spread = lambda w, fan_in, gain: (w.std() * math.sqrt(fan_in) / gain).item()
for m in linears[:-1]:
    assert 0.9 < spread(m.weight, m.in_features, math.sqrt(2)) < 1.1, "a hidden layer's ReLU gain"
head = linears[-1]
assert 0.9 < spread(head.weight, head.in_features, 1) < 1.1, "the classifier's gain 1"
assert all(torch.count_nonzero(m.bias) == 0 for m in linears), "biases 0"
# Every other layer the function names, from parameters it must overwrite; and norm layers built
# without affine parameters, which it must leave alone (ones_ on their None weight would raise).
conv = nn.Conv2d(16, 32, 3)
affine = [nn.BatchNorm2d(8), nn.LayerNorm(32), nn.GroupNorm(4, 32), nn.BatchNorm1d(8)]
with torch.no_grad():
    for p in [*conv.parameters(), *(p for m in affine for p in m.parameters())]:
        p.uniform_(-3, 3)
plain = [nn.BatchNorm1d(8, affine=False), nn.LayerNorm(8, elementwise_affine=False)]
nn.Sequential(conv, *affine, *plain, nn.Linear(32, 32, bias=False)).apply(init_weights)
assert 0.9 < spread(conv.weight, 16 * 9, math.sqrt(2)) < 1.1 and torch.count_nonzero(conv.bias) == 0
assert all(torch.equal(m.weight, torch.ones_like(m.weight)) for m in affine), "γ = 1"
assert all(torch.count_nonzero(m.bias) == 0 for m in affine), "β = 0"
# "or its logits start √2 times as spread out and the loss at step 1 further above ln 10"
x, y = torch.randn(2048, 196), torch.randint(0, 10, (2048,))
with torch.no_grad():
    loss = nn.functional.cross_entropy(model(x), y).item()
    head.weight.mul_(math.sqrt(2))
    relu_gain_loss = nn.functional.cross_entropy(model(x), y).item()
assert math.log(10) < loss < relu_gain_loss - 0.1, (loss, relu_gain_loss)
`,
    },
  ],
  '06-batchnorm-after-training.md': [
    {
      marker: 'fuse_linear_bn_eval',
      claim:
        'fuse_linear_bn_eval gives W′ = (γ/σ)W and b′ = β + (γ/σ)(b − μ), and the same outputs',
      setups: [
        `${TRAINED_MLP}\nfc, bn = model[0], model[1]\n`,
        // With a bias in front of the norm: b′ keeps (γ/σ)·b.
        `${TRAINED_MLP}\nfc, bn = nn.Linear(6, 5), model[1]\nmodel = nn.Sequential(fc, bn)\n`,
      ],
      check: `
x = torch.randn(32, 6)
with torch.no_grad():
    assert torch.allclose(folded(x), bn(fc(x)), atol=1e-5), "the folded layer computes BN(fc(x))"
assert not model.training and not bn.training
`,
    },
    {
      marker: 'update_bn(train_loader, swa_model)',
      claim: 'update_bn sets the averaged model’s running statistics to the plain batch averages',
      setups: [
        `${TRAINED_MLP}
from torch.utils.data import DataLoader, TensorDataset
data = torch.randn(64, 6) * 2 - 1
train_loader = DataLoader(TensorDataset(data, torch.randint(0, 3, (64,))), batch_size=16)
`,
      ],
      check: `
bn = swa_model.module[1]
with torch.no_grad():
    z = [swa_model.module[0](x) for (x, _) in train_loader]
mean = torch.stack([b.mean(0) for b in z]).mean(0)
var = torch.stack([b.var(0, unbiased=True) for b in z]).mean(0)
assert torch.allclose(bn.running_mean, mean, atol=1e-5), (bn.running_mean, mean)
assert torch.allclose(bn.running_var, var, atol=1e-5), (bn.running_var, var)
# The stored statistics of the model it averaged are not the ones update_bn computed.
assert not torch.allclose(model[1].running_mean, mean, atol=1e-3)
`,
    },
    {
      marker: 'm.eval()',
      claim:
        'BatchNorm layers in eval mode keep their statistics while the rest trains, and model.train() undoes it',
      setups: [TRAINED_MLP],
      check: `
bn = model[1]
assert model.training and model[0].training and not bn.training
mean, var = bn.running_mean.clone(), bn.running_var.clone()
w0 = model[0].weight.detach().clone()
optimizer = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=0.1)
for _ in range(3):
    optimizer.zero_grad()
    nn.functional.cross_entropy(model(torch.randn(2, 6)), torch.tensor([0, 2])).backward()
    optimizer.step()
assert torch.equal(bn.running_mean, mean) and torch.equal(bn.running_var, var), "statistics frozen"
assert bn.weight.grad is None and bn.bias.grad is None, "γ and β frozen"
assert not torch.equal(model[0].weight, w0), "the Linear layer trained"
# Eval-mode BatchNorm is the fixed affine map folding uses: the output ignores the other sample.
x = torch.randn(1, 6)
with torch.no_grad():
    a = model(torch.cat([x, torch.randn(1, 6)]))[0]
    b = model(torch.cat([x, torch.randn(1, 6) * 10]))[0]
assert torch.allclose(a, b, atol=1e-6)
model.train()
assert bn.training, "model.train() switches the BatchNorm back to train mode"
`,
    },
  ],
};

function pythonBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```python\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

describe.each(Object.entries(LESSON_HARNESSES))('the PyTorch code of %s', (file, harnesses) => {
  const blocks = pythonBlocks(readFileSync(join(LESSONS, file), 'utf8'));

  it('has a harness for every python block, and every harness finds exactly one block', () => {
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const matching = harnesses.filter((h) => block.includes(h.marker));
      expect(matching.length, `harnesses for the block starting ${block.slice(0, 80)}`).toBe(1);
    }
    for (const h of harnesses) {
      expect(blocks.filter((b) => b.includes(h.marker)).length, h.marker).toBe(1);
    }
  });

  it.each(harnesses.map((h) => [h.claim, h] as const))(
    '%s',
    async (_claim, harness) => {
      const block = blocks.find((b) => b.includes(harness.marker))!;
      for (const [i, setup] of harness.setups.entries()) {
        const path = join(dir, `${file}-${harness.marker.replace(/\W+/g, '_')}-${i}.py`);
        writeFileSync(path, `${setup}\n${block}\n${harness.check}\nprint("ok")\n`);
        const { stdout } = await run(torchPython(), [path]);
        expect(stdout.trim()).toBe('ok');
      }
    },
    TORCH_TEST_TIMEOUT_MS,
  );
});
