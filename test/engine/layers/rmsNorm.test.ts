import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { RMS_NORM_DEFAULT_EPS, RMSNorm } from '../../../src/engine/layers/rmsNorm';
import { tensor, type Tensor } from '../../../src/engine/tensor';
import { expectClose, SINGLE_OP } from '../../helpers/fixtures';
import { gradcheck, randomTensor } from '../../helpers/gradcheck';
import { TORCH_TEST_TIMEOUT_MS, torchPython } from '../../helpers/torchPython';
import { expectPerSampleNorm } from './normParity';

const HAND = { rtol: 1e-6, atol: 1e-6 };

/** γ away from 1, so a test cannot pass by ignoring it. */
function randomised(layer: RMSNorm, seed: number): RMSNorm {
  layer.weight.value.data.set(
    randomTensor(layer.normalizedShape, seed, 0.5).data.map((v) => 1 + v),
  );
  return layer;
}

interface Reference {
  y: number[];
  grad_x: number[];
  grad_gamma: number[];
}

interface ReferenceCase {
  x: Tensor;
  gamma: Tensor;
  dy: Tensor;
  eps: number;
}

/**
 * References computed by torch in float64 with autograd from the paper's formula (torch 1.13 has no
 * nn.RMSNorm): y = γ·x/√(mean(x²) + ε) over the trailing dims. One Python process for all cases.
 */
function torchReferences(cases: readonly ReferenceCase[]): Reference[] {
  const program = `
import json, sys, torch
out = []
for a in json.load(sys.stdin):
    x = torch.tensor(a["x"], dtype=torch.float64).reshape(a["x_shape"]).requires_grad_()
    g = torch.tensor(a["gamma"], dtype=torch.float64).reshape(a["gamma_shape"]).requires_grad_()
    dy = torch.tensor(a["dy"], dtype=torch.float64).reshape(a["x_shape"])
    dims = tuple(range(-len(a["gamma_shape"]), 0))
    y = g * x / torch.sqrt(x.pow(2).mean(dim=dims, keepdim=True) + a["eps"])
    y.backward(dy)
    out.append({"y": y.flatten().tolist(), "grad_x": x.grad.flatten().tolist(), "grad_gamma": g.grad.flatten().tolist()})
print(json.dumps(out))
`;
  const input = JSON.stringify(
    cases.map(({ x, gamma, dy, eps }) => ({
      x: Array.from(x.data),
      x_shape: x.shape,
      gamma: Array.from(gamma.data),
      gamma_shape: gamma.shape,
      dy: Array.from(dy.data),
      eps,
    })),
  );
  return JSON.parse(
    execFileSync(torchPython(), ['-c', program], { input, encoding: 'utf8' }),
  ) as Reference[];
}

describe('RMSNorm', () => {
  it('forward: hand-worked RMSNorm([4]) on [2, 4], no centring, scale only', () => {
    const rms = new RMSNorm([4], { eps: 0 });
    rms.weight.value.data.set([2, -1, 0.5, 3]);
    // row 0: [1, 1, 1, 1] has RMS 1 (LayerNorm would divide by its zero variance);
    // row 1: [3, 4, 0, 0] + mean square (9 + 16)/4 = 6.25, RMS 2.5, x/RMS = [1.2, 1.6, 0, 0]
    const y = rms.forward(tensor([2, 4], [1, 1, 1, 1, 3, 4, 0, 0]), 'train');
    expectClose(y.data, [2, -1, 0.5, 3, 2.4, -1.6, 0, 0], HAND, 'y');
  });

  it('backward: dγ = Σ_rows dy ⊙ x/RMS and dx has no mean term (hand-worked)', () => {
    const rms = new RMSNorm([2], { eps: 0 });
    // x = [3, 4]: RMS² = 12.5, r = 1/√12.5; γ = 1; dy = [1, 0]
    rms.forward(tensor([1, 2], [3, 4]), 'train');
    const dx = rms.backward(tensor([1, 2], [1, 0]));
    const r = 1 / Math.sqrt(12.5);
    // dγ = dy ⊙ x r = [3r, 0]; dx_j = r dy_j − r³ x_j (Σ dy x)/n = r dy_j − r³ x_j · 3/2
    expectClose(rms.weight.grad.data, [3 * r, 0], HAND, 'dγ');
    expectClose(dx.data, [r - r ** 3 * 3 * 1.5, -(r ** 3) * 4 * 1.5], HAND, 'dx');
  });

  it(
    'matches a float64 reference (torch autograd of the formula) on [5, 6] and [2, 3, 4, 4]',
    () => {
      const shapes: [number[], number[]][] = [
        [[6], [5, 6]],
        [
          [3, 4, 4],
          [2, 3, 4, 4],
        ],
      ];
      const layers = shapes.map(([normalized], k) => randomised(new RMSNorm(normalized), 40 + k));
      const inputs = shapes.map(([, shape], k) => {
        const x = randomTensor(shape, 50 + k, 2);
        // Offsets far from zero: RMSNorm must not subtract them.
        for (let i = 0; i < x.data.length; i += 7) x.data[i]! += 3;
        return { x, dy: randomTensor(shape, 60 + k) };
      });
      const refs = torchReferences(
        layers.map((rms, k) => ({ ...inputs[k]!, gamma: rms.weight.value, eps: rms.eps })),
      );
      layers.forEach((rms, k) => {
        const { x, dy } = inputs[k]!;
        const ref = refs[k]!;
        expectClose(rms.forward(x, 'train').data, ref.y, SINGLE_OP, `y ${k}`);
        expectClose(rms.backward(dy).data, ref.grad_x, SINGLE_OP, `grad_x ${k}`);
        expectClose(rms.weight.grad.data, ref.grad_gamma, SINGLE_OP, `grad_gamma ${k}`);
      });
    },
    TORCH_TEST_TIMEOUT_MS,
  );

  it('gradients: finite differences on odd shapes', () => {
    const shapes: [number[], number[]][] = [
      [[5], [3, 5]],
      [
        [7, 5],
        [3, 5, 7, 5],
      ],
    ];
    shapes.forEach(([normalized, shape], k) => {
      gradcheck(randomised(new RMSNorm(normalized), 10 * k), randomTensor(shape, 10 * k + 5));
    });
  });

  it('accumulates dγ over backward calls, as autograd does', () => {
    const rms = randomised(new RMSNorm([4]), 3);
    const x = randomTensor([3, 4], 4);
    const dy = randomTensor([3, 4], 5);
    rms.forward(x, 'train');
    rms.backward(dy);
    const once = Array.from(rms.weight.grad.data);
    rms.forward(x, 'train');
    rms.backward(dy);
    expectClose(
      rms.weight.grad.data,
      once.map((v) => 2 * v),
      HAND,
      'dγ',
    );
  });

  it('is the same in train and eval mode, ignores batch-mates and is invariant to the input scale', () => {
    const rms = randomised(new RMSNorm([3, 2, 2]), 30);
    const x = randomTensor([3, 3, 2, 2], 31);
    const train = expectPerSampleNorm(rms, x);
    const scaled = rms.forward(
      tensor(
        x.shape,
        x.data.map((v) => 8 * v),
      ),
      'train',
    );
    expectClose(scaled.data, train, { rtol: 1e-5, atol: 1e-6 }, 'y(8x)');
  });

  it("defaults eps to float32's machine epsilon, as torch.nn.RMSNorm does", () => {
    expect(RMS_NORM_DEFAULT_EPS).toBe(1.1920928955078125e-7);
    expect(new RMSNorm([4]).eps).toBe(RMS_NORM_DEFAULT_EPS);
    // An all-zero sample gives zeros, not NaN.
    const y = new RMSNorm([3]).forward(tensor([1, 3], [0, 0, 0]), 'train');
    expect(Array.from(y.data)).toEqual([0, 0, 0]);
  });

  it('throws clear errors when the trailing dims do not match or the shape is empty', () => {
    const rms = new RMSNorm([3, 4, 4]);
    expect(() => rms.forward(tensor([2, 3, 5, 5]), 'train')).toThrow(
      'RMSNorm([3, 4, 4]): the trailing dims of the input must be [3, 4, 4], got shape [2, 3, 5, 5]',
    );
    expect(() => new RMSNorm([])).toThrow(/normalizedShape must name at least one trailing dim/);
    expect(() => new RMSNorm([3, 0])).toThrow(/positive integer, got 0/);
    expect(() => new RMSNorm([3], { eps: -1 })).toThrow(/eps must be a finite number ≥ 0/);
    expect(() => rms.backward(tensor([2, 3, 4, 4]))).toThrow(/backward called before forward/);
  });

  it('describes itself: label, kind, a weight and no bias, no buffers', () => {
    expect(new RMSNorm([64]).label).toBe('RMSNorm(64)');
    const rms = new RMSNorm([3, 4, 4]);
    expect(rms.label).toBe('RMSNorm([3, 4, 4])');
    expect(rms.kind).toBe('rmsNorm');
    expect(rms.params().map((p) => [p.name, p.role, p.value.shape])).toEqual([
      ['weight', 'normScale', [3, 4, 4]],
    ]);
    expect(rms.weight.value.data.every((v) => v === 1)).toBe(true);
    expect(rms.buffers()).toEqual([]);
  });
});
