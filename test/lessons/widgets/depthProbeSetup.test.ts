import { describe, expect, it } from 'vitest';
import type { DepthProbeLayer, DepthProbeResult } from '../../../src/engine/probes/depthProbe';
import { depthProbe } from '../../../src/engine/probes/depthProbe';
import {
  probeInitScheme,
  probeOptions,
  readDepthProbe,
  type DepthProbeChoice,
} from '../../../src/lessons/widgets/depthProbeSetup';

function resultOf(stds: number[], grads: number[] = stds.map(() => 1)): DepthProbeResult {
  const layers: DepthProbeLayer[] = stds.map((s, i) => ({
    layer: i + 1,
    activationMean: 0,
    activationStd: s,
    gradNorm: grads[i]!,
    weightGradNorm: 0,
  }));
  return { layers, inputStd: 1 };
}

describe('probeInitScheme', () => {
  it('turns "too large" and "too small" into fixed normals whatever the fan', () => {
    expect(probeInitScheme('tooLarge', 'relu')).toEqual({ kind: 'normal', mean: 0, std: 1 });
    expect(probeInitScheme('tooSmall', 'tanh')).toEqual({ kind: 'normal', mean: 0, std: 0.01 });
  });

  it("matches Kaiming's gain to the activation as the Lab does", () => {
    expect(probeInitScheme('kaimingNormal', 'relu')).toEqual({
      kind: 'kaimingNormal',
      a: 0,
      mode: 'fanIn',
      nonlinearity: 'relu',
    });
    expect(probeInitScheme('kaimingNormal', 'tanh')).toMatchObject({ nonlinearity: 'tanh' });
    expect(probeInitScheme('kaimingNormal', 'leakyRelu')).toMatchObject({
      nonlinearity: 'leakyRelu',
      a: 0.01,
    });
    expect(probeInitScheme('xavierNormal', 'relu')).toEqual({ kind: 'xavierNormal', gain: 1 });
    expect(probeInitScheme('zeros', 'sigmoid')).toEqual({ kind: 'zeros' });
  });
});

describe('readDepthProbe', () => {
  it('reads a signal halving every layer as shrinking, with its per-layer factor', () => {
    // 1, 0.5, 0.25, 0.125: ratio 1/8 over 3 layer-to-layer steps → 0.5 per layer
    const reading = readDepthProbe(resultOf([1, 0.5, 0.25, 0.125]));
    expect(reading.activations.trend).toBe('shrinks');
    expect(reading.activations.ratio).toBeCloseTo(0.125, 12);
    expect(reading.activations.perLayer).toBeCloseTo(0.5, 12);
  });

  it('calls a factor within 2× either way steady, and beyond it growing', () => {
    expect(readDepthProbe(resultOf([0.6, 0.9, 1.1])).activations.trend).toBe('steady');
    expect(readDepthProbe(resultOf([0.6, 0.2, 0.31])).activations.trend).toBe('steady');
    expect(readDepthProbe(resultOf([0.5, 3, 9])).activations.trend).toBe('grows');
  });

  it('names the first layer that overflowed', () => {
    const reading = readDepthProbe(resultOf([1, 1e30, Infinity, NaN]));
    expect(reading.activations.trend).toBe('overflow');
    expect(reading.activations.overflowAt).toBe(3);
  });

  it('reads all-zero activations as zero, not as steady', () => {
    expect(readDepthProbe(resultOf([0, 0, 0])).activations.trend).toBe('zero');
  });

  it('reads gradients from the last layer back to the first, the way backprop runs', () => {
    // layer 1 has the smallest gradient: going backwards (3 → 1) the gradient shrinks 100×
    const reading = readDepthProbe(resultOf([1, 1, 1], [0.01, 0.1, 1]));
    expect(reading.gradients.first).toBe(1);
    expect(reading.gradients.last).toBe(0.01);
    expect(reading.gradients.trend).toBe('shrinks');
    const exploding = readDepthProbe(resultOf([1, 1, 1], [1, NaN, 1]));
    expect(exploding.gradients.overflowAt).toBe(2);
  });
});

describe('the probe the widget runs shows the textbook pictures', () => {
  const run = (choice: Partial<DepthProbeChoice>) =>
    readDepthProbe(
      depthProbe(
        probeOptions({
          depth: 30,
          width: 128,
          activation: 'relu',
          init: 'kaimingNormal',
          norm: 'none',
          ...choice,
        }),
      ),
    );

  it('ReLU + Kaiming keeps the activation std roughly constant', () => {
    const { activations } = run({});
    expect(activations.trend).toBe('steady');
    expect(activations.ratio).toBeGreaterThan(0.5);
    expect(activations.ratio).toBeLessThan(2);
  });

  it('ReLU + Xavier shrinks the std by about 1/√2 per layer', () => {
    const { activations } = run({ init: 'xavierNormal' });
    expect(activations.trend).toBe('shrinks');
    expect(activations.perLayer).toBeGreaterThan(0.65);
    expect(activations.perLayer).toBeLessThan(0.77);
  });

  it('too-large weights explode until the numbers overflow', () => {
    const { activations } = run({ init: 'tooLarge', depth: 60 });
    expect(activations.trend).toBe('overflow');
  });

  it('zero weights give exactly zero activations at every layer', () => {
    expect(run({ init: 'zeros' }).activations.trend).toBe('zero');
  });

  it('too-small weights make the signal vanish', () => {
    expect(run({ init: 'tooSmall' }).activations.ratio).toBeLessThan(1e-6);
  });
});
