import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { setImplicitConv } from '../../../src/engine/kernels/convWasm';
import { Conv2d } from '../../../src/engine/layers/conv2d';
import { zeroGrad } from '../../../src/engine/layers/layer';
import { Linear } from '../../../src/engine/layers/linear';
import {
  standardizeRows,
  WEIGHT_STANDARDIZATION_EPS,
} from '../../../src/engine/layers/weightStandardization';
import { tensor, type Tensor } from '../../../src/engine/tensor';
import { expectClose, SINGLE_OP } from '../../helpers/fixtures';
import { gradcheck, randomTensor } from '../../helpers/gradcheck';
import { TORCH_TEST_TIMEOUT_MS, torchPython } from '../../helpers/torchPython';

interface Reference {
  y: number[];
  grad_x: number[];
  grad_w: number[];
  grad_b: number[];
}

interface ReferenceCase {
  kind: 'linear' | 'conv';
  x: Tensor;
  w: Tensor;
  b: Tensor;
  dy: Tensor;
  stride?: number;
  padding?: number;
}

/**
 * Weight standardization has no torch module: the reference is the paper's formula (arXiv:1903.10520,
 * eq. 5) in float64 autograd, the standardized weight then used by F.linear / F.conv2d. One process.
 */
function torchReferences(cases: readonly ReferenceCase[]): Reference[] {
  const program = `
import json, sys, torch
import torch.nn.functional as F
out = []
for a in json.load(sys.stdin):
    t = lambda k: torch.tensor(a[k], dtype=torch.float64).reshape(a[k + "_shape"])
    x = t("x").requires_grad_(); w = t("w").requires_grad_(); b = t("b").requires_grad_()
    flat = w.reshape(w.shape[0], -1)
    mu = flat.mean(dim=1, keepdim=True)
    var = flat.var(dim=1, unbiased=False, keepdim=True)
    w_hat = ((flat - mu) / torch.sqrt(var + a["eps"])).reshape(w.shape)
    if a["kind"] == "linear":
        y = F.linear(x, w_hat, b)
    else:
        y = F.conv2d(x, w_hat, b, stride=a["stride"], padding=a["padding"])
    y.backward(t("dy"))
    out.append({"y": y.flatten().tolist(), "grad_x": x.grad.flatten().tolist(),
                "grad_w": w.grad.flatten().tolist(), "grad_b": b.grad.flatten().tolist()})
print(json.dumps(out))
`;
  const field = (name: string, value: Tensor) => ({
    [name]: Array.from(value.data),
    [`${name}_shape`]: value.shape,
  });
  const input = JSON.stringify(
    cases.map((c) => ({
      kind: c.kind,
      eps: WEIGHT_STANDARDIZATION_EPS,
      stride: c.stride ?? 1,
      padding: c.padding ?? 0,
      ...field('x', c.x),
      ...field('w', c.w),
      ...field('b', c.b),
      ...field('dy', c.dy),
    })),
  );
  return JSON.parse(
    execFileSync(torchPython(), ['-c', program], { input, encoding: 'utf8' }),
  ) as Reference[];
}

/** A weight far from standardized (mean 0.7, spread 0.3), so a layer that skipped WS would fail. */
function offsetWeight(shape: readonly number[], seed: number, spread = 0.3): Tensor {
  const w = randomTensor(shape, seed, spread);
  return tensor(
    shape,
    Array.from(w.data, (v) => v + 0.7),
  );
}

function linearCase(seed: number, spread?: number): { layer: Linear; c: ReferenceCase } {
  const layer = new Linear(5, 3, true, undefined, { weightStandardization: true });
  const w = offsetWeight([3, 5], seed, spread);
  const b = randomTensor([3], seed + 1);
  layer.weight.value.data.set(w.data);
  layer.bias!.value.data.set(b.data);
  const x = randomTensor([4, 5], seed + 2);
  const dy = randomTensor([4, 3], seed + 3);
  return { layer, c: { kind: 'linear', x, w, b, dy } };
}

function convCase(
  seed: number,
  stride: number,
  padding: number,
): { layer: Conv2d; c: ReferenceCase } {
  const layer = new Conv2d({
    inChannels: 2,
    outChannels: 3,
    kernelSize: 3,
    stride,
    padding,
    weightStandardization: true,
  });
  const w = offsetWeight([3, 2, 3, 3], seed);
  const b = randomTensor([3], seed + 1);
  layer.weight.value.data.set(w.data);
  layer.bias!.value.data.set(b.data);
  const x = randomTensor([2, 2, 5, 5], seed + 2);
  const outSize = Math.floor((5 + 2 * padding - 3) / stride) + 1;
  const dy = randomTensor([2, 3, outSize, outSize], seed + 3);
  return { layer, c: { kind: 'conv', x, w, b, dy, stride, padding } };
}

function run(layer: Linear | Conv2d, c: ReferenceCase) {
  zeroGrad(layer);
  const y = Float32Array.from(layer.forward(c.x, 'train').data);
  const dx = Float32Array.from(layer.backward(c.dy).data);
  return { y, dx, dw: layer.weight.grad.data, db: layer.bias!.grad.data };
}

describe('weight standardization', () => {
  afterEach(() => {
    setImplicitConv(true);
  });

  it('standardizes each row with its biased variance, ε inside the root (hand-worked)', () => {
    // row [1, 2, 3]: μ = 2, σ² = 2/3; row [5, 5]… is [5, 5, 5]: σ² = 0, so Ŵ = 0 (ε keeps it finite)
    const out = standardizeRows(
      new Float32Array([1, 2, 3, 5, 5, 5]),
      2,
      3,
      1e-5,
      new Float32Array(6),
    );
    const r = 1 / Math.sqrt(2 / 3 + 1e-5);
    expectClose(out, [-r, 0, r, 0, 0, 0], { rtol: 1e-6, atol: 1e-7 }, 'Ŵ');
  });

  it(
    'Linear and Conv2d match torch (the formula in float64 autograd): y, dx, dW, db',
    () => {
      const linear = linearCase(11);
      const conv = convCase(21, 1, 1);
      const strided = convCase(31, 2, 0);
      const refs = torchReferences([linear.c, conv.c, strided.c]);
      const cases = [
        ['Linear', linear],
        ['Conv2d s1 p1', conv],
        ['Conv2d s2 p0', strided],
      ] as const;
      cases.forEach(([name, { layer, c }], i) => {
        const ref = refs[i]!;
        for (const implicit of [true, false]) {
          setImplicitConv(implicit);
          const got = run(layer, c);
          const where = `${name}${layer instanceof Conv2d ? (implicit ? ' (implicit GEMM)' : ' (im2col)') : ''}`;
          expectClose(got.y, ref.y, SINGLE_OP, `${where} y`);
          expectClose(got.dx, ref.grad_x, SINGLE_OP, `${where} dx`);
          expectClose(got.dw, ref.grad_w, SINGLE_OP, `${where} dW`);
          expectClose(got.db, ref.grad_b, SINGLE_OP, `${where} db`);
        }
      });
    },
    TORCH_TEST_TIMEOUT_MS,
  );

  it('differs from the plain layer on the same weights (the test above could not pass without WS)', () => {
    const { layer, c } = linearCase(11);
    const plain = new Linear(5, 3);
    plain.weight.value.data.set(layer.weight.value.data);
    plain.bias!.value.data.set(layer.bias!.value.data);
    const a = layer.forward(c.x, 'train').data;
    const b = plain.forward(c.x, 'train').data;
    expect(Math.max(...a.map((v, i) => Math.abs(v - b[i]!)))).toBeGreaterThan(0.5);
  });

  // The two properties below are exact for ε = 0; ε changes them by about ε/σ², so these rows spread
  // by about 3 (σ² ≈ 9, ε/σ² ≈ 1e-6, below float32's resolution of the sums).
  it('makes the output independent of each row’s offset and scale', () => {
    const { layer, c } = linearCase(5, 3);
    const y = Float32Array.from(layer.forward(c.x, 'train').data);
    // W_o → 3 W_o + 2 for every row: the same Ŵ, the same output
    const w = layer.weight.value.data;
    for (let i = 0; i < w.length; i++) w[i] = 3 * w[i]! + 2;
    expectClose(layer.forward(c.x, 'train').data, y, { rtol: 1e-5, atol: 1e-5 }, 'y');
  });

  it('its weight gradient is orthogonal to the centred row and sums to zero per row', () => {
    const { layer, c } = linearCase(7, 3);
    const { dw } = run(layer, c);
    const w = layer.weight.value.data;
    for (let o = 0; o < 3; o++) {
      const row = Array.from(w.subarray(o * 5, o * 5 + 5));
      const grad = Array.from(dw.subarray(o * 5, o * 5 + 5));
      const mean = row.reduce((a, b) => a + b, 0) / 5;
      const dot = row.reduce((a, v, j) => a + (v - mean) * grad[j]!, 0);
      expect(Math.abs(grad.reduce((a, b) => a + b, 0))).toBeLessThan(1e-5);
      expect(Math.abs(dot)).toBeLessThan(1e-5);
    }
  });

  it('gradients: finite differences for Linear and Conv2d', () => {
    gradcheck(
      new Linear(6, 4, true, undefined, { weightStandardization: true }),
      randomTensor([3, 6], 2),
      {
        h: 1e-3,
      },
    );
    const conv = new Conv2d({
      inChannels: 2,
      outChannels: 3,
      kernelSize: 3,
      padding: 1,
      weightStandardization: true,
    });
    conv.weight.value.data.set(offsetWeight([3, 2, 3, 3], 4).data);
    gradcheck(conv, randomTensor([2, 2, 4, 4], 3), { h: 1e-3 });
  });

  it('effectiveWeight is the Ŵ the forward used; a plain layer loaded with it computes the same', () => {
    const { layer, c } = linearCase(9);
    const y = Float32Array.from(layer.forward(c.x, 'train').data);
    const plain = new Linear(5, 3);
    plain.weight.value.data.set(layer.effectiveWeight());
    plain.bias!.value.data.set(layer.bias!.value.data);
    expectClose(plain.forward(c.x, 'train').data, y, { rtol: 1e-6, atol: 1e-6 }, 'y');
    expect(plain.effectiveWeight()).toBe(plain.weight.value.data);
    expect(layer.label).toBe('Linear(5→3, standardized weights)');
  });
});
