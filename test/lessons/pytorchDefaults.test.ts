/**
 * What lesson 4 ("PyTorch's defaults") and lesson 2 (fans of grouped convolutions) say about
 * PyTorch's API, checked in real PyTorch (review item B15): each statement is a Python assertion
 * run by the torch interpreter `npm run test:all` installs (scripts/ensureTorch.sh).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { TORCH_TEST_TIMEOUT_MS, torchPython } from '../helpers/torchPython';

const run = promisify(execFile);

const PREAMBLE = `
import torch
from torch import nn
torch.manual_seed(0)
`;

/** [what the lesson says, the Python that asserts it] */
const STATEMENTS: readonly (readonly [string, string])[] = [
  [
    'BatchNorm1d defaults to eps=1e-5, momentum=0.1, affine=True, track_running_stats=True',
    `
for bn in (nn.BatchNorm1d(4), nn.BatchNorm2d(4), nn.BatchNorm3d(4)):
    assert (bn.eps, bn.momentum, bn.affine, bn.track_running_stats) == (1e-5, 0.1, True, True)
`,
  ],
  [
    'momentum=None makes the running statistics a cumulative average over all batches seen',
    `
bn = nn.BatchNorm1d(3, momentum=None)
batches = [torch.randn(8, 3) * (i + 1) + i for i in range(5)]
for b in batches:
    bn(b)
mean = torch.stack([b.mean(0) for b in batches]).mean(0)
var = torch.stack([b.var(0, unbiased=True) for b in batches]).mean(0)
assert torch.allclose(bn.running_mean, mean, atol=1e-5), (bn.running_mean, mean)
assert torch.allclose(bn.running_var, var, atol=1e-4), (bn.running_var, var)
`,
  ],
  [
    'affine=False drops γ and β; track_running_stats=False makes eval mode use batch statistics',
    `
assert nn.BatchNorm1d(3, affine=False).weight is None
bn = nn.BatchNorm1d(3, track_running_stats=False).eval()
assert bn.running_mean is None
x = torch.randn(16, 3) * 4 + 2
y = bn(x)
assert torch.allclose(y.mean(0), torch.zeros(3), atol=1e-5), "normalized with the batch's own mean"
`,
  ],
  [
    'LayerNorm(512) on [batch, tokens, 512] normalizes each token over its features only',
    `
ln = nn.LayerNorm(512)
x = torch.randn(2, 7, 512) * 3 + torch.arange(7.0).view(1, 7, 1)
y = ln(x)
assert torch.allclose(y.mean(-1), torch.zeros(2, 7), atol=1e-5)
assert torch.allclose(y.var(-1, unbiased=False), torch.ones(2, 7), atol=1e-3)
assert ln.weight.shape == (512,)
assert nn.LayerNorm([8, 5, 5]).weight.shape == (8, 5, 5), "one γ per element for [C, H, W]"
`,
  ],
  [
    'GroupNorm has no default num_groups',
    `
try:
    nn.GroupNorm(num_channels=8)
except TypeError:
    pass
else:
    raise AssertionError("GroupNorm built without num_groups")
`,
  ],
  [
    'InstanceNorm2d defaults to affine=False and track_running_stats=False; GroupNorm(C, C) matches InstanceNorm2d(C, affine=True), not the default',
    `
inorm = nn.InstanceNorm2d(6)
assert (inorm.affine, inorm.track_running_stats) == (False, False)
gn = nn.GroupNorm(6, 6)
with torch.no_grad():
    gn.weight.uniform_(0.5, 2.0)
    gn.bias.uniform_(-1.0, 1.0)
affine = nn.InstanceNorm2d(6, affine=True)
affine.load_state_dict(gn.state_dict())
x = torch.randn(3, 6, 5, 5)
assert torch.allclose(gn(x), affine(x), atol=1e-5)
assert not torch.allclose(gn(x), inorm(x), atol=1e-2)
assert sum(p.numel() for p in inorm.parameters()) == 0
`,
  ],
  [
    'a grouped convolution has fan_in = (in/groups)·kh·kw; a depthwise 3 × 3 one has fan_in = 9',
    `
from torch.nn.init import _calculate_fan_in_and_fan_out as fans
conv = nn.Conv2d(16, 32, 3, groups=4)
assert conv.weight.shape == (32, 4, 3, 3)
assert fans(conv.weight)[0] == (16 // 4) * 3 * 3
depthwise = nn.Conv2d(64, 64, 3, groups=64)
assert fans(depthwise.weight)[0] == 9
`,
  ],
];

/** Every check in one Python process (importing torch costs seconds): statement → error, or "ok". */
function program(): string {
  const cases = STATEMENTS.map(
    ([statement, check]) =>
      `try:\n    exec(${JSON.stringify(check)}, dict(globals()))\n    results[${JSON.stringify(statement)}] = "ok"\nexcept Exception as e:\n    results[${JSON.stringify(statement)}] = repr(e)`,
  );
  return `${PREAMBLE}\nimport json\nresults = {}\n${cases.join('\n')}\nprint(json.dumps(results))\n`;
}

describe("PyTorch's API, as the lessons state it", () => {
  let results: Record<string, string> = {};
  beforeAll(async () => {
    const { stdout } = await run(torchPython(), ['-c', program()]);
    results = JSON.parse(stdout) as Record<string, string>;
  }, TORCH_TEST_TIMEOUT_MS);

  it.each(STATEMENTS.map(([statement]) => statement))('%s', (statement) => {
    expect(results[statement]).toBe('ok');
  });
});
