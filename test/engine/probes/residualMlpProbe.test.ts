import { describe, expect, it } from 'vitest';
import { depthProbe, type DepthProbeOptions } from '../../../src/engine/probes/depthProbe';
import { ResidualBlock } from '../../../src/engine/layers/residualBlock';
import { buildModel } from '../../../src/engine/model/buildModel';
import { createRng } from '../../../src/engine/rng';
import type { ResidualMlpBlocks } from '../../../src/engine/probes/depthProbeQuery';
import { residualMlpProbeBytes } from '../../../src/engine/probes/residualMlpProbe';
import { tensor } from '../../../src/engine/tensor';

const kaiming = { kind: 'kaimingNormal', a: 0, mode: 'fanIn', nonlinearity: 'relu' } as const;
const base: DepthProbeOptions = {
  depth: 20,
  width: 64,
  batchSize: 32,
  activation: 'relu',
  init: kaiming,
  norm: 'batchNorm',
  seed: 1,
};
const blocks = (branchInit: ResidualMlpBlocks['branchInit']): ResidualMlpBlocks => ({
  normPlacement: 'before',
  branchInit,
  bias: false,
});
const ratio = (layers: readonly { gradNorm: number }[]) =>
  layers[0]!.gradNorm / layers[layers.length - 1]!.gradNorm;

describe('depthProbe of a residual MLP', () => {
  it('measures one entry per block, as blocks', () => {
    const result = depthProbe({ ...base, residualMlp: blocks('standard') });
    expect(result.unit).toBe('block');
    expect(result.layers.map((l) => l.layer)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(result.layers.every((l) => l.gradNorm > 0 && l.weightGradNorm > 0)).toBe(true);
  });

  it("probes the blocks a run builds: each block's output is the model's", () => {
    // The same spec and seed through the engine's Model, read after every block.
    const spec = {
      family: 'mlp',
      inputSize: base.width,
      numClasses: 2,
      depth: base.depth,
      width: base.width,
      activation: 'relu',
      norm: { kind: 'batchNorm' },
      normPlacement: 'before',
      init: kaiming,
      bias: false,
      residual: true,
    } as const;
    const model = buildModel(spec, createRng(base.seed).fork('init'));
    const rng = createRng(base.seed).fork('data');
    const x = tensor([base.batchSize, base.width]);
    for (let i = 0; i < x.data.length; i++) x.data[i] = rng.normal();
    const stds: number[] = [];
    model.forward(x, 'train', (_name, layer, out) => {
      if (!(layer instanceof ResidualBlock)) return;
      const n = out.data.length;
      const mean = out.data.reduce((a, b) => a + b, 0) / n;
      stds.push(Math.sqrt(out.data.reduce((a, b) => a + (b - mean) ** 2, 0) / n));
    });
    const probed = depthProbe({ ...base, residualMlp: blocks('standard') }).layers;
    expect(probed.map((l) => l.activationStd)).toEqual(
      stds.map((s) => expect.closeTo(s, 10) as unknown as number),
    );
  });

  it('BatchNorm: the gradient grows far less through the residual blocks than through a plain stack', () => {
    // Yang et al. 2019 (arXiv:1902.08129): a plain BN stack explodes backwards at initialization;
    // the identity path carries the gradient past each block's norms.
    const plain = depthProbe({ ...base, depth: 41 }).layers;
    const residual = depthProbe({ ...base, residualMlp: blocks('standard') }).layers;
    // A residual block has two layers: 20 blocks after a first layer are 41 layers.
    expect(ratio(plain)).toBeGreaterThan(1000);
    expect(ratio(residual)).toBeGreaterThan(2);
    expect(ratio(residual)).toBeLessThan(40);
  });

  it('zero γ and SkipInit start every block as the identity: no weight gradient yet', () => {
    for (const init of ['zeroGamma', 'skipInit'] as const) {
      const layers = depthProbe({ ...base, residualMlp: blocks(init) }).layers;
      const std = layers[0]!.activationStd;
      expect(layers.every((l) => l.activationStd === std)).toBe(true);
      expect(layers.every((l) => l.weightGradNorm === 0)).toBe(true);
      // Below the last block the gradient only passes the identity (ReLU of a non-negative input).
      const below = layers[0]!.gradNorm;
      expect(layers.slice(0, -1).every((l) => l.gradNorm === below)).toBe(true);
    }
  });

  it('without normalization, standard branches explode forward; Fixup and ReZero keep the scale', () => {
    const none = {
      ...base,
      norm: 'none',
      residualMlp: { ...blocks('standard'), bias: true },
    } as const;
    const standard = depthProbe(none).layers;
    expect(standard[19]!.activationStd / standard[0]!.activationStd).toBeGreaterThan(1000);
    const fixup = depthProbe({
      ...none,
      residualMlp: { ...none.residualMlp, branchInit: 'fixup' },
    });
    expect(fixup.layers[19]!.activationStd).toBe(fixup.layers[0]!.activationStd);
    // Fixup's last layer of each branch is 0, so its gradient is not: the branches can start learning.
    expect(fixup.layers.every((l) => l.weightGradNorm > 0)).toBe(true);
    const reZero = depthProbe({
      ...none,
      residualMlp: { ...none.residualMlp, branchInit: 'reZero' },
    });
    expect(ratio(reZero.layers)).toBe(1);
  });

  it('refuses, before building anything, a probe that would not fit in memory', () => {
    expect(residualMlpProbeBytes(100, 512, 64)).toBeGreaterThan(256_000_000);
    expect(() =>
      depthProbe({ ...base, depth: 100, width: 512, residualMlp: blocks('standard') }),
    ).toThrow(
      /^A probe of 100 residual blocks of width 512 needs about [\d,]+ MB of memory, more than the 256 MB it may use\. Lower the width or the depth\.$/,
    );
    expect(() => depthProbe({ ...base, residual: true, residualMlp: blocks('standard') })).toThrow(
      /has its own skip connections/,
    );
  });
});
