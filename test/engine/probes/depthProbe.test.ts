import { describe, expect, it } from 'vitest';
import { depthProbe } from '../../../src/engine/probes/depthProbe';
import { reluProbe } from './reluProbe';

const base = reluProbe({ depth: 20, width: 64, batchSize: 32, seed: 1 });

describe('depthProbe', () => {
  it('returns one entry per layer with finite statistics', () => {
    const result = depthProbe(base);
    expect(result.layers).toHaveLength(20);
    expect(result.layers.map((l) => l.layer)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const l of result.layers) {
      expect(
        Number.isFinite(l.activationStd) &&
          Number.isFinite(l.gradNorm) &&
          Number.isFinite(l.weightGradNorm),
      ).toBe(true);
    }
    expect(result.inputStd).toBeGreaterThan(0.9);
  });

  it('too-large init explodes, zero init is flat zero', () => {
    const big = depthProbe({ ...base, init: { kind: 'normal', mean: 0, std: 1 } }).layers;
    expect(big[19]!.activationStd / big[0]!.activationStd).toBeGreaterThan(1e10);
    const zero = depthProbe({ ...base, init: { kind: 'zeros' } }).layers;
    expect(zero.every((l) => l.activationStd === 0 && l.weightGradNorm === 0)).toBe(true);
  });

  it('tanh with Xavier keeps a usable signal; sigmoid shifts the mean to about 0.5', () => {
    const tanh = depthProbe({
      ...base,
      activation: 'tanh',
      init: { kind: 'xavierNormal', gain: 5 / 3 },
    }).layers;
    expect(tanh[19]!.activationStd).toBeGreaterThan(0.1);
    const sigmoid = depthProbe({
      ...base,
      activation: 'sigmoid',
      init: { kind: 'xavierNormal', gain: 1 },
    }).layers;
    expect(sigmoid[19]!.activationMean).toBeGreaterThan(0.4);
  });

  it('BatchNorm rescues a bad init: unit-scale pre-activations at every depth', () => {
    const tiny = { ...base, init: { kind: 'normal', mean: 0, std: 0.001 } } as const;
    const without = depthProbe(tiny).layers;
    const withBn = depthProbe({ ...tiny, norm: 'batchNorm' }).layers;
    expect(without[19]!.activationStd).toBeLessThan(1e-20);
    // BN → ReLU of a unit normal has std √(1/2 − 1/(2π)) ≈ 0.58 at layer 1; deeper, the features of a
    // small batch grow correlated and per-feature statistics drift from normal, but the scale holds.
    expect(withBn[0]!.activationStd).toBeGreaterThan(0.5);
    expect(withBn[0]!.activationStd).toBeLessThan(0.65);
    expect(withBn[19]!.activationStd).toBeGreaterThan(0.3);
    expect(withBn[19]!.activationStd).toBeLessThan(0.65);
  });

  it('RMSNorm rescues the same bad init without centring: unit root mean square per sample', () => {
    const tiny = { ...base, init: { kind: 'normal', mean: 0, std: 0.001 } } as const;
    const rms = depthProbe({ ...tiny, norm: 'rmsNorm' }).layers;
    // Each sample's pre-activations divided by their root mean square, then ReLU: about the 0.58 of a
    // unit normal through ReLU, at the first layer and the last.
    for (const layer of [rms[0]!, rms[19]!]) {
      expect(layer.activationStd).toBeGreaterThan(0.45);
      expect(layer.activationStd).toBeLessThan(0.75);
    }
    expect(rms).not.toEqual(depthProbe({ ...tiny, norm: 'layerNorm' }).layers);
  });

  it('skip connections: with zero weights every layer is the identity, forward and backward', () => {
    // Each branch outputs ReLU(0 · h) = 0 and passes back 0, so only the skip path is left.
    const { layers, inputStd } = depthProbe({ ...base, init: { kind: 'zeros' }, residual: true });
    for (const l of layers) {
      expect(l.activationStd).toBeCloseTo(inputStd, 6);
      expect(l.gradNorm).toBeCloseTo(layers[19]!.gradNorm, 6);
    }
    expect(layers[19]!.gradNorm).toBeGreaterThan(0);
  });

  it('BatchNorm: the gradient grows about ×1.2 per layer in a plain stack, barely with skip connections', () => {
    // Yang et al. 2019 (arXiv:1902.08129): plain BN stacks explode backwards at initialization.
    const bn = { ...base, depth: 40, norm: 'batchNorm' } as const;
    const ratio = (layers: readonly { gradNorm: number }[]) =>
      layers[0]!.gradNorm / layers[layers.length - 1]!.gradNorm;
    const plain = depthProbe(bn).layers;
    const skip = depthProbe({ ...bn, residual: true }).layers;
    expect(ratio(plain) ** (1 / 39)).toBeGreaterThan(1.15);
    expect(ratio(plain)).toBeGreaterThan(1000);
    // The branches still add a little: the identity path carries the gradient past each BN.
    expect(ratio(skip)).toBeGreaterThan(2);
    expect(ratio(skip)).toBeLessThan(20);
    // Forward, the skip connections let the std grow slowly (BN resets each branch's scale).
    expect(plain[39]!.activationStd / plain[0]!.activationStd).toBeCloseTo(1, 0);
    expect(skip[39]!.activationStd / skip[0]!.activationStd).toBeGreaterThan(2);
  });

  it('is deterministic for a seed', () => {
    expect(depthProbe(base)).toEqual(depthProbe(base));
  });

  it('rejects a depth outside 1–200 and a batch of one', () => {
    expect(() => depthProbe({ ...base, depth: 201 })).toThrow(
      'depth must be a whole number from 1 to 200, got 201',
    );
    expect(() => depthProbe({ ...base, batchSize: 1 })).toThrow(
      /batch size must be a whole number of at least 2/,
    );
  });
});
