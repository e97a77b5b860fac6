import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/engine/data/dataset';
import { engineWasmKernels } from '../../../src/engine/kernels/wasmKernels';
import {
  eltwiseLayout,
  gemmLayout,
  OPTIMIZER_CHUNK,
  optimizerLayout,
} from '../../../src/engine/kernels/wasmLayout';
import { scratch } from '../../../src/engine/layers/scratch';
import { createRng } from '../../../src/engine/rng';
import {
  largestBatchThatFits,
  memoryFor,
  memoryRefusal,
  planRunMemory,
} from '../../../src/engine/train/memoryPlan';
import type { RunConfig } from '../../../src/engine/train/runConfig';
import { MemoryBudgetError, TrainingRun } from '../../../src/engine/train/trainingRun';
import { LAB_DATASETS } from '../../../src/lab/datasets';
import { DEFAULT_RUN_SETTINGS, type LabRunSettings } from '../../../src/lab/labSettings';
import { toRunConfig } from '../../../src/lab/settings';
import { heldBytes } from '../heldBytes';

/** Random samples of the given shape: the plan depends on sizes only. */
function randomSet(count: number, sampleShape: readonly number[], numClasses: number): Dataset {
  const rng = createRng(7);
  const size = sampleShape.reduce((a, b) => a * b, 1);
  const x = new Float32Array(count * size);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  const y = new Int32Array(count);
  for (let i = 0; i < count; i++) y[i] = rng.int(numClasses);
  return { name: 'random', x, y, count, sampleShape, numClasses };
}

const settings = (over: Partial<LabRunSettings>): LabRunSettings => ({
  ...DEFAULT_RUN_SETTINGS,
  ...over,
});

describe('the memory plan', () => {
  it('counts parameters, gradients and optimizer state exactly', () => {
    // 196 → 64 → 64 → 10 with BatchNorm before ReLU (so no hidden biases) and Adam.
    const config = toRunConfig(
      settings({
        dataset: 'mnist14',
        depth: 2,
        width: 64,
        norm: 'batchNorm',
        placement: 'before',
        optimizer: 'adam',
        batchSize: 32,
      }),
    );
    const params = 196 * 64 + 64 * 64 + 64 * 10 + 10 + 2 * (2 * 64);
    const plan = memoryFor(config, { trainCount: 100, testCount: 50 }, 16);
    expect(plan.parts.gradients).toBe(params * 4);
    expect(plan.parts.optimizer).toBe(2 * params * 4);
    // The BatchNorm statistics: running mean and var, the batch's three, μ and 1/σ and the sums of
    // the batch's three in float64, and num_batches_tracked.
    expect(plan.parts.parameters).toBe(params * 4 + 2 * (64 * (5 * 4 + 5 * 8) + 4));
    // Samples and labels of both sets, plus two batch buffers.
    expect(plan.parts.data).toBe(150 * (196 * 4 + 4) + 2 * 32 * (196 * 4 + 4));
    // Outputs of fc, bn, relu (×2) and the logits, for the larger of batch and chunk, plus dlogits.
    expect(plan.parts.activations).toBe(32 * (6 * 64 + 10) * 4 + 32 * 10 * 4);
    // Two shared gradient buffers of 64 features: fc1 computes no input gradient (its input is the
    // data, Model.backward), so the widest gradients handed down are the hidden layers'.
    expect(plan.parts.gradientScratch).toBe(32 * (64 + 64) * 4);
    expect(plan.total).toBe(Object.values(plan.parts).reduce((a, b) => a + b, 0));
  });

  it('grows with the batch, and forward-only chunks cost only what exceeds it', () => {
    const config = toRunConfig(settings({ dataset: 'mnist14', architecture: 'cnn', depth: 2 }));
    const data = { trainCount: 100, testCount: 50 };
    const small = memoryFor({ ...config, batchSize: 8 }, data, 8);
    const large = memoryFor({ ...config, batchSize: 16 }, data, 8);
    expect(large.parts.activations).toBeGreaterThan(small.parts.activations);
    expect(memoryFor({ ...config, batchSize: 16 }, data, 16).total).toBe(large.total);
    expect(memoryFor({ ...config, batchSize: 16 }, data, 32).total).toBeGreaterThan(large.total);
  });

  it.each([
    [
      'an MLP with BatchNorm and SGD',
      settings({ dataset: 'mnist14', depth: 3, width: 48, norm: 'batchNorm' }),
    ],
    [
      'an MLP with LayerNorm after, Adam',
      settings({
        dataset: 'mnist14',
        depth: 2,
        width: 40,
        norm: 'layerNorm',
        placement: 'after',
        optimizer: 'adam',
      }),
    ],
    [
      'an MLP with RMSNorm before, Adam',
      settings({ dataset: 'mnist14', depth: 2, width: 24, norm: 'rmsNorm', optimizer: 'adam' }),
    ],
    [
      'a residual MLP with Fixup, Adam',
      settings({
        dataset: 'mnist14',
        architecture: 'resmlp',
        depth: 3,
        width: 24,
        branchInit: 'fixup',
        optimizer: 'adam',
      }),
    ],
    [
      'a residual MLP with BatchNorm after and SkipInit',
      settings({
        dataset: 'mnist14',
        architecture: 'resmlp',
        depth: 2,
        width: 16,
        norm: 'batchNorm',
        placement: 'after',
        branchInit: 'skipInit',
      }),
    ],
    [
      'a residual CNN with Fixup',
      settings({
        dataset: 'mnist14',
        architecture: 'cnn',
        depth: 2,
        width: 8,
        branchInit: 'fixup',
        batchSize: 12,
      }),
    ],
    [
      'a residual CNN with BatchNorm',
      settings({
        dataset: 'mnist14',
        architecture: 'cnn',
        depth: 2,
        width: 8,
        norm: 'batchNorm',
        batchSize: 12,
      }),
    ],
    [
      'a plain CNN with GroupNorm',
      settings({
        dataset: 'mnist14',
        architecture: 'cnn',
        depth: 2,
        width: 8,
        norm: 'groupNorm',
        groups: 4,
        residual: false,
        batchSize: 6,
      }),
    ],
    [
      'an MLP with GroupNorm and weight standardization',
      settings({
        dataset: 'mnist14',
        depth: 2,
        width: 16,
        norm: 'groupNorm',
        groups: 4,
        weightStandardization: true,
        // At most the chunk of 7: GroupNorm keeps the statistics of its latest forward only, so after
        // validating it holds a chunk's, where the plan counts the larger training batch's.
        batchSize: 6,
      }),
    ],
    [
      'a residual CNN with GroupNorm and weight standardization',
      settings({
        dataset: 'mnist14',
        architecture: 'cnn',
        depth: 1,
        width: 8,
        norm: 'groupNorm',
        groups: 2,
        weightStandardization: true,
        batchSize: 4,
      }),
    ],
    [
      'a CNN with LayerNorm over C×H×W',
      settings({
        dataset: 'mnist14',
        architecture: 'cnn',
        depth: 1,
        width: 4,
        norm: 'layerNorm',
        optimizer: 'adam',
        batchSize: 5,
      }),
    ],
    [
      'a CNN with RMSNorm over C×H×W',
      settings({
        dataset: 'mnist14',
        architecture: 'cnn',
        depth: 1,
        width: 4,
        norm: 'rmsNorm',
        batchSize: 5,
      }),
    ],
    [
      'a CNN with InstanceNorm, no norm bias',
      settings({
        dataset: 'mnist14',
        architecture: 'cnn',
        depth: 1,
        width: 6,
        norm: 'instanceNorm',
        batchSize: 4,
      }),
    ],
  ])('matches what a real run of %s holds after training and validating', (_, s) => {
    const config = toRunConfig(s);
    const info = LAB_DATASETS[s.dataset];
    const train = randomSet(96, info.sampleShape, info.numClasses);
    const test = randomSet(40, info.sampleShape, info.numClasses);
    const run = new TrainingRun(config, train, { testCount: test.count });
    run.model.forwardChunk = 7; // chunks of 7: smaller than the batch, and not a divisor of 40
    run.step({ probe: true });
    run.step();
    run.evaluate(test, 'eval');
    const plan = memoryFor(config, { trainCount: train.count, testCount: test.count }, 7);
    const data = new Set<ArrayBufferLike>([
      train.x.buffer,
      train.y.buffer,
      test.x.buffer,
      test.y.buffer,
    ]);
    // Everything the model and the shared scratch hold: weights, gradients, norm statistics, every
    // layer's output, the gradients handed down.
    const held = heldBytes([run.model, scratch], data);
    const dlogits = config.batchSize * config.model.numClasses * 4;
    const { parameters, gradients, activations, gradientScratch, convScratch } = plan.parts;
    const planned = parameters + gradients + activations - dlogits + gradientScratch + convScratch;
    expect(held).toBeLessThanOrEqual(planned);
    expect(held).toBeGreaterThan(0.97 * planned);
    // The optimizer's state, apart from the parameters it shares with the model.
    const modelBuffers = new Set(data);
    const collect = (value: unknown, seen = new Set<unknown>()): void => {
      if (value === null || typeof value !== 'object' || seen.has(value)) return;
      seen.add(value);
      if (ArrayBuffer.isView(value)) modelBuffers.add(value.buffer);
      else for (const v of Object.values(value)) collect(v, seen);
    };
    collect(run.model);
    expect(heldBytes(run.optimizer, modelBuffers)).toBe(plan.parts.optimizer);
    expect(scratch.bytes()).toBeLessThanOrEqual(gradientScratch + convScratch);
  });

  it('counts the WebAssembly memory of the layers\u2019 loops, which a wide ReLU on a large batch needs most', () => {
    // One hidden layer of 256 on 2 inputs, batches of 400: its ReLU copies two operands of
    // 400 × 256 floats into the module (819 KB), more than any of the products lays out.
    const config = toRunConfig(
      settings({ dataset: 'spiral', depth: 1, width: 256, norm: 'none', batchSize: 400 }),
    );
    const train = randomSet(800, [2], 2);
    const run = new TrainingRun(config, train, { testCount: 0 });
    const sizing = engineWasmKernels!;
    const relu = eltwiseLayout(sizing, 400 * 256, 0).end;
    const products = [
      gemmLayout(sizing, 400, 256, 2), // hidden layer: y = x Wᵀ
      gemmLayout(sizing, 256, 2, 400), // its dW = dyᵀ x
      gemmLayout(sizing, 400, 2, 256), // classifier: y = x Wᵀ, and the hidden layer's dx = dy W
      gemmLayout(sizing, 2, 256, 400), // the classifier's dW
    ].map((at) => at.end);
    expect(relu).toBeGreaterThan(Math.max(...products));
    run.step();
    const held = sizing.exports.memory.buffer.byteLength;
    expect(held).toBeGreaterThanOrEqual(relu);
    expect(held).toBeLessThanOrEqual(run.memory.parts.wasm);
    expect(run.memory.parts.wasm).toBe(Math.ceil(relu / 65536) * 65536);
  });

  it('counts the WebAssembly memory of the optimizer\u2019s update, which stays under any product\u2019s', () => {
    // The update takes a parameter in chunks of OPTIMIZER_CHUNK floats, four operands of them: at
    // most 64 KB, under the workspace alone of the smallest product (every model has a classifier),
    // so the update never decides the plan, however large a layer.
    const sizing = engineWasmKernels!;
    const update = optimizerLayout(sizing, OPTIMIZER_CHUNK).end;
    expect(update).toBeLessThan(gemmLayout(sizing, 1, 1, 1).end);
    // Two hidden layers of 64 on 2 inputs, batches of 2: the 64 × 64 weight is a whole chunk.
    const config = toRunConfig(
      settings({ dataset: 'spiral', depth: 2, width: 64, norm: 'none', batchSize: 2 }),
    );
    const run = new TrainingRun(config, randomSet(40, [2], 2), { testCount: 0 });
    expect(run.memory.parts.wasm).toBeGreaterThanOrEqual(update);
    sizing.release();
    run.step();
    expect(sizing.exports.memory.buffer.byteLength).toBeLessThanOrEqual(run.memory.parts.wasm);
  });

  it('validates in chunks that give the same numbers as one pass', () => {
    const s = settings({
      dataset: 'mnist14',
      architecture: 'cnn',
      depth: 1,
      width: 8,
      norm: 'batchNorm',
      batchSize: 16,
    });
    const train = randomSet(64, [1, 14, 14], 10);
    const test = randomSet(50, [1, 14, 14], 10);
    const run = new TrainingRun(toRunConfig(s), train);
    for (let i = 0; i < 3; i++) run.step();
    const all = { shape: [50, 1, 14, 14], data: test.x };
    run.model.forwardChunk = 50;
    const whole = run.evaluate(test, 'eval');
    const logits = Float32Array.from(run.model.predict(all).data);
    run.model.forwardChunk = 3;
    const chunked = run.evaluate(test, 'eval');
    expect(chunked.count).toBe(50);
    expect(chunked.accuracy).toBe(whole.accuracy);
    expect(chunked.loss).toBeCloseTo(whole.loss, 12);
    // Each sample's logits are the same bits whatever chunk it went through.
    expect(Array.from(run.model.predict(all).data)).toEqual(Array.from(logits));
  });
});

describe('a configuration that does not fit', () => {
  const data = { trainCount: 8000, testCount: 2000 };

  it('is refused with the batch size to use when a smaller batch fits', () => {
    const config = toRunConfig(
      settings({ dataset: 'mnist28', architecture: 'cnn', depth: 16, width: 64, batchSize: 512 }),
    );
    const largest = largestBatchThatFits(config, data)!;
    expect(largest).toBeGreaterThanOrEqual(1);
    expect(largest).toBeLessThan(512);
    expect(planRunMemory({ ...config, batchSize: largest }, data).fits).toBe(true);
    expect(planRunMemory({ ...config, batchSize: largest + 1 }, data).fits).toBe(false);
    expect(memoryRefusal(config, data)).toMatch(
      new RegExp(
        `more than the 256 MB a run may use\\. Lower the batch size to ${largest} or less`,
      ),
    );
  });

  it('is refused with width or depth when even one sample does not fit', () => {
    const config = toRunConfig(
      settings({ dataset: 'mnist28', depth: 100, width: 512, optimizer: 'adam' }),
    );
    expect(memoryRefusal(config, data)).toMatch(/Lower the width or the depth/);
  });

  it('throws a MemoryBudgetError from TrainingRun before building anything', () => {
    const config: RunConfig = toRunConfig(
      settings({ dataset: 'mnist14', architecture: 'cnn', depth: 16, width: 64, batchSize: 512 }),
    );
    const train = randomSet(600, [1, 14, 14], 10);
    expect(() => new TrainingRun(config, train)).toThrow(MemoryBudgetError);
    expect(() => new TrainingRun(config, train)).toThrow(/Lower the batch size to \d+ or less/);
  });
});
