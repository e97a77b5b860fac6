import { describe, expect, it } from 'vitest';
import { loadMnistNode } from '../../../src/data/loadMnistNode';
import type { Layer } from '../../../src/engine/layers/layer';
import type { Linear } from '../../../src/engine/layers/linear';
import { ResidualBlock } from '../../../src/engine/layers/residualBlock';
import { buildModel } from '../../../src/engine/model/buildModel';
import { BRANCH_INITS, type BranchInit, type MlpSpec } from '../../../src/engine/model/spec';
import { createRng } from '../../../src/engine/rng';
import type { RunConfig } from '../../../src/engine/train/runConfig';
import { TrainingRun } from '../../../src/engine/train/trainingRun';
import { gradcheck, randomTensor } from '../../helpers/gradcheck';
import { mlpSpec } from './specFixtures';

/** A residual MLP with the norm each branch init goes with (BatchNorm for zero-γ, none for Fixup, ReZero). */
function residualMlp(branchInit: BranchInit, other: Partial<MlpSpec> = {}): MlpSpec {
  const norm = branchInit === 'zeroGamma' || branchInit === 'standard' ? 'batchNorm' : 'none';
  return mlpSpec(
    { inputSize: 6, numClasses: 3, depth: 4, width: 8 },
    { residual: true, branchInit, norm: { kind: norm }, bias: norm === 'none', ...other },
  );
}

const blocksOf = (layers: readonly { layer: Layer }[]): ResidualBlock[] =>
  layers.map((l) => l.layer).filter((l): l is ResidualBlock => l instanceof ResidualBlock);

describe('the residual MLP', () => {
  it('is named as the CNN: stem, blocks of two Linear layers, fc', () => {
    const model = buildModel(residualMlp('standard', { depth: 2 }), createRng(1));
    expect(model.layers().map((l) => l.name)).toEqual([
      'flatten',
      'stem_fc',
      'stem_bn',
      'stem_act',
      'block1',
      'block1.fc1',
      'block1.bn1',
      'block1.act1',
      'block1.fc2',
      'block1.bn2',
      'block1.act2',
      'block2',
      'block2.fc1',
      'block2.bn1',
      'block2.act1',
      'block2.fc2',
      'block2.bn2',
      'block2.act2',
      'fc',
    ]);
  });

  it('Fixup adds its scalars and a bias before the classifier; SkipInit and ReZero an α per block', () => {
    const params = (init: BranchInit) =>
      buildModel(residualMlp(init, { depth: 1 }), createRng(1))
        .params()
        .map((p) => p.name);
    expect(params('fixup')).toEqual([
      'stem_fc.weight',
      'stem_fc.bias',
      'block1.bias1a.bias',
      'block1.fc1.weight',
      'block1.bias1b.bias',
      'block1.bias2a.bias',
      'block1.fc2.weight',
      'block1.scale.weight',
      'block1.bias2b.bias',
      'fc_bias.bias',
      'fc.weight',
      'fc.bias',
    ]);
    expect(params('skipInit')).toContain('block1.alpha.weight');
    expect(params('reZero')).toContain('block1.alpha.weight');
  });
});

describe('branch inits', () => {
  const x = randomTensor([5, 8], 4);

  it.each(BRANCH_INITS.filter((init) => init !== 'standard'))(
    '%s starts every block as the identity (followed by its activation, except ReZero)',
    (init) => {
      const model = buildModel(residualMlp(init), createRng(2));
      for (const block of blocksOf(model.layers())) {
        const y = Array.from(block.forward(x, 'train').data);
        const expected = Array.from(x.data, (v) => (init === 'reZero' ? v : Math.max(0, v)));
        expect(y).toEqual(expected);
      }
    },
  );

  it('a standard block is not the identity (the check above can fail)', () => {
    const model = buildModel(residualMlp('standard'), createRng(2));
    const block = blocksOf(model.layers())[0]!;
    const y = Array.from(block.forward(x, 'train').data);
    expect(y).not.toEqual(Array.from(x.data, (v) => Math.max(0, v)));
  });

  it('Fixup scales each first branch layer by L^(-1/2) and zeroes the last and the classifier', () => {
    const depth = 16;
    const spec = residualMlp('fixup', { depth, width: 64 });
    const model = buildModel(spec, createRng(3));
    const blocks = blocksOf(model.layers());
    const w1 = blocks.flatMap((b) => Array.from(b.layer1.weight.value.data));
    const std = Math.sqrt(w1.reduce((s, v) => s + v * v, 0) / w1.length);
    // Kaiming normal for ReLU: √(2 / 64), times 16^(-1/2) = 1/4
    expect(std / (Math.sqrt(2 / 64) / 4)).toBeCloseTo(1, 1);
    expect(blocks.every((b) => b.layer2.weight.value.data.every((v) => v === 0))).toBe(true);
    const fc = model.layers().find((l) => l.name === 'fc')!.layer as Linear;
    expect(fc.weight.value.data.every((v) => v === 0)).toBe(true);
    expect(fc.bias!.value.data.every((v) => v === 0)).toBe(true);
    // The branch layers have Fixup's scalar biases instead of a bias per unit.
    expect(blocks.every((b) => b.layer1.bias === undefined && b.layer2.bias === undefined)).toBe(
      true,
    );
  });

  it.each(BRANCH_INITS)(
    '%s: the whole network passes the finite-difference gradient check',
    (init) => {
      const model = buildModel(residualMlp(init, { activation: 'tanh', depth: 2 }), createRng(5));
      // Move every parameter off its initial value, so zeros (α, Fixup's last layers) do not hide a term.
      model.params().forEach((p, i) => {
        const noise = randomTensor(p.value.shape, 10 + i, 0.4).data;
        p.value.data.set(p.role === 'normScale' ? noise.map((v) => 1 + v) : noise);
      });
      gradcheck(model.root, randomTensor([6, 6], 6));
    },
  );
});

describe('a 50-layer residual network without normalization', () => {
  const mnist = loadMnistNode('14', { standardize: true });
  // 1 stem + 24 blocks of 2 + 1 classifier = 50 Linear layers.
  const config = (branchInit: BranchInit): RunConfig => ({
    model: mlpSpec(
      { inputSize: 196, numClasses: 10, depth: 24, width: 32 },
      { norm: { kind: 'none' }, bias: true, residual: true, branchInit },
    ),
    optimizer: { kind: 'sgd', lr: 0.01, momentum: 0.9 },
    batchSize: 32,
    seed: 3,
  });
  /** The mean loss of the last 30 of 300 steps, or Infinity when the run diverges. */
  const finalLoss = (branchInit: BranchInit): number => {
    const run = new TrainingRun(config(branchInit), mnist.train);
    const losses: number[] = [];
    for (let i = 0; i < 300; i++) {
      const result = run.step();
      if (result.status !== 'ok') return Number.POSITIVE_INFINITY;
      losses.push(result.loss);
    }
    return losses.slice(-30).reduce((sum, v) => sum + v, 0) / 30;
  };

  it('trains on MNIST with Fixup, SkipInit or ReZero; with the standard init it diverges at once', () => {
    // Each standard block adds its branch's variance to the sum's: 24 of them blow the signal up.
    expect(finalLoss('standard')).toBe(Number.POSITIVE_INFINITY);
    for (const branchInit of ['fixup', 'skipInit', 'reZero'] as const) {
      expect(finalLoss(branchInit), branchInit).toBeLessThan(0.5);
    }
  });
});
